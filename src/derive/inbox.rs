//! What waits for each person (收件匣): approvals they may give now, by the workflow and
//! authority rules, and the tasks and deadlines the type files' `due:` give them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::due;
use super::registers::Visible;
use crate::check::next;
use crate::model::record::Record;

/// Something waiting for one person.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// `approve`: an approval they may give; `due`: a deadline; `task`: a task with no date;
    /// `returned`: a record sent back to them (退回), waiting in the state it went back to.
    pub kind: &'static str,
    pub record: String,
    pub path: String,
    pub title: String,
    /// The record's type, by its label.
    pub type_label: String,
    /// For an approval: the step, its label, and the state the record moves to.
    pub step: Option<String>,
    pub step_label: Option<String>,
    pub to_state: Option<String>,
    /// That state's label.
    pub to_state_label: Option<String>,
    /// The role they would give the approval in.
    pub role: Option<String>,
    /// For a stale approval they gave: true (they sign again after reading what changed).
    pub again: bool,
    /// For a task or deadline: what, and its kind (the `due:` entry's title).
    pub what: Option<String>,
    pub task: Option<String>,
    /// The deadline, and whether it has passed.
    pub date: Option<String>,
    pub overdue: bool,
    /// Since when it waits, when known (the record's latest approval, or its history).
    pub since: Option<String>,
}

/// Everything waiting, by person id: approvals first (oldest first), then deadlines and tasks.
pub fn items(visible: &Visible, as_of: &str, until: &str) -> BTreeMap<String, Vec<Item>> {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let mut out: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for rec in repo.records.iter().filter(|r| visible.shows(r)) {
        let Some(def) = repo.type_of(rec) else {
            continue;
        };
        let idle = def.workflow.as_ref().is_some_and(|wf| {
            next::state(def, rec).is_some_and(|s| wf.idle.iter().any(|i| i == s))
        });
        if idle {
            continue;
        }
        let mut seen = std::collections::BTreeSet::new();
        for n in next::next_states(repo, visible.ev, rec) {
            for a in n.approvals {
                if !seen.insert(a.step.clone()) {
                    continue;
                }
                for g in &a.givers {
                    out.entry(g.id.clone()).or_default().push(Item {
                        kind: "approve",
                        step: Some(a.step.clone()),
                        step_label: Some(a.label.clone()),
                        to_state: Some(n.state.clone()),
                        to_state_label: crate::model::labels::state(def, &n.state, locale)
                            .map(str::to_string),
                        role: Some(g.role.clone()),
                        again: a.stale_by.is_some(),
                        since: latest_approval(rec),
                        ..blank(rec, def.label(locale))
                    });
                }
            }
        }
    }
    for rec in repo.records.iter().filter(|r| visible.shows(r)) {
        if let Some((who, item)) = sent_back(visible, rec) {
            out.entry(who).or_default().push(item);
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| (&a.since, &a.record).cmp(&(&b.since, &b.record)));
    }
    for d in due::collect(visible, as_of, until, true) {
        let Some(rec) = repo.records.iter().find(|r| r.path == d.path) else {
            continue;
        };
        let label = repo.type_of(rec).map_or("", |t| t.label(locale));
        out.entry(d.who.clone()).or_default().push(Item {
            kind: if d.date.is_empty() { "task" } else { "due" },
            what: Some(d.what.clone()),
            task: Some(d.kind.clone()),
            date: (!d.date.is_empty()).then(|| d.date.clone()),
            overdue: d.overdue,
            ..blank(rec, label)
        });
    }
    out
}

/// A record sent back to whoever filed it: the filer, and the item (who sent it back and why,
/// since when) while the record is still in a state a return leads to.
fn sent_back(visible: &Visible, rec: &Record) -> Option<(String, Item)> {
    let repo = visible.repo;
    let def = repo.type_of(rec)?;
    let (returns, wf) = (def.returns.as_ref()?, def.workflow.as_ref()?);
    let state = next::state(def, rec)?;
    if !wf
        .states
        .iter()
        .any(|s| wf.returns_to(s).iter().any(|b| b == state))
    {
        return None;
    }
    let last = rec.fields.get(&returns.field)?.as_array()?.last()?;
    let text = |k: &str| last.get(k).and_then(Value::as_str).map(str::to_string);
    let filer = rec.str_field(&def.filers.as_ref()?.field)?.to_string();
    let by = text(&returns.person).unwrap_or_default();
    let name = repo
        .person(&by)
        .and_then(|p| repo.person_name(p))
        .unwrap_or(&by)
        .to_string();
    let locale = repo.config.association.locale.tag();
    let item = Item {
        kind: "returned",
        task: Some(crate::i18n::t("inbox-returned", &[("name", &name)])),
        what: text(&returns.comment),
        since: text(&returns.date),
        ..blank(rec, def.label(locale))
    };
    Some((filer, item))
}

fn blank(rec: &Record, type_label: &str) -> Item {
    Item {
        kind: "",
        record: rec.id.clone(),
        path: rec.path.clone(),
        title: rec.title().unwrap_or(&rec.id).to_string(),
        type_label: type_label.to_string(),
        step: None,
        step_label: None,
        to_state: None,
        to_state_label: None,
        role: None,
        again: false,
        what: None,
        task: None,
        date: None,
        overdue: false,
        since: None,
    }
}

/// The date of the record's latest approval: when its present state's last step was taken.
fn latest_approval(rec: &Record) -> Option<String> {
    rec.fields
        .get("approvals")
        .and_then(Value::as_array)?
        .iter()
        .filter_map(|a| a.get("date").and_then(Value::as_str))
        .max()
        .map(str::to_string)
}
