//! `people_fields:` in clerk.yaml: what the people type calls a person's name, roles and keys.

use serde::Deserialize;

use crate::model::defaults as d;

/// The fields clerk reads from person records (default: `name`, `roles`, `keys`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleFields {
    /// A person's name, shown wherever they are named (else their record's title).
    #[serde(default = "name")]
    pub name: String,
    /// The roles a person holds (職務), which approvals are judged against.
    #[serde(default)]
    pub roles: RoleFields,
    /// The SSH keys a person signs approvals with.
    #[serde(default)]
    pub keys: KeyFields,
}

/// The list of roles and, in each entry, the role, its scope (departments) and dates.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFields {
    #[serde(default = "roles")]
    pub field: String,
    #[serde(default = "role")]
    pub role: String,
    #[serde(default = "scope")]
    pub scope: String,
    #[serde(default = "from")]
    pub from: String,
    #[serde(default = "until")]
    pub until: String,
}

/// The list of keys and, in each entry, the key and its dates.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFields {
    #[serde(default = "keys")]
    pub field: String,
    #[serde(default = "key")]
    pub key: String,
    #[serde(default = "from")]
    pub from: String,
    #[serde(default = "until")]
    pub until: String,
}

impl Default for PeopleFields {
    fn default() -> Self {
        PeopleFields {
            name: name(),
            roles: RoleFields::default(),
            keys: KeyFields::default(),
        }
    }
}

impl Default for RoleFields {
    fn default() -> Self {
        RoleFields {
            field: roles(),
            role: role(),
            scope: scope(),
            from: from(),
            until: until(),
        }
    }
}

impl Default for KeyFields {
    fn default() -> Self {
        KeyFields {
            field: keys(),
            key: key(),
            from: from(),
            until: until(),
        }
    }
}

fn name() -> String {
    d::owned(d::PERSON_NAME)
}
fn roles() -> String {
    d::owned(d::ROLES)
}
fn role() -> String {
    d::owned(d::ROLE)
}
fn scope() -> String {
    d::owned(d::ROLE_SCOPE)
}
fn from() -> String {
    d::owned(d::FROM)
}
fn until() -> String {
    d::owned(d::UNTIL)
}
fn keys() -> String {
    d::owned(d::KEYS)
}
fn key() -> String {
    d::owned(d::KEY)
}
