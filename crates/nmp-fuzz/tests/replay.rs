//! The fuzz targets on the stable toolchain, in every test run: every file of
//! `fuzz/corpus/<target>/` (the generated seeds and the inputs fuzzing found worth keeping) and
//! of `fuzz/regressions/<target>/` (inputs that once crashed or hung a target) goes through its
//! target, then a short random run mutates them with a fixed seed (`NMP_FUZZ_SEED` picks
//! another). Any panic fails the test, naming the file, or saving the random input and naming
//! where. The seeds say in their names whether their entry point accepts them (`seed-ok-*`) or
//! refuses them (`seed-bad-*`), so the targets are known to reach both ends of each check.

use std::path::{Path, PathBuf};

use nmp_fuzz::mutate::{Rng, mutate};
use nmp_fuzz::{Outcome, TARGETS, Target, target, try_run};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `dir`, by name (none when it does not exist).
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

fn corpus(t: &Target) -> Vec<(PathBuf, Vec<u8>)> {
    files(&fuzz_dir().join("corpus").join(t.name))
}

fn regressions(t: &Target) -> Vec<(PathBuf, Vec<u8>)> {
    files(&fuzz_dir().join("regressions").join(t.name))
}

fn replay(name: &str) {
    let t = target(name).unwrap();
    let corpus = corpus(t);
    let mut failures = Vec::new();
    let (mut ok, mut bad) = (0, 0);
    for (path, bytes) in corpus.iter().chain(&regressions(t)) {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        match try_run(t, bytes) {
            Err(message) => failures.push(format!("{}: {message}", path.display())),
            Ok(outcome) if file.starts_with("seed-ok-") => {
                ok += 1;
                if outcome != Outcome::Accepted {
                    failures.push(format!("{file} should be accepted: {outcome:?}"));
                }
            }
            Ok(outcome) if file.starts_with("seed-bad-") => {
                bad += 1;
                if outcome == Outcome::Accepted {
                    failures.push(format!("{file} should be refused"));
                }
            }
            Ok(_) => {}
        }
    }
    assert!(
        ok > 0 && bad > 0,
        "{name}: seeds to accept ({ok}) and to refuse ({bad}) are both needed"
    );
    assert!(
        failures.is_empty(),
        "{name}: {} input(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn random_run(name: &str) {
    let t = target(name).unwrap();
    let seed: u64 = std::env::var("NMP_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_240_610);
    let inputs: Vec<Vec<u8>> = corpus(t).into_iter().chain(regressions(t)).map(|(_, b)| b).collect();
    assert!(!inputs.is_empty(), "no corpus for {name}");
    // Each target draws its own sequence from the one seed.
    let mut rng = Rng::new(seed ^ name.bytes().fold(0u64, |h, b| h.rotate_left(7) ^ u64::from(b)));
    let mut failures = Vec::new();
    for i in 0..t.random_inputs {
        let input = mutate(&mut rng, &inputs, t.max_len);
        if let Err(message) = try_run(t, &input) {
            let dir = std::env::temp_dir().join("nmp-fuzz-failures").join(name);
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("seed-{seed}-input-{i}"));
            std::fs::write(&path, &input).unwrap();
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: the random run (NMP_FUZZ_SEED={seed}) found {} failing input(s); keep each under fuzz/regressions/{name}/ once fixed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

macro_rules! target_tests {
    ($($name:ident),+) => {
        mod replay_corpus_and_regressions {
            $(#[test] fn $name() { super::replay(stringify!($name)); })+
        }
        mod short_random_run {
            $(#[test] fn $name() { super::random_run(stringify!($name)); })+
        }
        #[test]
        fn every_target_is_tested_here() {
            let tested = [$(stringify!($name)),+];
            let listed: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
            assert_eq!(tested.as_slice(), listed.as_slice());
        }
    };
}

target_tests!(
    records,
    indicators,
    ewp,
    datapackage,
    partial_date,
    answers,
    upload,
    essay_markdown,
    essay_docx
);

/// The cargo-fuzz crate has one target per function, each calling it, and no other.
#[test]
fn the_fuzz_crate_runs_every_target() {
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    for t in TARGETS {
        let source = std::fs::read_to_string(fuzz_dir().join(format!("fuzz_targets/{}.rs", t.name)))
            .unwrap_or_else(|e| panic!("fuzz/fuzz_targets/{}.rs: {e}", t.name));
        assert!(source.contains(&format!("nmp_fuzz::{}(", t.name)), "{}", t.name);
        assert!(manifest.contains(&format!("name = \"{}\"", t.name)), "{}", t.name);
    }
    let targets = std::fs::read_dir(fuzz_dir().join("fuzz_targets")).unwrap().count();
    assert_eq!(targets, TARGETS.len());
}

/// `scripts/fuzz` runs every target, with the longest input given here.
#[test]
fn the_fuzz_script_knows_every_target() {
    let script = std::fs::read_to_string(fuzz_dir().join("../scripts/fuzz")).unwrap();
    for t in TARGETS {
        assert!(
            script.contains(&format!("[{}]={}\n", t.name, t.max_len)),
            "scripts/fuzz: max_len of {} is not {}",
            t.name,
            t.max_len
        );
    }
}
