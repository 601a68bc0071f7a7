//! `clerk keys --allowed-signers`: people's keys in OpenSSH's allowed_signers format, so that
//! `ssh-keygen -Y verify` alone can re-check any approval; `clerk keys add PERSON FILE.pub`:
//! a public key added to a person's record, every other byte of it kept.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use chrono::{Days, NaiveDate};
use ssh_key::{HashAlg, PublicKey};

use crate::model::digest::NAMESPACE;
use crate::model::keys::Keyring;

/// The allowed_signers text for the repository at `root`.
pub fn allowed_signers(root: &Path) -> anyhow::Result<String> {
    let (repo, _) = super::record::open_repository(root)?;
    let (ring, _) = Keyring::load(&repo);
    let mut people: Vec<_> = ring.people().collect();
    people.sort_by(|a, b| a.0.cmp(b.0));
    let mut out =
        String::from("# clerk approval keys (principal = person id), for ssh-keygen -Y verify\n");
    for (person, keys) in people {
        for k in keys {
            let mut options = format!("namespaces=\"{NAMESPACE}\"");
            if let Some(from) = k.from {
                options.push_str(&format!(",valid-after=\"{}\"", from.format("%Y%m%d")));
            }
            // valid-before is exclusive; a key is valid through its `until` day.
            if let Some(until) = k.until.and_then(|u| u.checked_add_days(Days::new(1))) {
                options.push_str(&format!(",valid-before=\"{}\"", until.format("%Y%m%d")));
            }
            let key = k.key.to_openssh().map_err(|e| anyhow!("{e}"))?;
            out.push_str(&format!("{person} {options} {key}\n"));
        }
    }
    Ok(out)
}

/// `clerk keys add`: appends `key_file`'s public key to the `keys:` of person `person`, valid
/// from `from`, and returns the record's path and the key's fingerprint. A private key, a file
/// that is not one OpenSSH public key, and a key someone already lists are refused.
pub fn add(
    root: &Path,
    person: &str,
    key_file: &Path,
    from: NaiveDate,
) -> anyhow::Result<(PathBuf, String)> {
    let text = std::fs::read_to_string(key_file)
        .with_context(|| crate::i18n::t("key-unreadable", &[("path", &key_file.display())]))?;
    if text.contains("PRIVATE KEY-----") {
        bail!(crate::i18n::t(
            "key-private",
            &[("path", &key_file.display())]
        ));
    }
    let line = text.trim();
    let key = PublicKey::from_openssh(line).map_err(|e| {
        let words = [
            ("path", key_file.display().to_string()),
            ("error", e.to_string()),
        ];
        anyhow!(crate::i18n::tv("new-not-a-key", &words))
    })?;
    let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
    let (repo, _) = super::record::open_repository(root)?;
    let record = repo
        .record(person)
        .filter(|r| r.type_name.as_deref() == Some(repo.config.people_type.as_str()))
        .ok_or_else(|| {
            let words = [
                ("person", person.to_string()),
                ("people", repo.config.people_type.clone()),
            ];
            anyhow!(crate::i18n::tv("key-no-person", &words))
        })?;
    let (ring, _) = Keyring::load(&repo);
    for (holder, keys) in ring.people() {
        if keys.iter().any(|k| k.key.key_data() == key.key_data()) {
            let name = crate::model::labels::Say::new(&repo, None).person(holder);
            let words = [
                ("key", fingerprint.clone()),
                ("holder", holder.to_string()),
                ("name", name.to_string()),
            ];
            bail!(crate::i18n::tv("key-listed", &words));
        }
    }
    let path = root.join(&record.path);
    let before = std::fs::read_to_string(&path)
        .with_context(|| crate::i18n::t("io-read", &[("path", &record.path)]))?;
    let date = from.to_string();
    let names = &repo.config.people_fields.keys;
    let after = crate::edit::mark(
        &before,
        &crate::edit::Mark {
            list: &names.field,
            key: &names.key,
            who: line,
            date_key: &names.from,
            date: &date,
        },
    )
    .map_err(|e| anyhow!("{}: {e}", record.path))?;
    crate::fsio::write_atomic(&path, &after)?;
    Ok((PathBuf::from(&record.path), fingerprint))
}

/// `clerk keys`'s arguments.
#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Print the OpenSSH allowed_signers format.
    #[arg(long)]
    pub allowed_signers: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// What `clerk keys` does besides printing them.
#[derive(clap::Subcommand, Debug)]
pub enum Action {
    /// Add a public key to a person's record (`keys:`), valid from --date.
    ///
    /// Example:
    ///   clerk keys add wang-fang ~/.ssh/id_ed25519.pub
    #[command(verbatim_doc_comment)]
    Add(AddArgs),
}

/// `clerk keys add`'s arguments.
#[derive(clap::Args, Debug)]
pub struct AddArgs {
    /// The person's id (their record in people/).
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// Their SSH public key file (ssh-keygen's `.pub`).
    #[arg(value_name = "FILE.pub")]
    pub key: PathBuf,
    #[command(flatten)]
    pub repo: super::args::Repo,
    #[command(flatten)]
    pub date: super::args::OnDate,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        if let Some(Action::Add(a)) = self.action {
            let (path, fingerprint) = add(&a.repo.root(), &a.person, &a.key, a.date.day())?;
            let words = [
                ("path", path.display().to_string()),
                ("key", fingerprint),
                ("date", a.date.day().to_string()),
            ];
            println!("{}", crate::i18n::tv("key-added", &words));
            return Ok(0);
        }
        if !self.allowed_signers {
            bail!(crate::i18n::t("keys-what", &[]));
        }
        let text = allowed_signers(&crate::cmd::record::repository_dir(&self.dir))?;
        match self.output {
            Some(path) => crate::fsio::write_atomic(&path, &text)?,
            None => print!("{text}"),
        }
        Ok(0)
    }
}
