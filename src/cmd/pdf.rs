//! `clerk pdf`: issued documents as PDFs, laid out as GB/T 9704-2012 sets out (the type's
//! `layout:`), typeset by Typst with the template `templates/document.typ`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};

use crate::model::repo::Repository;
use crate::model::types::LayoutKind;
use crate::read::relative;
use crate::site::pages::document::Paper;
use crate::site::pdf::Typesetter;
use crate::site::{slug, templates::Theme, Site};

/// `clerk pdf`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The documents (record files of a type with `layout: {kind: document}`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The folder to write ID.pdf into.
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let root = super::record::find_root(&self.files[0])?;
        let (repo, findings) = super::record::open_repository(&root)?;
        let history = HashMap::new();
        // Whoever runs clerk reads the files: the paper names what the records name.
        let today = chrono::Local::now().date_naive();
        let site = Site::new(
            &repo,
            &findings,
            &history,
            repo.config.classifications.top(),
            today,
        );
        let theme = Theme::load(&repo.root, repo.config.association.locale)?;
        let mut papers = Vec::new();
        for file in &self.files {
            papers.push(paper(&site, &theme, &root, file, &findings)?);
        }
        let typesetter = Typesetter::new(&repo.root)?;
        std::fs::create_dir_all(&self.output)
            .with_context(|| crate::i18n::t("io-create", &[("path", &self.output.display())]))?;
        // Typeset in parallel; reported in the order given.
        let written: Vec<anyhow::Result<String>> =
            crate::site::pdf::each(&papers, |(id, paper)| {
                let pdf = typesetter.pdf(paper)?;
                let out = self.output.join(format!("{}.pdf", slug(id)));
                crate::fsio::write_bytes_atomic(&out, &pdf.bytes)
                    .with_context(|| crate::i18n::t("io-write", &[("path", &out.display())]))?;
                let words = [
                    ("path", out.display().to_string()),
                    ("fonts", pdf.fonts.join(", ")),
                ];
                Ok(crate::i18n::tv("pdf-wrote", &words))
            });
        for line in written {
            println!("{}", line?);
        }
        Ok(0)
    }
}

/// The paper of the issued document in `file`, and its id.
fn paper(
    site: &Site,
    theme: &Theme,
    root: &Path,
    file: &Path,
    findings: &[crate::diag::Diagnostic],
) -> anyhow::Result<(String, Paper)> {
    let repo: &Repository = site.repo;
    let abs = std::path::absolute(file)
        .with_context(|| crate::i18n::t("io-resolve", &[("path", &file.display())]))?;
    let rel = relative(root, &abs);
    if !abs.is_file() {
        bail!(crate::i18n::t("not-a-file", &[("path", &file.display())]));
    }
    if !abs.starts_with(root) {
        let words = [
            ("path", file.display().to_string()),
            ("root", root.display().to_string()),
        ];
        bail!(crate::i18n::tv("check-other-repository", &words));
    }
    let r = &repo.records[super::record::checked_record(repo, findings, &rel)?];
    let def = repo.type_of(r).ok_or_else(|| {
        anyhow!(crate::i18n::t(
            "no-known-type",
            &[("path", &format!("`{rel}`"))]
        ))
    })?;
    let layout = def
        .layout
        .as_ref()
        .filter(|l| l.kind == LayoutKind::Document)
        .ok_or_else(|| {
            let words = [
                ("path", rel.clone()),
                ("type", def.name.clone()),
                ("type_label", crate::model::labels::run_type_label(def)),
                ("file", def.path.clone()),
            ];
            anyhow!(crate::i18n::tv("pdf-not-a-document", &words))
        })?;
    if r.str_field(&layout.number).is_none() {
        bail!(crate::i18n::t(
            "pdf-not-issued",
            &[("path", &rel), ("field", &layout.number)]
        ));
    }
    Ok((r.id.clone(), Paper::of(site, theme, layout, r)))
}
