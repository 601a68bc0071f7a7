//! `clerk schema`: each record type's front matter as a JSON Schema file, for editors and for
//! tools such as check-jsonschema.

use std::path::Path;

use anyhow::{anyhow, bail};
use serde_json::{json, Value};

use crate::model::repo::Repository;

/// The schema of one type, ready to save as `TYPE.schema.json`.
pub fn schema_of(repo: &Repository, type_name: &str) -> anyhow::Result<Value> {
    let def = repo.types.get(type_name).ok_or_else(|| {
        anyhow!(
            "no type `{type_name}`; types: {}",
            repo.types.keys().cloned().collect::<Vec<_>>().join(", ")
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
            json!(format!(
                "Front matter of a `{type_name}` record ({})",
                def.path
            )),
        );
        // The record must name this type.
        if let Some(Value::Object(props)) = map.get_mut("properties") {
            props.insert("type".into(), json!({"const": type_name}));
        }
    }
    Ok(schema)
}

/// Prints one type's schema, or writes every type's into `out`.
pub fn run(dir: &Path, type_name: Option<&str>, out: Option<&Path>) -> anyhow::Result<i32> {
    let (repo, _) = Repository::load(dir).map_err(|e| anyhow!("{e}"))?;
    match (type_name, out) {
        (Some(t), None) => println!("{}", serde_json::to_string_pretty(&schema_of(&repo, t)?)?),
        (None, Some(out)) => {
            std::fs::create_dir_all(out)?;
            for name in repo.types.keys() {
                let path = out.join(format!("{name}.schema.json"));
                crate::edit::write_atomic(
                    &path,
                    &(serde_json::to_string_pretty(&schema_of(&repo, name)?)? + "\n"),
                )?;
                println!("wrote {}", path.display());
            }
        }
        (Some(t), Some(out)) => {
            std::fs::create_dir_all(out)?;
            let path = out.join(format!("{t}.schema.json"));
            crate::edit::write_atomic(
                &path,
                &(serde_json::to_string_pretty(&schema_of(&repo, t)?)? + "\n"),
            )?;
            println!("wrote {}", path.display());
        }
        (None, None) => {
            bail!("name a type (`clerk schema document`), or write them all with `-o DIR`")
        }
    }
    Ok(0)
}
