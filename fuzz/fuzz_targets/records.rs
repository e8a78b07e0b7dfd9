//! libFuzzer target `records`: see `nmp_fuzz::records`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::records(data);
});
