//! `clerk new`: a record from its type, with the next free name and today's date.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::args::{OnDate, Repo};
use super::record;
use crate::model::config;
use crate::model::refs::Target;
use crate::model::repo::Repository;
use crate::model::types::TypeDef;
use crate::parse::yaml;

/// What `clerk new` was asked for.
pub struct NewRequest {
    pub dir: PathBuf,
    pub type_name: String,
    pub title: Option<String>,
    /// The file name (and id) instead of the type's pattern.
    pub id: Option<String>,
    /// `field=value` pairs, each value written as YAML.
    pub fields: Vec<String>,
    /// For a person: roles held (`ROLE[:SCOPE,…]`) and public key files, from `date`.
    pub roles: Vec<String>,
    pub keys: Vec<PathBuf>,
    pub date: NaiveDate,
}

/// The types `names`, each as the run's language names a type (`document`, or
/// `` `document`（發文）``), listed.
pub fn types_named(repo: &crate::model::repo::Repository, names: &[&str]) -> String {
    names
        .iter()
        .filter_map(|n| repo.types.get(*n))
        .map(|def| {
            let words = [
                ("type", def.name.clone()),
                ("type_label", crate::model::labels::run_type_label(def)),
            ];
            crate::i18n::tv("type-named", &words)
        })
        .collect::<Vec<_>>()
        .join(&crate::i18n::tv("list-and", &[]))
}

/// `clerk new TYPE`: writes a new record and returns its path.
pub fn new(req: &NewRequest) -> anyhow::Result<PathBuf> {
    let root = find_root(&req.dir)?;
    let (repo, _) = super::record::open_repository(&root)?;
    let def = repo.types.get(&req.type_name).ok_or_else(|| {
        let mut names: Vec<&str> = repo.types.keys().map(String::as_str).collect();
        names.sort_by(|a, b| {
            strsim::jaro_winkler(b, &req.type_name)
                .total_cmp(&strsim::jaro_winkler(a, &req.type_name))
        });
        let words = [
            ("type", req.type_name.clone()),
            ("types", types_named(&repo, &names)),
        ];
        anyhow!(crate::i18n::tv("new-no-type", &words))
    })?;
    let folder = root.join(def.folder.as_deref().unwrap_or(&def.name));
    let id = match &req.id {
        Some(id) => {
            if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
                bail!(crate::i18n::t("new-bad-id", &[("id", &id)]));
            }
            id.clone()
        }
        None => next_name(&repo, def, &folder, req.date),
    };
    let path = folder.join(format!("{id}.md"));
    let path = path
        .strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or(path);
    let sealed = folder.join(format!("{id}{}", crate::crypt::SUFFIX));
    if path.exists() || sealed.exists() || repo.record(&id).is_some() || repo.is_unreadable(&id) {
        bail!(crate::i18n::t("new-exists", &[("id", &id)]));
    }
    let text = render(&repo, def, req)?;
    std::fs::create_dir_all(&folder)
        .with_context(|| crate::i18n::t("cannot-create", &[("path", &folder.display())]))?;
    create_new(&path, &text)?;
    Ok(path)
}

/// The repository that holds `dir`: it, or the nearest folder above it with a clerk.yaml.
fn find_root(dir: &Path) -> anyhow::Result<PathBuf> {
    if dir.join(config::FILE).is_file() {
        return Ok(dir.to_path_buf());
    }
    record::find_root(&dir.join(config::FILE))
}

/// The type's file-name pattern with `{seq}` as one more than the highest already used.
fn next_name(repo: &Repository, def: &TypeDef, folder: &Path, date: NaiveDate) -> String {
    let pattern = def
        .new
        .name
        .replace("{year}", &date.year().to_string())
        .replace("{type}", &def.name);
    let Some((prefix, suffix)) = pattern.split_once("{seq}") else {
        return pattern;
    };
    let mut taken: Vec<String> = repo.records.iter().map(|r| r.id.clone()).collect();
    if let Ok(entries) = std::fs::read_dir(folder) {
        taken.extend(entries.filter_map(Result::ok).filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let stem = name
                .strip_suffix(crate::crypt::SUFFIX)
                .or_else(|| name.strip_suffix(".md"))?;
            Some(stem.to_string())
        }));
    }
    let last = taken
        .iter()
        .filter_map(|id| id.strip_prefix(prefix)?.strip_suffix(suffix))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}{suffix}", last + 1)
}

