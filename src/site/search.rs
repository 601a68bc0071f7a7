//! Full-text search with Pagefind: an index split into fragments, so the browser downloads only
//! what a query needs; Chinese is segmented (Pagefind's `extended` build), English stemmed.

use std::collections::BTreeMap;

use anyhow::{anyhow, Context};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::model::config::Locale;

/// Indexes the record pages already rendered into `files` and adds the index's files.
///
/// Only pages in `files` are indexed, and `files` holds only what this audience may see.
pub fn index(locale: Locale, files: &mut BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    let language = match locale {
        Locale::ZhHant | Locale::ZhHans => "zh",
        Locale::En => "en",
    };
    let pages: Vec<(String, String)> = files
        .iter()
        .filter(|(path, _)| {
            path.ends_with(".html") && path.contains('/') && !path.ends_with("/index.html")
        })
        .map(|(path, bytes)| (path.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
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
        for (path, html) in pages {
            index
                .add_html_file(Some(path.clone()), Some(format!("/{path}")), html)
                .await
                .map_err(|e| anyhow!("search index, {path}: {e}"))?;
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
        files.insert(name, file.contents);
    }
    Ok(())
}
