//! What falls due: deadlines and overdue items declared by the type files, grouped by person.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::registers::Visible;
use crate::date;
use crate::model::record::record_value;
use crate::text::plain;

/// One thing due.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub date: String,
    pub overdue: bool,
    /// Who is responsible, as written (a person id or a text).
    pub who: String,
    /// Their name, when `who` is a person.
    pub name: Option<String>,
    pub what: String,
    /// The kind of item (the declaration's title).
    pub kind: String,
    pub record: String,
    pub path: String,
}

/// Everything due on or before `until`, as of `as_of` (earlier dates are overdue), soonest first.
pub fn items(visible: &Visible, as_of: &str, until: &str) -> Vec<Item> {
    collect(visible, as_of, until, false)
}

/// [`items`], and with `standing` the tasks with no deadline too (their `date` empty).
pub fn collect(visible: &Visible, as_of: &str, until: &str, standing: bool) -> Vec<Item> {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let reads = repo
        .types
        .values()
        .flat_map(|t| t.due.iter().map(|d| d.reads))
        .max()
        .unwrap_or_default();
    let layer = visible.layer(reads);
    let shown: Vec<&crate::model::record::Record> = repo
        .records
        .iter()
        .filter(|r| visible.shows(r))
        .filter(|r| repo.type_of(r).is_some_and(|def| !def.due.is_empty()))
        .collect();
    let per_record: Vec<Vec<Item>> = shown
        .par_iter()
        .map(|r| {
            let mut out = Vec::new();
            let Some(def) = repo.type_of(r) else {
                return out;
            };
            let rv = record_value(def, r);
            let record = layer.scope(&rv);
            for due in &def.due {
                for scope in record.rows(due.each.as_ref(), due.where_.as_ref()) {
                    let text = |e| {
                        scope
                            .eval(e)
                            .ok()
                            .and_then(|v| v.json().ok())
                            .map(|v: Value| plain(&v))
                            .unwrap_or_default()
                    };
                    let date = match &due.date {
                        Some(d) => text(d),
                        None if standing => String::new(),
                        None => continue,
                    };
                    let dated = date::parse(&date).is_some() && date.as_str() <= until;
                    if !(dated || (standing && due.date.is_none())) {
                        continue;
                    }
                    let who = text(&due.who);
                    out.push(Item {
                        overdue: dated && date.as_str() < as_of,
                        name: repo
                            .person(&who)
                            .and_then(|p| repo.person_name(p))
                            .map(str::to_string),
                        what: text(&due.what),
                        kind: due.title.get(locale).to_string(),
                        record: r.id.clone(),
                        path: r.path.clone(),
                        date,
                        who,
                    });
                }
            }
            out
        })
        .collect();
    let mut out: Vec<Item> = per_record.into_iter().flatten().collect();
    out.sort_by(|a, b| (&a.who, &a.date, &a.record).cmp(&(&b.who, &b.date, &b.record)));
    out
}
