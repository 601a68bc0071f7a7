//! The age primitives: sealing bytes to SSH public keys and opening them with the private keys
//! this process was given. Records are stored encrypted as `NAME.md.age`; who may read which
//! record is decided in the model (`model::readers`). Approvals sign the plaintext, so
//! encrypting never changes a digest.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The file-name suffix of an encrypted record.
pub const SUFFIX: &str = ".md.age";

/// The identities (private SSH keys) this process decrypts with, set once by the command line.
static IDENTITIES: OnceLock<Vec<age::ssh::Identity>> = OnceLock::new();

/// Loads the private keys to decrypt with: `paths`, or `~/.ssh/id_ed25519` and `~/.ssh/id_rsa`
/// when none is given and they exist. A key that cannot be read is an error only when named.
pub fn set_identities(paths: &[PathBuf]) -> anyhow::Result<usize> {
    let mut loaded = Vec::new();
    let named = !paths.is_empty();
    let candidates: Vec<PathBuf> = if named {
        paths.to_vec()
    } else {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .map(|h| vec![h.join(".ssh/id_ed25519"), h.join(".ssh/id_rsa")])
            .unwrap_or_default()
    };
    for path in candidates {
        match read_identity(&path) {
            Ok(identity) => loaded.push(identity),
            Err(e) if named => return Err(e),
            Err(_) => {}
        }
    }
    let n = loaded.len();
    let _ = IDENTITIES.set(loaded);
    Ok(n)
}

fn read_identity(path: &Path) -> anyhow::Result<age::ssh::Identity> {
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("cannot read the key {}: {e}", path.display()))?;
    let identity = age::ssh::Identity::from_buffer(
        std::io::BufReader::new(file),
        Some(path.display().to_string()),
    )
    .map_err(|e| anyhow::anyhow!("{} is not an SSH private key: {e}", path.display()))?;
    match identity {
        age::ssh::Identity::Unencrypted(_) => Ok(identity),
        age::ssh::Identity::Encrypted(_) => anyhow::bail!(
            "{} is protected by a passphrase; decrypt with a copy without one, or use `age -d` with it",
            path.display()
        ),
        age::ssh::Identity::Unsupported(_) => {
            anyhow::bail!("{}: this kind of SSH key cannot decrypt age files", path.display())
        }
    }
}

/// Why an encrypted record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no key to decrypt it with (give one with --identity)")]
    NoIdentity,
    #[error("none of the keys given can decrypt it")]
    NotARecipient,
    #[error("it is not a valid age file: {0}")]
    Invalid(String),
}

/// Decrypts an age file with the process's identities.
pub fn open(bytes: &[u8]) -> Result<Vec<u8>, OpenError> {
    let identities = IDENTITIES.get().map(Vec::as_slice).unwrap_or_default();
    open_with(bytes, identities)
}

fn open_with(bytes: &[u8], identities: &[age::ssh::Identity]) -> Result<Vec<u8>, OpenError> {
    let decryptor = age::Decryptor::new(bytes).map_err(|e| OpenError::Invalid(e.to_string()))?;
    if identities.is_empty() {
        return Err(OpenError::NoIdentity);
    }
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => OpenError::NotARecipient,
            other => OpenError::Invalid(other.to_string()),
        })?;
    let mut out = Vec::new();
    reader
        .read_to_end(&mut out)
        .map_err(|e| OpenError::Invalid(e.to_string()))?;
    Ok(out)
}

/// Encrypts `plaintext` to these OpenSSH public keys.
pub fn seal(plaintext: &[u8], keys: &[String]) -> anyhow::Result<Vec<u8>> {
    let recipients: Vec<age::ssh::Recipient> = keys
        .iter()
        .map(|k| {
            k.parse()
                .map_err(|e| anyhow::anyhow!("cannot encrypt to `{k}`: {e:?}"))
        })
        .collect::<anyhow::Result<_>>()?;
    if recipients.is_empty() {
        anyhow::bail!("nobody to encrypt to");
    }
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| anyhow::anyhow!("cannot encrypt: {e}"))?;
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plaintext)?;
    writer.finish()?;
    Ok(out)
}

/// The recipient tags in an age file's header (`-> ssh-ed25519 TAG …`): who can open it,
/// without opening it.
pub fn tags(bytes: &[u8]) -> Vec<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        if line.starts_with("---") {
            break;
        }
        if let Some(rest) = line.strip_prefix("-> ") {
            let mut parts = rest.split(' ');
            if let (Some(kind), Some(tag)) = (parts.next(), parts.next()) {
                if kind.starts_with("ssh-") {
                    out.push(tag.to_string());
                }
            }
        }
    }
    out.sort();
    out
}

/// The tag age writes for an OpenSSH public key line: the first four bytes of the SHA-256 of
/// the key, in base64.
pub fn tag_of(key_line: &str) -> Option<String> {
    let blob = key_line.split_whitespace().nth(1)?;
    let wire = base64::engine::general_purpose::STANDARD
        .decode(blob)
        .ok()?;
    let hash = Sha256::digest(&wire);
    Some(base64::engine::general_purpose::STANDARD_NO_PAD.encode(&hash[..4]))
}
