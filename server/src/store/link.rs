//! The link of one stored event in the hash chain: the SHA-256 of the
//! previous link and of the event exactly as stored.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

/// The link before a workshop's first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The link of one stored event after `previous`. Each part is prefixed by
/// its length, so no two different events can be written as the same bytes.
pub fn link(
    previous: &str,
    workshop: &str,
    seq: i64,
    kind: &str,
    actor: &str,
    payload: &str,
    recorded_at: DateTime<Utc>,
) -> String {
    let seq = seq.to_string();
    let at = recorded_at.to_rfc3339_opts(SecondsFormat::Micros, true);
    let mut hasher = Sha256::new();
    for part in [previous, workshop, &seq, kind, actor, payload, &at] {
        hasher.update(part.len().to_string().as_bytes());
        hasher.update(b":");
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_depends_on_every_part() {
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:00:00.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        let base = link(GENESIS, "w", 1, "k", "{}", "{\"a\":1}", at);
        assert_eq!(base.len(), 64);
        assert_ne!(base, link(GENESIS, "w", 2, "k", "{}", "{\"a\":1}", at));
        assert_ne!(base, link(GENESIS, "w", 1, "k", "{}", "{\"a\":2}", at));
        assert_ne!(base, link(&base, "w", 1, "k", "{}", "{\"a\":1}", at));
        // Parts cannot be shifted into each other.
        assert_ne!(
            link(GENESIS, "w", 1, "ab", "c", "", at),
            link(GENESIS, "w", 1, "a", "bc", "", at)
        );
        assert_eq!(base, link(GENESIS, "w", 1, "k", "{}", "{\"a\":1}", at));
    }
}
