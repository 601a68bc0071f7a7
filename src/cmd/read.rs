//! `clerk read`: records that a person has read a record (傳閱), in the list its type names.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::NaiveDate;
use serde_json::Value;

use super::args::OnDate;
use super::record;
use crate::edit::{self, Mark};
use crate::i18n::tv;

/// Records that `who` read the record at `file` on `date`: their entry in the circulation list
/// gets the date, or a new entry is added.
pub fn read(file: &Path, who: Option<String>, date: NaiveDate) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    let who = record::person(who).map_err(|_| anyhow!(tv("read-who", &[])))?;
    if repo.person(&who).is_none() {
        bail!(tv("not-a-person", &[("by", who)]));
    }
    let say = crate::model::labels::Say::new(&repo, None);
    let def = record::type_of(&repo, index)?;
    let Some(c) = &def.circulation else {
        let words = [
            ("type", def.name.clone()),
            ("type_label", crate::model::labels::run_type_label(def)),
            ("file", def.path.clone()),
        ];
        bail!(tv("read-not-circulated", &words));
    };
    let entry = rec
        .fields
        .get(&c.field)
        .and_then(Value::as_array)
        .and_then(|items| {
            items
                .iter()
                .find(|i| i.get(&c.person).and_then(Value::as_str) == Some(who.as_str()))
        });
    if let Some(on) = entry.and_then(|e| e.get(&c.date)).and_then(Value::as_str) {
        bail!(tv(
            "read-already",
            &read_words(rec, &who, &say.person(&who), on)
        ));
    }
    let day = date.to_string();
    let mark = Mark {
        list: &c.field,
        key: &c.person,
        who: &who,
        date_key: &c.date,
        date: &day,
    };
    let edited = edit::mark(repo.text_of(rec), &mark).map_err(|e| anyhow!("{}: {e}", rec.path))?;
    super::checked::write_text(&repo, index, &edited, super::args::today().max(date))?;
    println!(
        "{}",
        tv("read-done", &read_words(rec, &who, &say.person(&who), &day))
    );
    Ok(())
}

/// The words of a message about `who` (named `name`) reading `rec` on `on`.
fn read_words(
    rec: &crate::model::record::Record,
    who: &str,
    name: &str,
    on: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("path", rec.path.clone()),
        ("who", who.to_string()),
        ("name", name.to_string()),
        ("date", on.to_string()),
    ]
}

/// `clerk read`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    pub file: PathBuf,
    /// Who read it [default: $CLERK_PERSON].
    #[arg(long = "as", value_name = "PERSON")]
    pub who: Option<String>,
    #[command(flatten)]
    pub date: OnDate,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        read(&self.file, self.who, self.date.day()).map(|()| 0)
    }
}
