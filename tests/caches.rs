//! The caches in `.git/clerk`: records whose own checks found nothing, and records parsed from
//! git. Each run with them must find exactly what a run without them finds.

use crate::common;

use std::path::Path;

use common::{git, Repo};

/// `clerk ARGS` in `dir` (JSON findings), with the caches or without (`CLERK_NO_CACHE=1`).
fn run(dir: &Path, args: &[&str], cached: bool) -> common::Outcome {
    without_cache(
        common::clerk(args).args(["--format", "json"]).dir(dir),
        !cached,
    )
    .run_json()
}

/// The run with `CLERK_NO_CACHE=1` when `off`.
fn without_cache(run: common::Clerk, off: bool) -> common::Clerk {
    if off {
        run.env("CLERK_NO_CACHE", "1")
    } else {
        run
    }
}

/// The findings as (code, path, line, message), in order.
fn findings(out: &common::Outcome) -> Vec<(String, String, usize, String)> {
    out.diagnostics()
        .into_iter()
        .map(|f| (f.code, f.path, f.line, f.message))
        .collect()
}

/// Checks with the caches (twice: filling them, then using them) and without; all three must
/// agree. Returns the findings that are not the example's standing W071.
#[track_caller]
fn agree(dir: &Path, args: &[&str]) -> Vec<(String, String, usize, String)> {
    let fresh = run(dir, args, false);
    let first = run(dir, args, true);
    let second = run(dir, args, true);
    assert_eq!(
        findings(&first),
        findings(&fresh),
        "{args:?}: cached run differs"
    );
    assert_eq!(
        findings(&second),
        findings(&fresh),
        "{args:?}: second cached run differs"
    );
    assert_eq!((first.status, second.status), (fresh.status, fresh.status));
    findings(&fresh)
        .into_iter()
        .filter(|f| f.0 != "W071")
        .collect()
}

#[test]
fn remembered_records_are_checked_again_when_anything_they_read_changes() {
    let repo = Repo::example();
    let dir = repo.path();
    git::ok(dir, &["init", "-q"]);
    let check = ["check", "--today", common::TODAY];
    assert_eq!(agree(dir, &check), vec![], "the example is clean");
    assert!(dir.join(".git/clerk/checked-records").exists());

    // A person loses a role: every approval given in it is now refused, although none of
    // those records changed.
    repo.edit(
        "people/lin-wenhui.md",
        "role: secretary-general",
        "role: former-secretary-general",
    );
    let found = agree(dir, &check);
    assert!(
        found
            .iter()
            .filter(|f| f.1 != "people/lin-wenhui.md")
            .count()
            >= 3,
        "{found:?}"
    );
    repo.edit(
        "people/lin-wenhui.md",
        "role: former-secretary-general",
        "role: secretary-general",
    );
    assert_eq!(agree(dir, &check), vec![]);

    // A council meeting that did not take place: the budget, policy, activity and expense citing
    // its resolutions are refused.
    repo.edit(
        "meetings/2026-council-01.md",
        "status: summary-sent",
        "status: cancelled",
    );
    let found = agree(dir, &check);
    assert!(
        found
            .iter()
            .any(|f| f.0 == "E038" && f.1 == "finance/2026-budget.md")
            && found.iter().filter(|f| f.0 == "E038").count() >= 4,
        "{found:?}"
    );
    repo.edit(
        "meetings/2026-council-01.md",
        "status: cancelled",
        "status: summary-sent",
    );

    // A stricter rule in a type file: leave that was fine is now refused.
    repo.edit(
        "types/leave.yaml",
        "record.end >= record.start",
        "record.end > record.start",
    );
    let found = agree(dir, &check);
    assert!(found.iter().any(|f| f.1.starts_with("leave/")), "{found:?}");
    repo.edit(
        "types/leave.yaml",
        "record.end > record.start",
        "record.end >= record.start",
    );

    // Another date: what is checked against today is checked again.
    let later = ["check", "--today", "2027-06-30"];
    agree(dir, &later);
    assert_eq!(agree(dir, &check), vec![]);
}

