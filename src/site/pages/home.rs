//! The home page. For the public: recent documents, upcoming meetings and activities, the
//! standing rules. For internal and confidential editions it is the secretariat's desk too:
//! what is overdue or falls due soon, what awaits approval and by whom, recent meetings, and
//! how many records of each type are in each state — all counted over the records this
//! edition contains, never over what its readers may not see.

use std::collections::BTreeMap;

use serde::Serialize;

use super::record::{link, Link};
use super::{render_template, Output, Site, Theme};
use crate::derive::registers::Visible;
use crate::model::expr::Evaluator;
use crate::model::types::Classification;

/// How many days ahead the desk looks for what falls due.
const DUE_WITHIN_DAYS: u64 = 30;

/// Something due, as the desk lists it.
#[derive(Serialize)]
struct DueRow {
    date: String,
    overdue: bool,
    who: String,
    what: String,
    url: String,
}

/// A record awaiting an approval, and who may give it.
#[derive(Serialize)]
struct Awaiting {
    url: String,
    title: String,
    type_label: String,
    step: String,
    to_state: String,
    /// The people who may give it, by name.
    by: Vec<String>,
    since: String,
}

/// How many records of a type the edition holds, in total and per state.
#[derive(Serialize)]
struct Count {
    url: String,
    label: String,
    total: usize,
    /// (state label, count), in the workflow's order.
    states: Vec<(String, usize)>,
}

/// Renders `index.html`.
pub(super) fn render(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<()> {
    let mut ctx = super::context(site, theme, "", None);
    ctx.insert("recent", &recent(site));
    ctx.insert("upcoming", &dated(site, true));
    ctx.insert("policies", &policies(site));
    let desk = site.audience > Classification::LOWEST;
    ctx.insert("desk", &desk);
    if desk {
        let ev = Evaluator::for_repository(site.repo, site.today);
        let test = |r: &crate::model::record::Record| site.shows(&r.id);
        let visible = Visible::new(site.repo, &ev, &test);
        ctx.insert("due", &due(site, &visible));
        ctx.insert("awaiting", &awaiting(site, &visible));
        ctx.insert("meetings", &dated(site, false));
        ctx.insert("counts", &counts(site));
    }
    out.put(
        "index.html",
        render_template(theme, "home.html", &ctx)?.into_bytes(),
    )
}

/// The most recent issued documents (`site.issued`), newest first.
fn recent(site: &Site) -> Vec<Link> {
    let repo = site.repo;
    let mut recent: Vec<(String, Link)> = Vec::new();
    for d in &repo.config.site.issued {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            if let Some(date) = r.str_field(&d.date) {
                let mut l = link(site, r);
                l.date = date.to_string();
                recent.push((date.to_string(), l));
            }
        }
    }
    recent.sort_by(|a, b| b.0.cmp(&a.0));
    recent.truncate(repo.config.site.recent);
    recent.into_iter().map(|(_, l)| l).collect()
}

