//! The site's templates, labels and assets: embedded in the binary, and replaced file by file by
//! the records repository's own `templates/` folder.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{anyhow, Context};

use crate::model::config::Locale;

/// Built-in templates and assets, by name.
const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    (
        "type_index.html",
        include_str!("../../templates/type_index.html"),
    ),
    ("record.html", include_str!("../../templates/record.html")),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "registers.html",
        include_str!("../../templates/registers.html"),
    ),
    (
        "register.html",
        include_str!("../../templates/register.html"),
    ),
    ("due.html", include_str!("../../templates/due.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("reports.html", include_str!("../../templates/reports.html")),
    ("labels.yaml", include_str!("../../templates/labels.yaml")),
    (
        "assets/style.css",
        include_str!("../../templates/assets/style.css"),
    ),
    (
        "assets/filter.js",
        include_str!("../../templates/assets/filter.js"),
    ),
    (
        "assets/search.js",
        include_str!("../../templates/assets/search.js"),
    ),
];

/// The templates and assets in use: a repository's own files win over the built-in ones.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI labels in the site's language.
    pub labels: BTreeMap<String, String>,
    /// Static files to copy, by output path.
    pub assets: Vec<(String, String)>,
}

impl Theme {
    /// Loads the theme for a repository at `root`, in `locale`.
    pub fn load(root: &Path, locale: Locale) -> anyhow::Result<Theme> {
        let file = |name: &str, builtin: &str| -> anyhow::Result<String> {
            let own = root.join("templates").join(name);
            if own.is_file() {
                std::fs::read_to_string(&own)
                    .with_context(|| format!("cannot read `{}`", own.display()))
            } else {
                Ok(builtin.to_string())
            }
        };
        let mut tera = tera::Tera::default();
        let mut assets = Vec::new();
        let mut labels_text = String::new();
        let mut templates = Vec::new();
        for (name, builtin) in EMBEDDED {
            let text = file(name, builtin)?;
            if name.ends_with(".html") {
                templates.push((name.to_string(), text));
            } else if *name == "labels.yaml" {
                labels_text = text;
            } else {
                assets.push((name.to_string(), text));
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| anyhow!("a template does not parse: {e:?}"))?;
        tera.autoescape_on(vec![".html"]);
        let all: BTreeMap<String, BTreeMap<String, String>> = serde_yaml::from_str(&labels_text)
            .context("templates/labels.yaml is not a mapping of label → {locale: text}")?;
        let lang = locale.tag();
        let labels = all
            .into_iter()
            .map(|(k, by_lang)| {
                let text = by_lang
                    .get(lang)
                    .or_else(|| by_lang.get("en"))
                    .cloned()
                    .unwrap_or_else(|| k.clone());
                (k, text)
            })
            .collect();
        Ok(Theme {
            tera,
            labels,
            assets,
        })
    }
}
