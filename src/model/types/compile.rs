//! Compiling a type file's rule sections: expressions checked against the type's fields, every
//! name it refers to checked to exist.

use std::collections::{BTreeMap, BTreeSet};

use super::file::{RequirementFile, TypeFile};
use super::rules::*;
use crate::diag::{codes, Diagnostic, Pos};
use crate::model::expr::{self, Expr};
use crate::parse::yaml::escape_pointer as esc;

/// The compiled rule sections of a type file.
pub(super) struct Rules {
    pub(super) steps: BTreeMap<String, ApprovalStep>,
    pub(super) requirements: Vec<Requirement>,
    pub(super) requires: BTreeMap<String, Vec<usize>>,
    pub(super) assertions: Vec<Assertion>,
    pub(super) budget_counts: Option<Expr>,
    pub(super) budget_line_counts: Option<Expr>,
    pub(super) coverage: Vec<Coverage>,
    pub(super) filers: Option<super::filers::Filers>,
}

/// What compiling one type file needs, and the findings it collects.
struct Compiler<'a> {
    file: &'a TypeFile,
    path: &'a str,
    at: &'a dyn Fn(&str, bool) -> Pos,
    env: &'a cel::Env,
    properties: &'a BTreeSet<String>,
    diags: Vec<Diagnostic>,
}

