//! `clerk inbox`: what waits for a person today — approvals they may give, documents to read,
//! leave to close, resolutions to carry out, deadlines — or for everyone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::{Days, NaiveDate};

use super::args::{AsOf, Audience};
use super::due::{parse_within, Format};
use crate::derive::inbox::{self, Item};
use crate::derive::registers::Visible;
use crate::i18n::tv;
use crate::model::expr::Evaluator;
use crate::model::repo::Repository;

/// Who to list: one person, or everyone with something waiting.
pub enum Whom {
    One(Option<String>),
    All,
}

/// What `clerk inbox` prints, and for whom.
pub struct Request<'a> {
    pub dir: &'a Path,
    pub whom: Whom,
    pub within_days: u64,
    pub today: NaiveDate,
    pub format: Format,
    pub audience: Audience,
}

pub fn run(req: Request) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(req.dir)?;
    let audience = req.audience.resolve(&repo.config.classifications)?;
    let as_of = req.today.to_string();
    let until = req
        .today
        .checked_add_days(Days::new(req.within_days))
        .unwrap_or(req.today)
        .to_string();
    let ev = Evaluator::for_repository(&repo, req.today);
    let visible = |r: &crate::model::record::Record| repo.classification(r) <= audience;
    let mut all = inbox::items(&Visible::new(&repo, &ev, &visible), &as_of, &until);
    since_from_history(req.dir, &mut all);
    let chosen: BTreeMap<String, Vec<Item>> = match req.whom {
        Whom::All => all,
        Whom::One(who) => {
            let who = whoami(&repo, who)?;
            let items = all.remove(&who).unwrap_or_default();
            BTreeMap::from([(who, items)])
        }
    };
    match req.format {
        Format::Json => {
            let people: Vec<serde_json::Value> = chosen
                .iter()
                .map(|(id, items)| serde_json::json!({"person": id, "name": name(&repo, id), "items": items}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&people)?);
        }
        Format::Text => {
            for (id, items) in &chosen {
                print_person(&repo, id, items, &as_of);
            }
        }
    }
    Ok(0)
}

/// For an approval whose record has none yet: the day of the commit that moved the record to its
/// present state, or that added it (when the repository is in git).
pub fn since_from_history(dir: &Path, all: &mut BTreeMap<String, Vec<Item>>) {
    let waiting = all
        .values()
        .flatten()
        .any(|i| i.kind == "approve" && i.since.is_none());
    if !waiting {
        return;
    }
    let history = super::build::history(dir);
    for item in all.values_mut().flatten() {
        if item.kind != "approve" || item.since.is_some() {
            continue;
        }
        let changes = history
            .get(&item.path)
            .map(Vec::as_slice)
            .unwrap_or_default();
        item.since = changes
            .iter()
            .find(|c| c.status_to.is_some())
            .or(changes.last())
            .map(|c| c.date.clone());
    }
}

/// `--as`, else who is running clerk: CLERK_PERSON, or the owner of `~/.ssh/id_ed25519.pub`.
pub fn whoami(repo: &Repository, given: Option<String>) -> anyhow::Result<String> {
    let who = given
        .or_else(|| super::record::me(repo))
        .ok_or_else(|| anyhow!(tv("inbox-whose", &[])))?;
    if repo.person(&who).is_none() {
        bail!(tv("not-a-person", &[("by", who)]));
    }
    Ok(who)
}

pub fn name(repo: &Repository, id: &str) -> String {
    repo.person(id)
        .and_then(|p| repo.person_name(p))
        .unwrap_or(id)
        .to_string()
}

fn print_person(repo: &Repository, id: &str, items: &[Item], as_of: &str) {
    let words = [
        ("name", name(repo, id)),
        ("id", id.to_string()),
        ("n", items.len().to_string()),
        ("as_of", as_of.to_string()),
    ];
    println!("{}", tv("inbox-person", &words));
    let (approvals, rest): (Vec<&Item>, Vec<&Item>) =
        items.iter().partition(|i| i.kind == "approve");
    if !approvals.is_empty() {
        println!("\n  {}", tv("inbox-approvals", &[]));
    }
    for i in approvals {
        let since = i
            .since
            .as_deref()
            .map(|s| tv("inbox-since", &[("date", s.to_string())]))
            .unwrap_or_default();
        let again = if i.again {
            tv("inbox-again", &[])
        } else {
            String::new()
        };
        println!(
            "  · {} {}《{}》 {} ({}) → {}{since}{again}",
            i.type_label,
            i.record,
            i.title,
            i.step_label.as_deref().unwrap_or_default(),
            i.step.as_deref().unwrap_or_default(),
            i.to_state_label
                .as_deref()
                .or(i.to_state.as_deref())
                .unwrap_or_default(),
        );
        println!(
            "      clerk sign {} --step {} --by {id}",
            i.path,
            i.step.as_deref().unwrap_or_default()
        );
    }
    if !rest.is_empty() {
        println!("\n  {}", tv("inbox-tasks", &[]));
    }
    for i in rest {
        let when = match (&i.date, i.overdue) {
            (Some(d), true) => format!("{d} {}  ", tv("due-overdue", &[])),
            (Some(d), false) => format!("{d} {}  ", tv("due-due", &[]).trim_end()),
            (None, _) => match (i.kind, &i.since) {
                ("returned", Some(d)) => format!("{d}  "),
                _ => String::new(),
            },
        };
        println!(
            "  · {when}{}：{}  ({})",
            i.task.as_deref().unwrap_or_default(),
            i.what.as_deref().unwrap_or_default(),
            i.path
        );
    }
    println!();
}

/// `clerk inbox`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Whose inbox [default: $CLERK_PERSON, or the owner of ~/.ssh/id_ed25519.pub].
    #[arg(long = "as", value_name = "PERSON", conflicts_with = "all")]
    pub who: Option<String>,
    /// Everyone's, person by person.
    #[arg(long)]
    pub all: bool,
    /// How far ahead to list deadlines: 30d, 2w, or days.
    #[arg(long, default_value = "30d", value_parser = parse_within)]
    pub within: u64,
    #[command(flatten)]
    pub as_of: AsOf,
    /// How to print it.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Only records classified at this level (an id of clerk.yaml's `classifications`) or
    /// below [default: the highest, `confidential`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(Request {
            dir: &super::record::repository_dir(&self.dir),
            whom: if self.all {
                Whom::All
            } else {
                Whom::One(self.who)
            },
            within_days: self.within,
            today: self.as_of.day(),
            format: self.format,
            audience: Audience::or(self.audience, Audience::Highest),
        })
    }
}
