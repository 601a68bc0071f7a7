//! What the shell completes (`COMPLETE=bash clerk`, see `clerk completions`): record types,
//! registers, reports and people of the repository the shell is in, and record files. Each
//! reads as little as it can — file names, and the type files' YAML — so that completing is
//! instant in a repository of any size.

use std::path::{Path, PathBuf};

use clap_complete::engine::{
    ArgValueCandidates, ArgValueCompleter, CompletionCandidate, PathCompleter,
};
use serde_json::Value;

/// The repository the shell is in.
fn root() -> PathBuf {
    super::record::repository_dir(Path::new("."))
}

/// Each type file of the repository, by name, as JSON.
fn type_files() -> Vec<(String, Value)> {
    let Ok(entries) = std::fs::read_dir(root().join("types")) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Value)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e
                .file_name()
                .to_string_lossy()
                .strip_suffix(".yaml")?
                .to_string();
            let text = std::fs::read_to_string(e.path()).ok()?;
            let value = crate::parse::yaml::parse_value(&text).unwrap_or(Value::Null);
            Some((name, value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A display text (`{zh-Hant: …, en: …}` or text) as one line of help.
fn label(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.values().find_map(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// The classification levels clerk.yaml lists (`--audience LEVEL`), the defaults without any.
fn levels() -> Vec<CompletionCandidate> {
    let config = std::fs::read_to_string(root().join(crate::model::config::FILE))
        .ok()
        .and_then(|t| crate::parse::yaml::parse_value(&t).ok());
    match config
        .as_ref()
        .and_then(|c| c.get("classifications")?.as_array())
    {
        Some(levels) => levels
            .iter()
            .filter_map(|l| {
                let id = l.get("id")?.as_str()?;
                Some(CompletionCandidate::new(id).help(label(l.get("label")).map(Into::into)))
            })
            .collect(),
        None => ["public", "internal", "confidential"]
            .into_iter()
            .map(CompletionCandidate::new)
            .collect(),
    }
}

/// The record types (`clerk new TYPE`, `clerk schema TYPE`).
fn types() -> Vec<CompletionCandidate> {
    type_files()
        .into_iter()
        .map(|(name, v)| CompletionCandidate::new(name).help(label(v.get("label")).map(Into::into)))
        .collect()
}

/// The registers the type files declare (`clerk register NAME`).
fn registers() -> Vec<CompletionCandidate> {
    type_files()
        .iter()
        .flat_map(|(_, v)| {
            v.get("registers")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|r| {
            let name = r.get("name")?.as_str()?.to_string();
            Some(CompletionCandidate::new(name).help(label(r.get("title")).map(Into::into)))
        })
        .collect()
}

/// The people of the repository, by id, with their names (`--by`, `--as`).
fn people() -> Vec<CompletionCandidate> {
    let root = root();
    let config = std::fs::read_to_string(root.join(crate::model::config::FILE))
        .ok()
        .and_then(|t| crate::parse::yaml::parse_value(&t).ok())
        .unwrap_or(Value::Null);
    let people_type = config
        .get("people_type")
        .and_then(Value::as_str)
        .unwrap_or("person");
    let folder = type_files()
        .into_iter()
        .find(|(n, _)| n == people_type)
        .and_then(|(_, v)| v.get("folder").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| people_type.to_string());
    let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
        return Vec::new();
    };
    let mut out: Vec<CompletionCandidate> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".md")?.to_string();
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            let shown = text
                .lines()
                .find_map(|l| l.strip_prefix("name:"))
                .map(|n| n.trim().to_string());
            Some(CompletionCandidate::new(id).help(shown.map(Into::into)))
        })
        .collect();
    out.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    out
}

/// Completes record types.
pub fn record_types() -> ArgValueCandidates {
    ArgValueCandidates::new(types)
}

/// Completes classification levels.
pub fn audiences() -> ArgValueCandidates {
    ArgValueCandidates::new(levels)
}

/// Completes register names.
pub fn register_names() -> ArgValueCandidates {
    ArgValueCandidates::new(registers)
}

/// Completes people's ids.
pub fn person_ids() -> ArgValueCandidates {
    ArgValueCandidates::new(people)
}

/// Completes record files (`NAME.md`, `NAME.md.age`) and the folders on the way to them.
pub fn record_files() -> ArgValueCompleter {
    ArgValueCompleter::new(
        PathCompleter::any()
            .filter(|p| p.is_dir() || crate::read::is_record_name(&p.to_string_lossy())),
    )
}
