//! The benchmark corpus generator: valid, really signed, and the same for the same seed.

use crate::common;

use std::path::Path;

fn corpus(out: &Path, records: &str, seed: &str) -> common::Outcome {
    common::clerk(&["corpus", "--records", records, "--seed", seed, "--example"])
        .arg(common::crate_dir().join("records-example"))
        .arg("-o")
        .arg(out)
        .run()
}

fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_generated_corpus_checks_clean_and_is_the_same_for_the_same_seed() {
    let tmp = common::Repo::empty();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    for (dir, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        let out = corpus(dir, "300", seed);
        assert_eq!(out.status, 0, "{}", out.stderr);
        assert!(out.stdout.contains("wrote 392 records"), "{}", out.stdout);
    }
    assert_eq!(files(&a), files(&b), "same seed, same bytes");
    assert_ne!(files(&a), files(&c), "another seed, another corpus");

    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .arg(&a)
        .run_json();
    assert_eq!(out.json["summary"]["records"], 392);
    assert_eq!(out.json["summary"]["errors"], 0, "{}", out.stdout);
    // Its approvals are real signatures over the new content: one changed word makes one stale.
    let doc = files(&a)
        .into_iter()
        .find(|(p, t)| {
            p.starts_with("documents/")
                && p.contains("-g")
                && String::from_utf8_lossy(t).contains("signature: |")
        })
        .unwrap()
        .0;
    let text = std::fs::read_to_string(a.join(&doc)).unwrap();
    std::fs::write(a.join(&doc), format!("{text}\n修訂。\n")).unwrap();
    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .arg(&a)
        .run_json();
    let stale: Vec<String> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "E055")
        .map(|f| f.path)
        .collect();
    assert!(
        !stale.is_empty() && stale.iter().all(|p| *p == doc),
        "{stale:?}"
    );
}
