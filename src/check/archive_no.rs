//! Archive numbers (檔號) against their layout (clerk.yaml `archive`): the fonds, category, year,
//! retention period and department code of the record, and an item number of the set digits.

use crate::diag::{codes, Diagnostic};
use crate::i18n::t;
use crate::model::config::Archive;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::TypeDef;

/// What a record's archive number must be: each part's expected text (`None`: the record does
/// not say, so any text passes), in the order of the layout, with the literal text between.
enum Part {
    Literal(String),
    Known(String),
    Unknown,
    Item(usize),
}

/// A finding for each archive number that does not match what its record says.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    let Some(cfg) = &repo.config.archive else {
        return Vec::new();
    };
    repo.records
        .iter()
        .filter_map(|r| {
            let def = repo.type_of(r)?;
            let number = r.str_field(&cfg.field)?;
            let parts = layout(repo, cfg, def, r);
            if matches(&parts, number) {
                return None;
            }
            Some(finding(repo, cfg, r, number, &parts))
        })
        .collect()
}

/// The layout of `cfg.format` filled from the record.
fn layout(repo: &Repository, cfg: &Archive, def: &TypeDef, r: &Record) -> Vec<Part> {
    let year = cfg
        .year_from
        .iter()
        .chain(std::iter::once(&cfg.date))
        .find_map(|f| r.str_field(f)?.get(..4).map(str::to_string));
    let retention = r
        .str_field(&cfg.retention_field)
        .map(str::to_string)
        .or_else(|| def.retention.clone());
    let department = r
        .str_field(&cfg.department_field)
        .or(cfg.department.as_deref())
        .and_then(|id| repo.config.departments.iter().find(|d| d.id == id))
        .and_then(|d| d.code.clone());
    let mut parts = Vec::new();
    let mut rest = cfg.format.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            parts.push(Part::Literal(rest[..open].to_string()));
        }
        let known = |v: Option<String>| v.map_or(Part::Unknown, Part::Known);
        parts.push(match &rest[open + 1..close] {
            "fonds" => Part::Known(cfg.fonds.clone()),
            "category" => Part::Known(cfg.category.clone()),
            "year" => known(year.clone()),
            "retention" => known(retention.clone()),
            "department" => known(department.clone()),
            "item" => Part::Item(cfg.item_digits),
            other => Part::Literal(format!("{{{other}}}")),
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Literal(rest.to_string()));
    }
    parts
}

/// Whether `number` is the layout's parts in order (an unknown part is any text without the
/// literal that follows it).
fn matches(parts: &[Part], number: &str) -> bool {
    let Some((first, others)) = parts.split_first() else {
        return number.is_empty();
    };
    match first {
        Part::Literal(s) | Part::Known(s) => number
            .strip_prefix(s.as_str())
            .is_some_and(|rest| matches(others, rest)),
        Part::Item(digits) => {
            let n = number.chars().take_while(char::is_ascii_digit).count();
            n == *digits && matches(others, &number[n..])
        }
        Part::Unknown => (1..=number.len())
            .filter(|&i| number.is_char_boundary(i))
            .any(|i| matches(others, &number[i..])),
    }
}

fn finding(
    repo: &Repository,
    cfg: &Archive,
    r: &Record,
    number: &str,
    parts: &[Part],
) -> Diagnostic {
    let expected: String = parts
        .iter()
        .map(|p| match p {
            Part::Literal(s) | Part::Known(s) => s.clone(),
            Part::Unknown => "?".into(),
            Part::Item(digits) => "N".repeat(*digits),
        })
        .collect();
    let pointer = format!("/{}", crate::parse::yaml::escape_pointer(&cfg.field));
    Diagnostic::new(
        codes::ARCHIVE_NUMBER_LAYOUT,
        &r.path,
        r.pos(repo.text_of(r), &pointer, false),
        t(
            "archive-number-layout",
            &[("number", &number), ("expected", &expected)],
        ),
    )
    .hint(t(
        "archive-number-layout-hint",
        &[("format", &cfg.format), ("field", &cfg.field)],
    ))
}
