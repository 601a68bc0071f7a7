//! `clerk init`: a new records repository with the rules clerk ships, made the new
//! association's own — its name, its language (zh-Hant, zh-Hans or en), a holiday calendar it
//! picks, no person of the example — so that it checks clean before anyone is added.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};

use crate::model::config;
use crate::parse::yaml;

/// The example association's configuration (derived from its rules, 管理制度): the fuzzer's seed.
pub(crate) const CONFIG: &str = include_str!("../../records-example/clerk.yaml");

/// The default record types, one file each.
pub(crate) const TYPES: &[(&str, &str)] = &[
    (
        "activity",
        include_str!("../../records-example/types/activity.yaml"),
    ),
    (
        "amendment",
        include_str!("../../records-example/types/amendment.yaml"),
    ),
    (
        "assessment",
        include_str!("../../records-example/types/assessment.yaml"),
    ),
    (
        "asset",
        include_str!("../../records-example/types/asset.yaml"),
    ),
    (
        "attendance",
        include_str!("../../records-example/types/attendance.yaml"),
    ),
    (
        "audit",
        include_str!("../../records-example/types/audit.yaml"),
    ),
    (
        "budget",
        include_str!("../../records-example/types/budget.yaml"),
    ),
    (
        "commitment",
        include_str!("../../records-example/types/commitment.yaml"),
    ),
    (
        "document",
        include_str!("../../records-example/types/document.yaml"),
    ),
    (
        "expense",
        include_str!("../../records-example/types/expense.yaml"),
    ),
    (
        "income",
        include_str!("../../records-example/types/income.yaml"),
    ),
    (
        "leave",
        include_str!("../../records-example/types/leave.yaml"),
    ),
    (
        "meeting",
        include_str!("../../records-example/types/meeting.yaml"),
    ),
    (
        "member",
        include_str!("../../records-example/types/member.yaml"),
    ),
    (
        "person",
        include_str!("../../records-example/types/person.yaml"),
    ),
    (
        "policy",
        include_str!("../../records-example/types/policy.yaml"),
    ),
    (
        "publicity",
        include_str!("../../records-example/types/publicity.yaml"),
    ),
    (
        "takeout",
        include_str!("../../records-example/types/takeout.yaml"),
    ),
];

/// The neutral configuration, in Chinese (written as zh-Hant, converted for zh-Hans) and English.
const CONFIG_ZH: &str = include_str!("../../templates/init/clerk.zh.yaml");
const CONFIG_EN: &str = include_str!("../../templates/init/clerk.en.yaml");
/// What in the shipped type files is the example's own, and what a new association gets instead.
const NEUTRAL: &str = include_str!("../../templates/init/neutral.yaml");
/// The English of the shipped type files' titles and labels, for `--locale en`.
const ENGLISH: &str = include_str!("../../templates/init/en.yaml");
/// The English of the rest of their Chinese (comments, descriptions, messages, values).
const ENGLISH_TEXT: &str = include_str!("../../templates/init/en-text.yaml");
/// The navigation init writes, its labels in every language.
const NAVIGATION: &str = include_str!("../../templates/init/navigation.yaml");
const README_ZH: &str = include_str!("init-README.zh.md");
const README_EN: &str = include_str!("init-README.md");
const GITIGNORE: &str = "# The built archive site, a site being built or replaced, and clerk's temporary files.\npublic/\n.clerk-site-*/\n.clerk-old-*/\n.clerk-*.tmp\n";

/// The holiday calendars clerk ships, by name (region and year): each a data file that says
/// where its dates come from.
pub const HOLIDAYS: &[(&str, &str)] = &[
    (
        "zh-CN-2026",
        include_str!("../../templates/holidays/zh-CN-2026.yaml"),
    ),
    (
        "zh-TW-2026",
        include_str!("../../templates/holidays/zh-TW-2026.yaml"),
    ),
];

/// The language a new repository is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Locale {
    #[value(name = "zh-Hant")]
    ZhHant,
    #[value(name = "zh-Hans")]
    ZhHans,
    #[value(name = "en")]
    En,
}

