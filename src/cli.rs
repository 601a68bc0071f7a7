//! The `clerk` command line: every subcommand, its help, and which command runs it. Each
//! command's own arguments live beside its code (`cmd::*::Args`); the groups several share —
//! the repository, the audience, the day — live in `cmd::args`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;
use crate::i18n::{self, Lang};

mod errors;
mod help;

pub use help::command;

/// Keeps an association secretariat's records as checked, signed Markdown files in git.
#[derive(Parser, Debug)]
#[command(name = "clerk", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Run as if clerk was started in DIR (as `git -C DIR`). Every command finds its records
    /// repository from the current folder upwards, as git does.
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub chdir: Option<PathBuf>,
    /// The language of clerk's messages: zh-Hant, zh-Hans or en [default: $CLERK_LANG, else
    /// the system's LANG, else the association's `association.locale`].
    #[arg(long, global = true, value_name = "LANG", value_parser = language)]
    pub lang: Option<crate::i18n::Lang>,
}

/// A `--lang` argument.
fn language(s: &str) -> Result<Lang, String> {
    Lang::from_tag(s).ok_or_else(|| i18n::t("cli-lang-unknown", &[("lang", &s)]))
}

/// The language of this run, chosen from the command line `args` before clap parses it, so
/// that its help and refusals are in that language too: `--lang`, else as [`i18n::choose`]
/// says, with the `association.locale` of the repository `-C DIR` (or the current folder) is in.
pub fn choose_language(args: &[std::ffi::OsString]) -> Lang {
    let (mut flag, mut dir) = (None, None);
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        match word.as_str() {
            "--" => break,
            "--lang" => flag = words.next(),
            "-C" => dir = words.next(),
            _ if word.starts_with("--lang=") => flag = Some(word["--lang=".len()..].to_string()),
            _ if word.starts_with("-C") => {
                dir = Some(word[2..].trim_start_matches('=').to_string());
            }
            _ => {}
        }
    }
    let dir = PathBuf::from(dir.unwrap_or_else(|| ".".to_string()));
    // A `--lang` clerk does not speak is refused by clap, in the language chosen without it.
    let flag = flag.filter(|f| Lang::from_tag(f).is_some());
    i18n::choose(flag.as_deref(), association_locale(&dir).as_deref())
}

/// The command line of this run in `lang`, parsed; a refusal (or `--help`) ends the run.
pub fn parse(args: Vec<std::ffi::OsString>, lang: Lang) -> Cli {
    use clap::FromArgMatches;
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.unwrap_or_else(|e| errors::exit(e, lang))
}

/// The word before an error in `lang`, with its space (`error: `, `錯誤：`).
pub fn error_prefix(lang: Lang) -> String {
    errors::prefix(lang)
}

