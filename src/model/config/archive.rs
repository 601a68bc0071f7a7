//! `archive:` in clerk.yaml: how archive numbers (檔號) are laid out and what fills them.

use serde::Deserialize;

/// Archive numbering (檔號) per DA/T 22-2015: `{fonds}-{category}·{year}-{retention}-{department}-{item}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// The number's layout; separators are whatever the format writes between the parts.
    #[serde(default = "default_archive_format")]
    pub format: String,
    /// 全宗號, the fonds code the archives gave the association.
    pub fonds: String,
    /// 類別號, e.g. `WS` for 文書.
    #[serde(default = "default_archive_category")]
    pub category: String,
    /// Digits of the item number (件號), zero-padded.
    #[serde(default = "default_item_digits")]
    pub item_digits: usize,
    /// The record field that holds the archive number, and the one that holds the date filed.
    #[serde(default = "default_archive_field")]
    pub field: String,
    #[serde(default = "default_archive_date")]
    pub date: String,
    /// Fields giving the year a record was formed, the first present wins (default: the filing year).
    #[serde(default = "default_year_from")]
    pub year_from: Vec<String>,
    /// Retention periods allowed (保管期限): `Y` permanent, `D30` thirty years, `D10` ten years.
    #[serde(default = "default_retentions")]
    pub retention: Vec<String>,
    /// The department whose code files records that name none.
    #[serde(default)]
    pub department: Option<String>,
    /// The record fields naming a record's department and its retention period.
    #[serde(default = "default_department_field")]
    pub department_field: String,
    #[serde(default = "default_retention_field")]
    pub retention_field: String,
}

fn default_archive_format() -> String {
    "{fonds}-{category}·{year}-{retention}-{department}-{item}".into()
}
fn default_archive_category() -> String {
    "WS".into()
}
fn default_item_digits() -> usize {
    4
}
fn default_archive_field() -> String {
    crate::model::defaults::ARCHIVE_NO.into()
}
fn default_archive_date() -> String {
    crate::model::defaults::ARCHIVED_ON.into()
}
fn default_year_from() -> Vec<String> {
    crate::model::defaults::ARCHIVE_YEAR_FROM
        .iter()
        .map(|f| f.to_string())
        .collect()
}
fn default_retentions() -> Vec<String> {
    vec!["Y".into(), "D30".into(), "D10".into()]
}

fn default_department_field() -> String {
    crate::model::defaults::DEPARTMENT.into()
}
fn default_retention_field() -> String {
    crate::model::defaults::RETENTION.into()
}
