//! The desk's pages: the inbox, a record with what changed and the forms to approve or return
//! it, and the record as the site renders it (with the site's assets).

use std::collections::HashMap;

use chrono::Days;
use serde::Serialize;

use super::{Desk, Reply};
use crate::derive::inbox::{self, Item};
use crate::derive::registers::Visible;
use crate::model::expr::Evaluator;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::site::templates::Theme;

/// Answers a GET: `/`, `/record/ID`, or `/site/…` (a record's site page or an asset).
pub fn get(desk: &Desk, path: &str, csrf: &str) -> Reply {
    let page = if path == "/" {
        inbox_page(desk)
    } else if let Some(id) = path.strip_prefix("/record/") {
        record_page(desk, id, csrf)
    } else if let Some(rest) = path.strip_prefix("/site/") {
        return site_file(desk, rest).unwrap_or_else(|e| failed(&e));
    } else {
        return Reply::not_found();
    };
    match page {
        Ok(Some(html)) => Reply::html(200, html),
        Ok(None) => Reply::not_found(),
        Err(e) => failed(&e),
    }
}

fn failed(e: &anyhow::Error) -> Reply {
    let text = format!("clerk desk: {e:#}\n");
    Reply::bytes(500, "text/plain; charset=utf-8", text.into_bytes())
}

/// The repository as it is now, and its theme (templates and labels).
pub fn load(desk: &Desk) -> anyhow::Result<(Repository, Theme)> {
    let (repo, _) = crate::cmd::record::open_repository(&desk.dir)?;
    let theme = Theme::load(&repo.root, repo.config.association.locale)?;
    Ok((repo, theme))
}

/// What waits for the desk's person: the very list `clerk inbox` prints.
pub fn waiting(desk: &Desk, repo: &Repository) -> Vec<Item> {
    let ev = Evaluator::for_repository(repo, desk.today);
    let visible = |r: &Record| repo.classification(r) <= desk.audience;
    let until = desk
        .today
        .checked_add_days(Days::new(30))
        .unwrap_or(desk.today);
    let mut all = inbox::items(
        &Visible::new(repo, &ev, &visible),
        &desk.today.to_string(),
        &until.to_string(),
    );
    crate::cmd::inbox::since_from_history(&desk.dir, &mut all);
    all.remove(&desk.who).unwrap_or_default()
}

/// The context every desk page shares: labels, language, whose desk, the flash message.
fn context(desk: &Desk, repo: &Repository, theme: &Theme) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", repo.config.association.locale.tag());
    ctx.insert("t", &theme.labels);
    ctx.insert("site_name", &repo.config.association.name);
    ctx.insert("name", &crate::cmd::inbox::name(repo, &desk.who));
    ctx.insert("flash", &desk.take_flash());
    ctx
}

fn inbox_page(desk: &Desk) -> anyhow::Result<Option<String>> {
    let (repo, theme) = load(desk)?;
    let items = waiting(desk, &repo);
    let (approvals, tasks): (Vec<&Item>, Vec<&Item>) =
        items.iter().partition(|i| i.kind == "approve");
    let mut ctx = context(desk, &repo, &theme);
    ctx.insert("approvals", &approvals);
    ctx.insert("tasks", &tasks);
    Ok(Some(theme.tera.render("desk.html", &ctx)?))
}

/// An approval the person may give now, as the form offers it.
#[derive(Serialize)]
struct Offer {
    /// `step:role`, what the form sends back.
    value: String,
    label: String,
}

/// A state the record may be sent back to.
#[derive(Serialize)]
struct Back {
    state: String,
    label: String,
}

