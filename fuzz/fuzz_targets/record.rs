#![no_main]
//! cargo +nightly fuzz run record — see clerk::fuzz::record.
libfuzzer_sys::fuzz_target!(|data: &[u8]| clerk::fuzz::record(data));
