//! Council resolutions (理事會決議) a record must cite: from a council meeting that was held in
//! time, with a quorum, and passed by the association's majority.

use chrono::NaiveDate;
use serde_json::Value;

use super::workflow::{Ctx, Entry};
use crate::date;
use crate::diag::{codes, Diagnostic};
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
                format!(
                    "this {} is `{state}`, so it needs a council resolution in `{}`",
                    def.name, rule.field
                ),
            )
            .hint(format!(
                "cite the resolution as `{}: MEETING-ID#RESOLUTION-ID`",
                rule.field
            ))];
    };
    let Some(council) = &repo.config.council else {
        return vec![Diagnostic::new(
            codes::SETTING_MISSING,
            &def.path,
            crate::diag::Pos::line(1),
            "council resolutions are required, but clerk.yaml has no `council:` settings",
        )
        .hint("add `council:` with `quorum:` and `majority:` to clerk.yaml")];
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
                format!(
                    "`{meeting_id}` is not a council meeting ({} is not `{}`)",
                    council.kind_field, council.kind
                ),
            )
            .hint("cite a resolution of a council meeting (理事會)"),
        );
    }
    let meeting_state = meeting.str_field("status").unwrap_or("");
    if !council.held_states.is_empty() && !council.held_states.iter().any(|s| s == meeting_state) {
        return Some(
            ctx.at(
                codes::NOT_A_COUNCIL_MEETING,
                &cite.pointer,
                format!("council meeting `{meeting_id}` is `{meeting_state}`, not held"),
            )
            .hint(format!(
                "a resolution counts once its meeting is {}",
                council.held_states.join(", ")
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
        ctx.at(codes::COUNCIL_TOO_LATE, &cite.pointer, format!("council meeting `{meeting_id}` was on {meeting_date}, after {what} ({deadline})"))
            .hint("the council must decide first; cite an earlier resolution, or approve again after the meeting"),
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
        Some((date, format!("the `{before}` approval")))
    } else {
        let date = ctx.record.str_field(before).and_then(date::parse)?;
        Some((date, format!("`{before}`")))
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
        ctx.at(codes::RESOLUTION_NOT_PASSED, &cite.pointer, format!("`{cited}` does not count: {present} of {} council members were present, the quorum is {}", members, quorum.describe()))
            .hint("a resolution of an inquorate meeting must be adopted again at a meeting with a quorum"),
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
                format!("`{cited}` records no votes, so it cannot be shown to have passed"),
            )
            .hint(format!(
                "record `{}: {{{}: N, {}: N, {}: N}}` on the resolution in {}",
                names.votes, names.votes_for, names.against, names.abstain, cite.meeting.path
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
            format!(
                "`{cited}` did not pass: {yes} for of {cast} votes cast, the majority is {}",
                majority.describe()
            ),
        )
        .hint("cite a resolution that passed"),
    )
}
