//! Arguments several commands share: which repository, for whom, as of which day, which date.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::levels::{Classification, Levels};

/// The records repository, for commands that take it as an option (`clerk -C DIR` works for
/// every command).
#[derive(clap::Args, Debug, Clone)]
pub struct Repo {
    /// The records repository [default: the one the current folder is in].
    #[arg(long = "dir", value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

impl Repo {
    /// The repository's folder: `--dir`, or the nearest folder above it with a clerk.yaml.
    pub fn root(&self) -> PathBuf {
        super::record::repository_dir(&self.dir)
    }
}

/// The private keys a command reads encrypted records with (only commands that read records
/// take them).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Identity {
    /// Your SSH private key, to read records stored encrypted (*.md.age) [default:
    /// ~/.ssh/id_ed25519 or ~/.ssh/id_rsa, if there]. May be given more than once.
    #[arg(long = "identity", value_name = "KEY")]
    pub keys: Vec<PathBuf>,
}

/// The day date-dependent rules are judged on (what is due, overdue, upcoming).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct AsOf {
    /// Judge dates as of this day, YYYY-MM-DD [default: today].
    #[arg(long = "today", visible_alias = "as-of", value_name = "DATE", value_parser = date)]
    pub today: Option<NaiveDate>,
}

impl AsOf {
    /// The day given, or today.
    pub fn day(&self) -> NaiveDate {
        self.today.unwrap_or_else(today)
    }
}

/// The date a command writes into a record (an approval, an issue or filing date).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct OnDate {
    /// The date to write, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
}

impl OnDate {
    /// The date given, or today.
    pub fn day(&self) -> NaiveDate {
        self.date.unwrap_or_else(today)
    }
}

/// Who a site, register or report is for: a level of clerk.yaml's `classifications` (records
/// classified above it are left out), or, when none is given, the lowest or the highest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Lowest,
    Highest,
    Level(String),
}

impl Audience {
    /// `--audience LEVEL` if given, else `default`.
    pub fn or(given: Option<String>, default: Audience) -> Audience {
        given.map_or(default, Audience::Level)
    }

    /// The level among the repository's: an id it does not list is an error naming them.
    pub fn resolve(&self, levels: &Levels) -> anyhow::Result<Classification> {
        match self {
            Audience::Lowest => Ok(Classification::LOWEST),
            Audience::Highest => Ok(levels.top()),
            Audience::Level(id) => levels
                .resolve(id)
                .map_err(|e| anyhow::anyhow!("--audience: {e}")),
        }
    }
}

/// A `YYYY-MM-DD` argument.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    crate::date::parse(s).ok_or_else(|| crate::i18n::t("cli-not-a-date", &[("value", &s)]))
}

/// Today on this machine's clock.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
