//! Render stage: the archive site (`clerk build`).
//!
//! A record, and everything derived from it — its page, index rows, backlinks, search entries,
//! feed items, attachments — appears only in builds for its classification and above. Pages only
//! ever read records visible to the build: a reference to an invisible record shows its bare id
//! (already written in the visible record), never its title.

pub mod feeds;
pub mod fold;
pub mod inbox;
pub mod markdown;
mod output;
pub mod pages;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod registers;
pub mod search;
pub mod templates;

use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{bail, Context};

use crate::diag::{Diagnostic, Severity};
use crate::history;
use crate::model::repo::Repository;
use crate::model::types::Classification;
pub use output::Output;
use output::Staging;

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    pub audience: Classification,
    /// Build even when records have errors, marking them visibly.
    pub allow_errors: bool,
    /// The site has a search index (`serve` builds it after the pages: see [`render`]).
    pub search: bool,
    /// The day "upcoming" is counted from.
    pub today: NaiveDate,
    /// Each issued document has a PDF beside its page (with the `pdf` feature).
    pub pdf: bool,
}

/// What `clerk build` was asked to include beyond the pages.
#[derive(Debug, Clone, Copy)]
pub struct Include {
    /// Records with errors (marked).
    pub errors: bool,
    /// The search index.
    pub search: bool,
    /// PDFs of issued documents.
    pub pdf: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Records on the site.
    pub records: usize,
    /// Records left out for this audience.
    pub hidden: usize,
    pub pages: usize,
    pub files: usize,
    /// What the build found missing for its output (W125), each with where it belongs in
    /// `clerk.yaml` (a JSON pointer).
    pub warnings: Vec<(Diagnostic, &'static str)>,
}

/// The records visible to a build, and what the site needs to know about them.
pub struct Site<'a> {
    pub repo: &'a Repository,
    pub audience: Classification,
    /// Indexes into `repo.records` of visible records, in path order.
    pub visible: Vec<usize>,
    visible_ids: HashSet<&'a str>,
    /// Whether the build makes a search index (the search page says so when not).
    pub search: bool,
    /// Whether issued documents get a PDF beside their page.
    pub pdf: bool,
    /// Types with at least one visible record (the navigation lists them).
    pub types_shown: BTreeSet<&'a str>,
    /// Records with errors (when built with `--allow-errors`).
    pub with_errors: HashSet<&'a str>,
    pub history: &'a HashMap<String, Vec<history::Change>>,
    pub today: NaiveDate,
    /// What the check found wrong with an approval, by record path and place in `approvals:`.
    pub approval_findings: HashMap<(String, usize), (crate::diag::Code, String)>,
}

impl<'a> Site<'a> {
    pub fn new(
        repo: &'a Repository,
        findings: &[Diagnostic],
        history: &'a HashMap<String, Vec<history::Change>>,
        audience: Classification,
        today: NaiveDate,
    ) -> Site<'a> {
        let visible: Vec<usize> = (0..repo.records.len())
            .filter(|&i| {
                let r = &repo.records[i];
                repo.type_of(r).is_some() && repo.classification(r) <= audience
            })
            .collect();
        let visible_ids = visible
            .iter()
            .map(|&i| repo.records[i].id.as_str())
            .collect();
        let types_shown = visible
            .iter()
            .filter_map(|&i| repo.records[i].type_name.as_deref())
            .collect();
        let error_paths: HashSet<&str> = findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.path.as_str())
            .collect();
        let with_errors = repo
            .records
            .iter()
            .filter(|r| error_paths.contains(r.path.as_str()))
            .map(|r| r.id.as_str())
            .collect();
        let approval_findings = findings
            .iter()
            .filter_map(|d| {
                let i = d.approval?;
                Some(((d.path.clone(), i), (d.code, d.message.clone())))
            })
            .collect();
        Site {
            repo,
            audience,
            visible,
            visible_ids,
            search: true,
            pdf: false,
            types_shown,
            with_errors,
            history,
            today,
            approval_findings,
        }
    }

    /// Whether a record with this id is on the site.
    pub fn shows(&self, id: &str) -> bool {
        self.visible_ids.contains(id)
    }

    /// The visible records.
    pub fn records(&self) -> impl Iterator<Item = &'a crate::model::record::Record> + '_ {
        self.visible.iter().map(|&i| &self.repo.records[i])
    }
}

/// The URL (relative to the site root) of a record's page.
pub fn record_url(type_name: &str, id: &str) -> String {
    format!("{}/{}.html", slug(type_name), slug(id))
}

/// A file-name-safe form of an id or type name (ids are already letters, digits, `-_.`).
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// Builds the site into `options.out`, replacing it atomically: the new site is written into a
/// folder next to it as it is rendered — no build holds every page in memory — and swapped in
/// only when complete. On any error the new folder is removed and `options.out` is untouched.
pub fn build(
    repo: &Repository,
    findings: &[Diagnostic],
    history: &HashMap<String, Vec<history::Change>>,
    options: &Options,
) -> anyhow::Result<Report> {
    check_render(findings, options)?;
    let staging = Staging::new(&options.out)?;
    let previous = options.out.join(crate::read::SITE_MARKER).is_file();
    let out = Output::folder(staging.dir.path(), previous.then_some(&*options.out));
    let rendered = render(repo, findings, history, options, options.search, &out)?;
    let mut clock = crate::diag::Stopwatch::new();
    let mut report = rendered.report;
    report.files = out.count() + rendered.attachments.len();
    staging.finish(&options.out, &rendered.attachments)?;
    clock.lap("site: attachments and swap");
    Ok(report)
}

