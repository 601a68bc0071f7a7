//! What `clerk serve` answers: site files from memory, with a script that reloads the page and
//! a banner of the check's errors injected into every page.

use std::sync::Arc;
use std::time::Duration;

use super::Shared;
use crate::diag::Diagnostic;

pub(super) fn line(d: &Diagnostic) -> String {
    format!("{}:{}: {} [{}]", d.path, d.line, d.message, d.code)
}

/// The page-side of reloading: waits for the next version, then reloads.
const RELOAD_JS: &str = r#"(function () {
  var me = document.currentScript, version = me.getAttribute("data-version");
  function wait() {
    fetch("/__clerk/version?since=" + version, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) { if (v.trim() !== version) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;

/// Answers one request: the reload script and its version poll, else a site file.
pub(super) fn respond(request: tiny_http::Request, shared: &Shared) {
    if !loopback_host(&request) {
        // A page elsewhere could reach this server through DNS rebinding (its own name
        // resolving to 127.0.0.1) and read the archive: only loopback names are answered.
        let _ = request.respond(
            text(
                "clerk serve answers only at 127.0.0.1, localhost or [::1]\n".into(),
                "text/plain; charset=utf-8",
            )
            .with_status_code(403),
        );
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = percent_decode(path);
    if path == "/__clerk/version" {
        wait_for_version(request, shared, query);
        return;
    }
    if path == "/__clerk/reload.js" {
        let _ = request.respond(text(RELOAD_JS.into(), "text/javascript; charset=utf-8"));
        return;
    }
    let (version, files, overlay, attachments, errors, failure) = {
        let s = shared.lock();
        (
            s.version,
            Arc::clone(&s.files),
            Arc::clone(&s.overlay),
            Arc::clone(&s.attachments),
            s.errors.clone(),
            s.failure.clone(),
        )
    };
    let mut rel = path.trim_start_matches('/').to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    if let Some(failure) = failure {
        let page = format!(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>clerk: cannot build</title><body><h1>clerk cannot build the site</h1><pre>{}</pre></body></html>",
            html_escape::encode_text(&failure)
        );
        let _ = request.respond(html(inject(&page, version, &[]), 500));
        return;
    }
    if rel.contains("..") {
        let _ = request.respond(tiny_http::Response::empty(400));
        return;
    }
    let bytes = match overlay.get(&rel).or_else(|| files.get(&rel)) {
        Some(b) => b.clone(),
        None if files.contains_key(&format!("{rel}/index.html")) => {
            redirect(request, &format!("{path}/"));
            return;
        }
        None => match attachments.get(&rel).and_then(|p| std::fs::read(p).ok()) {
            Some(b) => b,
            None => {
                let page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1><p><a href=\"/\">Home</a></p></body></html>";
                let _ = request.respond(html(inject(page, version, &errors), 404));
                return;
            }
        },
    };
    serve_file(request, &rel, bytes, version, &errors);
}

/// Answers the reload script's poll: waits (up to 25 s) for a version other than `since=`,
/// then answers the current version.
fn wait_for_version(request: tiny_http::Request, shared: &Shared, query: &str) {
    let since: u64 = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("since="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let state = shared.lock();
    let (state, _) = shared
        .changed
        .wait_timeout_while(state, Duration::from_secs(25), |s| s.version == since)
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let body = state.version.to_string();
    drop(state);
    let _ = request.respond(text(body, "text/plain; charset=utf-8"));
}

/// Answers with a permanent redirect to `location` (a folder's address with its `/`).
fn redirect(request: tiny_http::Request, location: &str) {
    let header = tiny_http::Header::from_bytes("Location", location.as_bytes());
    let mut response = tiny_http::Response::empty(301);
    if let Ok(h) = header {
        response = response.with_header(h);
    }
    let _ = request.respond(response);
}

/// Answers with the site file `rel`: a page with the reload script and error banner injected,
/// anything else as it is, with its content type.
fn serve_file(
    request: tiny_http::Request,
    rel: &str,
    bytes: Vec<u8>,
    version: u64,
    errors: &[String],
) {
    if rel.ends_with(".html") {
        let page = String::from_utf8_lossy(&bytes);
        let _ = request.respond(html(inject(&page, version, errors), 200));
    } else {
        let response = tiny_http::Response::from_data(bytes);
        let response = match content_type(rel) {
            Some(t) => match tiny_http::Header::from_bytes("Content-Type", t.as_bytes()) {
                Ok(h) => response.with_header(h),
                Err(()) => response,
            },
            None => response,
        };
        let _ = request.respond(response);
    }
}

/// Adds the reload script, and the check errors as a banner at the top of the page.
pub(super) fn inject(page: &str, version: u64, errors: &[String]) -> String {
    let mut banner = String::new();
    if !errors.is_empty() {
        banner.push_str("<div id=\"clerk-errors\" role=\"alert\" style=\"background:#fde8e8;border:2px solid #b42318;color:#000;padding:.75rem 1rem;margin:0;font:14px/1.5 sans-serif\">");
        banner.push_str(&format!(
            "<strong>clerk check: {} error(s)</strong><ul style=\"margin:.25rem 0 0 1rem;padding:0\">",
            errors.len()
        ));
        for e in errors.iter().take(50) {
            banner.push_str(&format!(
                "<li><code>{}</code></li>",
                html_escape::encode_double_quoted_attribute(e)
            ));
        }
        banner.push_str("</ul></div>");
    }
    let script = format!("<script src=\"/__clerk/reload.js\" data-version=\"{version}\"></script>");
    let mut out = String::with_capacity(page.len() + banner.len() + script.len());
    match page.find("<body") {
        Some(start) => {
            let open_end = page[start..]
                .find('>')
                .map_or(page.len(), |i| start + i + 1);
            out.push_str(&page[..open_end]);
            out.push_str(&banner);
            let rest = &page[open_end..];
            match rest.rfind("</body>") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    out.push_str(&script);
                    out.push_str(&rest[i..]);
                }
                None => {
                    out.push_str(rest);
                    out.push_str(&script);
                }
            }
        }
        None => {
            out.push_str(&banner);
            out.push_str(page);
            out.push_str(&script);
        }
    }
    out
}

fn text(body: String, kind: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_data(body.into_bytes());
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store")] {
        if let Ok(h) = tiny_http::Header::from_bytes(name, value) {
            response = response.with_header(h);
        }
    }
    response
}

fn html(page: String, status: u16) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    text(page, "text/html; charset=utf-8").with_status_code(status)
}

