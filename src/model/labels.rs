//! Labels: the words people read instead of ids. Every one is data in the records repository —
//! a field's `title` and an allowed value's `title` (`oneOf: [{const: council, title: 理事會}]`)
//! in the type's JSON Schema, a workflow state's `workflow.labels`, a department's `name` in
//! `clerk.yaml`, a person's `name` — and this module only finds them.

use serde_json::Value;

use super::record::Record;
use super::refs::Target;
use super::repo::Repository;
use super::types::TypeDef;

/// Fields every record has, named by clerk's own labels (templates/labels.yaml), not the type's.
pub const COMMON: &[&str] = &[
    "type",
    "id",
    "title",
    "classification",
    "status",
    "approvals",
    "attachments",
    "tags",
];

/// The parts of a field path: `resolutions[].owner` and `resolutions.owner` are both
/// `resolutions`, `owner`.
fn parts(path: &str) -> impl Iterator<Item = &str> {
    path.split('.').map(|p| p.trim_end_matches("[]"))
}

/// The schema of the field at `path` in `schema`, walking into list items on the way.
pub fn field_schema<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = schema;
    for key in parts(path) {
        if let Some(items) = at.get("items") {
            at = items;
        }
        at = at.get("properties")?.get(key)?;
    }
    Some(at)
}

/// The title of the field at `path` of type `def`.
pub fn field_title<'a>(def: &'a TypeDef, path: &str) -> Option<&'a str> {
    field_schema(&def.schema, path)?
        .get("title")
        .and_then(Value::as_str)
}

/// The values a schema allows, each with its title: an `enum` (untitled) or a `oneOf`/`anyOf`
/// whose every branch is a `const` (titled where it has one). None for any other schema.
pub fn choices(schema: &Value) -> Option<Vec<(&Value, Option<&str>)>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Some(values.iter().map(|v| (v, None)).collect());
    }
    let branches = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)?;
    branches
        .iter()
        .map(|b| Some((b.get("const")?, b.get("title").and_then(Value::as_str))))
        .collect()
}

/// The label of workflow state `state` of type `def`, in `locale`.
pub fn state<'a>(def: &'a TypeDef, state: &str, locale: &str) -> Option<&'a str> {
    def.workflow
        .as_ref()?
        .labels
        .get(state)
        .map(|l| l.get(locale))
}

/// The label of `value` in the field at `path` of type `def`: a workflow state's for `status`,
/// else the title of that allowed value.
pub fn value<'a>(def: &'a TypeDef, path: &str, value: &str, locale: &str) -> Option<&'a str> {
    if path == "status" {
        return state(def, value, locale);
    }
    if path == "classification" {
        return classification(value, locale);
    }
    choices(field_schema(&def.schema, path)?)?
        .into_iter()
        .find(|(v, _)| v.as_str() == Some(value))
        .and_then(|(_, title)| title)
}

/// A classification's label: the levels are clerk's own, so are their names.
pub fn classification(level: &str, locale: &str) -> Option<&'static str> {
    let names = match level {
        "public" => ["公開", "公开", "Public"],
        "internal" => ["內部", "内部", "Internal"],
        "confidential" => ["機密", "机密", "Confidential"],
        _ => return None,
    };
    Some(match locale {
        "zh-Hant" => names[0],
        "zh-Hans" => names[1],
        _ => names[2],
    })
}

/// The label of a role (`department-head` → 部門負責人), from the people type's list of roles.
pub fn role<'a>(repo: &'a Repository, id: &str, locale: &str) -> Option<&'a str> {
    let people = repo.types.get(&repo.config.people_type)?;
    let roles = &repo.config.people_fields.roles;
    value(
        people,
        &format!("{}[].{}", roles.field, roles.role),
        id,
        locale,
    )
}

/// The label of a record by its id (`#` and a part after it kept): a person's name; another
/// record's title when `shows` it (its title is its content), else None.
pub fn record(repo: &Repository, id: &str, shows: &dyn Fn(&Record) -> bool) -> Option<String> {
    let (target, anchor) = match id.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (id, None),
    };
    let r = repo.record(target)?;
    let name = if r.type_name.as_deref() == Some(repo.config.people_type.as_str()) {
        repo.person_name(r)
    } else {
        r.title().filter(|_| shows(r))
    }?;
    Some(match anchor {
        Some(a) => format!("{name} {a}"),
        None => name.to_string(),
    })
}

