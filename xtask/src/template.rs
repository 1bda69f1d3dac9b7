//! The project template (`templates/app/`), tested the way a user starts
//! from it: copied into a temporary directory outside this workspace, its
//! `lull` dependency pointed at this checkout, then `cargo clippy` and
//! `cargo run --release` there, which runs the firmware in QEMU through the
//! template's own `.cargo/config.toml` runner. Its stdout must equal
//! `templates/expected/app.run` and it must exit with status 0.

use crate::{Result, cargo, examples, qemu, root, run_cmd};
use std::{
    fs,
    path::{Path, PathBuf},
    time::Duration,
};

/// The templates (folders of `templates/`, each a project).
const TEMPLATES: &[&str] = &["app"];

/// How long `cargo run --release` may take (a cold build of the template's
/// dependencies included).
const TIMEOUT: Duration = Duration::from_secs(600);

/// `cargo xtask template [--bless]`.
pub fn run(args: &[String]) -> Result {
    let bless = match args {
        [] => false,
        [b] if b == "--bless" => true,
        _ => return Err("usage: cargo xtask template [--bless]".into()),
    };
    crate::tools::ensure_targets()?;
    crate::tools::ensure_qemu()?;
    check_all(bless).map(|_| ())
}

/// Instantiates and runs every template; with `bless`, rewrites the golden
/// output instead of comparing. Returns the number of templates checked.
pub fn check_all(bless: bool) -> Result<usize> {
    for name in TEMPLATES {
        check(name, bless)?;
    }
    Ok(TEMPLATES.len())
}

fn check(name: &str, bless: bool) -> Result {
    let src = root().join("templates").join(name);
    let dir = std::env::temp_dir().join(format!("lull-template-{name}-{}", std::process::id()));
    if dir.starts_with(root()) {
        return Err(format!(
            "{}: the temporary directory is inside the workspace",
            dir.display()
        ));
    }
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&src, &dir)?;
    let manifest = dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    let lull = root().join("crates/lull");
    let text = point_lull_at(&text, &lull)
        .ok_or_else(|| format!("templates/{name}/Cargo.toml has no `lull = ..` dependency line"))?;
    fs::write(&manifest, text).map_err(|e| e.to_string())?;
    println!(
        "templates/{name} copied to {} (lull = {{ path = \"{}\" }})",
        dir.display(),
        lull.display()
    );

    // The QEMU examples' target directory: the template's dependencies
    // (cortex-m, the PAC, Lull) are built there already, same profile.
    let target_dir = root().join("examples/target/lm3s6965evb");
    let result = (|| {
        run_cmd(
            cargo()
                .current_dir(&dir)
                .env("CARGO_TARGET_DIR", &target_dir)
                .args(["clippy", "--release", "--", "-D", "warnings"]),
        )?;
        let mut run = cargo();
        run.current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target_dir)
            .args(["run", "--release"]);
        println!("$ (cd {}) cargo run --release", dir.display());
        let out = qemu::run(run, TIMEOUT)?;
        let golden_path = root()
            .join("templates/expected")
            .join(format!("{name}.run"));
        match out.status {
            Some(0) => {}
            None => return Err(format!("templates/{name}: `cargo run --release` hung")),
            Some(s) => {
                return Err(format!(
                    "templates/{name}: `cargo run --release` exited with {s}\n{}{}",
                    out.stdout, out.stderr
                ));
            }
        }
        if bless {
            fs::create_dir_all(golden_path.parent().unwrap()).map_err(|e| e.to_string())?;
            fs::write(&golden_path, &out.stdout).map_err(|e| e.to_string())?;
            println!("ok   templates/{name} (blessed)");
            return Ok(());
        }
        let golden = fs::read_to_string(&golden_path).map_err(|e| {
            format!(
                "{}: {e} (run `cargo xtask test --bless`, then read it)",
                golden_path.display()
            )
        })?;
        if golden != out.stdout {
            return Err(format!(
                "templates/{name}: output differs from templates/expected/{name}.run\n{}",
                examples::diff(&golden, &out.stdout)
            ));
        }
        println!("ok   templates/{name}");
        Ok(())
    })();
    let _ = fs::remove_dir_all(&dir);
    result
}

/// Replaces the template's `lull = ..` line (the first uncommented one)
/// with a path dependency on `lull`.
fn point_lull_at(manifest: &str, lull: &Path) -> Option<String> {
    let mut found = false;
    let mut out = String::new();
    for line in manifest.lines() {
        if !found && line.trim_start().starts_with("lull = ") {
            found = true;
            let path = format!("path = \"{}\"", lull.display());
            // `lull = { path = "..", features = [..] }` (or `version =`)
            // keeps its features; `lull = ".."` becomes a table.
            let key = ["path = \"", "version = \""]
                .into_iter()
                .find(|k| line.contains(k))
                .unwrap_or("version = \"");
            match line.find(key) {
                Some(start) => {
                    let value = start + key.len();
                    let end = value + line[value..].find('"')? + 1;
                    out.push_str(&line[..start]);
                    out.push_str(&path);
                    out.push_str(&line[end..]);
                }
                None => out.push_str(&format!("lull = {{ {path} }}")),
            }
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    found.then_some(out)
}

/// Copies a template, leaving out build output and lock files.
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name();
        if name == "target" || name == "Cargo.lock" {
            continue;
        }
        let (src, dst): (PathBuf, PathBuf) = (entry.path(), to.join(&name));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("{}: {e}", src.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::point_lull_at;
    use std::path::Path;

    #[test]
    fn rewrites_the_first_uncommented_lull_line_only() {
        let m = "[dependencies]\n# lull = { path = \"x\" }\nlull = { path = \"../../crates/lull\" }\nlull-extra = 1\n";
        let out = point_lull_at(m, Path::new("/l/crates/lull")).unwrap();
        assert_eq!(
            out,
            "[dependencies]\n# lull = { path = \"x\" }\nlull = { path = \"/l/crates/lull\" }\nlull-extra = 1\n"
        );
        assert!(point_lull_at("[dependencies]\n", Path::new("/l")).is_none());
        let with_features = "lull = { version = \"0.1\", features = [\"defmt\"] }\n";
        assert_eq!(
            point_lull_at(with_features, Path::new("/l")).unwrap(),
            "lull = { path = \"/l\", features = [\"defmt\"] }\n"
        );
        assert_eq!(
            point_lull_at("lull = \"0.1\"\n", Path::new("/l")).unwrap(),
            "lull = { path = \"/l\" }\n"
        );
    }
}
