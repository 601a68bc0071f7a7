//! `clerk issue` and `clerk archive`: the next document number (文號) or archive number (檔號),
//! written into the record's front matter in place, after checking the result.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::args::OnDate;
use super::record;
use crate::check::numbers::NumberFormat;
use crate::i18n::{t, tv};
use crate::model::config::Archive;
use crate::model::repo::Repository;
use crate::model::types::TypeDef;

/// `clerk issue FILE`: assigns the next number of the type's numbering scheme for the year,
/// sets the issue date and moves the record to the state that requires the number.
pub fn issue(file: &Path, date: NaiveDate) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    let def = super::record::type_of(&repo, index)?;
    let (field, scheme) = def
        .unique
        .iter()
        .find_map(|u| u.sequence.as_ref().map(|s| (u.field.as_str(), s.as_str())))
        .ok_or_else(|| {
            let words = [
                ("type", def.name.clone()),
                ("type_label", crate::model::labels::run_type_label(def)),
                ("file", def.path.clone()),
            ];
            anyhow!(tv("issue-not-numbered", &words))
        })?;
    if let Some(number) = rec.str_field(field) {
        bail!(t(
            "issue-already",
            &[("path", &rec.path), ("field", &field), ("number", &number)]
        ));
    }
    let numbering = repo.config.numbering.get(scheme).ok_or_else(|| {
        anyhow!(t(
            "issue-no-numbering",
            &[("file", &def.path), ("scheme", &scheme)]
        ))
    })?;
    let issuer = numbering
        .issuer
        .as_deref()
        .ok_or_else(|| anyhow!(t("issue-no-issuer", &[("scheme", &scheme)])))?;
    let format = NumberFormat::new(&numbering.format);
    let year = date.year();
    refuse_blind(&repo, field)?;
    // The highest serial of this issuer and year among every record numbered in this scheme,
    // encrypted ones included (through their envelopes).
    let last = repo
        .numbered()
        .filter_map(|r| {
            let t = repo.types.get(r.type_name()?)?;
            let u = t
                .unique
                .iter()
                .find(|u| u.sequence.as_deref() == Some(scheme))?;
            format.parse(r.str_field(&u.field)?)
        })
        .filter(|n| n.issuer == issuer && i64::from(n.year) == i64::from(year))
        .map(|n| n.serial)
        .max()
        .unwrap_or(0);
    let number = NumberFormat::format(&numbering.format, issuer, year, last + 1);
    let mut fields = vec![(field.to_string(), number)];
    fields.extend(state_move(&repo, def, index, field, date)?);
    super::checked::write_fields(&repo, index, &fields, date)
}

/// `clerk archive FILE`: assigns the archive number and retention period, sets the date filed
/// and moves the record to the state that requires the archive number.
pub fn archive(file: &Path, date: NaiveDate) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    let def = super::record::type_of(&repo, index)?;
    let Some(cfg) = &repo.config.archive else {
        bail!(t("archive-no-settings", &[]));
    };
    if !def.properties.contains(&cfg.field) {
        let words = [
            ("type", def.name.clone()),
            ("type_label", crate::model::labels::run_type_label(def)),
        ];
        bail!(tv(
            "archive-not-archived",
            &[
                &words[..],
                &[("file", def.path.clone()), ("field", cfg.field.clone())]
            ]
            .concat()
        ));
    }
    if let Some(existing) = rec.str_field(&cfg.field) {
        bail!(t(
            "issue-already",
            &[
                ("path", &rec.path),
                ("field", &cfg.field),
                ("number", &existing)
            ]
        ));
    }
    let retention = rec
        .str_field(&cfg.retention_field)
        .map(str::to_string)
        .or_else(|| def.retention.clone())
        .ok_or_else(|| {
            anyhow!(t(
                "archive-no-retention",
                &[("field", &cfg.retention_field), ("file", &def.path)]
            ))
        })?;
    if !cfg.retention.contains(&retention) {
        let allowed = cfg.retention.join(&t("list-and", &[]));
        bail!(t(
            "archive-bad-retention",
            &[("retention", &retention), ("allowed", &allowed)]
        ));
    }
    let year = cfg
        .year_from
        .iter()
        .find_map(|f| {
            rec.str_field(f)
                .and_then(|d| d.get(..4)?.parse::<i32>().ok())
        })
        .unwrap_or_else(|| date.year());
    let department = department_code(&repo, cfg, rec.str_field(&cfg.department_field))?;
    let (prefix, suffix) = archive_parts(cfg, year, &retention, &department);
    refuse_blind(&repo, &cfg.field)?;
    let last = repo
        .numbered()
        .filter_map(|r| r.str_field(&cfg.field))
        .filter_map(|n| n.strip_prefix(&prefix)?.strip_suffix(&suffix))
        .filter(|item| !item.is_empty() && item.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|item| item.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let number = format!(
        "{prefix}{:0width$}{suffix}",
        last + 1,
        width = cfg.item_digits
    );
    let mut fields = vec![(cfg.field.clone(), number)];
    if def.properties.contains(&cfg.retention_field)
        && rec.str_field(&cfg.retention_field).is_none()
    {
        fields.push((cfg.retention_field.clone(), retention));
    }
    let moved = state_move(&repo, def, index, &cfg.field, date)?;
    if !moved.iter().any(|(k, _)| *k == cfg.date) && rec.str_field(&cfg.date).is_none() {
        fields.push((cfg.date.clone(), date.to_string()));
    }
    fields.extend(moved);
    super::checked::write_fields(&repo, index, &fields, date)
}

