//! Writing a record only after checking the repository as it would be: the one pre-check that
//! `clerk issue`, `archive`, `advance`, `read` and `sign` (when it moves the status) share.

use std::path::Path;

use anyhow::{anyhow, bail};
use chrono::NaiveDate;

use crate::check::{self, Options};
use crate::diag::{Diagnostic, Severity};
use crate::edit;
use crate::i18n::{lang, tv};
use crate::model::labels;
use crate::model::repo::Repository;
use crate::read::{Folder, Snapshot, SourceFile};

/// The errors record `index` would have if its text were `edited`, with the whole repository
/// checked around it as of `date`.
pub fn errors_after(
    repo: &Repository,
    index: usize,
    edited: &str,
    date: NaiveDate,
) -> anyhow::Result<Vec<Diagnostic>> {
    let rec = &repo.records[index];
    let overlay = Overlay {
        folder: Folder {
            root: repo.root.clone(),
        },
        path: rec.path.clone(),
        text: edited.to_string(),
    };
    let (after, mut diags) = Repository::load_from(&overlay).map_err(super::record::load_error)?;
    diags.extend(check::run(&after, &Options { today: date }));
    diags.retain(|d| d.path == rec.path && d.severity == Severity::Error);
    Ok(diags)
}

/// The errors, one a line with their hints, after `intro`.
pub fn describe(intro: String, errors: &[Diagnostic]) -> String {
    let mut message = intro;
    for d in errors {
        message.push_str(&format!(
            "\n  {}:{}: {} [{}]",
            d.path, d.line, d.message, d.code
        ));
        if let Some(hint) = &d.hint {
            message.push_str(&format!("\n    {}: {hint}", crate::i18n::t("hint", &[])));
        }
    }
    message
}

/// Sets `fields` of record `index` in place (only their lines change), checks the repository as
/// it would be, and writes only if the record has no error then; says what it set.
pub fn write_fields(
    repo: &Repository,
    index: usize,
    fields: &[(String, String)],
    date: NaiveDate,
) -> anyhow::Result<()> {
    write_fields_and_entry(repo, index, fields, None, date)
}

/// An entry to add to one of a record's lists (a return, in its type's `returns:` list): the
/// list, and the entry's fields.
pub type Entry<'a> = (&'a str, &'a [(&'a str, &'a str)]);

/// [`write_fields`], adding `entry` to its list in the same write.
pub fn write_fields_and_entry(
    repo: &Repository,
    index: usize,
    fields: &[(String, String)],
    entry: Option<Entry>,
    date: NaiveDate,
) -> anyhow::Result<()> {
    let rec = &repo.records[index];
    let pairs: Vec<(&str, String)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let set = edit::set_fields(repo.text_of(rec), &pairs);
    let edited = match entry {
        Some((list, items)) => set.and_then(|t| edit::push(&t, list, items)),
        None => set,
    }
    .map_err(|e| anyhow!("{}: {e}", rec.path))?;
    write_text(repo, index, &edited, date)?;
    let def = repo.type_of(rec);
    let summary: Vec<String> = fields
        .iter()
        .map(|(k, v)| {
            let shown = def.and_then(|d| crate::model::labels::value(d, k, v, lang().tag()));
            let title = match (k.as_str(), def) {
                ("status", _) => tv("field-status", &[]),
                (_, Some(d)) => labels::run_field_title(d, k),
                (_, None) => k.clone(),
            };
            let words = [
                ("field", k.clone()),
                ("title", title),
                ("value", v.clone()),
                ("value_label", shown.unwrap_or(v.as_str()).to_string()),
            ];
            tv("field-set", &words)
        })
        .collect();
    let summary = summary.join(&tv("list-fields", &[]));
    println!(
        "{}",
        tv(
            "fields-set",
            &[("path", rec.path.clone()), ("fields", summary)]
        )
    );
    Ok(())
}

/// Writes `edited` as record `index`'s text if the repository would then check without an error
/// in it; otherwise changes nothing and says why.
pub fn write_text(
    repo: &Repository,
    index: usize,
    edited: &str,
    date: NaiveDate,
) -> anyhow::Result<()> {
    let rec = &repo.records[index];
    let errors = errors_after(repo, index, edited, date)?;
    if !errors.is_empty() {
        bail!(describe(
            crate::i18n::tv("not-changed", &[("path", rec.path.clone())]),
            &errors
        ));
    }
    super::crypt::write_record(repo, index, edited)
}

/// A folder with one file's text replaced, to check an edit before writing it.
struct Overlay {
    folder: Folder,
    path: String,
    text: String,
}

impl Snapshot for Overlay {
    fn exists(&self, rel: &str) -> bool {
        self.folder.exists(rel)
    }
    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
        if rel == self.path {
            return Ok(SourceFile {
                path: self.path.clone(),
                text: self.text.clone(),
                ..Default::default()
            });
        }
        self.folder.load(rel, limit)
    }
    fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        self.folder.bytes(rel)
    }
    fn list(&self, dir: &str) -> Vec<String> {
        self.folder.list(dir)
    }
    fn records(&self, discovery: &crate::read::Discovery) -> (Vec<String>, Vec<Diagnostic>) {
        self.folder.records(discovery)
    }
    fn root(&self) -> &Path {
        self.folder.root()
    }
}
