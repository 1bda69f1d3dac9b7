//! `cargo xtask test`: the whole suite, in the order that fails fastest.
//!
//! 1. `cargo fmt --check` (root workspace and every firmware workspace);
//! 2. clippy `-D warnings` on the host (all targets) and for every embedded
//!    target; the `defmt` feature of every crate on the host and thumbv7m;
//!    firmware crates for their own targets (the peer systems' benchmark
//!    crates only with `--all` or when they changed since `HEAD~1`);
//! 3. `cargo doc --no-deps --workspace` with `RUSTDOCFLAGS=-D warnings`
//!    (broken links fail), then host tests (`cargo test --workspace`: unit,
//!    integration, trybuild, doc); `cargo package` of every library crate
//!    (metadata complete, path dependencies versioned);
//! 4. literal-`yield` (`nightly` feature) tests on nightly, when installed;
//! 5. Miri on the host tests of every library crate with `unsafe` code: unit
//!    and integration tests with leak checking, then its doc tests (with
//!    `-Zmiri-ignore-leaks` only for the crates in [`DOC_TESTS_LEAK`]);
//! 6. the TLSF fuzz target for [`FUZZ_SECONDS`] seconds, when `cargo-fuzz` is
//!    installed (`--all` installs it; it takes about two minutes to build);
//! 7. the benchmark harness self-check (`bench/lull` `calibrate`);
//! 8. every example on every board it supports, in QEMU, against its golden
//!    output, exit status and size;
//! 9. the project template (`templates/app`), copied outside the workspace
//!    with `lull` pointed at this checkout: clippy, then `cargo run
//!    --release` (QEMU through its own runner) against its golden output;
//! 10. with `--all`: the real-board firmware of `boards/` (nRF52840-DK,
//!     STM32F411, Raspberry Pi Pico): clippy, release build, flash/RAM sizes
//!     byte for byte against `boards/sizes.txt` (never run: no probe).
//!
//! Property tests take their case count from `PROPTEST_CASES` when it is set
//! (the defaults are small under Miri).

use crate::{Result, bench, boards, cargo, examples, hardware, root, run_cmd, template, tools};
use std::{
    fs,
    path::{Path, PathBuf},
    time::Instant,
};

/// Crates whose doc tests leak on purpose, run under Miri with
/// `-Zmiri-ignore-leaks`: `lull-tlsf`'s examples hand the pool regions made
/// with `Box::leak`, as a `&'static mut` region would be on a device, and drop
/// the pool at the end of the example. Every other crate's doc tests, and all
/// unit and integration tests, run with leak checking.
const DOC_TESTS_LEAK: &[&str] = &["lull-tlsf"];

/// How long `cargo xtask test` runs the TLSF fuzz target.
const FUZZ_SECONDS: u32 = 20;

/// A library crate of the root workspace.
struct Crate {
    name: String,
    dir: PathBuf,
    manifest: String,
}