impl Rules {
    pub(super) fn compile(
        file: &TypeFile,
        path: &str,
        at: &dyn Fn(&str, bool) -> Pos,
        env: &cel::Env,
        properties: &BTreeSet<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Rules {
        let mut c = Compiler {
            file,
            path,
            at,
            env,
            properties,
            diags: Vec::new(),
        };
        let steps = c.steps();
        let requirements = c.requirements();
        let requires = requires_by_state(file, &requirements);
        let assertions = c.assertions();
        c.unique();
        c.layout();
        c.circulation();
        c.returns();
        c.versions();
        let budget_counts = file
            .budget
            .as_ref()
            .and_then(|b| c.expr(b.counts.as_deref(), "/budget/counts".into()));
        let budget_line_counts = file
            .budget_line
            .as_ref()
            .and_then(|b| c.expr(b.counts.as_deref(), "/budget_line/counts".into()));
        let coverage = c.coverage();
        let filers = c.filers();
        diags.extend(c.diags);
        Rules {
            steps,
            requirements,
            requires,
            assertions,
            budget_counts,
            budget_line_counts,
            coverage,
            filers,
        }
    }
}

impl Compiler<'_> {
    /// An expression of the type file at `pointer`; a finding when it does not compile.
    fn expr(&mut self, source: Option<&str>, pointer: String) -> Option<Expr> {
        let pos = (self.at)(&pointer, false);
        match expr::compile(self.env, source?, self.path, pos, Some(self.properties)) {
            Ok(e) => Some(e),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    /// A finding at `pointer` (on the key itself when `on_key`).
    fn error(&mut self, pointer: &str, on_key: bool, message: String, hint: Option<&str>) {
        let pos = (self.at)(pointer, on_key);
        let d = Diagnostic::new(codes::TYPE_INVALID, self.path, pos, message);
        self.diags.push(match hint {
            Some(hint) => d.hint(hint),
            None => d,
        });
    }

    /// A text the association writes for staff (`message:`, `hint:`); a finding for each
    /// language in it clerk does not speak, at that language's key.
    fn written(&mut self, text: &crate::i18n::Written, pointer: &str) -> crate::i18n::Written {
        for lang in text.unknown_languages() {
            let message = crate::i18n::t("written-unknown-language", &[("lang", &lang)]);
            let hint = crate::i18n::t("written-unknown-language-hint", &[]);
            self.error(
                &format!("{pointer}/{}", esc(lang)),
                true,
                message,
                Some(&hint),
            );
        }
        text.clone()
    }

    /// `name` must be a declared field.
    fn field(&mut self, name: &str, pointer: &str, hint: Option<&str>) {
        if !self.properties.contains(name) {
            let message = crate::i18n::t("type-no-field", &[("name", &name)]);
            self.error(pointer, false, message, hint);
        }
    }

    fn steps(&mut self) -> BTreeMap<String, ApprovalStep> {
        let file = self.file;
        let mut steps = BTreeMap::new();
        for (name, step) in &file.approvals {
            let base = format!("/approvals/{}", esc(name));
            let rules = step
                .by
                .iter()
                .enumerate()
                .map(|(i, r)| ApprovalRule {
                    role: r.role.clone(),
                    scope: self.expr(r.scope.as_deref(), format!("{base}/by/{i}/scope")),
                    when: self.expr(r.when.as_deref(), format!("{base}/by/{i}/when")),
                    person: self.expr(r.person.as_deref(), format!("{base}/by/{i}/person")),
                })
                .collect();
            let not_by = step
                .not_by
                .iter()
                .enumerate()
                .filter_map(|(i, e)| self.expr(Some(e), format!("{base}/not_by/{i}")))
                .collect();
            steps.insert(
                name.clone(),
                ApprovalStep {
                    name: name.clone(),
                    label: step.label.clone(),
                    rules,
                    not_by,
                },
            );
        }
        steps
    }

    /// Every state's own requirements, in the order of the states' names.
    fn requirements(&mut self) -> Vec<Requirement> {
        let file = self.file;
        let empty = BTreeMap::new();
        let written = file.workflow.as_ref().map_or(&empty, |w| &w.requires);
        let mut out = Vec::new();
        for (state, entries) in written {
            let many = entries.0.len() > 1;
            for (i, req) in entries.0.iter().enumerate() {
                let mut base = format!("/workflow/requires/{}", esc(state));
                if many {
                    base.push_str(&format!("/{i}"));
                }
                out.push(self.requirement(state, req, base));
            }
        }
        out
    }

    fn requirement(&mut self, state: &str, req: &RequirementFile, base: String) -> Requirement {
        let file = self.file;
        let known = file
            .workflow
            .as_ref()
            .is_some_and(|w| w.states.iter().any(|s| s == state));
        if !known {
            let message = crate::i18n::t("type-no-state", &[("state", &state)]);
            let key = format!("/workflow/requires/{}", esc(state));
            self.error(&key, true, message, None);
        }
        for (i, f) in req.fields.iter().enumerate() {
            let hint = crate::i18n::t("type-declare-field-hint", &[]);
            self.field(f, &format!("{base}/fields/{i}"), Some(&hint));
        }
        for (i, a) in req.approvals.iter().enumerate() {
            if !file.approvals.contains_key(a) {
                let message = crate::i18n::t("type-no-step", &[("step", &a)]);
                let hint = crate::i18n::t("type-no-step-hint", &[]);
                self.error(
                    &format!("{base}/approvals/{i}"),
                    false,
                    message,
                    Some(&hint),
                );
            }
        }
        let council = req.council.as_ref().map(|c| {
            self.field(&c.field, &format!("{base}/council/field"), None);
            if let Some(step) = &c.before {
                if !file.approvals.contains_key(step) && !self.properties.contains(step) {
                    let message = crate::i18n::t("type-before-unknown", &[("step", &step)]);
                    let hint = crate::i18n::t("type-before-unknown-hint", &[]);
                    self.error(
                        &format!("{base}/council/before"),
                        false,
                        message,
                        Some(&hint),
                    );
                }
            }
            CouncilRule {
                field: c.field.clone(),
                when: self.expr(c.when.as_deref(), format!("{base}/council/when")),
                before: c.before.clone(),
                quorum: c.quorum,
                majority: c.majority,
            }
        });
        Requirement {
            from_state: state.to_string(),
            when: self.expr(req.when.as_deref(), format!("{base}/when")),
            fields: req.fields.clone(),
            approvals: req.approvals.clone(),
            council,
        }
    }

    fn assertions(&mut self) -> Vec<Assertion> {
        let file = self.file;
        file.rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let base = format!("/rules/{i}");
                if let Some(f) = &r.field {
                    self.field(f, &format!("{base}/field"), None);
                }
                Some(Assertion {
                    assert: self.expr(Some(&r.assert), format!("{base}/assert"))?,
                    when: self.expr(r.when.as_deref(), format!("{base}/when")),
                    field: r.field.clone(),
                    message: self.written(&r.message, &format!("{base}/message")),
                    hint: r
                        .hint
                        .as_ref()
                        .map(|h| self.written(h, &format!("{base}/hint"))),
                    severity: r.severity,
                    pos: (self.at)(&base, false),
                })
            })
            .collect()
    }

    fn unique(&mut self) {
        for (i, u) in self.file.unique.iter().enumerate() {
            self.field(&u.field, &format!("/unique/{i}/field"), None);
        }
    }

    /// Every field the layout names must be declared, and the 簽發人's step must exist.
    fn layout(&mut self) {
        let Some(layout) = &self.file.layout else {
            return;
        };
        let hint = crate::i18n::t("type-layout-field-hint", &[]);
        for (pointer, field) in layout.fields() {
            self.field(field, pointer, Some(&hint));
        }
        if let Some(signer) = &layout.signer {
            if !self.file.approvals.contains_key(&signer.step) {
                let message = crate::i18n::t("type-no-step", &[("step", &signer.step)]);
                self.error("/layout/signer/step", false, message, None);
            }
        }
    }

    /// The circulation list must be declared, and so must its entries' reader and date when
    /// the list's schema names its entries' fields.
    fn circulation(&mut self) {
        let file = self.file;
        if let Some(c) = &file.circulation {
            self.entry_list(
                "circulation",
                &c.field,
                &[("person", &c.person), ("date", &c.date)],
            );
        }
    }