/// The `association.locale` of the repository `dir` is in, read before anything else so that
/// every message of the run is in one language.
fn association_locale(dir: &std::path::Path) -> Option<String> {
    let root = crate::cmd::record::repository_dir(dir);
    let text = std::fs::read_to_string(root.join(crate::model::config::FILE)).ok()?;
    let config = crate::parse::yaml::parse_value(&text).ok()?;
    Some(config.pointer("/association/locale")?.as_str()?.to_string())
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check every record against the association's rules.
    ///
    /// Exit status: 0 clean (warnings allowed), 1 errors found, 2 could not run.
    ///
    /// Examples:
    ///   clerk check                      # the repository in this folder
    ///   clerk check records-example      # another folder
    ///   clerk check --staged             # what `git commit` will record (the pre-commit hook)
    ///   clerk check --since origin/main  # every commit of a branch, in order (CI)
    ///   clerk check --format json        # findings for other programs
    #[command(verbatim_doc_comment)]
    Check(cmd::check::Args),
    /// Check the whole history, each commit by the rules in force before it.
    ///
    /// Prints the chain of governance: every change to the rules, roles and keys, who approved
    /// it, with which key, marking any break.
    ///
    /// Exit status: 0 unbroken, 1 errors found, 2 could not run.
    ///
    /// Examples:
    ///   clerk audit                           # the repository in this folder
    ///   clerk audit --root 4f1c2e9            # and its history must start at this commit
    #[command(verbatim_doc_comment)]
    Audit(cmd::check::AuditArgs),
    /// Build the archive website: record pages, indexes, search, feeds.
    ///
    /// Checks first: errors stop the build unless --allow-errors, which marks the affected
    /// records. A record appears only in builds for its classification and above.
    ///
    /// Examples:
    ///   clerk build records-example                      # the public site, into records-example/public
    ///   clerk build --audience internal -o /srv/intranet # the secretariat's internal site
    #[command(verbatim_doc_comment)]
    Build(cmd::build::Args),
    /// Preview the archive site while you edit: it rebuilds when a file changes and the open
    /// page reloads.
    ///
    /// Serves on 127.0.0.1 only. Records with check errors are marked, and the errors are
    /// listed at the top of every page until they are fixed.
    ///
    /// Examples:
    ///   clerk serve                               # http://127.0.0.1:8000/
    ///   clerk serve records-example --port 8080 --audience public
    #[command(verbatim_doc_comment)]
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
    /// Approve in the browser: your inbox, and each record to sign or return with a comment.
    ///
    /// Each record shows as it will be issued, with what changed since your last approval.
    /// Listens on 127.0.0.1 only and prints an address with a random token; only a browser
    /// that opened it may use the desk. Approving signs with your own key exactly as
    /// `clerk sign` does and commits that one file (unless --no-commit).
    ///
    /// Examples:
    ///   clerk desk                                   # your desk ($CLERK_PERSON or your key's owner)
    ///   clerk desk --as lin-wenhui --key ~/.ssh/id_ed25519.pub   # key held by ssh-agent
    ///   clerk desk records-example --port 8401 --no-commit
    #[command(verbatim_doc_comment)]
    #[cfg(feature = "serve")]
    Desk(cmd::desk::Args),
    /// Print a register (登記簿): a table of records the type files declare.
    ///
    /// Registers respect audiences as the site does; the default here is confidential, since
    /// whoever runs clerk reads the files anyway.
    ///
    /// Examples:
    ///   clerk register --list
    ///   clerk register documents
    ///   clerk register budget-vs-actual --year 2026 --format xlsx -o budget.xlsx
    ///   clerk register income --format csv > income.csv
    #[command(verbatim_doc_comment)]
    Register(cmd::register::Args),
    /// Print a report: a chart (SVG) with its table, or the annual work report, as Markdown.
    ///
    /// Examples:
    ///   clerk report                                  # list the reports
    ///   clerk report budget-vs-actual --year 2026 -o budget.md
    ///   clerk report annual --year 2026 -o 2026-annual-report.md   # 年度工作報告
    #[command(verbatim_doc_comment)]
    Report(cmd::report::Args),
    /// List what falls due or is overdue, grouped by the person responsible.
    ///
    /// Examples:
    ///   clerk due                     # overdue, and due within 30 days
    ///   clerk due --within 2w --as-of 2026-12-01
    #[command(verbatim_doc_comment)]
    Due(cmd::due::Args),
    /// List what waits for you today: approvals to give, documents to read, tasks, deadlines.
    ///
    /// Computed from the rules: the approvals you may give now (by the workflow and who may
    /// approve what), documents to read (傳閱), leave to close (銷假), resolutions you carry
    /// out, and the deadlines that are yours.
    ///
    /// Examples:
    ///   clerk inbox                       # yours: $CLERK_PERSON, or the owner of your SSH key
    ///   clerk inbox --as lin-wenhui
    ///   clerk inbox --all --format json
    #[command(verbatim_doc_comment)]
    Inbox(cmd::inbox::Args),
    /// Write issued documents (公文) as PDFs, laid out as GB/T 9704-2012 sets out.
    ///
    /// The type's `layout:` says which field fills which element (文號, 主送, 抄送, 成文日期…);
    /// the template is templates/document.typ, which the repository's own replaces. Fonts come
    /// from the system and from the repository's templates/fonts/, and are embedded.
    /// Without a Chinese font: `apt install fonts-noto-cjk`.
    ///
    /// Examples:
    ///   clerk pdf documents/2026-doc-001.md               # writes ./2026-doc-001.pdf
    ///   clerk pdf documents/2026-doc-001.md documents/2026-doc-003.md -o pdf/
    #[command(verbatim_doc_comment)]
    #[cfg(feature = "pdf")]
    Pdf(cmd::pdf::Args),
    /// Export record types as JSON Schema files, for editors and validators.
    ///
    /// Examples:
    ///   clerk schema document                  # print one type's schema
    ///   clerk schema -o .vscode/schemas        # write every type's TYPE.schema.json
    ///   clerk schema --front-matter-cms -o frontmatter.json   # content types for Front Matter CMS
    #[command(verbatim_doc_comment)]
    Schema(cmd::schema::Args),
    /// Print a shell completion script.
    ///
    /// Example:
    ///   clerk completions bash > ~/.local/share/bash-completion/completions/clerk
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff), or write one per command into a folder.
    ///
    /// Examples:
    ///   clerk man > clerk.1 && man ./clerk.1
    ///   clerk man check | man -l -                 # clerk-check(1)
    ///   clerk man --out-dir ~/.local/share/man/man1  # clerk.1, clerk-check.1, …
    #[command(verbatim_doc_comment)]
    Man {
        /// The command whose page to print [default: clerk's own].
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
        /// Write every page (clerk.1 and clerk-COMMAND.1) into this folder instead.
        #[arg(short = 'o', long, value_name = "DIR", conflicts_with = "command")]
        out_dir: Option<PathBuf>,
    },
    /// Print the exact text an approval signs (its payload), or the content digest alone.
    ///
    /// The approver is --by, or CLERK_PERSON; the role is inferred when they hold only one
    /// that may give the step. Without --step, prints only the record's content digest.
    ///
    /// Examples:
    ///   clerk digest documents/2026-doc-004.md --step approve --by chen-jianguo
    ///   clerk digest documents/2026-doc-004.md
    #[command(verbatim_doc_comment)]
    Digest(cmd::sign::DigestArgs),
    /// Sign an approval with your SSH key and write it into the record.
    ///
    /// Signs with `ssh-keygen -Y sign` (so ssh-agent, passphrases and hardware keys work),
    /// then adds the approval — step, person, role, date, digest, signature — to the record's
    /// `approvals:`, changing no other line. An unsigned entry for the same step and person is
    /// signed in place.
    ///
    /// Example:
    ///   clerk sign documents/2026-doc-004.md --step approve --by chen-jianguo --key ~/.ssh/id_ed25519
    ///
    /// When the approval completes what the next state requires, the status moves there
    /// (`--no-advance` keeps it); then clerk says what the record needs next, and from whom.
    #[command(verbatim_doc_comment)]
    Sign(cmd::sign::SignArgs),
    /// Move a record to its next state when that step needs no signature.
    ///
    /// For steps such as held, summary sent, returned (銷假) or paid: sets the fields given,
    /// and the dates the state needs to --date. Checks the result first, and changes nothing
    /// when the state's requirements are missing.
    ///
    /// Examples:
    ///   clerk advance leave/leave-2026-030.md                 # approved → returned, returned_on today
    ///   clerk advance finance/expenses/exp-2026-004.md voucher=付-2026-012
    ///   clerk advance meetings/2026-council-03.md --to held
    ///   clerk advance documents/2026-doc-005.md --to draft --comment 請補充預算 --as lin-wenhui  # 退回, the reason kept
    #[command(verbatim_doc_comment)]
    Advance(cmd::advance::Args),
    /// Record that you have read a record in circulation (傳閱).
    ///
    /// Your entry in the record's circulation list gets the date (one is added if needed).
    ///
    /// Examples:
    ///   clerk read documents/2026-doc-004.md --as lin-wenhui
    ///   clerk read documents/2026-doc-004.md --date 2026-11-27   # as $CLERK_PERSON
    #[command(verbatim_doc_comment)]
    Read(cmd::read::Args),
    /// Show what changed in a record since an approval was signed.
    ///
    /// Compares the version the approval's digest names, found in the file's git history, with
    /// the file now: field by field, and the body word by word. Without --step and --by, every
    /// approval that is stale (E055).
    ///
    /// Examples:
    ///   clerk diff documents/2026-doc-004.md
    ///   clerk diff documents/2026-doc-004.md --step approve --by lin-wenhui
    #[command(verbatim_doc_comment)]
    Diff(cmd::diff::Args),
    /// Start a records repository with the default rules (管理制度), in your language: a
    /// neutral clerk.yaml, every type file, a README, a .gitignore and the git hooks.
    ///
    /// Examples:
    ///   clerk init records --name 青嵐文化交流協會 --holidays zh-TW-2026
    ///   clerk init records --locale zh-Hans --holidays zh-CN-2026
    ///   cd records && clerk new person --id YOUR-ID --title "YOUR NAME" --key ~/.ssh/id_ed25519.pub
    #[command(verbatim_doc_comment)]
    Init(cmd::init::InitArgs),
    /// Create a record of TYPE with the next free name and today's date; prints its path.
    ///
    /// The record gets the type's required fields (dates set to today, people to
    /// $CLERK_PERSON, the rest empty with a comment saying what goes there) and its first
    /// workflow state. Fields given as field=value are written as they are (YAML).
    ///
    /// Examples:
    ///   clerk new document --title 關於召開理事會會議的通知 kind=通知 department=general
    ///   clerk new leave kind=annual days=2
    ///   clerk new person --id zhang-wei --title 張偉
    ///   $EDITOR "$(clerk new meeting --title 第三次理事會)"
    #[command(verbatim_doc_comment)]
    New(cmd::new::NewArgs),
    /// Issue a document: assign the next number (文號), set the issue date, move it to issued.
    ///
    /// The number follows clerk.yaml `numbering` (e.g. 協秘〔2026〕3號) and is one more than the
    /// highest of that year in the repository. The record's other lines stay byte for byte;
    /// clerk checks the result first and refuses if the state's approvals are missing.
    ///
    /// Example:
    ///   clerk issue documents/2026-doc-004.md
    #[command(verbatim_doc_comment)]
    Issue(cmd::issue::Args),
    /// File a record: assign its archive number (檔號, DA/T 22-2015) and retention period.
    ///
    /// The number follows clerk.yaml `archive` (e.g. Z109-WS·2026-D30-ZHB-0001: fonds,
    /// category, year, retention, department code, item). The record's other lines stay byte
    /// for byte; clerk checks the result first.
    ///
    /// Example:
    ///   clerk archive documents/2026-doc-001.md
    #[command(verbatim_doc_comment)]
    Archive(cmd::issue::Args),
    /// Write a large, valid records repository for benchmarks (variants of the example's
    /// records, really signed with its throwaway keys; the same seed gives the same files).
    #[command(hide = true)]
    Corpus(cmd::corpus::Args),
    /// Store a record encrypted (NAME.md → NAME.md.age) to the keys of those allowed to read it.
    ///
    /// Readers come from clerk.yaml `encryption.readers` (by role or person, per type or
    /// classification); their keys from people/. The plain file is removed only after the
    /// encrypted one is complete. Approvals stay valid: they sign the plain content.
    ///
    /// Example:
    ///   clerk encrypt assessments/2026-q3-wang-fang.md
    #[command(verbatim_doc_comment)]
    Encrypt(cmd::crypt::EncryptArgs),
    /// Store an encrypted record in plain text again (NAME.md.age → NAME.md), with your key.
    ///
    /// Example:
    ///   clerk decrypt assessments/2026-q3-wang-fang.md.age --identity ~/.ssh/id_ed25519
    #[command(verbatim_doc_comment)]
    Decrypt(cmd::crypt::DecryptArgs),
    /// Encrypt again every encrypted record whose readers changed (someone left or joined).
    ///
    /// Needs a key that opens them; files whose readers are unchanged are not touched.
    ///
    /// Example:
    ///   clerk reencrypt --identity ~/.ssh/id_ed25519
    #[command(verbatim_doc_comment)]
    Reencrypt(cmd::crypt::ReencryptArgs),
    /// Git hooks that check every commit.
    #[command(subcommand)]
    Hooks(cmd::hooks::Command),
    /// Print people's keys for re-checking approvals with ssh-keygen alone; add a key.
    ///
    /// Example:
    ///   clerk keys add wang-fang ~/.ssh/id_ed25519.pub
    ///   clerk keys --allowed-signers > allowed_signers
    ///   ssh-keygen -Y verify -f allowed_signers -I lin-wenhui -n clerk-approval \
    ///       -s sig.txt -Overify-time=20260119 < payload.txt
    #[command(verbatim_doc_comment)]
    Keys(cmd::keys::Args),
}

