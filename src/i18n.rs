//! Messages in the staff's language: clerk's own words (findings, hints, notes, summaries) in
//! Traditional Chinese, Simplified Chinese or English, from the Fluent catalogs in `locales/`.
//!
//! The language is chosen once per run (`--lang`, else `CLERK_LANG`, else the system's `LANG`
//! unless it is `C` or `POSIX`, else the association's `association.locale`, else English) and
//! every message is made in it; a message a catalog lacks falls back to English. Codes, JSON
//! keys and exit statuses are the same in every language. Names from the association's data —
//! types, roles, steps, people — are its labels and names, not translations.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language clerk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhHant,
    ZhHans,
    En,
}

impl Lang {
    /// The language a tag names: `zh-Hant`, `zh-TW`, `zh_HK.UTF-8` are Traditional, `zh-Hans`,
    /// `zh-CN`, `zh_SG` Simplified, `en…` English; `None` for any other.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        let lower = tag.to_ascii_lowercase();
        if lower == "zh-hans" || ["zh-cn", "zh-sg", "zh-my"].contains(&lower.as_str()) {
            return Some(Lang::ZhHans);
        }
        if lower.starts_with("zh") {
            return Some(Lang::ZhHant);
        }
        lower.starts_with("en").then_some(Lang::En)
    }

    /// Its tag, as `association.locale` writes it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
            Lang::En => "en",
        }
    }
}

/// Chooses the language of this run: `flag` (`--lang`), `CLERK_LANG`, the system's locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`; not `C` or `POSIX`), `association` (the configuration's
/// locale), English.
pub fn choose(flag: Option<&str>, association: Option<&str>) -> Lang {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let system = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k))
        .filter(|v| !matches!(v.split('.').next(), Some("C" | "POSIX")));
    flag.map(str::to_string)
        .or_else(|| env("CLERK_LANG"))
        .and_then(|t| Lang::from_tag(&t))
        .or_else(|| system.and_then(|t| Lang::from_tag(&t)))
        .or_else(|| association.and_then(Lang::from_tag))
        .unwrap_or(Lang::En)
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run (the first call wins).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run (English until one is set).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// The catalogs, by language: clerk's messages, and the help of its command line
/// (`locales/help/`, which English takes from the doc comments).
const CATALOGS: [(Lang, &str, &str, &str); 3] = [
    (
        Lang::En,
        "en",
        include_str!("../locales/en.ftl"),
        include_str!("../locales/help/en.ftl"),
    ),
    (
        Lang::ZhHant,
        "zh-Hant",
        include_str!("../locales/zh-Hant.ftl"),
        include_str!("../locales/help/zh-Hant.ftl"),
    ),
    (
        Lang::ZhHans,
        "zh-Hans",
        include_str!("../locales/zh-Hans.ftl"),
        include_str!("../locales/help/zh-Hans.ftl"),
    ),
];

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<(Lang, FluentBundle<FluentResource>)>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        CATALOGS
            .iter()
            .map(|(lang, tag, text, help)| {
                let id: LanguageIdentifier = tag.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                // The catalogs are part of clerk; a test parses each in full.
                for text in [text, help] {
                    let resource = FluentResource::try_new((*text).to_string())
                        .unwrap_or_else(|(partial, _)| partial);
                    let _ = bundle.add_resource(resource);
                }
                (*lang, bundle)
            })
            .collect()
    });
    all.iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, b)| b)
        .unwrap_or(&all[0].1)
}

/// The message `id` in this run's language with `args` (English when its catalog lacks it,
/// the id itself when no catalog has it).
pub fn t(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    in_lang(lang(), id, args)
}

/// [`t`] with owned values: `tv("id", &[("by", name)])`.
pub fn tv(id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
        .collect();
    t(id, &args)
}

/// The message `id` in `lang`.
pub fn in_lang(lang: Lang, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, FluentValue::from(v.to_string()));
    }
    for bundle in [bundle(lang), bundle(Lang::En)] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// The word before an error, with its space (`error: `, `錯誤：`), in `lang`.
pub fn error_word(lang: Lang) -> String {
    find(lang, "clap-error").unwrap_or_else(|| "error: ".to_string())
}

/// The message `id` in `lang` if `lang`'s catalog has it (no English fallback).
pub fn find(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// A count with its noun in this run's language (`3 errors`, `3 個錯誤`): the catalog's
/// `ID` message with `$n`.
pub fn count(id: &str, n: usize) -> String {
    let lang = lang();
    let mut fluent_args = FluentArgs::new();
    fluent_args.set("n", FluentValue::from(n));
    for bundle in [bundle(lang), bundle(Lang::En)] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    format!("{n} {id}")
}

/// A label the association wrote (a role's, a state's, a type's title) in the script of this
/// run's language: Simplified for zh-Hans, Traditional for zh-Hant, as written for English.
/// Converted once per label by OpenCC's tables; never give it an id or a value a user types.
pub fn script(label: &str) -> String {
    in_script(lang(), label)
}

/// [`script`] for `lang`.
pub fn in_script(lang: Lang, label: &str) -> String {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static DONE: OnceLock<Mutex<HashMap<(u8, String), String>>> = OnceLock::new();
    if lang == Lang::En || label.is_ascii() {
        return label.to_string();
    }
    let done = DONE.get_or_init(Default::default);
    let key = (lang as u8, label.to_string());
    if let Some(hit) = done.lock().ok().and_then(|d| d.get(&key).cloned()) {
        return hit;
    }
    let converted = convert(lang, label);
    if let Ok(mut d) = done.lock() {
        d.insert(key, converted.clone());
    }
    converted
}

/// `text` in `lang`'s script. Traditional text is left alone for zh-Hant (a Simplified
/// character such as 后 is also a Traditional one): only text with no Traditional-only
/// character is converted to Traditional, in its Taiwan forms (秘書長, not 祕書長).
fn convert(lang: Lang, text: &str) -> String {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    let t2s = T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok());
    let s2t = S2T.get_or_init(|| OpenCC::from_config(BuiltinConfig::S2tw).ok());
    let (Some(t2s), Some(s2t)) = (t2s, s2t) else {
        return text.to_string();
    };
    let simplified = t2s.convert(text);
    match lang {
        Lang::ZhHans => simplified,
        Lang::ZhHant if simplified == text => s2t.convert(text),
        _ => text.to_string(),
    }
}

