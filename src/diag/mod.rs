//! One diagnostic type for every finding, and its renderers (terminal, JSON).

mod render;

pub use render::{render_github, render_json, render_text, SHOWN_PER_FILE};

use std::fmt;

use serde::Serialize;

/// How serious a finding is: errors fail `check`, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A stable diagnostic code such as `E010`; the letter gives its severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(&'static str);

impl Code {
    /// The code as printed, e.g. `E010`.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Errors start with `E`, warnings with `W`.
    pub fn severity(self) -> Severity {
        if self.0.starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// The catalogue of diagnostic codes. Codes are never reused for another meaning.
pub mod codes {
    use super::Code;

    /// A file could not be read, is not UTF-8, or is binary.
    pub const UNREADABLE: Code = Code("E001");
    /// A file is larger than `limits.max_record_bytes`.
    pub const TOO_LARGE: Code = Code("E002");
    /// A symbolic link points outside the repository; it is not followed.
    pub const SYMLINK_OUTSIDE: Code = Code("E003");
    /// A Markdown file has no front matter and is not in `ignore`.
    pub const NO_FRONT_MATTER: Code = Code("E004");
    /// The front matter opens with `---` but never closes.
    pub const UNTERMINATED_FRONT_MATTER: Code = Code("E005");
    /// The front matter is not valid YAML.
    pub const YAML_SYNTAX: Code = Code("E006");
    /// The front matter is valid YAML but not a mapping of fields.
    pub const NOT_A_MAPPING: Code = Code("E007");
    /// The record has no `type` field.
    pub const MISSING_TYPE: Code = Code("E008");
    /// The record's `type` names no file in `types/`.
    pub const UNKNOWN_TYPE: Code = Code("E009");
    /// A required field is missing.
    pub const MISSING_FIELD: Code = Code("E010");
    /// A field has the wrong kind of value (text where a number belongs, a list where text belongs).
    pub const WRONG_TYPE: Code = Code("E011");
    /// A value is not one of the allowed values.
    pub const NOT_ALLOWED: Code = Code("E012");
    /// A value is malformed: a bad date, a pattern mismatch, out of range.
    pub const BAD_VALUE: Code = Code("E013");
    /// A field the type does not declare (when the type says unknown fields are errors).
    pub const UNKNOWN_FIELD: Code = Code("E014");
    /// A field the type does not declare (when the type says unknown fields are warnings).
    pub const UNKNOWN_FIELD_WARNING: Code = Code("W014");
    /// Two records share an id.
    pub const DUPLICATE_ID: Code = Code("E015");
    /// An id has characters other than letters, digits, `-`, `_` and `.`.
    pub const BAD_ID: Code = Code("E016");
    /// A reference names no record.
    pub const BROKEN_REFERENCE: Code = Code("E017");
    /// A reference names a record of the wrong type.
    pub const REFERENCE_WRONG_TYPE: Code = Code("E018");
    /// A reference's `#part` names nothing in the target record.
    pub const REFERENCE_ANCHOR_MISSING: Code = Code("E019");
    /// A value YAML allows but a record cannot hold (a non-finite number, a list as a key).
    pub const UNSUPPORTED_YAML: Code = Code("E020");
    /// An attachment clerk may not publish: outside the repository, hidden, a record, a key,
    /// or missing.
    pub const ATTACHMENT_REFUSED: Code = Code("E021");
    /// Two attachments of one record have the same file name.
    pub const ATTACHMENT_NAME_TWICE: Code = Code("E022");

    /// An approval has no signature (clerk.yaml `signatures.required`).
    pub const SIGNATURE_MISSING: Code = Code("E050");
    /// The signature is not an SSH signature.
    pub const SIGNATURE_MALFORMED: Code = Code("E051");
    /// The signing key is listed by nobody, or the approver lists no keys.
    pub const SIGNER_UNKNOWN: Code = Code("E052");
    /// The signature was made with another person's key.
    pub const KEY_OF_ANOTHER_PERSON: Code = Code("E053");
    /// The signature does not match this record, step, role, person and date (forged or copied).
    pub const SIGNATURE_INVALID: Code = Code("E054");
    /// The record changed after it was approved: the approval is stale.
    pub const APPROVAL_STALE: Code = Code("E055");
    /// The key was not valid on the approval date.
    pub const KEY_NOT_VALID: Code = Code("E056");
    /// A person lists a key that is not an OpenSSH public key.
    pub const KEY_INVALID: Code = Code("E057");
    /// A signature added by this change was made with a key that is not valid now (backdating).
    pub const SIGNED_WITH_EXPIRED_KEY: Code = Code("E058");
    /// An approval a change adds that the rules in force before the change do not accept: a
    /// key, a role or an approval rule the same change brought.
    pub const APPROVAL_NOT_IN_FORCE: Code = Code("E059");

    /// A record's status moved in a way its workflow does not allow.
    pub const BAD_TRANSITION: Code = Code("E060");
    /// A field that never changes once set (a document number) was changed.
    pub const IMMUTABLE_CHANGED: Code = Code("E061");
    /// A record in a final state was changed.
    pub const FINAL_CHANGED: Code = Code("E062");
    /// A record that must be kept (issued, archived) was deleted.
    pub const KEPT_DELETED: Code = Code("E063");
    /// The index holds an unresolved merge conflict.
    pub const MERGE_CONFLICT: Code = Code("E064");
    /// A change to the rules, roles or keys that no approved amendment of the same commit lists.
    pub const GOVERNED_CHANGE_UNAPPROVED: Code = Code("E065");
    /// An amendment lists a governed file with a digest other than the file's new content.
    pub const GOVERNED_CHANGE_STALE: Code = Code("E066");
    /// An amendment's approvals are not valid by the rules in force before the change.
    pub const GOVERNED_CHANGE_UNAUTHORIZED: Code = Code("E067");
    /// A change to the rules, roles or keys in a repository that names no amendment type.
    pub const GOVERNANCE_OFF: Code = Code("W068");
    /// Dates out of order: an approval dated after today, or a state's date before an
    /// approval the state requires.
    pub const DATE_OUT_OF_ORDER: Code = Code("E069");

    /// `clerk.yaml` could not be read or is invalid.
    pub const CONFIG_INVALID: Code = Code("E100");
    /// A type file could not be read or is invalid.
    pub const TYPE_INVALID: Code = Code("E101");
    /// A type's field schema is not valid JSON Schema.
    pub const TYPE_SCHEMA_INVALID: Code = Code("E102");
    /// Two type files declare the same type name.
    pub const TYPE_DUPLICATE: Code = Code("E103");
    /// A type file refers to a type that does not exist.
    pub const TYPE_UNKNOWN_REFERENCE: Code = Code("E104");
    /// An expression in a type file is not valid CEL, or names something that does not exist.
    pub const EXPRESSION_INVALID: Code = Code("E105");
    /// clerk.yaml lacks a setting a type file relies on (a numbering scheme, council rules).
    pub const SETTING_MISSING: Code = Code("E106");
    /// A rule (or its condition) could not be evaluated for a record: a field it reads is
    /// missing or of another kind, a division by zero, … — never taken as satisfied.
    pub const RULE_UNEVALUATED: Code = Code("E107");
    /// A field clerk.yaml names for clerk to read (a council meeting's date, a resolution's
    /// votes, a person's roles or keys) is not declared by the type it is read from.
    pub const CONFIG_FIELD_UNDECLARED: Code = Code("E108");
    /// A type file names a classification level clerk.yaml's `classifications` does not list.
    pub const CLASSIFICATION_UNKNOWN: Code = Code("E135");

    // The association's organisation and filing rules (issue #18).
    /// More people hold a role on one day than clerk.yaml `role_limits` allows (秘書長一名).
    pub const ROLE_LIMIT_EXCEEDED: Code = Code("E110");
    /// A `role_limits` entry names a role the people type does not list.
    pub const ROLE_LIMIT_UNKNOWN_ROLE: Code = Code("E111");
    /// An archive number (檔號) does not match its layout and the record's year, retention
    /// and department.
    pub const ARCHIVE_NUMBER_LAYOUT: Code = Code("E112");
    /// Someone who files records of a type has nobody who may give a step it requires (a gap
    /// in the approval rules, found before a record runs into it). A warning: it is about who
    /// holds which role, not a record, and must not block a small or changing secretariat.
    pub const FILER_WITHOUT_APPROVER: Code = Code("W113");

    /// An approval names a step the type does not have.
    pub const UNKNOWN_STEP: Code = Code("E030");
    /// No approval rule of the step applies to this record (a gap in the type file's rules).
    pub const NO_RULE_APPLIES: Code = Code("E031");
    /// The approval is given in a role that may not give this step for this record.
    pub const ROLE_NOT_ALLOWED: Code = Code("E032");
    /// The approver did not hold the role (with the needed scope) on the approval date.
    pub const ROLE_NOT_HELD: Code = Code("E033");
    /// The approver is excluded from this step (e.g. approving their own leave).
    pub const APPROVER_EXCLUDED: Code = Code("E034");
    /// A field the record's state requires is missing.
    pub const STATE_FIELD_MISSING: Code = Code("E035");
    /// An approval the record's state requires is missing.
    pub const APPROVAL_MISSING: Code = Code("E036");
    /// A council resolution is required but not cited.
    pub const COUNCIL_MISSING: Code = Code("E037");
    /// The cited resolution is not from a council meeting that was held.
    pub const NOT_A_COUNCIL_MEETING: Code = Code("E038");
    /// The cited resolution was adopted after the approval it should precede.
    pub const COUNCIL_TOO_LATE: Code = Code("E039");
    /// The cited resolution did not pass: no quorum, or no majority.
    pub const RESOLUTION_NOT_PASSED: Code = Code("E040");
    /// A number does not follow its numbering format.
    pub const NUMBER_FORMAT: Code = Code("E041");
    /// A value that must be unique is used twice.
    pub const NOT_UNIQUE: Code = Code("E042");
    /// A numbering sequence skips numbers.
    pub const NUMBER_GAP: Code = Code("W043");
    /// Spending on a budget line exceeds the approved amount.
    pub const OVER_BUDGET: Code = Code("E044");
    /// A record is booked against a budget of another year, or one not approved.
    pub const WRONG_BUDGET: Code = Code("E045");
    /// A rule of the type file does not hold (error).
    pub const RULE_FAILED: Code = Code("E046");
    /// A rule of the type file does not hold (warning).
    pub const RULE_WARNING: Code = Code("W046");
    /// A record that should exist does not (error).
    pub const COVERAGE_MISSING: Code = Code("E047");
    /// A record that should exist does not (warning): a missing assessment or commitment.
    pub const COVERAGE_WARNING: Code = Code("W047");
    /// The approver's person record lists no such person.
    pub const APPROVER_UNKNOWN: Code = Code("E048");
    /// The same person gives the same approval step twice.
    pub const APPROVAL_TWICE: Code = Code("E049");

    /// A type file leaves fields, values or workflow states without a label for people.
    pub const LABEL_MISSING: Code = Code("W090");
    /// A configuration key clerk does not know (likely a typo).
    pub const CONFIG_UNKNOWN_KEY: Code = Code("W100");
    /// A record that must be stored encrypted is plain text.
    pub const MUST_BE_ENCRYPTED: Code = Code("E070");
    /// A confidential record is stored in plain text.
    pub const CONFIDENTIAL_PLAINTEXT: Code = Code("W071");
    /// An encrypted record can be opened by a key the configuration no longer allows.
    pub const READER_NOT_ALLOWED: Code = Code("W072");
    /// An encrypted record cannot be opened by a reader the configuration allows.
    pub const READER_MISSING: Code = Code("W073");
    /// An encrypted record clerk could not open (no key); counted, not reported one by one.
    pub const ENCRYPTED_UNREADABLE: Code = Code("W074");
    /// An attachment's file is not the one its entry's SHA-256 names.
    pub const ATTACHMENT_CHANGED: Code = Code("E023");
    /// An approved record's attachment has no SHA-256: the approvals do not cover its content.
    pub const ATTACHMENT_UNBOUND: Code = Code("W024");
    /// An encrypted record's plain envelope does not say what the record says.
    pub const ENVELOPE_MISMATCH: Code = Code("E075");
    /// An encrypted record has no plain envelope: without a key its numbers are unseen.
    pub const ENVELOPE_MISSING: Code = Code("W076");
    /// A record claims a classification below its type's lowest, without declassification.
    pub const BELOW_LOWEST_CLASSIFICATION: Code = Code("E078");
    /// An encrypted file's header was edited without its key.
    pub const HEADER_EDITED: Code = Code("E077");
    /// Feeds are built without `site.base_url`: their links are relative, which readers fail.
    pub const FEED_BASE_URL_MISSING: Code = Code("W125");
    /// The calendar reads events' times, but `association.timezone` does not say where they are.
    pub const FEED_TIMEZONE_MISSING: Code = Code("W126");
    /// `site.navigation` or `site.policies` in clerk.yaml names a type no type file declares.
    pub const NAVIGATION_UNKNOWN_TYPE: Code = Code("E130");
    /// A register's `subtotals:` names a column it does not have.
    pub const SUBTOTALS_UNKNOWN_COLUMN: Code = Code("E131");
}

/// A finding about one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    /// 1-based line; 0 when the finding is about the file as a whole.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The commit the finding is in, when checking history (`--since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// Width of the marked text in characters (at least 1).
    #[serde(skip)]
    pub width: usize,
    /// For a finding about one approval of a record: its place in `approvals:`. The site shows
    /// each approval's state from these, so signatures are verified once, by the check.
    #[serde(skip)]
    pub approval: Option<usize>,
}

impl Diagnostic {
    /// A finding at `path:line:column`; the severity follows from the code.
    pub fn new(code: Code, path: impl Into<String>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            path: path.into(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
            hint: None,
            commit: None,
            width: pos.width.max(1),
            approval: None,
        }
    }

