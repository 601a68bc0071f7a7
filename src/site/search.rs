//! Full-text search with Pagefind: an index split into fragments, so the browser downloads only
//! what a query needs; Chinese is segmented (Pagefind's `extended` build), English stemmed.

#[cfg(feature = "search")]
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{anyhow, Context};
#[cfg(feature = "search")]
use pagefind::api::PagefindIndex;
#[cfg(feature = "search")]
use pagefind::options::PagefindServiceConfig;

use super::fold::Fold;
use super::Output;
use crate::model::config::Locale;

/// What search finds a record page by.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The page's path in the site.
    pub url: String,
    pub title: String,
    /// Plain text (not HTML): title, number, fields as shown, body.
    pub text: String,
    /// The record's type by its label (公文), shown beside each result.
    pub kind: String,
    /// The record's date as shown in lists.
    pub date: String,
    /// The body as plain text on one line: where a result's excerpt is taken from, so that no
    /// result shows a dump of fields.
    pub body: String,
    /// From an encrypted record: its text is never written to the cache of search parts.
    pub sealed: bool,
}

/// Indexes `entries` and adds the index's files to `out`: `pagefind/` for the first part,
/// `pagefind/part-N/` for each further one (listed in `pagefind/parts.json`, which the search
/// page merges). Parts hold about `part` entries each (see [`parts`]). Two parts at a time are
/// built, each written out before the next is started, so the indexer's memory is that of two
/// parts whatever the archive's size. A part found in `cache` is not indexed again.
///
/// Entries come only from record pages rendered for this audience, so the index holds nothing
/// the audience may not see. Pagefind is given the text, not the page's HTML: it does not parse
/// 10,000 pages again. Each text is indexed folded to Simplified ([`Fold`]), and
/// `pagefind/fold.js` gives the search page the table to fold the query with.
pub fn index(
    locale: Locale,
    entries: &[Entry],
    part: usize,
    cache: Option<&PartCache>,
    out: &Output,
) -> anyhow::Result<()> {
    let chunks = parts(entries, part);
    let fold = Fold::of(
        entries
            .iter()
            .flat_map(|e| [e.title.as_str(), e.text.as_str()]),
    );
    out.put("pagefind/fold.js", fold.script()?)?;
    let next = AtomicUsize::new(0);
    let work = || -> anyhow::Result<()> {
        loop {
            let n = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(n) else {
                return Ok(());
            };
            let dir = if n == 0 {
                "pagefind/".to_string()
            } else {
                format!("pagefind/part-{n}/")
            };
            let cached = cache.and_then(|cache| Some((cache, part_key(locale, chunk)?)));
            let files = match cached
                .as_ref()
                .and_then(|(cache, key)| cache.get(key, n == 0))
            {
                Some(files) => files,
                None => {
                    let files = index_part(locale, chunk, &fold)?;
                    if let Some((cache, key)) = &cached {
                        cache.put(key, &files, n == 0);
                    }
                    files
                }
            };
            for (name, contents) in files {
                // A further part needs only its index: the first part's script and WASM search it.
                if n > 0 && !is_index_data(&name) {
                    continue;
                }
                out.put(format!("{dir}{name}"), contents)?;
            }
            out.put(format!("pagefind/offline-{n}.js"), offline_part(chunk)?)?;
        }
    };
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let other = std::thread::Builder::new()
            .name("clerk-search-2".into())
            .stack_size(16 << 20)
            .spawn_scoped(scope, work)
            .context(crate::i18n::t("search-no-thread", &[]))?;
        let mine = work();
        other
            .join()
            .map_err(|_| anyhow!(crate::i18n::t("search-failed", &[])))??;
        mine
    })?;
    let parts: Vec<String> = (1..chunks.len()).map(|n| format!("part-{n}/")).collect();
    out.put(
        "pagefind/parts.json",
        serde_json::to_vec(&parts).context("search index parts")?,
    )?;
    out.put(
        "pagefind/offline.js",
        format!("window.clerkSearchParts = {};\n", chunks.len()).into_bytes(),
    )
}

/// The entries of a part as a script, for the search page opened from files (`file://`),
/// where the browser fetches nothing and Pagefind cannot run: each part adds its
/// `[url, title, text, kind, date, body]` rows to `window.clerkSearch`, and the page matches
/// the words in them (folding them with `pagefind/fold.js` as it folds the query). The rows
/// are JSON, so no text can end the script or run; they hold what the index holds.
fn offline_part(entries: &[Entry]) -> anyhow::Result<Vec<u8>> {
    let rows: Vec<[&str; 6]> = entries
        .iter()
        .map(|e| {
            [
                e.url.as_str(),
                e.title.as_str(),
                e.text.as_str(),
                e.kind.as_str(),
                e.date.as_str(),
                e.body.as_str(),
            ]
        })
        .collect();
    let mut out = b"(window.clerkSearch = window.clerkSearch || []).push(".to_vec();
    serde_json::to_writer(&mut out, &rows).context("search rows")?;
    out.extend(b");\n");
    Ok(out)
}