/// Refuses to number while an encrypted record clerk cannot open has no envelope: its `field`
/// might hold the number that would be given.
fn refuse_blind(repo: &Repository, field: &str) -> anyhow::Result<()> {
    let blind: Vec<&str> = repo.blind().collect();
    if blind.is_empty() {
        return Ok(());
    }
    let words = [
        ("field", field.to_string()),
        ("n", blind.len().to_string()),
        ("records", crate::i18n::count("count-records", blind.len())),
        ("paths", blind.join(&t("list-and", &[]))),
    ];
    bail!(
        "{}\n{}",
        tv("issue-blind", &words),
        t("issue-blind-hint", &[])
    )
}

/// The archive number before and after the item number.
fn archive_parts(cfg: &Archive, year: i32, retention: &str, department: &str) -> (String, String) {
    const ITEM: &str = "\u{0}item\u{0}";
    let text = cfg
        .format
        .replace("{fonds}", &cfg.fonds)
        .replace("{category}", &cfg.category)
        .replace("{year}", &year.to_string())
        .replace("{retention}", retention)
        .replace("{department}", department)
        .replace("{item}", ITEM);
    match text.split_once(ITEM) {
        Some((p, s)) => (p.to_string(), s.to_string()),
        None => (text, String::new()),
    }
}

fn department_code(
    repo: &Repository,
    cfg: &Archive,
    department: Option<&str>,
) -> anyhow::Result<String> {
    let id = department
        .or(cfg.department.as_deref())
        .ok_or_else(|| anyhow!(t("archive-no-department", &[])))?;
    let dept = repo
        .config
        .departments
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| anyhow!(t("archive-unknown-department", &[("id", &id)])))?;
    dept.code
        .clone()
        .ok_or_else(|| anyhow!(t("archive-department-no-code", &[("id", &id)])))
}

/// The workflow state that requires `field`, with the other date fields it requires (set to
/// `date`), and `status` moved there. Nothing when no state requires the field.
fn state_move(
    repo: &Repository,
    def: &TypeDef,
    index: usize,
    field: &str,
    date: NaiveDate,
) -> anyhow::Result<Vec<(String, String)>> {
    let rec = &repo.records[index];
    let Some(req) = def
        .requirements
        .iter()
        .find(|r| r.fields.iter().any(|f| f == field))
    else {
        return Ok(Vec::new());
    };
    let target = &req.from_state;
    let current = rec.str_field("status").unwrap_or_default();
    let mut out = Vec::new();
    for f in req.fields.iter().filter(|f| *f != field) {
        if rec.fields.get(f).is_some_and(|v| !v.is_null()) {
            continue;
        }
        let is_date = def
            .schema
            .pointer(&format!("/properties/{f}/format"))
            .and_then(Value::as_str)
            == Some("date");
        if !is_date {
            let words = [
                ("state", state_named(def, target)),
                ("field", f.clone()),
                ("field_label", crate::model::labels::run_field_title(def, f)),
            ];
            bail!(tv("issue-needs-field", &words));
        }
        out.push((f.clone(), date.to_string()));
    }
    if current != target {
        if let Some(wf) = &def.workflow {
            let allowed = wf
                .transitions
                .get(current)
                .is_some_and(|next| next.contains(target));
            if !allowed {
                let from: Vec<&str> = wf
                    .transitions
                    .iter()
                    .filter(|(_, next)| next.contains(target))
                    .map(|(s, _)| s.as_str())
                    .collect();
                let from = if from.is_empty() {
                    t("issue-no-state", &[])
                } else {
                    let each: Vec<String> = from.iter().map(|s| state_named(def, s)).collect();
                    each.join(&t("list-or", &[]))
                };
                let words = [
                    ("path", rec.path.clone()),
                    ("state", state_named(def, current)),
                    ("target", state_named(def, target)),
                    ("from", from),
                ];
                bail!(tv("issue-wrong-state", &words));
            }
        }
        out.push(("status".into(), target.clone()));
    }
    Ok(out)
}

/// A workflow state as the user reads it: its label, with its id to type.
fn state_named(def: &TypeDef, id: &str) -> String {
    let label = crate::model::labels::run_state_label(def, id);
    t("state-named", &[("state", &id), ("state_label", &label)])
}

/// `clerk issue` and `clerk archive`: the record, and the date to write.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    #[arg(add = crate::cmd::complete::record_files())]
    pub file: PathBuf,
    #[command(flatten)]
    pub date: OnDate,
}

impl Args {
    pub fn issue(self) -> anyhow::Result<i32> {
        issue(&self.file, self.date.day()).map(|()| 0)
    }

    pub fn archive(self) -> anyhow::Result<i32> {
        archive(&self.file, self.date.day()).map(|()| 0)
    }
}
