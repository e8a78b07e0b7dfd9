//! libFuzzer target `partial_date`: see `nmp_fuzz::partial_date`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::partial_date(data);
});