/// The new record's text: front matter with the type's required fields, then the body.
fn render(repo: &Repository, def: &TypeDef, req: &NewRequest) -> anyhow::Result<String> {
    let mut given: Vec<(String, String)> = Vec::new();
    for pair in &req.fields {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| anyhow!(crate::i18n::t("new-not-pair", &[("pair", &pair)])))?;
        let key = key.trim();
        if !def.properties.contains(key) {
            let words = [
                ("type", def.name.clone()),
                ("type_label", type_label(def)),
                ("field", key.to_string()),
            ];
            bail!(crate::i18n::tv("new-no-field", &words));
        }
        if matches!(key, "type" | "status" | "approvals") {
            bail!(crate::i18n::t("new-set-by-clerk", &[("field", &key)]));
        }
        if yaml::parse_value(&format!("{key}: {value}")).is_err() {
            bail!(crate::i18n::t(
                "new-not-yaml",
                &[("field", &key), ("value", &value)]
            ));
        }
        super::fill::check_value(def, key, value)?;
        given.push((key.to_string(), value.to_string()));
    }
    let mut lists = Vec::new();
    if !req.roles.is_empty() || !req.keys.is_empty() {
        if def.name != repo.config.people_type {
            let words = [
                ("people", repo.config.people_type.clone()),
                ("type", def.name.clone()),
                ("type_label", type_label(def)),
            ];
            bail!(crate::i18n::tv("new-roles-not-person", &words));
        }
        for (key, value) in
            super::fill::people_fields(&repo.config.people_fields, &req.roles, &req.keys, req.date)?
        {
            super::fill::check_value(def, &key, &value.to_string())?;
            lists.push(super::fill::block_list(
                &key,
                value.as_array().map_or(&[], Vec::as_slice),
            ));
        }
    }
    let calendar = crate::model::expr::Evaluator::for_repository(repo, req.date);
    let props = def.schema.get("properties").and_then(Value::as_object);
    let required = crate::model::types::required_of(&def.schema);
    let person = super::record::me(repo);
    let mut out = String::from("---\n");
    out.push_str(&format!("type: {}\n", def.name));
    let title = req
        .title
        .as_deref()
        .map(|t| serde_json::to_string(t).unwrap_or_default());
    match title {
        Some(t) => out.push_str(&format!("title: {}\n", plain_or(&t))),
        None => out.push_str(&format!(
            "title:   # {}\n",
            crate::i18n::t("new-title-comment", &[])
        )),
    }
    let mut keys: Vec<&str> = required
        .iter()
        .copied()
        .filter(|k| !matches!(*k, "type" | "title" | "status" | "approvals"))
        .collect();
    for (k, _) in &given {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    for key in keys {
        let prop = props.and_then(|p| p.get(key));
        if let Some((_, value)) = given.iter().find(|(k, _)| k == key) {
            out.push_str(&format!("{key}: {value}\n"));
            continue;
        }
        let is_date = prop.and_then(|p| p.get("format")).and_then(Value::as_str) == Some("date");
        let is_person_ref = def.refs.iter().any(|r| {
            r.field == key
                && matches!(&r.target, Target::Records(t) if t.contains(&repo.config.people_type))
        });
        if is_date {
            let day = super::fill::default_date(def, key, req.date, calendar.calendar());
            out.push_str(&format!("{key}: {day}\n"));
        } else if let (true, Some(p)) = (is_person_ref, &person) {
            out.push_str(&format!("{key}: {p}\n"));
        } else {
            out.push_str(&format!("{key}:{}\n", hint(prop)));
        }
    }
    for list in lists {
        out.push_str(&list);
    }
    if let Some(initial) = def.workflow.as_ref().and_then(|w| w.initial()) {
        out.push_str(&format!("status: {initial}\n"));
    }
    out.push_str("---\n");
    out.push_str(&def.new.body);
    Ok(out)
}