/// The calendar's records (`site.calendar`): `upcoming`, those dated today or later, soonest
/// first; else those before today, latest first (at most `site.recent`).
fn dated(site: &Site, upcoming: bool) -> Vec<Link> {
    let today = site.today.to_string();
    let mut found: Vec<(String, Link)> = Vec::new();
    for d in &site.repo.config.site.calendar {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            if r.str_field("status")
                .is_some_and(|s| d.except.iter().any(|e| e == s))
            {
                continue;
            }
            if let Some(date) = r
                .str_field(&d.date)
                .filter(|date| (*date >= today.as_str()) == upcoming)
            {
                let mut l = link(site, r);
                l.date = date.to_string();
                found.push((date.to_string(), l));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    if !upcoming {
        found.reverse();
        found.truncate(site.repo.config.site.recent);
    }
    found.into_iter().map(|(_, l)| l).collect()
}

/// The standing rules: records of the `site.policies` types, by number then title.
fn policies(site: &Site) -> Vec<Link> {
    let types = &site.repo.config.site.policies;
    let mut found: Vec<Link> = site
        .records()
        .filter(|r| r.type_name.as_ref().is_some_and(|t| types.contains(t)))
        .map(|r| link(site, r))
        .collect();
    found.sort_by(|a, b| (&a.number, &a.title).cmp(&(&b.number, &b.title)));
    found
}

/// What is overdue, and what falls due in the coming days, soonest first.
fn due(site: &Site, visible: &Visible) -> Vec<DueRow> {
    let until = site
        .today
        .checked_add_days(chrono::Days::new(DUE_WITHIN_DAYS))
        .unwrap_or(site.today);
    let mut items = crate::derive::due::items(visible, &site.today.to_string(), &until.to_string());
    items.sort_by(|a, b| (&a.date, &a.what).cmp(&(&b.date, &b.what)));
    items
        .into_iter()
        .map(|i| {
            let type_name = site
                .repo
                .record(&i.record)
                .and_then(|r| r.type_name.clone())
                .unwrap_or_default();
            DueRow {
                url: super::record_url(&type_name, &i.record),
                who: i.name.unwrap_or(i.who),
                what: format!("{}：{}", i.kind, i.what),
                date: i.date,
                overdue: i.overdue,
            }
        })
        .collect()
}

/// The approvals records wait for, from the inbox of every person: one row per record and
/// step, naming everyone who may give it; longest waiting first.
fn awaiting(site: &Site, visible: &Visible) -> Vec<Awaiting> {
    let repo = site.repo;
    let far = site.today.to_string();
    let mut rows: BTreeMap<(String, String, String), Awaiting> = BTreeMap::new();
    for (who, items) in crate::derive::inbox::items(visible, &far, &far) {
        let name = repo
            .person(&who)
            .and_then(|p| repo.person_name(p))
            .unwrap_or(&who)
            .to_string();
        for i in items.into_iter().filter(|i| i.kind == "approve") {
            let step = i.step.clone().unwrap_or_default();
            let since = i.since.clone().unwrap_or_default();
            let row = rows
                .entry((since.clone(), i.record.clone(), step))
                .or_insert_with(|| Awaiting {
                    url: link_of(site, &i.record),
                    title: i.title.clone(),
                    type_label: i.type_label.clone(),
                    step: i.step_label.clone().unwrap_or_default(),
                    to_state: i.to_state_label.clone().or(i.to_state).unwrap_or_default(),
                    by: Vec::new(),
                    since,
                });
            if !row.by.contains(&name) {
                row.by.push(name.clone());
            }
        }
    }
    // Longest waiting first; those with no date of their last approval after them.
    let (dated, undated): (Vec<Awaiting>, Vec<Awaiting>) =
        rows.into_values().partition(|a| !a.since.is_empty());
    dated.into_iter().chain(undated).collect()
}

fn link_of(site: &Site, id: &str) -> String {
    let type_name = site
        .repo
        .record(id)
        .and_then(|r| r.type_name.clone())
        .unwrap_or_default();
    super::record_url(&type_name, id)
}

/// Per type with records in this edition, in the navigation's order: how many, and how many
/// in each state.
fn counts(site: &Site) -> Vec<Count> {
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    let order =
        crate::model::navigation::groups(repo.config.site.navigation.as_deref(), &repo.types);
    order
        .iter()
        .flat_map(|g| g.types.iter())
        .filter_map(|t| repo.types.get(t))
        .filter_map(|def| {
            let mut states: Vec<(String, usize)> = Vec::new();
            let mut total = 0;
            for r in site
                .records()
                .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
            {
                total += 1;
                let Some(s) = r.str_field("status") else {
                    continue;
                };
                let label = crate::model::labels::state(def, s, locale).unwrap_or(s);
                match states.iter_mut().find(|(l, _)| l == label) {
                    Some((_, n)) => *n += 1,
                    None => states.push((label.to_string(), 1)),
                }
            }
            (total > 0).then(|| Count {
                url: format!("{}/index.html", super::slug(&def.name)),
                label: def.label(locale).to_string(),
                total,
                states: in_workflow_order(def, states, locale),
            })
        })
        .collect()
}

/// `states` in the order the type's workflow lists its states.
fn in_workflow_order(
    def: &crate::model::types::TypeDef,
    mut states: Vec<(String, usize)>,
    locale: &str,
) -> Vec<(String, usize)> {
    let Some(wf) = &def.workflow else {
        return states;
    };
    let rank = |label: &str| {
        wf.states
            .iter()
            .position(|s| crate::model::labels::state(def, s, locale).unwrap_or(s) == label)
            .unwrap_or(usize::MAX)
    };
    states.sort_by_key(|(l, _)| rank(l));
    states
}
