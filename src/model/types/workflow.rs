//! A type's workflow: its states, the moves between them, and the load-time check that every
//! state it names is declared.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::file::Requirements;
use crate::diag::{codes, Diagnostic};

/// A type's workflow: its states and the moves between them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    /// Every state, in the usual order of a record's life.
    pub states: Vec<String>,
    /// The state a new record starts in (default: the first).
    #[serde(default)]
    pub initial: Option<String>,
    /// Allowed moves: state → the states it may move to.
    #[serde(default)]
    pub transitions: BTreeMap<String, Vec<String>>,
    /// States after which the record never changes again.
    #[serde(default, rename = "final")]
    pub final_states: Vec<String>,
    /// States in which a record may not be deleted (besides final ones), e.g. issued.
    #[serde(default)]
    pub keep: Vec<String>,
    /// States in which a record waits for no one (an asset in use): the next step starts only
    /// when someone asks for it, so `clerk inbox` lists none for them.
    #[serde(default)]
    pub idle: Vec<String>,
    /// What must hold in a state (and in every state that can only come after it).
    #[serde(default)]
    pub(super) requires: BTreeMap<String, Requirements>,
    /// Each state's name for people (`issued: 已發文`), one text or one per locale.
    #[serde(default)]
    pub labels: BTreeMap<String, crate::model::registers::Label>,
}

impl Workflow {
    /// The states a record in `from` may be sent back to (退回): those before it in the order of
    /// states that it may move to and from which the workflow leads to `from` again (a document
    /// `reviewed` may go back to `draft`; a `draft` going to `reviewed` is no return). None when
    /// the workflow has no way back.
    pub fn returns_to(&self, from: &str) -> Vec<String> {
        let order = |s: &str| self.states.iter().position(|x| x == s);
        let leads_back = |start: &str| {
            let mut seen = std::collections::BTreeSet::new();
            let mut todo = vec![start];
            while let Some(s) = todo.pop() {
                if s == from {
                    return true;
                }
                if seen.insert(s) {
                    todo.extend(
                        self.transitions
                            .get(s)
                            .into_iter()
                            .flatten()
                            .map(String::as_str),
                    );
                }
            }
            false
        };
        self.transitions
            .get(from)
            .into_iter()
            .flatten()
            .filter(|to| order(to) < order(from) && leads_back(to))
            .cloned()
            .collect()
    }

    /// The state a new record starts in.
    pub fn initial(&self) -> Option<&str> {
        self.initial
            .as_deref()
            .or(self.states.first().map(String::as_str))
    }

    /// States reachable from `from` by one or more transitions.
    pub fn reachable(&self, from: &str) -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(s) = todo.pop() {
            for next in self.transitions.get(s).into_iter().flatten() {
                if seen.insert(next.as_str()) {
                    todo.push(next);
                }
            }
        }
        seen
    }
}

/// States named in `initial`, `transitions` and `final` must be declared states.
pub(super) fn check_workflow(
    wf: &Workflow,
    path: &str,
    at: &dyn Fn(&str, bool) -> crate::diag::Pos,
    diags: &mut Vec<Diagnostic>,
) {
    let states: BTreeSet<&str> = wf.states.iter().map(String::as_str).collect();
    let mut unknown = |state: &str, pointer: String| {
        if !states.contains(state) {
            diags.push(
                Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(&pointer, false),
                    crate::i18n::t("type-no-state", &[("state", &state)]),
                )
                .hint(crate::i18n::t(
                    "type-states-hint",
                    &[("states", &wf.states.join(", "))],
                )),
            );
        }
    };
    if let Some(initial) = &wf.initial {
        unknown(initial, "/workflow/initial".into());
    }
    for (from, tos) in &wf.transitions {
        unknown(
            from,
            format!(
                "/workflow/transitions/{}",
                crate::parse::yaml::escape_pointer(from)
            ),
        );
        for (i, to) in tos.iter().enumerate() {
            unknown(
                to,
                format!(
                    "/workflow/transitions/{}/{i}",
                    crate::parse::yaml::escape_pointer(from)
                ),
            );
        }
    }
    for (i, f) in wf.final_states.iter().enumerate() {
        unknown(f, format!("/workflow/final/{i}"));
    }
    for (i, f) in wf.keep.iter().enumerate() {
        unknown(f, format!("/workflow/keep/{i}"));
    }
    for state in wf.labels.keys() {
        unknown(
            state,
            format!(
                "/workflow/labels/{}",
                crate::parse::yaml::escape_pointer(state)
            ),
        );
    }
    for (i, f) in wf.idle.iter().enumerate() {
        unknown(f, format!("/workflow/idle/{i}"));
    }
    if wf.states.is_empty() {
        diags.push(Diagnostic::new(
            codes::TYPE_INVALID,
            path,
            at("/workflow/states", false),
            crate::i18n::t("type-no-states", &[]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workflow(yaml: &str) -> Workflow {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_return_goes_only_back_to_an_earlier_state_that_leads_here_again() {
        let doc = workflow(
            "states: [draft, reviewed, approved]\ntransitions: {draft: [reviewed], reviewed: [approved, draft]}",
        );
        assert_eq!(doc.returns_to("reviewed"), ["draft"]);
        // Submitting a draft again goes forward, though the workflow leads back to it.
        assert!(doc.returns_to("draft").is_empty());
        assert!(doc.returns_to("approved").is_empty());
        let member = workflow(
            "states: [applied, admitted, suspended]\ntransitions: {applied: [admitted], admitted: [suspended], suspended: [admitted]}",
        );
        assert_eq!(member.returns_to("suspended"), ["admitted"]);
        assert!(member.returns_to("admitted").is_empty());
    }
}
