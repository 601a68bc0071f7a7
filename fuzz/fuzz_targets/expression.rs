#![no_main]
//! cargo +nightly fuzz run expression — see clerk::fuzz::expression.
libfuzzer_sys::fuzz_target!(|data: &[u8]| clerk::fuzz::expression(data));
