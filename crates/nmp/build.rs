//! Links the `nmp` program with packed relative relocations (`-z pack-relative-relocs`, DT_RELR)
//! where the C toolchain supports them.
//!
//! `nmp` is a position-independent executable of about 150 MB, and every pointer in its
//! read-only data (vtables, string tables, Typst's and the templates' static data) is a relative
//! relocation the loader applies at start: about 170,000 of them, whose 24-byte entries
//! (`.rela.dyn`, 4 MB) are read at every start and stay resident. Packed, they take a few
//! kilobytes (a bitmap per run of adjacent pointers), and `nmp serve`'s resident memory at start
//! is that much smaller. The linker drops the packing by itself when the C library does not
//! support it (glibc before 2.36); a toolchain that does not know the option is probed first and
//! the program is then linked as before.

use std::io::Write;
use std::process::{Command, Stdio};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os != "linux" || target_env != "gnu" {
        return;
    }
    if links_with("-Wl,-z,pack-relative-relocs") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether the C compiler (the linker driver rustc uses) links a program with `flag`.
fn links_with(flag: &str) -> bool {
    let out = std::env::temp_dir().join(format!("nmp-relr-probe-{}", std::process::id()));
    let child = Command::new("cc")
        .args(["-x", "c", "-", "-o"])
        .arg(&out)
        .arg(flag)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"int main(void) { return 0; }\n");
    }
    let linked = child.wait().map(|s| s.success()).unwrap_or(false);
    let _ = std::fs::remove_file(&out);
    linked
}
