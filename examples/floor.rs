//! The floor for the check benchmarks (BENCHMARKS.md): read every record file, split off the
//! front matter, parse the YAML and render the Markdown to HTML — the least any tool does
//! with these files. Used by
//! `bench/run.sh`.
//!
//!   cargo run --release --example floor -- DIR

use rayon::prelude::*;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let files: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.') || e.depth() == 0)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let bytes: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let Ok(split) = clerk::parse::frontmatter::split(&text) else {
                return 0;
            };
            let fields = clerk::parse::yaml::parse_mapping(split.yaml).map(|m| m.len());
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(split.body));
            html.len() + fields.unwrap_or(0)
        })
        .sum();
    println!("{} files, {bytes} bytes of output", files.len());
}
