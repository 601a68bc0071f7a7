//! `clerk.yaml`: the association's profile and the settings its rules read.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::diag::{codes, Diagnostic};
pub use crate::model::council::{Council, ResolutionFields};
pub use crate::model::share::{Fraction, Share};

mod archive;
mod people;
mod zone;
pub use archive::Archive;
pub use people::{KeyFields, PeopleFields, RoleFields};
pub use zone::Zone;

use super::defaults;

/// The file name of the configuration at the repository root.
pub const FILE: &str = "clerk.yaml";

/// The folder of the record type files.
pub const TYPES_DIR: &str = "types/";

/// Whether `path` (relative to the records folder) is part of the configuration: `clerk.yaml`
/// or a type file.
pub fn is_config_file(path: &str) -> bool {
    path == FILE || path.starts_with(TYPES_DIR)
}

/// The association's configuration (`clerk.yaml`).
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub association: Association,
    /// Departments (部門); records name them by `id`.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Globs of Markdown files that are not records, such as the association's README.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Folder names never scanned for records (default: none; hidden folders and sites clerk
    /// built never are).
    #[serde(default = "default_skip")]
    pub skip: Vec<String>,
    #[serde(default)]
    pub limits: Limits,
    /// The record type whose records are people (approvers, staff, council members).
    #[serde(default = "default_people_type")]
    pub people_type: String,
    /// What the people type calls a person's name, roles and keys.
    #[serde(default)]
    pub people_fields: PeopleFields,
    /// How council resolutions (理事會決議) are recognised and when they pass.
    #[serde(default)]
    pub council: Option<Council>,
    /// Approval signatures.
    #[serde(default)]
    pub signatures: Signatures,
    /// What the archive site puts on its home page and in its feeds.
    #[serde(default)]
    pub site: Site,
    /// Classification levels (密級), lowest first, each an id with its label: who may see a
    /// record; a site, register or report is built for one of them.
    #[serde(default)]
    pub classifications: super::levels::Levels,
    /// Reports with charts, drawn from registers.
    #[serde(default)]
    pub reports: Vec<Report>,
    /// The annual work report (年度工作報告): sections, each a register for the year.
    #[serde(default)]
    pub annual_report: Option<AnnualReport>,
    /// Numbering schemes by name (e.g. `documents`: 協秘〔2026〕3號).
    #[serde(default)]
    pub numbering: BTreeMap<String, Numbering>,
    /// Records stored encrypted (`*.md.age`): who may read them, and which must be.
    #[serde(default)]
    pub encryption: Option<Encryption>,
    /// Archive numbers (檔號, DA/T 22-2015) that `clerk archive` assigns.
    #[serde(default)]
    pub archive: Option<Archive>,
    /// How changes to the rules, roles and keys are approved.
    #[serde(default)]
    pub governance: Option<Governance>,
    /// How many people may hold a role at once (rules §2.1 秘書長一名).
    #[serde(default)]
    pub role_limits: Vec<RoleLimit>,
    /// Settings the rules read (thresholds, calendar, …), kept as written.
    #[serde(flatten)]
    pub settings: BTreeMap<String, Value>,
}

/// Changes to what judges changes — `clerk.yaml`, the type files, and people's roles and keys —
/// are approved like records: by an amendment (修訂紀錄), a record that lists each file it
/// changes with the digest of its new content and carries the approvals its type requires.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The record type of amendments.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The states in which an amendment's changes are approved.
    pub approved: Vec<String>,
    /// The repository's first commit: a history that starts from another is refused by
    /// `check --since` and `clerk audit`.
    #[serde(default)]
    pub root: Option<String>,
}

/// The archive site's choices of records.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Issued documents and notices: the home page's recent list and the Atom feed.
    #[serde(default)]
    pub issued: Vec<Dated>,
    /// Meetings and activities: the home page's upcoming list and the iCalendar feed.
    #[serde(default)]
    pub calendar: Vec<Dated>,
    /// Fields shown as a record's date in lists, the first present wins.
    #[serde(default = "default_date_fields")]
    pub date_fields: Vec<String>,
    /// How many recent documents the home page lists.
    #[serde(default = "default_recent")]
    pub recent: usize,
    /// Records per part of the search index: each part is built on its own, so a build's
    /// memory is bounded by a part, not by the whole archive; the search page reads them all.
    #[serde(default = "default_search_part")]
    pub search_part: usize,
    /// Where the site is published (`https://archive.example.org/`): feeds link to records by
    /// absolute addresses under it, as feed readers need.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The navigation's groups of types, in order (none: `model::navigation`'s default).
    #[serde(default)]
    pub navigation: Option<Vec<crate::model::navigation::Group>>,
    /// Types whose records the public home page lists as the standing rules (制度).
    #[serde(default)]
    pub policies: Vec<String>,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            issued: Vec::new(),
            calendar: Vec::new(),
            date_fields: default_date_fields(),
            recent: default_recent(),
            search_part: default_search_part(),
            base_url: None,
            navigation: None,
            policies: Vec::new(),
        }
    }
}

