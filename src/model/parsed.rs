//! Records parsed before, by git blob id and path, so `check --staged` and `check --since`
//! parse only the files that changed: the rest of a 10,000-record index is read from one file
//! instead of from 10,000 git objects through the YAML parser.
//!
//! The file, `.git/clerk/parsed-records`, holds for each entry the blob id, the path, the file's
//! text and its parsed front matter (as JSON). New entries are appended; it is rewritten whole
//! when most of it is no longer used. Encrypted records are never kept (their text would be
//! plain text on disk). Like the other caches in `.git/clerk`, it is trusted as git's own
//! object store is: whoever can write it can write the repository; a fresh clone (CI) starts
//! without it. `CLERK_NO_CACHE=1` neither reads nor writes it.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde_json::Value;

/// The first line of the file: a different clerk may parse differently, so its file is ignored.
const MAGIC: &str = concat!("clerk parsed-records v3 ", env!("CARGO_PKG_VERSION"), "\n");

/// A record's parse: its text and what [`super::record::Record`] keeps of it.
pub struct Parsed {
    pub text: String,
    pub parts: Parts,
}

/// What [`super::record::Record::parse`] finds in a record's text.
pub struct Parts {
    pub fields: Value,
    pub yaml_line: usize,
    pub yaml_range: Range<usize>,
    pub body_range: Range<usize>,
}

/// The cache of one git repository.
pub struct ParsedCache {
    path: PathBuf,
    entries: Mutex<HashMap<([u8; 20], String), Parsed>>,
    /// Entries in the file (used or not), to know when to rewrite it.
    in_file: usize,
}

impl ParsedCache {
    /// The cache of the git repository holding `root`, if there is one.
    pub fn open(root: &Path) -> Option<ParsedCache> {
        let path = crate::cache::path(root, "parsed-records")?;
        let bytes = std::fs::read(&path).unwrap_or_default();
        let (raw, whole) = read_entries(&bytes).unwrap_or_default();
        // A damaged file is written anew at the next save rather than appended to.
        let in_file = if whole { raw.len() } else { usize::MAX / 4 };
        let entries = raw
            .into_par_iter()
            .filter_map(|e| {
                let fields = decode(e.fields)?;
                let text = std::str::from_utf8(e.text).ok()?.to_string();
                let ok = e.body_start <= text.len()
                    && e.yaml_end <= text.len()
                    && e.yaml_start <= e.yaml_end
                    && text.is_char_boundary(e.body_start)
                    && text.is_char_boundary(e.yaml_start)
                    && text.is_char_boundary(e.yaml_end);
                ok.then(|| {
                    (
                        (e.id, e.path.to_string()),
                        Parsed {
                            parts: Parts {
                                body_range: e.body_start..text.len(),
                                fields,
                                yaml_line: e.yaml_line,
                                yaml_range: e.yaml_start..e.yaml_end,
                            },
                            text,
                        },
                    )
                })
            })
            .collect();
        Some(ParsedCache {
            path,
            entries: Mutex::new(entries),
            in_file,
        })
    }

    /// The parse of `path` at blob `id`, taken out of the cache.
    pub fn take(&self, id: &[u8; 20], path: &str) -> Option<Parsed> {
        self.entries.lock().ok()?.remove(&(*id, path.to_string()))
    }

    /// Keeps the parses of this load: appends those not in the file, or rewrites the file when
    /// most of its entries are no longer used. `all` is every cacheable record of the load, with
    /// whether it came from the cache.
    pub fn save<'a>(&self, all: impl Iterator<Item = ([u8; 20], Entry<'a>, bool)>) {
        let all: Vec<_> = all.collect();
        let fresh = all.iter().filter(|(_, _, cached)| !cached).count();
        let rewrite = self.in_file > 2 * all.len() + 256;
        if fresh == 0 && !rewrite {
            return;
        }
        let mut out = Vec::new();
        if rewrite || self.in_file == 0 {
            out.extend_from_slice(MAGIC.as_bytes());
        }
        for (id, entry, cached) in &all {
            if rewrite || !cached {
                write_entry(&mut out, id, entry);
            }
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // A cache that cannot be written is only slower next time.
        if rewrite || self.in_file == 0 {
            let _ = crate::fsio::write_bytes_atomic(&self.path, &out);
        } else if let Ok(mut file) = std::fs::OpenOptions::new().append(true).open(&self.path) {
            let _ = file.write_all(&out);
        }
    }
}

/// What is written of one record.
pub struct Entry<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub fields: &'a Value,
    pub yaml_line: usize,
    pub yaml_range: Range<usize>,
    pub body_start: usize,
}

/// One entry as read, before its JSON is parsed.
struct RawEntry<'a> {
    id: [u8; 20],
    path: &'a str,
    text: &'a [u8],
    fields: &'a [u8],
    yaml_line: usize,
    yaml_start: usize,
    yaml_end: usize,
    body_start: usize,
}

