//! PDFs of official documents, typeset by Typst with the GB/T 9704-2012 layout of
//! `templates/document.typ` (a repository's own `templates/document.typ` replaces it), in the
//! fonts installed on the system and those in the repository's `templates/fonts/`, embedded.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

use super::pages::document::Paper;

/// The built-in template.
const TEMPLATE: &str = include_str!("../../templates/document.typ");

/// A character every Chinese font has: without a font that covers it, every character of a
/// document would be a box.
const PROBE: char = '文';

/// What every PDF of a build shares: the fonts, the template, Typst's library.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: FontStore,
    template: Source,
    /// Where the template's own files (an image of a seal, …) are looked up.
    templates: PathBuf,
    main: FileId,
    data: FileId,
    /// What every PDF depends on besides its document (see [`Typesetter::key`]).
    digest: [u8; 32],
}

/// A PDF and the font families it embeds.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub fonts: Vec<String>,
}

impl Typesetter {
    /// The typesetter for the repository at `root`: the system's fonts and the repository's,
    /// and its template. No font with Chinese characters is an error that says how to get one.
    pub fn new(root: &Path) -> anyhow::Result<Typesetter> {
        let templates = root.join("templates");
        let own = templates.join("document.typ");
        let text = if own.is_file() {
            std::fs::read_to_string(&own)
                .map_err(|e| anyhow!("cannot read `{}`: {e}", own.display()))?
        } else {
            TEMPLATE.to_string()
        };
        let mut fonts = FontStore::new();
        // The repository's fonts first: with the same family, theirs wins.
        let own_fonts = templates.join("fonts");
        if own_fonts.is_dir() {
            fonts.extend(typst_kit::fonts::scan(&own_fonts));
        }
        fonts.extend(typst_kit::fonts::system());
        check_fonts(fonts.book())?;
        let id = |path: &str| -> anyhow::Result<FileId> {
            let vpath = VirtualPath::new(path).map_err(|e| anyhow!("{path}: {e:?}"))?;
            Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
        };
        let main = id("/document.typ")?;
        let digest = digest(&text, &templates, fonts.book());
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            fonts,
            template: Source::new(main, text),
            templates,
            main,
            data: id("/document.json")?,
            digest,
        })
    }

    /// The PDF of `paper`.
    pub fn pdf(&self, paper: &Paper) -> anyhow::Result<Pdf> {
        self.typeset(serde_json::to_vec(paper)?)
    }

    /// The PDF of a paper given as its JSON (what the template reads as `/document.json`).
    fn typeset(&self, data: Vec<u8>) -> anyhow::Result<Pdf> {
        let world = Sheet {
            t: self,
            data: Bytes::new(data),
        };
        let compiled = typst::compile::<PagedDocument>(&world);
        let document = compiled
            .output
            .map_err(|errors| anyhow!("{}", self.explain(&world, &errors)))?;
        let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
            .map_err(|errors| anyhow!("{}", self.explain(&world, &errors)))?;
        // Typst memoises across compilations; what no later document reuses is dropped, so a
        // build of thousands of PDFs keeps a bounded memory.
        typst::comemo::evict(10);
        let mut fonts = Vec::new();
        for page in document.pages() {
            families(&page.frame, &mut fonts);
        }
        fonts.sort();
        fonts.dedup();
        Ok(Pdf { bytes, fonts })
    }

    /// Typst's errors as a message naming the template and the line.
    fn explain(&self, world: &Sheet, errors: &[SourceDiagnostic]) -> String {
        use typst::WorldExt;
        let mut out = String::from("the PDF template (templates/document.typ) failed");
        for e in errors {
            let line = world
                .range(e.span)
                .and_then(|r| self.template.lines().byte_to_line(r.start))
                .map(|l| format!(" at line {}", l + 1))
                .unwrap_or_default();
            out.push_str(&format!("\n  {}{line}", e.message));
            for hint in &e.hints {
                out.push_str(&format!("\n  hint: {}", hint.v));
            }
        }
        out
    }
}

impl Typesetter {
    /// The cache key of the PDF of a paper given as its JSON: a digest of the paper and of
    /// what every PDF depends on — clerk's version (which fixes Typst's), the template, the
    /// files beside it in templates/, and the fonts Typst may choose from.
    fn key(&self, data: &[u8]) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(self.digest);
        h.update(data);
        crate::model::digest::hex(&h.finalize())
    }
}

/// What every PDF of a repository depends on besides its document: clerk's version, the
/// template's text, each file in the repository's templates/ folder (its path, size and time of
/// change: a seal's image, a font), and the fonts found on the system (their families, styles
/// and coverage).
fn digest(template: &str, templates: &Path, fonts: &FontBook) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update([0]);
    h.update((template.len() as u64).to_le_bytes());
    h.update(template);
    let mut files: Vec<_> = walkdir::WalkDir::new(templates)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let changed = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            meta.is_file().then(|| {
                let path = e.path().to_string_lossy().into_owned();
                (path, meta.len(), changed.as_nanos())
            })
        })
        .collect();
    files.sort();
    for (path, len, changed) in files {
        h.update((path.len() as u64).to_le_bytes());
        h.update(path);
        h.update(len.to_le_bytes());
        h.update(changed.to_le_bytes());
    }
    h.update(typst::utils::hash128(fonts).to_le_bytes());
    h.finalize().into()
}

