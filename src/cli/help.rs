//! clap's help, headings and manual pages in the staff's language.
//!
//! The English doc comments of the derive stay the source of truth; for a Chinese run the
//! built command tree is walked and every text replaced from the help catalogs
//! (`locales/help/*.ftl`), keyed by the command's path and the argument's id:
//! `help-check` (the about), `help-check-long` (the long about), `help-check-staged` and
//! `help-check-staged-long` (an argument's help and long help). An argument several commands
//! share (`--identity`, `--lang`) may be translated once as `help-arg-ID`.

use clap::{Arg, Command, CommandFactory};

use crate::i18n::{self, Lang};

use super::Cli;

/// clerk's command line in `lang`: clap's own for English, else every text translated.
pub fn command(lang: Lang) -> Command {
    localized(Cli::command(), lang)
}

/// `cmd` in `lang`.
fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that the `--help`/`--version` flags, the `help` command and the global
    // options copied into every command are there to translate.
    cmd.build();
    localize(cmd, &Place::default(), lang)
}

/// The catalog keys of a command's about: `help-clerk` for clerk itself, `help-PATH`.
fn command_key(path: Option<&str>) -> String {
    format!("help-{}", path.unwrap_or("clerk"))
}

/// The keys an argument's help may have, the command's own first.
fn arg_keys(path: Option<&str>, arg: &Arg) -> [String; 2] {
    let id = arg.get_id().as_str();
    let shared = match id {
        // clap words the built-in flags by whether the command has a long help.
        "help" if arg.get_long_help().is_some() => "help-arg-help-more".to_string(),
        _ => format!("help-arg-{id}"),
    };
    [format!("{}-{id}", command_key(path)), shared]
}

/// The text of `key` (or `key-long`) in `lang`, if its catalog has it.
fn text(lang: Lang, keys: &[String], suffix: &str) -> Option<String> {
    keys.iter()
        .find_map(|k| i18n::find(lang, &format!("{k}{suffix}")))
}

/// Where a command sits: the path its texts are keyed by (`None` for clerk itself), and the
/// path its commands are under — for the `help` command, whose copies of the commands are keyed
/// as the commands themselves, its owner's.
#[derive(Clone, Default)]
struct Place {
    key: Option<String>,
    base: Option<String>,
}

impl Place {
    /// The place of `sub`, a command under this one.
    fn child(&self, sub: &Command) -> Place {
        if sub.get_name() == "help" {
            return Place {
                key: Some("help".to_string()),
                base: self.base.clone(),
            };
        }
        let path = match &self.base {
            Some(base) => format!("{base}-{}", sub.get_name()),
            None => sub.get_name().to_string(),
        };
        Place {
            key: Some(path.clone()),
            base: Some(path),
        }
    }
}

fn localize(cmd: Command, place: &Place, lang: Lang) -> Command {
    let path = place.key.as_deref();
    let key = [command_key(path)];
    let template = template(&cmd, lang);
    let mut cmd = cmd
        .help_template(template)
        .subcommand_value_name(value_name(lang, "COMMAND"))
        .mut_args(|arg| localize_arg(arg, path, lang));
    if let Some(about) = text(lang, &key, "") {
        cmd = cmd.about(about);
    }
    if cmd.get_long_about().is_some() {
        if let Some(long) = text(lang, &key, "-long") {
            cmd = cmd.long_about(long);
        }
    }
    cmd.mut_subcommands(|sub| {
        let place = place.child(&sub);
        localize(sub, &place, lang)
    })
}

fn localize_arg(arg: Arg, path: Option<&str>, lang: Lang) -> Arg {
    let keys = arg_keys(path, &arg);
    let has_long = arg.get_long_help().is_some();
    let mut arg = arg;
    if let Some(names) = arg.get_value_names() {
        let names: Vec<String> = names.iter().map(|n| value_name(lang, n)).collect();
        arg = arg.value_names(names);
    }
    if let Some(help) = text(lang, &keys, "") {
        arg = arg.help(help);
    }
    if has_long {
        if let Some(long) = text(lang, &keys, "-long") {
            arg = arg.long_help(long);
        }
    }
    described_values(arg, &keys, lang)
}

