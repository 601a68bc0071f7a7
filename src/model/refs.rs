//! References between records, declared per type: `person: person`,
//! `approvals[].by: person`, `council_resolution: meeting#resolutions`, `department: "@departments"`.

use serde_json::Value;

/// One step of a field path: a key, and whether the value is a list to walk through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub key: String,
    pub each: bool,
}

/// What a reference must name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A record of one of these types.
    Records(Vec<String>),
    /// `type#list`: a record of `type`, and after `#` the `id` of an item of its `list`.
    Anchored { types: Vec<String>, list: String },
    /// `@list`: the `id` of an item of a list in `clerk.yaml`, such as `@departments`.
    Config(String),
}

/// A declared reference: where in a record, and what it must name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefRule {
    /// The field path as written in the type file.
    pub field: String,
    pub path: Vec<Step>,
    pub target: Target,
}

impl RefRule {
    /// Parses `field` (`a`, `a.b`, `a[]`, `a[].b`) and `target`.
    pub fn parse(field: &str, target: &str) -> Result<RefRule, String> {
        let mut path = Vec::new();
        for part in field.split('.') {
            let (key, each) = match part.strip_suffix("[]") {
                Some(k) => (k, true),
                None => (part, false),
            };
            if key.is_empty() || key.contains(['[', ']', '#', '@']) {
                return Err(crate::i18n::t("refs-not-a-path", &[("field", &field)]));
            }
            path.push(Step {
                key: key.to_string(),
                each,
            });
        }
        let target = target.trim();
        let names = |s: &str| -> Result<Vec<String>, String> {
            let names: Vec<String> = s.split('|').map(|t| t.trim().to_string()).collect();
            if names
                .iter()
                .any(|n| n.is_empty() || n.contains([' ', '#', '@']))
            {
                return Err(crate::i18n::t("refs-not-a-target", &[("target", &target)]));
            }
            Ok(names)
        };
        let target = if let Some(list) = target.strip_prefix('@') {
            if list.is_empty() || list.contains(['|', '#']) {
                return Err(crate::i18n::t("refs-not-a-target", &[("target", &target)]));
            }
            Target::Config(list.to_string())
        } else if let Some((types, list)) = target.split_once('#') {
            if list.is_empty() {
                return Err(crate::i18n::t("refs-no-list", &[("target", &target)]));
            }
            Target::Anchored {
                types: names(types)?,
                list: list.to_string(),
            }
        } else {
            Target::Records(names(target)?)
        };
        Ok(RefRule {
            field: field.to_string(),
            path,
            target,
        })
    }

    /// The record types this rule names (none for a `@config` list).
    pub fn types(&self) -> &[String] {
        match &self.target {
            Target::Records(t) | Target::Anchored { types: t, .. } => t,
            Target::Config(_) => &[],
        }
    }

    /// Every text value at this path in `fields`, with its JSON pointer.
    pub fn values<'a>(&self, fields: &'a Value) -> Vec<(String, &'a str)> {
        let mut out = Vec::new();
        collect(fields, &self.path, String::new(), &mut out);
        out
    }
}

fn collect<'a>(value: &'a Value, path: &[Step], pointer: String, out: &mut Vec<(String, &'a str)>) {
    let Some((step, rest)) = path.split_first() else {
        if let Value::String(s) = value {
            out.push((pointer, s));
        }
        return;
    };
    let Some(child) = value.get(&step.key) else {
        return;
    };
    let pointer = format!(
        "{pointer}/{}",
        crate::parse::yaml::escape_pointer(&step.key)
    );
    if step.each {
        if let Value::Array(items) = child {
            for (i, item) in items.iter().enumerate() {
                collect(item, rest, format!("{pointer}/{i}"), out);
            }
        }
    } else {
        collect(child, rest, pointer, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_targets() {
        assert_eq!(
            RefRule::parse("person", "person").unwrap().target,
            Target::Records(vec!["person".into()])
        );
        assert_eq!(
            RefRule::parse("r", "meeting#resolutions").unwrap().target,
            Target::Anchored {
                types: vec!["meeting".into()],
                list: "resolutions".into()
            }
        );
        assert_eq!(
            RefRule::parse("d", "@departments").unwrap().target,
            Target::Config("departments".into())
        );
        assert_eq!(
            RefRule::parse("x", "document | policy").unwrap().target,
            Target::Records(vec!["document".into(), "policy".into()])
        );
        assert!(RefRule::parse("a..b", "person").is_err());
        assert!(RefRule::parse("a", "meeting#").is_err());
        assert!(RefRule::parse("a", "").is_err());
    }

    #[test]
    fn walks_lists() {
        let rule = RefRule::parse("approvals[].by", "person").unwrap();
        let fields = json!({"approvals": [{"by": "a"}, {"by": 3}, {"by": "c"}]});
        assert_eq!(
            rule.values(&fields),
            vec![
                ("/approvals/0/by".to_string(), "a"),
                ("/approvals/2/by".to_string(), "c")
            ]
        );
        let rule = RefRule::parse("present[]", "person").unwrap();
        assert_eq!(rule.values(&json!({"present": ["x", "y"]})).len(), 2);
        assert!(rule.values(&json!({"present": "x"})).is_empty());
    }
}