impl Command {
    /// The keys to read encrypted records with, for the commands that read records.
    fn identity(&self) -> &[PathBuf] {
        let none: &[PathBuf] = &[];
        match self {
            Command::Check(a) => &a.identity.keys,
            Command::Audit(a) => &a.identity.keys,
            Command::Build(a) => &a.identity.keys,
            #[cfg(feature = "serve")]
            Command::Serve(a) => &a.identity.keys,
            #[cfg(feature = "serve")]
            Command::Desk(a) => &a.identity.keys,
            Command::Register(a) => &a.identity.keys,
            Command::Report(a) => &a.identity.keys,
            Command::Due(a) => &a.identity.keys,
            Command::Inbox(a) => &a.identity.keys,
            Command::Advance(a) => &a.identity.keys,
            Command::Read(a) => &a.identity.keys,
            Command::Diff(a) => &a.identity.keys,
            Command::Digest(a) => &a.identity.keys,
            Command::Sign(a) => &a.identity.keys,
            Command::Issue(a) | Command::Archive(a) => &a.identity.keys,
            Command::Encrypt(a) => &a.identity.keys,
            Command::Decrypt(a) => &a.identity.keys,
            Command::Reencrypt(a) => &a.identity.keys,
            #[cfg(feature = "pdf")]
            Command::Pdf(_) => none,
            Command::Schema(_)
            | Command::Completions { .. }
            | Command::Man { .. }
            | Command::Init(_)
            | Command::New(_)
            | Command::Corpus(_)
            | Command::Hooks(_)
            | Command::Keys(_) => none,
        }
    }
}

