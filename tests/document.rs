//! 公文 laid out as GB/T 9704-2012 sets out: the document page (`document.html`), what each
//! audience sees beside it, the type's `layout:` naming the fields, and the PDFs (`clerk pdf`,
//! `clerk build`) read back with poppler's tools.

use crate::common;

use common::Repo;

fn build(repo: &Repo, audience: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = repo.path().join(format!("site-{audience}"));
    common::clerk(&["build", ".", "-o"])
        .arg(&out)
        .args([
            "--audience",
            audience,
            "--today",
            common::TODAY,
            "--no-search",
        ])
        .args(extra)
        .dir(repo.path())
        .run()
        .success();
    out
}

/// Where each needle first appears in `text`; fails naming a missing one.
fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| {
            text.find(n)
                .unwrap_or_else(|| panic!("{n:?} is missing from:\n{text}"))
        })
        .collect()
}

fn assert_in_order(text: &str, needles: &[&str]) {
    let at = positions(text, needles);
    for (i, pair) in at.windows(2).enumerate() {
        assert!(
            pair[0] < pair[1],
            "{:?} comes after {:?} in:\n{text}",
            needles[i],
            needles[i + 1]
        );
    }
}

#[test]
fn a_document_page_has_the_elements_of_gbt_9704_in_order() {
    let repo = Repo::example();
    let site = build(&repo, "public", &["--no-pdf"]);
    let page = std::fs::read_to_string(site.join("document/2026-doc-001.html")).unwrap();
    assert_in_order(
        &page,
        &[
            r#"<p class="mark""#,
            "青嵐文化交流協會秘書處文件</p>",
            "協秘〔2026〕1號",
            r#"<div class="red-rule">"#,
            r#"<h1 class="doc-title">關於召開2026年第一次理事會會議的通知</h1>"#,
            r#"<p class="to">全體理事、秘書處各部門：</p>"#,
            "茲訂於2026年1月15日",
            r#"<p class="issuer">青嵐文化交流協會秘書處</p>"#,
            r#"<p class="signed-on">2026年1月5日</p>"#,
            r#"<p class="note">（此件公開發布）</p>"#,
            "抄送：",
            "監事會。",
            "青嵐文化交流協會秘書處綜合部",
            "2026年1月5日印發",
        ],
    );
    assert!(page.contains("assets/document.css"), "{page}");
}

#[test]
fn the_public_edition_shows_the_document_only() {
    let repo = Repo::example();
    let public = build(&repo, "public", &["--no-pdf"]);
    let page = std::fs::read_to_string(public.join("document/2026-doc-001.html")).unwrap();
    // No circulation list, no approvals, no people's ids (pinyin), no history.
    for hidden in [
        "lin-wenhui",
        "wang-fang",
        "h-approvals",
        "h-circulation",
        "h-fields",
    ] {
        assert!(
            !page.contains(hidden),
            "{hidden} in the public page:\n{page}"
        );
    }
    // Internal readers see the panels beside it, with names.
    let internal = build(&repo, "internal", &["--no-pdf"]);
    let page = std::fs::read_to_string(internal.join("document/2026-doc-001.html")).unwrap();
    for shown in [
        "h-approvals",
        "h-circulation",
        "林文慧",
        "<aside class=\"panels\"",
    ] {
        assert!(
            page.contains(shown),
            "{shown} missing from the internal page:\n{page}"
        );
    }
    // The circulation is a 傳閱單: a table of readers and the dates they read it.
    let panel = &page[page.find("h-circulation").unwrap()..];
    let panel = &panel[..panel.find("</section>").unwrap()];
    assert!(
        panel.contains("<table>") && panel.contains("<th scope=\"col\">"),
        "{panel}"
    );
    assert!(panel.contains("<td>2026-01-"), "{panel}");
}

#[test]
fn the_panels_each_audience_sees_are_the_type_files_choice() {
    let repo = Repo::example();
    repo.edit(
        "types/document.yaml",
        "panels: {details: internal, approvals: internal,",
        "panels: {details: internal, approvals: public,",
    );
    let public = build(&repo, "public", &["--no-pdf"]);
    let page = std::fs::read_to_string(public.join("document/2026-doc-001.html")).unwrap();
    assert!(page.contains("h-approvals"), "{page}");
    assert!(!page.contains("h-circulation"), "{page}");
}

