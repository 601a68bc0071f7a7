//! `clerk register`: a register as a terminal table, CSV, JSON or an Excel workbook.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;

use super::args::{AsOf, Audience, Repo};
use crate::derive::{export, registers};
use crate::model::expr::Evaluator;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Xlsx,
}

/// What to print.
pub struct Request {
    pub dir: PathBuf,
    pub name: Option<String>,
    pub year: Option<i64>,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub audience: Audience,
    pub today: chrono::NaiveDate,
}

pub fn run(req: &Request) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(&req.dir)?;
    let audience = req.audience.resolve(&repo.config.classifications)?;
    let locale = repo.config.association.locale.tag();
    let all = registers::all(&repo);
    let Some(name) = &req.name else {
        for (def, r) in &all {
            println!("{:<28} {}  ({})", r.name, r.title.get(locale), def.path);
        }
        return Ok(0);
    };
    let Some((_, register)) = all.iter().find(|(_, r)| &r.name == name) else {
        let names: Vec<&str> = all.iter().map(|(_, r)| r.name.as_str()).collect();
        bail!(crate::i18n::t(
            "register-unknown",
            &[("name", &name), ("names", &names.join(", "))]
        ));
    };
    let ev = Evaluator::for_repository(&repo, req.today);
    let visible = |r: &crate::model::record::Record| repo.classification(r) <= audience;
    let table = registers::compute(
        &registers::Visible::new(&repo, &ev, &visible),
        register,
        req.year,
    );
    if req.format == Format::Xlsx
        && req.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        bail!(crate::i18n::t(
            "register-xlsx-terminal",
            &[("name", &table.name)]
        ));
    }
    let bytes = match req.format {
        Format::Table => export::text(&table).into_bytes(),
        Format::Json => (serde_json::to_string_pretty(&table)? + "\n").into_bytes(),
        Format::Csv => export::csv(&table)?,
        Format::Xlsx => export::xlsx(&table)?,
    };
    match &req.output {
        Some(path) => {
            crate::fsio::write_bytes_atomic(path, &bytes)?;
            eprintln!("{}", crate::i18n::t("wrote", &[("path", &path.display())]));
        }
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(0)
}

/// `clerk register`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The register's name (see --list).
    #[arg(add = crate::cmd::complete::register_names())]
    pub name: Option<String>,
    #[command(flatten)]
    pub repo: Repo,
    /// List every register.
    #[arg(long)]
    pub list: bool,
    /// Only rows of this year (for registers that have years).
    #[arg(long)]
    pub year: Option<i64>,
    /// How to print the register.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write to this file (CSV, XLSX).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only records classified at this level (an id of clerk.yaml's `classifications`) or
    /// below [default: the highest, `confidential`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
    #[command(flatten)]
    pub as_of: AsOf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(&Request {
            dir: self.repo.root(),
            name: if self.list { None } else { self.name },
            year: self.year,
            format: self.format,
            output: self.output,
            audience: Audience::or(self.audience, Audience::Highest),
            today: self.as_of.day(),
        })
    }
}