/// Refuses to typeset without a font that has Chinese characters.
fn check_fonts(book: &FontBook) -> anyhow::Result<()> {
    let covered = book.families().any(|(_, mut faces)| {
        faces.any(|i| {
            book.info(i)
                .is_some_and(|f| f.coverage.contains(PROBE as u32))
        })
    });
    if !covered {
        bail!(
            "no font with Chinese characters is installed, so a PDF would show boxes: install one \
             (Debian, Ubuntu: `apt install fonts-noto-cjk`; or put .ttf/.otf files in the \
             repository's templates/fonts/); the template asks for FangSong (仿宋), Song (宋體), \
             Hei (黑體) and Kai (楷體), then Noto Serif CJK and Noto Sans CJK"
        );
    }
    Ok(())
}

/// The font families a frame's text is set in.
fn families(frame: &Frame, out: &mut Vec<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => families(&group.frame, out),
            FrameItem::Text(text) => {
                let family = &text.font.font().info().family;
                if !out.contains(family) {
                    out.push(family.clone());
                }
            }
            _ => {}
        }
    }
}

/// The first line of every PDF kept in the cache: its format.
const PDF_MAGIC: &[u8] = b"clerk pdf 1\n";

/// How many PDFs a build wrote, and how many of them it typeset (the others it found in the
/// cache).
#[derive(Debug, Default)]
pub struct Written {
    pub pdfs: usize,
    pub typeset: usize,
}

/// Writes the PDF of every issued document on the site beside its page, in parallel. A PDF is
/// typeset only when the cache (`.git/clerk/pdf/AUDIENCE/`, keyed by [`Typesetter::key`]) does
/// not hold it; an encrypted record's PDF is never kept there. `CLERK_NO_CACHE=1` neither reads
/// nor writes the cache.
pub fn write_all(
    site: &super::Site,
    theme: &super::templates::Theme,
    typesetter: &Typesetter,
    out: &super::Output,
) -> anyhow::Result<Written> {
    let repo = site.repo;
    let documents: Vec<_> = site
        .records()
        .filter_map(|r| {
            let def = repo.type_of(r)?;
            let layout = def.layout.as_ref()?;
            super::pages::document::has_pdf(site, def, r).then_some((r, def, layout))
        })
        .collect();
    let audience = repo.config.classifications.id(site.audience);
    let cache = crate::cache::Store::open(&repo.root, &format!("pdf/{audience}"), PDF_MAGIC);
    let typeset = each(&documents, |(r, def, layout)| {
        let data = serde_json::to_vec(&Paper::of(site, theme, layout, r))?;
        let key = cache
            .as_ref()
            .filter(|_| repo.sealed(&r.path).is_none())
            .map(|cache| (cache, typesetter.key(&data)));
        let kept = key.as_ref().and_then(|(cache, key)| cache.get(key));
        let url = super::pages::document::pdf_url(&def.name, &r.id);
        if let Some(bytes) = kept {
            out.put(url, bytes)?;
            return Ok(false);
        }
        let pdf = typesetter
            .typeset(data)
            .map_err(|e| anyhow!("{}: {e}", r.path))?;
        if let Some((cache, key)) = &key {
            cache.put(key, &pdf.bytes);
        }
        out.put(url, pdf.bytes)?;
        Ok(true)
    })
    .into_iter()
    .collect::<anyhow::Result<Vec<bool>>>()?;
    if let Some(cache) = cache {
        cache.prune();
    }
    Ok(Written {
        pdfs: typeset.len(),
        typeset: typeset.iter().filter(|t| **t).count(),
    })
}

/// `f` of every item, on a thread per core, in the items' order. Not on rayon's pool: Typst
/// uses that pool inside a compilation, and a worker waiting there would steal the next whole
/// document onto the same stack, and the next, until the stack overflows.
pub fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()))
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("clerk-pdf".into())
                    .stack_size(64 << 20)
                    .spawn_scoped(scope, || {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break };
                            mine.push((i, f(item)));
                        }
                        mine
                    })
                    .ok()
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// One document's world: the template, the record as `/document.json`, and the fonts.
struct Sheet<'a> {
    t: &'a Typesetter,
    data: Bytes,
}

impl World for Sheet<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.t.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.t.fonts.book()
    }

    fn main(&self) -> FileId {
        self.t.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.t.main {
            Ok(self.t.template.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.t.data {
            return Ok(self.data.clone());
        }
        // Any other file the template reads comes from the repository's templates/ folder.
        let path = id
            .vpath()
            .realize(&self.t.templates)
            .map_err(FileError::Realize)?;
        std::fs::read(&path)
            .map(Bytes::new)
            .map_err(|_| FileError::NotFound(path))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.t.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
