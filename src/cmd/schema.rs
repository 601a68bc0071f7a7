//! `clerk schema`: each record type's front matter as a JSON Schema file, for editors and for
//! tools such as check-jsonschema.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use serde_json::{json, Value};

use super::args::Repo;
use crate::i18n::t;
use crate::model::repo::Repository;

/// The schema of one type, ready to save as `TYPE.schema.json`.
pub fn schema_of(repo: &Repository, type_name: &str) -> anyhow::Result<Value> {
    let def = repo.types.get(type_name).ok_or_else(|| {
        let names: Vec<&str> = repo.types.keys().map(String::as_str).collect();
        let types = super::new::types_named(repo, &names);
        anyhow!(
            "{}",
            t("new-no-type", &[("type", &type_name), ("types", &types)])
        )
    })?;
    let mut schema = def.schema.clone();
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        map.insert(
            "title".into(),
            json!(def.label(repo.config.association.locale.tag())),
        );
        map.insert(
            "description".into(),
            json!(t(
                "schema-description",
                &[("type", &type_name), ("path", &def.path)]
            )),
        );
        // The record must name this type.
        if let Some(Value::Object(props)) = map.get_mut("properties") {
            say_common_fields(props);
            props.insert("type".into(), json!({"const": type_name}));
        }
    }
    Ok(schema)
}

/// The descriptions clerk gives the fields every record has, in the run's language (a type
/// file's own description of such a field stays as written).
fn say_common_fields(props: &mut serde_json::Map<String, Value>) {
    for (key, id) in [
        ("type", "schema-field-type"),
        ("id", "schema-field-id"),
        ("title", "schema-field-title"),
        ("classification", "schema-field-classification"),
        ("approvals", "schema-field-approvals"),
        ("attachments", "schema-field-attachments"),
        ("status", "schema-field-status"),
    ] {
        let english = crate::i18n::in_lang(crate::i18n::Lang::En, id, &[]);
        if let Some(d) = props.get_mut(key).and_then(|p| p.get_mut("description")) {
            if d.as_str() == Some(english.as_str()) {
                *d = json!(t(id, &[]));
            }
        }
    }
}

/// Prints one type's schema, or writes every type's into `out`; or the Front Matter CMS
/// configuration.
pub fn run(
    dir: &Path,
    type_name: Option<&str>,
    out: Option<&Path>,
    front_matter: bool,
) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(dir)?;
    if front_matter {
        let text = serde_json::to_string_pretty(&front_matter_cms(&repo))? + "\n";
        match out {
            Some(path) => {
                crate::fsio::write_atomic(path, &text)?;
                println!("{}", t("wrote", &[("path", &path.display())]));
            }
            None => print!("{text}"),
        }
        return Ok(0);
    }
    match (type_name, out) {
        (Some(t), None) => println!("{}", serde_json::to_string_pretty(&schema_of(&repo, t)?)?),
        (_, Some(out)) => {
            std::fs::create_dir_all(out)?;
            let names: Vec<&str> = match type_name {
                Some(t) => vec![t],
                None => repo.types.keys().map(String::as_str).collect(),
            };
            for name in names {
                let path = out.join(format!("{name}.schema.json"));
                crate::fsio::write_atomic(
                    &path,
                    &(serde_json::to_string_pretty(&schema_of(&repo, name)?)? + "\n"),
                )?;
                println!("{}", t("wrote", &[("path", &path.display())]));
            }
        }
        (None, None) => {
            bail!("{}", t("schema-name-a-type", &[]))
        }
    }
    Ok(0)
}