/// The workspace members under `crates/` (a folder not yet listed in the
/// root `members` is work in progress and not tested).
fn library_crates() -> Result<Vec<Crate>> {
    let dir = root().join("crates");
    let workspace = fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(out);
    };
    for e in entries {
        let dir = e.map_err(|e| e.to_string())?.path();
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        if !workspace.contains(&format!("\"crates/{folder}\"")) {
            continue;
        }
        let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let name = manifest
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|l| l.strip_suffix('"'))
            .ok_or_else(|| format!("{}: no package name", dir.display()))?
            .to_string();
        out.push(Crate {
            name,
            dir,
            manifest,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn is_proc_macro(c: &Crate) -> bool {
    c.manifest.contains("proc-macro = true")
}

fn has_unsafe(dir: &Path) -> bool {
    fn walk(dir: &Path) -> bool {
        let Ok(rd) = fs::read_dir(dir) else {
            return false;
        };
        rd.flatten().any(|e| {
            let p = e.path();
            if p.is_dir() {
                walk(&p)
            } else {
                p.extension().is_some_and(|x| x == "rs")
                    && fs::read_to_string(&p).is_ok_and(|s| s.contains("unsafe"))
            }
        })
    }
    walk(&dir.join("src"))
}

/// Firmware workspaces: `examples/` and every `bench/*` crate except
/// host-side ones. Returns (dir, target triple or None for host).
fn firmware_crates() -> Vec<(PathBuf, Option<&'static str>)> {
    let mut out = vec![];
    for dir in bench::crate_dirs() {
        let host = bench::is_host(&dir);
        out.push((
            dir,
            if host {
                None
            } else {
                Some("thumbv7m-none-eabi")
            },
        ));
    }
    out
}

/// The benchmark crates of the peer systems (embassy, RTIC, lilos, other
/// allocators): not Lull's code, slow to check (embassy's and RTIC's
/// dependency trees), so the default suite clippies them only when they
/// changed.
fn is_peer(dir: &Path) -> bool {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    matches!(
        name.as_ref(),
        "embassy" | "rtic" | "lilos" | "timer-embassy" | "timer-rtic"
    ) || name.starts_with("tlsf")
}

/// Whether `dir` differs between `HEAD~1` and the working tree (the last
/// commit or uncommitted edits touched it). When git cannot tell (no
/// repository, a shallow clone without the parent), it says yes.
fn changed_since_parent(dir: &Path) -> bool {
    std::process::Command::new("git")
        .current_dir(root())
        .args(["diff", "--quiet", "HEAD~1", "--"])
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
}

/// `cargo xtask test [--bless] [--all]`.
pub fn run(args: &[String]) -> Result {
    let (mut bless, mut all) = (false, false);
    for a in args {
        match a.as_str() {
            "--bless" => bless = true,
            "--all" => all = true,
            _ => return Err("usage: cargo xtask test [--bless] [--all]".into()),
        }
    }
    let start = Instant::now();
    tools::ensure_targets()?;
    tools::ensure_qemu()?;
    let crates = library_crates()?;

    section("format");
    run_cmd(
        cargo()
            .current_dir(root())
            .args(["fmt", "--all", "--check"]),
    )?;
    run_cmd(
        cargo()
            .current_dir(root().join("examples"))
            .args(["fmt", "--check"]),
    )?;
    for (dir, _) in firmware_crates() {
        run_cmd(cargo().current_dir(&dir).args(["fmt", "--check"]))?;
    }
    run_cmd(
        cargo()
            .current_dir(root().join("templates/app"))
            .args(["fmt", "--check"]),
    )?;
    hardware::fmt_check()?;

    section("clippy");
    run_cmd(cargo().current_dir(root()).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    let embedded: Vec<&Crate> = crates.iter().filter(|c| !is_proc_macro(c)).collect();
    if !embedded.is_empty() {
        for target in boards::targets() {
            let mut cmd = cargo();
            cmd.current_dir(root()).args(["clippy", "--target", target]);
            for c in &embedded {
                cmd.args(["-p", &c.name]);
            }
            run_cmd(cmd.args(["--", "-D", "warnings"]))?;
        }
    }
    // `defmt`: every crate that has the feature, with it on, for the host
    // (compile only: a firmware provides defmt's global logger) and for
    // thumbv7m; the umbrella's `time` forwards it to lull-time too.
    let with_defmt: Vec<&Crate> = crates
        .iter()
        .filter(|c| c.manifest.contains("\ndefmt = ["))
        .collect();
    if !with_defmt.is_empty() {
        let mut features: Vec<String> = with_defmt
            .iter()
            .map(|c| format!("{}/defmt", c.name))
            .collect();
        if with_defmt.iter().any(|c| c.name == "lull") {
            features.push("lull/time".into());
        }
        for target in [None, Some("thumbv7m-none-eabi")] {
            let mut cmd = cargo();
            cmd.current_dir(root()).arg("clippy");
            if let Some(t) = target {
                cmd.args(["--target", t]);
            }
            for c in &with_defmt {
                cmd.args(["-p", &c.name]);
            }
            cmd.arg("--features").arg(features.join(","));
            run_cmd(cmd.args(["--", "-D", "warnings"]))?;
        }
    }
    let all_examples = examples::discover()?;
    for board in boards::BOARDS {
        // Only the examples that run on this board build for it.
        let mut cmd = cargo();
        cmd.current_dir(root().join("examples"))
            .args(["clippy", "--release", "--target", board.target])
            .arg("--features")
            .arg(format!("board-{}", board.name))
            .arg("--target-dir")
            .arg(root().join("examples/target").join(board.name));
        for ex in all_examples
            .iter()
            .filter(|e| e.boards.iter().any(|b| b == board.name))
        {
            cmd.args(["--bin", &ex.name]);
        }
        run_cmd(cmd.args(["--", "-D", "warnings"]))?;
    }
    for (dir, target) in firmware_crates() {
        if is_peer(&dir) && !all && !changed_since_parent(&dir) {
            println!(
                "skipped clippy of {} (a peer system's benchmark, unchanged since HEAD~1; \
                 `--all` runs it)",
                dir.strip_prefix(root()).unwrap_or(&dir).display()
            );
            continue;
        }
        let mut cmd = cargo();
        cmd.current_dir(&dir).args(["clippy", "--release"]);
        if let Some(t) = target {
            cmd.args(["--target", t]);
        }
        run_cmd(cmd.args(["--", "-D", "warnings"]))?;
    }

    section("docs (`cargo doc --no-deps`, warnings are errors)");
    run_cmd(
        cargo()
            .current_dir(root())
            .env("RUSTDOCFLAGS", "-D warnings")
            .args(["doc", "--no-deps", "--workspace"]),
    )?;

    section("packaging (`cargo package` of every library crate)");
    package()?;

    section("host tests (unit, integration, trybuild, doc)");
    run_cmd(cargo().current_dir(root()).args(["test", "--workspace"]))?;

    section("firmware compile-fail checks (target-specific `#[lull::app]` rules)");
    crate::fw_fail::check_all()?;

    let nightly = tools::has_nightly();
    let with_nightly: Vec<&Crate> = crates
        .iter()
        .filter(|c| c.manifest.contains("\nnightly = "))
        .collect();
    if !with_nightly.is_empty() {
        section("nightly features (literal `yield`)");
        if nightly {
            for c in with_nightly {
                run_cmd(cargo().current_dir(root()).args([
                    "+nightly",
                    "test",
                    "-p",
                    &c.name,
                    "--features",
                    "nightly",
                ]))?;
            }
        } else {
            println!("no nightly toolchain: skipped");
        }
    }

    let miri: Vec<&Crate> = crates
        .iter()
        .filter(|c| !is_proc_macro(c) && has_unsafe(&c.dir))
        .collect();
    if !miri.is_empty() {
        section("Miri");
        if nightly {
            tools::ensure_miri()?;
            for c in miri {
                run_cmd(cargo().current_dir(root()).args([
                    "+nightly", "miri", "test", "-p", &c.name, "--lib", "--tests",
                ]))?;
                let mut doc = cargo();
                doc.current_dir(root())
                    .args(["+nightly", "miri", "test", "-p", &c.name, "--doc"]);
                if DOC_TESTS_LEAK.contains(&c.name.as_str()) {
                    let flags = std::env::var("MIRIFLAGS").unwrap_or_default();
                    let flags = format!("{flags} -Zmiri-ignore-leaks").trim().to_string();
                    println!("MIRIFLAGS={flags} (its doc examples leak on purpose)");
                    doc.env("MIRIFLAGS", flags);
                }
                run_cmd(&mut doc)?;
            }
        } else {
            return Err("Miri needs a nightly toolchain: rustup toolchain install nightly".into());
        }
    }

    section("TLSF fuzz target");
    fuzz(nightly, all)?;

    section("benchmark harness self-check");
    bench::calibrate()?;

    section(if bless {
        "examples in QEMU (blessing golden files)"
    } else {
        "examples in QEMU"
    });
    let passed = examples::check_all(bless)?;

    section("project template (copied outside the workspace, `cargo run --release`)");
    let templates = template::check_all(bless)?;

    section("real-board firmware (boards/: clippy, release build, byte-exact sizes)");
    let hw = if all {
        hardware::check_all(bless)?
    } else {
        println!(
            "skipped: `cargo xtask test --all` builds boards/* (about 3.5 minutes from clean)"
        );
        0
    };

    println!(
        "\nxtask: test suite passed in {:.0?}\nexamples: {passed} passed, 0 failed; \
         templates: {templates} passed; real boards: {hw} built, sizes exact",
        start.elapsed()
    );
    Ok(())
}

/// Runs `crates/lull-tlsf/fuzz` (target `model`) for [`FUZZ_SECONDS`]
/// seconds. Needs nightly and `cargo-fuzz`; without `cargo-fuzz` the step is
/// skipped with the reason, unless `--all` asked to install it.
fn fuzz(nightly: bool, all: bool) -> Result {
    let dir = root().join("crates/lull-tlsf");
    if !dir.join("fuzz/Cargo.toml").exists() {
        println!("skipped: no crates/lull-tlsf/fuzz");
        return Ok(());
    }
    if !nightly {
        println!("skipped: the fuzz target needs a nightly toolchain");
        return Ok(());
    }
    if !has_cargo_fuzz() {
        if !all {
            println!(
                "skipped: cargo-fuzz is not installed (`cargo xtask test --all` installs it, \
                 about two minutes; or `cargo install cargo-fuzz --locked`)"
            );
            return Ok(());
        }
        run_cmd(cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    run_cmd(cargo().current_dir(&dir).args([
        "+nightly",
        "fuzz",
        "run",
        "model",
        "--",
        &format!("-max_total_time={FUZZ_SECONDS}"),
    ]))
}

/// The one warning `cargo package` may print: Lull has no public URL yet,
/// and a placeholder `repository` would be worse than none.
const PACKAGE_WARNING_ALLOWED: &str = "manifest has no documentation, homepage or repository";

/// `cargo package --no-verify` of every library crate (path dependencies
/// resolve to the crates packaged alongside): fails on an error or on any
/// warning but [`PACKAGE_WARNING_ALLOWED`] (a missing description,
/// license or readme, an unknown category, ...).
fn package() -> Result {
    let mut cmd = cargo();
    cmd.current_dir(root()).args([
        "package",
        "--no-verify",
        "--allow-dirty",
        "--workspace",
        "--exclude",
        "xtask",
    ]);
    let shown = crate::show(&cmd);
    println!("$ {shown}");
    let out = cmd
        .output()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let packaged = stderr.lines().filter(|l| l.contains("Packaged ")).count();
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning:") && !l.contains(PACKAGE_WARNING_ALLOWED))
        .collect();
    if !out.status.success() || !warnings.is_empty() {
        return Err(format!("`{shown}` failed or warned:\n{stderr}"));
    }
    println!("{packaged} crates packaged");
    Ok(())
}

fn has_cargo_fuzz() -> bool {
    std::process::Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn section(name: &str) {
    println!("\n=== {name}");
}
