//! The `clerk` command line: every subcommand, its help, and which command runs it. Each
//! command's own arguments live beside its code (`cmd::*::Args`); the groups several share —
//! the repository, the audience, the day — live in `cmd::args`.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

use crate::cmd;

/// Keeps an association secretariat's records as checked, signed Markdown files in git.
#[derive(Parser, Debug)]
#[command(name = "clerk", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Your SSH private key, to read records stored encrypted (*.md.age) [default:
    /// ~/.ssh/id_ed25519 or ~/.ssh/id_rsa, if there]. May be given more than once.
    #[arg(long, global = true, value_name = "KEY")]
    pub identity: Vec<PathBuf>,
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
    /// Print the manual page (roff).
    ///
    /// Example:
    ///   clerk man > clerk.1 && man ./clerk.1
    #[command(verbatim_doc_comment)]
    Man,
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
    #[command(verbatim_doc_comment)]
    Sign(cmd::sign::SignArgs),
    /// Start a records repository with the default rules (管理制度): clerk.yaml, every type file,
    /// a README, a .gitignore and the git hooks.
    ///
    /// Examples:
    ///   clerk init records --name 青嵐文化交流協會
    ///   cd records && clerk check
    #[command(verbatim_doc_comment)]
    Init(cmd::new::InitArgs),
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
    /// Print people's keys for re-checking approvals with ssh-keygen alone.
    ///
    /// Example:
    ///   clerk keys --allowed-signers > allowed_signers
    ///   ssh-keygen -Y verify -f allowed_signers -I lin-wenhui -n clerk-approval \
    ///       -s sig.txt -Overify-time=20260119 < payload.txt
    #[command(verbatim_doc_comment)]
    Keys(cmd::keys::Args),
}

impl Cli {
    /// Runs the command; the exit status, or why it could not run.
    pub fn run(self) -> anyhow::Result<i32> {
        crate::crypt::set_identities(&self.identity)?;
        match self.command {
            Command::Check(args) => args.run(),
            Command::Audit(args) => args.run(),
            Command::Build(args) => args.run(),
            #[cfg(feature = "serve")]
            Command::Serve(args) => args.run(),
            Command::Register(args) => args.run(),
            Command::Report(args) => args.run(),
            Command::Due(args) => args.run(),
            Command::Schema(args) => args.run(),
            #[cfg(feature = "pdf")]
            Command::Pdf(args) => args.run(),
            Command::Completions { shell } => {
                clap_complete::generate(
                    shell,
                    &mut Cli::command(),
                    "clerk",
                    &mut std::io::stdout(),
                );
                Ok(0)
            }
            Command::Man => {
                clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
                Ok(0)
            }
            Command::Digest(args) => args.run(),
            Command::Sign(args) => args.run(),
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

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
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