impl Locale {
    fn id(self) -> &'static str {
        match self {
            Locale::ZhHant => "zh-Hant",
            Locale::ZhHans => "zh-Hans",
            Locale::En => "en",
        }
    }

    /// Chinese text in this locale's script: Simplified for zh-Hans, as written otherwise.
    fn script(self, text: &str) -> anyhow::Result<String> {
        match self {
            Locale::ZhHans => simplified(text),
            _ => Ok(text.to_string()),
        }
    }

    fn currency(self) -> &'static str {
        match self {
            Locale::ZhHant => "Amounts in 新臺幣 (TWD).",
            Locale::ZhHans => "Amounts in 人民币 (CNY).",
            Locale::En => "Amounts in the association's currency.",
        }
    }

    /// The decimals of the locale's currency: 新臺幣 is kept in whole dollars, 人民币 in fen.
    fn decimals(self) -> &'static str {
        match self {
            Locale::ZhHans => "2",
            _ => "0",
        }
    }

    fn default_name(self) -> &'static str {
        match self {
            Locale::En => "(association name)",
            _ => "（協會名稱）",
        }
    }
}

/// What `clerk init` was asked for.
pub struct InitRequest<'a> {
    pub dir: &'a Path,
    pub name: Option<&'a str>,
    pub locale: Locale,
    /// Names of shipped holiday calendars (`zh-TW-2026`).
    pub holidays: &'a [String],
}

/// `clerk init DIR`: writes the configuration, every type file, a README and a .gitignore into
/// DIR (which must not hold a clerk.yaml yet), makes it a git repository if it is not inside
/// one, and installs the hooks. Returns the files written.
pub fn init(req: &InitRequest) -> anyhow::Result<Vec<PathBuf>> {
    let dir = req.dir;
    if dir.join(config::FILE).exists() {
        bail!(crate::i18n::t("init-exists", &[("dir", &dir.display())]));
    }
    let locale = req.locale;
    let name = req.name.unwrap_or(locale.default_name());
    let calendar = calendar(req.holidays)?;
    std::fs::create_dir_all(dir.join("types"))
        .with_context(|| crate::i18n::t("io-create", &[("path", &dir.display())]))?;
    let (config_text, readme) = match locale {
        Locale::En => (CONFIG_EN, README_EN),
        _ => (CONFIG_ZH, README_ZH),
    };
    let config_text = config_text
        .replace("{qname}", &scalar(name)?)
        .replace("{name}", name)
        .replace("{locale}", locale.id())
        .replace("{currency}", locale.currency())
        .replace("{decimals}", locale.decimals())
        .replace("{calendar}", &calendar)
        .replace("{navigation}", &navigation(locale)?);
    let mut files: Vec<(PathBuf, String)> = vec![
        (dir.join(config::FILE), locale.script(&config_text)?),
        (
            dir.join("README.md"),
            locale.script(&readme.replace("{name}", name))?,
        ),
        (dir.join(".gitignore"), GITIGNORE.to_string()),
    ];
    for (type_name, text) in TYPES {
        let mut text = neutral(type_name, text, name, locale)?;
        if locale == Locale::En {
            text = english_text(type_name, &english(&text)?, name)?;
        }
        files.push((
            dir.join("types").join(format!("{type_name}.yaml")),
            locale.script(&text)?,
        ));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if path.exists() {
            // A README or .gitignore of the user's own stays as it is.
            continue;
        }
        super::new::create_new(&path, &text)?;
        written.push(path);
    }
    if git2::Repository::discover(dir).is_err() {
        git2::Repository::init(dir)
            .with_context(|| crate::i18n::t("init-no-git", &[("path", &dir.display())]))?;
    }
    written.extend(super::hooks::install(dir, false)?);
    Ok(written)
}

/// `text` in Simplified characters, by OpenCC's Traditional-to-Simplified tables (phrases
/// first, then characters).
fn simplified(text: &str) -> anyhow::Result<String> {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    static T2S: std::sync::OnceLock<Result<OpenCC, String>> = std::sync::OnceLock::new();
    match T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).map_err(|e| e.to_string())) {
        Ok(converter) => Ok(converter.convert(text)),
        Err(e) => Err(anyhow!(
            "cannot load the Traditional-to-Simplified tables: {e}"
        )),
    }
}

/// `text` as a YAML scalar: as written when it reads back the same, else quoted.
fn scalar(text: &str) -> anyhow::Result<String> {
    let plain = matches!(yaml::parse_value(&format!("k: {text}")),
        Ok(v) if v["k"].as_str() == Some(text))
        && !text.contains(['#', '\n']);
    Ok(if plain {
        text.to_string()
    } else {
        serde_json::to_string(text)?
    })
}

