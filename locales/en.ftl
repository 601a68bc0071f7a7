# clerk's own words, in English (the fallback for every other catalog).
# Each message keeps its placeholders ({ $name }); codes such as E012 are never translated.

## The summary and notes of `clerk check`
summary = checked { $records }: { $errors }, { $warnings } ({ $seconds } s)
count-records = { $n ->
    [one] { $n } record
   *[other] { $n } records
}
count-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
note-unreadable = note: { $n } encrypted record(s) not read: no key that opens them (give yours with --identity); everything else was checked
grouped = — and { $n } more { $code } like it (`clerk check --verbose` lists them)
hint = hint

## Fields against the type's schema
field-empty = `{ $field }` is empty
field-empty-hint = write { $about } after `{ $field }:`
field-empty-hint-bare = write the value after `{ $field }:`, or remove the line if the field is optional
field-empty-choice-hint = write one of { $choices } after `{ $field }:`
field-missing = missing required field `{ $name }`
field-missing-in = `{ $field }` is missing required field `{ $name }`
field-missing-hint = add `{ $name }:` ({ $about })
field-missing-hint-bare = add `{ $name }:`
field-wrong-type = `{ $field }` should be { $expected }, but is { $actual }
field-not-allowed = `{ $field }` is { $value }, which is not allowed here
field-unknown = unknown field `{ $field }` for type `{ $type }`
hint-did-you-mean = did you mean `{ $best }`? allowed: { $allowed }
hint-allowed = allowed: { $allowed }
type-text = text
type-number = a number
type-integer = a whole number
type-boolean = true or false
type-list = a list
type-mapping = a mapping
type-empty = empty
hint-type-text = put the value in quotes if YAML reads it as something else, e.g. "2026"
hint-type-number = write the number without quotes or units, e.g. 1200.50
hint-type-list = write a list as `[a, b]` or as lines starting with `- `
hint-type-mapping = write `key: value` lines indented under this field
hint-type-other = write { $expected }

## Workflow states and approvals
state-needs-field = this { $type } is `{ $state }`, so it needs `{ $field }`
state-needs-field-hint = add `{ $field }:`, or set the status back to the state before `{ $before }`
state-needs-approval = this { $type } is `{ $state }`, so it needs the `{ $step }` approval
approval-stale = the record changed after `{ $by }` approved it on { $date }: this `{ $step }` approval no longer covers it
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` shows what changed; have { $by } approve the new content (`clerk sign { $path } --step { $step } --by { $by }`), or revert the change
transition-refused = status moved from `{ $was }` to `{ $is }`, which the workflow does not allow
transition-repair = `{ $was }` is not a state of a { $type }; repair it to { $allowed }
transition-final = a { $type } does not leave `{ $was }`
transition-allowed = from `{ $was }` a { $type } moves to: { $allowed }

## The association's organisation and filing (clauses, issue #18)
coverage-period-missing = { $message } for { $period }
coverage-period-missing-hint = add a { $type_label } record with `{ $field }: { $period }`
role-limit-exceeded = { $role } is held by { $count } people on { $date }: { $names }; clerk.yaml `role_limits` allows at most { $limit }
role-limit-exceeded-hint = end one of these roles with `until:` the day before the other begins
role-limit-always = every day (a role without `from:`)
role-limit-unknown-role = `role_limits` names the role `{ $role }`, which no person holds and the people type does not list
role-limit-unknown-role-hint = write a role as the people type lists it under `roles[].role`
archive-number-layout = archive number `{ $number }` does not match this record: expected `{ $expected }` (N a digit of the item number, ? a part the record does not give)
archive-number-layout-hint = the layout is clerk.yaml `archive.format` `{ $format }`, with this record's year, retention and department; `clerk archive` writes `{ $field }` for you
filer-without-approver = on { $date }, { $count } of the people who file a { $type_label } ({ $case }) have nobody who may give its `{ $step_label }`: { $names }
filer-without-approver-hint = add a rule under `approvals.{ $step }.by` that covers them (a role someone else holds), or give someone that role
filer-case-unevaluated = this case cannot be computed for `{ $id }`: { $error }
