//! `cargo xtask` — everything around the code: QEMU runs, the test suite and
//! the instruction-count benchmarks.
//!
//! ```text
//! cargo xtask demo                     build the flagship demo and run it in QEMU
//! cargo xtask test [--bless] [--all]   the whole suite (what CI runs)
//! cargo xtask run <example> [--board B]   build and run one example
//! cargo xtask bench [--json PATH] [--only SYSTEM/SCENARIO]
//! cargo xtask task-sizes <elf> [--tasks N]   every task's size, a pool for them
//! ```
//!
//! Each concept has its own module: [`boards`] (the QEMU machines),
//! [`tools`] (installing what is missing), [`qemu`] (running firmware),
//! [`elf`] (sizes and benchmark markers), [`examples`] (golden-output tests),
//! [`suite`] (`cargo xtask test`), [`bench`](mod@bench) (`cargo xtask bench`).

mod bench;
mod bench_report;
mod boards;
mod elf;
mod examples;
mod fw_fail;
mod hardware;
mod qemu;
mod suite;
mod task_sizes;
mod template;
mod tools;

use std::{
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

/// What went wrong, for the user: printed once, then the xtask exits with 1.
pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => examples::demo(),
        Some("test") => suite::run(&args[1..]),
        Some("run") => examples::run_one(&args[1..]),
        Some("template") => template::run(&args[1..]),
        Some("boards") => hardware::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("task-sizes") => task_sizes::run(&args[1..]),
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{}", HELP);
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "\
usage: cargo xtask <command>

  demo                         build the flagship demo firmware and run it in QEMU
  test [--bless] [--all]       fmt, clippy, host tests, Miri, trybuild, every example
                               in QEMU against its golden output and size;
                               --bless rewrites the golden files; --all also
                               installs cargo-fuzz to run the TLSF fuzz target
  run <example> [--board B]    build one example and run it in QEMU (default board:
                               lm3s6965evb)
  template [--bless]           copy templates/app outside the workspace, point it at
                               this checkout, `cargo run --release` it (QEMU), compare
                               its output with templates/expected/app.run
  boards [--bless]             build the real-board firmware of boards/ (clippy, release)
                               and compare its sizes with boards/sizes.txt
  bench [--json PATH] [--only F1,F2]
                               instruction counts in QEMU for Lull and its peers
                               (--only: run the SYSTEM/SCENARIO ids containing F1 or F2
                               and keep the other rows of the JSON);
                               writes bench/results.json, bench/chart.svg and the
                               generated tables in BENCHMARKS.md; with --json PATH, only
                               PATH
  task-sizes <elf> [--tasks N] [--executor X] [--check FILE]
                               every task a firmware spawns (bytes, alignment, type)
                               and a lull-pool configuration for N live tasks of each
                               type, next to the RAM a TLSF needs";

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// Runs a command, echoing it, and fails with its name if it fails.
pub fn run_cmd(cmd: &mut Command) -> Result {
    let shown = show(cmd);
    println!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// A command line as a user would type it (for logs and error messages).
pub fn show(cmd: &Command) -> String {
    let mut s = String::new();
    if let Some(dir) = cmd.get_current_dir() {
        let rel = dir.strip_prefix(root()).unwrap_or(dir);
        if !rel.as_os_str().is_empty() {
            s.push_str(&format!("(cd {}) ", rel.display()));
        }
    }
    s.push_str(&cmd.get_program().to_string_lossy());
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// `cargo` with the environment cleaned of variables that would redirect a
/// nested build (the outer `cargo xtask` sets some of them).
pub fn cargo() -> Command {
    // The rustup proxy, not `$CARGO`: `cargo +nightly` must keep working.
    let mut c = Command::new("cargo");
    for var in ["RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET"] {
        c.env_remove(var);
    }
    c
}
