//! The projector's dashboard as the server pushes it: the page draws the
//! dashboard it was served with, then each newer one that arrives on
//! `/w/{slug}/live/dashboard` (built once per version on the server for
//! every screen), and never asks the server for it again.

use crate::domain::dashboard::Dashboard;
use crate::domain::error::AppError;
use leptos::prelude::*;

/// The dashboards pushed to this page: `None` until one newer than `served`
/// (the server-rendered one) arrives, then always the newest. The page's
/// other parts that follow the live version (`live::use_live_version`, the
/// stage timer) share this stream's version, so the page holds one
/// connection. The browser's EventSource reconnects by itself, sending
/// `Last-Event-ID`, and the server then sends what changed meanwhile.
pub fn use_pushed_dashboard(
    slug: impl Fn() -> String + Send + Sync + 'static,
    served: Resource<Result<Dashboard, AppError>>,
) -> ReadSignal<Option<Dashboard>> {
    let (pushed, set_pushed) = signal(None::<Dashboard>);
    let (version, set_version) = signal(0u64);
    super::live::share_live_version(version);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        Effect::new(move |_| {
            let url = format!("/w/{}/live/dashboard", slug());
            if pushed.with_untracked(Option::is_some) {
                set_pushed.set(None);
            }
            let Ok(source) = web_sys::EventSource::new(&url) else {
                return;
            };
            let on_dashboard =
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                    let Some(dashboard) = event
                        .data()
                        .as_string()
                        .and_then(|data| serde_json::from_str::<Dashboard>(&data).ok())
                    else {
                        return;
                    };
                    let shown = pushed
                        .with_untracked(|p| p.as_ref().map(|d| d.version))
                        .or_else(|| served_version(served));
                    let arrived = dashboard.version;
                    if shown.is_none_or(|shown| arrived > shown) {
                        set_pushed.set(Some(dashboard));
                    }
                    if arrived > version.get_untracked() {
                        set_version.set(arrived);
                    }
                });
            let _ =
                source.add_event_listener_with_callback("dashboard", on_dashboard.as_ref().unchecked_ref());
            // The listener lives as long as the source, which closes below.
            on_dashboard.forget();
            // Runs when the page goes away or the slug changes.
            let source = send_wrapper::SendWrapper::new(source);
            on_cleanup(move || source.close());
        });
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (slug, served, set_pushed, set_version);
    }
    pushed
}

#[cfg(feature = "hydrate")]
fn served_version(served: Resource<Result<Dashboard, AppError>>) -> Option<u64> {
    served.with_untracked(|served| match served {
        Some(Ok(dashboard)) => Some(dashboard.version),
        _ => None,
    })
}

/// The dashboard to draw: the pushed one once it is newer than the served.
pub fn newest(served: Dashboard, pushed: Option<Dashboard>) -> Dashboard {
    match pushed {
        Some(pushed) if pushed.version > served.version => pushed,
        _ => served,
    }
}