#[test]
fn an_upward_document_names_its_signer_and_another_field_can_fill_an_element() {
    let repo = Repo::example();
    // Another association's choice: the 主送 line comes from the field `cc`.
    repo.edit("types/document.yaml", "  to: recipients ", "  to: cc ");
    let site = build(&repo, "internal", &["--no-pdf"]);
    let page = std::fs::read_to_string(site.join("document/2026-doc-001.html")).unwrap();
    assert!(page.contains(r#"<p class="to">監事會：</p>"#), "{page}");
    // 2026-doc-005 is a 請示 (上行文): its 簽發人 would be whoever gave `approve`; it has only
    // been reviewed, so none is printed — and never a bare id.
    let page = std::fs::read_to_string(site.join("document/2026-doc-005.html")).unwrap();
    assert!(!page.contains("class=\"signer\""), "{page}");
    assert!(page.contains(r#"<p class="to">秘書長：</p>"#) || !page.contains("class=\"to\""));
}

#[test]
fn a_layout_naming_an_undeclared_field_is_reported_where_it_is_named() {
    let repo = Repo::example();
    repo.edit("types/document.yaml", "  cc: cc ", "  cc: copies ");
    repo.edit(
        "types/document.yaml",
        "signer: {step: approve,",
        "signer: {step: sign-off,",
    );
    let out = repo.check();
    common::assert_findings(
        &out,
        &[
            (
                "E101",
                "types/document.yaml",
                line_of(&repo, "  cc: copies "),
            ),
            (
                "E101",
                "types/document.yaml",
                line_of(&repo, "signer: {step: sign-off"),
            ),
        ],
    );
    assert!(
        out.said().contains("`copies` is not a declared field"),
        "{}",
        out.said()
    );
    assert!(
        out.said().contains("`sign-off` is not an approval step"),
        "{}",
        out.said()
    );
}

fn line_of(repo: &Repo, needle: &str) -> usize {
    let text = repo.read("types/document.yaml");
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// The PDFs: `clerk pdf` and `clerk build` with the `pdf` feature.
#[cfg(feature = "pdf")]
mod pdf {
    use super::*;
    use std::path::Path;
    use std::process::Command;

    /// poppler's tools, or None (and a note) where they are not installed; CI must have them.
    fn poppler() -> bool {
        let there = Command::new("pdfinfo").arg("-v").output().is_ok();
        if !there {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install poppler-utils"
            );
            eprintln!("skipped: poppler-utils is missing");
        }
        there
    }

    fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
        let mut cmd = Command::new(name);
        cmd.args(args).arg(pdf);
        if name == "pdftotext" {
            cmd.arg("-"); // to standard output
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn clerk_pdf_writes_an_a4_document_with_its_fonts_embedded_in_the_standards_order() {
        if !poppler() {
            return;
        }
        let repo = Repo::example();
        let out = repo.path().join("pdf");
        let pdf_said = |args: &[&str]| {
            common::clerk(&[args, &["-o"]].concat())
                .arg(&out)
                .dir(repo.path())
                .run()
                .success()
                .said()
        };
        let said = pdf_said(&[
            "pdf",
            "documents/2026-doc-002.md",
            "documents/2026-doc-001.md",
        ]);
        assert!(said.contains("2026-doc-001.pdf"), "{said}");
        // What it wrote, in the staff's language.
        let said = pdf_said(&["--lang", "zh-Hant", "pdf", "documents/2026-doc-001.md"]);
        assert!(
            said.starts_with("已寫入 ") && said.contains("2026-doc-001.pdf（字型："),
            "{said}"
        );
        let pdf = out.join("2026-doc-001.pdf");
        let info = tool("pdfinfo", &[], &pdf);
        assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
        assert!(info.contains("Pages:           1"), "{info}");
        let fonts = tool("pdffonts", &[], &pdf);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in &rows {
            // name, type, encoding, emb, sub, uni, object, ID: `emb` is the first yes/no column.
            let cols: Vec<&str> = row.split_whitespace().collect();
            let emb = cols.iter().position(|c| *c == "yes" || *c == "no").unwrap();
            assert_eq!(cols[emb], "yes", "a font is not embedded: {fonts}");
        }
        assert!(fonts.contains("CJK"), "a CJK face is embedded: {fonts}");
        // pdftotext spaces text by its position: compare without the spaces.
        let text = tool("pdftotext", &["-layout"], &pdf).replace([' ', '\u{3000}'], "");
        assert_in_order(
            &text,
            &[
                "青嵐文化交流協會秘書處文件",
                "協秘〔2026〕1號",
                "關於召開2026年第一次理事會會議的通知",
                "全體理事、秘書處各部門：",
                "茲訂於2026年1月15日",
                "2026年1月5日",
                "（此件公開發布）",
                "抄送：監事會。",
                "2026年1月5日印發",
                "—1—",
            ],
        );
        // The 附件說明 of the second document, after its body.
        let text = tool("pdftotext", &["-layout"], &out.join("2026-doc-002.pdf")).replace(' ', "");
        assert_in_order(
            &text,
            &[
                "現予印發",
                "附件：秘書處管理制度（2026年修訂版）",
                "2026年1月19日",
            ],
        );
    }

    #[test]
    fn clerk_pdf_refuses_what_is_not_an_issued_document() {
        let repo = Repo::example();
        let draft = common::clerk(&["pdf", "documents/2026-doc-006.md"])
            .dir(repo.path())
            .run();
        assert_eq!(draft.status, 2, "{}", draft.said());
        assert!(
            draft
                .stderr
                .contains("`documents/2026-doc-006.md` is not issued yet")
                && draft.stderr.contains("clerk issue"),
            "{}",
            draft.stderr
        );
        let leave = common::clerk(&["pdf", "leave/leave-2026-014.md"])
            .dir(repo.path())
            .run();
        assert_eq!(leave.status, 2, "{}", leave.said());
        assert!(
            leave.stderr.contains("not an official document")
                && leave.stderr.contains("types/leave.yaml"),
            "{}",
            leave.stderr
        );
        assert!(!repo.path().join("2026-doc-006.pdf").exists());
        assert!(!repo.path().join("leave-2026-014.pdf").exists());
    }

    #[test]
    fn a_build_puts_each_issued_documents_pdf_beside_its_page_and_links_it() {
        let repo = Repo::example();
        let site = build(&repo, "public", &[]);
        let pdf = std::fs::read(site.join("document/2026-doc-001.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let page = std::fs::read_to_string(site.join("document/2026-doc-001.html"))
            .unwrap()
            .replace("&#x2F;", "/");
        assert!(
            page.contains(r#"href="../document/2026-doc-001.pdf" type="application/pdf""#),
            "{page}"
        );
        // Not issued: no number, no PDF, no link.
        let internal = build(&repo, "internal", &[]);
        assert!(!internal.join("document/2026-doc-004.pdf").exists());
        let page = std::fs::read_to_string(internal.join("document/2026-doc-004.html")).unwrap();
        assert!(!page.contains(".pdf"), "{page}");
    }

    /// The cache of PDFs in `.git/clerk/pdf/AUDIENCE/`: its files by name, each without the
    /// cache's format line.
    fn cached(repo: &Repo) -> std::collections::BTreeMap<String, Vec<u8>> {
        let dir = repo.path().join(".git/clerk/pdf/internal");
        common::names(&dir)
            .into_iter()
            .map(|name| {
                let bytes = std::fs::read(dir.join(&name)).unwrap();
                let body = bytes.strip_prefix(b"clerk pdf 1\n".as_slice()).unwrap();
                (name, body.to_vec())
            })
            .collect()
    }

    /// Replaces the cached copy of `pdf` with `marker`; returns the cache file's name.
    fn plant(repo: &Repo, pdf: &[u8], marker: &[u8]) -> String {
        let name = cached(repo)
            .into_iter()
            .find(|(_, bytes)| bytes == pdf)
            .map(|(name, _)| name)
            .expect("the PDF is in the cache");
        let mut planted = b"clerk pdf 1\n".to_vec();
        planted.extend(marker);
        std::fs::write(
            repo.path().join(".git/clerk/pdf/internal").join(&name),
            planted,
        )
        .unwrap();
        name
    }

    /// A build takes each PDF from the cache while its document, the template and the fonts
    /// are what it was typeset from, and typesets it again when any of them changed.
    #[test]
    fn a_build_typesets_only_the_pdfs_whose_document_or_template_changed() {
        let repo = Repo::example();
        common::git::ok(repo.path(), &["init", "-q"]);
        let pdf =
            |site: &Path, id: &str| std::fs::read(site.join(format!("document/{id}.pdf"))).unwrap();
        let site = build(&repo, "internal", &[]);
        let first = pdf(&site, "2026-doc-001");
        assert!(first.starts_with(b"%PDF-"));
        let kept = cached(&repo);
        let pdfs = common::names(&site.join("document"))
            .into_iter()
            .filter(|n| n.ends_with(".pdf"))
            .count();
        assert_eq!(kept.len(), pdfs, "every PDF is kept: {:?}", kept.keys());

        // The cache is read: a PDF planted under the document's key is what the build writes.
        plant(&repo, &first, b"planted 1");
        let site = build(&repo, "internal", &[]);
        assert_eq!(pdf(&site, "2026-doc-001"), b"planted 1");

        // An edited document is typeset again, and its old PDF leaves the cache. (The edit
        // makes its approvals stale: the site is built marking it.)
        repo.edit("documents/2026-doc-001.md", "茲訂於", "茲定於");
        let site = build(&repo, "internal", &["--allow-errors"]);
        let edited = pdf(&site, "2026-doc-001");
        assert!(edited.starts_with(b"%PDF-"), "typeset again");
        assert_ne!(edited, first);
        assert_eq!(cached(&repo).len(), pdfs, "the stale PDF was removed");

        // A repository's own template makes every PDF anew.
        plant(&repo, &pdf(&site, "2026-doc-002"), b"planted 2");
        let template =
            std::fs::read_to_string(common::crate_dir().join("templates/document.typ")).unwrap();
        repo.write("templates/document.typ", format!("// 本會版式\n{template}"));
        let site = build(&repo, "internal", &["--allow-errors"]);
        assert!(pdf(&site, "2026-doc-002").starts_with(b"%PDF-"));

        // Without the cache nothing is read or written.
        std::fs::remove_dir_all(repo.path().join(".git/clerk/pdf")).unwrap();
        let out = repo.path().join("site-uncached");
        common::clerk(&["build", ".", "-o"])
            .arg(&out)
            .args([
                "--audience",
                "internal",
                "--no-search",
                "--allow-errors",
                "--today",
                common::TODAY,
            ])
            .env("CLERK_NO_CACHE", "1")
            .dir(repo.path())
            .run()
            .success();
        assert!(pdf(&out, "2026-doc-001").starts_with(b"%PDF-"));
        assert!(!repo.path().join(".git/clerk/pdf").exists());
    }
}
