//! libFuzzer target `essay_markdown`: see `nmp_fuzz::essay_markdown`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::essay_markdown(data);
});