/// `entries` cut into parts of about `part` entries, where the entries themselves say: after an
/// entry whose URL hashes to a multiple of `part / 2`, once a part has `part / 2` entries, and
/// always at `2 × part`. Adding or removing a record changes the part it falls in, and seldom
/// its neighbour, not every part after it — so the other parts are found in the cache.
pub fn parts(entries: &[Entry], part: usize) -> Vec<&[Entry]> {
    let half = (part / 2).max(1) as u64;
    let most = part.max(1) * 2;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, entry) in entries.iter().enumerate() {
        let len = i + 1 - start;
        let boundary = len as u64 >= half && fnv1a(entry.url.as_bytes()) % half == 0;
        if boundary || len >= most {
            out.push(&entries[start..=i]);
            start = i + 1;
        }
    }
    if start < entries.len() || out.is_empty() {
        out.push(&entries[start..]);
    }
    out
}

/// FNV-1a: a hash that never changes between versions or machines.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What a part's index is made from, as a cache key: clerk's version (which fixes Pagefind's),
/// the language, and every entry's URL, title, text, type, date and body. `None` when an entry is from an
/// encrypted record, whose text is never written to the cache.
fn part_key(locale: Locale, entries: &[Entry]) -> Option<String> {
    use sha2::{Digest, Sha256};
    if entries.iter().any(|e| e.sealed) {
        return None;
    }
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update([0]);
    h.update(language(locale));
    for entry in entries {
        for text in [
            &entry.url,
            &entry.title,
            &entry.text,
            &entry.kind,
            &entry.date,
            &entry.body,
        ] {
            h.update((text.len() as u64).to_le_bytes());
            h.update(text);
        }
    }
    Some(crate::model::digest::hex(&h.finalize()))
}

/// Search index parts built before, by what they index (`part_key`): one file per part in
/// `.git/clerk/search/AUDIENCE/`, and the script, styles and WASM Pagefind adds to the first
/// part in one more. A build keeps the parts it used and removes the rest ([`PartCache::prune`]).
/// Like clerk's other caches it lives in the git folder, which only its owner writes; a part
/// holding an encrypted record's text is never written; `CLERK_NO_CACHE=1` neither reads nor
/// writes it. A file that cannot be read whole is indexed again.
pub struct PartCache(crate::cache::Store);

/// The first line of every part file: its format.
const PART_MAGIC: &[u8] = b"clerk search part 2\n";

impl PartCache {
    /// The cache for `audience` of the git repository holding `root`, if there is one.
    pub fn open(root: &Path, audience: &str) -> Option<PartCache> {
        crate::cache::Store::open(root, &format!("search/{audience}"), PART_MAGIC).map(PartCache)
    }

    fn assets_name() -> String {
        format!("assets-{}", env!("CARGO_PKG_VERSION"))
    }

    /// The files of the part `key`; for the `first` part, with the assets.
    fn get(&self, key: &str, first: bool) -> Option<Vec<(String, Vec<u8>)>> {
        let mut files = decode(&self.0.get(key)?)?;
        if first {
            files.extend(decode(&self.0.get(&Self::assets_name())?)?);
        }
        Some(files)
    }

    /// Keeps the part `key`'s index (and, from the `first` part, the assets). Failing to write
    /// only means indexing it again next time.
    fn put(&self, key: &str, files: &[(String, Vec<u8>)], first: bool) {
        let (index, assets): (Vec<_>, Vec<_>) =
            files.iter().partition(|(name, _)| is_index_data(name));
        self.0.put(key, &encode(&index));
        if first {
            self.0.put(&Self::assets_name(), &encode(&assets));
        }
    }

    /// Removes the parts this build did not use.
    pub fn prune(&self) {
        self.0.prune();
    }
}