/// A text an association writes for staff to read (a rule's `message:` or `hint:`): one for
/// every language, or one per language (`{zh-Hant: …, zh-Hans: …, en: …}`) in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    One(String),
    Many(Vec<(String, String)>),
}

impl Written {
    /// The text in this run's language: the one written for it, else the other Chinese
    /// script's converted (for a Chinese run), else the first given; Chinese in the script of
    /// a Chinese run.
    pub fn get(&self) -> String {
        self.in_lang(lang())
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let many = match self {
            Written::One(text) => return in_script(lang, text),
            Written::Many(many) => many,
        };
        let by = |l: Lang| many.iter().find(|(k, _)| Lang::from_tag(k) == Some(l));
        if let Some((_, text)) = by(lang) {
            return text.clone();
        }
        let chinese = [Lang::ZhHant, Lang::ZhHans].into_iter().find_map(by);
        match (lang, chinese) {
            (Lang::ZhHant | Lang::ZhHans, Some((_, text))) => in_script(lang, text),
            _ => many
                .first()
                .map_or_else(String::new, |(_, text)| in_script(lang, text)),
        }
    }

    /// The languages written that clerk does not speak (`fr`, `zh-Hnat`).
    pub fn unknown_languages(&self) -> Vec<&str> {
        match self {
            Written::One(_) => Vec::new(),
            Written::Many(many) => many
                .iter()
                .filter(|(k, _)| !["zh-Hant", "zh-Hans", "en"].contains(&k.as_str()))
                .map(|(k, _)| k.as_str())
                .collect(),
        }
    }
}

impl From<&str> for Written {
    fn from(text: &str) -> Self {
        Written::One(text.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Written {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Written;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a text per language such as `{zh-Hant: …, en: …}`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Written, E> {
                Ok(Written::One(v.to_string()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut m: M,
            ) -> Result<Written, M::Error> {
                let mut many = Vec::new();
                while let Some(entry) = m.next_entry::<String, String>()? {
                    many.push(entry);
                }
                Ok(Written::Many(many))
            }
        }
        d.deserialize_any(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses_and_has_every_english_message() {
        let ids = |text: &str| -> Vec<String> {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
            resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect()
        };
        let english = [ids(CATALOGS[0].2), ids(CATALOGS[0].3)].concat();
        for (lang, _, text, help) in &CATALOGS[1..] {
            let (text, help) = (ids(text), ids(help));
            let twice: Vec<&String> = help.iter().filter(|id| text.contains(id)).collect();
            assert!(twice.is_empty(), "{lang:?} has {twice:?} twice");
            let have = [text, help].concat();
            let missing: Vec<&String> = english.iter().filter(|id| !have.contains(id)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn languages_come_from_tags() {
        assert_eq!(Lang::from_tag("zh_TW.UTF-8"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh-Hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr_FR"), None);
        assert_eq!(in_lang(Lang::ZhHant, "hint", &[]), "提示");
        assert_eq!(in_lang(Lang::ZhHans, "type-list", &[]), "列表");
        // A message a catalog lacks is English; one no catalog has is its id.
        assert_eq!(
            in_lang(Lang::ZhHant, "no-such-message", &[]),
            "no-such-message"
        );
    }

    #[test]
    fn labels_come_in_the_run_script() {
        assert_eq!(in_script(Lang::ZhHans, "秘書長"), "秘书长");
        assert_eq!(in_script(Lang::ZhHant, "秘书长"), "秘書長");
        // Traditional text stays as written, even with characters both scripts share.
        assert_eq!(in_script(Lang::ZhHant, "皇后與秘書長"), "皇后與秘書長");
        assert_eq!(in_script(Lang::En, "秘書長"), "秘書長");
    }

    #[test]
    fn written_texts_pick_the_run_language() {
        let many = |pairs: &[(&str, &str)]| {
            Written::Many(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )
        };
        let both = many(&[("zh-Hant", "未簽署承諾書"), ("en", "no commitment")]);
        assert_eq!(both.in_lang(Lang::En), "no commitment");
        assert_eq!(both.in_lang(Lang::ZhHant), "未簽署承諾書");
        assert_eq!(both.in_lang(Lang::ZhHans), "未签署承诺书");
        let english = many(&[("en", "no commitment"), ("zh-Hans", "未签署")]);
        assert_eq!(english.in_lang(Lang::ZhHant), "未簽署");
        assert_eq!(many(&[("en", "x")]).in_lang(Lang::ZhHans), "x");
        assert_eq!(
            many(&[("fr", "x"), ("en", "y")]).unknown_languages(),
            ["fr"]
        );
        let parsed: Written = serde_json::from_str(r#"{"en": "a", "zh-Hant": "b"}"#).unwrap();
        assert_eq!(parsed, many(&[("en", "a"), ("zh-Hant", "b")]));
    }
}
