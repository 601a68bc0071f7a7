//! People and the roles they hold (職務), with scope and dates: the basis of approval authority.

use chrono::NaiveDate;
use serde_json::Value;

use super::config::RoleFields;
use super::record::Record;
use super::repo::Repository;
use crate::date;

/// A role a person holds: what, over which departments, from when, until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHeld {
    pub role: String,
    pub scope: Vec<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl RoleHeld {
    /// Held on `date` (both ends included), covering every department in `scope`.
    pub fn covers(&self, role: &str, scope: &[String], date: NaiveDate) -> bool {
        self.role == role
            && self.from.is_none_or(|f| f <= date)
            && self.until.is_none_or(|u| date <= u)
            && scope.iter().all(|s| self.scope.contains(s))
    }

    /// `role` with its scope, as shown in messages: `deputy-secretary-general for events`.
    pub fn describe(role: &str, scope: &[String]) -> String {
        if scope.is_empty() {
            role.to_string()
        } else {
            format!("{role} for {}", scope.join(", "))
        }
    }
}

/// The roles a person record lists, under the names `names` gives (entries it cannot read are
/// skipped; the schema reports them).
pub fn roles_of(person: &Record, names: &RoleFields) -> Vec<RoleHeld> {
    let Some(Value::Array(items)) = person.fields.get(&names.field) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|r| {
            let date = |k: &str| r.get(k).and_then(Value::as_str).and_then(date::parse);
            Some(RoleHeld {
                role: r.get(&names.role)?.as_str()?.to_string(),
                scope: match r.get(&names.scope) {
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect(),
                    Some(Value::String(s)) => vec![s.clone()],
                    _ => Vec::new(),
                },
                from: date(&names.from),
                until: date(&names.until),
            })
        })
        .collect()
}

impl Repository {
    /// Person records, in path order.
    pub fn people(&self) -> impl Iterator<Item = &Record> {
        let people_type = self.config.people_type.as_str();
        self.records
            .iter()
            .filter(move |r| r.type_name.as_deref() == Some(people_type))
    }

    /// The person record with this id.
    pub fn person(&self, id: &str) -> Option<&Record> {
        let people_type = self.config.people_type.as_str();
        self.records_with_id(id)
            .find(|r| r.type_name.as_deref() == Some(people_type))
    }

    /// Whether person `id` held `role` covering `scope` on `date`.
    pub fn held(&self, id: &str, role: &str, scope: &[String], date: NaiveDate) -> bool {
        self.person(id)
            .is_some_and(|p| self.roles_of(p).iter().any(|r| r.covers(role, scope, date)))
    }

    /// Everyone who held `role` covering `scope` on `date`, as `(id, display name)`.
    pub fn holders(&self, role: &str, scope: &[String], date: NaiveDate) -> Vec<(&str, String)> {
        self.people()
            .filter(|p| self.roles_of(p).iter().any(|r| r.covers(role, scope, date)))
            .map(|p| {
                (
                    p.id.as_str(),
                    self.person_name(p).unwrap_or(&p.id).to_string(),
                )
            })
            .collect()
    }

    /// The roles person record `person` lists.
    pub fn roles_of(&self, person: &Record) -> Vec<RoleHeld> {
        roles_of(person, &self.config.people_fields.roles)
    }

    /// A person's name (their record's name field), else their record's title.
    pub fn person_name<'a>(&self, person: &'a Record) -> Option<&'a str> {
        person
            .str_field(&self.config.people_fields.name)
            .or_else(|| person.title())
    }

    /// People records as one JSON object by id, for expressions (`people[record.person]`).
    pub fn people_json(&self) -> Value {
        Value::Object(
            self.people()
                .map(|p| (p.id.clone(), p.fields.clone()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_role_scope_and_dates() {
        let r = RoleHeld {
            role: "department-head".into(),
            scope: vec!["events".into()],
            from: date::parse("2026-01-01"),
            until: date::parse("2026-03-31"),
        };
        let d = |s| date::parse(s).unwrap();
        assert!(r.covers("department-head", &["events".into()], d("2026-03-31")));
        assert!(!r.covers("department-head", &["events".into()], d("2026-04-01")));
        assert!(!r.covers("department-head", &["general".into()], d("2026-02-01")));
        assert!(!r.covers("staff", &[], d("2026-02-01")));
        assert!(r.covers("department-head", &[], d("2026-01-01")));
    }
}
