//! The `clerk` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use clerk::cmd;

/// mimalloc rather than the system allocator: a build allocates and frees on both cores at once,
/// where glibc's allocator spent a third of the CPU time (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keeps an association secretariat's records as checked, signed Markdown files in git.
#[derive(Parser)]
#[command(name = "clerk", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Your SSH private key, to read records stored encrypted (*.md.age) [default:
    /// ~/.ssh/id_ed25519 or ~/.ssh/id_rsa, if there]. May be given more than once.
    #[arg(long, global = true, value_name = "KEY")]
    identity: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
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
    Check {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Check the staged versions (the git index) and each staged change against HEAD.
        #[arg(long, conflicts_with = "since")]
        staged: bool,
        /// Check every commit after REV up to HEAD, each against its parent (first parent on merges).
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        /// How to print findings.
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::check::Format,
        /// Check date-dependent rules as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
    /// Build the archive website: record pages, indexes, search, feeds.
    ///
    /// Checks first: errors stop the build unless --allow-errors, which marks the affected
    /// records. A record appears only in builds for its classification and above.
    ///
    /// Examples:
    ///   clerk build records-example                      # the public site, into records-example/public
    ///   clerk build --audience internal -o /srv/intranet # the secretariat's internal site
    #[command(verbatim_doc_comment)]
    Build {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The output folder [default: DIR/public].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Who the site is for: only records classified at this level or below appear.
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
        /// Build even when records have errors, marking them.
        #[arg(long)]
        allow_errors: bool,
        /// Leave out the search index (the search page then says search is unavailable):
        /// a faster build, e.g. to check the pages of a large archive.
        #[arg(long)]
        no_search: bool,
        /// Count "upcoming" from this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
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
    Serve {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port (0: any free port).
        #[arg(long, default_value = "8000")]
        port: u16,
        /// Whose site to show: only records classified at this level or below.
        #[arg(long, value_enum, default_value = "confidential")]
        audience: AudienceArg,
        /// Check date-dependent rules as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
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
    Register {
        /// The register's name (see --list).
        name: Option<String>,
        /// The records repository (default: this folder).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// List every register.
        #[arg(long)]
        list: bool,
        /// Only rows of this year (for registers that have years).
        #[arg(long)]
        year: Option<i64>,
        #[arg(long, value_enum, default_value = "table")]
        format: cmd::register::Format,
        /// Write to this file (CSV, XLSX).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only records classified at this level or below.
        #[arg(long, value_enum, default_value = "confidential")]
        audience: AudienceArg,
        /// Count what is due or overdue from this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
    /// Print a report: a chart (SVG) with its table, or the annual work report, as Markdown.
    ///
    /// Examples:
    ///   clerk report                                  # list the reports
    ///   clerk report budget-vs-actual --year 2026 -o budget.md
    ///   clerk report annual --year 2026 -o 2026-annual-report.md   # 年度工作報告
    #[command(verbatim_doc_comment)]
    Report {
        /// The report's name, or `annual`.
        name: Option<String>,
        /// The records repository (default: this folder).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        year: Option<i64>,
        /// Write to this file.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only records classified at this level or below.
        #[arg(long, value_enum, default_value = "confidential")]
        audience: AudienceArg,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
    /// List what falls due or is overdue, grouped by the person responsible.
    ///
    /// Examples:
    ///   clerk due                     # overdue, and due within 30 days
    ///   clerk due --within 2w --as-of 2026-12-01
    #[command(verbatim_doc_comment)]
    Due {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How far ahead to look: 30d, 2w, or days.
        #[arg(long, default_value = "30d", value_parser = cmd::due::parse_within)]
        within: u64,
        /// Count from this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::due::Format,
        /// Only records classified at this level or below.
        #[arg(long, value_enum, default_value = "confidential")]
        audience: AudienceArg,
    },
    /// Export record types as JSON Schema files, for editors and validators.
    ///
    /// Examples:
    ///   clerk schema document                  # print one type's schema
    ///   clerk schema -o .vscode/schemas        # write every type's TYPE.schema.json
    ///   clerk schema --front-matter-cms -o frontmatter.json   # content types for Front Matter CMS
    #[command(verbatim_doc_comment)]
    Schema {
        /// The record type.
        #[arg(value_name = "TYPE")]
        type_name: Option<String>,
        /// The records repository (default: this folder).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Write the schemas into this folder (with --front-matter-cms: into this file).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print the content types for the Front Matter CMS editor extension (frontmatter.json).
        #[arg(long, conflicts_with = "type_name")]
        front_matter_cms: bool,
    },
    /// Print a shell completion script.
    ///
    /// Example:
    ///   clerk completions bash > ~/.local/share/bash-completion/completions/clerk
    #[command(verbatim_doc_comment)]
    Completions { shell: clap_complete::Shell },
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
    Digest(DigestArgs),
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
    Sign {
        #[command(flatten)]
        approval: ApprovalArgs,
        /// The private key (or, with an agent, its public key) to sign with [default: ~/.ssh/id_ed25519].
        #[arg(long)]
        key: Option<PathBuf>,
    },
    /// Start a records repository with the default rules (管理制度): clerk.yaml, every type file,
    /// a README, a .gitignore and the git hooks.
    ///
    /// Examples:
    ///   clerk init records --name 青嵐文化交流協會
    ///   cd records && clerk check
    #[command(verbatim_doc_comment)]
    Init {
        /// The folder to create or fill (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The association's name.
        #[arg(long)]
        name: Option<String>,
    },
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
    New {
        /// The record type (a file in types/).
        #[arg(value_name = "TYPE")]
        type_name: String,
        /// field=value pairs to set.
        #[arg(value_name = "FIELD=VALUE")]
        fields: Vec<String>,
        #[arg(long)]
        title: Option<String>,
        /// The file name and id, instead of the type's `new.name` pattern.
        #[arg(long)]
        id: Option<String>,
        /// The records repository (default: this folder).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// The date to fill in, YYYY-MM-DD [default: today].
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// Issue a document: assign the next number (文號), set the issue date, move it to issued.
    ///
    /// The number follows clerk.yaml `numbering` (e.g. 協秘〔2026〕3號) and is one more than the
    /// highest of that year in the repository. The record's other lines stay byte for byte;
    /// clerk checks the result first and refuses if the state's approvals are missing.
    ///
    /// Example:
    ///   clerk issue documents/2026-doc-004.md
    #[command(verbatim_doc_comment)]
    Issue {
        /// The record file.
        file: PathBuf,
        /// The issue date, YYYY-MM-DD [default: today].
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// File a record: assign its archive number (檔號, DA/T 22-2015) and retention period.
    ///
    /// The number follows clerk.yaml `archive` (e.g. Z109-WS·2026-D30-ZHB-0001: fonds,
    /// category, year, retention, department code, item). The record's other lines stay byte
    /// for byte; clerk checks the result first.
    ///
    /// Example:
    ///   clerk archive documents/2026-doc-001.md
    #[command(verbatim_doc_comment)]
    Archive {
        /// The record file.
        file: PathBuf,
        /// The date filed, YYYY-MM-DD [default: today].
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// Write a large, valid records repository for benchmarks (variants of the example's
    /// records, really signed with its throwaway keys; the same seed gives the same files).
    #[command(hide = true)]
    Corpus {
        /// How many records to add to the example's.
        #[arg(long, default_value = "10000")]
        records: usize,
        #[arg(long, default_value = "1")]
        seed: u64,
        /// The example repository to start from (it must have .example-keys/).
        #[arg(long, default_value = "records-example")]
        example: PathBuf,
        /// The folder to create.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Store a record encrypted (NAME.md → NAME.md.age) to the keys of those allowed to read it.
    ///
    /// Readers come from clerk.yaml `encryption.readers` (by role or person, per type or
    /// classification); their keys from people/. The plain file is removed only after the
    /// encrypted one is complete. Approvals stay valid: they sign the plain content.
    ///
    /// Example:
    ///   clerk encrypt assessments/2026-q3-wang-fang.md
    #[command(verbatim_doc_comment)]
    Encrypt {
        /// The record file.
        file: PathBuf,
        /// Whose roles and keys count, YYYY-MM-DD [default: today].
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// Store an encrypted record in plain text again (NAME.md.age → NAME.md), with your key.
    ///
    /// Example:
    ///   clerk decrypt assessments/2026-q3-wang-fang.md.age --identity ~/.ssh/id_ed25519
    #[command(verbatim_doc_comment)]
    Decrypt {
        /// The encrypted record file.
        file: PathBuf,
    },
    /// Encrypt again every encrypted record whose readers changed (someone left or joined).
    ///
    /// Needs a key that opens them; files whose readers are unchanged are not touched.
    ///
    /// Example:
    ///   clerk reencrypt --identity ~/.ssh/id_ed25519
    #[command(verbatim_doc_comment)]
    Reencrypt {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// Git hooks that check every commit.
    #[command(subcommand)]
    Hooks(HooksCommand),
    /// Print people's keys for re-checking approvals with ssh-keygen alone.
    ///
    /// Example:
    ///   clerk keys --allowed-signers > allowed_signers
    ///   ssh-keygen -Y verify -f allowed_signers -I lin-wenhui -n clerk-approval \
    ///       -s sig.txt -Overify-time=20260119 < payload.txt
    #[command(verbatim_doc_comment)]
    Keys {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Print the OpenSSH allowed_signers format.
        #[arg(long, required = true)]
        allowed_signers: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Who a site is for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum AudienceArg {
    Public,
    Internal,
    Confidential,
}

impl From<AudienceArg> for clerk::model::types::Classification {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Public => Self::Public,
            AudienceArg::Internal => Self::Internal,
            AudienceArg::Confidential => Self::Confidential,
        }
    }
}

/// `clerk hooks`: git hooks.
#[derive(Subcommand)]
enum HooksCommand {
    /// Install pre-commit and pre-merge-commit hooks that run `clerk check --staged`.
    ///
    /// A hook that clerk did not write is never overwritten without --force.
    ///
    /// Example:
    ///   clerk hooks install records-example
    #[command(verbatim_doc_comment)]
    Install {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Replace hooks that clerk did not write.
        #[arg(long)]
        force: bool,
    },
}

/// `clerk digest`: a record, and optionally the approval whose payload to print.
#[derive(clap::Args)]
struct DigestArgs {
    /// The record file.
    file: PathBuf,
    /// The approval step; without it, only the content digest is printed.
    #[arg(long)]
    step: Option<String>,
    #[arg(long)]
    by: Option<String>,
    #[arg(long)]
    role: Option<String>,
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
}

/// Which approval: the record, the step, who, in which role, on which date.
#[derive(clap::Args)]
struct ApprovalArgs {
    /// The record file.
    file: PathBuf,
    /// The approval step (as the record's type names it, e.g. review, approve).
    #[arg(long)]
    step: String,
    /// The approver's person id [default: $CLERK_PERSON].
    #[arg(long)]
    by: Option<String>,
    /// The role the approval is given in (needed only if the approver holds several that may).
    #[arg(long)]
    role: Option<String>,
    /// The approval date, YYYY-MM-DD [default: today].
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
}

impl ApprovalArgs {
    fn request(self) -> cmd::sign::Request {
        cmd::sign::Request {
            file: self.file,
            step: self.step,
            by: self.by,
            role: self.role,
            date: self.date.and_then(|d| clerk::date::parse(&d)),
        }
    }
}

/// A `YYYY-MM-DD` date argument.
fn parse_date(s: &str) -> Result<String, String> {
    clerk::date::parse(s)
        .map(|d| d.to_string())
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// A parsed `--date`, or today.
fn date_or_today(date: Option<String>) -> chrono::NaiveDate {
    date.and_then(|d| clerk::date::parse(&d))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn main() -> ExitCode {
    // Output piped into `head` and friends: stop quietly when the reader goes away, as other
    // command-line tools do, instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Rule expressions are parsed and evaluated recursively on worker threads: give them room.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .build_global();
    let cli = Cli::parse();
    if let Err(e) = clerk::crypt::set_identities(&cli.identity) {
        eprintln!("error: {e:#}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Encrypt { file, date } => {
            cmd::crypt::encrypt(&file, date_or_today(date)).map(|()| 0)
        }
        Command::Decrypt { file } => cmd::crypt::decrypt(&file).map(|()| 0),
        Command::Reencrypt { dir, date } => cmd::crypt::reencrypt(&dir, date_or_today(date)),
        Command::Check {
            dir,
            staged,
            since,
            format,
            today,
        } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive().to_string());
            let scope = match (staged, since) {
                (true, _) => cmd::check::Scope::Staged,
                (false, Some(rev)) => cmd::check::Scope::Since(rev),
                (false, None) => cmd::check::Scope::Folder,
            };
            cmd::check::run(&dir, scope, format, &clerk::check::Options { today })
        }
        Command::Build {
            dir,
            output,
            audience,
            allow_errors,
            no_search,
            today,
        } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive().to_string());
            cmd::build::run(
                &dir,
                output,
                audience.into(),
                clerk::site::Include {
                    errors: allow_errors,
                    search: !no_search,
                },
                &today,
            )
        }
        Command::Register {
            name,
            dir,
            list,
            year,
            format,
            output,
            audience,
            today,
        } => cmd::register::run(&cmd::register::Request {
            dir,
            name: if list { None } else { name },
            year,
            format,
            output,
            audience: audience.into(),
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive().to_string()),
        }),
        Command::Schema {
            type_name,
            dir,
            output,
            front_matter_cms,
        } => cmd::schema::run(
            &dir,
            type_name.as_deref(),
            output.as_deref(),
            front_matter_cms,
        ),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "clerk", &mut std::io::stdout());
            Ok(0)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map(|()| 0)
            .map_err(Into::into),
        Command::Report {
            name,
            dir,
            year,
            output,
            audience,
            today,
        } => cmd::report::run(&cmd::report::Request {
            dir,
            name,
            year,
            output,
            audience: audience.into(),
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive().to_string()),
        }),
        Command::Due {
            dir,
            within,
            as_of,
            format,
            audience,
        } => {
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive().to_string());
            cmd::due::run(&dir, within, &as_of, format, audience.into())
        }
        Command::Digest(args) => match args.step {
            Some(step) => {
                let approval = ApprovalArgs {
                    file: args.file,
                    step,
                    by: args.by,
                    role: args.role,
                    date: args.date,
                };
                cmd::sign::digest(&approval.request()).map(|()| 0)
            }
            None => cmd::sign::content(&args.file).map(|()| 0),
        },
        Command::Sign { approval, key } => {
            cmd::sign::sign(&approval.request(), key.as_deref()).map(|()| 0)
        }
        Command::Serve {
            dir,
            port,
            audience,
            today,
        } => cmd::serve::run(&cmd::serve::Request {
            dir,
            port,
            audience: audience.into(),
            today,
        }),
        Command::Corpus {
            records,
            seed,
            example,
            output,
        } => cmd::corpus::generate(&example, &output, records, seed).map(|n| {
            println!("wrote {n} records into {}", output.display());
            0
        }),
        Command::Init { dir, name } => cmd::new::init(&dir, name.as_deref()).map(|written| {
            for path in written {
                println!("wrote {}", path.display());
            }
            0
        }),
        Command::New {
            type_name,
            fields,
            title,
            id,
            dir,
            date,
        } => cmd::new::new(&cmd::new::NewRequest {
            dir,
            type_name,
            title,
            id,
            fields,
            date: date_or_today(date),
        })
        .map(|path| {
            println!("{}", path.display());
            0
        }),
        Command::Issue { file, date } => cmd::issue::issue(&file, date_or_today(date)).map(|()| 0),
        Command::Archive { file, date } => {
            cmd::issue::archive(&file, date_or_today(date)).map(|()| 0)
        }
        Command::Hooks(HooksCommand::Install { dir, force }) => cmd::hooks::install(&dir, force)
            .map(|written| {
                for path in written {
                    println!("installed {}", path.display());
                }
                0
            }),
        Command::Keys { dir, output, .. } => cmd::keys::allowed_signers(&dir).and_then(|text| {
            match output {
                Some(path) => clerk::fsio::write_atomic(&path, &text)?,
                None => print!("{text}"),
            }
            Ok(0)
        }),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
