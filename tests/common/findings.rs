//! The one reading of `clerk check --format json`'s findings.

use serde::Deserialize;

use super::bin::Outcome;

/// One finding, as `--format json` reports it. Ordered by code, path and line first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct Finding {
    pub code: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub severity: String,
    pub message: String,
    pub hint: Option<String>,
    /// The commit it is in, when checking history (`--since`).
    pub commit: Option<String>,
}

impl Outcome {
    /// Every finding, in the order printed.
    #[track_caller]
    pub fn diagnostics(&self) -> Vec<Finding> {
        let list = self
            .json
            .get("diagnostics")
            .filter(|d| d.is_array())
            .unwrap_or_else(|| panic!("no diagnostics in {}", self.stdout));
        serde_json::from_value(list.clone())
            .unwrap_or_else(|e| panic!("findings not as expected ({e}): {}", self.stdout))
    }

    /// Every finding, sorted — except the example's standing W071 (its confidential records in
    /// plain text, one finding at clerk.yaml), which `tests/encryption.rs` checks on its own, and
    /// W090 (a type file leaving fields without labels: the fixtures' small types do), which
    /// `tests/labels.rs` checks on its own.
    #[track_caller]
    pub fn findings(&self) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .diagnostics()
            .into_iter()
            .filter(|f| !(f.code == "W071" && f.path == "clerk.yaml") && f.code != "W090")
            .collect();
        out.sort();
        out
    }

    /// The message and hint of the first finding with this code at this path.
    #[track_caller]
    pub fn message(&self, code: &str, path: &str) -> String {
        self.diagnostics()
            .into_iter()
            .find(|f| f.code == code && f.path == path)
            .map(|f| format!("{} / hint: {}", f.message, f.hint.unwrap_or_default()))
            .unwrap_or_else(|| panic!("no {code} at {path} in {}", self.stdout))
    }
}

/// Asserts the exact set of findings: each (code, path, line), nothing more.
#[track_caller]
pub fn assert_findings(outcome: &Outcome, expected: &[(&str, &str, usize)]) {
    let mut want: Vec<(&str, &str, usize)> = expected.to_vec();
    want.sort();
    let found = outcome.findings();
    let got: Vec<(&str, &str, usize)> = found
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str(), f.line))
        .collect();
    assert_eq!(
        got, want,
        "\nstdout:\n{}\nstderr:\n{}",
        outcome.stdout, outcome.stderr
    );
}
