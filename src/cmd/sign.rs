//! `clerk digest` and `clerk sign`: the payload an approver signs, and signing it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;
use serde_json::Value;
use ssh_key::{HashAlg, LineEnding, PrivateKey, SshSig};

use super::args::OnDate;
use super::record;
use crate::check::workflow::roles_allowed;
use crate::edit::{self, ApprovalEntry};
use crate::i18n::{t, tv};
use crate::model::digest::{content_digest, Payload, NAMESPACE};
use crate::model::expr::Evaluator;
use crate::model::keys::Keyring;
use crate::model::labels::Say;
use crate::model::repo::Repository;

/// What an approval is: step, person, role and date (role inferred when there is one choice).
pub struct Request {
    pub file: PathBuf,
    pub step: String,
    pub by: Option<String>,
    pub role: Option<String>,
    pub date: Option<NaiveDate>,
}

struct Resolved {
    repo: Repository,
    index: usize,
    payload: Payload,
}

fn resolve(req: &Request) -> anyhow::Result<Resolved> {
    let (repo, index) = record::open(&req.file)?;
    let by = record::person(req.by.clone())?;
    if repo.person(&by).is_none() {
        bail!(tv("not-a-person", &[("by", by.clone())]));
    }
    let date = req
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let rec = &repo.records[index];
    let ev = Evaluator::for_repository(&repo, date);
    let roles = roles_allowed(&repo, &ev, rec, &req.step, &by, date).map_err(|e| anyhow!(e))?;
    let say = Say::new(&repo, repo.type_of(rec));
    let words = |role: &str| {
        let labels: Vec<String> = roles.iter().map(|r| say.role_named(r)).collect();
        vec![
            ("by", by.clone()),
            ("by_name", say.person(&by)),
            ("step", req.step.clone()),
            ("step_label", say.step(&req.step)),
            ("role", role.to_string()),
            ("role_label", say.role(role)),
            ("date", date.to_string()),
            ("roles", roles.join(", ")),
            ("roles_labels", labels.join(&tv("list-and", &[]))),
        ]
    };
    let role = match &req.role {
        Some(r) if roles.contains(r) => r.clone(),
        Some(r) => bail!(tv("sign-not-as", &words(r))),
        None if roles.len() == 1 => roles[0].clone(),
        None => bail!(tv("sign-several-roles", &words(""))),
    };
    let digest = content_digest(repo.type_of(rec), rec, repo.text_of(rec));
    let payload = Payload {
        record: rec.id.clone(),
        step: req.step.clone(),
        role,
        by,
        date: date.to_string(),
        digest,
    };
    Ok(Resolved {
        repo,
        index,
        payload,
    })
}

/// `clerk digest FILE`: prints the record's content digest.
pub fn content(file: &Path) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    println!(
        "{}",
        content_digest(repo.type_of(rec), rec, repo.text_of(rec))
    );
    Ok(())
}

/// `clerk digest`: prints the exact payload.
pub fn digest(req: &Request) -> anyhow::Result<()> {
    let r = resolve(req)?;
    print!("{}", r.payload.text());
    Ok(())
}