fn record_page(desk: &Desk, id: &str, csrf: &str) -> anyhow::Result<Option<String>> {
    let (repo, theme) = load(desk)?;
    let Some(index) = visible_index(desk, &repo, id) else {
        return Ok(None);
    };
    let rec = &repo.records[index];
    let locale = repo.config.association.locale.tag();
    let def = repo.type_of(rec);
    let offers: Vec<Offer> = waiting(desk, &repo)
        .into_iter()
        .filter(|i| i.kind == "approve" && i.record == rec.id)
        .flat_map(|i| offers(desk, &repo, index, &i))
        .collect();
    let status = rec.str_field("status").unwrap_or_default();
    let backs: Vec<Back> = def
        .and_then(|d| d.workflow.as_ref())
        .map(|wf| wf.returns_to(status))
        .unwrap_or_default()
        .into_iter()
        .map(|s| Back {
            label: def
                .and_then(|d| crate::model::labels::state(d, &s, locale))
                .unwrap_or(s.as_str())
                .to_string(),
            state: s,
        })
        .collect();
    let mut ctx = context(desk, &repo, &theme);
    ctx.insert("csrf", csrf);
    ctx.insert("id", &rec.id);
    ctx.insert("title", rec.title().unwrap_or(&rec.id));
    ctx.insert("type_label", &def.map(|d| d.label(locale)));
    ctx.insert(
        "status_label",
        &def.and_then(|d| crate::model::labels::state(d, status, locale))
            .unwrap_or(status),
    );
    ctx.insert("offers", &offers);
    ctx.insert("backs", &backs);
    ctx.insert("changes", &changes(desk, &repo, index));
    ctx.insert("commit", &desk.commit);
    let url = crate::site::record_url(rec.type_name.as_deref().unwrap_or_default(), &rec.id);
    ctx.insert("page", &format!("/site/{url}"));
    Ok(Some(theme.tera.render("desk_record.html", &ctx)?))
}

/// The approval `i` in each role the person may give it in today (as `clerk sign` decides).
fn offers(desk: &Desk, repo: &Repository, index: usize, i: &Item) -> Vec<Offer> {
    let locale = repo.config.association.locale.tag();
    let step = i.step.as_deref().unwrap_or_default();
    let today = crate::cmd::args::today();
    let ev = Evaluator::for_repository(repo, today);
    let rec = &repo.records[index];
    let roles = crate::check::workflow::roles_allowed(repo, &ev, rec, step, &desk.who, today)
        .unwrap_or_default();
    let to = i.to_state_label.as_deref().or(i.to_state.as_deref());
    roles
        .iter()
        .map(|role| Offer {
            value: format!("{step}:{role}"),
            label: format!(
                "{}（{}）→ {}",
                i.step_label.as_deref().unwrap_or(step),
                crate::model::labels::role(repo, role, locale).unwrap_or(role),
                to.unwrap_or_default()
            ),
        })
        .collect()
}

/// The index of the record `id`, if the desk's audience may see it.
pub fn visible_index(desk: &Desk, repo: &Repository, id: &str) -> Option<usize> {
    repo.records
        .iter()
        .position(|r| r.id == id && repo.classification(r) <= desk.audience)
}

/// What changed since the person's own last approval of the record, as `clerk diff` says it;
/// None when they have not approved it.
fn changes(desk: &Desk, repo: &Repository, index: usize) -> Option<Vec<String>> {
    let rec = &repo.records[index];
    let approved = rec
        .fields
        .get("approvals")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|a| a.iter().any(|x| x["by"] == desk.who.as_str()));
    if !approved {
        return None;
    }
    Some(
        crate::cmd::diff::report(repo, index, None, Some(&desk.who))
            .unwrap_or_else(|e| vec![format!("{e:#}")]),
    )
}

/// A record's page as the site renders it, or one of the site's assets.
fn site_file(desk: &Desk, rest: &str) -> anyhow::Result<Reply> {
    let (repo, theme) = load(desk)?;
    if let Some((_, text)) = theme.assets.iter().find(|(name, _)| name == rest) {
        let kind = if rest.ends_with(".css") {
            "text/css; charset=utf-8"
        } else if rest.ends_with(".js") {
            "text/javascript; charset=utf-8"
        } else {
            "text/plain; charset=utf-8"
        };
        return Ok(Reply::bytes(200, kind, text.clone().into_bytes()));
    }
    // Only what waits for the desk's person: a person's page, for one, lists their keys.
    let waiting = waiting(desk, &repo);
    let found = repo.records.iter().position(|r| {
        crate::site::record_url(r.type_name.as_deref().unwrap_or_default(), &r.id) == rest
            && repo.classification(r) <= desk.audience
            && waiting.iter().any(|i| i.record == r.id)
    });
    let Some(index) = found else {
        return Ok(Reply::not_found());
    };
    let mut findings = crate::check::run(&repo, &crate::check::Options { today: desk.today });
    findings.extend(crate::check::attachments::check(&repo));
    let history = HashMap::new();
    let site = crate::site::Site::new(&repo, &findings, &history, desk.audience, desk.today);
    let rec = &repo.records[index];
    let ids = std::collections::HashSet::from([rec.id.as_str()]);
    let pages = crate::site::pages::RecordPages::only(&site, &theme, &ids);
    Ok(match pages.render(rec)? {
        Some((_, html, _)) => Reply::bytes(200, "text/html; charset=utf-8", html),
        None => Reply::not_found(),
    })
}