/// A shipped type file without the example's own names: its association's name becomes
/// `name`, and each of `templates/init/neutral.yaml`'s replacements is made.
fn neutral(type_name: &str, text: &str, name: &str, locale: Locale) -> anyhow::Result<String> {
    let example = yaml::parse_value(CONFIG)
        .ok()
        .and_then(|c| c["association"]["name"].as_str().map(str::to_string))
        .ok_or_else(|| anyhow!("the shipped configuration names no association"))?;
    let mut text = text.replace(&example, name);
    let table = yaml::parse_value(NEUTRAL).map_err(|e| anyhow!("neutral.yaml: {e:?}"))?;
    for entry in table.as_array().into_iter().flatten() {
        if entry["file"].as_str() != Some(type_name) {
            continue;
        }
        let find = entry["find"].as_str().unwrap_or_default();
        let with = &entry["with"];
        let with = with[locale.id()]
            .as_str()
            .or_else(|| with["zh-Hant"].as_str())
            .unwrap_or_default();
        text = text.replace(find, with);
    }
    Ok(text)
}

/// A shipped type file with its titles and labels in English, by `templates/init/en.yaml`:
/// each `title:` and `label:`, the states' `labels: {…}`, and the column a register's
/// `subtotals:` names (a column's title). Only those scalars change; a title the table lacks
/// stays as written.
fn english(text: &str) -> anyhow::Result<String> {
    use regex::{Captures, Regex};
    let table = yaml::parse_value(ENGLISH).map_err(|e| anyhow!("en.yaml: {e:?}"))?;
    let word = |c: &Captures| -> String {
        let (key, value, end) = (&c[1], &c[2], &c[3]);
        let english = table[value.trim()].as_str().unwrap_or(value);
        format!("{key}{english}{end}")
    };
    let scalar =
        Regex::new(r"(?m)(\b(?:title|label|subtotals): *)([^,{}\[\]\n#'\x22]+?)( *(?:,|\}| #|$))")?;
    let states = Regex::new(r"(?m)(\blabels: \{)([^}\n]*)(\})")?;
    let state = Regex::new(r"([\w-]+: *)([^,]+?)( *(?:,|$))")?;
    let text = scalar.replace_all(text, |c: &Captures| word(c));
    let text = states.replace_all(&text, |c: &Captures| {
        format!(
            "{}{}{}",
            &c[1],
            state.replace_all(&c[2], |c: &Captures| word(c)),
            &c[3]
        )
    });
    Ok(text.into_owned())
}

/// The replacements `templates/init/en-text.yaml` lists for the type file `type_name`, each
/// `{name}` made the association's name.
fn english_texts(type_name: &str, name: &str) -> anyhow::Result<Vec<(String, String)>> {
    let table = yaml::parse_value(ENGLISH_TEXT).map_err(|e| anyhow!("en-text.yaml: {e:?}"))?;
    let mut pairs = Vec::new();
    for pair in table[type_name].as_array().into_iter().flatten() {
        match (pair[0].as_str(), pair[1].as_str()) {
            (Some(find), Some(with)) if !find.is_empty() => {
                pairs.push((find.replace("{name}", name), with.replace("{name}", name)))
            }
            _ => bail!("en-text.yaml: {type_name}: {pair} is not a pair of texts"),
        }
    }
    Ok(pairs)
}

/// A shipped type file, its titles already English, with the rest of its Chinese in English
/// too: comments, descriptions, rules' messages, new records' bodies and the values its
/// records write, by `templates/init/en-text.yaml`.
fn english_text(type_name: &str, text: &str, name: &str) -> anyhow::Result<String> {
    let mut text = text.to_string();
    for (find, with) in english_texts(type_name, name)? {
        text = text.replace(&find, &with);
    }
    Ok(text)
}

