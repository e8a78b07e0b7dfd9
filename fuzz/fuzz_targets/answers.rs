//! libFuzzer target `answers`: see `nmp_fuzz::answers`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::answers(data);
});
