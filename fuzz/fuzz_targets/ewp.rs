//! libFuzzer target `ewp`: see `nmp_fuzz::ewp`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = nmp_fuzz::ewp(data);
});
