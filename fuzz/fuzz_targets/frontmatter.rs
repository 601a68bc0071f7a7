#![no_main]
//! cargo +nightly fuzz run frontmatter — see clerk::fuzz::frontmatter.
libfuzzer_sys::fuzz_target!(|data: &[u8]| clerk::fuzz::frontmatter(data));