    /// Adds how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A place in a file: 1-based line and column (characters), and the width to mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

impl Pos {
    /// The file as a whole (no line).
    pub const FILE: Pos = Pos {
        line: 0,
        column: 0,
        width: 1,
    };

    pub fn new(line: usize, column: usize, width: usize) -> Self {
        Pos {
            line,
            column,
            width,
        }
    }

    /// The start of a line.
    pub fn line(line: usize) -> Self {
        Pos::new(line, 1, 1)
    }
}

/// Sorts findings by file, then position, then code, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.code, &b.message))
    });
}

/// The closing line of a `check`: how many records, errors and warnings, and how long it took.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub records: usize,
    pub errors: usize,
    pub warnings: usize,
    pub seconds: f64,
    /// Encrypted records that could not be opened (no key), so were not checked.
    #[serde(skip_serializing_if = "is_zero")]
    pub encrypted_unread: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn new(records: usize, diags: &[Diagnostic], seconds: f64) -> Self {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Summary {
            records,
            errors,
            warnings: diags.len() - errors,
            seconds,
            encrypted_unread: 0,
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::{count, t};
        let seconds = format!("{:.2}", self.seconds);
        f.write_str(&t(
            "summary",
            &[
                ("records", &count("count-records", self.records)),
                ("errors", &count("count-errors", self.errors)),
                ("warnings", &count("count-warnings", self.warnings)),
                ("seconds", &seconds),
            ],
        ))
    }
}

