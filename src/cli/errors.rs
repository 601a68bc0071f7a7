//! clap's refusals of a command line (an unknown option, a missing value) in the staff's
//! language: the same facts clap found — the argument, the value, the values allowed, the
//! suggestion, the usage — worded by the help catalogs. English keeps clap's own wording.

use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use crate::i18n::{self, Lang};

/// Formats clap's errors in this run's language.
pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> clap::builder::StyledStr {
        let lang = i18n::lang();
        let mut out = format!("{}{}", prefix(lang), message(error, lang));
        for kind in [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ] {
            if let Some(similar) = error.get(kind).map(value) {
                let tip = i18n::in_lang(lang, "clap-tip-similar", &[("similar", &similar)]);
                out.push_str(&format!("\n\n  {tip}"));
            }
        }
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            for tip in tips {
                out.push_str(&format!("\n\n  {}", suggestion(&tip.to_string(), lang)));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
            let usage = super::help::notes(lang, usage);
            let heading = i18n::in_lang(lang, "help-heading-usage-line", &[]);
            out.push_str(&format!("\n\n{heading}{usage}"));
        }
        out.push_str(&format!(
            "\n\n{}\n",
            i18n::in_lang(lang, "clap-try-help", &[])
        ));
        out.into()
    }
}

/// One of clap's tips in `lang`: `to pass '-o' as a value, use '-- -o'` is worded by the
/// catalog, any other is clap's.
fn suggestion(tip: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = tip.split('\'').collect();
    let tip = match (tip.starts_with("to pass '"), quoted.as_slice()) {
        (true, [_, value, _, how, ..]) => {
            let (value, how) = (format!("'{value}'"), format!("'{how}'"));
            i18n::in_lang(lang, "clap-tip-pass", &[("value", &value), ("how", &how)])
        }
        _ => tip.to_string(),
    };
    format!("{}{tip}", i18n::in_lang(lang, "clap-tip", &[]))
}

/// The word before an error, with its space (`error: `, `錯誤：`).
pub fn prefix(lang: Lang) -> String {
    i18n::error_word(lang)
}

/// A context value as one piece of text (`'--staged'`, `'a', 'b'`).
fn value(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => format!("'{s}'"),
        ContextValue::Strings(many) => many
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// What went wrong, in `lang`.
fn message(error: &clap::error::Error<Localized>, lang: Lang) -> String {
    let get = |kind: ContextKind| error.get(kind).map(value).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let given = get(ContextKind::InvalidValue);
    let key = match error.kind() {
        ErrorKind::UnknownArgument => "clap-unknown-argument",
        ErrorKind::InvalidSubcommand => "clap-unknown-command",
        ErrorKind::InvalidValue if given == "''" => "clap-value-missing",
        ErrorKind::InvalidValue => "clap-invalid-value",
        ErrorKind::ValueValidation => "clap-value-refused",
        ErrorKind::MissingRequiredArgument => "clap-missing-argument",
        ErrorKind::MissingSubcommand => "clap-missing-command",
        ErrorKind::ArgumentConflict => "clap-conflict",
        ErrorKind::NoEquals => "clap-no-equals",
        ErrorKind::TooManyValues => "clap-too-many-values",
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => "clap-wrong-number",
        other => return other.as_str().unwrap_or_default().to_string(),
    };
    let mut text = i18n::in_lang(
        lang,
        key,
        &[
            ("arg", &arg),
            ("value", &given),
            ("command", &get(ContextKind::InvalidSubcommand)),
            ("prior", &get(ContextKind::PriorArg)),
        ],
    );
    if error.kind() == ErrorKind::ValueValidation {
        if let Some(reason) = std::error::Error::source(error) {
            text.push_str(&format!(
                "{}{reason}",
                i18n::in_lang(lang, "clap-colon", &[])
            ));
        }
    }
    if let Some(allowed) = error.get(ContextKind::ValidValue).map(value) {
        let allowed = i18n::in_lang(lang, "clap-allowed", &[("values", &allowed)]);
        text.push_str(&format!("\n  {allowed}"));
    }
    text
}

/// Prints a refused command line (or the help or version asked for) and ends the run: status
/// 2 for a refusal, 0 for help and version.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    use ErrorKind::{DisplayHelp, DisplayHelpOnMissingArgumentOrSubcommand, DisplayVersion};
    match error.kind() {
        DisplayHelp | DisplayHelpOnMissingArgumentOrSubcommand if lang != Lang::En => {
            let help = super::help::notes(lang, &styled(&error));
            if error.use_stderr() {
                eprint!("{help}");
            } else {
                print!("{help}");
            }
            std::process::exit(error.exit_code())
        }
        DisplayVersion => error.exit(),
        _ if lang == Lang::En || !worded(error.kind()) => error.exit(),
        _ => error.apply::<Localized>().exit(),
    }
}

/// Whether the catalogs word errors of this kind (clap's English says the others).
fn worded(kind: ErrorKind) -> bool {
    use ErrorKind::*;
    matches!(
        kind,
        UnknownArgument
            | InvalidSubcommand
            | InvalidValue
            | ValueValidation
            | MissingRequiredArgument
            | MissingSubcommand
            | ArgumentConflict
            | NoEquals
            | TooManyValues
            | TooFewValues
            | WrongNumberOfValues
    )
}

/// The help clap rendered, in colour on a terminal (unless `NO_COLOR`), else plain.
fn styled(error: &clap::Error) -> String {
    use std::io::IsTerminal;
    let text = error.render();
    let terminal = match error.use_stderr() {
        true => std::io::stderr().is_terminal(),
        false => std::io::stdout().is_terminal(),
    };
    match terminal && std::env::var_os("NO_COLOR").is_none() {
        true => text.ansi().to_string(),
        false => text.to_string(),
    }
}
