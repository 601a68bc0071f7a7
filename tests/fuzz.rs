//! Replays every input fuzzing found worth keeping (`fuzz/regressions/TARGET/*`), and a few
//! hostile inputs written by hand, through the same entry points the fuzz targets use. Each
//! must simply return: no panic, no crash, no hang.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        eprintln!("{target}: {}", path.display());
        run(&bytes);
        count += 1;
    }
    count
}

/// Hand-written hostile inputs, for every target.
fn hostile() -> Vec<Vec<u8>> {
    vec![
        Vec::new(),
        b"---".to_vec(),
        b"---\n---\n".to_vec(),
        b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n".to_vec(),
        b"---\n\xff\xfe\x00\n---\n".to_vec(),
        format!("---\n{}x\n---\n", "[".repeat(50_000)).into_bytes(),
        format!("---\na: &a [{}]\n---\n", "*a,".repeat(1000)).into_bytes(),
        format!("{}\n", "(".repeat(10_000)).into_bytes(),
        format!("{}1\n", "!".repeat(10_000)).into_bytes(),
        format!("[{}]\n", "1,".repeat(100_000)).into_bytes(),
        // At the limits (32 levels, 256 operators): parsed and evaluated; and just past them.
        format!("{}1{}\n", "(".repeat(32), ")".repeat(32)).into_bytes(),
        format!("{}true\n", "!".repeat(32)).into_bytes(),
        format!("{}1\n", "true ? 1 : ".repeat(128)).into_bytes(),
        format!("{}true\n", "true && ".repeat(256)).into_bytes(),
        format!("{}1\n", "1 + ".repeat(256)).into_bytes(),
        format!("{}1\n", "1 + ".repeat(2000)).into_bytes(),
        format!("{}1{}\n", "[".repeat(33), "]".repeat(33)).into_bytes(),
        b"record.x.y.z[0][1]['a'].size() / 0\nx: 1\n".to_vec(),
        b"workdays('2026-01-01', '9999-12-31')\n".to_vec(),
        b"add_months('2026-01-31', 9223372036854775807)\n".to_vec(),
        b"-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n".to_vec(),
        b"age-encryption.org/v1\n-> ssh-ed25519 \n---\n".to_vec(),
        b"ssh-ed25519 !!!notbase64 x".to_vec(),
    ]
}

#[test]
fn frontmatter_inputs_never_panic() {
    replay("frontmatter", clerk::fuzz::frontmatter);
    hostile().iter().for_each(|b| clerk::fuzz::frontmatter(b));
}

#[test]
fn whole_record_checks_never_panic() {
    replay("record", clerk::fuzz::record);
    hostile().iter().for_each(|b| clerk::fuzz::record(b));
}

#[test]
fn signatures_never_panic() {
    replay("signature", clerk::fuzz::signature);
    hostile().iter().for_each(|b| clerk::fuzz::signature(b));
}

#[test]
fn expressions_never_panic() {
    // On a thread with the stack clerk's own threads have (a debug build's parser frames are
    // several times larger than a release build's).
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(|| {
            replay("expression", clerk::fuzz::expression);
            hostile().iter().for_each(|b| clerk::fuzz::expression(b));
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn expressions_past_the_limits_are_refused_with_a_reason() {
    let env = clerk::model::expr::Evaluator::env();
    for (source, reason) in [
        (
            format!("{}1{}", "(".repeat(33), ")".repeat(33)),
            "nested more than 32",
        ),
        (
            format!("{}1", "1 + ".repeat(257)),
            "more than 256 operators",
        ),
        ("'a'".repeat(4000), "longer than 10000"),
    ] {
        let err =
            clerk::model::expr::compile(&env, &source, "t.yaml", clerk::diag::Pos::line(3), None)
                .err()
                .unwrap_or_else(|| panic!("accepted {source:.40}"));
        assert_eq!(err.code.as_str(), "E105");
        assert_eq!(err.line, 3);
        assert!(err.message.contains(reason), "{}", err.message);
    }
    // Strings may hold brackets and operators freely.
    let quoted = format!("'{}' != ''", "((((+".repeat(100));
    assert!(
        clerk::model::expr::compile(&env, &quoted, "t.yaml", clerk::diag::Pos::line(1), None)
            .is_ok()
    );
}
