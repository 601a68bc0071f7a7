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
const MAGIC: &str = concat!("clerk parsed-records v2 ", env!("CARGO_PKG_VERSION"), "\n");

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
                let fields = decode(&mut &e.fields[..], 0)?;
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

/// A JSON value in a compact binary form (a tag, then the value), faster to read back than
/// JSON text.
fn encode(v: &Value, out: &mut Vec<u8>) {
    let len = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    match v {
        Value::Null => out.push(0),
        Value::Bool(b) => out.push(1 + u8::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.push(3);
                out.extend_from_slice(&i.to_le_bytes());
            } else if let Some(u) = n.as_u64() {
                out.push(4);
                out.extend_from_slice(&u.to_le_bytes());
            } else {
                out.push(5);
                out.extend_from_slice(&n.as_f64().unwrap_or(0.0).to_le_bytes());
            }
        }
        Value::String(s) => {
            out.push(6);
            len(out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
        Value::Array(items) => {
            out.push(7);
            len(out, items.len());
            for item in items {
                encode(item, out);
            }
        }
        Value::Object(map) => {
            out.push(8);
            len(out, map.len());
            for (k, v) in map {
                len(out, k.len());
                out.extend_from_slice(k.as_bytes());
                encode(v, out);
            }
        }
    }
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

/// The value [`encode`] wrote; `None` for anything else (a damaged or foreign file).
fn decode(input: &mut &[u8], depth: usize) -> Option<Value> {
    fn len(input: &mut &[u8]) -> Option<usize> {
        Some(u32::from_le_bytes(take(input, 4)?.try_into().ok()?) as usize)
    }
    fn text(input: &mut &[u8]) -> Option<String> {
        let n = len(input)?;
        String::from_utf8(take(input, n)?.to_vec()).ok()
    }
    if depth > 256 {
        return None;
    }
    let tag = *take(input, 1)?.first()?;
    Some(match tag {
        0 => Value::Null,
        1 => Value::Bool(false),
        2 => Value::Bool(true),
        3 => Value::from(i64::from_le_bytes(take(input, 8)?.try_into().ok()?)),
        4 => Value::from(u64::from_le_bytes(take(input, 8)?.try_into().ok()?)),
        5 => serde_json::Number::from_f64(f64::from_le_bytes(take(input, 8)?.try_into().ok()?))
            .map_or(Value::Null, Value::Number),
        6 => Value::String(text(input)?),
        7 => {
            let n = len(input)?;
            let mut items = Vec::with_capacity(n.min(input.len()));
            for _ in 0..n {
                items.push(decode(input, depth + 1)?);
            }
            Value::Array(items)
        }
        8 => {
            let n = len(input)?;
            let mut map = serde_json::Map::with_capacity(n.min(input.len()));
            for _ in 0..n {
                let key = text(input)?;
                map.insert(key, decode(input, depth + 1)?);
            }
            Value::Object(map)
        }
        _ => return None,
    })
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
        assert_eq!(decode(&mut &read[0].fields[..], 0), Some(fields.clone()));
        // An append cut short: the whole first entry survives, the torn second is dropped.
        let cut = &bytes[..bytes.len() - 5];
        let (read, whole) = read_entries(cut).unwrap();
        assert_eq!((read.len(), whole), (1, false));
        // Every kind of value comes back as it was, in order.
        let all = serde_json::json!({"z": null, "a": [true, false, -3, 18446744073709551615u64, 2.5, "文字", {"k": []}], "m": {}});
        let mut bytes = Vec::new();
        encode(&all, &mut bytes);
        let back = decode(&mut &bytes[..], 0).unwrap();
        assert_eq!(back, all);
        assert_eq!(
            back.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["z", "a", "m"]
        );
        assert_eq!(decode(&mut &bytes[..bytes.len() - 1], 0), None, "cut short");
        // Another version's file is not read at all.
        assert!(read_entries(b"clerk parsed-records v0 0.0.0\n").is_none());
    }
}
