//! Full-text search with Pagefind: an index split into fragments, so the browser downloads only
//! what a query needs; Chinese is segmented (Pagefind's `extended` build), English stemmed.

use std::collections::BTreeMap;

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

/// Indexes `entries` and adds the index's files to `out`.
///
/// Entries come only from record pages rendered for this audience, so the index holds nothing
/// the audience may not see. Pagefind is given the text, not the page's HTML: it does not parse
/// 10,000 pages again.
pub fn index(locale: Locale, entries: &[Entry], out: &Output) -> anyhow::Result<()> {
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
    for file in generated {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        let name = name.trim_start_matches('/');
        let name = if name.starts_with("pagefind/") {
            name.to_string()
        } else {
            format!("pagefind/{name}")
        };
        out.put(name, file.contents)?;
    }
    Ok(())
}