/// `clerk sign`: signs the payload with the approver's key and writes the approval in place.
/// Unless `advance` is false, the status moves on when the approval completes the next state.
pub fn sign(req: &Request, key: Option<&Path>, advance: bool) -> anyhow::Result<()> {
    bind_attachments(&req.file)?;
    let r = resolve(req)?;
    let key = match key {
        Some(k) => k.to_path_buf(),
        None => default_key()?,
    };
    let armored = sign_payload(&r.payload.text(), &key)?;
    let sig = SshSig::from_pem(armored.trim())
        .map_err(|e| anyhow!(t("sign-unreadable-signature", &[("error", &e)])))?;

    // Refuse to write a signature clerk would reject: the key must be the approver's, valid that day.
    let (keys, _) = Keyring::load(&r.repo);
    let shown = key.display();
    let date = NaiveDate::parse_from_str(&r.payload.date, "%Y-%m-%d")?;
    let by = &r.payload.by;
    match keys
        .of(by)
        .iter()
        .find(|k| k.key.key_data() == sig.public_key())
    {
        None => {
            let name = Say::new(&r.repo, None).person(by);
            let words = [
                ("key", &shown as &dyn std::fmt::Display),
                ("by", by),
                ("name", &name),
            ];
            bail!(t("sign-not-their-key", &words))
        }
        Some(k) if !k.valid_on(date) => {
            let words = [
                ("key", &shown as &dyn std::fmt::Display),
                ("date", &date),
                ("window", &k.window()),
            ];
            bail!(t("sign-key-not-valid-then", &words))
        }
        // Signing now: the key must be valid now too, or an expired key could backdate approvals.
        Some(k) if !k.valid_on(chrono::Local::now().date_naive()) => {
            bail!(t(
                "sign-key-expired",
                &[("key", &shown), ("window", &k.window())]
            ))
        }
        Some(_) => {}
    }

    let today = chrono::Local::now().date_naive();
    if date > today {
        bail!(t("sign-after-today", &[("date", &date), ("today", &today)]));
    }
    let rec = &r.repo.records[r.index];
    let text = r.repo.text_of(rec);
    // This person's approval of this step, if the record has one (unsigned, stale or signed
    // before), is replaced: signing again after a change clears the stale approval.
    let replace = rec
        .fields
        .get("approvals")
        .and_then(Value::as_array)
        .and_then(|items| {
            items.iter().position(|a| {
                a.get("step").and_then(Value::as_str) == Some(r.payload.step.as_str())
                    && a.get("by").and_then(Value::as_str) == Some(by.as_str())
            })
        });
    let note = replace
        .and_then(|i| rec.fields.pointer(&format!("/approvals/{i}/note")))
        .and_then(Value::as_str)
        .map(str::to_string);
    let entry = ApprovalEntry {
        step: r.payload.step.clone(),
        by: by.clone(),
        role: r.payload.role.clone(),
        date: r.payload.date.clone(),
        digest: Some(r.payload.digest.clone()),
        signature: Some(armored),
        note,
    };
    let edited =
        edit::put_approval(text, &entry, replace).map_err(|e| anyhow!("{}: {e}", rec.path))?;
    let (edited, moved) = match advance {
        true => moved_on(&r.repo, r.index, edited, &r.payload.step, today)?,
        false => (edited, None),
    };
    super::crypt::write_record(&r.repo, r.index, &edited)?;
    let say = Say::new(&r.repo, r.repo.type_of(rec));
    let words = [
        ("step", r.payload.step.clone()),
        ("step_label", say.step(&r.payload.step)),
        ("path", rec.path.clone()),
        ("by", by.clone()),
        ("by_name", say.person(by)),
        ("role", r.payload.role.clone()),
        ("role_label", say.role(&r.payload.role)),
        ("date", r.payload.date.clone()),
    ];
    let signed = tv("signed", &words);
    match replace {
        Some(_) => println!("{signed}{}", tv("signed-in-place", &[])),
        None => println!("{signed}"),
    }
    if let Some(line) = moved {
        println!("{line}");
    }
    super::advance::print_next(&req.file, today)
}

/// The record with its status moved to the next state whose requirements the approval of
/// `step` completes, and a line saying so; or as signed, with why it stays where it is.
fn moved_on(
    repo: &Repository,
    index: usize,
    signed: String,
    step: &str,
    today: NaiveDate,
) -> anyhow::Result<(String, Option<String>)> {
    let rec = &repo.records[index];
    let Some(def) = repo.type_of(rec) else {
        return Ok((signed, None));
    };
    let Some(wf) = &def.workflow else {
        return Ok((signed, None));
    };
    let current = crate::check::next::state(def, rec).unwrap_or_default();
    let candidates = wf
        .transitions
        .get(current)
        .into_iter()
        .flatten()
        .filter(|t| {
            def.requirements_in(t)
                .any(|r| r.approvals.iter().any(|a| a == step))
        });
    let mut why = None;
    for target in candidates {
        let moved = edit::set_fields(&signed, &[("status", target.clone())])
            .map_err(|e| anyhow!("{}: {e}", rec.path))?;
        let errors = super::checked::errors_after(repo, index, &moved, today)?;
        if errors.is_empty() {
            let words = state_words(def, current, target);
            return Ok((moved, Some(tv("status-moved", &words))));
        }
        why = Some(super::checked::describe(
            tv("status-stays", &state_words(def, current, target)),
            &errors,
        ));
    }
    Ok((signed, why))
}

/// The words of a message about a move from state `from` to `to`, by id and by label.
fn state_words(
    def: &crate::model::types::TypeDef,
    from: &str,
    to: &str,
) -> Vec<(&'static str, String)> {
    let label = |s| crate::model::labels::run_state_label(def, s);
    vec![
        ("from", from.to_string()),
        ("from_label", label(from)),
        ("to", to.to_string()),
        ("to_label", label(to)),
    ]
}

/// Before a record's first approval: writes the SHA-256 of each attachment into its entry, so
/// that every approval covers the files as they are now. Later approvals leave the entries as
/// they are (a change would make the earlier approvals stale; `check` says what is unbound).
fn bind_attachments(file: &Path) -> anyhow::Result<()> {
    let (repo, index) = record::open(file)?;
    let rec = &repo.records[index];
    let approved = rec
        .fields
        .get("approvals")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if approved {
        return Ok(());
    }
    let mut hashes = Vec::new();
    for a in crate::model::attachments::of(
        crate::model::attachments::Files::Folder(&repo.root),
        &repo.config.skip,
        rec,
    ) {
        if a.sha256.is_some() {
            continue;
        }
        let source = a.source.map_err(|why| {
            let words = [
                ("path", rec.path.clone()),
                ("name", a.name.clone()),
                ("why", why.describe()),
            ];
            anyhow!(tv("sign-attachment-refused", &words))
        })?;
        let bytes = source
            .content(crate::model::attachments::Files::Folder(&repo.root))
            .with_context(|| t("sign-attachment-unreadable", &[("name", &a.name)]))?
            .ok_or_else(|| anyhow!(t("sign-attachment-sealed", &[("name", &a.name)])))?;
        hashes.push((a.index, crate::model::attachments::sha256(&bytes)));
    }
    if hashes.is_empty() {
        return Ok(());
    }
    let edited = edit::bind_attachments(repo.text_of(rec), &hashes).map_err(|e| {
        anyhow!(t(
            "sign-attachment-hashes",
            &[("path", &rec.path), ("error", &e)]
        ))
    })?;
    super::crypt::write_record(&repo, index, &edited)?;
    let words = [("path", rec.path.clone()), ("n", hashes.len().to_string())];
    println!("{}", tv("attachments-bound", &words));
    Ok(())
}

