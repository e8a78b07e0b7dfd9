//! libFuzzer target `datapackage`: see `nmp_fuzz::datapackage`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::datapackage(data);
});
