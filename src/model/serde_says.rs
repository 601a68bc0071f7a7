//! serde's errors about clerk.yaml and the type files in the staff's language: the usual shapes
//! (an unknown field with the fields there are, a value of the wrong kind, a missing field, an
//! unknown choice, a duplicate) become catalog messages, names kept in backticks; any other
//! text follows a translated lead-in.

use crate::i18n::{t, tv};

/// serde's `message` (its position already cut off) in the run's language.
pub fn says(message: &str) -> String {
    for (lead, id) in [
        ("unknown field ", "serde-unknown-field"),
        ("unknown variant ", "serde-unknown-variant"),
    ] {
        if let Some(rest) = message.strip_prefix(lead) {
            let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
            let names = expected
                .strip_prefix("expected one of ")
                .or_else(|| expected.strip_prefix("expected "));
            return match names {
                Some(names) => tv(
                    id,
                    &[("name", name.to_string()), ("names", names.to_string())],
                ),
                None => tv(&format!("{id}-none"), &[("name", name.to_string())]),
            };
        }
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return tv("serde-missing-field", &[("name", name.to_string())]);
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return tv("serde-duplicate-field", &[("name", name.to_string())]);
    }
    for (lead, id) in [
        ("invalid type: ", "serde-invalid-type"),
        ("invalid value: ", "serde-invalid-value"),
    ] {
        if let Some((got, want)) = message
            .strip_prefix(lead)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            return tv(id, &[("got", found(got)), ("want", wanted(want))]);
        }
    }
    if message.is_ascii() && message.starts_with(|c: char| c.is_ascii_lowercase()) {
        return tv("serde-other", &[("message", message.to_string())]);
    }
    // clerk's own deserializers say it already in the staff's language.
    message.to_string()
}

/// What serde found (`string "x"`, `integer `5``, `sequence`) in words.
fn found(got: &str) -> String {
    let (kind, value) = got.split_once(' ').unwrap_or((got, ""));
    let kind = match kind {
        "string" => t("why-kind-text", &[]),
        "integer" | "floating" => t("why-kind-number", &[]),
        "boolean" => t("why-kind-bool", &[]),
        "sequence" => t("why-value-list", &[]),
        "map" => t("why-value-map", &[]),
        "unit" | "Option" | "null" => return t("why-value-empty", &[]),
        _ => return got.to_string(),
    };
    let value = value.trim_start_matches("point ").trim();
    if value.is_empty() {
        kind
    } else {
        tv(
            "serde-found",
            &[("kind", kind), ("value", value.to_string())],
        )
    }
}

/// What serde expected (`a sequence`, `u32`, `struct Association`) in words.
fn wanted(want: &str) -> String {
    let id = match want {
        "a string" | "string" | "a borrowed string" => "why-kind-text",
        "a sequence" | "sequence" => "why-value-list",
        "a map" | "map" => "why-value-map",
        "a boolean" | "bool" => "why-kind-bool",
        "f32" | "f64" | "a number" => "why-kind-number",
        w if w.starts_with("struct ") || w.starts_with("a mapping") => "why-value-map",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "serde-whole-number"
        }
        other => return other.to_string(),
    };
    t(id, &[])
}

#[cfg(test)]
mod tests {
    use super::says;

    #[test]
    fn the_usual_shapes_are_catalog_messages_with_their_names() {
        assert_eq!(
            says("unknown field `colour`, expected one of `a`, `b`"),
            "unknown field `colour` (the fields there are: `a`, `b`)"
        );
        assert_eq!(
            says("unknown field `colour`, there are no fields"),
            "unknown field `colour`: nothing may be written here"
        );
        assert_eq!(
            says("invalid type: string \"x\", expected a sequence"),
            "a list is needed, not text \"x\""
        );
        assert_eq!(
            says("invalid type: integer `5`, expected u32"),
            "a whole number is needed, not a number `5`"
        );
        assert_eq!(says("missing field `id`"), "the field `id` is missing");
        assert_eq!(
            says("unknown variant `x`, expected `a`"),
            "`x` is not one of the choices (the choices are: `a`)"
        );
        assert_eq!(
            says("duplicate field `id`"),
            "the field `id` is written twice"
        );
        assert_eq!(
            says("invalid length 3, expected 2 items"),
            "this setting cannot be read: invalid length 3, expected 2 items"
        );
        assert_eq!(says("已翻譯的訊息"), "已翻譯的訊息");
    }
}