/// A value's placeholder (`DIR`, `FIELD=VALUE`) in `lang`, from `help-value-dir`,
/// `help-value-field-value`; as it is when the catalog has none.
fn value_name(lang: Lang, name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let key = format!("help-value-{}", words.join("-"));
    i18n::find(lang, &key).unwrap_or_else(|| name.to_string())
}

/// The keys of the text of one of an argument's values (`help-arg-format-value-json`).
fn value_keys(keys: &[String], value: &str) -> Vec<String> {
    keys.iter().map(|k| format!("{k}-value-{value}")).collect()
}

/// An argument whose values are described (`--format`: text, json, github) with the list in
/// `lang`: clap's own list would be English, so it is hidden and written into the long help.
fn described_values(arg: Arg, keys: &[String], lang: Lang) -> Arg {
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.iter().any(|v| v.get_help().is_some()) {
        return arg;
    }
    let width = values.iter().map(|v| v.get_name().len()).max().unwrap_or(0) + 1;
    let lines: Option<Vec<String>> = values
        .iter()
        .map(|v| {
            let name = format!("{}:", v.get_name());
            let text = text(lang, &value_keys(keys, v.get_name()), "")?;
            Some(format!("- {name:width$} {text}"))
        })
        .collect();
    let Some(lines) = lines else { return arg };
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg
        .get_long_help()
        .map_or_else(|| help.clone(), ToString::to_string);
    let heading = i18n::in_lang(lang, "help-note-possible-long", &[]);
    let note = i18n::in_lang(lang, "help-note-possible", &[]);
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let short = format!("{help} {note}{}]", names.join(", "));
    arg.hide_possible_values(true)
        .long_help(format!("{long}\n\n{heading}\n{}", lines.join("\n")))
        .help(short)
}

/// A heading of the help (`usage`, `arguments`, `options`, `commands`) in `lang`.
fn heading(lang: Lang, name: &str) -> String {
    i18n::in_lang(lang, &format!("help-heading-{name}"), &[])
}

/// clap's default help layout with its headings in `lang`: the sections `cmd` has, each
/// under its heading (`用法：`, `指令：`, `參數：`, `選項：`) in clap's header style.
fn template(cmd: &Command, lang: Lang) -> String {
    let style = cmd.get_styles().get_header();
    let heading = |name: &str| format!("{style}{}{style:#}", heading(lang, name));
    let mut out = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}",
        heading("usage-line")
    );
    let any = |positional: bool| {
        cmd.get_arguments()
            .any(|a| a.is_positional() == positional && !a.is_hide_set())
    };
    let sections = [
        (
            "commands",
            "subcommands",
            cmd.get_subcommands().any(|s| !s.is_hide_set()),
        ),
        ("arguments", "positionals", any(true)),
        ("options", "options", any(false)),
    ];
    for (name, tag, present) in sections {
        if present {
            out.push_str(&format!("\n\n{}\n{{{tag}}}", heading(name)));
        }
    }
    out.push_str("{after-help}");
    out
}

/// clap's bracketed notes in a help or a manual page (`[default: …]`, `[possible values:
/// …]`) in `lang`.
pub fn notes(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (english, key) in [
        ("[default: ", "help-note-default"),
        ("[possible values: ", "help-note-possible"),
        ("[aliases: ", "help-note-aliases"),
        ("[alias: ", "help-note-aliases"),
        ("[env: ", "help-note-env"),
        ("Possible values:", "help-note-possible-long"),
        ("[OPTIONS]", "help-note-options"),
    ] {
        out = out.replace(english, &i18n::in_lang(lang, key, &[]));
    }
    out
}

