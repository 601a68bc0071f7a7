//! What the desk's forms do: approve (signed by `clerk sign`'s code) or return a record (moved
//! back by `clerk advance`'s code), each then committed alone when the desk commits.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use anyhow::{anyhow, bail, Context};

use super::pages::{load, visible_index, waiting};
use super::{Desk, Reply};
use crate::site::templates::Theme;

/// Answers a POST the guard let through (with the session's CSRF token).
pub fn post(desk: &Desk, path: &str, form: &HashMap<String, String>) -> Reply {
    let id = form.get("record").cloned().unwrap_or_default();
    let done = match path {
        "/approve" => approve(desk, form, &id),
        "/return" => send_back(desk, form, &id),
        _ => return Reply::not_found(),
    };
    match done {
        Ok(text) => {
            desk.say(true, text);
            Reply::to("/")
        }
        Err(e) => {
            desk.say(false, format!("{e:#}"));
            Reply::to(&format!("/record/{id}"))
        }
    }
}

/// A UI label with `{name}` placeholders filled in.
fn said(theme: &Theme, key: &str, values: &[(&str, &str)]) -> String {
    let mut text = theme
        .labels
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string());
    for (k, v) in values {
        text = text.replace(&format!("{{{k}}}"), v);
    }
    text
}

fn approve(desk: &Desk, form: &HashMap<String, String>, id: &str) -> anyhow::Result<String> {
    let (repo, theme) = load(desk)?;
    let index = visible_index(desk, &repo, id)
        .ok_or_else(|| anyhow!(crate::i18n::t("desk-no-record", &[("id", &id)])))?;
    let chosen = form.get("step").map(String::as_str).unwrap_or_default();
    let (step, role) = chosen.split_once(':').unwrap_or((chosen, ""));
    // Only what the inbox offers now: the page may be older than the record.
    let item = waiting(desk, &repo)
        .into_iter()
        .find(|i| i.kind == "approve" && i.record == id && i.step.as_deref() == Some(step))
        .ok_or_else(|| anyhow!("{}", said(&theme, "desk_not_waiting", &[])))?;
    let rec = &repo.records[index];
    let request = crate::cmd::sign::Request {
        file: repo.root.join(&rec.path),
        step: step.to_string(),
        by: Some(desk.who.clone()),
        role: (!role.is_empty()).then(|| role.to_string()),
        date: None,
    };
    crate::cmd::sign::sign(&request, desk.key.as_deref(), true)?;
    let name = crate::cmd::inbox::name(&repo, &desk.who);
    let values = [
        ("title", rec.title().unwrap_or(id)),
        ("step", item.step_label.as_deref().unwrap_or(step)),
        ("name", name.as_str()),
    ];
    let message = said(&theme, "desk_commit_approve", &values);
    Ok(after(
        desk, &theme, &repo.root, &rec.path, &message, &values,
    ))
}

fn send_back(desk: &Desk, form: &HashMap<String, String>, id: &str) -> anyhow::Result<String> {
    let (repo, theme) = load(desk)?;
    let index = visible_index(desk, &repo, id)
        .ok_or_else(|| anyhow!(crate::i18n::t("desk-no-record", &[("id", &id)])))?;
    let comment = form.get("comment").map(|c| c.trim()).unwrap_or_default();
    if comment.is_empty() {
        bail!("{}", said(&theme, "desk_comment_needed", &[]));
    }
    if !waiting(desk, &repo)
        .iter()
        .any(|i| i.kind == "approve" && i.record == id)
    {
        bail!("{}", said(&theme, "desk_not_waiting", &[]));
    }
    let rec = &repo.records[index];
    let status = rec.str_field("status").unwrap_or_default();
    let to = form.get("to").map(String::as_str).unwrap_or_default();
    let backs = repo
        .type_of(rec)
        .and_then(|d| d.workflow.as_ref())
        .map(|wf| wf.returns_to(status))
        .unwrap_or_default();
    if !backs.iter().any(|b| b == to) {
        bail!("{}", said(&theme, "desk_no_return", &[]));
    }
    let file = repo.root.join(&rec.path);
    // The comment is kept in the record where its type keeps returns; else only in the commit.
    let kept = repo.type_of(rec).is_some_and(|d| d.returns.is_some());
    crate::cmd::advance::advance(&crate::cmd::advance::Request {
        file: &file,
        to: Some(to),
        fields: &[],
        date: crate::cmd::args::today(),
        comment: kept.then_some((comment, desk.who.as_str())),
    })?;
    let name = crate::cmd::inbox::name(&repo, &desk.who);
    let values = [
        ("title", rec.title().unwrap_or(id)),
        ("comment", comment),
        ("name", name.as_str()),
    ];
    let message = said(&theme, "desk_commit_return", &values);
    let done = after(desk, &theme, &repo.root, &rec.path, &message, &values);
    if kept || desk.commit {
        return Ok(done);
    }
    // Neither the record nor a commit keeps the comment: say so, and where it could be kept.
    let def = repo
        .type_of(rec)
        .map(|d| d.path.as_str())
        .unwrap_or_default();
    let lost = said(&theme, "desk_comment_not_kept", &[("file", def)]);
    Ok(format!("{done} {lost}"))
}

/// What the page says after a change: done, and committed (or why not).
fn after(
    desk: &Desk,
    theme: &Theme,
    root: &Path,
    path: &str,
    message: &str,
    values: &[(&str, &str)],
) -> String {
    let mut values = values.to_vec();
    let state = status_now(root, path);
    values.push(("state", &state));
    let done = said(theme, "desk_done", &values);
    if !desk.commit {
        return format!("{done} {}", said(theme, "desk_not_committed", &[]));
    }
    match commit(root, path, message) {
        Ok(()) => format!(
            "{done} {}",
            said(theme, "desk_committed", &[("message", message)])
        ),
        Err(e) => format!("{done} {}: {e:#}", said(theme, "desk_not_committed", &[])),
    }
}

/// The record's status after the change, by its label, as the file now says.
fn status_now(root: &Path, path: &str) -> String {
    let Ok((repo, index)) = crate::cmd::record::open(&root.join(path)) else {
        return String::new();
    };
    let rec = &repo.records[index];
    let status = rec.str_field("status").unwrap_or_default();
    let locale = repo.config.association.locale.tag();
    repo.type_of(rec)
        .and_then(|d| crate::model::labels::state(d, status, locale))
        .unwrap_or(status)
        .to_string()
}

/// Commits that one file, and nothing else that is staged, with `message`.
fn commit(root: &Path, path: &str, message: &str) -> anyhow::Result<()> {
    let git = |args: &[&str]| -> anyhow::Result<()> {
        let out = Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .context("cannot run git")?;
        if !out.status.success() {
            bail!(
                "git {}: {}",
                args[0],
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(())
    };
    git(&["add", "--", path])?;
    git(&["commit", "-q", "-m", message, "--only", "--", path])
}