/// The label of an item of `clerk.yaml`'s list `list` (a department, …) by its `id`: its `name`.
pub fn config_item<'a>(repo: &'a Repository, list: &str, id: &str) -> Option<&'a str> {
    repo.config_raw
        .get(list)?
        .as_array()?
        .iter()
        .find(|i| i.get("id").and_then(Value::as_str) == Some(id))?
        .get("name")?
        .as_str()
}

/// What the value `id` of the field at `path` of type `def` is called: the record (that `shows`
/// allows) or list item a reference names, a workflow state, an allowed value. None when it has
/// no label.
pub fn shown(
    repo: &Repository,
    def: &TypeDef,
    (path, id): (&str, &str),
    locale: &str,
    shows: &dyn Fn(&Record) -> bool,
) -> Option<String> {
    let wanted: Vec<&str> = parts(path).collect();
    let rule = def.refs.iter().find(|r| {
        r.path
            .iter()
            .map(|s| s.key.as_str())
            .eq(wanted.iter().copied())
    });
    match rule.map(|r| &r.target) {
        Some(Target::Config(list)) => config_item(repo, list, id).map(str::to_string),
        Some(_) => record(repo, id, shows),
        None => value(def, path, id, locale).map(str::to_string),
    }
}

/// What type `def` leaves without a label: fields without a `title` (`resolutions[].text`),
/// allowed values without one (`kind=council`), workflow states without one (`status=held`).
pub fn missing(def: &TypeDef) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(props) = def.schema.get("properties").and_then(Value::as_object) {
        for (key, schema) in props {
            if !COMMON.contains(&key.as_str()) {
                untitled(key, schema, &mut out);
            }
        }
    }
    if let Some(wf) = &def.workflow {
        for s in wf.states.iter().filter(|s| !wf.labels.contains_key(*s)) {
            out.push(format!("status={s}"));
        }
    }
    out
}

/// Adds to `out` what the field `path` with `schema`, and the fields inside it, lack.
fn untitled(path: &str, schema: &Value, out: &mut Vec<String>) {
    if schema.get("title").and_then(Value::as_str).is_none() {
        out.push(path.to_string());
    }
    let (inner, prefix) = match schema.get("items") {
        Some(items) => (items, format!("{path}[]")),
        None => (schema, path.to_string()),
    };
    for (v, _) in choices(inner)
        .into_iter()
        .flatten()
        .filter(|(_, t)| t.is_none())
    {
        out.push(format!("{path}={}", crate::text::plain(v)));
    }
    if let Some(props) = inner.get("properties").and_then(Value::as_object) {
        for (key, schema) in props {
            untitled(&format!("{prefix}.{key}"), schema, out);
        }
    }
}

/// A type's label in the run's language (and script: see [`crate::i18n::script`]).
pub fn run_type_label(def: &TypeDef) -> String {
    crate::i18n::script(def.label(crate::i18n::lang().tag()))
}

/// A workflow state's label in the run's language (its id when it has none).
pub fn run_state_label(def: &TypeDef, id: &str) -> String {
    state(def, id, crate::i18n::lang().tag()).map_or_else(|| id.to_string(), crate::i18n::script)
}

/// An approval step's label in the run's language (its id when it has none).
pub fn run_step_label(def: &TypeDef, step: &str) -> String {
    def.steps
        .get(step)
        .and_then(|s| s.label.get(crate::i18n::lang().tag()))
        .map_or_else(|| step.to_string(), |l| crate::i18n::script(l))
}

/// A field's title (its name when it has none).
pub fn run_field_title(def: &TypeDef, field: &str) -> String {
    field_title(def, field).map_or_else(|| field.to_string(), crate::i18n::script)
}