/// Times the phases of a command when `CLERK_TIMING` is set (for benchmarks and profiling),
/// printing each to standard error; otherwise does nothing.
pub struct Stopwatch {
    last: Option<std::time::Instant>,
}

impl Stopwatch {
    pub fn new() -> Stopwatch {
        let on = std::env::var_os("CLERK_TIMING").is_some_and(|v| !v.is_empty());
        Stopwatch {
            last: on.then(std::time::Instant::now),
        }
    }

    /// Prints the time since the last lap under `phase`.
    pub fn lap(&mut self, phase: &str) {
        if let Some(last) = self.last {
            let now = std::time::Instant::now();
            // Peak resident memory so far, where the system tells it (Linux).
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find_map(|l| l.strip_prefix("VmHWM:"))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                })
                .map_or_else(String::new, |kb| {
                    format!(" (peak memory {} MiB)", kb / 1024)
                });
            eprintln!(
                "timing: {phase}: {:.1} ms{peak}",
                (now - last).as_secs_f64() * 1000.0
            );
            self.last = Some(now);
        }
    }
}

impl Default for Stopwatch {
    fn default() -> Self {
        Stopwatch::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_letter_gives_severity() {
        assert_eq!(codes::UNKNOWN_FIELD.severity(), Severity::Error);
        assert_eq!(codes::UNKNOWN_FIELD_WARNING.severity(), Severity::Warning);
    }
}