/// Records of a type, dated by a field (and optionally ending on another).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    #[serde(rename = "type")]
    pub type_name: String,
    pub date: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    /// The field holding the start time (`14:00`, in `association.timezone`); without it, or
    /// in a record without one, the event lasts whole days.
    #[serde(default)]
    pub time: Option<String>,
    /// The field holding a timed event's end time (`16:30`, on its `end` date, else its day).
    #[serde(default)]
    pub end_time: Option<String>,
    /// The field holding how long a timed event lasts, in minutes (`90`), for a record that
    /// gives no end time.
    #[serde(default)]
    pub duration: Option<String>,
    /// How long a timed event lasts, in minutes, when its record says neither (two hours).
    #[serde(default = "default_duration")]
    pub default_duration: u32,
    /// In `issued`: the field naming the person who drafted or issued a record, its feed
    /// entry's author for an audience that may see that person (else the association).
    #[serde(default)]
    pub author: Option<String>,
    /// States in which a record is left out (e.g. cancelled).
    #[serde(default)]
    pub except: Vec<String>,
}

fn default_date_fields() -> Vec<String> {
    defaults::DATE_FIELDS
        .iter()
        .map(|f| f.to_string())
        .collect()
}

fn default_duration() -> u32 {
    120
}

fn default_search_part() -> usize {
    1000
}

fn default_recent() -> usize {
    10
}

/// A report: a register drawn as a chart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub name: String,
    pub title: crate::model::registers::Label,
    pub register: String,
    /// The column whose values label the chart.
    pub label: String,
    /// The columns drawn, one series each.
    pub values: Vec<String>,
    pub chart: Chart,
    /// A column whose values part the rows into charts of their own (收入 and 支出 apart).
    #[serde(default)]
    pub split: Option<String>,
}

/// How a report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Chart {
    /// Grouped bars, one series per value column.
    Bars,
    /// Shares of a whole (the first value column).
    Ring,
}

/// The annual work report's sections.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualReport {
    pub title: crate::model::registers::Label,
    pub sections: Vec<Section>,
}

/// A section of the annual report: a heading and a register for the year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: crate::model::registers::Label,
    pub register: String,
}

/// Approval signature settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    /// Whether every approval must carry a signature (default: yes).
    #[serde(default = "yes")]
    pub required: bool,
}

impl Default for Signatures {
    fn default() -> Self {
        Signatures { required: true }
    }
}

/// A numbering scheme: `{issuer}〔{year}〕{serial}號`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    pub format: String,
    /// The issuer code `clerk issue` uses; a number with another is refused.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The record field whose year a number's year must be (the issue date).
    #[serde(default)]
    pub date: Option<String>,
}

/// Encryption at rest (rules §6.2): readers by classification or type, and what must be
/// encrypted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Encryption {
    /// Who may read encrypted records; a record is encrypted to everyone any matching entry names.
    #[serde(default)]
    pub readers: Vec<Readers>,
    /// Classifications or type names whose records must be stored encrypted.
    #[serde(default)]
    pub required: Vec<String>,
}

/// People who may read records of a classification, a type, or a type at a classification
/// (every selector given must match): by role (whoever holds it) or by person id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readers {
    #[serde(default)]
    pub classification: Option<String>,
    #[serde(default, rename = "type")]
    pub type_name: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
}

/// At most `at_most` people hold `role` on any day; for a role with a scope, in each department.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleLimit {
    pub role: String,
    pub at_most: usize,
}

fn yes() -> bool {
    true
}

/// Who the association is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Association {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    /// Language of the site's labels: `zh-Hant`, `zh-Hans` or `en`.
    #[serde(default)]
    pub locale: Locale,
    /// The association's time zone, by name (`Asia/Taipei`, `Europe/London`) or as a UTC
    /// offset (`+08:00`): the times in its records are local times there (a meeting at 14:00),
    /// which calendars receive in UTC.
    #[serde(default)]
    pub timezone: Option<Zone>,
    /// The decimals of the association's currency: `2` shows every amount with its cents
    /// (¥1,234.00); `0`, the default, whole amounts, with cents only in a column where an
    /// amount has some (NT$1,234).
    #[serde(default, deserialize_with = "decimals")]
    pub decimals: u8,
}

/// `association.decimals`: 0 or 2.
fn decimals<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    match u8::deserialize(d)? {
        n @ (0 | 2) => Ok(n),
        n => Err(serde::de::Error::custom(crate::i18n::t(
            "config-decimals",
            &[("n", &n)],
        ))),
    }
}

