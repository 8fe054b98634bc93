//! The fonts a PDF is set in: typst's bundled fonts (Latin, Greek,
//! Cyrillic, mathematics) and one CJK font from the system, because the
//! bundled ones have no Chinese glyphs. The CJK font is Debian's
//! `fonts-noto-cjk` (scripts/ensure-tools.sh installs it) unless
//! ROUNDTABLE_CJK_FONT names another; a PDF embeds only the glyphs it uses,
//! so the 20 MB collection costs a Chinese PDF a few hundred kilobytes.

use std::path::Path;
use typst::foundations::Bytes;
use typst::text::Font;

/// Where Debian's packages put a CJK font, best first.
const CJK_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
];

/// The serif the bundled fonts give for Latin text.
const LATIN_FAMILY: &str = "Libertinus Serif";

pub struct FontSet {
    pub fonts: Vec<Font>,
    /// The CJK family to ask for (the Simplified Chinese face of a
    /// collection), if a CJK font was found.
    pub cjk_family: Option<String>,
    /// Where it was read from, or why none was.
    pub cjk_source: String,
}

impl FontSet {
    pub fn load(configured: Option<&Path>) -> FontSet {
        let mut fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let candidates: Vec<&Path> = match configured {
            Some(path) => vec![path],
            None => CJK_CANDIDATES.iter().map(Path::new).collect(),
        };
        let found = candidates
            .iter()
            .find_map(|path| std::fs::read(path).ok().map(|data| (path, data)));
        let Some((path, data)) = found else {
            let tried: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
            tracing::warn!(tried = ?tried, "no CJK font: Chinese text cannot go into a PDF");
            return FontSet {
                fonts,
                cjk_family: None,
                cjk_source: format!("none of {}", tried.join(", ")),
            };
        };
        let cjk: Vec<Font> = Font::iter(Bytes::new(data)).collect();
        let family = |f: &Font| f.info().family.clone();
        let cjk_family = cjk
            .iter()
            .map(family)
            .find(|name| name.ends_with(" SC"))
            .or_else(|| cjk.first().map(family));
        fonts.extend(cjk);
        FontSet {
            fonts,
            cjk_family,
            cjk_source: path.display().to_string(),
        }
    }

    /// The families a text asks for, in order: in Chinese the CJK face
    /// first (its Latin glyphs match its Han ones), else the serif first.
    pub fn families(&self, chinese: bool) -> Vec<String> {
        let latin = LATIN_FAMILY.to_string();
        match (&self.cjk_family, chinese) {
            (Some(cjk), true) => vec![cjk.clone(), latin],
            (Some(cjk), false) => vec![latin, cjk.clone()],
            (None, _) => vec![latin],
        }
    }

    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.fonts.iter().any(|f| f.info().coverage.contains(c as u32))
    }
}

/// Han, kana, hangul and CJK punctuation: what needs the CJK font.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3200..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}
