//! The client's address, for sign-in throttling and the failed-sign-in log: the connection's peer
//! address, or, when `nmp serve` runs behind a reverse proxy that says so
//! (`NMP_TRUSTED_PROXY_HEADER`), the address that proxy put in its header. The header is only
//! believed when configured: otherwise anyone could send `X-Forwarded-For` and pick a fresh
//! address for every guess. For a list (`X-Forwarded-For: client, proxy1`), the last entry is the
//! one the trusted proxy added itself; the entries before it are whatever the client claimed.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName};

use crate::AppState;

/// The client's address as text (`203.0.113.7`, `2001:db8::1`), or `unknown` when the server
/// cannot tell (a test request without a connection).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub String);

/// The address from `trusted` (if configured and present and an IP address), else `peer`.
pub fn client_address(headers: &HeaderMap, peer: Option<SocketAddr>, trusted: Option<&HeaderName>) -> String {
    let from_proxy = trusted
        .and_then(|name| headers.get_all(name).iter().next_back())
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    match (from_proxy, peer) {
        (Some(ip), _) => ip.to_string(),
        (None, Some(peer)) => peer.ip().to_string(),
        (None, None) => "unknown".to_string(),
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
        Ok(ClientAddress(client_address(
            &parts.headers,
            peer,
            state.trusted_proxy_header.as_ref(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_proxy_header_counts_only_when_configured_and_its_last_entry_wins() {
        let peer: SocketAddr = "192.0.2.1:50000".parse().unwrap();
        let forwarded = headers(&[("x-forwarded-for", "198.51.100.9, 203.0.113.7")]);
        assert_eq!(client_address(&forwarded, Some(peer), None), "192.0.2.1");
        let xff = HeaderName::from_static("x-forwarded-for");
        assert_eq!(client_address(&forwarded, Some(peer), Some(&xff)), "203.0.113.7");
        let junk = headers(&[("x-forwarded-for", "not an address")]);
        assert_eq!(client_address(&junk, Some(peer), Some(&xff)), "192.0.2.1");
        assert_eq!(client_address(&HeaderMap::new(), None, Some(&xff)), "unknown");
        let v6 = headers(&[("x-real-ip", "2001:db8::1")]);
        let real_ip = HeaderName::from_static("x-real-ip");
        assert_eq!(client_address(&v6, None, Some(&real_ip)), "2001:db8::1");
    }
}
