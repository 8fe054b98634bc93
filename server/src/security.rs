//! Web security in front of every route: refuse cross-origin state changes,
//! and put protective headers on every response.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// The nonce of one response's inline scripts, made here and handed to
/// Leptos through the request's extensions (see `http::router`), so that the
/// page's scripts and this response's policy always agree.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The Content-Security-Policy: only our own scripts and WASM, plus inline
/// scripts that carry this response's nonce.
/// Framing is refused everywhere except on the projector's screen link
/// (`frameable`), which other sites may embed (a conference's stream page,
/// a slide tool): it needs no account and shows only what is public.
pub fn policy(nonce: &str, frameable: bool) -> String {
    let ancestors = if frameable { "*" } else { "'none'" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors {ancestors}"
    )
}

/// The public, read-only screen link: `/w/{slug}/screen`.
pub fn frameable(path: &str) -> bool {
    path.strip_prefix("/w/")
        .and_then(|rest| rest.strip_suffix("/screen"))
        .is_some_and(|slug| !slug.is_empty() && !slug.contains('/'))
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS random generator works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Whether a state-changing request may come from where the browser says it
/// comes from. Browsers send `Sec-Fetch-Site` (all current ones) or at least
/// `Origin` on cross-origin POSTs; a request with neither is not from a
/// browser page, so it cannot be a forged one.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    origin_host.is_some_and(|h| h.eq_ignore_ascii_case(host))
}

/// The address a request comes from: the peer's, or, when the peer is one
/// of the operator's `trusted` proxies, the nearest address in
/// `X-Forwarded-For` that is not one of them. Anyone else's header is
/// ignored: a client naming any address it likes would escape the count of
/// its wrong guesses, or spend someone else's.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops = forwarded_for.iter().rev().flat_map(|value| value.rsplit(','));
    for hop in hops {
        match hop.trim().parse::<IpAddr>() {
            Ok(address) if trusted.contains(&address) => continue,
            Ok(address) => return address,
            // Garbled by whoever came before the proxy: no better than the proxy.
            Err(_) => return peer,
        }
    }
    peer
}

/// Puts the request's client address (`client_address`) where the server
/// functions that count attempts read it.
pub async fn note_client_address(
    axum::extract::State(trusted): axum::extract::State<std::sync::Arc<[IpAddr]>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    let forwarded: Vec<&str> = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let client = peer.map_or_else(
        || "unknown".into(),
        |peer| client_address(peer, &forwarded, &trusted).to_string(),
    );
    request
        .extensions_mut()
        .insert(app::api::service::ClientAddress(client));
    next.run(request).await
}

pub async fn guard(mut request: Request, next: Next) -> Response {
    let nonce = new_nonce();
    let frameable = frameable(request.uri().path());
    if is_state_changing(request.method()) && !same_origin(request.headers()) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-origin state change");
        let mut response = (
            StatusCode::FORBIDDEN,
            "This request came from another site and was refused. Nothing was changed.",
        )
            .into_response();
        add_headers(response.headers_mut(), &nonce, false);
        return response;
    }
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let https = request.uri().scheme_str() == Some("https")
        || request
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v == "https");
    let mut response: Response<Body> = next.run(request).await;
    add_headers(response.headers_mut(), &nonce, frameable);
    if https {
        // Two years, as the HSTS preload list asks; plain HTTP (a laptop
        // on a venue network) is never told to insist on HTTPS.
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

fn add_headers(headers: &mut HeaderMap, nonce: &str, frameable: bool) {
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !frameable {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if let Ok(value) = HeaderValue::from_str(&policy(nonce, frameable)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_names_the_client() {
        let proxy = ip("10.0.0.2");
        // Straight from a client, its header is its own claim: ignored.
        assert_eq!(
            client_address(ip("203.0.113.9"), &["198.51.100.1"], &[proxy]),
            ip("203.0.113.9")
        );
        // Through the proxy: the address the proxy saw, not what the client
        // wrote before it (the left of the list is the client's to forge).
        assert_eq!(
            client_address(proxy, &["198.51.100.1, 203.0.113.9"], &[proxy]),
            ip("203.0.113.9")
        );
        // Two proxies in a row, and the list split over two headers.
        let inner = ip("10.0.0.3");
        assert_eq!(
            client_address(proxy, &["198.51.100.1, 203.0.113.9", "10.0.0.3"], &[proxy, inner]),
            ip("203.0.113.9")
        );
        // No header, or a garbled one: the proxy itself.
        assert_eq!(client_address(proxy, &[], &[proxy]), proxy);
        assert_eq!(client_address(proxy, &["not an address"], &[proxy]), proxy);
        // Nothing trusted (the default): always the peer.
        assert_eq!(client_address(proxy, &["203.0.113.9"], &[]), proxy);
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_the_screen_link_may_be_framed() {
        assert!(frameable("/w/demo/screen"));
        assert!(!frameable("/w/demo"));
        assert!(!frameable("/w/demo/setup"));
        assert!(!frameable("/w/demo/x/screen"));
        assert!(!frameable("/w//screen"));
    }

    #[test]
    fn judges_the_origin_of_a_request() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(same_origin(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(same_origin(&headers(&[])), "not a browser: nothing to forge");
    }
}
