//! Firmware compile-fail checks: rules of `#[lull::app]` that depend on the
//! target core (trybuild builds for the host and cannot see them).
//!
//! Each folder of `crates/lull-app/tests/firmware-fail/` is a firmware crate
//! with an `expected` file: its first line is the target to check for, the
//! other lines text that must appear in the compiler's error output. The
//! check passes only if `cargo check` fails with that text.

use crate::{Result, cargo, root};
use std::fs;

/// Runs every check; returns how many passed.
pub fn check_all() -> Result<usize> {
    let dir = root().join("crates/lull-app/tests/firmware-fail");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("expected").exists())
        .collect();
    cases.sort();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = fs::read_to_string(case.join("expected")).map_err(|e| e.to_string())?;
        let mut lines = expected.lines();
        let target = lines
            .next()
            .ok_or(format!("{name}/expected: no target line"))?;
        let out = cargo()
            .current_dir(case)
            .args(["check", "--quiet", "--target", target, "--target-dir"])
            .arg(root().join("target/firmware-fail"))
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            return Err(format!(
                "{name}: compiled for {target}, but must be refused"
            ));
        }
        for want in lines.filter(|l| !l.is_empty()) {
            if !stderr.contains(want) {
                return Err(format!(
                    "{name}: the build failed without the expected error\n  expected: {want}\n\
                     --- cargo check said:\n{stderr}"
                ));
            }
        }
        println!("firmware-fail {name} ({target}): refused as expected");
    }
    Ok(cases.len())
}
