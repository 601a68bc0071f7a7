use super::*;
use crate::diag::{codes, Pos};
use serde_json::json;
use std::collections::BTreeSet;

fn eval(src: &str, record: serde_json::Value) -> Result<Value, String> {
    let env = Arc::new(Evaluator::env());
    let expr = compile(&env, src, "t.yaml", Pos::line(1), None).unwrap();
    let ev = Evaluator::new(
        env,
        &json!({"ann": {"department": "admin"}}),
        &json!({"thresholds": {"major": 100}, "calendar": {"holidays": ["2026-01-01"]}}),
        "2026-06-01",
    );
    let scope = ev.scope(&record, None);
    scope.eval(&expr).map_err(|e| e.to_string())
}

#[test]
fn a_record_is_the_value_cel_would_make_of_it() {
    let record = json!({
        "title": "會議", "amount": 150, "refund": -20, "rate": 0.5, "big": u64::MAX,
        "done": true, "none": null, "tags": ["a", 1, [2.5, null]],
        "nested": {"k": {"deeper": [{"x": -1}]}}, "empty": {}, "list": []
    });
    assert_eq!(
        eval("record", record.clone()),
        Ok(cel::to_value(&record).unwrap())
    );
    assert_eq!(
        eval("record.amount + 1u", record.clone()),
        Ok(Value::UInt(151))
    );
    assert_eq!(eval("record.refund < 0", record), Ok(Value::Bool(true)));
}

#[test]
fn evaluates_over_record_people_and_config() {
    assert_eq!(
        eval("people[record.person].department", json!({"person": "ann"})),
        Ok(Value::String(Arc::new("admin".into())))
    );
    assert_eq!(
        eval(
            "record.amount >= config.thresholds.major",
            json!({"amount": 150})
        ),
        Ok(Value::Bool(true))
    );
    assert_eq!(
        eval("today > '2026-01-01'", json!({})),
        Ok(Value::Bool(true))
    );
}

#[test]
fn workdays_skip_weekends_and_holidays() {
    // 2026-01-01 (Thu, holiday) to 2026-01-07 (Wed): Fri 2, Mon 5, Tue 6, Wed 7.
    assert_eq!(
        eval("workdays('2026-01-01', '2026-01-07')", json!({})),
        Ok(Value::Int(4))
    );
    assert_eq!(eval("year('2026-03-02')", json!({})), Ok(Value::Int(2026)));
    assert!(eval("workdays('2026-01-01', 'soon')", json!({})).is_err());
    assert_eq!(
        eval("add_months('2026-03-31', record.n)", json!({"n": 6})),
        Ok(Value::String(Arc::new("2026-09-30".into())))
    );
    assert_eq!(
        eval("add_months('2026-03-05', -3)", json!({})),
        Ok(Value::String(Arc::new("2025-12-05".into())))
    );
    assert_eq!(
        eval("sum([1, 2.5, record.n])", json!({"n": 6})),
        Ok(Value::Float(9.5))
    );
}

/// `lookup` evaluated in a records layer over a small set of income records.
fn lookup(src: &str) -> Result<Value, String> {
    let env = Arc::new(Evaluator::env());
    let expr = compile(&env, src, "t.yaml", Pos::line(1), None).unwrap();
    let ev = Evaluator::new(env, &json!({}), &json!({}), "2026-06-01");
    let set = RecordSet::new(vec![
        (
            "income".into(),
            vec![
                json!({"id": "i1", "member": "m1", "amount": 100, "lines": ["a", "b"]}),
                json!({"id": "i2", "member": "m2", "amount": 50.5, "lines": ["b"]}),
                json!({"id": "i3", "member": "m1", "amount": 1, "lines": []}),
                json!({"id": "i4", "member": null, "amount": 7}),
            ],
        ),
        ("member".into(), vec![]),
    ]);
    let layer = ev.records_layer(Arc::new(set), true);
    let scope = layer.scope(&json!({"id": "m1"}));
    scope.eval(&expr).map_err(|e| e.to_string())
}

fn ids(v: Result<Value, String>) -> Vec<String> {
    match v {
        Ok(Value::List(items)) => items
            .iter()
            .map(|i| match i {
                Value::Map(m) => match m.get(&cel::objects::Key::String(Arc::new("id".into()))) {
                    Some(Value::String(s)) => s.to_string(),
                    other => panic!("no id: {other:?}"),
                },
                other => panic!("not a record: {other:?}"),
            })
            .collect(),
        other => panic!("not a list: {other:?}"),
    }
}

