//! The field names clerk reads from records when the configuration names none: the one place in
//! clerk's code where a record field of a configured type is named. Everything else reads the
//! name the association's configuration gives (`clerk.yaml`, or the type file), with these as
//! its defaults; `tests/field_names.rs` fails on a field name written anywhere else.

// The types clerk reads people and council meetings from (`people_type`, `council.meeting_type`).
pub const PEOPLE_TYPE: &str = "person";
pub const MEETING_TYPE: &str = "meeting";

// A council meeting (`council:` in clerk.yaml).
/// The meeting field that tells a council meeting from another.
pub const MEETING_KIND: &str = "kind";
/// The meeting field listing who was present.
pub const MEETING_PRESENT: &str = "attendees";
/// The meeting field giving the day it was held.
pub const MEETING_DATE: &str = "date";
/// The meeting field listing its resolutions.
pub const RESOLUTIONS: &str = "resolutions";
/// A resolution's id, its mapping of votes and the three counts.
pub const RESOLUTION_ID: &str = "id";
pub const VOTES: &str = "votes";
pub const VOTES_FOR: &str = "for";
pub const VOTES_AGAINST: &str = "against";
pub const VOTES_ABSTAIN: &str = "abstain";

// The archive (`archive:` in clerk.yaml).
/// The field holding the archive number (檔號), and the one with the date filed.
pub const ARCHIVE_NO: &str = "archive_no";
pub const ARCHIVED_ON: &str = "archived_on";
/// The fields giving the year a record was formed, the first present wins.
pub const ARCHIVE_YEAR_FROM: &[&str] = &["issued_on", "date"];
/// The fields naming a record's department and its retention period.
pub const DEPARTMENT: &str = "department";
pub const RETENTION: &str = "retention";

// People (`people_fields:` in clerk.yaml).
/// A person's name.
pub const PERSON_NAME: &str = "name";
/// The list of roles a person holds, and each entry's role, scope and dates.
pub const ROLES: &str = "roles";
pub const ROLE: &str = "role";
pub const ROLE_SCOPE: &str = "scope";
pub const FROM: &str = "from";
pub const UNTIL: &str = "until";
/// The list of a person's signing keys, and each entry's key (its dates are `FROM`, `UNTIL`).
pub const KEYS: &str = "keys";
pub const KEY: &str = "key";

// A type's own records (the type file).
/// The field holding a record's number (文號), printed by a `layout:`.
pub const NUMBER: &str = "number";
/// A record's versions (`versions:`): the one it replaces, the one replacing it, its version.
pub const SUPERSEDES: &str = "supersedes";
pub const SUPERSEDED_BY: &str = "superseded_by";
pub const VERSION: &str = "version";
/// Who has read a record (`circulation:`): the list, each entry's reader and date read.
pub const CIRCULATION: &str = "circulation";
pub const CIRCULATION_PERSON: &str = "person";
pub const READ_ON: &str = "read_on";
/// Why a record was sent back (`returns:`): the list, each entry's person, date and comment.
pub const RETURNS: &str = "returns";
pub const RETURNS_PERSON: &str = "person";
pub const RETURNS_DATE: &str = "date";
pub const RETURNS_COMMENT: &str = "comment";

// The site (`site.date_fields` in clerk.yaml).
/// The fields a record's date is shown from on the site's index pages, the first present wins.
pub const DATE_FIELDS: &[&str] = &[
    "issued_on",
    "date",
    "start",
    "month",
    "quarter",
    "applied_on",
    "signed_on",
    "acquired_on",
    "year",
];

/// Each default as a `String`, for serde's `default = "…"`.
pub fn owned(name: &str) -> String {
    name.to_string()
}