/// Whether the request's Host header names the loopback address clerk serves on.
fn loopback_host(request: &tiny_http::Request) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1")
}

/// The Content-Type of a site file, by its name; text types in UTF-8.
fn content_type(path: &str) -> Option<String> {
    let mime = mime_guess::from_path(path).first()?;
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "atom+xml" | "xml"
        );
    Some(if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    })
}

/// Decodes `%XX` escapes (URLs of pages with Chinese names).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_banner_after_body_and_script_before_its_end() {
        let page = "<html><body class=\"x\"><p>hi</p></body></html>";
        let out = inject(page, 7, &["a.md:3: bad <b> [E011]".into()]);
        assert!(
            out.starts_with("<html><body class=\"x\"><div id=\"clerk-errors\""),
            "{out}"
        );
        assert!(
            out.contains("a.md:3: bad &lt;b&gt; [E011]"),
            "escaped: {out}"
        );
        assert!(out.ends_with("<p>hi</p><script src=\"/__clerk/reload.js\" data-version=\"7\"></script></body></html>"), "{out}");
        assert_eq!(inject(page, 1, &[]).matches("clerk-errors").count(), 0);
    }

    #[test]
    fn site_files_have_their_content_type() {
        let t = |p: &str| content_type(p).unwrap_or_default();
        assert_eq!(t("assets/style.css"), "text/css; charset=utf-8");
        assert_eq!(t("assets/search.js"), "text/javascript; charset=utf-8");
        assert_eq!(t("calendar.ics"), "text/calendar; charset=utf-8");
        assert_eq!(t("files/a/scan.pdf"), "application/pdf");
        assert_eq!(t("charts/x.svg"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), None);
    }

    #[test]
    fn decodes_percent_escapes_and_keeps_bad_ones() {
        assert_eq!(percent_decode("/a%20b/%E6%9C%83.html"), "/a b/會.html");
        assert_eq!(percent_decode("/x%2"), "/x%2");
        assert_eq!(
            percent_decode("/a%41"),
            "/aA",
            "an escape at the very end too"
        );
        assert_eq!(percent_decode("/x%zz"), "/x%zz");
        assert_eq!(
            percent_decode("/%會%"),
            "/%會%",
            "no panic inside a character"
        );
    }
}
