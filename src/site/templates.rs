//! The site's templates, labels and assets: embedded in the binary, and replaced file by file by
//! the records repository's own `templates/` folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    (
        "field_table.html",
        include_str!("../../templates/field_table.html"),
    ),
    (
        "circulation_table.html",
        include_str!("../../templates/circulation_table.html"),
    ),
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "registers.html",
        include_str!("../../templates/registers.html"),
    ),
    (
        "register.html",
        include_str!("../../templates/register.html"),
    ),
    ("table.html", include_str!("../../templates/table.html")),
    ("due.html", include_str!("../../templates/due.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("reports.html", include_str!("../../templates/reports.html")),
    ("inbox.html", include_str!("../../templates/inbox.html")),
    ("desk.html", include_str!("../../templates/desk.html")),
    (
        "desk_record.html",
        include_str!("../../templates/desk_record.html"),
    ),
    ("labels.yaml", include_str!("../../templates/labels.yaml")),
    (
        "assets/style.css",
        include_str!("../../templates/assets/style.css"),
    ),
    (
        "assets/document.css",
        include_str!("../../templates/assets/document.css"),
    ),
    (
        "assets/filter.js",
        include_str!("../../templates/assets/filter.js"),
    ),
    (
        "assets/search.js",
        include_str!("../../templates/assets/search.js"),
    ),
    (
        "assets/paper.js",
        include_str!("../../templates/assets/paper.js"),
    ),
];

/// The templates and assets in use: a repository's own files win over the built-in ones.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI labels in the site's language.
    pub labels: BTreeMap<String, String>,
    /// Static files to copy, by output path.
    pub assets: Vec<(String, String)>,
    /// The repository's own font files (`templates/fonts/`): (site path, file).
    pub fonts: Vec<(String, PathBuf)>,
}

impl Theme {
    /// Loads the theme for a repository at `root`, in `locale`.
    pub fn load(root: &Path, locale: Locale) -> anyhow::Result<Theme> {
        let file = |name: &str, builtin: &str| -> anyhow::Result<String> {
            let own = root.join("templates").join(name);
            if own.is_file() {
                std::fs::read_to_string(&own)
                    .with_context(|| crate::i18n::t("io-read", &[("path", &own.display())]))
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
        let fonts = own_fonts(root)?;
        if !fonts.is_empty() {
            assets.push(("assets/fonts.css".to_string(), font_faces(&fonts)));
        }
        Ok(Theme {
            tera,
            labels,
            assets,
            fonts,
        })
    }
}

/// The font files in the repository's `templates/fonts/`, in name order, with where the site
/// keeps each.
pub fn own_fonts(root: &Path) -> anyhow::Result<Vec<(String, PathBuf)>> {
    const FONT: &[&str] = &["ttf", "otf", "ttc", "otc", "woff", "woff2"];
    let dir = root.join("templates").join("fonts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut fonts = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| crate::i18n::t("io-read", &[("path", &dir.display())]))?
            .path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_file() && FONT.contains(&ext.to_ascii_lowercase().as_str()) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            fonts.push((format!("assets/fonts/{}", crate::site::slug(name)), path));
        }
    }
    fonts.sort();
    Ok(fonts)
}

/// `@font-face` rules for the repository's fonts: each family is named by its file's stem
/// (`templates/fonts/FangSong_GB2312.ttf` is `FangSong_GB2312`), which the font stacks of
/// `document.css` already name.
fn font_faces(fonts: &[(String, PathBuf)]) -> String {
    let mut css = String::from("/* The association's own fonts (templates/fonts/). */\n");
    for (url, path) in fonts {
        let family = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let family = family.replace(['"', '\\'], "");
        let file = url.trim_start_matches("assets/");
        css.push_str(&format!(
            "@font-face {{ font-family: \"{family}\"; src: local(\"{family}\"), url(\"{file}\"); font-display: swap; }}\n"
        ));
    }
    css
}
