//! Classification levels (密級): who may see a record, as clerk.yaml's ordered
//! `classifications` — ids with labels, lowest first (default 公開 public < 內部 internal <
//! 機密 confidential). A site, register or report is built for one level and shows the records
//! at or below it.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::registers::Label;

/// A level, by its rank among the configured ones (0 is the lowest, the most open).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Classification(u8);

impl Classification {
    /// The lowest level: everyone may see it.
    pub const LOWEST: Classification = Classification(0);
}

/// One level as clerk.yaml writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    /// Its name (`{zh-Hant: 秘密, zh-Hans: 秘密, en: Secret}`).
    pub label: Label,
    /// The name of a build for this level (公開版); its label followed by 版 / edition if unset.
    #[serde(default)]
    pub edition: Option<Label>,
}

/// The configured levels, lowest first: at least one, ids unique, at most 100.
#[derive(Debug, Clone)]
pub struct Levels(Vec<Level>);

impl<'de> Deserialize<'de> for Levels {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let levels: Vec<Level> = Vec::deserialize(d)?;
        Levels::new(levels).map_err(serde::de::Error::custom)
    }
}

fn label(zh_hant: &str, zh_hans: &str, en: &str) -> Label {
    Label::Many(BTreeMap::from([
        ("zh-Hant".to_string(), zh_hant.to_string()),
        ("zh-Hans".to_string(), zh_hans.to_string()),
        ("en".to_string(), en.to_string()),
    ]))
}

impl Default for Levels {
    fn default() -> Levels {
        let level = |id: &str, l: Label, e: Label| Level {
            id: id.to_string(),
            label: l,
            edition: Some(e),
        };
        Levels(vec![
            level(
                "public",
                label("公開", "公开", "Public"),
                label("公開版", "公开版", "Public edition"),
            ),
            level(
                "internal",
                label("內部", "内部", "Internal"),
                label("內部版", "内部版", "Internal edition"),
            ),
            level(
                "confidential",
                label("機密", "机密", "Confidential"),
                label("機密版", "机密版", "Confidential edition"),
            ),
        ])
    }
}

impl Levels {
    /// The levels, refused when empty, too many, or an id is empty or given twice.
    pub fn new(levels: Vec<Level>) -> Result<Levels, String> {
        if levels.is_empty() || levels.len() > 100 {
            return Err(crate::i18n::t("levels-count", &[]));
        }
        for (i, level) in levels.iter().enumerate() {
            if level.id.trim().is_empty() {
                return Err(crate::i18n::t("levels-empty-id", &[]));
            }
            if levels[..i].iter().any(|l| l.id == level.id) {
                return Err(crate::i18n::t("levels-twice", &[("id", &level.id)]));
            }
        }
        Ok(Levels(levels))
    }

    /// The level with this id.
    pub fn parse(&self, id: &str) -> Option<Classification> {
        let at = self.0.iter().position(|l| l.id == id)?;
        u8::try_from(at).ok().map(Classification)
    }

    /// The level with this id, or an error naming the levels there are.
    pub fn resolve(&self, id: &str) -> Result<Classification, String> {
        self.parse(id).ok_or_else(|| {
            crate::i18n::t(
                "levels-unknown",
                &[("id", &id), ("levels", &self.ids().join(", "))],
            )
        })
    }

    /// A level's id.
    pub fn id(&self, c: Classification) -> &str {
        self.level(c).id.as_str()
    }

    /// A level's label in `locale`.
    pub fn label(&self, c: Classification, locale: &str) -> &str {
        self.level(c).label.get(locale)
    }

    /// The name of a build for level `c` in `locale` (公開版, Internal edition).
    pub fn edition(&self, c: Classification, locale: &str) -> String {
        let level = self.level(c);
        match &level.edition {
            Some(e) => e.get(locale).to_string(),
            None if locale == "en" => format!("{} edition", level.label.get(locale)),
            None => format!("{}版", level.label.get(locale)),
        }
    }

    /// Every id, lowest first.
    pub fn ids(&self) -> Vec<&str> {
        self.0.iter().map(|l| l.id.as_str()).collect()
    }

    /// The highest level: what a record of unknown classification is taken to be.
    pub fn top(&self) -> Classification {
        Classification(u8::try_from(self.0.len() - 1).unwrap_or(u8::MAX))
    }

    /// The first level above the lowest (the staff's own, `internal` by default), or the
    /// lowest when there is only one: what a document's side panels default to.
    pub fn staff(&self) -> Classification {
        Classification(1).min(self.top())
    }

    fn level(&self, c: Classification) -> &Level {
        let at = usize::from(c.0).min(self.0.len() - 1);
        &self.0[at]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_as_listed_and_refuse_duplicates() {
        let four: Levels = serde_yaml::from_str(
            "- {id: public, label: 公開}\n- {id: internal, label: 內部}\n\
             - {id: secret, label: 秘密}\n- {id: confidential, label: 機密}\n",
        )
        .unwrap();
        let secret = four.parse("secret").unwrap();
        assert!(secret > four.parse("internal").unwrap());
        assert!(secret < four.top());
        assert_eq!(four.id(four.top()), "confidential");
        assert_eq!(four.edition(secret, "zh-Hant"), "秘密版");
        assert_eq!(
            four.resolve("top-secret").unwrap_err(),
            "`top-secret` is not a classification level; the levels are: public, internal, \
             secret, confidential"
        );
        let twice: Result<Levels, _> =
            serde_yaml::from_str("- {id: a, label: A}\n- {id: a, label: B}\n");
        assert!(twice
            .unwrap_err()
            .to_string()
            .contains("`a` is listed twice"));
        let default = Levels::default();
        assert_eq!(default.ids(), ["public", "internal", "confidential"]);
        assert_eq!(default.id(default.staff()), "internal");
    }
}