/// Names for a message in the run's language: a person's name, a role's, step's, state's and
/// type's label, a department's name — each from the records repository, its id when it has none.
pub struct Say<'a> {
    repo: &'a Repository,
    def: Option<&'a TypeDef>,
    locale: &'static str,
}

impl<'a> Say<'a> {
    /// Names for messages about records of type `def` (if known) in `repo`.
    pub fn new(repo: &'a Repository, def: Option<&'a TypeDef>) -> Self {
        Say {
            repo,
            def,
            locale: crate::i18n::lang().tag(),
        }
    }

    /// A person's name.
    pub fn person(&self, id: &str) -> String {
        self.repo
            .person(id)
            .and_then(|p| self.repo.person_name(p))
            .unwrap_or(id)
            .to_string()
    }

    /// A role's label.
    pub fn role(&self, id: &str) -> String {
        role(self.repo, id, self.locale).map_or_else(|| id.to_string(), crate::i18n::script)
    }

    /// A role as the user types it, with its label (`` `department-head`（部門負責人） ``).
    pub fn role_named(&self, id: &str) -> String {
        let words = [
            ("role", &id as &dyn std::fmt::Display),
            ("role_label", &self.role(id)),
        ];
        crate::i18n::t("role-named", &words)
    }

    /// A role with the departments it must cover (`部門負責人（綜合部）`).
    pub fn role_in(&self, role: &str, scope: &[String]) -> String {
        if scope.is_empty() {
            return self.role(role);
        }
        let people = self.repo.types.get(&self.repo.config.people_type);
        let roles = &self.repo.config.people_fields.roles;
        let path = format!("{}[].{}", roles.field, roles.scope);
        let names: Vec<String> = scope
            .iter()
            .map(|s| {
                people
                    .and_then(|p| shown(self.repo, p, (&path, s), self.locale, &|_| true))
                    .map_or_else(|| s.clone(), |name| crate::i18n::script(&name))
            })
            .collect();
        let sep = crate::i18n::t("list-and", &[]);
        crate::i18n::t(
            "role-for",
            &[("role", &self.role(role)), ("scope", &names.join(&sep))],
        )
    }

    /// Roles with their scopes, joined by "or".
    pub fn roles_in(&self, roles: &[(String, Vec<String>)]) -> String {
        let each: Vec<String> = roles.iter().map(|(r, s)| self.role_in(r, s)).collect();
        each.join(&crate::i18n::t("list-or", &[]))
    }

    /// An approval step's label.
    pub fn step(&self, id: &str) -> String {
        self.def
            .map_or_else(|| id.to_string(), |d| run_step_label(d, id))
    }

    /// A workflow state's label.
    pub fn state(&self, id: &str) -> String {
        self.def
            .map_or_else(|| id.to_string(), |d| run_state_label(d, id))
    }

    /// The type's label.
    pub fn kind(&self) -> String {
        self.def.map(run_type_label).unwrap_or_default()
    }

    /// A field's title.
    pub fn field(&self, name: &str) -> String {
        self.def
            .map_or_else(|| name.to_string(), |d| run_field_title(d, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_field_inside_list_items_is_found_either_way() {
        let schema = json!({"properties": {"resolutions": {"items": {"properties": {
            "owner": {"title": "負責人"}}}}}});
        for path in ["resolutions[].owner", "resolutions.owner"] {
            assert_eq!(
                field_schema(&schema, path).and_then(|s| s.get("title")),
                Some(&json!("負責人"))
            );
        }
        assert_eq!(field_schema(&schema, "resolutions[].nope"), None);
    }

    #[test]
    fn choices_read_enum_and_titled_consts_alike() {
        let titled = json!({"oneOf": [{"const": "council", "title": "理事會"}, {"const": "x"}]});
        let got = choices(&titled).unwrap();
        assert_eq!(got[0], (&json!("council"), Some("理事會")));
        assert_eq!(got[1], (&json!("x"), None));
        assert_eq!(
            choices(&json!({"enum": [1]})).unwrap(),
            vec![(&json!(1), None)]
        );
        assert!(choices(&json!({"oneOf": [{"type": "string"}]})).is_none());
    }
}
