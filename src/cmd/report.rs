//! `clerk report`: a report's chart (SVG) and table, or the annual work report, as Markdown.

use std::path::PathBuf;

use anyhow::{anyhow, bail};

use super::args::{AsOf, Audience, Repo};
use crate::derive::reports;
use crate::model::expr::Evaluator;

/// What to print.
pub struct Request {
    pub dir: PathBuf,
    /// A report's name, or `annual`; None lists them.
    pub name: Option<String>,
    pub year: Option<i64>,
    pub output: Option<PathBuf>,
    pub audience: Audience,
    pub today: chrono::NaiveDate,
}

pub fn run(req: &Request) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(&req.dir)?;
    let audience = req.audience.resolve(&repo.config.classifications)?;
    let locale = repo.config.association.locale.tag();
    let Some(name) = &req.name else {
        for r in &repo.config.reports {
            println!("{:<24} {}", r.name, r.title.get(locale));
        }
        if let Some(a) = &repo.config.annual_report {
            println!("{:<24} {} (--year)", "annual", a.title.get(locale));
        }
        return Ok(0);
    };
    let ev = Evaluator::for_repository(&repo, req.today);
    let test = |r: &crate::model::record::Record| repo.classification(r) <= audience;
    let visible = crate::derive::registers::Visible::new(&repo, &ev, &test);
    let text = if name == "annual" {
        let year = req
            .year
            .unwrap_or_else(|| i64::from(chrono::Datelike::year(&req.today)));
        reports::annual(&visible, year).map_err(|e| anyhow!(e))?
    } else {
        let Some(report) = repo.config.reports.iter().find(|r| &r.name == name) else {
            let names: Vec<&str> = repo
                .config
                .reports
                .iter()
                .map(|r| r.name.as_str())
                .collect();
            bail!(crate::i18n::t(
                "report-unknown",
                &[("name", &name), ("names", &names.join(", "))]
            ));
        };
        let drawn = reports::draw(&visible, report, req.year).map_err(|e| anyhow!(e))?;
        format!(
            "# {}\n\n{}\n\n{}",
            drawn.title,
            drawn.svg,
            reports::markdown_table(&drawn.table)
        )
    };
    match &req.output {
        Some(path) => crate::fsio::write_atomic(path, &text)?,
        None => print!("{text}"),
    }
    Ok(0)
}

/// `clerk report`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The report's name, or `annual`.
    pub name: Option<String>,
    #[command(flatten)]
    pub repo: Repo,
    /// The year the report covers [default: this year].
    #[arg(long)]
    pub year: Option<i64>,
    /// Write to this file.
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
            name: self.name,
            year: self.year,
            output: self.output,
            audience: Audience::or(self.audience, Audience::Highest),
            today: self.as_of.day(),
        })
    }
}
