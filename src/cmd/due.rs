//! `clerk due`: what falls due or is overdue, grouped by the person responsible.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use super::args::{AsOf, Audience};
use crate::derive::due;
use crate::i18n::{lang, tv};
use crate::model::expr::Evaluator;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// `30d`, `2w`, or a number of days.
pub fn parse_within(s: &str) -> Result<u64, String> {
    let (n, unit) = match s.char_indices().last() {
        Some((i, 'd')) => (&s[..i], 1),
        Some((i, 'w')) => (&s[..i], 7),
        _ => (s, 1),
    };
    n.parse::<u64>()
        .map(|n| n * unit)
        .map_err(|_| format!("`{s}` is not a span like 30d or 2w"))
}

pub fn run(
    dir: &Path,
    within_days: u64,
    today: NaiveDate,
    format: Format,
    audience: &Audience,
) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(dir)?;
    let audience = audience.resolve(&repo.config.classifications)?;
    let as_of = &today.to_string();
    let until = today
        .checked_add_days(Days::new(within_days))
        .unwrap_or(today)
        .to_string();
    let ev = Evaluator::for_repository(&repo, today);
    let visible = |r: &crate::model::record::Record| repo.classification(r) <= audience;
    let items = due::items(
        &crate::derive::registers::Visible::new(&repo, &ev, &visible),
        as_of,
        &until,
    );
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&items)?),
        Format::Text => {
            let mut who = None;
            for item in &items {
                if who != Some(&item.who) {
                    who = Some(&item.who);
                    let words = [
                        ("id", item.who.clone()),
                        ("name", item.name.clone().unwrap_or_default()),
                    ];
                    match &item.name {
                        Some(_) => println!("\n{}", tv("due-person", &words)),
                        None => println!("\n{}", item.who),
                    }
                }
                let flag = tv(
                    if item.overdue {
                        "due-overdue"
                    } else {
                        "due-due"
                    },
                    &[],
                );
                let words = [
                    ("date", item.date.clone()),
                    ("flag", flag),
                    ("kind", kind_shown(&repo, item)),
                    ("what", item.what.clone()),
                    ("path", item.path.clone()),
                ];
                println!("{}", tv("due-line", &words));
            }
            let overdue = items.iter().filter(|i| i.overdue).count();
            let words = [
                ("n", items.len().to_string()),
                ("until", until.clone()),
                ("overdue", overdue.to_string()),
                ("as_of", as_of.clone()),
            ];
            println!("\n{}", tv("due-summary", &words));
        }
    }
    Ok(0)
}

/// The kind of `item` (its declaration's title) in the run's language: the items carry it in
/// the association's.
fn kind_shown(repo: &crate::model::repo::Repository, item: &due::Item) -> String {
    let (assoc, run) = (repo.config.association.locale.tag(), lang().tag());
    let def = repo
        .records
        .iter()
        .find(|r| r.path == item.path)
        .and_then(|r| repo.type_of(r));
    def.into_iter()
        .flat_map(|d| &d.due)
        .find(|d| d.title.get(assoc) == item.kind)
        .map_or_else(|| item.kind.clone(), |d| d.title.get(run).to_string())
}

/// `clerk due`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// How far ahead to look: 30d, 2w, or days.
    #[arg(long, default_value = "30d", value_parser = parse_within)]
    pub within: u64,
    #[command(flatten)]
    pub as_of: AsOf,
    /// How to print the list.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Only records classified at this level (an id of clerk.yaml's `classifications`) or
    /// below [default: the highest, `confidential`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let today = self.as_of.day();
        run(
            &crate::cmd::record::repository_dir(&self.dir),
            self.within,
            today,
            self.format,
            &Audience::or(self.audience, Audience::Highest),
        )
    }
}
