//! Property tests for the content digest (what an approval signs): writing the same content
//! another way never changes it; changing the content always does.

use clerk::model::digest::content_digest;
use clerk::model::record::Record;
use clerk::read::SourceFile;
use proptest::prelude::*;

/// A front-matter value: text (Chinese, English, digits, YAML-special characters), a number, a
/// flag, or a short list of text.
#[derive(Debug, Clone)]
enum Field {
    Text(String),
    Int(i64),
    Flag(bool),
    List(Vec<String>),
}

fn text() -> impl Strategy<Value = String> {
    "[a-z0-9 協秘〔〕號會議：#&*!|>'\"%@-]{1,16}"
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        text().prop_map(Field::Text),
        (-1_000_000i64..1_000_000).prop_map(Field::Int),
        any::<bool>().prop_map(Field::Flag),
        prop::collection::vec(text(), 0..4).prop_map(Field::List),
    ]
}

fn fields() -> impl Strategy<Value = Vec<(String, Field)>> {
    prop::collection::btree_map("[a-z][a-z_]{0,8}", field(), 1..8).prop_map(|m| {
        m.into_iter()
            .filter(|(k, _)| k != "approvals" && k != "id")
            .collect()
    })
}

fn body() -> impl Strategy<Value = String> {
    "[a-z 會議紀要\n#*_-]{0,80}"
}

/// A string as a double-quoted YAML scalar.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A string as a single-quoted YAML scalar.
fn single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The record written one way: block style, double quotes, LF, in the given order.
fn block(fields: &[(String, Field)], body: &str) -> String {
    let mut out = String::from("---\n");
    for (k, v) in fields {
        match v {
            Field::Text(s) => out.push_str(&format!("{k}: {}\n", quoted(s))),
            Field::Int(n) => out.push_str(&format!("{k}: {n}\n")),
            Field::Flag(b) => out.push_str(&format!("{k}: {b}\n")),
            Field::List(items) if items.is_empty() => out.push_str(&format!("{k}: []\n")),
            Field::List(items) => {
                out.push_str(&format!("{k}:\n"));
                for i in items {
                    out.push_str(&format!("  - {}\n", quoted(i)));
                }
            }
        }
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

/// The same record written another way: reversed order, flow lists, single quotes, comments,
/// odd spacing, CRLF line endings and an extra final newline.
fn other(fields: &[(String, Field)], body: &str) -> String {
    let mut out = String::from("---\r\n# written by hand\r\n");
    for (k, v) in fields.iter().rev() {
        match v {
            Field::Text(s) => out.push_str(&format!("{k}:   {}   # note\r\n", single(s))),
            Field::Int(n) => out.push_str(&format!("{k}: {n}\r\n")),
            Field::Flag(b) => out.push_str(&format!("{k}:  {b}\r\n")),
            Field::List(items) => {
                let items: Vec<String> = items.iter().map(|i| single(i)).collect();
                out.push_str(&format!("{k}: [{}]\r\n", items.join(",  ")));
            }
        }
    }
    out.push_str("---\r\n");
    out.push_str(&body.replace('\n', "\r\n"));
    out.push_str("\r\n");
    out
}

fn digest(text: &str) -> String {
    let file = SourceFile {
        path: "r.md".into(),
        text: text.into(),
        ..Default::default()
    };
    let record = Record::parse(0, &file).unwrap_or_else(|d| panic!("{}: {text}", d.message));
    content_digest(None, &record, text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reformatting_or_reordering_never_changes_the_digest(fields in fields(), body in body()) {
        prop_assert_eq!(digest(&block(&fields, &body)), digest(&other(&fields, &body)));
    }

    #[test]
    fn any_change_of_a_value_changes_the_digest(
        fields in fields(),
        body in body(),
        which in any::<prop::sample::Index>(),
        new in field(),
    ) {
        let i = which.index(fields.len());
        let mut changed = fields.clone();
        changed[i].1 = new;
        let before = serde_json::to_string(&format!("{:?}", fields[i].1)).unwrap();
        let after = serde_json::to_string(&format!("{:?}", changed[i].1)).unwrap();
        prop_assume!(before != after);
        prop_assert_ne!(digest(&block(&fields, &body)), digest(&block(&changed, &body)));
    }

    #[test]
    fn adding_a_field_or_editing_the_body_changes_the_digest(
        fields in fields(),
        body in body(),
        extra in text(),
        edit in "[a-z會]{1,4}",
    ) {
        let original = digest(&block(&fields, &body));
        let mut more = fields.clone();
        prop_assume!(!fields.iter().any(|(k, _)| k == "zz_added"));
        more.push(("zz_added".into(), Field::Text(extra)));
        prop_assert_ne!(&original, &digest(&block(&more, &body)));
        let edited = format!("{edit}{body}");
        prop_assert_ne!(&original, &digest(&block(&fields, &edited)));
    }
}