/// A JSON string as a plain YAML scalar when it reads back the same.
fn plain_or(json: &str) -> String {
    let s: String = serde_json::from_str(json).unwrap_or_default();
    match yaml::parse_value(&s) {
        Ok(Value::String(back)) if back == s && !s.contains(['#', '\n']) => s,
        _ => json.to_string(),
    }
}

/// A comment after an empty field: its title and description, and the choices it allows.
fn hint(prop: Option<&Value>) -> String {
    let Some(p) = prop else {
        return String::new();
    };
    let mut parts = Vec::new();
    for k in ["title", "description"] {
        if let Some(t) = p.get(k).and_then(Value::as_str) {
            match parts.last() {
                Some(prev) if t.starts_with(prev) => *parts.last_mut().expect("one part") = t,
                Some(prev) if prev.contains(t) => {}
                _ => parts.push(t),
            }
        }
    }
    let mut text = parts.join(" — ");
    if let Some(choices) = crate::model::labels::choices(p) {
        let list: Vec<String> = choices
            .iter()
            .map(|(c, title)| {
                let id = c.as_str().map_or_else(|| c.to_string(), str::to_string);
                match title {
                    Some(t) if *t != id => {
                        let label = crate::i18n::script(t);
                        crate::i18n::t("new-choice", &[("id", &id), ("label", &label)])
                    }
                    _ => id,
                }
            })
            .collect();
        let sep = crate::i18n::t("list-and", &[]);
        let choices = list.join(&sep);
        text.push(' ');
        text.push_str(&crate::i18n::t("new-one-of", &[("choices", &choices)]));
    }
    let text = text.replace('\n', " ");
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("   # {}", text.trim())
    }
}

/// A type's label in the run's language.
fn type_label(def: &TypeDef) -> String {
    crate::model::labels::run_type_label(def)
}

/// Writes a file that must not exist yet, atomically.
pub(super) fn create_new(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::fsio::create_new(path, text.as_bytes()).map_err(|e| {
        let path = path.display();
        anyhow!(crate::i18n::t(
            "cannot-create-because",
            &[("path", &path), ("error", &e)]
        ))
    })
}

/// `clerk new`'s arguments.
#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The record type (a file in types/).
    #[arg(value_name = "TYPE", add = crate::cmd::complete::record_types())]
    pub type_name: String,
    /// field=value pairs to set.
    #[arg(value_name = "FIELD=VALUE")]
    pub fields: Vec<String>,
    /// The record's title.
    #[arg(long)]
    pub title: Option<String>,
    /// The file name and id, instead of the type's `new.name` pattern.
    #[arg(long)]
    pub id: Option<String>,
    /// For a person: a role they hold from --date, with the departments it covers, e.g.
    /// `department-head:general` or `deputy-secretary-general:membership,events`. Repeatable.
    #[arg(long, value_name = "ROLE[:SCOPE,…]")]
    pub role: Vec<String>,
    /// For a person: their SSH public key file (ssh-keygen's `.pub`), valid from --date. Repeatable.
    #[arg(long, value_name = "FILE.pub")]
    pub key: Vec<PathBuf>,
    #[command(flatten)]
    pub repo: Repo,
    #[command(flatten)]
    pub date: OnDate,
}

impl NewArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        let path = new(&NewRequest {
            dir: self.repo.root(),
            type_name: self.type_name,
            title: self.title,
            id: self.id,
            fields: self.fields,
            roles: self.role,
            keys: self.key,
            date: self.date.day(),
        })?;
        println!("{}", path.display());
        Ok(0)
    }
}
