//! Unique values and numbering sequences (文號): each value held once, each number in its
//! scheme's format, and no serial skipped.

use std::collections::{BTreeMap, HashMap};

use regex::Regex;

use super::ledger::at;
use crate::diag::{codes, Diagnostic, Pos};
use crate::i18n::{t, tv};
use crate::model::config::Numbering;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::sealed::Holder;
use crate::model::types::TypeDef;

/// A numbering format (`{issuer}〔{year}〕{serial}號`) as a pattern.
pub struct NumberFormat {
    regex: Regex,
}

/// A parsed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub issuer: String,
    pub year: u32,
    pub serial: u64,
}

impl NumberFormat {
    pub fn new(format: &str) -> NumberFormat {
        let mut pattern = String::from("^");
        let mut rest = format;
        while let Some(start) = rest.find('{') {
            pattern.push_str(&regex::escape(&rest[..start]));
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            let group = match &rest[start + 1..start + len] {
                "issuer" => r"(?P<issuer>.+?)",
                "year" => r"(?P<year>[0-9]{4})",
                "serial" => r"(?P<serial>[1-9][0-9]*)",
                other => {
                    pattern.push_str(&regex::escape(&format!("{{{other}}}")));
                    rest = &rest[start + len + 1..];
                    continue;
                }
            };
            pattern.push_str(group);
            rest = &rest[start + len + 1..];
        }
        pattern.push_str(&regex::escape(rest));
        pattern.push('$');
        NumberFormat {
            // The pattern is built from escaped text and fixed groups, so it always compiles.
            regex: Regex::new(&pattern)
                .unwrap_or_else(|_| Regex::new("^$").expect("empty pattern")),
        }
    }

    pub fn parse(&self, value: &str) -> Option<Number> {
        let caps = self.regex.captures(value)?;
        Some(Number {
            issuer: caps.name("issuer").map_or("", |m| m.as_str()).to_string(),
            year: caps.name("year")?.as_str().parse().ok()?,
            serial: caps.name("serial")?.as_str().parse().ok()?,
        })
    }

    /// A number in this format.
    pub fn format(format: &str, issuer: &str, year: i32, serial: u64) -> String {
        format
            .replace("{issuer}", issuer)
            .replace("{year}", &year.to_string())
            .replace("{serial}", &serial.to_string())
    }
}

/// For one uniqueness key: each value and the records (with the field) that hold it.
type Holders<'a> = BTreeMap<&'a str, Vec<(Holder<'a>, &'a str)>>;

/// For each (sequence, issuer, year): each serial number given and the record that has it.
type Serials<'a> = BTreeMap<(String, String, u32), BTreeMap<u64, Holder<'a>>>;

/// Values that must be unique and are not, numbers that break their format, and gaps in
/// numbering sequences. An encrypted record clerk cannot open takes part through its envelope.
pub(super) fn unique(repo: &Repository) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut seen: BTreeMap<String, Holders> = BTreeMap::new();
    let mut serials: Serials = BTreeMap::new();
    let mut formats: HashMap<&str, (NumberFormat, &Numbering)> = HashMap::new();
    let mut reported_missing = std::collections::BTreeSet::new();
    for record in repo.numbered() {
        let Some(def) = record.type_name().and_then(|t| repo.types.get(t)) else {
            continue;
        };
        for u in &def.unique {
            let Some(value) = record.str_field(&u.field) else {
                continue;
            };
            let key = u
                .key
                .clone()
                .unwrap_or_else(|| format!("{}.{}", def.name, u.field));
            seen.entry(key)
                .or_default()
                .entry(value)
                .or_default()
                .push((record, u.field.as_str()));
            let Some(seq) = &u.sequence else { continue };
            let Some(numbering) = repo.config.numbering.get(seq) else {
                if reported_missing.insert((def.path.clone(), seq.clone())) {
                    diags.push(numbering_missing(def, seq));
                }
                continue;
            };
            let (format, _) = formats
                .entry(seq.as_str())
                .or_insert_with(|| (NumberFormat::new(&numbering.format), numbering));
            match format.parse(value) {
                Some(n) => {
                    if let Holder::Record(record) = record {
                        if let Some(d) = against_scheme(repo, record, &u.field, &n, numbering) {
                            diags.push(d); // not counted in the sequence it does not belong to
                            continue;
                        }
                    }
                    serials
                        .entry((seq.clone(), n.issuer.clone(), n.year))
                        .or_default()
                        .insert(n.serial, record);
                }
                None => {
                    if let Holder::Record(record) = record {
                        diags.push(bad_number(repo, record, &u.field, value, numbering));
                    }
                }
            }
        }
    }
    diags.extend(duplicates(repo, &seen));
    diags.extend(gaps(repo, &serials));
    diags
}