    /// The list of returns likewise, with its entries' person, date and comment.
    fn returns(&mut self) {
        let file = self.file;
        if let Some(r) = &file.returns {
            let keys = [
                ("person", &r.person),
                ("date", &r.date),
                ("comment", &r.comment),
            ];
            self.entry_list("returns", &r.field, &keys);
        }
    }

    /// A list setting (`setting:` in the type file) naming list `field`, whose entries hold
    /// `keys` (setting key → entry field): each must be declared.
    fn entry_list(&mut self, setting: &str, field: &str, keys: &[(&str, &String)]) {
        self.field(field, &format!("/{setting}/field"), None);
        let entry = self
            .file
            .fields
            .as_ref()
            .and_then(|f| {
                f.get("properties")?
                    .get(field)?
                    .get("items")?
                    .get("properties")
            })
            .and_then(|p| p.as_object());
        let Some(entry) = entry else {
            return;
        };
        for (key, name) in keys {
            if !entry.contains_key(name.as_str()) {
                let message = crate::i18n::t("type-no-field", &[("name", name)]);
                self.error(&format!("/{setting}/{key}"), false, message, None);
            }
        }
    }

    /// Each field chaining versions must be declared.
    fn versions(&mut self) {
        let Some(v) = &self.file.versions else {
            return;
        };
        for (key, name) in [
            ("supersedes", &v.supersedes),
            ("superseded_by", &v.superseded_by),
            ("version", &v.version),
        ] {
            self.field(name, &format!("/versions/{key}"), None);
        }
    }

    fn coverage(&mut self) -> Vec<Coverage> {
        let file = self.file;
        let mut out = Vec::new();
        for (i, c) in file.coverage.iter().enumerate() {
            let pointer = format!("/coverage/{i}");
            // Each record of `of` is named in `field`; without `of`, one record per period.
            let field = match (&c.of, &c.field, &c.period) {
                (Some(_), Some(field), _) => field.clone(),
                (None, _, Some(period)) => period.field.clone(),
                (Some(of), None, _) => {
                    let message = format!(
                        "coverage of `{of}` needs `field:`, the field naming each record of `{of}`"
                    );
                    self.error(&pointer, true, message, None);
                    continue;
                }
                (None, _, None) => {
                    let message =
                        "coverage without `of:` needs `period:` (one record per period)".into();
                    self.error(
                        &pointer,
                        true,
                        message,
                        Some("e.g. `period: {field: month, every: month}`"),
                    );
                    continue;
                }
            };
            out.push(Coverage {
                of: c.of.clone(),
                where_: self.expr(c.where_.as_deref(), format!("{pointer}/where")),
                field,
                period: c.period.clone(),
                message: self.written(&c.message, &format!("{pointer}/message")),
                hint: c
                    .hint
                    .as_ref()
                    .map(|h| self.written(h, &format!("{pointer}/hint"))),
                severity: c.severity,
                pos: (self.at)(&pointer, true),
            });
        }
        out
    }

    /// `filers:`: the filer's field and each case's fields are declared, their expressions compile.
    fn filers(&mut self) -> Option<super::filers::Filers> {
        let f = self.file.filers.as_ref()?;
        self.field(&f.field, "/filers/field", None);
        let who = self.expr(f.who.as_deref(), "/filers/who".into());
        let mut cases = Vec::new();
        for (i, case) in f.cases.iter().enumerate() {
            let base = format!("/filers/cases/{i}");
            let mut fields = Vec::new();
            for (name, source) in case {
                let pointer = format!("{base}/{}", esc(name));
                self.field(name, &pointer, None);
                fields.extend(self.expr(Some(source), pointer).map(|e| (name.clone(), e)));
            }
            cases.push(super::filers::Case {
                fields,
                pos: (self.at)(&base, false),
            });
        }
        if f.cases.is_empty() {
            let pos = (self.at)("/filers", true);
            cases.push(super::filers::Case {
                fields: Vec::new(),
                pos,
            });
        }
        Some(super::filers::Filers {
            field: f.field.clone(),
            who,
            cases,
        })
    }
}

/// The requirements in effect in each state: a state's own, and those of every state it can
/// only come after (reachable from it, with no way back).
fn requires_by_state(
    file: &TypeFile,
    requirements: &[Requirement],
) -> BTreeMap<String, Vec<usize>> {
    let mut requires = BTreeMap::new();
    let Some(wf) = &file.workflow else {
        return requires;
    };
    for target in &wf.states {
        let back = wf.reachable(target);
        let list = requirements
            .iter()
            .enumerate()
            .filter(|(_, req)| {
                let state = req.from_state.as_str();
                state == target
                    || (wf.reachable(state).contains(target.as_str()) && !back.contains(state))
            })
            .map(|(i, _)| i)
            .collect();
        requires.insert(target.clone(), list);
    }
    requires
}
