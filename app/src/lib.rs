//! Roundtable's application: the pure domain, the server functions and the
//! pages. Compiled into the server (feature `ssr`) and to WASM (`hydrate`).

// The views of the design walk are deep types; the compiler needs room.
#![recursion_limit = "256"]

pub mod api;
pub mod document;
pub mod domain;
pub mod i18n;
pub mod ui;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(ui::App);
}
