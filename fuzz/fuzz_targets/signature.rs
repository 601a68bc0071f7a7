#![no_main]
//! cargo +nightly fuzz run signature — see clerk::fuzz::signature.
libfuzzer_sys::fuzz_target!(|data: &[u8]| clerk::fuzz::signature(data));
