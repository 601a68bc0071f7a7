//! Labels as data (W090): every field, allowed value and workflow state a person reads has a
//! label in the type files, and a type file that leaves one out is told so, once.

use crate::common::Repo;

/// The W090 findings only (the shared `findings()` leaves them out for the other fixtures).
fn label_findings(repo: &Repo) -> Vec<(String, usize, String)> {
    repo.check()
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "W090")
        .map(|f| (f.path, f.line, f.message))
        .collect()
}

#[test]
fn every_default_type_has_every_label() {
    assert_eq!(label_findings(&Repo::example()), Vec::new());
}

#[test]
fn a_type_without_labels_is_one_finding_listing_what_lacks_one() {
    let repo = Repo::fixture("_base");
    repo.write(
        "types/loan.yaml",
        "classification: internal\n\
         fields:\n  properties:\n\
         \x20   item: {title: 物品, type: string}\n\
         \x20   kind: {title: 類別, oneOf: [{const: book, title: 書}, {const: cd}]}\n\
         \x20   parts:\n      title: 零件\n      type: array\n      items:\n        type: object\n\
         \x20       properties:\n          name: {type: string}\n          state: {enum: [ok, broken]}\n\
         workflow:\n  states: [lent, back]\n  labels: {lent: 借出}\n",
    );
    let found = label_findings(&repo);
    assert_eq!(
        found,
        vec![(
            "types/loan.yaml".to_string(),
            // The first that lacks one: `cd`, a value of `kind`.
            5,
            "6 fields, values or workflow states without a label: kind=cd, parts[].name, \
             parts[].state, parts[].state=ok, parts[].state=broken, status=back"
                .to_string()
        )]
    );
}

#[test]
fn a_label_for_a_state_the_workflow_lacks_is_refused() {
    let repo = Repo::fixture("_base");
    repo.edit(
        "types/note.yaml",
        "labels: {draft: 草稿, final: 定稿}",
        "labels: {draft: 草稿, fnal: 定稿}",
    );
    let out = repo.check();
    let found: Vec<_> = out
        .diagnostics()
        .into_iter()
        .map(|f| (f.code, f.path, f.line, f.message))
        .collect();
    assert!(
        found.contains(&(
            "E101".to_string(),
            "types/note.yaml".to_string(),
            31,
            "`fnal` is not one of the workflow's states".to_string()
        )),
        "{found:?}"
    );
}