fn write_entry(out: &mut Vec<u8>, id: &[u8; 20], e: &Entry) {
    let mut fields = Vec::new();
    encode(e.fields, &mut fields);
    out.extend_from_slice(id);
    for n in [
        e.yaml_line,
        e.yaml_range.start,
        e.yaml_range.end,
        e.body_start,
    ] {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }
    for part in [e.path.as_bytes(), e.text.as_bytes(), &fields] {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part);
    }
}

/// A JSON value in MessagePack, faster to read back than JSON text; key order is kept.
fn encode(v: &Value, out: &mut Vec<u8>) {
    // Writing into memory fails only for values MessagePack cannot hold, which JSON has none of.
    let _ = rmp_serde::encode::write(out, v);
}

/// The value [`encode`] wrote; `None` for anything else (a damaged or foreign file). The
/// decoder refuses nesting deeper than its limit, so no file can exhaust the stack.
fn decode(input: &[u8]) -> Option<Value> {
    let mut de = rmp_serde::Deserializer::new(input);
    // Deeper than any front matter clerk accepts, shallow enough for any thread's stack.
    de.set_max_depth(256);
    let value = serde::Deserialize::deserialize(&mut de).ok()?;
    // Anything after the value means the bytes were not what encode wrote.
    (de.into_inner().is_empty()).then_some(value)
}

/// The next `n` bytes of `input`, consumed; `None` when fewer are left.
fn take<'b>(input: &mut &'b [u8], n: usize) -> Option<&'b [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, tail) = input.split_at(n);
    *input = tail;
    Some(head)
}

/// The entries of a cache file, and whether all of it was read; `None` when it is not one
/// (another version), in which case it is ignored and written anew. A damaged tail (an append
/// cut short) loses only itself.
fn read_entries(bytes: &[u8]) -> Option<(Vec<RawEntry<'_>>, bool)> {
    let mut rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let mut out = Vec::new();
    fn number(rest: &mut &[u8]) -> Option<usize> {
        let b = take(rest, 8)?;
        usize::try_from(u64::from_le_bytes(b.try_into().ok()?)).ok()
    }
    while !rest.is_empty() {
        let entry = (|| {
            let id: [u8; 20] = take(&mut rest, 20)?.try_into().ok()?;
            let yaml_line = number(&mut rest)?;
            let yaml_start = number(&mut rest)?;
            let yaml_end = number(&mut rest)?;
            let body_start = number(&mut rest)?;
            let n = number(&mut rest)?;
            let path = std::str::from_utf8(take(&mut rest, n)?).ok()?;
            let n = number(&mut rest)?;
            let text = take(&mut rest, n)?;
            let n = number(&mut rest)?;
            let fields = take(&mut rest, n)?;
            Some(RawEntry {
                id,
                path,
                text,
                fields,
                yaml_line,
                yaml_start,
                yaml_end,
                body_start,
            })
        })();
        match entry {
            Some(e) => out.push(e),
            None => return Some((out, false)),
        }
    }
    Some((out, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_and_a_cut_tail_loses_only_itself() {
        let fields = serde_json::json!({"type": "note", "title": "標題"});
        let text = "---\ntype: note\ntitle: 標題\n---\nbody\n";
        let mut bytes = MAGIC.as_bytes().to_vec();
        for (i, path) in ["a.md", "b.md"].iter().enumerate() {
            write_entry(
                &mut bytes,
                &[i as u8; 20],
                &Entry {
                    path,
                    text,
                    fields: &fields,
                    yaml_line: 2,
                    yaml_range: 4..30,
                    body_start: 34,
                },
            );
        }
        let (read, whole) = read_entries(&bytes).unwrap();
        assert!(whole);
        assert_eq!(read.len(), 2);
        assert_eq!((read[1].id, read[1].path), ([1; 20], "b.md"));
        assert_eq!(read[0].text, text.as_bytes());
        assert_eq!(decode(read[0].fields), Some(fields.clone()));
        // An append cut short: the whole first entry survives, the torn second is dropped.
        let cut = &bytes[..bytes.len() - 5];
        let (read, whole) = read_entries(cut).unwrap();
        assert_eq!((read.len(), whole), (1, false));
        // Every kind of value comes back as it was, in order.
        let all = serde_json::json!({"z": null, "a": [true, false, -3, 18446744073709551615u64, 2.5, "文字", {"k": []}], "m": {}});
        let mut bytes = Vec::new();
        encode(&all, &mut bytes);
        let back = decode(&bytes).unwrap();
        assert_eq!(back, all);
        assert_eq!(
            back.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["z", "a", "m"]
        );
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None, "cut short");
        // Nesting deeper than any record has is refused, not followed down the stack.
        let deep = [vec![0x91u8; 100_000], vec![0xc0]].concat();
        assert_eq!(decode(&deep), None);
        // Another version's file is not read at all, the previous format included.
        assert!(read_entries(b"clerk parsed-records v0 0.0.0\n").is_none());
        let v2 = concat!("clerk parsed-records v2 ", env!("CARGO_PKG_VERSION"), "\n");
        assert!(read_entries(v2.as_bytes()).is_none());
    }
}
