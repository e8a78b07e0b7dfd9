//! libFuzzer target `upload`: see `nmp_fuzz::upload`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::upload(data);
});