/// A number in the right format but not of its scheme: another issuer's code, or a year other
/// than its record's date.
fn against_scheme(
    repo: &Repository,
    record: &Record,
    field: &str,
    n: &Number,
    numbering: &Numbering,
) -> Option<Diagnostic> {
    if let Some(issuer) = numbering.issuer.as_deref().filter(|i| *i != n.issuer) {
        return Some(
            at(
                repo,
                record,
                field,
                codes::NUMBER_FORMAT,
                tv(
                    "number-other-issuer",
                    &[
                        (
                            "value",
                            record.str_field(field).unwrap_or_default().to_string(),
                        ),
                        ("issuer", issuer.to_string()),
                        ("found", n.issuer.to_string()),
                    ],
                ),
            )
            .hint(tv(
                "number-other-issuer-hint",
                &[("issuer", issuer.to_string())],
            )),
        );
    }
    let date_field = numbering.date.as_deref()?;
    let year: u32 = record.str_field(date_field)?.get(..4)?.parse().ok()?;
    (year != n.year).then(|| {
        at(
            repo,
            record,
            field,
            codes::NUMBER_FORMAT,
            tv(
                "number-other-year",
                &[
                    (
                        "value",
                        record.str_field(field).unwrap_or_default().to_string(),
                    ),
                    ("numbered", n.year.to_string()),
                    ("field", date_field.to_string()),
                    ("year", year.to_string()),
                ],
            ),
        )
        .hint(tv(
            "number-other-year-hint",
            &[("field", date_field.to_string())],
        ))
    })
}

/// The finding for a type whose `unique` names a numbering clerk.yaml does not define.
fn numbering_missing(def: &TypeDef, seq: &str) -> Diagnostic {
    let message = t("numbering-undefined", &[("seq", &seq)]);
    Diagnostic::new(codes::SETTING_MISSING, &def.path, Pos::line(1), message)
        .hint(t("numbering-undefined-hint", &[("seq", &seq)]))
}

/// The finding for a number that does not follow its numbering's format, with an example.
fn bad_number(
    repo: &Repository,
    record: &Record,
    field: &str,
    value: &str,
    numbering: &Numbering,
) -> Diagnostic {
    let example = NumberFormat::format(
        &numbering.format,
        numbering.issuer.as_deref().unwrap_or("協秘"),
        2026,
        3,
    );
    let mut hint = tv(
        "number-format-hint",
        &[("example", example), ("format", numbering.format.clone())],
    );
    if value.contains(['[', ']', '(', ')', '［', '］', '【', '】']) {
        hint.push_str(&tv("number-brackets-hint", &[]));
    }
    at(
        repo,
        record,
        field,
        codes::NUMBER_FORMAT,
        tv("number-format", &[("value", value.to_string())]),
    )
    .hint(hint)
}

/// Values held by more than one record: a finding at every holder after the first.
fn duplicates(repo: &Repository, seen: &BTreeMap<String, Holders>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for values in seen.values() {
        for (value, holders) in values {
            if holders.len() < 2 {
                continue;
            }
            let mut holders = holders.clone();
            holders.sort_by_key(|(h, _)| h.path());
            let (first, _) = holders[0];
            for (record, field) in &holders[1..] {
                diags.push(
                    holder_at(
                        repo,
                        *record,
                        field,
                        codes::NOT_UNIQUE,
                        tv(
                            "not-unique",
                            &[
                                ("value", value.to_string()),
                                ("path", first.path().to_string()),
                            ],
                        ),
                    )
                    .hint(tv("not-unique-hint", &[("field", field.to_string())])),
                );
            }
        }
    }
    diags
}

/// A finding at a holder's field: its line in a record read, the file for an envelope.
fn holder_at(
    repo: &Repository,
    holder: Holder,
    field: &str,
    code: crate::diag::Code,
    message: String,
) -> Diagnostic {
    match holder {
        Holder::Record(record) => at(repo, record, field, code, message),
        Holder::Sealed(path, _) => Diagnostic::new(code, path, Pos::FILE, message),
    }
}

/// Serial numbers skipped in a sequence: a finding at the record after each gap.
fn gaps(repo: &Repository, serials: &Serials) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for ((_, issuer, year), numbers) in serials {
        let mut expected = 1;
        for (&serial, record) in numbers {
            if serial > expected {
                let missing = if serial - expected == 1 {
                    expected.to_string()
                } else {
                    format!("{expected}–{}", serial - 1)
                };
                let field = record
                    .type_name()
                    .and_then(|t| repo.types.get(t))
                    .and_then(|d| d.unique.iter().find(|u| u.sequence.is_some()))
                    .map_or("", |u| u.field.as_str());
                diags.push(
                    holder_at(
                        repo,
                        *record,
                        field,
                        codes::NUMBER_GAP,
                        tv(
                            "number-gap",
                            &[
                                ("issuer", issuer.to_string()),
                                ("year", year.to_string()),
                                ("missing", missing),
                            ],
                        ),
                    )
                    .hint(tv("number-gap-hint", &[])),
                );
            }
            expected = serial + 1;
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_format_parses_hexagonal_brackets_only() {
        let f = NumberFormat::new("{issuer}〔{year}〕{serial}號");
        assert_eq!(
            f.parse("協秘〔2026〕3號"),
            Some(Number {
                issuer: "協秘".into(),
                year: 2026,
                serial: 3
            })
        );
        assert_eq!(f.parse("協秘[2026]3號"), None);
        assert_eq!(f.parse("協秘〔2026〕03號"), None);
        assert_eq!(f.parse("協秘〔26〕3號"), None);
        assert_eq!(
            NumberFormat::format("{issuer}〔{year}〕{serial}號", "協秘", 2026, 12),
            "協秘〔2026〕12號"
        );
    }
}
