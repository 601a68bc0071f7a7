//! `clerk encrypt`, `clerk decrypt` and `clerk reencrypt`: records stored encrypted to the SSH
//! keys of the people allowed to read them (`NAME.md.age`).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;

use super::record;

use crate::crypt;
use crate::i18n::t;
use crate::model::readers;
use crate::model::repo::Repository;
use crate::model::types::Classification;

/// Who may read the record at `index` today, and their keys; an error if nobody may.
fn recipients(
    repo: &Repository,
    index: usize,
    today: NaiveDate,
) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let rec = &repo.records[index];
    let type_name = rec.type_name.as_deref().unwrap_or_default();
    let classification: Classification = repo.classification(rec);
    let (keys, _) = crate::model::keys::Keyring::load(repo);
    let readers = readers::readers(repo, &keys, type_name, classification, today);
    if readers.is_empty() {
        let lang = crate::i18n::lang().tag();
        let kind = repo.types.get(type_name).map_or_else(
            || type_name.to_string(),
            crate::model::labels::run_type_label,
        );
        let level = crate::i18n::script(repo.config.classifications.label(classification, lang));
        let words = [
            ("type", kind),
            ("level", level),
            ("date", today.to_string()),
        ];
        bail!(crate::i18n::tv("no-readers", &words));
    }
    let mut people: Vec<String> = readers.iter().map(|(p, _)| p.clone()).collect();
    people.dedup();
    Ok((people, readers.into_iter().map(|(_, k)| k).collect()))
}

/// `clerk encrypt FILE`: writes `FILE.age` for the record's readers, then removes `FILE`; and
/// the same for each of its attachments still in plain text. On a record already encrypted it
/// encrypts only those attachments.
pub fn encrypt(file: &Path, today: NaiveDate) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let (people, keys) = recipients(&repo, index, today)?;
    let rec = &repo.records[index];
    let readers = (people.join(", "), names(&repo, &people));
    let mut plain_files = Vec::new();
    for a in crate::model::attachments::of(
        crate::model::attachments::Files::Folder(&repo.root),
        &repo.config.skip,
        rec,
    ) {
        match a.source {
            Ok(source) if !source.sealed => plain_files.push(source.path),
            _ => {}
        }
    }
    let already = file.to_string_lossy().ends_with(crypt::SUFFIX);
    if already && plain_files.is_empty() {
        bail!(crate::i18n::t(
            "already-encrypted",
            &[("path", &file.display())]
        ));
    }
    for path in plain_files {
        let bytes = std::fs::read(&path)
            .with_context(|| t("cannot-read-path", &[("path", &path.display())]))?;
        let target = PathBuf::from(format!("{}.age", path.display()));
        replace_file(&path, &target, &crypt::seal(&bytes, &keys, None)?)?;
        println!("{}", sealed_to(&path, &target, &readers));
    }
    if already {
        return Ok(());
    }
    let sealed = crypt::seal(
        repo.text_of(rec).as_bytes(),
        &keys,
        Some(&repo.envelope_of(rec)),
    )?;
    let target = PathBuf::from(format!("{}.age", file.display()));
    replace_file(file, &target, &sealed)?;
    println!("{}", sealed_to(file, &target, &readers));
    Ok(())
}

/// `clerk decrypt FILE.md.age`: writes the plain `FILE.md`, then removes the encrypted file.
pub fn decrypt(file: &Path) -> anyhow::Result<()> {
    let name = file.to_string_lossy();
    let Some(plain) = name
        .strip_suffix(".age")
        .filter(|_| name.ends_with(crypt::SUFFIX))
    else {
        bail!(crate::i18n::t(
            "not-encrypted",
            &[("path", &file.display())]
        ));
    };
    let bytes =
        std::fs::read(file).with_context(|| t("cannot-read-path", &[("path", &file.display())]))?;
    let text = crypt::open(&bytes).map_err(|e| {
        anyhow!(crate::i18n::t(
            "cannot-decrypt",
            &[("path", &file.display()), ("error", &e)]
        ))
    })?;
    let target = PathBuf::from(plain);
    replace_file(file, &target, &text)?;
    println!("{} → {}", file.display(), target.display());
    Ok(())
}

