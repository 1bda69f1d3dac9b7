//! Installs what the xtask needs and is missing, or says exactly how to.
//!
//! Every step is idempotent: it looks first and acts only when something is
//! missing, so `cargo xtask demo` and `.ci/run` can call it every time.

use crate::{Result, boards, run_cmd};
use std::process::{Command, Stdio};

/// The rustup targets of every board (the pinned toolchain of
/// `rust-toolchain.toml` lists them too; older rustups ignore that list).
pub fn ensure_targets() -> Result {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the thumb targets: {e}"))?;
    let installed = String::from_utf8_lossy(&out.stdout);
    let missing: Vec<&str> = boards::targets()
        .filter(|t| !installed.lines().any(|l| l.trim() == *t))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    run_cmd(
        Command::new("rustup")
            .arg("target")
            .arg("add")
            .args(&missing),
    )
}

/// `qemu-system-arm`: installed through apt-get when running as root,
/// otherwise the exact command is printed.
pub fn ensure_qemu() -> Result {
    if has("qemu-system-arm") {
        return Ok(());
    }
    let cmd = "apt-get update && apt-get install -y qemu-system-arm";
    if is_root() && has("apt-get") {
        println!("qemu-system-arm is missing: installing it");
        run_cmd(
            Command::new("sh")
                .args(["-c", cmd])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        if has("qemu-system-arm") {
            return Ok(());
        }
    }
    Err(format!(
        "qemu-system-arm is needed to run firmware; install it with:\n    sudo sh -c '{cmd}'"
    ))
}

/// Whether a nightly toolchain is installed (Miri, literal-`yield` features).
pub fn has_nightly() -> bool {
    Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Miri and rust-src on nightly (added when missing).
pub fn ensure_miri() -> Result {
    let ok = Command::new("cargo")
        .args(["+nightly", "miri", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        return Ok(());
    }
    run_cmd(Command::new("rustup").args([
        "component",
        "add",
        "miri",
        "rust-src",
        "--toolchain",
        "nightly",
    ]))
}

fn has(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
