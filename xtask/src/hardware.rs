//! Firmware for real boards (`boards/<name>/`): built, never run here (no
//! probe), and checked byte for byte against `boards/sizes.txt`.
//!
//! Each board is a project of its own (its HAL, target, `memory.x` and
//! probe-rs runner); they share one target directory, `boards/target`, so
//! the HAL-independent crates (defmt, embassy-time, Lull) are built once per
//! target. A clean build of the three (clippy included) takes about three
//! and a half minutes on two cores, so `cargo xtask test` checks only their
//! formatting; `cargo xtask test --all` builds them and checks their sizes.

use crate::{Result, cargo, elf, examples, root, run_cmd};
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

/// One board's firmware crate.
pub struct HwBoard {
    /// The folder name under `boards/` (the name in `sizes.txt`).
    pub name: String,
    dir: PathBuf,
    /// The package name (the binary's name).
    package: String,
    /// The target triple of its `.cargo/config.toml`.
    target: String,
}

fn boards_dir() -> PathBuf {
    root().join("boards")
}

/// Every `boards/<name>/` with a `Cargo.toml`, sorted by name.
pub fn discover() -> Result<Vec<HwBoard>> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(boards_dir()) else {
        return Ok(out);
    };
    for e in entries {
        let dir = e.map_err(|e| e.to_string())?.path();
        let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let package = value_of(&manifest, "name")
            .ok_or_else(|| format!("boards/{name}/Cargo.toml: no package name"))?;
        let config = fs::read_to_string(dir.join(".cargo/config.toml"))
            .map_err(|e| format!("boards/{name}/.cargo/config.toml: {e}"))?;
        let target = value_of(&config, "target")
            .ok_or_else(|| format!("boards/{name}/.cargo/config.toml: no `target = ..`"))?;
        out.push(HwBoard {
            name,
            dir,
            package,
            target,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The string value of the first `key = "value"` line.
fn value_of(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|l| {
        let rest = l.trim().strip_prefix(key)?.trim_start().strip_prefix('=')?;
        Some(
            rest.trim()
                .strip_prefix('"')?
                .strip_suffix('"')?
                .to_string(),
        )
    })
}

fn target_dir() -> PathBuf {
    boards_dir().join("target")
}

/// `cargo fmt --check` in every board crate (cheap: no build).
pub fn fmt_check() -> Result {
    for b in discover()? {
        run_cmd(cargo().current_dir(&b.dir).args(["fmt", "--check"]))?;
    }
    Ok(())
}

/// `cargo xtask boards [--bless]`.
pub fn run(args: &[String]) -> Result {
    let bless = match args {
        [] => false,
        [b] if b == "--bless" => true,
        _ => return Err("usage: cargo xtask boards [--bless]".into()),
    };
    check_all(bless).map(|n| println!("{n} boards: sizes exact"))
}

/// Clippy (`-D warnings`), a release build and the size check of every
/// board; with `bless`, rewrites `boards/sizes.txt` instead of comparing.
/// Returns the number of boards checked.
pub fn check_all(bless: bool) -> Result<usize> {
    let boards = discover()?;
    let sizes_path = boards_dir().join("sizes.txt");
    let golden = examples::read_sizes(&sizes_path)?;
    let mut now = BTreeMap::new();
    let mut failures = Vec::new();
    for b in &boards {
        for (what, extra) in [
            ("clippy", &["--", "-D", "warnings"][..]),
            ("build", &[][..]),
        ] {
            run_cmd(
                cargo()
                    .current_dir(&b.dir)
                    .env("CARGO_TARGET_DIR", target_dir())
                    .args([what, "--release"])
                    .args(extra),
            )?;
        }
        let elf = target_dir()
            .join(&b.target)
            .join("release")
            .join(&b.package);
        let size = elf::sizes(&elf)?;
        println!(
            "boards/{}: text={} data={} ({})",
            b.name,
            size.text,
            size.data,
            rel(&elf)
        );
        now.insert(b.name.clone(), size);
        if bless {
            continue;
        }
        match golden.get(&b.name) {
            None => failures.push(format!("boards/{}: no entry in boards/sizes.txt", b.name)),
            Some(g) if g.text != size.text || g.data != size.data => failures.push(format!(
                "boards/{}: text={} data={}, golden text={} data={} (byte-exact; bless \
                 deliberately with `cargo xtask test --all --bless`)",
                b.name, size.text, size.data, g.text, g.data
            )),
            Some(_) => {}
        }
    }
    if bless {
        write_sizes(&sizes_path, &now)?;
    }
    if failures.is_empty() {
        Ok(boards.len())
    } else {
        Err(failures.join("\n"))
    }
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

fn write_sizes(path: &Path, sizes: &BTreeMap<String, elf::Sizes>) -> Result {
    let mut s = String::from(
        "# <board> text=<.vector_table+.text+.rodata bytes> data=<.data+.bss+.uninit bytes>\n\
         # release builds of boards/<board>, compared byte for byte by\n\
         # `cargo xtask test --all`, rewritten by `cargo xtask test --all --bless`\n",
    );
    for (name, z) in sizes {
        s.push_str(&format!("{name} text={} data={}\n", z.text, z.data));
    }
    fs::write(path, s).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::value_of;

    #[test]
    fn reads_the_first_string_value_of_a_key() {
        let t = "[build]\n# target = \"x\"\ntarget = \"thumbv6m-none-eabi\"\n";
        assert_eq!(value_of(t, "target").as_deref(), Some("thumbv6m-none-eabi"));
        assert_eq!(value_of("name = 3\n", "name"), None);
        assert_eq!(value_of("names = \"a\"\n", "name"), None);
    }
}