/// `site.navigation`'s lines: the groups of `templates/init/navigation.yaml`, each labelled in
/// `locale`'s language.
fn navigation(locale: Locale) -> anyhow::Result<String> {
    let groups = yaml::parse_value(NAVIGATION).map_err(|e| anyhow!("navigation.yaml: {e:?}"))?;
    let mut out = String::from("  navigation:");
    for group in groups.as_array().into_iter().flatten() {
        let label = group["label"][locale.id()]
            .as_str()
            .ok_or_else(|| anyhow!("navigation.yaml: a group has no {} label", locale.id()))?;
        let types: Vec<&str> = group["types"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        out.push_str(&format!(
            "\n    - {{label: {}, types: [{}]}}",
            scalar(label)?,
            types.join(", ")
        ));
    }
    Ok(out)
}

/// The `calendar:` section: the chosen calendars' holidays and make-up working days, each
/// calendar's dates under a comment naming it; empty lists, and how to fill them, without one.
fn calendar(names: &[String]) -> anyhow::Result<String> {
    let shipped: Vec<&str> = HOLIDAYS.iter().map(|(n, _)| *n).collect();
    if names.is_empty() {
        return Ok(format!(
            "# Fill in the association's holidays (YYYY-MM-DD), or start from a calendar clerk\n\
             # ships for the coming years: clerk init --holidays NAME ({}).\n\
             calendar:\n  holidays: []\n  workdays: []\n",
            shipped.join(", ")
        ));
    }
    let mut holidays = Vec::new();
    let mut workdays = Vec::new();
    let mut sources = Vec::new();
    for name in names {
        let (_, text) = HOLIDAYS.iter().find(|(n, _)| n == name).ok_or_else(|| {
            let shipped = shipped.join(", ");
            anyhow!(crate::i18n::t(
                "init-no-holidays",
                &[("name", name), ("shipped", &shipped)]
            ))
        })?;
        let data = yaml::parse_value(text).map_err(|e| anyhow!("holidays/{name}.yaml: {e:?}"))?;
        let dates = |key: &str| -> Vec<String> {
            data[key]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d.as_str().map(str::to_string))
                .collect()
        };
        holidays.extend(dates("holidays"));
        workdays.extend(dates("workdays"));
        // The calendar's own header says where its dates come from.
        sources.push(format!("# {name}:"));
        sources.extend(
            text.lines()
                .take_while(|l| l.starts_with('#'))
                .map(str::to_string),
        );
    }
    Ok(format!(
        "# From the calendars clerk ships, to be checked against the published ones; add each\n\
         # coming year's days as they are announced.\n{}\n\
         calendar:\n  holidays: [{}]\n  workdays: [{}]\n",
        sources.join("\n"),
        holidays.join(", "),
        workdays.join(", ")
    ))
}

/// `clerk init`'s arguments.
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The folder to create or fill.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The association's name.
    #[arg(long)]
    pub name: Option<String>,
    /// The language of the configuration, labels and README: zh-Hant (Traditional Chinese),
    /// zh-Hans (Simplified Chinese) or en.
    #[arg(long, value_enum, default_value = "zh-Hant")]
    pub locale: Locale,
    /// A holiday calendar clerk ships, copied into clerk.yaml's `calendar:` (zh-TW-2026,
    /// zh-CN-2026). Repeatable; without it the lists are left for you to fill.
    #[arg(long, value_name = "NAME", value_parser = holiday_name)]
    pub holidays: Vec<String>,
}

/// A `--holidays` argument: the name of a calendar clerk ships.
fn holiday_name(s: &str) -> Result<String, String> {
    if HOLIDAYS.iter().any(|(n, _)| *n == s) {
        return Ok(s.to_string());
    }
    let names: Vec<&str> = HOLIDAYS.iter().map(|(n, _)| *n).collect();
    Err(format!(
        "clerk ships no holiday calendar `{s}`; it ships: {}",
        names.join(", ")
    ))
}

impl InitArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        let written = init(&InitRequest {
            dir: &self.dir,
            name: self.name.as_deref(),
            locale: self.locale,
            holidays: &self.holidays,
        })?;
        for path in written {
            println!("{}", crate::i18n::t("wrote", &[("path", &path.display())]));
        }
        println!("{}", crate::i18n::t("init-next", &[]));
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text `templates/init/en-text.yaml` replaces is in its type file when its turn comes
    /// (a changed type file leaves no entry that silently does nothing), and names a shipped type.
    #[test]
    fn every_english_text_is_found_in_its_type_file() {
        let table = yaml::parse_value(ENGLISH_TEXT).unwrap();
        let files = table.as_object().unwrap();
        for file in files.keys() {
            assert!(TYPES.iter().any(|(t, _)| t == file), "no type file {file}");
        }
        let mut n = 0;
        for (type_name, shipped) in TYPES {
            let text = neutral(type_name, shipped, "Harbour Arts", Locale::En).unwrap();
            let mut text = english(&text).unwrap();
            for (find, with) in english_texts(type_name, "Harbour Arts").unwrap() {
                assert!(text.contains(&find), "{type_name}: `{find}` is not there");
                text = text.replace(&find, &with);
                n += 1;
            }
        }
        assert!(n > 100, "{n} replacements");
    }
}
