//! A page per person of what waits for them (收件匣), in internal and confidential builds only:
//! the list `clerk inbox` prints, as of the build's day. The person's page links to it.

use serde::Serialize;

use super::templates::Theme;
use super::{record_url, slug, Output, Site};
use crate::derive::inbox::{self, Item};
use crate::derive::registers::Visible;
use crate::model::expr::Evaluator;
use crate::model::levels::Classification;

/// The site path of a person's inbox page, when the build has one.
pub fn url(site: &Site, person: &str) -> Option<String> {
    (site.audience > Classification::LOWEST).then(|| format!("inbox/{}.html", slug(person)))
}

/// Something waiting, as the page shows it.
#[derive(Serialize)]
struct ItemView<'a> {
    approve: bool,
    url: String,
    title: &'a str,
    type_label: &'a str,
    /// For an approval: its step and the state it leads to; otherwise the task and what it is.
    what: String,
    date: Option<&'a str>,
    overdue: bool,
    since: Option<&'a str>,
}

/// Writes `inbox/PERSON.html` for every person the build shows (none in a public build);
/// returns the page count.
pub fn render(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<usize> {
    if site.audience == Classification::LOWEST {
        return Ok(0);
    }
    let repo = site.repo;
    let ev = Evaluator::for_repository(repo, site.today);
    let test = |r: &crate::model::record::Record| {
        site.shows(&r.id) && repo.classification(r) <= site.audience
    };
    let until = site
        .today
        .checked_add_days(chrono::Days::new(30))
        .unwrap_or(site.today);
    let mut all = inbox::items(
        &Visible::new(repo, &ev, &test),
        &site.today.to_string(),
        &until.to_string(),
    );
    let mut pages = 0;
    let people = site
        .records()
        .filter(|r| r.type_name.as_deref() == Some(repo.config.people_type.as_str()));
    for person in people {
        let Some(path) = url(site, &person.id) else {
            continue;
        };
        let items = all.remove(&person.id).unwrap_or_default();
        let shown: Vec<ItemView> = items.iter().map(|i| view(repo, i)).collect();
        let mut ctx = super::pages::context(site, theme, "../", None);
        let name = repo.person_name(person).unwrap_or(&person.id);
        ctx.insert("name", name);
        ctx.insert(
            "person_url",
            &record_url(&repo.config.people_type, &person.id),
        );
        ctx.insert("items", &shown);
        let html = theme
            .tera
            .render("inbox.html", &ctx)
            .map_err(|e| anyhow::anyhow!("template inbox.html: {e:?}"))?;
        out.put(path, html.into_bytes())?;
        pages += 1;
    }
    Ok(pages)
}

fn view<'a>(repo: &crate::model::repo::Repository, i: &'a Item) -> ItemView<'a> {
    let type_name = repo
        .record(&i.record)
        .and_then(|r| r.type_name.as_deref())
        .unwrap_or_default();
    let what = match i.kind {
        "approve" => format!(
            "{} → {}",
            i.step_label.as_deref().unwrap_or_default(),
            i.to_state_label
                .as_deref()
                .or(i.to_state.as_deref())
                .unwrap_or_default()
        ),
        _ => format!(
            "{}：{}",
            i.task.as_deref().unwrap_or_default(),
            i.what.as_deref().unwrap_or_default()
        ),
    };
    ItemView {
        approve: i.kind == "approve",
        url: record_url(type_name, &i.record),
        title: &i.title,
        type_label: &i.type_label,
        what,
        date: i.date.as_deref(),
        overdue: i.overdue,
        since: i.since.as_deref(),
    }
}
