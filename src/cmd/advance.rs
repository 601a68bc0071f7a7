//! `clerk advance`: a workflow step that needs no signature (held, summary sent, returned 銷假,
//! paid): sets the fields, moves the status, and refuses with what is missing. Also what every
//! step command says comes next, and from whom.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::NaiveDate;
use serde_json::Value;

use super::args::OnDate;
use super::record;
use crate::check::next::{self, Next};
use crate::i18n::tv;
use crate::model::expr::Evaluator;
use crate::model::labels::{run_field_title, run_state_label, run_type_label};
use crate::model::repo::Repository;
use crate::model::types::TypeDef;
use crate::parse::yaml;

/// What to do: the record, the state to move it to, the fields to set.
pub struct Request<'a> {
    pub file: &'a Path,
    pub to: Option<&'a str>,
    pub fields: &'a [String],
    pub date: NaiveDate,
    /// Why the record is sent back, and who sends it (kept in its type's `returns:` list).
    pub comment: Option<(&'a str, &'a str)>,
}

/// `clerk advance FILE [--to STATE] [field=value…]`.
pub fn advance(req: &Request) -> anyhow::Result<()> {
    let (repo, index) = record::open(req.file)?;
    let rec = &repo.records[index];
    let def = record::type_of(&repo, index)?;
    if let Some((_, by)) = req.comment {
        if repo.person(by).is_none() {
            bail!(tv("not-a-person", &[("by", by.to_string())]));
        }
    }
    let target = target(&repo, def, index, req.to)?;
    let mut fields = given_fields(def, req.fields)?;
    // The dates the state needs and the command line leaves out are the day of the step.
    for req_fields in def.requirements_in(&target).map(|r| &r.fields) {
        for f in req_fields {
            let given = fields.iter().any(|(k, _)| k == f);
            if !given && !next::present(rec, f) && is_date(def, f) {
                fields.push((f.clone(), req.date.to_string()));
            }
        }
    }
    let back = next::state(def, rec)
        .and_then(|now| Some(def.workflow.as_ref()?.returns_to(now)))
        .is_some_and(|backs| backs.contains(&target));
    let day = req.date.to_string();
    let returned = returned(def, rec, back, req.comment, &day)?;
    fields.push(("status".into(), target));
    let today = super::args::today().max(req.date);
    let entry = returned
        .as_ref()
        .map(|(list, items)| (list.as_str(), items.as_slice()));
    super::checked::write_fields_and_entry(&repo, index, &fields, entry, today)?;
    if let Some((comment, by)) = req.comment.filter(|_| returned.is_some()) {
        let say = crate::model::labels::Say::new(&repo, Some(def));
        let words = [("comment", comment.to_string()), ("name", say.person(by))];
        println!("{}", tv("advance-returned", &words));
    }
    print_next(req.file, today)
}

/// A return's entry: the list it goes in, and its fields.
type Return<'a> = (String, Vec<(&'a str, &'a str)>);

/// The entry a return adds to the type's `returns:` list (its list and fields), when the move
/// is `back` to an earlier state; refused when the comment cannot be kept or is missing.
fn returned<'a>(
    def: &'a TypeDef,
    rec: &crate::model::record::Record,
    back: bool,
    comment: Option<(&'a str, &'a str)>,
    day: &'a str,
) -> anyhow::Result<Option<Return<'a>>> {
    let words = || {
        vec![
            ("path", rec.path.clone()),
            ("type", def.name.clone()),
            ("type_label", run_type_label(def)),
            ("file", def.path.clone()),
        ]
    };
    match (&def.returns, back, comment) {
        (_, false, Some(_)) => bail!(tv("advance-comment-not-back", &words())),
        (None, _, Some(_)) => bail!(tv("advance-comment-no-list", &words())),
        (Some(_), true, None) => bail!(tv("advance-return-needs-comment", &words())),
        (Some(r), true, Some((comment, by))) => {
            let comment = comment.trim();
            if comment.is_empty() {
                bail!(tv("advance-return-needs-comment", &words()));
            }
            let items = vec![
                (r.person.as_str(), by),
                (r.date.as_str(), day),
                (r.comment.as_str(), comment),
            ];
            Ok(Some((r.field.clone(), items)))
        }
        _ => Ok(None),
    }
}

