//! Full-text search with Pagefind: an index split into fragments, so the browser downloads only
//! what a query needs; Chinese is segmented (Pagefind's `extended` build), English stemmed.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{anyhow, Context};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

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
}

/// Indexes `entries` and adds the index's files to `out`: `pagefind/` for the first `part`
/// entries, `pagefind/part-N/` for each further `part` (listed in `pagefind/parts.json`, which
/// the search page merges). Two parts at a time are built, each written out before the next is
/// started, so the indexer's memory is that of two parts whatever the archive's size.
///
/// Entries come only from record pages rendered for this audience, so the index holds nothing
/// the audience may not see. Pagefind is given the text, not the page's HTML: it does not parse
/// 10,000 pages again.
pub fn index(locale: Locale, entries: &[Entry], part: usize, out: &Output) -> anyhow::Result<()> {
    let chunks: Vec<&[Entry]> = if entries.is_empty() {
        vec![entries]
    } else {
        entries.chunks(part.max(1)).collect()
    };
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
            for (name, contents) in index_part(locale, chunk)? {
                // A further part needs only its index: the first part's script and WASM search it.
                if n > 0 && !is_index_data(&name) {
                    continue;
                }
                out.put(format!("{dir}{name}"), contents)?;
            }
        }
    };
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let other = std::thread::Builder::new()
            .name("clerk-search-2".into())
            .stack_size(16 << 20)
            .spawn_scoped(scope, work)
            .context("cannot start the search indexer")?;
        let mine = work();
        other
            .join()
            .map_err(|_| anyhow!("the search indexer failed"))??;
        mine
    })?;
    let parts: Vec<String> = (1..chunks.len()).map(|n| format!("part-{n}/")).collect();
    out.put(
        "pagefind/parts.json",
        serde_json::to_vec(&parts).context("search index parts")?,
    )
}

/// The files of a Pagefind bundle that hold an index (not its script, WASM or styles).
fn is_index_data(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.ends_with(".pf_meta")
        || ["index/", "fragment/", "filter/"]
            .iter()
            .any(|d| name.starts_with(d))
}

/// One Pagefind bundle for `entries`: its files, by path inside the bundle.
fn index_part(locale: Locale, entries: &[Entry]) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let language = match locale {
        Locale::ZhHant | Locale::ZhHans => "zh",
        Locale::En => "en",
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the search indexer")?;
    let generated = runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(language.to_string())
            .keep_index_url(true)
            .build();
        let mut index =
            PagefindIndex::new(Some(options)).map_err(|e| anyhow!("search index: {e}"))?;
        for entry in entries {
            let meta = BTreeMap::from([("title".to_string(), entry.title.clone())]);
            index
                .add_custom_record(
                    format!("/{}", entry.url),
                    entry.text.clone(),
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
