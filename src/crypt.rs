//! The age primitives: sealing bytes to SSH public keys and opening them with the private keys
//! this process was given. Records are stored encrypted as `NAME.md.age`; who may read which
//! record is decided in the model (`model::readers`). Approvals sign the plaintext, so
//! encrypting never changes a digest.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::i18n::t;

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
    let file = std::fs::File::open(path).map_err(|e| {
        anyhow::anyhow!(t(
            "crypt-key-unreadable",
            &[("path", &path.display()), ("error", &e)]
        ))
    })?;
    let identity = age::ssh::Identity::from_buffer(
        std::io::BufReader::new(file),
        Some(path.display().to_string()),
    )
    .map_err(|e| {
        anyhow::anyhow!(t(
            "crypt-not-a-private-key",
            &[("path", &path.display()), ("error", &e)]
        ))
    })?;
    match identity {
        age::ssh::Identity::Unencrypted(_) => Ok(identity),
        age::ssh::Identity::Encrypted(_) => {
            anyhow::bail!(t("crypt-key-passphrase", &[("path", &path.display())]))
        }
        age::ssh::Identity::Unsupported(_) => {
            anyhow::bail!(t("crypt-key-unsupported", &[("path", &path.display())]))
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

/// What an encrypted record shows without its key: its type, id, status, classification and
/// numbers (front matter keys and values), so that numbering and uniqueness see every record.
/// It is kept in a stanza of the age header, which the header's MAC covers: with a key, an
/// envelope edited on its own makes the file fail to open.
pub type Envelope = std::collections::BTreeMap<String, String>;

/// The age header stanza that holds an [`Envelope`] (age ignores stanzas it does not know).
const ENVELOPE_TAG: &str = "clerk-envelope";

/// A "recipient" that wraps no key: it only puts the envelope into the header.
struct EnvelopeStanza(Vec<u8>);

impl age::Recipient for EnvelopeStanza {
    fn wrap_file_key(
        &self,
        _file_key: &age_core::format::FileKey,
    ) -> Result<
        (
            Vec<age_core::format::Stanza>,
            std::collections::HashSet<String>,
        ),
        age::EncryptError,
    > {
        let stanza = age_core::format::Stanza {
            tag: ENVELOPE_TAG.into(),
            args: Vec::new(),
            body: self.0.clone(),
        };
        Ok((vec![stanza], std::collections::HashSet::new()))
    }
}

/// Whether a key this process was given opens the age file at `path`.
pub fn can_open(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| open(&bytes).is_ok())
}

/// Encrypts `plaintext` to these OpenSSH public keys, with `envelope` (a record's) readable in
/// the header.
pub fn seal(
    plaintext: &[u8],
    keys: &[String],
    envelope: Option<&Envelope>,
) -> anyhow::Result<Vec<u8>> {
    let recipients: Vec<age::ssh::Recipient> = keys
        .iter()
        .map(|k| {
            k.parse().map_err(|e| {
                anyhow::anyhow!(t(
                    "crypt-bad-recipient",
                    &[("key", k), ("error", &format!("{e:?}"))]
                ))
            })
        })
        .collect::<anyhow::Result<_>>()?;
    if recipients.is_empty() {
        anyhow::bail!(t("crypt-nobody", &[]));
    }
    let stanza = envelope
        .map(|e| serde_json::to_vec(e).map(EnvelopeStanza))
        .transpose()?;
    let encryptor = age::Encryptor::with_recipients(
        recipients
            .iter()
            .map(|r| r as &dyn age::Recipient)
            .chain(stanza.iter().map(|s| s as &dyn age::Recipient)),
    )
    .map_err(|e| anyhow::anyhow!(t("crypt-cannot-encrypt", &[("error", &e)])))?;
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plaintext)?;
    writer.finish()?;
    Ok(out)
}

/// The envelope in an age file's header, read without a key; `None` when there is none (a file
/// encrypted before envelopes, or by another tool) or it is not one clerk wrote.
pub fn envelope(bytes: &[u8]) -> Option<Envelope> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split('\n').skip(1);
    lines
        .by_ref()
        .take_while(|l| !l.starts_with("---"))
        .find(|l| *l == format!("-> {ENVELOPE_TAG}"))?;
    // The body: base64 lines of 64 columns, ended by a shorter one (age's stanza format).
    let mut body = String::new();
    for line in lines {
        body.push_str(line);
        if line.len() < 64 {
            let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
                .decode(&body)
                .ok()?;
            return serde_json::from_slice(&bytes).ok();
        }
    }
    None
}

/// Whether `new` is `old` with only its header changed: the same encrypted payload under another
/// header. Encrypting again always makes a new payload (a new file key and nonce), so this is a
/// header edited by hand — an envelope or recipient changed without the key.
pub fn header_edited(old: &[u8], new: &[u8]) -> bool {
    fn payload(bytes: &[u8]) -> Option<&[u8]> {
        let mac = bytes.windows(5).position(|w| w == b"\n--- ")?;
        let end = bytes[mac + 1..].iter().position(|&b| b == b'\n')?;
        Some(&bytes[mac + 1 + end + 1..])
    }
    old != new && matches!((payload(old), payload(new)), (Some(a), Some(b)) if a == b)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_envelope_is_read_without_a_key_and_bound_by_the_header_mac() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("k");
        let made = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .status();
        if !made.is_ok_and(|s| s.success()) {
            panic!("ssh-keygen is needed for this test");
        }
        let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
        let shown: Envelope = [("id", "doc-1"), ("number", "協秘〔2026〕3號")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let sealed = seal(b"secret", &[public.trim().to_string()], Some(&shown)).unwrap();
        assert_eq!(envelope(&sealed).as_ref(), Some(&shown));
        let identity = read_identity(&key).unwrap();
        assert_eq!(
            open_with(&sealed, std::slice::from_ref(&identity)).unwrap(),
            b"secret"
        );
        // An envelope edited on its own (3號 → 4號, the same length) no longer opens.
        let text = String::from_utf8_lossy(&sealed[..sealed.len().min(2048)]).into_owned();
        let line = text
            .lines()
            .skip_while(|l| *l != "-> clerk-envelope")
            .nth(1)
            .unwrap()
            .to_string();
        let body = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(&line)
            .unwrap();
        let forged = String::from_utf8(body).unwrap().replace("3號", "4號");
        let relined = base64::engine::general_purpose::STANDARD_NO_PAD.encode(forged);
        assert_eq!(relined.len(), line.len(), "the header keeps its layout");
        let mut bytes = sealed.clone();
        let start = text.find(&line).unwrap();
        bytes[start..start + line.len()].copy_from_slice(relined.as_bytes());
        assert_eq!(envelope(&bytes).unwrap()["number"], "協秘〔2026〕4號");
        assert!(matches!(
            open_with(&bytes, std::slice::from_ref(&identity)),
            Err(OpenError::Invalid(_))
        ));
    }
}