fn default_key() -> anyhow::Result<PathBuf> {
    let home = std::env::var_os("HOME").ok_or_else(|| anyhow!(t("sign-no-home", &[])))?;
    let key = PathBuf::from(home).join(".ssh/id_ed25519");
    if !key.exists() {
        bail!(t("sign-no-key", &[("path", &key.display())]));
    }
    Ok(key)
}

/// Signs with `ssh-keygen -Y sign` (agents, passphrases and hardware keys work); without
/// ssh-keygen on the PATH, an unencrypted key file is used in process.
///
/// The payload goes to ssh-keygen as a file, not on its input: ssh-keygen may refuse the key
/// and exit before reading anything, and writing to its closed input would end clerk (SIGPIPE)
/// without a word.
fn sign_payload(payload: &str, key: &Path) -> anyhow::Result<String> {
    let dir = tempfile::tempdir().context(t("sign-no-tempdir", &[]))?;
    let data = dir.path().join("payload");
    std::fs::write(&data, payload).context(t("sign-cannot-write-payload", &[]))?;
    match Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", NAMESPACE, "-q", "-f"])
        .arg(key)
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(out) => {
            if out.status.success() {
                let signature = std::fs::read(data.with_extension("sig"))
                    .context(t("sign-no-signature", &[]))?;
                return Ok(String::from_utf8(signature)?);
            }
            // ssh-keygen refuses key files others can read (a key checked out of git has
            // 0644). An unencrypted key file can still be used directly; say how to fix it.
            match sign_in_process(payload, key) {
                Ok(sig) => {
                    eprintln!("{}", t("sign-key-too-open", &[("key", &key.display())]));
                    Ok(sig)
                }
                Err(_) => bail!(t("sign-keygen-failed", &[("key", &key.display())])),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => sign_in_process(payload, key),
        Err(e) => Err(e).context(t("sign-no-keygen", &[])),
    }
}

/// Signs with an unencrypted OpenSSH private key file.
pub fn sign_in_process(payload: &str, key: &Path) -> anyhow::Result<String> {
    let private = PrivateKey::read_openssh_file(key)
        .with_context(|| t("sign-private-unreadable", &[("key", &key.display())]))?;
    if private.is_encrypted() {
        bail!(t("sign-key-encrypted", &[("key", &key.display())]));
    }
    let sig = private.sign(NAMESPACE, HashAlg::Sha512, payload.as_bytes())?;
    Ok(sig.to_pem(LineEnding::LF)?)
}

/// `clerk digest`: a record, and optionally the approval whose payload to print.
#[derive(clap::Args, Debug)]
pub struct DigestArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    #[arg(add = crate::cmd::complete::record_files())]
    pub file: PathBuf,
    /// The approval step; without it, only the content digest is printed.
    #[arg(long)]
    pub step: Option<String>,
    /// The approver's person id [default: $CLERK_PERSON].
    #[arg(long, add = crate::cmd::complete::person_ids())]
    pub by: Option<String>,
    /// The role the approval is given in (needed only if the approver holds several that may).
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub date: OnDate,
}

impl DigestArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        match self.step {
            Some(step) => digest(&Request {
                file: self.file,
                step,
                by: self.by,
                role: self.role,
                date: self.date.date,
            }),
            None => content(&self.file),
        }
        .map(|()| 0)
    }
}

/// `clerk sign`'s arguments: which approval, and the key to sign it with.
#[derive(clap::Args, Debug)]
pub struct SignArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    #[arg(add = crate::cmd::complete::record_files())]
    pub file: PathBuf,
    /// The approval step (as the record's type names it, e.g. review, approve).
    #[arg(long)]
    pub step: String,
    /// The approver's person id [default: $CLERK_PERSON].
    #[arg(long, add = crate::cmd::complete::person_ids())]
    pub by: Option<String>,
    /// The role the approval is given in (needed only if the approver holds several that may).
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub date: OnDate,
    /// The private key (or, with an agent, its public key) to sign with [default: ~/.ssh/id_ed25519].
    #[arg(long)]
    pub key: Option<PathBuf>,
    /// Keep the status as it is, even when this approval completes the next state's.
    #[arg(long)]
    pub no_advance: bool,
}

impl SignArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        let request = Request {
            file: self.file,
            step: self.step,
            by: self.by,
            role: self.role,
            date: self.date.date,
        };
        sign(&request, self.key.as_deref(), !self.no_advance).map(|()| 0)
    }
}
