//! A list on a page that follows the workshop (people, tokens, stages,
//! requests): drawn again from its resource whenever that changes, with a
//! sentence instead when there is nothing to list.

use super::use_locale;
use crate::domain::error::AppError;
use crate::i18n::Msg;
use leptos::prelude::*;

/// `<ul class>` with `item` drawn for each of what `entries` takes out of
/// the resource's data; `empty`'s sentence when there is none (nothing at
/// all without it), and nothing while it cannot be had.
#[component]
pub fn LiveList<R, T, F, IV>(
    resource: Resource<Result<R, AppError>>,
    entries: fn(R) -> Vec<T>,
    class: &'static str,
    #[prop(optional)] empty: Option<Msg>,
    item: F,
) -> impl IntoView
where
    R: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    T: Send + 'static,
    F: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let tr = use_locale();
    view! {
        <Transition fallback=|| ()>
            {move || {
                let item = item.clone();
                Suspend::new(async move {
                    let list = resource.await.map(entries).unwrap_or_default();
                    match empty {
                        Some(empty) if list.is_empty() => view! { <p>{tr(empty)}</p> }.into_any(),
                        _ => view! { <ul class=class>{list.into_iter().map(item).collect_view()}</ul> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