#[test]
fn lookup_finds_records_by_field_as_filter_would() {
    assert_eq!(
        ids(lookup("lookup('income', 'member', record.id)")),
        ["i1", "i3"]
    );
    assert_eq!(
        lookup("sum(lookup('income', 'member', 'm1').map(i, i.amount))"),
        Ok(Value::Float(101.0))
    );
    // The same records, in the same order, as the filter it replaces.
    assert_eq!(
        lookup("lookup('income', 'member', 'm1') == records.income.filter(i, i.member == 'm1')"),
        Ok(Value::Bool(true))
    );
    assert_eq!(
        ids(lookup("lookup('income', 'member', 'nobody')")),
        Vec::<String>::new()
    );
    // Numbers by value: 1, 1u and 1.0 are the same; a list field matches any element.
    assert_eq!(ids(lookup("lookup('income', 'amount', 1.0)")), ["i3"]);
    assert_eq!(ids(lookup("lookup('income', 'amount', 100u)")), ["i1"]);
    assert_eq!(ids(lookup("lookup('income', 'amount', 50.5)")), ["i2"]);
    assert_eq!(ids(lookup("lookup('income', 'lines', 'b')")), ["i1", "i2"]);
    // A field that is null or absent is found by null.
    assert_eq!(ids(lookup("lookup('income', 'member', null)")), ["i4"]);
    assert_eq!(
        ids(lookup("lookup('income', 'nothing', null)")),
        ["i1", "i2", "i3", "i4"]
    );
    // A value no field can equal finds nothing.
    assert_eq!(
        ids(lookup("lookup('income', 'member', ['m1'])")),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(lookup("lookup('member', 'id', 'm1')")),
        Vec::<String>::new()
    );
}

#[test]
fn lookup_refuses_an_unknown_type_and_works_only_with_records() {
    let err = lookup("lookup('incme', 'member', 'm1')").unwrap_err();
    assert!(
        err.contains("no record type `incme`") && err.contains("income, member"),
        "{err}"
    );
    // Outside registers and the due list there are no records to look in.
    let err = eval("lookup('income', 'member', 'm1')", json!({})).unwrap_err();
    assert!(err.contains("only in registers and the due list"), "{err}");
}

#[test]
fn compile_errors_name_the_problem() {
    let env = Evaluator::env();
    let err = compile(
        &env,
        "record.days <= ",
        "types/leave.yaml",
        Pos::new(7, 11, 1),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, codes::EXPRESSION_INVALID);
    assert_eq!(err.line, 7);
    let err = compile(
        &env,
        "recrd.days <= 1",
        "types/leave.yaml",
        Pos::line(3),
        None,
    )
    .unwrap_err();
    assert!(err.message.contains("`recrd`"), "{}", err.message);
    let fields: BTreeSet<String> = ["days".to_string()].into();
    let err = compile(
        &env,
        "record.dayz <= 1 && 'record.x' != ''",
        "types/leave.yaml",
        Pos::line(3),
        Some(&fields),
    )
    .unwrap_err();
    assert!(err.message.contains("record.dayz"), "{}", err.message);
    assert!(compile(
        &env,
        "record.days <= 1 && 'record.x' != ''",
        "t",
        Pos::line(1),
        Some(&fields)
    )
    .is_ok());
    assert!(compile(&env, "[1, 2].exists(n, n == 2)", "t", Pos::line(1), None).is_ok());
}

/// Why `src` gave no value for `record`, its fields titled as `titles` says.
fn reason(src: &str, record: serde_json::Value, titles: &[(&str, &str)]) -> String {
    let env = Arc::new(Evaluator::env());
    let expr = compile(&env, src, "t.yaml", Pos::line(1), None).unwrap();
    let ev = Evaluator::new(env, &json!({}), &json!({"limit": 3}), "2026-06-01");
    let failure = ev.scope(&record, None).eval(&expr).unwrap_err();
    let title = |name: &str| {
        titles
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| name.to_string(), |(_, t)| t.to_string())
    };
    failure.reason(&expr, Some(&record), &title)
}

#[test]
fn a_reason_names_an_empty_field_by_its_label_and_tells_cels_errors_in_words() {
    let titles = [("end", "結束日期"), ("days", "天數")];
    assert_eq!(
        reason("record.end >= '2026-01-01'", json!({"end": null}), &titles),
        "the record leaves `end` (結束日期) empty"
    );
    assert_eq!(
        reason(
            "workdays(record.start, record.end) > 1",
            json!({"start": "2026-01-02"}),
            &titles
        ),
        "the record leaves `end` (結束日期) empty"
    );
    assert_eq!(
        reason(
            "record.end > record.start || record.end == ''",
            json!({}),
            &titles
        ),
        "the record leaves `end` (結束日期), `start` empty"
    );
    assert_eq!(
        reason("record.days > config.max", json!({"days": 2}), &titles),
        "there is no `max`"
    );
    assert_eq!(
        reason("record.days / 0 > 1", json!({"days": 2}), &titles),
        "`/` cannot be applied to 2 and 0"
    );
    assert_eq!(
        reason("record.days / 0 > 1", json!({"days": -2}), &titles),
        "division by zero"
    );
    assert_eq!(
        reason(
            "year(record.title) > 2000",
            json!({"title": "soon"}),
            &titles
        ),
        "`year`: `soon` is not a date (YYYY-MM-DD)"
    );
    assert_eq!(
        reason("record.days > 'x'", json!({"days": 2}), &titles),
        "`>` cannot take a number, text"
    );
}