/// Files as one part file's contents (after its magic line): each name and contents, each
/// preceded by its length.
fn encode(files: &[&(String, Vec<u8>)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for (file, contents) in files {
        bytes.extend((file.len() as u64).to_le_bytes());
        bytes.extend(file.as_bytes());
        bytes.extend((contents.len() as u64).to_le_bytes());
        bytes.extend(contents);
    }
    bytes
}

/// A part file's files, or `None` when it is not one written whole or names a path outside
/// its bundle.
fn decode(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut rest = bytes;
    let mut files = Vec::new();
    fn take(rest: &mut &[u8]) -> Option<Vec<u8>> {
        let (len, tail) = rest.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        if len > tail.len() {
            return None;
        }
        let (value, tail) = tail.split_at(len);
        *rest = tail;
        Some(value.to_vec())
    }
    while !rest.is_empty() {
        let name = String::from_utf8(take(&mut rest)?).ok()?;
        // A name is a path inside the bundle: never one that leaves it.
        if name.starts_with('/') || name.split('/').any(|c| c == ".." || c.is_empty()) {
            return None;
        }
        let contents = take(&mut rest)?;
        files.push((name, contents));
    }
    Some(files)
}

/// The files of a Pagefind bundle that hold an index (not its script, WASM or styles).
fn is_index_data(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.ends_with(".pf_meta")
        || ["index/", "fragment/", "filter/"]
            .iter()
            .any(|d| name.starts_with(d))
}

/// Pagefind's language for the association's locale.
fn language(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhHant | Locale::ZhHans => "zh",
        Locale::En => "en",
    }
}

/// Without the `search` feature there is no indexer: builds leave the index out.
#[cfg(not(feature = "search"))]
fn index_part(_: Locale, _: &[Entry], _: &Fold) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    anyhow::bail!(crate::i18n::t("search-not-built", &[]))
}

