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
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            fonts,
            template: Source::new(main, text),
            templates,
            main,
            data: id("/document.json")?,
        })
    }

    /// The PDF of `paper`.
    pub fn pdf(&self, paper: &Paper) -> anyhow::Result<Pdf> {
        let data = serde_json::to_vec(paper)?;
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

/// Why no PDF can be typeset for the repository at `root` (no font with Chinese characters,
/// neither the system's nor its own), or `None` when one can.
pub fn fonts_missing(root: &Path) -> Option<String> {
    let mut fonts = FontStore::new();
    let own_fonts = root.join("templates").join("fonts");
    if own_fonts.is_dir() {
        fonts.extend(typst_kit::fonts::scan(&own_fonts));
    }
    fonts.extend(typst_kit::fonts::system());
    check_fonts(fonts.book()).err().map(|e| e.to_string())
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

/// Writes the PDF of every issued document on the site beside its page, in parallel.
pub fn write_all(
    site: &super::Site,
    theme: &super::templates::Theme,
    out: &super::Output,
) -> anyhow::Result<usize> {
    let repo = site.repo;
    let documents: Vec<_> = site
        .records()
        .filter_map(|r| {
            let def = repo.type_of(r)?;
            let layout = def.layout.as_ref()?;
            super::pages::document::has_pdf(site, def, r).then_some((r, def, layout))
        })
        .collect();
    if documents.is_empty() {
        return Ok(0);
    }
    let typesetter = Typesetter::new(&repo.root)?;
    each(&documents, |(r, def, layout)| {
        let paper = Paper::of(site, theme, layout, r);
        let pdf = typesetter
            .pdf(&paper)
            .map_err(|e| anyhow!("{}: {e}", r.path))?;
        out.put(super::pages::document::pdf_url(&def.name, &r.id), pdf.bytes)
    })
    .into_iter()
    .collect::<anyhow::Result<Vec<()>>>()?;
    Ok(documents.len())
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
