//! libFuzzer target `indicators`: see `nmp_fuzz::indicators`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::indicators(data);
});
