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

## Feeds (search task, issue #19 item 8): W125
feed-base-url-missing = the feeds are built without `site.base_url`: their links are relative, and feed readers cannot follow them
feed-base-url-missing-hint = add where the site is published to clerk.yaml, e.g. `base_url: https://archive.example.org/` under `site:`
feed-timezone-missing = the calendar reads events' times, but `association.timezone` is not set: its events last whole days
feed-timezone-missing-hint = add the association's UTC offset to clerk.yaml, e.g. `timezone: "+08:00"` under `association:`

## ── Messages in the staff's language (issue #20 item 6), grouped by code ──
## Each English text keeps the ids; the Chinese ones name people, roles, steps, states and types
## by their names and labels ($by_name, $role_label, $step_label, $state_label, $type_label).

# Lists
list-and = { ", " }
list-or = { ", or " }
list-semicolon = { "; " }
role-for = { $role } for { $scope }
step-named = { $step }

# E030 unknown step, E031 no rule, E032 role not allowed, E033 role not held, E034 excluded
unknown-step = `{ $step }` is not an approval step of { $type }
unknown-step-none = type `{ $type }` declares no approval steps
unknown-step-list = steps: { $steps }
no-rule-applies = no rule of type `{ $type }` says who may give `{ $step }` for this record
no-rule-applies-hint = add a rule under `approvals.{ $step }.by` in { $file } that covers it
role-not-allowed = a { $role } may not give `{ $step }` for this record; it needs: { $allowed }
role-not-held = `{ $by }` was not { $needed } on { $date }
approver-excluded = `{ $by }` may not give the `{ $step }` approval of this record
approver-excluded-hint = nobody approves their own request; someone else who holds the role must approve
could-have = on { $date } it could have been approved by: { $names }
could-have-one = { $name } ({ $id }, { $role })
could-have-nobody = nobody held the needed role on { $date }

# E036 who may give a missing approval
sign-hint = run `clerk sign { $path } --step { $step } --by { $by }` ({ $name }, { $role })
sign-hint-also = ; it may also be given by { $others }
sign-hint-other = { $name } (--by { $by }, { $role })
sign-hint-nobody = nobody holds a role that may give `{ $step }` for this record today
add-approval = add it ({ $how })
describe-step = by a { $roles }
describe-step-none = no rule applies to this record

# E049 an approval given twice
approval-twice = `{ $by }` gives the `{ $step }` approval twice
approval-twice-hint = keep one; `clerk sign { $path } --step { $step }` replaces { $by }'s earlier approval

# E069 dates out of order
approval-after-today = the `{ $step }` approval by `{ $by }` is dated { $date }, after today ({ $today })
approval-after-today-hint = an approval is dated the day it is given; sign it on that day
date-before-approval = `{ $field }` is { $day }, before the `{ $step }` approval it needs ({ $approved }, by `{ $by }`)
date-before-approval-hint = `{ $field }` is the day the record reached `{ $state }`, on or after its approvals

# E107 a state's requirement that cannot be decided
rule-undecided = what `{ $state }` requires when `{ $when }` cannot be decided for this record: { $why }
rule-undecided-hint = give the fields the condition reads, or correct it in { $file }
rule-undecided-value = it gives { $value }, not true or false

# `clerk sign`: who may not give a step
no-known-type = { $path } has no known type
not-a-step = `{ $step }` is not an approval step of { $type } (steps: { $steps })
may-not-give = `{ $by }` may not give `{ $step }` for this record on { $date }: it needs { $needed }; { $could }
may-not-give-no-rule = a rule that covers it