#[test]
fn the_staged_check_agrees_with_and_without_its_cache_of_parsed_records() {
    let repo = Repo::example();
    let dir = repo.path();
    git::ok(dir, &["init", "-q"]);
    git::ok(dir, &["add", "-A"]);
    git::ok(dir, &["commit", "-qm", "records", "--no-verify"]);
    let staged = ["check", "--staged", "--today", common::TODAY];
    assert_eq!(agree(dir, &staged), vec![]);
    let cache = dir.join(".git/clerk/parsed-records");
    let size = std::fs::metadata(&cache).unwrap().len();
    assert!(size > 100_000, "every plain record is kept: {size} bytes");
    // Nothing of the encrypted record is kept, in plain text or otherwise.
    let bytes = std::fs::read(&cache).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("2026-conf-001"));

    // An edit staged: the changed record is read from git and parsed; its approvals are stale.
    repo.edit("documents/2026-doc-001.md", "茲訂於", "（修訂）茲訂於");
    git::ok(dir, &["add", "documents/2026-doc-001.md"]);
    let found = agree(dir, &staged);
    assert!(
        !found.is_empty() && found.iter().all(|f| f.1 == "documents/2026-doc-001.md"),
        "{found:?}"
    );
    // Garbage, a torn append, another version's file, or a file of the previous format (its
    // own binary codec, before MessagePack) with this clerk's version: the same findings, and
    // the file is written anew in the current format.
    let previous_format = [
        concat!("clerk parsed-records v2 ", env!("CARGO_PKG_VERSION"), "\n").as_bytes(),
        &bytes[bytes.iter().position(|&b| b == b'\n').unwrap() + 1..],
    ]
    .concat();
    for damaged in [
        b"not a cache at all".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        b"clerk parsed-records v0 0.0.0\n".to_vec(),
        previous_format,
    ] {
        std::fs::write(&cache, &damaged).unwrap();
        assert_eq!(agree(dir, &staged), found);
        assert!(std::fs::read(&cache)
            .unwrap()
            .starts_with(b"clerk parsed-records v3 "));
    }
}

/// The files under `dir`, by path, with their bytes.
#[cfg(feature = "search")]
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The part files in the search cache for `audience`.
#[cfg(feature = "search")]
fn cached_parts(dir: &Path, audience: &str) -> std::collections::BTreeSet<String> {
    common::names(&dir.join(".git/clerk/search").join(audience))
        .into_iter()
        .collect()
}

/// A search index made from cached parts is, byte for byte, the index built without the
/// cache — after an edit, an added record and a removed one — and an edit replaces only the
/// part it falls in.
#[test]
#[cfg(feature = "search")]
fn search_parts_from_the_cache_are_the_index_built_without_it() {
    let repo = Repo::example();
    let dir = repo.path();
    git::ok(dir, &["init", "-q"]);
    // Parts of about eight records, so the example's make several.
    repo.edit("clerk.yaml", "site:\n", "site:\n  search_part: 8\n");
    let build = |out: &str, cached: bool| {
        let run = common::clerk(&["build", "--audience", "confidential", "-o", out])
            .args(["--today", common::TODAY])
            .dir(dir);
        without_cache(run, !cached).run().success();
    };
    let same_index = |step: &str| {
        build(".cached", true);
        build(".fresh", false);
        let cached = tree(&dir.join(".cached/pagefind"));
        assert!(
            cached.contains_key("parts.json") && cached.len() > 20,
            "{step}"
        );
        assert!(
            cached == tree(&dir.join(".fresh/pagefind")),
            "{step}: the index from cached parts differs"
        );
    };
    same_index("first build");
    let first = cached_parts(dir, "confidential");
    assert!(first.len() >= 4, "{first:?}");
    same_index("nothing changed");
    assert_eq!(
        cached_parts(dir, "confidential"),
        first,
        "the same parts are kept"
    );

    repo.edit(
        "documents/2026-doc-006.md",
        "3. 完善財務內控與資產盤點。",
        "3. 完善財務內控與資產盤點。\n4. 檔案數位化。",
    );
    same_index("one record edited");
    let edited = cached_parts(dir, "confidential");
    assert_eq!(edited.difference(&first).count(), 1, "only its part is new");
    assert_eq!(
        first.difference(&edited).count(),
        1,
        "the old one is removed"
    );

    let text = repo.read("documents/2026-doc-006.md");
    repo.write(
        "documents/2026-doc-099.md",
        text.replace("2026-doc-006", "2026-doc-099"),
    );
    std::fs::remove_file(dir.join("documents/2026-doc-001.md")).unwrap();
    same_index("a record added and another removed");

    // A torn part file is indexed again, not trusted.
    let part = cached_parts(dir, "confidential")
        .into_iter()
        .next()
        .unwrap();
    let path = dir.join(".git/clerk/search/confidential").join(&part);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    same_index("a torn part file");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the part is written whole again"
    );
}
