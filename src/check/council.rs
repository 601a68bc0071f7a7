//! Council resolutions (理事會決議) a record must cite: from a council meeting that was held in
//! time, with a quorum, and passed by the association's majority.

use chrono::NaiveDate;
use serde_json::Value;

use super::workflow::{Ctx, Entry};
use crate::date;
use crate::diag::{codes, Diagnostic};
use crate::i18n::tv;
use crate::model::config::Council;
use crate::model::record::Record;
use crate::model::types::CouncilRule;

/// A council resolution as the record cites it.
struct Citation<'a> {
    /// The citation as written: `MEETING-ID#RESOLUTION-ID`.
    cited: &'a str,
    meeting_id: &'a str,
    meeting: &'a Record,
    /// The pointer of the field that cites it.
    pointer: String,
}

/// A required council resolution: cited, from a council meeting that was held in time, passed.
pub(super) fn council(
    ctx: &Ctx,
    rule: &CouncilRule,
    entries: &[Entry],
    state: &str,
) -> Vec<Diagnostic> {
    let (repo, def, record) = (ctx.repo, ctx.def, ctx.record);
    if rule
        .when
        .as_ref()
        .is_some_and(|w| ctx.scope.truth(w) != Some(true))
    {
        return Vec::new();
    }
    let pointer = format!("/{}", crate::parse::yaml::escape_pointer(&rule.field));
    let Some(cited) = record.str_field(&rule.field) else {
        return vec![ctx
            .at(
                codes::COUNCIL_MISSING,
                "/status",
                tv("council-missing", &council_words(ctx, state, &rule.field)),
            )
            .hint(tv(
                "council-missing-hint",
                &council_words(ctx, state, &rule.field),
            ))];
    };
    let Some(council) = &repo.config.council else {
        return vec![Diagnostic::new(
            codes::SETTING_MISSING,
            &def.path,
            crate::diag::Pos::line(1),
            tv("council-unset", &[]),
        )
        .hint(tv("council-unset-hint", &[]))];
    };
    let Some((meeting_id, resolution_id)) = cited.split_once('#') else {
        return Vec::new(); // reported by the reference check
    };
    let Some(meeting) = repo
        .records_with_id(meeting_id)
        .find(|r| r.type_name.as_deref() == Some(council.meeting_type.as_str()))
    else {
        return Vec::new(); // reported by the reference check
    };
    let cite = Citation {
        cited,
        meeting_id,
        meeting,
        pointer,
    };
    if let Some(d) = not_held(ctx, council, &cite) {
        return vec![d];
    }
    let Some(meeting_date) = meeting.str_field(&council.date).and_then(date::parse) else {
        return Vec::new();
    };
    let mut diags: Vec<Diagnostic> = too_late(ctx, rule, entries, &cite, meeting_date)
        .into_iter()
        .collect();
    let Some(resolution) = resolution(council, meeting, resolution_id) else {
        return diags; // reported by the reference check
    };
    diags.extend(inquorate(ctx, council, rule, &cite, meeting_date));
    diags.extend(not_passed(ctx, council, rule, &cite, resolution));
    diags
}

/// Whether the cited meeting does not count: not a council meeting, or not in a held state.
fn not_held(ctx: &Ctx, council: &Council, cite: &Citation) -> Option<Diagnostic> {
    let (meeting, meeting_id) = (cite.meeting, cite.meeting_id);
    if meeting.str_field(&council.kind_field) != Some(council.kind.as_str()) {
        return Some(
            ctx.at(
                codes::NOT_A_COUNCIL_MEETING,
                &cite.pointer,
                tv(
                    "not-council-meeting",
                    &[
                        ("meeting", meeting_id.to_string()),
                        (
                            "meeting_title",
                            meeting.title().unwrap_or(meeting_id).to_string(),
                        ),
                        ("field", council.kind_field.clone()),
                        ("kind", council.kind.clone()),
                    ],
                ),
            )
            .hint(tv("not-council-meeting-hint", &[])),
        );
    }
    let meeting_state = meeting.str_field("status").unwrap_or("");
    if !council.held_states.is_empty() && !council.held_states.iter().any(|s| s == meeting_state) {
        return Some(
            ctx.at(
                codes::NOT_A_COUNCIL_MEETING,
                &cite.pointer,
                tv(
                    "meeting-not-held",
                    &meeting_words(ctx, cite, meeting_state, council),
                ),
            )
            .hint(tv(
                "meeting-not-held-hint",
                &meeting_words(ctx, cite, meeting_state, council),
            )),
        );
    }
    None
}

/// Whether the meeting came after the approval (or the date) the resolution must precede.
fn too_late(
    ctx: &Ctx,
    rule: &CouncilRule,
    entries: &[Entry],
    cite: &Citation,
    meeting_date: NaiveDate,
) -> Option<Diagnostic> {
    let (deadline, what) = deadline(ctx, rule, entries)?;
    if meeting_date <= deadline {
        return None;
    }
    let meeting_id = cite.meeting_id;
    Some(
        ctx.at(
            codes::COUNCIL_TOO_LATE,
            &cite.pointer,
            tv(
                "council-too-late",
                &[
                    ("meeting", meeting_id.to_string()),
                    (
                        "meeting_title",
                        cite.meeting.title().unwrap_or(meeting_id).to_string(),
                    ),
                    ("date", meeting_date.to_string()),
                    ("what", what),
                    ("deadline", deadline.to_string()),
                ],
            ),
        )
        .hint(tv("council-too-late-hint", &[])),
    )
}

