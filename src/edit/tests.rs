use super::*;

fn entry() -> ApprovalEntry {
    ApprovalEntry {
        step: "approve".into(),
        by: "lin".into(),
        role: "secretary-general".into(),
        date: "2026-01-02".into(),
        digest: Some("sha256:ab".into()),
        signature: Some(
            "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n".into(),
        ),
        note: None,
    }
}

#[test]
fn appends_to_a_block_list_keeping_everything_else() {
    let text = "---\n# a comment\ntype: 'note'   # trailing\ntitle: \"x\"\napprovals:\n    - step: review\n      by: wang\n      role: head\n      date: 2026-01-01\n\n# after\nstatus: approved\n---\nBody\n";
    let out = put_approval(text, &entry(), None).unwrap();
    let expected = "---\n# a comment\ntype: 'note'   # trailing\ntitle: \"x\"\napprovals:\n    - step: review\n      by: wang\n      role: head\n      date: 2026-01-01\n    - step: approve\n      by: lin\n      role: secretary-general\n      date: 2026-01-02\n      digest: sha256:ab\n      signature: |\n        -----BEGIN SSH SIGNATURE-----\n        AAAA\n        -----END SSH SIGNATURE-----\n\n# after\nstatus: approved\n---\nBody\n";
    assert_eq!(out, expected);
}

#[test]
fn inserts_a_list_before_status_and_keeps_crlf() {
    let text = "---\r\ntype: note\r\ntitle: x\r\nstatus: draft\r\n---\r\nBody\r\n";
    let out = put_approval(text, &entry(), None).unwrap();
    assert!(
        out.starts_with("---\r\ntype: note\r\ntitle: x\r\napprovals:\r\n  - step: approve\r\n"),
        "{out}"
    );
    assert!(out.ends_with("status: draft\r\n---\r\nBody\r\n"), "{out}");
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "a bare LF crept in: {out:?}"
    );
}

#[test]
fn replaces_one_flow_item_and_empty_flow_list() {
    let text = "---\ntype: note\ntitle: x\napprovals:\n  - {step: approve, by: lin, role: secretary-general, date: 2026-01-02}\n  - {step: other, by: a, role: b, date: 2026-01-03}\n---\n";
    let out = put_approval(text, &entry(), Some(0)).unwrap();
    assert!(out.contains("  - step: approve\n    by: lin\n"), "{out}");
    assert!(
        out.contains("  - {step: other, by: a, role: b, date: 2026-01-03}\n"),
        "{out}"
    );
    let text = "---\ntype: note\ntitle: x\napprovals: []\nstatus: draft\n---\n";
    let out = put_approval(text, &entry(), None).unwrap();
    assert!(out.contains("approvals:\n  - step: approve\n"), "{out}");
    assert!(out.contains("\nstatus: draft\n---\n"), "{out}");
}

#[test]
fn fills_an_empty_approvals_key() {
    let text = "---\ntype: note\napprovals:\nstatus: draft\n---\n";
    let out = put_approval(text, &entry(), None).unwrap();
    assert!(
        out.starts_with("---\ntype: note\napprovals:\n  - step: approve\n"),
        "{out}"
    );
    assert!(out.ends_with("status: draft\n---\n"), "{out}");
}

#[test]
fn refuses_a_non_empty_flow_list() {
    let text = "---\ntype: note\napprovals: [{step: a, by: b, role: c, date: 2026-01-01}]\n---\n";
    assert!(matches!(
        put_approval(text, &entry(), None),
        Err(EditError::FlowStyle(_))
    ));
}

#[test]
fn sets_fields_keeping_comments_quotes_and_other_bytes() {
    let text = "---\r\n# 發文\r\ntype:   document   # the type\r\nstatus: 'approved'  # was reviewed\r\nnumber:    # assigned on issue\r\ntags: [a,  b]\r\n---\r\nBody\r\n";
    let out = set_fields(
        text,
        &[
            ("status", "issued".into()),
            ("number", "協秘〔2026〕3號".into()),
            ("issued_on", "2026-11-27".into()),
        ],
    )
    .unwrap();
    assert_eq!(
        out,
        "---\r\n# 發文\r\ntype:   document   # the type\r\nstatus: issued  # was reviewed\r\nnumber: 協秘〔2026〕3號    # assigned on issue\r\ntags: [a,  b]\r\nissued_on: 2026-11-27\r\n---\r\nBody\r\n"
    );
}

#[test]
fn quotes_values_that_would_not_read_back_as_the_same_string() {
    let text = "---\ntype: note\n---\n";
    let out = set_fields(
        text,
        &[
            ("a", "yes".into()),
            ("b", "x: y".into()),
            ("c", "12".into()),
        ],
    )
    .unwrap();
    assert_eq!(
        out,
        "---\ntype: note\na: \"yes\"\nb: \"x: y\"\nc: \"12\"\n---\n"
    );
}

#[test]
fn refuses_to_overwrite_a_block_value() {
    let text = "---\ntype: note\nnumber:\n  - a\n---\n";
    assert!(set_fields(text, &[("number", "x".into())]).is_err());
    let text = "---\ntype: note\nnumber: |\n  long\n---\n";
    assert!(set_fields(text, &[("number", "x".into())]).is_err());
}