/// `clerk man`: one page on standard output, or every page into a folder.
pub fn manual(command: Option<&str>, out_dir: Option<&std::path::Path>) -> anyhow::Result<i32> {
    let lang = i18n::lang();
    let mut cli = localized(Cli::command().disable_help_subcommand(true), lang);
    cli.build();
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        let mut pages = vec![cli.clone()];
        pages.extend(subcommands(&cli));
        for page in pages {
            let man = clap_mangen::Man::new(page);
            let path = dir.join(man.get_filename());
            crate::fsio::write_atomic(&path, &page_text(&man, lang)?)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        }
        let dir = dir.display().to_string();
        println!("{}", i18n::t("help-man-wrote", &[("dir", &dir)]));
        return Ok(0);
    }
    let page = match command {
        None => cli,
        Some(name) => cli
            .get_subcommands()
            .find(|s| s.get_name() == name && !s.is_hide_set())
            .cloned()
            .ok_or_else(|| anyhow::anyhow!(i18n::t("help-man-no-command", &[("name", &name)])))?,
    };
    print!("{}", page_text(&clap_mangen::Man::new(page), lang)?);
    Ok(0)
}

/// Every visible command under `cmd`, at any depth, named as its page is (`clerk-hooks-install`).
fn subcommands(cmd: &Command) -> Vec<Command> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let named = sub
            .clone()
            .name(format!("{}-{}", cmd.get_name(), sub.get_name()));
        out.extend(subcommands(&named));
        out.push(named);
    }
    out
}

/// A manual page's roff, its section headings and clap's notes in `lang`.
fn page_text(man: &clap_mangen::Man, lang: Lang) -> anyhow::Result<String> {
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let roff = String::from_utf8_lossy(&roff);
    if lang == Lang::En {
        return Ok(roff.into_owned());
    }
    let mut out = String::new();
    for line in roff.lines() {
        match line.strip_prefix(".SH ") {
            Some(section) => {
                let key = format!("help-man-{}", section.trim_matches('"').to_lowercase());
                let shown = i18n::find(lang, &key).unwrap_or_else(|| section.to_string());
                out.push_str(&format!(".SH {shown}\n"));
            }
            None => {
                out.push_str(&notes(lang, line));
                out.push('\n');
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of a command or argument a Chinese help shows, with the keys that may
    /// translate it, and its English.
    fn texts(cmd: &Command, place: &Place, out: &mut Vec<(Vec<String>, String)>) {
        if cmd.is_hide_set() {
            return;
        }
        let path = place.key.as_deref();
        let key = vec![command_key(path)];
        if let Some(about) = cmd.get_about() {
            out.push((key.clone(), about.to_string()));
        }
        if let Some(long) = cmd.get_long_about() {
            let keys = key.iter().map(|k| format!("{k}-long")).collect();
            out.push((keys, long.to_string()));
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let keys = arg_keys(path, arg);
            if let Some(help) = arg.get_help() {
                out.push((keys.to_vec(), help.to_string()));
            }
            if let Some(long) = arg.get_long_help() {
                let keys = keys.iter().map(|k| format!("{k}-long")).collect();
                out.push((keys, long.to_string()));
            }
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    out.push((value_keys(&keys, value.get_name()), help.to_string()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &place.child(sub), out);
        }
    }

    fn all_texts() -> Vec<(Vec<String>, String)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        texts(&cmd, &Place::default(), &mut out);
        out
    }

    /// A new command or option without a Chinese text fails here, naming it.
    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let mut missing = Vec::new();
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            for (keys, english) in all_texts() {
                if text(lang, &keys, "").is_none() {
                    missing.push(format!("{lang:?} {}: {english}", keys[0]));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// A shared `help-arg-ID` text stands for one English text only: when commands word an
    /// argument differently, each needs its own key.
    #[test]
    fn shared_texts_translate_one_english_text() {
        let mut by_key: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
            Default::default();
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            for (keys, english) in all_texts() {
                let own = i18n::find(lang, &keys[0]).is_some();
                if let (false, Some(shared)) = (own, keys.get(1)) {
                    let key = format!("{lang:?} {shared}");
                    by_key.entry(key).or_default().insert(english);
                }
            }
        }
        let ambiguous: Vec<_> = by_key.into_iter().filter(|(_, e)| e.len() > 1).collect();
        assert!(ambiguous.is_empty(), "{ambiguous:#?}");
    }
}
