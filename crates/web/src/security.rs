//! Request guards and response headers.
//!
//! * Every response carries a strict Content-Security-Policy (no script at
//!   all, styles only from our own stylesheet, images only from us or
//!   `data:`), `nosniff`, no framing, no referrer.
//! * Read-only: only GET and HEAD are served.
//! * With a token (required off loopback), every request must carry it:
//!   `Authorization: Bearer …`, the `dossier_token` cookie, or `?token=…`
//!   (which also sets the cookie so links keep working without JavaScript).
//! * On loopback without a token, the Host header must name the loopback
//!   (defeats DNS-rebinding pages reading the local server).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// The Content-Security-Policy sent with every response.
pub const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
                       base-uri 'none'; frame-ancestors 'none'";

const COOKIE: &str = "dossier_token";

/// Constant-time comparison (length leaks, content does not).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn token_from_query(query: Option<&str>) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
}

fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        if let Some(t) = v.strip_prefix("Bearer ") {
            return Some(t.trim().to_string());
        }
    }
    for v in headers.get_all(header::COOKIE) {
        let Ok(v) = v.to_str() else { continue };
        for part in v.split(';') {
            if let Some((k, val)) = part.trim().split_once('=') {
                if k == COOKIE {
                    return Some(val.to_string());
                }
            }
        }
    }
    None
}

fn host_is_loopback(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        // HTTP/1.0 without Host: nothing a browser page could forge.
        return true;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "::1"
    ) || name.starts_with("127.")
}

fn plain(status: StatusCode, msg: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        msg,
    )
        .into_response()
}

/// The guard middleware.
pub async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let mut set_cookie = None;
    let mut resp = if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "read-only: only GET and HEAD\n",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        r
    } else if let Some(expected) = &state.token {
        let from_query = token_from_query(req.uri().query());
        let given = token_from_headers(req.headers()).or_else(|| from_query.clone());
        match given {
            Some(t) if same(t.as_bytes(), expected.as_bytes()) => {
                if from_query.is_some() {
                    set_cookie = Some(format!("{COOKIE}={t}; HttpOnly; SameSite=Strict; Path=/"));
                }
                next.run(req).await
            }
            _ => plain(
                StatusCode::UNAUTHORIZED,
                "a valid token is required (?token=…)\n",
            ),
        }
    } else if !host_is_loopback(req.headers()) {
        plain(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to localhost\n",
        )
    } else {
        next.run(req).await
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if let Some(c) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        h.insert(header::SET_COOKIE, c);
    }
    resp
}

/// An empty body response (keeps types simple for callers).
pub fn empty(status: StatusCode) -> Response {
    (status, Body::empty()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_and_parses() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
        assert_eq!(
            token_from_query(Some("q=x&token=a%20b")).as_deref(),
            Some("a b")
        );
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("x=1; dossier_token=zz"),
        );
        assert_eq!(token_from_headers(&h).as_deref(), Some("zz"));
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(host_is_loopback(&h));
        h.insert(header::HOST, HeaderValue::from_static("[::1]:80"));
        assert!(host_is_loopback(&h));
        h.insert(header::HOST, HeaderValue::from_static("evil.example:8080"));
        assert!(!host_is_loopback(&h));
    }
}