/// `clerk reencrypt [DIR]`: encrypts again every encrypted record whose readers changed, and
/// only those. Returns how many it could not open.
pub fn reencrypt(dir: &Path, today: NaiveDate) -> anyhow::Result<i32> {
    let (repo, _) = super::record::open_repository(dir)?;
    let mut changed = 0;
    for (index, rec) in repo.records.iter().enumerate() {
        let Some(found) = repo.sealed(&rec.path) else {
            continue;
        };
        let (people, keys) = recipients(&repo, index, today)?;
        let mut wanted: Vec<String> = keys.iter().filter_map(|k| crypt::tag_of(k)).collect();
        wanted.sort();
        wanted.dedup();
        let mut have = found.to_vec();
        have.dedup();
        let envelope = repo.envelope_of(rec);
        if have == wanted && repo.sealed_envelope(&rec.path) == Some(&envelope) {
            continue;
        }
        let sealed = crypt::seal(repo.text_of(rec).as_bytes(), &keys, Some(&envelope))?;
        crate::fsio::write_bytes_atomic(&repo.root.join(&rec.path), &sealed)
            .with_context(|| t("cannot-write-path", &[("path", &rec.path)]))?;
        let words = [
            ("path", rec.path.clone()),
            ("ids", people.join(", ")),
            ("readers", names(&repo, &people)),
        ];
        println!("{}", crate::i18n::tv("reencrypted-one", &words));
        changed += 1;
    }
    println!("{}", crate::i18n::t("reencrypted", &[("n", &changed)]));
    if !repo.unreadable.is_empty() {
        let paths: Vec<&str> = repo.unreadable.iter().map(|u| u.path.as_str()).collect();
        let words = [
            ("n", repo.unreadable.len().to_string()),
            ("paths", paths.join(", ")),
        ];
        eprintln!(
            "{}{}",
            crate::i18n::error_word(crate::i18n::lang()),
            crate::i18n::tv("reencrypt-unopened", &words)
        );
        return Ok(1);
    }
    Ok(0)
}

/// People by their names, joined.
fn names(repo: &Repository, ids: &[String]) -> String {
    let say = crate::model::labels::Say::new(repo, None);
    let each: Vec<String> = ids.iter().map(|id| say.person(id)).collect();
    each.join(&crate::i18n::t("list-and", &[]))
}

/// What `encrypt` says it did with one file.
fn sealed_to(file: &Path, target: &Path, (ids, names): &(String, String)) -> String {
    let words = [
        ("path", file.display().to_string()),
        ("target", target.display().to_string()),
        ("ids", ids.clone()),
        ("readers", names.clone()),
    ];
    crate::i18n::tv("encrypted-to", &words)
}

/// Creates `target` with `bytes`, then removes `file`: only once the new file is complete does
/// the old one go, so a failure never leaves neither.
fn replace_file(file: &Path, target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    crate::fsio::create_new(target, bytes).map_err(|e| {
        let path = target.display();
        anyhow!(t(
            "cannot-create-because",
            &[("path", &path), ("error", &e)]
        ))
    })?;
    std::fs::remove_file(file).with_context(|| {
        let (target, file) = (target.display(), file.display());
        t("crypt-not-removed", &[("target", &target), ("path", &file)])
    })
}

/// Writes a record's new text in place, atomically: encrypted again to the same people
/// who may read it today when it is stored encrypted, so plain text never reaches the disk.
pub fn write_record(repo: &Repository, index: usize, text: &str) -> anyhow::Result<()> {
    let rec = &repo.records[index];
    let path = repo.root.join(&rec.path);
    if rec.path.ends_with(crypt::SUFFIX) {
        let today = chrono::Local::now().date_naive();
        let (_, keys) = recipients(repo, index, today)?;
        let sealed = crypt::seal(
            text.as_bytes(),
            &keys,
            Some(&envelope_of_text(repo, rec, text)?),
        )?;
        crate::fsio::write_bytes_atomic(&path, &sealed)
            .with_context(|| t("cannot-write-path", &[("path", &rec.path)]))
    } else {
        crate::fsio::write_atomic(&path, text)
            .with_context(|| t("cannot-write-path", &[("path", &rec.path)]))
    }
}

/// The envelope for a record's new text (its front matter as it will be written).
fn envelope_of_text(
    repo: &Repository,
    rec: &crate::model::record::Record,
    text: &str,
) -> anyhow::Result<crypt::Envelope> {
    let fields = crate::parse::frontmatter::split(text)
        .ok()
        .and_then(|split| crate::parse::yaml::parse_mapping(split.yaml).ok())
        .ok_or_else(|| anyhow!(t("crypt-front-matter-broken", &[("path", &rec.path)])))?;
    let id = fields
        .get("id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or(&rec.id);
    Ok(repo.envelope(id, &serde_json::Value::Object(fields.clone())))
}

/// `clerk encrypt`'s arguments.
#[derive(clap::Args, Debug)]
pub struct EncryptArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    #[arg(add = crate::cmd::complete::record_files())]
    pub file: PathBuf,
    /// Whose roles and keys count, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", value_parser = super::args::date)]
    pub date: Option<NaiveDate>,
}

impl EncryptArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        encrypt(&self.file, self.date.unwrap_or_else(super::args::today)).map(|()| 0)
    }
}

/// `clerk decrypt`'s arguments.
#[derive(clap::Args, Debug)]
pub struct DecryptArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The encrypted record file.
    #[arg(add = crate::cmd::complete::record_files())]
    pub file: PathBuf,
}

impl DecryptArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        decrypt(&self.file).map(|()| 0)
    }
}

/// `clerk reencrypt`'s arguments.
#[derive(clap::Args, Debug)]
pub struct ReencryptArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Whose roles and keys count, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", value_parser = super::args::date)]
    pub date: Option<NaiveDate>,
}

impl ReencryptArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        reencrypt(
            &crate::cmd::record::repository_dir(&self.dir),
            self.date.unwrap_or_else(super::args::today),
        )
    }
}
