//! How many people may hold a role at once (clerk.yaml `role_limits`): rules §2.1 秘書處設秘書長一名.
//! A role with a scope (a department head) is counted per department.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::diag::{codes, Diagnostic};
use crate::i18n::t;
use crate::model::config::{RoleLimit, FILE};
use crate::model::labels;
use crate::model::people::RoleHeld;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::parse::yaml::escape_pointer as esc;

/// One person's holding of the limited role: the person, the entry's index in `roles`, the entry.
struct Holding<'a> {
    person: &'a Record,
    index: usize,
    held: RoleHeld,
}

impl Holding<'_> {
    fn on(&self, day: NaiveDate) -> bool {
        self.held.from.is_none_or(|f| f <= day) && self.held.until.is_none_or(|u| day <= u)
    }

    /// Counts against a holding over `department` (`None`: over every department).
    fn shares(&self, department: Option<&str>) -> bool {
        match department {
            None => true,
            Some(d) => self.held.scope.is_empty() || self.held.scope.iter().any(|s| s == d),
        }
    }
}

/// The findings of every limit of clerk.yaml `role_limits`.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    let config_text = repo.source(FILE).unwrap_or("");
    let mut diags = Vec::new();
    for (i, limit) in repo.config.role_limits.iter().enumerate() {
        if !known_role(repo, &limit.role) {
            let pos = crate::model::locate(config_text, &format!("/role_limits/{i}/role"), false);
            diags.push(
                Diagnostic::new(
                    codes::ROLE_LIMIT_UNKNOWN_ROLE,
                    FILE,
                    pos,
                    t("role-limit-unknown-role", &[("role", &limit.role)]),
                )
                .hint(t("role-limit-unknown-role-hint", &[])),
            );
            continue;
        }
        diags.extend(over_limit(repo, limit));
    }
    diags
}

/// Whether someone holds `role`, or the people type lists it among its roles.
fn known_role(repo: &Repository, role: &str) -> bool {
    labels::role(repo, role, "en").is_some()
        || repo
            .people()
            .any(|p| repo.roles_of(p).iter().any(|r| r.role == role))
}

/// A finding at each holding that, on some day, makes more holders than `limit` allows.
fn over_limit(repo: &Repository, limit: &RoleLimit) -> Vec<Diagnostic> {
    let holdings: Vec<Holding> = repo
        .people()
        .flat_map(|p| {
            repo.roles_of(p)
                .into_iter()
                .enumerate()
                .filter(|(_, r)| r.role == limit.role)
                .map(move |(index, held)| Holding {
                    person: p,
                    index,
                    held,
                })
        })
        .collect();
    // The first day each holding is one too many, with everyone holding the role that day.
    let mut found: BTreeMap<usize, (NaiveDate, Option<String>, Vec<usize>)> = BTreeMap::new();
    for h in &holdings {
        // The count only rises on a day a holding starts.
        let day = h.held.from.unwrap_or(NaiveDate::MIN);
        let departments: Vec<Option<&str>> = if h.held.scope.is_empty() {
            vec![None]
        } else {
            h.held.scope.iter().map(|s| Some(s.as_str())).collect()
        };
        for department in departments {
            let at: Vec<usize> = (0..holdings.len())
                .filter(|&j| holdings[j].on(day) && holdings[j].shares(department))
                .collect();
            if at.len() <= limit.at_most {
                continue;
            }
            for &j in &at {
                let earlier = found.get(&j).is_some_and(|(d, _, _)| *d <= day);
                if !earlier {
                    found.insert(j, (day, department.map(str::to_string), at.clone()));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(j, (day, department, at))| finding(repo, limit, &holdings, j, day, department, &at))
        .collect()
}

fn finding(
    repo: &Repository,
    limit: &RoleLimit,
    holdings: &[Holding],
    j: usize,
    day: NaiveDate,
    department: Option<String>,
    at: &[usize],
) -> Diagnostic {
    let locale = crate::i18n::lang().tag();
    let h = &holdings[j];
    let roles = &repo.config.people_fields.roles;
    let mut role = labels::role(repo, &limit.role, locale)
        .unwrap_or(&limit.role)
        .to_string();
    if let Some(d) = &department {
        role = format!(
            "{role} ({})",
            labels::config_item(repo, "departments", d).unwrap_or(d)
        );
    }
    let names: Vec<String> = at
        .iter()
        .map(|&k| {
            let p = holdings[k].person;
            format!("{} ({})", repo.person_name(p).unwrap_or(&p.id), p.id)
        })
        .collect();
    let pos = h.person.pos(
        repo.text_of(h.person),
        &format!("/{}/{}/{}", esc(&roles.field), h.index, esc(&roles.role)),
        false,
    );
    let day = if day == NaiveDate::MIN {
        t("role-limit-always", &[])
    } else {
        day.to_string()
    };
    Diagnostic::new(
        codes::ROLE_LIMIT_EXCEEDED,
        &h.person.path,
        pos,
        t(
            "role-limit-exceeded",
            &[
                ("role", &role),
                ("count", &at.len()),
                ("date", &day),
                ("names", &names.join(", ")),
                ("limit", &limit.at_most),
            ],
        ),
    )
    .hint(t("role-limit-exceeded-hint", &[]))
}
