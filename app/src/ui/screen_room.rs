//! The way into the room on every stage's projected screen: a small QR
//! code and the room code, at the top of the side column, in the flow of
//! the page so it never covers a figure. (The commitments' screen draws
//! its own, larger, in its side column.)

use super::Tr;
use crate::api::RoomCode;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn RoomCorner(room: Option<RoomCode>, slug: String, tr: Tr) -> impl IntoView {
    room.map(|room| {
        view! {
            <section class="room-corner" aria-label=tr(Msg::JoinTheRoom)>
                <img src=format!("/w/{slug}/room.svg") alt=tr(Msg::QrAlt) width="96" height="96"/>
                <div>
                    <p>{tr(Msg::JoinTheRoom)}" "<strong class="room-code">{room.code}</strong></p>
                    <p class="room-url">{room.join_url}</p>
                </div>
            </section>
        }
    })
}