/// The state to move to: `--to`, or the only one the workflow allows from the current state.
fn target(
    repo: &Repository,
    def: &TypeDef,
    index: usize,
    to: Option<&str>,
) -> anyhow::Result<String> {
    let rec = &repo.records[index];
    let Some(wf) = &def.workflow else {
        bail!(tv(
            "no-workflow",
            &[
                ("type", def.name.clone()),
                ("type_label", run_type_label(def)),
                ("file", def.path.clone())
            ]
        ));
    };
    let current = next::state(def, rec).unwrap_or_default();
    let allowed: Vec<&String> = wf.transitions.get(current).into_iter().flatten().collect();
    let list = |states: &[&String]| {
        states
            .iter()
            .map(|s| {
                tv(
                    "state-named",
                    &[
                        ("state", s.to_string()),
                        ("state_label", run_state_label(def, s)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(&tv("list-and", &[]))
    };
    let words = |to: &str, more: String| {
        vec![
            ("path", rec.path.clone()),
            ("state", current.to_string()),
            ("state_label", run_state_label(def, current)),
            ("to", to.to_string()),
            ("type", def.name.clone()),
            ("type_label", run_type_label(def)),
            ("list", more),
        ]
    };
    match to {
        Some(to) if allowed.iter().any(|s| *s == to) => Ok(to.to_string()),
        Some(to) if !wf.states.iter().any(|s| s == to) => {
            let states: Vec<&String> = wf.states.iter().collect();
            bail!(tv("advance-not-a-state", &words(to, list(&states))))
        }
        Some(to) if allowed.is_empty() => bail!(tv("advance-final", &words(to, String::new()))),
        Some(to) => bail!(tv("advance-only", &words(to, list(&allowed)))),
        None => match allowed.as_slice() {
            [one] => Ok(one.to_string()),
            [] => bail!(tv("advance-final", &words("", String::new()))),
            several => bail!(tv("advance-which", &words("", list(several)))),
        },
    }
}

/// `field=value` pairs: fields of the type, written as text or dates.
fn given_fields(def: &TypeDef, pairs: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for pair in pairs {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| anyhow!(crate::i18n::t("new-not-pair", &[("pair", &pair)])))?;
        let key = key.trim();
        if !def.properties.contains(key) {
            let words = [
                ("type", def.name.clone()),
                ("type_label", crate::model::labels::run_type_label(def)),
                ("field", key.to_string()),
            ];
            bail!(crate::i18n::tv("new-no-field", &words));
        }
        if matches!(key, "type" | "status" | "approvals") {
            bail!(crate::i18n::t("advance-set-by-clerk", &[("field", &key)]));
        }
        match yaml::parse_value(value) {
            Ok(Value::String(_) | Value::Null) => {}
            _ => bail!(crate::i18n::t(
                "advance-text-only",
                &[("field", &key), ("value", &value)]
            )),
        }
        out.push((key.to_string(), value.to_string()));
    }
    Ok(out)
}

fn is_date(def: &TypeDef, field: &str) -> bool {
    def.schema
        .pointer(&format!("/properties/{field}/format"))
        .and_then(Value::as_str)
        == Some("date")
}

/// Prints what the record at `file` needs next, from whom, and the command for each step.
pub fn print_next(file: &Path, today: NaiveDate) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    let Some(def) = repo.type_of(rec) else {
        return Ok(());
    };
    let ev = Evaluator::for_repository(&repo, today);
    let current = next::state(def, rec).unwrap_or_default();
    let nexts = next::next_states(&repo, &ev, rec);
    let state = |s: &str| {
        vec![
            ("state", s.to_string()),
            ("state_label", run_state_label(def, s)),
        ]
    };
    let mut words = state(current);
    words.push(("path", rec.path.clone()));
    if nexts.is_empty() {
        println!("{}", tv("now-final", &words));
        return Ok(());
    }
    println!("{}", tv("now-next", &words));
    for n in &nexts {
        let mut words = state(&n.state);
        words.push(("takes", what_it_takes(&repo, def, &rec.path, n)));
        println!("{}", tv("next-state", &words));
    }
    Ok(())
}

/// What moving to `n.state` takes, as the commands that do it.
fn what_it_takes(repo: &Repository, def: &TypeDef, path: &str, n: &Next) -> String {
    let mut parts: Vec<String> = n
        .approvals
        .iter()
        .map(|a| {
            let label = crate::model::labels::run_step_label(def, &a.step);
            let mut words = vec![
                ("path", path.to_string()),
                ("step", a.step.clone()),
                ("step_label", label.clone()),
            ];
            let stale = match &a.stale_by {
                Some(by) => {
                    let say = crate::model::labels::Say::new(repo, Some(def));
                    let words = [
                        words.clone(),
                        vec![("by", by.clone()), ("by_name", say.person(by))],
                    ]
                    .concat();
                    tv("next-again", &words)
                }
                None => String::new(),
            };
            words.extend([
                ("stale", stale),
                ("hint", next::sign_hint(path, (&a.step, &label), &a.givers)),
            ]);
            tv("next-approval", &words)
        })
        .collect();
    if n.approvals.is_empty() || !n.fields.is_empty() {
        parts.push(command_for(repo, def, path, n));
    }
    parts.join(&tv("next-then", &[]))
}

/// The command that moves a record whose approvals are complete to `n.state`: `issue` or
/// `archive` when the state needs the number they give, `advance` otherwise.
fn command_for(repo: &Repository, def: &TypeDef, path: &str, n: &Next) -> String {
    let numbered = def
        .unique
        .iter()
        .any(|u| u.sequence.is_some() && n.fields.contains(&u.field));
    let archived = repo
        .config
        .archive
        .as_ref()
        .is_some_and(|a| n.fields.contains(&a.field));
    if numbered {
        return format!("`clerk issue {path}`");
    }
    if archived {
        return format!("`clerk archive {path}`");
    }
    let asked: Vec<String> = n
        .fields
        .iter()
        .filter(|f| !is_date(def, f))
        .map(|f| format!(" {f}=…"))
        .collect();
    let dates: Vec<&str> = n
        .fields
        .iter()
        .filter(|f| is_date(def, f))
        .map(String::as_str)
        .collect();
    let mut cmd = format!("`clerk advance {path} --to {}{}`", n.state, asked.concat());
    if !dates.is_empty() {
        let titles: Vec<String> = dates.iter().map(|f| run_field_title(def, f)).collect();
        let words = [
            ("fields", dates.join(", ")),
            ("titles", titles.join(&tv("list-and", &[]))),
        ];
        cmd.push_str(&tv("sets-dates", &words));
    }
    cmd
}

/// `clerk advance`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    pub file: PathBuf,
    /// The state to move to [default: the only one the workflow allows next].
    #[arg(long, value_name = "STATE")]
    pub to: Option<String>,
    /// field=value pairs to set (text or dates); dates the state needs default to --date.
    pub fields: Vec<String>,
    /// Why you send the record back (退回), kept with your name and the date in the list its
    /// type's `returns:` names; needed when the type keeps one.
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,
    /// Who sends it back [default: $CLERK_PERSON].
    #[arg(long = "as", value_name = "PERSON")]
    pub who: Option<String>,
    #[command(flatten)]
    pub date: OnDate,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let who = match &self.comment {
            Some(_) => Some(
                record::person(self.who.clone())
                    .map_err(|_| anyhow!(tv("advance-return-who", &[])))?,
            ),
            None => None,
        };
        let comment = self.comment.as_deref().zip(who.as_deref());
        advance(&Request {
            file: &self.file,
            to: self.to.as_deref(),
            fields: &self.fields,
            date: self.date.day(),
            comment,
        })
        .map(|()| 0)
    }
}