/// The date the resolution must come before (the earliest approval of the `before` step, or
/// the `before` date field), with how to name it in a message.
fn deadline(ctx: &Ctx, rule: &CouncilRule, entries: &[Entry]) -> Option<(NaiveDate, String)> {
    let before = rule.before.as_ref()?;
    if ctx.def.steps.contains_key(before) {
        let date = entries
            .iter()
            .filter(|e| e.step == before)
            .filter_map(|e| e.date)
            .min()?;
        let words = [
            ("step", before.clone()),
            ("step_label", ctx.say().step(before)),
        ];
        Some((date, tv("deadline-approval", &words)))
    } else {
        let date = ctx.record.str_field(before).and_then(date::parse)?;
        let words = [
            ("field", before.clone()),
            ("field_title", ctx.say().field(before)),
        ];
        Some((date, tv("deadline-field", &words)))
    }
}

/// The resolution with id `id` among the meeting's resolutions.
fn resolution<'m>(council: &Council, meeting: &'m Record, id: &str) -> Option<&'m Value> {
    meeting
        .fields
        .get(&council.resolutions)
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .find(|r| r.get(&council.resolution.id).and_then(Value::as_str) == Some(id))
        })
}

/// Whether too few of the council members on the meeting date were present for a quorum.
fn inquorate(
    ctx: &Ctx,
    council: &Council,
    rule: &CouncilRule,
    cite: &Citation,
    meeting_date: NaiveDate,
) -> Option<Diagnostic> {
    let (present, members) = council.attendance(ctx.repo, cite.meeting, meeting_date);
    let quorum = rule.quorum.unwrap_or(council.quorum);
    if quorum.met(present as u64, members as u64) {
        return None;
    }
    let cited = cite.cited;
    Some(
        ctx.at(
            codes::RESOLUTION_NOT_PASSED,
            &cite.pointer,
            tv(
                "inquorate",
                &[
                    ("cited", cited.to_string()),
                    ("present", present.to_string()),
                    ("members", members.to_string()),
                    ("quorum", quorum.describe()),
                ],
            ),
        )
        .hint(tv("inquorate-hint", &[])),
    )
}

/// Whether the resolution's recorded votes miss the majority, or it records none.
fn not_passed(
    ctx: &Ctx,
    council: &Council,
    rule: &CouncilRule,
    cite: &Citation,
    resolution: &Value,
) -> Option<Diagnostic> {
    let cited = cite.cited;
    let names = &council.resolution;
    let votes = |k: &str| {
        resolution
            .get(&names.votes)
            .and_then(|v| v.get(k))
            .and_then(Value::as_u64)
    };
    let (Some(yes), Some(no), Some(abstain)) = (
        votes(&names.votes_for),
        votes(&names.against),
        votes(&names.abstain),
    ) else {
        return Some(
            ctx.at(
                codes::RESOLUTION_NOT_PASSED,
                &cite.pointer,
                tv("no-votes", &[("cited", cited.to_string())]),
            )
            .hint(tv(
                "no-votes-hint",
                &[
                    (
                        "votes",
                        format!(
                            "{}: {{{}: N, {}: N, {}: N}}",
                            names.votes, names.votes_for, names.against, names.abstain
                        ),
                    ),
                    ("path", cite.meeting.path.clone()),
                ],
            )),
        );
    };
    let cast = yes
        + no
        + if council.count_abstentions {
            abstain
        } else {
            0
        };
    let majority = rule.majority.unwrap_or(council.majority);
    if majority.met(yes, cast) {
        return None;
    }
    Some(
        ctx.at(
            codes::RESOLUTION_NOT_PASSED,
            &cite.pointer,
            tv(
                "not-passed",
                &[
                    ("cited", cited.to_string()),
                    ("yes", yes.to_string()),
                    ("cast", cast.to_string()),
                    ("majority", majority.describe()),
                ],
            ),
        )
        .hint(tv("not-passed-hint", &[])),
    )
}

/// The words of a message about the council resolution `field` a record in `state` needs.
fn council_words(ctx: &Ctx, state: &str, field: &str) -> Vec<(&'static str, String)> {
    let say = ctx.say();
    vec![
        ("type", ctx.def.name.clone()),
        ("type_label", say.kind()),
        ("state", state.to_string()),
        ("state_label", say.state(state)),
        ("field", field.to_string()),
        ("field_title", say.field(field)),
    ]
}

/// The words of a message about a cited meeting in `meeting_state` that is not held.
fn meeting_words(
    ctx: &Ctx,
    cite: &Citation,
    meeting_state: &str,
    council: &Council,
) -> Vec<(&'static str, String)> {
    let meeting_def = ctx.repo.type_of(cite.meeting);
    let say = crate::model::labels::Say::new(ctx.repo, meeting_def);
    let held: Vec<String> = council.held_states.iter().map(|s| say.state(s)).collect();
    vec![
        ("meeting", cite.meeting_id.to_string()),
        (
            "meeting_title",
            cite.meeting.title().unwrap_or(cite.meeting_id).to_string(),
        ),
        ("state", meeting_state.to_string()),
        ("state_label", say.state(meeting_state)),
        ("held", council.held_states.join(", ")),
        ("held_labels", held.join(&tv("list-or", &[]))),
    ]
}
