//! A council meeting's resolutions, each with the result of its vote: whether the meeting had a
//! quorum and the votes the majority `clerk.yaml`'s `council` asks for — as the check counts.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::config::Council;
use crate::model::record::Record;
use crate::site::Site;

/// What a council meeting's resolutions are judged by.
pub(super) struct Outcomes<'a> {
    council: &'a Council,
    /// Council members present, and council members on the meeting's date.
    present: usize,
    members: usize,
    ui: &'a BTreeMap<String, String>,
}

impl<'a> Outcomes<'a> {
    /// For the list `key` of `meeting` when it is a council meeting's resolutions, else None.
    pub(super) fn of(
        site: &'a Site,
        meeting: &Record,
        key: &str,
        ui: &'a BTreeMap<String, String>,
    ) -> Option<Outcomes<'a>> {
        let council = site.repo.config.council.as_ref()?;
        let is_council = meeting.type_name.as_deref() == Some(council.meeting_type.as_str())
            && meeting.str_field(&council.kind_field) == Some(council.kind.as_str())
            && key == council.resolutions;
        if !is_council {
            return None;
        }
        let date = meeting
            .str_field(&council.date)
            .and_then(crate::date::parse)?;
        let (present, members) = council.attendance(site.repo, meeting, date);
        Some(Outcomes {
            council,
            present,
            members,
            ui,
        })
    }

    /// The result of `resolution`'s vote, in words: passed, not passed, no quorum, no votes.
    pub(super) fn of_item(&self, resolution: &Value) -> String {
        let word = |k: &str| self.ui.get(k).cloned().unwrap_or_else(|| k.to_string());
        let attendance = format!(
            "{} {}/{}",
            word("council_present"),
            self.present,
            self.members
        );
        if !self
            .council
            .quorum
            .met(self.present as u64, self.members as u64)
        {
            return format!("{}（{attendance}）", word("inquorate"));
        }
        let names = &self.council.resolution;
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
            return word("no_votes");
        };
        let cast = yes
            + no
            + if self.council.count_abstentions {
                abstain
            } else {
                0
            };
        let passed = self.council.majority.met(yes, cast);
        let result = word(if passed { "passed" } else { "not_passed" });
        format!("{result}（{attendance}）")
    }
}
