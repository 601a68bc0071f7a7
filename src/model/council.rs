//! The council rules of `clerk.yaml` (理事會): which meetings count, quorum and majority, and the
//! names of the meeting fields clerk reads (date, attendees, resolutions and their votes).

use serde::Deserialize;

use super::share::Share;

/// Council rules from the charter: which meetings are council meetings, quorum and majority.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// The record type of meetings.
    #[serde(default = "default_meeting_type")]
    pub meeting_type: String,
    /// The meeting field that tells a council meeting, and its value.
    #[serde(default = "default_kind_field")]
    pub kind_field: String,
    #[serde(default = "default_kind")]
    pub kind: String,
    /// The role council members hold (counted on the meeting date for the quorum).
    #[serde(default = "default_member_role")]
    pub member_role: String,
    /// The meeting field listing who was present.
    #[serde(default = "default_present")]
    pub present: String,
    /// The meeting field giving the day it was held.
    #[serde(default = "default_meeting_date")]
    pub date: String,
    /// The meeting field listing resolutions, each with an id and its votes.
    #[serde(default = "default_resolutions")]
    pub resolutions: String,
    /// The names, in each resolution, of its id and votes (for, against, abstaining).
    #[serde(default)]
    pub resolution: ResolutionFields,
    /// States in which a meeting counts as held (empty: any state).
    #[serde(default)]
    pub held_states: Vec<String>,
    /// Share of council members who must be present (`more_than: 1/2`, `at_least: 2/3`);
    /// a requirement may set its own.
    pub quorum: Share,
    /// Share of votes cast that must be in favour; a requirement may set its own.
    pub majority: Share,
    /// Whether abstentions count as votes cast.
    #[serde(default = "yes")]
    pub count_abstentions: bool,
}

/// What a council meeting's resolutions call their id and their votes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionFields {
    #[serde(default = "default_resolution_id")]
    pub id: String,
    /// The mapping of votes, and its three counts.
    #[serde(default = "default_votes")]
    pub votes: String,
    #[serde(default = "default_for", rename = "for")]
    pub votes_for: String,
    #[serde(default = "default_against")]
    pub against: String,
    #[serde(default = "default_abstain")]
    pub abstain: String,
}

impl Default for ResolutionFields {
    fn default() -> Self {
        ResolutionFields {
            id: default_resolution_id(),
            votes: default_votes(),
            votes_for: default_for(),
            against: default_against(),
            abstain: default_abstain(),
        }
    }
}

fn default_meeting_type() -> String {
    super::defaults::MEETING_TYPE.into()
}
fn default_kind_field() -> String {
    super::defaults::MEETING_KIND.into()
}
fn default_kind() -> String {
    "council".into()
}
fn default_member_role() -> String {
    "council-member".into()
}
fn default_present() -> String {
    super::defaults::MEETING_PRESENT.into()
}
fn default_resolutions() -> String {
    super::defaults::RESOLUTIONS.into()
}
fn default_meeting_date() -> String {
    super::defaults::MEETING_DATE.into()
}
fn default_resolution_id() -> String {
    super::defaults::RESOLUTION_ID.into()
}
fn default_votes() -> String {
    super::defaults::VOTES.into()
}
fn default_for() -> String {
    super::defaults::VOTES_FOR.into()
}
fn default_against() -> String {
    super::defaults::VOTES_AGAINST.into()
}
fn default_abstain() -> String {
    super::defaults::VOTES_ABSTAIN.into()
}
fn yes() -> bool {
    true
}

impl Council {
    /// Of the people holding the council member role on `date`, how many `meeting` lists as
    /// present, and how many there are: what quorum is judged on.
    pub fn attendance(
        &self,
        repo: &super::repo::Repository,
        meeting: &super::record::Record,
        date: chrono::NaiveDate,
    ) -> (usize, usize) {
        let members: Vec<&str> = repo
            .holders(&self.member_role, &[], date)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let present = meeting
            .fields
            .get(&self.present)
            .and_then(serde_json::Value::as_array)
            .map_or(0, |list| {
                list.iter()
                    .filter_map(serde_json::Value::as_str)
                    .filter(|p| members.contains(p))
                    .count()
            });
        (present, members.len())
    }
}