/// The content types for the Front Matter CMS editor extension (`frontmatter.json`), made from
/// the same schemas: one content type per record type (matched by the record's `type`), a field
/// per property with its choices and whether it is required, and each type's folder.
pub fn front_matter_cms(repo: &Repository) -> Value {
    let locale = repo.config.association.locale.tag();
    let mut content_types = Vec::new();
    let mut field_groups = Vec::new();
    let mut folders = Vec::new();
    for (name, def) in &repo.types {
        let required = crate::model::types::required_of(&def.schema);
        let mut fields = vec![json!({
            "title": "type", "name": "type", "type": "string", "default": name, "hidden": true
        })];
        if let Some(props) = def.schema.get("properties").and_then(Value::as_object) {
            for (key, prop) in props {
                // Approvals are written by `clerk sign`; the type is fixed above.
                if key == "approvals" || key == "type" {
                    continue;
                }
                let group_id = format!("{name}-{key}");
                let mut field = cms_field(key, prop, &group_id, &mut field_groups);
                if required.contains(&key.as_str()) {
                    field["required"] = json!(true);
                }
                if def.managed.contains(key) {
                    let note = t("schema-managed-note", &[]);
                    field["description"] =
                        json!(match prop.get("description").and_then(Value::as_str) {
                            Some(d) => format!("{d} — {note}"),
                            None => note,
                        });
                }
                if key == "status" {
                    if let Some(initial) = def.workflow.as_ref().and_then(|w| w.initial()) {
                        field["default"] = json!(initial);
                    }
                }
                fields.push(field);
            }
        }
        content_types.push(json!({
            "name": name,
            "pageBundle": false,
            "previewPath": null,
            "fields": fields,
        }));
        let folder = def.folder.clone().unwrap_or_else(|| name.clone());
        folders.push(json!({
            "title": def.label(locale),
            "path": format!("[[workspace]]/{folder}"),
            "contentTypes": [name],
        }));
    }
    json!({
        "$schema": "https://frontmatter.codes/frontmatter.schema.json",
        "frontMatter.taxonomy.contentTypes": content_types,
        "frontMatter.taxonomy.fieldGroups": field_groups,
        "frontMatter.content.pageFolders": folders,
    })
}

/// A property's allowed values as Front Matter CMS lists choices: `{id, title}` where the
/// value has a title.
fn choices(prop: &Value) -> Option<Value> {
    let list = crate::model::labels::choices(prop)?;
    Some(
        list.into_iter()
            .map(|(v, title)| match title {
                Some(t) if v.as_str() != Some(t) => json!({"id": v, "title": t}),
                _ => v.clone(),
            })
            .collect(),
    )
}

/// One Front Matter CMS field from a JSON Schema property.
fn cms_field(key: &str, prop: &Value, group_id: &str, groups: &mut Vec<Value>) -> Value {
    let title = prop.get("title").and_then(Value::as_str).unwrap_or(key);
    let mut field = json!({"title": title, "name": key});
    let kind = prop.get("type").and_then(Value::as_str);
    if let Some(list) = choices(prop) {
        field["type"] = json!("choice");
        field["choices"] = list;
    } else if prop.get("format").and_then(Value::as_str) == Some("date") {
        field["type"] = json!("datetime");
        field["dateFormat"] = json!("yyyy-MM-dd");
    } else {
        match kind {
            Some("integer") => {
                field["type"] = json!("number");
            }
            Some("number") => {
                field["type"] = json!("number");
                field["numberOptions"] = json!({"isDecimal": true});
            }
            Some("boolean") => field["type"] = json!("boolean"),
            Some("array") => {
                let items = prop.get("items").cloned().unwrap_or(Value::Null);
                if let Some(list) = choices(&items) {
                    field["type"] = json!("choice");
                    field["multiple"] = json!(true);
                    field["choices"] = list;
                } else if items.get("type").and_then(Value::as_str) == Some("object") {
                    let sub = object_fields(&items, group_id, groups);
                    let label = items
                        .get("required")
                        .and_then(Value::as_array)
                        .and_then(|r| r.first())
                        .cloned()
                        .unwrap_or(json!("id"));
                    groups.push(json!({"id": group_id, "labelField": label, "fields": sub}));
                    field["type"] = json!("block");
                    field["fieldGroup"] = json!([group_id]);
                } else {
                    field["type"] = json!("list");
                }
            }
            Some("object") => {
                field["type"] = json!("fields");
                field["fields"] = Value::Array(object_fields(prop, group_id, groups));
            }
            _ => field["type"] = json!("string"),
        }
    }
    if let Some(d) = prop.get("description").and_then(Value::as_str) {
        field["description"] = json!(d);
    }
    field
}

fn object_fields(schema: &Value, group_id: &str, groups: &mut Vec<Value>) -> Vec<Value> {
    let required = crate::model::types::required_of(schema);
    schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, p)| {
            let mut f = cms_field(k, p, &format!("{group_id}-{k}"), groups);
            if required.contains(&k.as_str()) {
                f["required"] = json!(true);
            }
            f
        })
        .collect()
}

/// `clerk schema`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The record type.
    #[arg(value_name = "TYPE", add = crate::cmd::complete::record_types())]
    pub type_name: Option<String>,
    #[command(flatten)]
    pub repo: Repo,
    /// Write the schemas into this folder (with --front-matter-cms: into this file).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print the content types for the Front Matter CMS editor extension (frontmatter.json).
    #[arg(long, conflicts_with = "type_name")]
    pub front_matter_cms: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(
            &self.repo.root(),
            self.type_name.as_deref(),
            self.output.as_deref(),
            self.front_matter_cms,
        )
    }
}
