//! Who may use the desk: a request must name the desk's own loopback address in its Host
//! header, carry the session the start-up token opened (as a cookie), and, for every change, the
//! session's CSRF token. Nothing else is trusted.

use std::collections::HashMap;
use std::sync::Mutex;

use ssh_key::rand_core::{OsRng, RngCore};

/// A random token of 32 bytes, as 64 hexadecimal digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The desk's secrets: the token printed at start, and the sessions it opened, each with its
/// CSRF token.
pub struct Guard {
    pub port: u16,
    token: String,
    sessions: Mutex<HashMap<String, String>>,
}

impl Guard {
    pub fn new(port: u16) -> Guard {
        Guard {
            port,
            token: random_token(),
            sessions: Mutex::new(HashMap::new()),
        }
    }

    /// The address to open, with the token.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?token={}", self.port, self.token)
    }

    /// The name of the session cookie (one a port, so two desks do not share it).
    pub fn cookie_name(&self) -> String {
        format!("clerk_desk_{}", self.port)
    }

    /// Whether the Host header is this desk's: `127.0.0.1:PORT` or `localhost:PORT`. Any other
    /// name may be a page elsewhere reaching the desk through DNS rebinding.
    pub fn host_ok(&self, host: Option<&str>) -> bool {
        let Some(host) = host.map(str::to_ascii_lowercase) else {
            return false;
        };
        host == format!("127.0.0.1:{}", self.port) || host == format!("localhost:{}", self.port)
    }

    /// Whether an Origin header, when the browser sends one, is the desk's own.
    pub fn origin_ok(&self, origin: Option<&str>) -> bool {
        origin.is_none_or(|o| {
            let o = o.to_ascii_lowercase();
            o == format!("http://127.0.0.1:{}", self.port)
                || o == format!("http://localhost:{}", self.port)
        })
    }

    /// A new session, if `token` is the desk's: (session id, its CSRF token).
    pub fn open(&self, token: &str) -> Option<(String, String)> {
        if !same_secret(token, &self.token) {
            return None;
        }
        let (id, csrf) = (random_token(), random_token());
        self.lock().insert(id.clone(), csrf.clone());
        Some((id, csrf))
    }

    /// The CSRF token of the session named by the request's Cookie header, if it is open.
    pub fn session(&self, cookies: Option<&str>) -> Option<String> {
        let name = self.cookie_name();
        let id = cookies?.split(';').find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then_some(v)
        })?;
        let sessions = self.lock();
        sessions
            .iter()
            .find(|(k, _)| same_secret(k, id))
            .map(|(_, csrf)| csrf.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.sessions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body (or query), decoded.
pub fn form(body: &str) -> HashMap<String, String> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    body.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_desks_own_host_and_port_are_answered() {
        let g = Guard::new(8123);
        assert!(g.host_ok(Some("127.0.0.1:8123")));
        assert!(g.host_ok(Some("LOCALHOST:8123")));
        for bad in [
            "evil.example:8123",
            "127.0.0.1",
            "127.0.0.1:80",
            "localhost",
            "",
        ] {
            assert!(!g.host_ok(Some(bad)), "{bad}");
        }
        assert!(!g.host_ok(None));
        assert!(g.origin_ok(None));
        assert!(g.origin_ok(Some("http://localhost:8123")));
        assert!(!g.origin_ok(Some("http://evil.example")));
    }

    #[test]
    fn a_session_opens_with_the_token_only() {
        let g = Guard::new(1);
        assert!(g.open("wrong").is_none());
        assert!(g.open(&"0".repeat(64)).is_none());
        let token = g.url().split("token=").nth(1).unwrap().to_string();
        let (id, csrf) = g.open(&token).unwrap();
        assert_eq!(
            g.session(Some(&format!("a=b; clerk_desk_1={id}"))),
            Some(csrf)
        );
        assert_eq!(g.session(Some("clerk_desk_1=nope")), None);
        assert_eq!(g.session(Some(&format!("clerk_desk_2={id}"))), None);
        assert_eq!(g.session(None), None);
    }

    #[test]
    fn forms_decode_plus_and_percent_escapes() {
        let f = form("step=approve&comment=%E8%AB%8B+%E8%A3%9C&empty=&bare");
        assert_eq!(f["comment"], "請 補");
        assert_eq!(f["empty"], "");
        assert_eq!(f["bare"], "");
        assert_eq!(f["step"], "approve");
    }
}