/// What a render produced besides its files: attachments to copy from the repository.
pub struct Rendered {
    /// (site path, source file)
    pub attachments: Vec<(String, PathBuf)>,
    /// What the search index is built from, when `render` did not build it.
    pub search: Vec<search::Entry>,
    pub report: Report,
}

/// Refuses to render a repository with errors, unless allowed.
fn check_render(findings: &[Diagnostic], options: &Options) -> anyhow::Result<()> {
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 && !options.allow_errors {
        bail!(crate::i18n::t("build-errors-found", &[("n", &errors)]));
    }
    Ok(())
}

/// Renders the site into `out`; `search` builds the search index now too, on its own thread
/// while the registers are computed (otherwise `Rendered::search` is what to build it from).
pub fn render(
    repo: &Repository,
    findings: &[Diagnostic],
    history: &HashMap<String, Vec<history::Change>>,
    options: &Options,
    search: bool,
    out: &Output,
) -> anyhow::Result<Rendered> {
    check_render(findings, options)?;
    let mut clock = crate::diag::Stopwatch::new();
    let mut site = Site::new(repo, findings, history, options.audience, options.today);
    site.search = options.search;
    site.pdf = options.pdf && cfg!(feature = "pdf");
    // A site is still built on a machine without Chinese fonts: without its PDFs (and their
    // links), saying why; `clerk pdf` refuses instead.
    #[cfg(feature = "pdf")]
    let typesetter = match site.pdf.then(|| pdf::Typesetter::new(&repo.root)) {
        Some(Err(why)) => {
            eprintln!("{}", crate::i18n::t("build-without-pdfs", &[("why", &why)]));
            site.pdf = false;
            None
        }
        made => made.and_then(Result::ok),
    };
    let theme = templates::Theme::load(&repo.root, repo.config.association.locale)?;
    clock.lap("site: prepare");
    let mut entries = Vec::new();
    let pages = pages::render(&site, &theme, out, &mut entries)?;
    clock.lap("site: record and index pages");
    let locale = repo.config.association.locale;
    let part = repo.config.site.search_part;
    let mut warnings = Vec::new();
    let (pages, entries) = std::thread::scope(|scope| -> anyhow::Result<_> {
        // Pagefind indexes mostly on one thread: the registers use the other core meanwhile.
        let indexing = search.then(|| {
            let entries = &entries;
            std::thread::Builder::new()
                .name("clerk-search".into())
                .stack_size(16 << 20)
                .spawn_scoped(scope, move || {
                    let cache = search::PartCache::open(
                        &repo.root,
                        repo.config.classifications.id(options.audience),
                    );
                    search::index(locale, entries, part, cache.as_ref(), out)?;
                    if let Some(cache) = cache {
                        cache.prune();
                    }
                    anyhow::Ok(())
                })
        });
        let pages =
            pages + registers::render(&site, &theme, out)? + inbox::render(&site, &theme, out)?;
        clock.lap("site: registers, reports, due");
        for (name, text) in &theme.assets {
            out.put(name.clone(), text.clone().into_bytes())?;
        }
        warnings.extend(feeds::write(&site, out)?);
        clock.lap("site: feeds");
        // The PDFs while the search indexer still runs: it leaves a core mostly idle.
        #[cfg(feature = "pdf")]
        if let Some(typesetter) = &typesetter {
            let written = pdf::write_all(&site, &theme, typesetter, out)?;
            clock.lap(&format!(
                "site: PDFs ({} typeset, {} from the cache)",
                written.typeset,
                written.pdfs - written.typeset
            ));
        }
        if let Some(indexing) = indexing {
            indexing
                .context(crate::i18n::t("search-no-thread", &[]))?
                .join()
                .map_err(|_| anyhow::anyhow!(crate::i18n::t("search-failed", &[])))??;
            clock.lap("site: search index (after the registers)");
        }
        Ok(pages)
    })
    .map(|pages| (pages, entries))?;
    let mut attachments = copy_attachments(&site, out)?;
    attachments.extend(theme.fonts.iter().cloned());
    let report = Report {
        records: site.visible.len(),
        hidden: repo.records.len() - site.visible.len(),
        pages,
        files: out.count() + attachments.len(),
        warnings,
    };
    Ok(Rendered {
        attachments,
        search: if search { Vec::new() } else { entries },
        report,
    })
}

/// Attachments of visible records, as (site path, source file): only those clerk may publish
/// (`model::attachments`), the first of each name. One stored encrypted is decrypted into
/// `out` when a key opens it (its record's page is built only for an audience that may read
/// it), and left out when none does.
fn copy_attachments(site: &Site, out: &Output) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let repo = site.repo;
    let mut copied = Vec::new();
    for record in site.records() {
        let mut names = HashSet::new();
        for a in crate::model::attachments::of(
            crate::model::attachments::Files::Folder(&repo.root),
            &repo.config.skip,
            record,
        ) {
            let Ok(source) = a.source else { continue };
            if !names.insert(a.file_name.clone()) {
                continue;
            }
            let rel = attachment_url(&record.id, &a.file_name);
            if !source.sealed {
                copied.push((rel, source.path));
            } else if let Some(plain) = source
                .content(crate::model::attachments::Files::Folder(&repo.root))
                .with_context(|| {
                    let path = source.path.display();
                    crate::i18n::t("build-attachment-unreadable", &[("path", &path)])
                })?
            {
                out.put(rel, plain)?;
            }
        }
    }
    Ok(copied)
}

/// Where the site keeps a record's attachment.
pub(crate) fn attachment_url(id: &str, file_name: &str) -> String {
    format!("files/{}/{}", slug(id), slug(file_name))
}
