//! `clerk desk`: the approval desk, a local web page where an approver reads what waits for
//! them — each record as the site shows it, and what changed since their last approval — and
//! approves it (signed by `clerk sign`'s own code) or returns it with a comment.
//!
//! It listens on 127.0.0.1 only, answers only its own Host, opens a session only for the
//! random token it prints, and takes a change only with the session's CSRF token.

use std::io::Read;
use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;

use super::args::{AsOf, Audience};
use crate::model::types::Classification;

mod actions;
mod guard;
mod pages;

use guard::Guard;

/// What the desk was started with.
pub struct Desk {
    pub dir: PathBuf,
    /// Whose desk it is (a person id).
    pub who: String,
    pub key: Option<PathBuf>,
    pub commit: bool,
    pub audience: Classification,
    /// The day the inbox is judged on.
    pub today: NaiveDate,
    /// What the last change did (or why it failed), shown once on the next page.
    flash: std::sync::Mutex<Option<Flash>>,
}

/// A message for the next page: what was done, or what went wrong.
#[derive(Clone, serde::Serialize)]
pub struct Flash {
    pub ok: bool,
    pub text: String,
}

impl Desk {
    fn say(&self, ok: bool, text: String) {
        *self
            .flash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Flash { ok, text });
    }

    fn take_flash(&self) -> Option<Flash> {
        self.flash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }
}

/// `clerk desk`: runs until interrupted.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let dir = super::record::repository_dir(&args.dir);
    let (repo, _) = super::record::open_repository(&dir)?;
    let who = super::inbox::whoami(&repo, args.who)?;
    let name = super::inbox::name(&repo, &who);
    let audience =
        Audience::or(args.audience, Audience::Highest).resolve(&repo.config.classifications)?;
    drop(repo);
    let server = tiny_http::Server::http(("127.0.0.1", args.port)).map_err(|e| {
        let words = [("port", args.port.to_string()), ("error", e.to_string())];
        anyhow!(crate::i18n::tv("serve-cannot-listen", &words))
    })?;
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let guard = Guard::new(port);
    let desk = Desk {
        dir,
        who: who.clone(),
        key: args.key,
        commit: !args.no_commit,
        audience,
        today: args.as_of.day(),
        flash: std::sync::Mutex::new(None),
    };
    let url = guard.url();
    println!(
        "{}",
        crate::i18n::t(
            "desk-open",
            &[("name", &name), ("who", &who), ("url", &url)]
        )
    );
    println!("{}", crate::i18n::t("desk-token", &[]));
    // One request at a time: two approvals never write the same file at once.
    for request in server.incoming_requests() {
        answer(request, &desk, &guard);
    }
    Ok(0)
}

/// The headers and parts of a request the desk looks at.
struct Asked {
    post: bool,
    path: String,
    query: String,
    host: Option<String>,
    origin: Option<String>,
    cookie: Option<String>,
}

fn asked(request: &tiny_http::Request) -> Asked {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    Asked {
        post: *request.method() == tiny_http::Method::Post,
        path: percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned(),
        query: query.to_string(),
        host: header("Host"),
        origin: header("Origin"),
        cookie: header("Cookie"),
    }
}

/// Answers one request, refusing anything the guard does not let through.
fn answer(mut request: tiny_http::Request, desk: &Desk, guard: &Guard) {
    let a = asked(&request);
    let reply = if !guard.host_ok(a.host.as_deref()) || !guard.origin_ok(a.origin.as_deref()) {
        // A page elsewhere could reach the desk through DNS rebinding: only its own name.
        Reply::refused(crate::i18n::t("desk-wrong-host", &[("port", &guard.port)]))
    } else if let Some(token) = guard::form(&a.query).get("token") {
        match guard.open(token) {
            Some((session, _)) => Reply::to(&a.path).cookie(&guard.cookie_name(), &session),
            None => Reply::refused(crate::i18n::t("desk-wrong-token", &[])),
        }
    } else {
        match guard.session(a.cookie.as_deref()) {
            None => Reply::refused(crate::i18n::t("desk-no-session", &[])),
            Some(csrf) if a.post => {
                let mut body = String::new();
                let read = request.as_reader().take(1 << 16).read_to_string(&mut body);
                let form = guard::form(&body);
                let sent = form.get("csrf").map(String::as_str).unwrap_or_default();
                if read.is_err() || !guard::same_secret(sent, &csrf) {
                    Reply::refused(crate::i18n::t("desk-csrf", &[]))
                } else {
                    actions::post(desk, &a.path, &form)
                }
            }
            Some(csrf) => pages::get(desk, &a.path, &csrf),
        }
    };
    let _ = request.respond(reply.response());
}

/// What the desk answers.
pub struct Reply {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    cookie: Option<String>,
}

impl Reply {
    pub fn html(status: u16, page: String) -> Reply {
        Reply::bytes(status, "text/html; charset=utf-8", page.into_bytes())
    }

    pub fn bytes(status: u16, kind: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            kind,
            body,
            location: None,
            cookie: None,
        }
    }

    pub fn refused(why: String) -> Reply {
        Reply::bytes(
            403,
            "text/plain; charset=utf-8",
            format!("{why}\n").into_bytes(),
        )
    }

    pub fn not_found() -> Reply {
        Reply::bytes(404, "text/plain; charset=utf-8", b"not found\n".to_vec())
    }

    /// A redirect (303: the browser follows it with a GET).
    pub fn to(location: &str) -> Reply {
        Reply {
            location: Some(location.to_string()),
            ..Reply::bytes(303, "text/plain; charset=utf-8", Vec::new())
        }
    }

    fn cookie(mut self, name: &str, value: &str) -> Reply {
        self.cookie = Some(format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict"));
        self
    }

    fn response(self) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let mut headers = vec![
            ("Content-Type", self.kind.to_string()),
            ("Cache-Control", "no-store".into()),
            // The address once held the token: never send it elsewhere. (`no-referrer` would
            // make the browser send `Origin: null` with the desk's own forms.)
            ("Referrer-Policy", "same-origin".into()),
            ("X-Content-Type-Options", "nosniff".into()),
            (
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'".into(),
            ),
        ];
        headers.extend(self.location.map(|l| ("Location", l)));
        headers.extend(self.cookie.map(|c| ("Set-Cookie", c)));
        let mut response = tiny_http::Response::from_data(self.body).with_status_code(self.status);
        for (name, value) in headers {
            if let Ok(h) = tiny_http::Header::from_bytes(name, value.as_bytes()) {
                response = response.with_header(h);
            }
        }
        response
    }
}

/// `clerk desk`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Whose desk [default: $CLERK_PERSON, or the owner of ~/.ssh/id_ed25519.pub].
    #[arg(long = "as", value_name = "PERSON")]
    pub who: Option<String>,
    /// The port (0: any free port).
    #[arg(long, default_value = "8400")]
    pub port: u16,
    /// The private key (or, with an agent, its public key) to sign with [default: ~/.ssh/id_ed25519].
    #[arg(long)]
    pub key: Option<PathBuf>,
    /// Write approvals into the files only; do not commit them.
    #[arg(long)]
    pub no_commit: bool,
    #[command(flatten)]
    pub as_of: AsOf,
    /// Only records classified at this level (an id of clerk.yaml's `classifications`) or
    /// below [default: the highest, `confidential`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(self)
    }
}
