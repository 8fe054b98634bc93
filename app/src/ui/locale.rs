//! The user's language: chosen on the server from the `lang` cookie or the
//! browser's `Accept-Language`, written into `<html lang>`, and read back
//! from there when the page hydrates, so both sides render the same text.

use crate::domain::model::ScreenLanguages;
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[cfg(feature = "ssr")]
pub const LANG_COOKIE: &str = "lang";

/// Translates a message into the page's language.
pub type Tr = fn(Msg) -> &'static str;

pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| locale_of_request(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}

#[cfg(feature = "ssr")]
pub fn locale_of_request(headers: &http::HeaderMap) -> Locale {
    let from_cookie = crate::api::service::cookie_in(headers, LANG_COOKIE).and_then(|v| Locale::from_tag(&v));
    from_cookie
        .or_else(|| {
            headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The translator for the current page.
pub fn use_locale() -> Tr {
    match use_context::<Locale>().unwrap_or_default() {
        Locale::En => |msg| msg.text(Locale::En),
        Locale::ZhCn => |msg| msg.text(Locale::ZhCn),
    }
}

/// The translator for a projected screen: the page's language, or both
/// languages at once when the facilitators chose so for the room.
pub fn screen_locale(languages: ScreenLanguages) -> Tr {
    match languages {
        ScreenLanguages::Browser => use_locale(),
        ScreenLanguages::Both => Msg::both,
    }
}

/// Posts the chosen language to `/lang`, which sets the cookie and sends the
/// browser back here. A plain form, so it works before and without WASM.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = use_context::<Locale>().unwrap_or_default();
    let tr = use_locale();
    let location = use_location();
    view! {
        <form data-ready="native" method="post" action="/lang" class="lang-switch" aria-label=tr(Msg::Language)>
            <input type="hidden" name="return_to" value=move || location.pathname.get()/>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=locale.tag()
                            lang=locale.tag()
                            aria-pressed=if locale == current { "true" } else { "false" }
                        >
                            {locale.own_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