# E050–E056 signatures
signature-malformed = the signature is not an SSH signature (-----BEGIN SSH SIGNATURE-----)
signature-malformed-hint = sign again with `clerk sign`; do not edit the signature by hand
signature-missing = the `{ $step }` approval by `{ $by }` is not signed
signature-missing-hint = { $by } signs it with `clerk sign { $path } --step { $step }`
signer-own-key-hint = the approver signs with their own key, listed under `keys:` in their person record
signed-by-another = signed with the key of `{ $owner }`, not of `{ $by }`
signer-no-keys = `{ $by }` lists no SSH keys, so the signature cannot be checked
signer-unknown = signed with a key that no one in people/ lists (not one of `{ $by }`'s)
key-not-valid = `{ $by }`'s key was not valid on { $date } (valid { $window })
key-not-valid-hint = sign with a key that was valid on the approval date; a key cannot approve outside its dates
key-window = { $from } to { $until }
signature-other-namespace = the signature is for `{ $namespace }`, not for clerk approvals
signature-other-namespace-hint = sign with `clerk sign`
signature-invalid = the signature does not match this record's `{ $step }` approval by `{ $by }` as `{ $role }` on { $date }
signature-invalid-hint = it was made for another record, step, role or date, or the content changed; sign again with `clerk sign`

# E044–E045 budgets, E047/W047 coverage
budget-not-approved = `{ $budget }` is not an approved budget
budget-not-approved-hint = book against the approved budget of the year
budget-other-year = dated { $date }, but booked against the { $year } budget
budget-other-year-hint = book it against a line of the { $year } budget
over-budget = spending on `{ $line }` reaches { $total }, over the { $limit } approved
over-budget-hint = reduce the amount, book it against another line, or have the council approve a budget adjustment
coverage-missing = { $name } ({ $id }): { $message }
coverage-missing-hint = add a { $type } record naming `{ $id }` in `{ $field }`
coverage-period = { $message } for { $period }

# E037–E040 council resolutions, E106 council settings
council-missing = this { $type } is `{ $state }`, so it needs a council resolution in `{ $field }`
council-missing-hint = cite the resolution as `{ $field }: MEETING-ID#RESOLUTION-ID`
council-unset = council resolutions are required, but clerk.yaml has no `council:` settings
council-unset-hint = add `council:` with `quorum:` and `majority:` to clerk.yaml
not-council-meeting = `{ $meeting }` is not a council meeting ({ $field } is not `{ $kind }`)
not-council-meeting-hint = cite a resolution of a council meeting (理事會)
meeting-not-held = council meeting `{ $meeting }` is `{ $state }`, not held
meeting-not-held-hint = a resolution counts once its meeting is { $held }
council-too-late = council meeting `{ $meeting }` was on { $date }, after { $what } ({ $deadline })
council-too-late-hint = the council must decide first; cite an earlier resolution, or approve again after the meeting
deadline-approval = the `{ $step }` approval
deadline-field = `{ $field }`
inquorate = `{ $cited }` does not count: { $present } of { $members } council members were present, the quorum is { $quorum }
inquorate-hint = a resolution of an inquorate meeting must be adopted again at a meeting with a quorum
no-votes = `{ $cited }` records no votes, so it cannot be shown to have passed
no-votes-hint = record `{ $votes }` on the resolution in { $path }
not-passed = `{ $cited }` did not pass: { $yes } for of { $cast } votes cast, the majority is { $majority }
not-passed-hint = cite a resolution that passed
share-more-than = more than { $share }
share-at-least = at least { $share }
share-any = any share

# E058–E063 over a change
kept-deleted = this record ({ $type_label }: { $type }) is `{ $status }`, which is kept, and was deleted
kept-deleted-hint = issued and archived records are kept; restore the file (`git restore --staged --worktree` it)
keys-not-in-force = by the keys in force before this change: { $message }
keys-not-in-force-hint = a key takes effect once the commit that adds it is in; approve with a key you held before, or add the key in a commit of its own first
rules-not-in-force = by the rules in force before this change: { $message }
signed-with-expired-key = this change adds a signature by `{ $by }` made with a key that is not valid today ({ $today }; valid { $window })
signed-with-expired-key-hint = an approval is signed when it is given, with a key valid then and now; a key that has expired cannot add approvals
final-changed = this { $type } is `{ $was }`, and a `{ $was }` record never changes
final-changed-hint = revert the change; a correction is a new record that refers to this one
immutable-changed = `{ $field }` was `{ $old }` and may not change
immutable-changed-hint = put back `{ $field }: { $old }`

# E105 expressions in a type file
expr-too-deep-hint = write it as several simpler expressions
expr-not-cel = expression `{ $source }` is not valid CEL: { $problem }
expr-not-cel-hint = see https://github.com/google/cel-spec/blob/master/doc/langdef.md; text values need quotes, e.g. record.kind == 'council'
expr-problem = expression `{ $source }`: { $problem }
expr-undefined = expression `{ $source }` names `{ $name }`, which is not defined
expr-undefined-hint = expressions can use: { $names }
expr-undeclared = expression `{ $source }` reads `record.{ $field }`, which the type does not declare
expr-undeclared-hint = declare the field under `fields.properties`, or correct its name

# `clerk due`
due-person = { $name } ({ $id })
due-overdue = overdue
due-due = { "due    " }
due-line = { "  " }{ $date }  { $flag }  { $kind }: { $what }  ({ $path })
due-summary = { $n } due by { $until }, { $overdue } of them overdue (as of { $as_of })

# `clerk sign`
role-named = { $role }
not-a-person = `{ $by }` is not a person in people/
sign-not-as = `{ $by }` may not give `{ $step }` as { $role } on { $date }; they may as: { $roles }
sign-several-roles = `{ $by }` may give `{ $step }` in several roles ({ $roles }); choose one with --role
signed = signed the `{ $step }` approval of { $path } as { $by } ({ $role }) on { $date }
signed-in-place = , in place of the earlier one
status-moved = status: { $from } → { $to }
status-stays = it stays `{ $from }`: as `{ $to }` it would have:
attachments-bound = { $path }: { $n } attachment(s) bound to their content (SHA-256), so the approval covers them

# `clerk advance`, and what `clerk sign` says comes next
state-named = `{ $state }`
now-final = { $path } is now `{ $state }`: nothing further in its workflow
now-next = { $path } is now `{ $state }`; next:
next-state = { "  " }→ `{ $state }`: { $takes }
next-approval = { $step_label } ({ $step }){ $stale } — { $hint }
next-again = { " " }(again: { $by }'s approval is stale, `clerk diff { $path } --step { $step } --by { $by }` shows what changed)
next-then = { "; then " }
sets-dates = { " " }(sets { $fields } to the day)
no-workflow = records of type `{ $type }` have no workflow ({ $file })
advance-not-a-state = `{ $to }` is not a state of { $type } (states: { $list })
advance-final = { $path } is `{ $state }`, a state it does not leave
advance-only = { $path } is `{ $state }`; from there it can become only { $list }, not `{ $to }`
advance-which = { $path } is `{ $state }`; say which state with --to: { $list }

# `clerk inbox`
inbox-whose = whose inbox? pass `--as PERSON-ID`, set CLERK_PERSON, or list your key (~/.ssh/id_ed25519.pub) in your person record
inbox-person = { $name } ({ $id }): { $n } waiting, as of { $as_of }
inbox-approvals = Approvals to give
inbox-tasks = To do
inbox-since = , waiting since { $date }
inbox-again = , again: the record changed since your approval

# `clerk read`, and every command that edits a record
field-set = { $field }: { $value }
list-fields = { ", " }
fields-set = { $path }: { $fields }
field-status = status
not-changed = { $path } was not changed; after the change it would have:
read-who = who read it? pass `--as PERSON-ID` or set CLERK_PERSON
read-already = { $path } was already read by { $who } on { $date }
read-done = { $path }: read by { $who } on { $date }
read-not-circulated = records of type { $type_label } (`{ $type }`) are not circulated: { $file } has no `circulation:` (e.g. `circulation: {"{"}field: circulation, person: person, date: read_on{"}"}`)

## Returns (退回) kept in the record: `clerk advance --comment`, the desk
advance-returned = sent back by { $name }: { $comment }
advance-return-who = who sends it back? pass `--as PERSON-ID` or set CLERK_PERSON
advance-return-needs-comment = { $path } goes back to an earlier state: say why with `--comment TEXT` (records of type { $type_label } keep each return with its reason)
advance-comment-not-back = `--comment` is kept only when a record is sent back to an earlier state (退回); { $path } moves forward
advance-comment-no-list = records of type { $type_label } (`{ $type }`) keep no reasons for returns: { $file } has no `returns:` (e.g. `returns: {"{"}field: returns{"}"}` with the list declared under fields)
inbox-returned = sent back by { $name }

# E100–E108 loading clerk.yaml and the type files
yaml-invalid = invalid YAML: { $problem }
yaml-invalid-hint = fix the YAML syntax at this position
yaml-not-mapping = expected a mapping of settings, found { $found }
config-unknown-key = unknown setting `{ $key }`
config-department-twice = department `{ $id }` is listed twice
config-department-twice-hint = each department needs its own id
type-no-field = `{ $name }` is not a declared field
type-no-state = `{ $state }` is not one of the workflow's states
type-states-hint = declared states: { $states }
type-no-states = a workflow needs at least one state
type-declare-field-hint = declare it under `fields.properties`
type-no-step = `{ $step }` is not an approval step of this type
type-no-step-hint = declare it under `approvals:` with the roles that may give it
type-before-unknown = `{ $step }` is neither an approval step nor a field of this type
type-before-unknown-hint = name the approval step the resolution must precede, or a date field
type-layout-field-hint = name a field of this type's `fields:` (or add it there)
type-ref-unknown = `{ $field }` refers to type `{ $name }`, which has no file in types/
type-ref-unknown-hint = known types: { $types }
type-ref-no-list = `{ $field }` refers to `@{ $list }`, but clerk.yaml has no list `{ $list }`
type-ref-no-list-hint = add `{ $list }:` with `id:` entries to clerk.yaml
schema-not-object = `fields` must be a JSON Schema object
schema-not-object-hint = write `fields:` with `properties:` and `required:` beneath it
schema-required-undeclared = required field `{ $field }` is not declared under `fields.properties`
schema-required-undeclared-hint = declare `{ $field }` with its schema, or remove it from `required`
schema-invalid = the field schema is not valid JSON Schema: { $detail }
schema-invalid-hint = see https://json-schema.org/understanding-json-schema/ for the keywords

# E017–E018 references
reference-broken = no record with id `{ $id }`
reference-did-you-mean = did you mean `{ $best }`?
reference-create = create the { $types } record, or correct the id
reference-wrong-type = `{ $id }` is a { $type } ({ $path }), but a { $wanted } is expected here
reference-wrong-type-hint = name a { $wanted } record

# E004–E007, E020 a record's front matter
file-empty = file is empty
file-empty-hint = start the file with `---`, the record's fields, and `---`; or list it under `ignore` in clerk.yaml
no-front-matter = file has no front matter
no-front-matter-hint = a record starts with a line `---`, then `type:` and `title:`, then `---`; if this file is not a record, add it to `ignore` in clerk.yaml
front-matter-open = front matter is opened here but never closed
front-matter-open-hint = add a line `---` after the last field
front-matter-yaml = front matter is not valid YAML: { $problem }
front-matter-not-mapping = front matter must be `field: value` lines, but it is { $found }
front-matter-not-mapping-hint = write each field on its own line as `name: value`
unsupported-yaml-hint = use plain text, numbers, dates, lists and mappings
yaml-hint-duplicate = each field may appear only once; remove or rename the repeated one
yaml-hint-deep = the front matter nests or repeats too deeply; simplify it
yaml-hint-colon = a value containing `: ` must be quoted, e.g. title: "會議: 第一次"
yaml-hint-tab = indent with spaces, not tabs
yaml-hint-other = check indentation and quoting on this line and the one before

# E008–E009, E016 a record's type and id
type-named = { $type }
type-missing = record has no `type`
type-missing-hint = add `type:` with one of: { $types }
type-not-text = `type` must be text, but is { $kind }
type-use-one = use one of: { $types }
type-unknown = unknown record type `{ $type }`
type-did-you-mean = did you mean `{ $best }`? (types are the files in types/)
bad-id = id `{ $id }` has characters an id cannot have
bad-id-hint = use letters, digits, `-`, `_` and `.`, starting with a letter or digit (no spaces, `#` or `/`)
bad-file-id = file name `{ $id }` is not a valid id
bad-file-id-hint = rename the file using letters, digits, `-`, `_` and `.`, or set `id:` in the front matter

# `clerk diff`
diff-nothing = { $path }: the approvals chosen match the record as it is now; nothing changed since
diff-never-committed = { $path }: no version in the git history has the content { $by }'s `{ $step }` approval ({ $date }) signed; it was never committed
diff-since = { $path }: what changed since { $by }'s `{ $step }` approval of { $date } (the version of commit { $commit }, { $commit_date })
diff-fields = fields:
diff-field = { $field }
diff-body = body ([-removed-] {"{"}+added+{"}"}):
diff-layout-only = only line endings, layout or order changed (nothing an approval covers)

# E041–E042, W043 numbers
number-other-issuer = `{ $value }` is not one of this scheme's numbers: its issuer code is `{ $issuer }`, not `{ $found }`
number-other-issuer-hint = numbers of this scheme begin with `{ $issuer }`; `clerk issue` assigns the next one
number-other-year = `{ $value }` is numbered for { $numbered }, but `{ $field }` is in { $year }
number-other-year-hint = the year in brackets is the year of `{ $field }`; numbers start again at 1 each year
number-format = `{ $value }` does not follow the numbering format
number-format-hint = numbers look like `{ $example }` (format `{ $format }` in clerk.yaml)
number-brackets-hint = ; the year goes in hexagonal brackets 〔〕 (U+3014, U+3015), not [] or ()
not-unique = `{ $value }` is already used by { $path }
not-unique-hint = each `{ $field }` is used once; assign the next free one
number-gap = numbers of { $issuer } for { $year } skip { $missing }
number-gap-hint = numbers are given in order without gaps; find the missing record, or note why the number was voided

# E046/W046 and E107 the type file's rules
rule-is = the rule is `{ $rule }` in { $file }:{ $line }
rule-unevaluated = the rule `{ $rule }` ({ $file }:{ $line }) cannot be evaluated for this record: { $why }
rule-when-unevaluated = the condition `{ $rule }` ({ $file }:{ $line }) cannot be evaluated for this record: { $why }
rule-unevaluated-hint = give the fields it reads, or guard the rule with `when:` (e.g. `has(record.end)`) in the type file

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

## ── Session 8 (messages task, issue #20 item 6): the remaining findings and command output ──

# E101 a text the association writes in a language clerk does not speak
written-unknown-language = `{ $lang }` is not a language clerk speaks
written-unknown-language-hint = write the text for `zh-Hant`, `zh-Hans` or `en`, or one text for every language

# Registers' own words (in the register's language, the association's)
register-total = Total
register-subtotal = { $key } subtotal
register-id-suffix = { " id" }

# E065–E067, W068 changes to the rules, roles and keys (governance)
governed-part-rules = the rules
governed-part-person = a person
governed-part-roles = the roles
governed-part-keys = the keys
governance-off = this change to { $part } needs no approval: clerk.yaml has no `governance:`
governance-off-hint = name the amendment type under `governance:` in clerk.yaml, so that changes to the rules, roles and keys are approved like records
governed-stale = the amendment approves `{ $path }` as { $listed }, but this change makes it { $digest }
governed-stale-hint = the file changed after the amendment was approved: list the new digest and approve the amendment again
governed-unsigned = unsigned
governed-key = key { $key }
governed-approval = { $path }: { $step } by { $by } ({ $role }) on { $date }, { $key }
governed-no-status = without a status
governed-draft = this change to { $part } of `{ $path }` is listed in { $amendment }, which is { $status }, not approved
governed-unapproved = this change to { $part } of `{ $path }` needs an approved amendment, and none in this commit lists it
governed-unapproved-hint = list it in an amendment (`clerk new { $type }`) as `{"{"}file: { $path }, digest: { $digest }{"}"}`, have it approved (`clerk sign`), and commit it with the change
governed-unauthorized = by the rules in force before this change: { $message }
governed-unauthorized-hint = an amendment is approved by people who held the authority, with keys they held, before the change it makes

# E070–E078 encryption at rest
and-more = { " " }and { $n } more
must-be-encrypted = { $type } records ({ $level }) must be stored encrypted, but this one is plain text
must-be-encrypted-hint = encrypt it: `clerk encrypt { $path }` (the plain file is replaced by { $path }.age)
reader-not-allowed = { $n } key(s) that may no longer read this record can still open it
reader-not-allowed-hint = someone left or changed role: run `clerk reencrypt` with your key
reader-missing = allowed readers cannot open it: { $names }
reader-missing-hint = run `clerk reencrypt` with your key so they can
envelope-missing = encrypted without a plain envelope: without a key, its numbers are unseen by `check`, `issue` and `archive`
envelope-missing-hint = run `clerk reencrypt` with your key once; it adds the envelope
envelope-differs = `{ $field }` is `{ $record }` in the record but `{ $envelope }` in the envelope
envelope-mismatch = the plain envelope does not match the record: { $differ }
envelope-mismatch-hint = the file was not written by clerk; restore it from git, or run `clerk reencrypt` with your key to write the envelope from the record
header-edited = the encrypted file's header was edited without its key: the same content under another envelope or other readers
header-edited-hint = restore the file from the commit before (`git checkout HEAD~ -- FILE`); clerk writes encrypted files only through `encrypt`, `reencrypt` and the commands that edit records
confidential-plaintext = { $n } confidential record(s) are stored in plain text: { $paths }{ $more }
confidential-plaintext-hint = anyone with the repository can read them: `clerk encrypt FILE` each, or list their types under `encryption.required` to make it an error

# E021–E023, W024 attachments
refused-outside = leads outside the repository
refused-hidden = lies in a hidden or skipped folder (such as .git or a folder of keys)
refused-record = is a record or an encrypted file (name the attachment without `.age`), not an attachment
refused-key = holds a private key
refused-missing = does not exist
attachment-refused = the attachment `{ $name }` { $why }
attachment-refused-hint = attach a file inside the repository beside the record — a scan, a PDF, a picture; never a record, a key or anything under .git
attachment-name-twice = two attachments of this record are named `{ $name }`: the site keeps one file per name
attachment-name-twice-hint = rename one of the files
attachment-plain = the attachment `{ $name }` of a record that must be stored encrypted is plain text
attachment-plain-hint = `clerk encrypt { $path }` encrypts the record's plain attachments with it
attachment-unbound = the approvals of this record do not cover the content of `{ $name }`: its entry has no SHA-256
attachment-unbound-hint = write it as `{"{"}file: { $name }, sha256: { $sha256 }{"}"}` (`clerk sign` adds it for the first approval); approvals signed before then become stale
attachment-unreadable = unreadable ({ $error })
attachment-changed = the attachment `{ $name }` is not the file this entry names: its SHA-256 is { $found }
attachment-changed-hint = put back the file the record was approved with (git shows earlier versions); a new file needs the approvals given again

# `clerk issue` and `clerk archive`: refusals
issue-not-numbered = records of type `{ $type }` are not numbered: { $file } has no `unique` entry with a `sequence`
issue-already = { $path } already has { $field } `{ $number }`
issue-no-numbering = { $file } names numbering `{ $scheme }`, which clerk.yaml does not define
issue-no-issuer = numbering `{ $scheme }` in clerk.yaml has no `issuer` (e.g. `issuer: 協秘`)
issue-unknown-type = { $path }: type `{ $type }` has no type file in types/
issue-needs-field = { $state } also needs `{ $field }`; fill it in first
issue-no-state = no state
issue-wrong-state = { $path } is { $state }; it can become { $target } only from { $from }
issue-blind = cannot give the next `{ $field }`: { $records } encrypted without a readable envelope, so their numbers cannot be seen without a key: { $paths }
issue-blind-hint = someone who can read them runs `clerk reencrypt` once (it adds the envelope), or run this command with --identity KEY
archive-no-settings = clerk.yaml has no `archive:` settings (fonds code, category, format); see 'Starting, writing, issuing, filing' in clerk's README
archive-not-archived = records of type `{ $type }` are not archived: { $file } has no `{ $field }` field
archive-no-retention = no retention period: set `{ $field }` in the record or `retention` in { $file }
archive-bad-retention = retention `{ $retention }` is not one of { $allowed } (clerk.yaml `archive.retention`)
archive-no-department = the record names no `department`, and clerk.yaml `archive.department` gives none to file it under
archive-unknown-department = department `{ $id }` is not in clerk.yaml `departments`
archive-department-no-code = department `{ $id }` has no `code` in clerk.yaml (the code used in archive numbers, e.g. ZHB)

# `clerk new`: refusals
new-no-type = there is no record type `{ $type }` (types/{ $type }.yaml); types: { $types }
new-bad-id = `{ $id }` cannot be a file name
new-exists = a record `{ $id }` already exists
new-not-pair = `{ $pair }` is not field=value
new-no-field = records of type `{ $type }` have no field `{ $field }`
new-set-by-clerk = `{ $field }` is set by clerk, not by `clerk new`
new-not-yaml = `{ $value }` is not a YAML value (quote it, e.g. { $field }="{ $value }")
new-roles-not-person = --role and --key are for people (`clerk new { $people }`), not for a { $type }
new-schema-invalid = { $file }: the schema of `{ $field }` is not valid: { $error }
new-value-refused = `{ $field }={ $value }` is not allowed for a { $type }: { $error }
new-value-not-one-of = `{ $field }={ $value }` is not allowed for a { $type }; `{ $field }` is one of: { $allowed }
new-part-not-one-of = { $part } is not allowed in `{ $field }` of a { $type }; it is one of: { $allowed }
new-not-a-key = `{ $path }` is not an OpenSSH public key ({ $error }); give the `.pub` file ssh-keygen wrote

# `clerk register` and `clerk report`
register-unknown = no register `{ $name }`; registers: { $names }
register-xlsx-terminal = an Excel workbook is not for the terminal: write it to a file with `-o { $name }.xlsx`, or redirect the output (`> { $name }.xlsx`)
report-unknown = no report `{ $name }`; reports: { $names }, annual
wrote = wrote { $path }

# E078 a classification below the type's lowest
level-named = `{ $level }`
none-listed = (none)
below-lowest = a { $type } may not be { $claimed }: the lowest classification of its records is { $floor } (rules §6.1), so it stays { $floor }
below-lowest-declassify-hint = remove the line, or have it declassified: an approval of the `{ $step }` step (`clerk sign { $path } --step { $step }`) by whom { $file } allows
below-lowest-hint = remove the line: { $file } allows no declassification of its records
declassified-by-unknown = `declassified_by: { $step }` names no approval step of this type
declassified-by-unknown-hint = declare the step under `approvals:` (who may declassify), or name one of: { $steps }

# E015 an id used twice, E017/E019 references into clerk.yaml and to a part of a record
duplicate-id = id `{ $id }` is already used by { $path }
duplicate-id-hint = give this record its own `id:` (or rename the file); references would be ambiguous
anchor-needed = `{ $value }` must name an item of a { $types }'s `{ $list }`
anchor-needed-hint = write it as `{ $value }#ID`, with the id of the item in `{ $list }`
config-item-did-you-mean = did you mean `{ $best }`? ({ $list } are listed in clerk.yaml)
config-item-list = clerk.yaml lists { $list }: { $ids }
config-item-missing = no `{ $value }` in `{ $list }` of clerk.yaml
anchor-none = { $path } has no `{ $list }`
anchor-list = { $path } has { $list }: { $ids }
anchor-missing = `{ $id }` has no item `{ $anchor }` in its `{ $list }`

# E013, E014/W014 fields against the type's schema (the rest)
did-you-mean = did you mean `{ $best }`?
type-declares = type `{ $type }` declares: { $fields }
unknown-field-hint = remove it, or declare it in the type's schema
field-not-constant = `{ $field }` is { $value }, but must be { $expected }
field-bad-format = `{ $field }` is { $value }, which is not a valid { $format }
front-matter = front matter
format-date = date (YYYY-MM-DD)
format-date-time = date and time (YYYY-MM-DDTHH:MM:SS+08:00)
format-time = time (HH:MM:SS+08:00)
format-email = e-mail address
format-date-hint = write dates as YYYY-MM-DD with a real month and day, e.g. 2026-03-02
format-email-hint = write an address like name@example.org
format-other-hint = write a valid { $format }

# W090 labels missing, E106 a numbering clerk.yaml does not define
label-missing = { $n } fields, values or workflow states without a label: { $listed }
label-missing-hint = give each field a `title:`, each allowed value `oneOf: [{"{"}const: VALUE, title: LABEL{"}"}]`, each state a `workflow.labels` entry
numbering-undefined = `unique` names numbering `{ $seq }`, which clerk.yaml does not define
numbering-undefined-hint = add `numbering: {"{"}{ $seq }: {"{"}format: "{"{"}issuer{"}"}〔{"{"}year{"}"}〕{"{"}serial{"}"}號"{"}"}{"}"}` to clerk.yaml

# `clerk check`: refusals, notes and the chain of governance (`clerk audit`)
check-config-invalid = clerk.yaml is invalid, so nothing was checked
check-files-and-scope = give files only to check them as they are; --staged and --since check a repository (DIR)
check-not-a-file = `{ $path }` is not a record file (give one repository, or files)
check-other-repository = `{ $path }` is not in the repository at `{ $root }`
check-null-revision = note: `--since { $rev }` names no commit (git's null revision: a first push or a new branch), so the whole history is checked, from the first commit
chain-heading = chain of governance ({ $n } change(s) to the rules, roles and keys):
chain-changes = changes { $change }
chain-approved = approved { $approval }
chain-unapproved = approved by no amendment
gate-no-commit = `{ $rev }` names no commit
gate-not-ancestor = `{ $rev }` is not an ancestor of HEAD, so the commits after it are not the history of this branch; give the commit the branch grew from (`git merge-base { $rev } HEAD`)
gate-root-mismatch = this history starts at commit { $found }, not at { $pinned }, the root the association pinned: it is not the association's history

# Commands that open one record: refusals
not-in-repository = `{ $path }` is not inside a clerk records repository (no clerk.yaml above it)
config-invalid-nothing-done = { $file } is invalid, so nothing was done
not-a-file = `{ $path }` is not a file
fix-first = { $path }:{ $line }: { $message } [{ $code }]; fix it first (`clerk check`)
not-a-record = `{ $path }` is not a record (is it listed under `ignore` in clerk.yaml?)
who-approves = who is approving? pass `--by PERSON-ID` or set CLERK_PERSON

# `clerk keys`
key-unreadable = cannot read the key `{ $path }`
key-private = `{ $path }` is a private key: give its public half (the `.pub` file ssh-keygen wrote beside it), and never commit the private key
key-no-person = there is no person `{ $person }`; add them with `clerk new { $people } --id { $person }`
key-listed = the key { $key } is already listed for { $holder }
key-added = { $path }: added { $key }, valid from { $date }
keys-what = give --allowed-signers, or `clerk keys add PERSON FILE.pub`

# `clerk encrypt`, `decrypt`, `reencrypt`
no-readers = nobody may read { $type } records ({ $level }) on { $date }: list readers under `encryption.readers` in clerk.yaml (by role or person), and make sure they have keys
already-encrypted = { $path } is already encrypted
encrypted-to = { $path } → { $target } (readable by { $ids })
not-encrypted = { $path } is not an encrypted record (NAME.md.age)
cannot-decrypt = cannot decrypt { $path }: { $error }
reencrypted-one = { $path }: readable by { $ids }
reencrypted = { $n } encrypted record(s) re-encrypted
reencrypt-unopened = { $n } encrypted record(s) could not be opened with your key, so they keep their old readers: { $paths }

# `clerk pdf`
pdf-not-a-document = `{ $path }` is a { $type } record, not an official document: its type file ({ $file }) has no `layout: {"{"}kind: document{"}"}`
pdf-not-issued = `{ $path }` is not issued yet: it has no document number (`{ $field }`); `clerk issue { $path }` gives it one
pdf-wrote = wrote { $path } (fonts: { $fonts })

# `clerk build` and `clerk init`
build-errors = { $n } error(s) in the records; run `clerk check { $dir }` to see them
build-refused = nothing was built (use --allow-errors to build anyway, marking the affected records)
build-not-a-site = `{ $path }` exists and is not a site clerk built; choose another folder with -o
build-was-interrupted = note: an earlier build was interrupted while replacing `{ $path }`; this build replaces what it left
built = built the { $level } site of { $records } records ({ $hidden } left out) into { $out }: { $pages } pages, { $files } files ({ $seconds } s)
init-exists = { $dir } already holds a clerk.yaml; clerk init never overwrites a repository
init-next = next: clerk new person --id YOUR-ID --title "YOUR NAME" --role ROLE --key ~/.ssh/id_ed25519.pub

# E001–E003, E064, W074 reading files (folder and git)
cannot-read-folder = cannot read folder: { $error }
cannot-read-folder-hint = check the folder's permissions
name-not-utf8 = the file name `{ $name }` is not valid UTF-8 (the bytes that are not are shown as \xNN)
name-not-utf8-hint = rename the file with a UTF-8 name, as git and other computers will show it
symlink-outside = symbolic link points outside the repository, to { $target }
symlink-outside-hint = records must live inside the repository; copy the file in instead of linking to it
symlink-dangling = symbolic link points to nothing
symlink-dangling-hint = remove the link or restore the file it points to
cannot-read-file = cannot read file: { $error }
cannot-read-file-hint = check the file exists and is readable
too-large = file is larger than { $limit } bytes
too-large-hint = split the record, move large content to an attachment, or raise `limits.max_record_bytes` in clerk.yaml
sealed-invalid = encrypted record cannot be opened: { $error }
sealed-invalid-hint = restore the file from git (`git checkout -- FILE`); an encrypted file is only written by `clerk encrypt`, `reencrypt` and the commands that edit records
sealed-unread = encrypted record not read: { $error }
sealed-unread-hint = clerk reads encrypted records with your SSH key: --identity ~/.ssh/id_ed25519
file-binary = file is binary, not Markdown text
file-binary-hint = rename it so it does not end in `.md`, or list it under `attachments:` of a record
file-not-utf8 = file is not valid UTF-8 text
file-not-utf8-hint = save the file as UTF-8 (most editors offer this under 'Save with encoding')
git-not-a-file = not a file in this git tree
git-reader-failed = git reader failed
git-cannot-read = cannot read from git: { $error }
git-symlink = a record cannot be a symbolic link
git-symlink-hint = commit the record itself, not a link to it
merge-conflict = unresolved merge conflict
merge-conflict-hint = resolve the conflict, then `git add` the file

# E100–E105, E130, E131, E135 loading the configuration and the type files
not-a-folder = `{ $path }` is not a folder
no-such-path = `{ $path }` does not exist (no such file or folder)
no-config = no clerk.yaml in `{ $path }`: this is not a clerk records repository (run `clerk init` to make one)
lookup-unknown-type = `lookup('{ $name }', …)` names type `{ $name }`, which does not exist
known-types = types: { $types }
type-duplicate = type `{ $type }` is already declared in { $path }
type-duplicate-hint = rename one of the types with `name:`
subtotals-unknown = `subtotals` names column `{ $name }`, which register `{ $register }` does not have
subtotals-unknown-hint = name one of the register's column titles
register-labels-unknown = `labels: { $field }` names no field of this type
register-labels-unknown-hint = name the field whose values the column holds, e.g. `labels: status`
register-column-value = register `{ $register }`: every column but a `kind: row` one needs a `value`
register-column-value-hint = write the value as an expression, e.g. `value: record.title`
classification-unknown-hint = list it under `classifications:` in clerk.yaml, or name a level there
navigation-unknown-type = `{ $setting }` names type `{ $name }`, which no type file declares
navigation-unknown-type-hint = name a type of types/*.yaml, or remove `{ $name }` from `{ $setting }`
refs-invalid-hint = write `field: type`, `list[].field: type`, `field: type#list` or `field: "@departments"`
glob-invalid = `{ $pattern }` is not a valid glob: { $error }

# `clerk desk` in the terminal, and what it refuses
desk-open = { $name } ({ $who })'s desk: open { $url }
desk-token = the address holds the desk's token: do not share it (Ctrl-C stops)
desk-wrong-host = clerk desk answers only at 127.0.0.1:{ $port } or localhost:{ $port }
desk-wrong-token = this token is not the desk's: open the address `clerk desk` printed
desk-no-session = open the address `clerk desk` printed (with its token)
desk-csrf = the form's CSRF token is missing or wrong: reload the page
desk-no-record = no record `{ $id }`

# E057 a person's key, E105 a function a rule calls
key-invalid = not an OpenSSH public key: { $error }
key-invalid-hint = paste the whole line of the `.pub` file, e.g. `ssh-ed25519 AAAAC3Nza… name`
list-or-short = { " or " }
count-arguments = { $n ->
    [one] { $n } argument
   *[other] { $n } arguments
}
call-arity = `{ $call }` is called with { $args }, but takes { $takes }
call-arity-hint = write `{ $call }` with { $takes } argument(s)
known-functions = functions: { $functions }
call-unknown = `{ $call }` is not a function clerk knows

# Session 8 (lead): E108, a field clerk.yaml gives clerk to read that the type does not declare
e108 = clerk reads `{ $name }` ({ $setting }), which { $whose } does not declare
e108-hint = set `{ $setting }` in clerk.yaml to the field's name in the type, or declare `{ $name }` in the type
names-type = type `{ $type }` ({ $path })
names-archived-type = type `{ $type }` ({ $path }, whose records hold `{ $field }`)
names-each-of = each of `{ $field }` in { $whose }
names-of = `{ $field }` of { $whose }

# Session 8 (lead): `clerk hooks install`
hooks-installed = installed { $path }
hooks-foreign-one = { $hooks } already exists and is not clerk's; run `clerk hooks install --force` to replace it, or call `clerk check --staged` from it
hooks-foreign-many = { $hooks } already exist and are not clerk's; run `clerk hooks install --force` to replace them, or call `clerk check --staged` from them

# Session 8 (lead): association.decimals
config-decimals = `{ $n }` decimals: write 0 (whole amounts, e.g. NT$) or 2 (cents, e.g. ¥, US$)

# Session 9 (reasons, issue #20 item 6): the last English messages
# E107 why a rule or condition gave no value for a record
why-empty = the record leaves { $fields } empty
why-field-named = `{ $field }` ({ $label })
why-no-key = there is no { $key }
why-undeclared = `{ $name }` is not known here
why-argument-count = a function takes { $expected } argument(s), not { $actual }
why-unexpected-type = { $want } is needed, not { $got }
why-bad-argument = a function cannot take { $value }
why-not-method = `.{ $method }()` cannot be called on { $value }
why-no-overload = `{ $function }` cannot take { $kinds }
why-not-comparable = { $left } cannot be compared with { $right }
why-operator = `{ $op }` cannot be applied to { $left } and { $right }
why-index = { $index } cannot index { $value }
why-out-of-bounds = there is no item { $index }
why-zero-division = division by zero
why-function = `{ $function }`: { $message }
why-other = CEL stopped: { $error }
why-not-text = text or a list of texts is needed, not { $value }
why-value-empty = an empty value
why-value-list = a list
why-value-map = a map
why-kind-text = text
why-kind-number = a number
why-kind-bool = true or false
why-not-a-date = `{ $text }` is not a date (YYYY-MM-DD)
why-not-months = { $value } is not a number of months
why-date-range = the date is out of range
why-lookup-here = lookup() can be used only in registers and the due list
why-lookup-type = there is no record type `{ $type }` (types: { $types })
# E105 an expression too large to evaluate safely
expr-too-long = the expression is longer than { $n } characters
expr-too-nested = the expression is nested more than { $n } levels deep
expr-too-many-operators = the expression has more than { $n } operators
# E101 a type file's `refs`, E100 clerk.yaml's `classifications`
refs-not-a-path = `{ $field }` is not a field path
refs-not-a-target = `{ $target }` is not a reference target
refs-no-list = `{ $target }` names no list after `#`
levels-count = `classifications` lists from 1 to 100 levels, lowest first
levels-empty-id = a classification level has an empty `id`
levels-twice = the classification `{ $id }` is listed twice
levels-unknown = `{ $id }` is not a classification level; the levels are: { $levels }
# E100 clerk.yaml and E101 a type file that serde cannot read
serde-unknown-field = unknown field { $name } (the fields there are: { $names })
serde-unknown-field-none = unknown field { $name }: nothing may be written here
serde-unknown-variant = { $name } is not one of the choices (the choices are: { $names })
serde-unknown-variant-none = { $name } is not one of the choices
serde-missing-field = the field { $name } is missing
serde-duplicate-field = the field { $name } is written twice
serde-invalid-type = { $want } is needed, not { $got }
serde-invalid-value = { $want } is needed, not { $got }
serde-found = { $kind } { $value }
serde-whole-number = a whole number
serde-other = this setting cannot be read: { $message }
config-unknown-key-hint = clerk reads: { $settings }
config-not-an-offset = `{ $text }` is not a UTC offset: write it as +08:00 (or -05:00, +00:00), or name the zone (Asia/Taipei)
config-not-a-zone = `{ $text }` is not a time zone: { $guess }write its name in the tz database (Asia/Taipei, Asia/Shanghai, Europe/London) or a UTC offset (+08:00)
# `clerk schema` and `clerk corpus`
schema-description = Front matter of a `{ $type }` record ({ $path })
schema-name-a-type = name a type (`clerk schema document`), or write them all with `-o DIR`
schema-managed-note = set by clerk (issue, archive, sign) or the workflow
corpus-exists = { $path } exists; clerk corpus writes a new folder
corpus-no-keys = { $path } has no .example-keys/ to sign with (use records-example)
corpus-wrote = wrote { $n } records into { $path }
# `clerk new`: the comment beside a field with allowed values, and what it cannot create
new-one-of = (one of: { $choices })
new-choice = { $id } ({ $label })
cannot-create = cannot create { $path }
cannot-create-because = cannot create { $path }: { $error }
# `clerk sign`: ssh-keygen, keys and attachments
sign-unreadable-signature = ssh-keygen produced an unreadable signature: { $error }
sign-not-their-key = { $key } is not one of { $by }'s keys in people/; add its public key under `keys:` in their person record
sign-key-not-valid-then = { $key } was not valid on { $date } (valid { $window })
sign-key-expired = { $key } is no longer valid (valid { $window }); sign with a current key
sign-after-today = { $date } is after today ({ $today }): an approval is dated the day it is given
sign-attachment-refused = { $path }: the attachment `{ $name }` { $why }; fix it before signing
sign-attachment-unreadable = cannot read the attachment `{ $name }`
sign-attachment-sealed = the attachment `{ $name }` is encrypted and no key given opens it: sign with --identity KEY
sign-attachment-hashes = { $path }: cannot write the attachments' SHA-256: { $error }
sign-no-home = no HOME; pass --key
sign-no-key = no key at { $path }; pass --key PATH
sign-no-tempdir = cannot make a temporary folder to sign in
sign-cannot-write-payload = cannot write the text to sign
sign-no-signature = ssh-keygen wrote no signature
sign-key-too-open = warning: ssh-keygen refused { $key }; signed with the key file directly (`chmod 600` it)
sign-keygen-failed = ssh-keygen could not sign with { $key }
sign-no-keygen = cannot run ssh-keygen
sign-private-unreadable = cannot read the private key { $key }
sign-key-encrypted = { $key } is encrypted; install ssh-keygen (OpenSSH) to sign with it
# `clerk advance`, `encrypt`/`decrypt` and the keys that open records
advance-set-by-clerk = `{ $field }` is set by clerk (`--to STATE` moves the status; `clerk sign` approves)
advance-text-only = `{ $field }={ $value }`: `clerk advance` writes text and dates; edit a list, number or yes/no in the file
cannot-read-path = cannot read { $path }
cannot-write-path = cannot write { $path }
crypt-not-removed = wrote { $target } but could not remove { $path }
crypt-key-unreadable = cannot read the key { $path }: { $error }
crypt-not-a-private-key = { $path } is not an SSH private key: { $error }
crypt-key-passphrase = { $path } is protected by a passphrase; decrypt with a copy without one, or use `age -d` with it
crypt-key-unsupported = { $path }: this kind of SSH key cannot decrypt age files
crypt-bad-recipient = cannot encrypt to `{ $key }`: { $error }
crypt-nobody = nobody to encrypt to
crypt-cannot-encrypt = cannot encrypt: { $error }
# `clerk serve`, `clerk hooks install` and the site's build
serve-cannot-open = cannot open `{ $path }`
serve-cannot-watch = cannot watch the repository for changes
serve-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $error }
serve-serving = serving { $path } at { $url }
serve-built = built in { $ms } ms; watching for changes (Ctrl-C stops)
serve-page-updated = page updated in { $ms } ms
serve-rebuilt = rebuilt in { $ms } ms
serve-no-thread = cannot start the rebuilding thread
hooks-no-git = `{ $path }` is not in a git repository
hooks-no-work-tree = the git repository has no work tree
hooks-no-exe = cannot tell where clerk is installed
build-errors-found = { $n } error(s) found by `clerk check`; fix them, or build anyway with --allow-errors (affected records are marked)
build-without-pdfs = warning: the site is built without PDFs: { $why }
search-no-thread = cannot start the search indexer
search-failed = the search indexer failed
search-not-built = this clerk was built without search (cargo feature `search`)
new-title-comment = the record's title
# `clerk schema`: the fields every record has
schema-field-type = the record type, a file in types/
schema-field-id = unique id; defaults to the file name without .md
schema-field-title = the record's title
schema-field-classification = who may see the record
schema-field-approvals = one entry per approval step taken
schema-field-attachments = files next to the record, by relative path, each with the SHA-256 of its content once approved
schema-field-status = the record's workflow state
crypt-front-matter-broken = { $path }: the new front matter does not parse
build-attachment-unreadable = cannot open the attachment { $path }

## Edits clerk refuses to write (src/edit)
edit-no-front-matter = the file has no front matter
edit-invalid-yaml = the front matter is not valid YAML
edit-flow-style = `{ $field }` is written in flow style ([…]); write it as a block list (one `- ` item per line) so clerk can add to it
edit-unsafe = the edit would change more than it should (clerk refused to write it)

## Files clerk could not read or write (the reason follows)
io-create = cannot create `{ $path }`
io-write = cannot write `{ $path }`
io-read = cannot read `{ $path }`
io-resolve = cannot resolve `{ $path }`
io-copy = cannot copy `{ $path }`
io-replace = cannot replace `{ $path }`
init-no-git = cannot make `{ $path }` a git repository
init-no-holidays = clerk ships no holiday calendar `{ $name }`; it ships: { $shipped }
diff-encrypted = { $path } is encrypted; `clerk diff` reads plain records only (decrypt a copy)
diff-no-git = { $path } is not in a git repository: the approved version is looked up in its history
