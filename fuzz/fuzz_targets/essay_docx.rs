//! libFuzzer target `essay_docx`: see `nmp_fuzz::essay_docx`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::essay_docx(data);
});
