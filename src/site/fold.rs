//! Traditional/Simplified folding (繁簡), so either script finds both: every character is folded
//! to its Simplified form by OpenCC's character table, in the index and in the query alike.
//!
//! The folding is one character to one character (never a phrase), so that the search page,
//! which folds the query and the text it marks with the same table, keeps every position: a
//! word found in the folded text is marked at the same place in the text as written. The table
//! the page receives (`pagefind/fold.js`) holds the characters of the index, and the
//! Traditional forms of its Simplified ones, so that a query written in the other script than
//! the archive still folds onto the index.

use std::collections::{BTreeMap, BTreeSet};

/// The folding of one build: character → its Simplified form, for the characters that change.
#[derive(Debug, Default)]
pub struct Fold {
    table: BTreeMap<char, char>,
    /// The table again, as an array over the Basic Multilingual Plane (0: unchanged), where
    /// nearly every Chinese character is: folding the text of 10,000 records looks each
    /// character up once.
    bmp: Vec<u16>,
}

impl Fold {
    /// The table for the characters of `texts` (and the Traditional forms of their Simplified
    /// ones). Without the `search` feature there is no table, and folding changes nothing.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Fold {
        // Which characters occur, as a bit per code point: a set of a few thousand characters
        // out of tens of millions read.
        let mut seen = vec![0u64; (char::MAX as usize + 1).div_ceil(64)];
        for text in texts {
            for c in text.chars().filter(|c| !c.is_ascii()) {
                seen[c as usize / 64] |= 1 << (c as usize % 64);
            }
        }
        let chars: BTreeSet<char> = seen
            .iter()
            .enumerate()
            .filter(|(_, bits)| **bits != 0)
            .flat_map(|(i, bits)| {
                (0..64)
                    .filter(move |b| bits & (1 << b) != 0)
                    .filter_map(move |b| char::from_u32((i * 64 + b) as u32))
            })
            .collect();
        Fold::from_table(table(&chars))
    }

    fn from_table(table: BTreeMap<char, char>) -> Fold {
        let mut bmp = vec![0u16; 0x1_0000];
        for (&from, &to) in &table {
            if let (Ok(from), Ok(to)) = (u16::try_from(from as u32), u16::try_from(to as u32)) {
                bmp[usize::from(from)] = to;
            }
        }
        Fold { table, bmp }
    }

    /// The folded form of `c`, if it changes.
    fn get(&self, c: char) -> Option<char> {
        match self.bmp.get(c as usize) {
            Some(0) => None,
            Some(&to) => char::from_u32(u32::from(to)),
            None => self.table.get(&c).copied(),
        }
    }

    /// `text` with every character in the table folded; `None` when nothing changes.
    pub fn fold(&self, text: &str) -> Option<String> {
        if !text.chars().any(|c| self.get(c).is_some()) {
            return None;
        }
        Some(text.chars().map(|c| self.get(c).unwrap_or(c)).collect())
    }

    /// The table as a script for the search page: `window.clerkFold = {"會":"会",…}`. JSON, so
    /// nothing in it can end the script.
    pub fn script(&self) -> anyhow::Result<Vec<u8>> {
        let pairs: BTreeMap<String, String> = self
            .table
            .iter()
            .map(|(from, to)| (from.to_string(), to.to_string()))
            .collect();
        let mut out = b"window.clerkFold = ".to_vec();
        serde_json::to_writer(&mut out, &pairs)?;
        out.extend(b";\n");
        Ok(out)
    }
}

/// One character converted by OpenCC, when it stays one character of the same width in
/// UTF-16 (what the page's positions count) and changes.
#[cfg(feature = "search")]
fn one(converter: &ferrous_opencc::OpenCC, c: char) -> Option<char> {
    let converted = converter.convert(c.encode_utf8(&mut [0; 4]));
    let mut out = converted.chars();
    match (out.next(), out.next()) {
        (Some(to), None) if to != c && to.len_utf16() == c.len_utf16() => Some(to),
        _ => None,
    }
}

#[cfg(feature = "search")]
fn table(chars: &BTreeSet<char>) -> BTreeMap<char, char> {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    let (Ok(t2s), Ok(s2t)) = (
        OpenCC::from_config(BuiltinConfig::T2s),
        OpenCC::from_config(BuiltinConfig::S2t),
    ) else {
        return BTreeMap::new();
    };
    let mut table = BTreeMap::new();
    for &c in chars {
        let simplified = one(&t2s, c).unwrap_or(c);
        if simplified != c {
            table.insert(c, simplified);
        }
        // A query in the other script: the Traditional form of a Simplified character.
        for form in [c, simplified] {
            if let Some(traditional) = one(&s2t, form) {
                if let Some(back) = one(&t2s, traditional) {
                    table.insert(traditional, back);
                }
            }
        }
    }
    table
}

#[cfg(not(feature = "search"))]
fn table(_: &BTreeSet<char>) -> BTreeMap<char, char> {
    BTreeMap::new()
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;

    #[test]
    fn either_script_folds_onto_the_same_text() {
        let traditional = Fold::of(["理事會會議紀要：攜眷參加"]);
        assert_eq!(
            traditional.fold("理事會會議紀要：攜眷參加").as_deref(),
            Some("理事会会议纪要：携眷参加")
        );
        // A Simplified query on a Traditional archive is already folded.
        assert_eq!(traditional.fold("会议"), None);
        // A Traditional query on a Simplified archive folds onto it: the table knows 會 from 会.
        let simplified = Fold::of(["理事会会议纪要"]);
        assert_eq!(simplified.fold("理事會會議").as_deref(), Some("理事会会议"));
        // Latin text and characters of no other form are left as they are.
        assert_eq!(simplified.fold("Council 2026 年"), None);
        // A character beyond the Basic Multilingual Plane stays as it is beside folded ones.
        let wide = Fold::of(["𠀀會"]);
        assert_eq!(wide.fold("𠀀會").as_deref(), Some("𠀀会"));
        assert_eq!(wide.fold("𠀀"), None);
    }

    #[test]
    fn the_script_is_the_table_as_json() {
        let fold = Fold::of(["會"]);
        let script = String::from_utf8(fold.script().unwrap()).unwrap();
        assert_eq!(script, "window.clerkFold = {\"會\":\"会\"};\n");
    }
}
