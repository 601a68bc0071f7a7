//! `clerk keys --allowed-signers`: people's keys in OpenSSH's allowed_signers format, so that
//! `ssh-keygen -Y verify` alone can re-check any approval.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use chrono::Days;

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

/// `clerk keys`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Print the OpenSSH allowed_signers format.
    #[arg(long, required = true)]
    pub allowed_signers: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let text = allowed_signers(&crate::cmd::record::repository_dir(&self.dir))?;
        match self.output {
            Some(path) => crate::fsio::write_atomic(&path, &text)?,
            None => print!("{text}"),
        }
        Ok(0)
    }
}
