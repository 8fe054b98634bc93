//! A workshop's version, kept current in the browser from the server's
//! live stream, so pages can refetch what they show when it moves.

use leptos::prelude::*;

/// The live version a page already follows, shared with its components.
#[derive(Clone, Copy)]
struct LiveVersion(ReadSignal<u64>);

/// The newest event number of a workshop: 0 on the server and until the
/// stream's first message, then whatever the server last announced. The
/// browser's EventSource reconnects by itself after a network drop.
///
/// One stream per page: a component inside a page that already follows
/// the workshop shares the page's signal. (Browsers allow six connections
/// per host; each open stream holds one.)
pub fn use_live_version(slug: impl Fn() -> String + Send + Sync + 'static) -> ReadSignal<u64> {
    if let Some(LiveVersion(version)) = use_context::<LiveVersion>() {
        return version;
    }
    let (version, set_version) = signal(0u64);
    provide_context(LiveVersion(version));
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        Effect::new(move |_| {
            let Ok(source) = web_sys::EventSource::new(&format!("/w/{}/live", slug())) else {
                return;
            };
            let on_version =
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                    if let Some(seq) = event.data().as_string().and_then(|d| d.parse().ok()) {
                        set_version.set(seq);
                    }
                });
            let _ = source.add_event_listener_with_callback("version", on_version.as_ref().unchecked_ref());
            // The listener lives as long as the source, which closes below.
            on_version.forget();
            // Runs when the page goes away or the slug changes.
            let source = send_wrapper::SendWrapper::new(source);
            on_cleanup(move || source.close());
        });
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (slug, set_version);
    }
    version
}

/// Makes `version` the live version this page's parts follow
/// (`use_live_version`), for a page that hears the workshop through a
/// stream of its own (the projector's pushed dashboard). A page that
/// already follows one (the main screen, which outlives the boards it
/// switches between) keeps it: a board's signal goes with the board, and
/// what the page draws next must not follow a disposed one.
pub fn share_live_version(version: ReadSignal<u64>) {
    if use_context::<LiveVersion>().is_none() {
        provide_context(LiveVersion(version));
    }
}

/// Refetches `resource` whenever the live version is newer than the event
/// its data is as of. Comparing versions, rather than keying the resource on
/// the live signal, means the stream's first message (the version the page
/// was rendered at) changes nothing while the page is still hydrating.
pub fn follow<T>(
    live: ReadSignal<u64>,
    resource: Resource<Result<T, crate::domain::error::AppError>>,
    version_of: fn(&T) -> u64,
) where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    Effect::new(move |_| {
        let live = live.get();
        if let Some(Ok(data)) = resource.get() {
            if live > version_of(&data) {
                resource.refetch();
            }
        }
    });
}

/// A workshop's data that follows the live stream: fetched with `fetch`,
/// refetched whenever the stream is ahead of `version_of` the data.
pub fn live_resource<T, F, Fut>(
    slug: String,
    fetch: F,
    version_of: fn(&T) -> u64,
) -> Resource<Result<T, crate::domain::error::AppError>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, crate::domain::error::AppError>> + Send + 'static,
{
    let version = {
        let slug = slug.clone();
        use_live_version(move || slug.clone())
    };
    let resource = Resource::new(move || slug.clone(), fetch);
    follow(version, resource, version_of);
    resource
}

/// Keeps `current` at a workshop's newest data: whenever the live stream is
/// ahead of it, fetches again with `fetch` and takes the answer unless an
/// even newer one came first. For a page that draws its parts once and lets
/// each follow the signal.
pub fn keep_current<T, F, Fut>(slug: String, current: RwSignal<T>, fetch: F, version_of: fn(&T) -> u64)
where
    T: Send + Sync + 'static,
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, crate::domain::error::AppError>> + 'static,
{
    let live = {
        let slug = slug.clone();
        use_live_version(move || slug.clone())
    };
    Effect::new(move |_| {
        if live.get() > current.with_untracked(version_of) {
            let fetching = fetch(slug.clone());
            leptos::task::spawn_local(async move {
                if let Ok(data) = fetching.await {
                    // The page may have gone meanwhile: then there is no signal to set.
                    if current
                        .try_with_untracked(version_of)
                        .is_some_and(|now| version_of(&data) >= now)
                    {
                        current.try_set(data);
                    }
                }
            });
        }
    });
}
