//! `clerk register`: a register as a terminal table, CSV, JSON or an Excel workbook.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::bail;

use crate::derive::{export, registers};
use crate::model::expr::Evaluator;
use crate::model::types::Classification;

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
    pub audience: Classification,
    pub today: String,
}

pub fn run(req: &Request) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(&req.dir)?;
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
        bail!("no register `{name}`; registers: {}", names.join(", "));
    };
    let ev = Evaluator::new(
        Arc::new(Evaluator::env()),
        &repo.people_json(),
        &repo.config_raw,
        &req.today,
    );
    let visible = |r: &crate::model::record::Record| repo.classification(r) <= req.audience;
    let table = registers::compute(
        &registers::Visible::new(&repo, &ev, &visible),
        register,
        req.year,
    );
    match req.format {
        Format::Table => print!("{}", export::text(&table)),
        Format::Json => println!("{}", serde_json::to_string_pretty(&table)?),
        Format::Csv => {
            let bytes = export::csv(&table)?;
            match &req.output {
                Some(path) => crate::fsio::write_atomic(path, &String::from_utf8(bytes)?)?,
                None => std::io::stdout().write_all(&bytes)?,
            }
        }
        Format::Xlsx => {
            let path = req
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("{}.xlsx", table.name)));
            export::xlsx(&table, &path)?;
            println!("wrote {}", path.display());
        }
    }
    Ok(0)
}
