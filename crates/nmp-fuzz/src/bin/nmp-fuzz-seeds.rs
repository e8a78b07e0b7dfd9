//! Writes the generated seeds of every fuzz target ([`nmp_fuzz::seeds`]) to
//! `fuzz/corpus/<target>/seed-*` (or under the folder given as the one argument), replacing the
//! seeds written before; the other files of the corpus are left as they are.

#![forbid(unsafe_code)]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = match std::env::args().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus"),
    };
    for target in nmp_fuzz::TARGETS {
        let dir = root.join(target.name);
        std::fs::create_dir_all(&dir)?;
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with("seed-") {
                std::fs::remove_file(entry.path())?;
            }
        }
    }
    let seeds = nmp_fuzz::seeds::generate();
    for (target, name, bytes) in &seeds {
        std::fs::write(root.join(target).join(name), bytes)?;
    }
    println!("wrote {} seeds under {}", seeds.len(), root.display());
    Ok(())
}