impl Cli {
    /// Runs the command in the language set for the run ([`choose_language`]); the exit
    /// status, or why it could not run.
    pub fn run(self) -> anyhow::Result<i32> {
        if let Some(dir) = &self.chdir {
            std::env::set_current_dir(dir).map_err(|e| {
                let dir = dir.display().to_string();
                anyhow::anyhow!(i18n::t("cli-chdir-failed", &[("dir", &dir), ("why", &e)]))
            })?;
        }
        crate::crypt::set_identities(self.command.identity())?;
        match self.command {
            Command::Check(args) => args.run(),
            Command::Audit(args) => args.run(),
            Command::Build(args) => args.run(),
            #[cfg(feature = "serve")]
            Command::Serve(args) => args.run(),
            #[cfg(feature = "serve")]
            Command::Desk(args) => args.run(),
            Command::Register(args) => args.run(),
            Command::Report(args) => args.run(),
            Command::Due(args) => args.run(),
            Command::Inbox(args) => args.run(),
            Command::Schema(args) => args.run(),
            #[cfg(feature = "pdf")]
            Command::Pdf(args) => args.run(),
            Command::Completions { shell } => {
                clap_complete::generate(
                    shell,
                    &mut command(i18n::lang()),
                    "clerk",
                    &mut std::io::stdout(),
                );
                Ok(0)
            }
            Command::Man { command, out_dir } => {
                help::manual(command.as_deref(), out_dir.as_deref())
            }
            Command::Digest(args) => args.run(),
            Command::Sign(args) => args.run(),
            Command::Advance(args) => args.run(),
            Command::Read(args) => args.run(),
            Command::Diff(args) => args.run(),
            Command::Init(args) => args.run(),
            Command::New(args) => args.run(),
            Command::Issue(args) => args.issue(),
            Command::Archive(args) => args.archive(),
            Command::Corpus(args) => args.run(),
            Command::Encrypt(args) => args.run(),
            Command::Decrypt(args) => args.run(),
            Command::Reencrypt(args) => args.run(),
            Command::Hooks(command) => command.run(),
            Command::Keys(args) => args.run(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// `--lang` is found wherever clap would take it, and not after `--` (the tests run with
    /// CLERK_LANG=en, so English is what is left).
    #[test]
    fn the_language_is_read_before_parsing() {
        let lang = |args: &[&str]| {
            let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            choose_language(&args)
        };
        assert_eq!(lang(&["clerk", "--lang", "zh-Hant", "check"]), Lang::ZhHant);
        assert_eq!(lang(&["clerk", "check", "--lang=zh-Hans"]), Lang::ZhHans);
        assert_eq!(
            lang(&["clerk", "-Crecords-example", "--lang", "zh_TW"]),
            Lang::ZhHant
        );
        assert_eq!(
            lang(&["clerk", "new", "note", "--", "--lang", "zh-Hant"]),
            Lang::En
        );
        assert_eq!(lang(&["clerk", "check", "--lang"]), Lang::En);
        // CLERK_LANG still counts when `--lang` names a language clerk does not speak.
        assert_eq!(lang(&["clerk", "--lang", "fr", "check"]), Lang::En);
    }

    #[test]
    fn dates_are_parsed_by_the_command_line() {
        let cli = Cli::try_parse_from(["clerk", "due", "--as-of", "2026-12-01"]).unwrap();
        let Command::Due(args) = cli.command else {
            panic!("parsed as another command")
        };
        assert_eq!(
            args.as_of.today,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        let err = Cli::try_parse_from(["clerk", "check", "--today", "2026-13-01"]).unwrap_err();
        assert!(
            err.to_string()
                .contains("`2026-13-01` is not a date (YYYY-MM-DD)"),
            "{err}"
        );
        let cli = Cli::try_parse_from(["clerk", "check", "--as-of", "2026-01-02"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!("parsed as another command")
        };
        assert_eq!(args.as_of.day().to_string(), "2026-01-02");
    }
}
#[cfg(test)]
mod help_tests {
    use super::*;
    use clap::CommandFactory;

    /// Every argument of every command says what it is in `--help` (and the manual).
    #[test]
    fn every_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if arg.is_hide_set() || ["help", "version"].contains(&arg.get_id().as_str()) {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    out.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&Cli::command(), "clerk", &mut out);
        assert!(out.is_empty(), "{out:#?}");
    }
}