/// UI language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// The BCP 47 tag (`zh-Hant`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhHant => "zh-Hant",
            Locale::ZhHans => "zh-Hans",
            Locale::En => "en",
        }
    }
}

/// A department (部門) of the secretariat.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// Short code used in archive numbers, e.g. `ZHB`.
    #[serde(default)]
    pub code: Option<String>,
}

/// Limits that protect clerk from hostile or accidental input.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Largest record file read, in bytes.
    #[serde(default = "default_max_record_bytes")]
    pub max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record_bytes: default_max_record_bytes(),
        }
    }
}

/// No folder is skipped unless clerk.yaml says so: a record anywhere is checked. Hidden folders
/// and sites clerk built (they carry its marker) are never read.
fn default_skip() -> Vec<String> {
    Vec::new()
}

fn default_people_type() -> String {
    defaults::PEOPLE_TYPE.into()
}

fn default_max_record_bytes() -> u64 {
    2 * 1024 * 1024
}

/// Top-level keys that later stages read; anything else is likely a typo.
const KNOWN_SETTINGS: &[&str] = &[
    "thresholds",
    "calendar",
    "site",
    "audiences",
    "encryption",
    "roles",
];

/// A loaded configuration: the typed view, the raw JSON (for rule expressions), and warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    pub raw: Value,
    pub warnings: Vec<Diagnostic>,
}

impl Config {
    /// Parses `clerk.yaml` text; a failure is a diagnostic at the offending line.
    pub fn parse(text: &str) -> Result<Loaded, Diagnostic> {
        let (config, raw): (Config, Value) =
            super::deserialize_config(codes::CONFIG_INVALID, FILE, text)?;
        let mut warnings = Vec::new();
        for key in config.settings.keys() {
            if !KNOWN_SETTINGS.contains(&key.as_str()) {
                let pointer = format!("/{}", crate::parse::yaml::escape_pointer(key));
                warnings.push(
                    Diagnostic::new(
                        codes::CONFIG_UNKNOWN_KEY,
                        FILE,
                        super::locate(text, &pointer, true),
                        crate::i18n::t("config-unknown-key", &[("key", &key)]),
                    )
                    .hint(crate::i18n::t(
                        "config-unknown-key-hint",
                        &[(
                            "settings",
                            &format!(
                                "association, departments, ignore, skip, limits, people_type, people_fields, council, numbering, archive, encryption, governance, role_limits, signatures, site, reports, annual_report, {}",
                                KNOWN_SETTINGS.join(", ")
                            ),
                        )],
                    )),
                );
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (i, d) in config.departments.iter().enumerate() {
            if !seen.insert(d.id.as_str()) {
                return Err(Diagnostic::new(
                    codes::CONFIG_INVALID,
                    FILE,
                    super::locate(text, &format!("/departments/{i}/id"), false),
                    crate::i18n::t("config-department-twice", &[("id", &d.id)]),
                )
                .hint(crate::i18n::t("config-department-twice-hint", &[])));
            }
        }
        Ok(Loaded {
            config,
            raw,
            warnings,
        })
    }

    /// The field naming each item of a record's `list`: `id`, or for the council meeting's
    /// resolutions, the name `council.resolution.id` gives.
    pub fn item_id(&self, type_name: &str, list: &str) -> &str {
        match &self.council {
            Some(c) if c.meeting_type == type_name && c.resolutions == list => &c.resolution.id,
            _ => "id",
        }
    }

    /// The field naming a record's department (`archive.department_field`).
    pub fn department_field(&self) -> &str {
        self.archive
            .as_ref()
            .map_or(defaults::DEPARTMENT, |a| a.department_field.as_str())
    }

    /// The department with this id.
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal() {
        let l = Config::parse("association:\n  name: 測試協會\n").unwrap();
        assert_eq!(l.config.association.name, "測試協會");
        assert_eq!(l.config.association.locale, Locale::ZhHant);
        assert!(
            l.config.skip.is_empty(),
            "no folder is skipped unless clerk.yaml says so"
        );
        assert!(l.warnings.is_empty());
    }

    #[test]
    fn error_points_at_line() {
        let err = Config::parse("association:\n  name: x\ndepartments:\n  - id: a\n    nmae: b\n")
            .unwrap_err();
        assert_eq!(err.code, codes::CONFIG_INVALID);
        assert_eq!(err.line, 5, "{}", err.message);
        assert!(err.message.contains("nmae"), "{}", err.message);
    }

    #[test]
    fn unknown_top_level_key_warns() {
        let l = Config::parse("association:\n  name: x\nthreshold:\n  a: 1\n").unwrap();
        assert_eq!(l.warnings.len(), 1);
        assert_eq!(l.warnings[0].code, codes::CONFIG_UNKNOWN_KEY);
        assert_eq!(l.warnings[0].line, 3);
    }
}