/// One Pagefind bundle for `entries`: its files, by path inside the bundle. The text indexed is
/// the entry's folded to Simplified (the search page folds each query alike, so either script
/// finds it); the title, type, date and body as written go in the meta data, which the
/// results show.
#[cfg(feature = "search")]
fn index_part(
    locale: Locale,
    entries: &[Entry],
    fold: &Fold,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let language = language(locale);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context(crate::i18n::t("search-no-thread", &[]))?;
    let generated = runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(language.to_string())
            .keep_index_url(true)
            .build();
        let mut index =
            PagefindIndex::new(Some(options)).map_err(|e| anyhow!("search index: {e}"))?;
        for entry in entries {
            let meta = BTreeMap::from([
                ("title".to_string(), entry.title.clone()),
                ("kind".to_string(), entry.kind.clone()),
                ("date".to_string(), entry.date.clone()),
                ("body".to_string(), entry.body.clone()),
            ]);
            let text = fold.fold(&entry.text).unwrap_or_else(|| entry.text.clone());
            index
                .add_custom_record(
                    format!("/{}", entry.url),
                    text,
                    language.to_string(),
                    Some(meta),
                    None,
                    None,
                )
                .await
                .map_err(|e| anyhow!("search index, {}: {e}", entry.url))?;
        }
        index
            .get_files()
            .await
            .map_err(|e| anyhow!("search index: {e}"))
    })?;
    Ok(generated
        .into_iter()
        .map(|file| {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            let name = name.trim_start_matches('/');
            let name = name.strip_prefix("pagefind/").unwrap_or(name).to_string();
            (name, file.contents)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn entries(urls: impl IntoIterator<Item = String>) -> Vec<Entry> {
        urls.into_iter()
            .map(|url| Entry {
                title: format!("title of {url}"),
                text: format!("text of {url}"),
                kind: "公文".into(),
                date: "2026-11-26".into(),
                body: format!("body of {url}"),
                url,
                sealed: false,
            })
            .collect()
    }

    fn urls(part: &[Entry]) -> Vec<&str> {
        part.iter().map(|e| e.url.as_str()).collect()
    }

    #[test]
    fn parts_keep_every_entry_in_order_within_bounds() {
        let all = entries((0..5000).map(|i| format!("document/doc-{i:05}.html")));
        let cut = parts(&all, 100);
        let joined: Vec<&str> = cut.iter().flat_map(|p| urls(p)).collect();
        assert_eq!(joined, urls(&all));
        assert!(cut.iter().all(|p| (1..=200).contains(&p.len())));
        // Most parts are cut where an entry says, not at the bound; about 100 entries each.
        assert!((25..=100).contains(&cut.len()), "{} parts", cut.len());
        assert!(cut[..cut.len() - 1].iter().all(|p| p.len() >= 50));
        assert_eq!(parts(&[], 100).len(), 1, "an empty index is one empty part");
    }

    #[test]
    fn adding_or_removing_an_entry_changes_only_the_parts_around_it() {
        let all = entries((0..3000).map(|i| format!("member/m-{i:05}.html")));
        let before: HashSet<Vec<&str>> = parts(&all, 100).iter().map(|p| urls(p)).collect();
        for at in [0, 1234, 2999] {
            let mut changed = all.clone();
            changed.insert(at, entries([format!("member/new-{at}.html")]).remove(0));
            let after: Vec<Vec<&str>> = parts(&changed, 100).iter().map(|p| urls(p)).collect();
            let new = after.iter().filter(|p| !before.contains(*p)).count();
            assert!((1..=2).contains(&new), "insert at {at}: {new} new parts");
            let mut removed = all.clone();
            removed.remove(at);
            let after: Vec<Vec<&str>> = parts(&removed, 100).iter().map(|p| urls(p)).collect();
            let new = after.iter().filter(|p| !before.contains(*p)).count();
            assert!((1..=2).contains(&new), "remove at {at}: {new} new parts");
        }
    }

    #[test]
    fn a_part_key_names_everything_indexed_and_never_a_sealed_text() {
        let all = entries((0..3).map(|i| format!("d/{i}.html")));
        let key = part_key(Locale::ZhHant, &all).unwrap();
        assert_eq!(part_key(Locale::ZhHant, &all), Some(key.clone()));
        assert_ne!(part_key(Locale::En, &all), Some(key.clone()));
        for change in 0..6 {
            let mut changed = all.clone();
            match change {
                0 => changed[1].url.push('x'),
                1 => changed[1].title.push('x'),
                2 => changed[1].text.push('x'),
                3 => changed[1].kind.push('x'),
                4 => changed[1].date.push('x'),
                _ => changed[1].body.push('x'),
            }
            assert_ne!(part_key(Locale::ZhHant, &changed), Some(key.clone()));
        }
        // The same bytes split differently between title and text are another key.
        let mut moved = all.clone();
        moved[0].title = "ab".into();
        moved[0].text = "c".into();
        let mut moved2 = all.clone();
        moved2[0].title = "a".into();
        moved2[0].text = "bc".into();
        assert_ne!(part_key(Locale::En, &moved), part_key(Locale::En, &moved2));
        let mut sealed = all;
        sealed[2].sealed = true;
        assert_eq!(part_key(Locale::ZhHant, &sealed), None);
    }

    #[test]
    fn the_cache_gives_back_what_it_kept_and_refuses_a_torn_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = |dir: &Path| crate::cache::Store::at(dir.to_path_buf(), PART_MAGIC).unwrap();
        let cache = PartCache(store(dir.path()));
        let files = vec![
            ("pagefind-entry.json".to_string(), b"{\"v\":1}".to_vec()),
            ("fragment/zh_1.pf_fragment".to_string(), vec![0, 1, 2, 255]),
            ("index/zh_2.pf_index".to_string(), Vec::new()),
            ("pagefind.js".to_string(), b"script".to_vec()),
        ];
        cache.put("k1", &files, true);
        // A further part is given back without the script; the first with it.
        let index: Vec<_> = files
            .iter()
            .filter(|(n, _)| is_index_data(n))
            .cloned()
            .collect();
        assert_eq!(cache.get("k1", false), Some(index));
        let mut first = cache.get("k1", true).unwrap();
        first.sort();
        let mut want = files.clone();
        want.sort();
        assert_eq!(first, want);
        assert_eq!(cache.get("k2", false), None);
        // Torn (cut anywhere) or foreign files are not parts.
        let whole = std::fs::read(dir.path().join("k1")).unwrap();
        for cut in [0, 5, PART_MAGIC.len() + 3, whole.len() - 1] {
            std::fs::write(dir.path().join("k1"), &whole[..cut]).unwrap();
            assert_eq!(cache.get("k1", false), None, "cut at {cut}");
        }
        for name in ["../../escape.html", "/etc/x", "index//x"] {
            cache
                .0
                .put("k1", &encode(&[&(name.to_string(), b"x".to_vec())]));
            assert_eq!(cache.get("k1", false), None, "{name}");
        }
        let mut huge = PART_MAGIC.to_vec();
        huge.extend(u64::MAX.to_le_bytes());
        std::fs::write(dir.path().join("k1"), huge).unwrap();
        assert_eq!(cache.get("k1", false), None);
        // Pruning keeps only what this cache was asked for or given.
        let other = PartCache(store(dir.path()));
        other.put("k3", &files, false);
        std::fs::write(dir.path().join("stray.tmp"), "x").unwrap();
        other.prune();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, vec!["k3".to_string()]);
    }
}
