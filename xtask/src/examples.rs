//! Example firmware: discovery, building, running in QEMU, and the golden
//! output and size checks of `cargo xtask test`.
//!
//! An example is `examples/src/bin/<name>.rs`. Its header says where it runs
//! and how it ends:
//!
//! ```text
//! //! boards: lm3s6965evb microbit
//! //! exit: 1                       (optional, default 0)
//! //! qemu: -icount shift=4         (optional extra QEMU arguments)
//! //! timeout: 60                   (optional, seconds, default 30)
//! ```
//!
//! Golden output: `examples/<board>/expected/<name>.run`; golden sizes:
//! `examples/<board>/sizes.txt`.

use crate::{
    Result,
    boards::{self, Board},
    cargo, elf, qemu, root, run_cmd, tools,
};
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::Duration,
};

/// One example as its header describes it.
#[derive(Clone, Debug)]
pub struct Example {
    pub name: String,
    pub boards: Vec<String>,
    pub exit: i32,
    pub qemu_args: Vec<String>,
    pub timeout: Duration,
}

/// A size may move by this much before the check fails (either way: an
/// improvement is blessed deliberately, like a regression).
fn size_tolerance(golden: u64) -> u64 {
    16 + golden / 100
}

fn examples_dir() -> PathBuf {
    root().join("examples")
}

/// Every example, sorted by name.
pub fn discover() -> Result<Vec<Example>> {
    let dir = examples_dir().join("src/bin");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let src = fs::read_to_string(&path).map_err(|e| e.to_string())?;
        out.push(parse_header(&name, &src)?);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn parse_header(name: &str, src: &str) -> Result<Example> {
    let mut ex = Example {
        name: name.to_string(),
        boards: Vec::new(),
        exit: 0,
        qemu_args: Vec::new(),
        timeout: Duration::from_secs(30),
    };
    for line in src.lines().take_while(|l| l.starts_with("//!")) {
        let line = line.trim_start_matches("//!").trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "boards" => {
                for b in value.split_whitespace() {
                    boards::by_name(b).map_err(|e| format!("examples/src/bin/{name}.rs: {e}"))?;
                    ex.boards.push(b.to_string());
                }
            }
            "exit" => {
                ex.exit = value
                    .parse()
                    .map_err(|_| format!("{name}: bad `exit:` value `{value}`"))?
            }
            "qemu" => ex.qemu_args = value.split_whitespace().map(String::from).collect(),
            "timeout" => {
                ex.timeout = Duration::from_secs(
                    value
                        .parse()
                        .map_err(|_| format!("{name}: bad `timeout:` value `{value}`"))?,
                )
            }
            _ => {}
        }
    }
    if ex.boards.is_empty() {
        return Err(format!(
            "examples/src/bin/{name}.rs has no `//! boards: ...` header line"
        ));
    }
    Ok(ex)
}

/// Builds the given examples for one board (release) and returns their ELFs.
pub fn build(board: &Board, names: &[&str]) -> Result<BTreeMap<String, PathBuf>> {
    let target_dir = examples_dir().join("target").join(board.name);
    let mut cmd = cargo();
    cmd.current_dir(examples_dir())
        .args(["build", "--release", "--target", board.target])
        .arg("--features")
        .arg(format!("board-{}", board.name))
        .arg("--target-dir")
        .arg(&target_dir);
    for n in names {
        cmd.args(["--bin", n]);
    }
    run_cmd(&mut cmd)?;
    Ok(names
        .iter()
        .map(|n| {
            let elf = target_dir.join(board.target).join("release").join(n);
            (n.to_string(), elf)
        })
        .collect())
}

/// Runs one built example; returns its stdout and exit status.
fn execute(board: &Board, ex: &Example, elf: &Path) -> Result<qemu::Outcome> {
    qemu::run(qemu::command(board, elf, &ex.qemu_args), ex.timeout)
}

/// `cargo xtask run <example> [--board B]`.
pub fn run_one(args: &[String]) -> Result {
    let mut name = None;
    let mut board = boards::BOARDS[0];
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--board" => board = boards::by_name(it.next().ok_or("--board needs a name")?)?,
            n if name.is_none() => name = Some(n.to_string()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let all = discover()?;
    let Some(name) = name else {
        return Err(format!(
            "usage: cargo xtask run <example> [--board B]\n\n{}",
            listing(&all)
        ));
    };
    let ex = all.iter().find(|e| e.name == name).ok_or_else(|| {
        format!(
            "no example `{name}` in examples/src/bin\n\n{}",
            listing(&all)
        )
    })?;
    if !ex.boards.iter().any(|b| b == board.name) {
        return Err(format!(
            "`{name}` does not run on {} (its boards: {}; `--board <name>` picks one)",
            board.name,
            ex.boards.join(" ")
        ));
    }
    tools::ensure_targets()?;
    tools::ensure_qemu()?;
    let elfs = build(&board, &[&name])?;
    let cmd = qemu::command(&board, &elfs[&name], &ex.qemu_args);
    // The command as a user would run it by hand (the ELF path relative to
    // the repository root).
    println!(
        "$ {}",
        crate::show(&cmd).replace(&format!("{}/", root().display()), "")
    );
    let out = qemu::run(cmd, ex.timeout)?;
    print!("{}", out.stdout);
    match out.status {
        None => Err(format!("`{name}` hung (killed after {:?})", ex.timeout)),
        Some(s) if s != ex.exit => Err(format!("`{name}` exited with {s}, expected {}", ex.exit)),
        Some(_) => Ok(()),
    }
}

/// The examples with their boards, and every board, for error messages.
fn listing(all: &[Example]) -> String {
    let mut s = String::from("examples (and the boards each runs on):\n");
    for e in all {
        s.push_str(&format!("  {:<20} {}\n", e.name, e.boards.join(" ")));
    }
    let boards: Vec<String> = boards::BOARDS
        .iter()
        .map(|b| format!("{} ({}, {})", b.name, b.cpu, b.target))
        .collect();
    s.push_str(&format!(
        "boards: {} (default: {})",
        boards.join(", "),
        boards::BOARDS[0].name
    ));
    s
}

/// `cargo xtask demo`: the flagship demo on lm3s6965evb.
pub fn demo() -> Result {
    println!("Lull demo: building examples/src/bin/demo.rs and running it in QEMU (lm3s6965evb)\n");
    run_one(&["demo".to_string()])
}

/// Builds and runs every example on every board it supports, checking output,
/// exit status and sizes against the golden files (or rewriting them with
/// `bless`). Returns the number of checks that passed.
pub fn check_all(bless: bool) -> Result<usize> {
    let examples = discover()?;
    let mut failures = Vec::new();
    let mut passed = 0;
    for board in boards::BOARDS {
        let here: Vec<&Example> = examples
            .iter()
            .filter(|e| e.boards.iter().any(|b| b == board.name))
            .collect();
        if here.is_empty() {
            continue;
        }
        let names: Vec<&str> = here.iter().map(|e| e.name.as_str()).collect();
        let elfs = build(board, &names)?;
        let board_dir = examples_dir().join(board.name);
        let sizes_path = board_dir.join("sizes.txt");
        let golden_sizes = read_sizes(&sizes_path)?;
        let mut new_sizes = BTreeMap::new();
        for ex in &here {
            let elf = &elfs[&ex.name];
            let label = format!("{}/{}", board.name, ex.name);
            let out = execute(board, ex, elf)?;
            let golden_path = board_dir.join("expected").join(format!("{}.run", ex.name));
            let mut ok = true;
            match out.status {
                None => {
                    failures.push(format!("{label}: hung (killed after {:?})", ex.timeout));
                    ok = false;
                }
                Some(s) if s != ex.exit => {
                    failures.push(format!(
                        "{label}: exit status {s}, expected {} (header `//! exit:`)\n{}{}",
                        ex.exit, out.stdout, out.stderr
                    ));
                    ok = false;
                }
                Some(_) => {}
            }
            if bless {
                fs::create_dir_all(golden_path.parent().unwrap()).map_err(|e| e.to_string())?;
                fs::write(&golden_path, &out.stdout).map_err(|e| e.to_string())?;
            } else {
                match fs::read_to_string(&golden_path) {
                    Ok(golden) if golden == out.stdout => {}
                    Ok(golden) => {
                        failures.push(format!(
                            "{label}: output differs from {}\n{}",
                            rel(&golden_path),
                            diff(&golden, &out.stdout)
                        ));
                        ok = false;
                    }
                    Err(_) => {
                        failures.push(format!(
                            "{label}: no golden file {} (run `cargo xtask test --bless`, then read it)\n{}",
                            rel(&golden_path),
                            out.stdout
                        ));
                        ok = false;
                    }
                }
            }
            // The task sizes compiled into the firmware against the layouts
            // it printed at run time (`task-size` lines; `cargo xtask
            // task-sizes`), and the `#[lull::app]` task storage against its
            // `app-size` lines.
            if (out.stdout.contains("task-size ") || out.stdout.contains("app-size "))
                && let Err(e) = crate::task_sizes::check_elf(elf, &out.stdout)
            {
                failures.push(format!("{label}: {e}"));
                ok = false;
            }
            let size = elf::sizes(elf)?;
            new_sizes.insert(ex.name.clone(), size);
            if !bless {
                match golden_sizes.get(&ex.name) {
                    None => {
                        failures.push(format!("{label}: no entry in {}", rel(&sizes_path)));
                        ok = false;
                    }
                    Some(g) => {
                        for (what, now, was) in
                            [("text", size.text, g.text), ("data", size.data, g.data)]
                        {
                            if now.abs_diff(was) > size_tolerance(was) {
                                failures.push(format!(
                                    "{label}: {what} is {now} bytes, golden {was} (tolerance ±{}); \
                                     bless deliberately with `cargo xtask test --bless`",
                                    size_tolerance(was)
                                ));
                                ok = false;
                            }
                        }
                    }
                }
            }
            println!("{} {label}", if ok { "ok  " } else { "FAIL" });
            if ok {
                passed += 1;
            }
        }
        if bless {
            write_sizes(&sizes_path, &new_sizes)?;
        }
    }
    if failures.is_empty() {
        Ok(passed)
    } else {
        Err(format!(
            "{} example check(s) failed:\n\n{}",
            failures.len(),
            failures.join("\n\n")
        ))
    }
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

pub fn read_sizes(path: &Path) -> Result<BTreeMap<String, elf::Sizes>> {
    let mut m = BTreeMap::new();
    let Ok(text) = fs::read_to_string(path) else {
        return Ok(m);
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split_whitespace().collect();
        let parse = |s: &str, key: &str| -> Result<u64> {
            s.strip_prefix(key)
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{}: bad line `{line}`", rel(path)))
        };
        if f.len() != 3 {
            return Err(format!("{}: bad line `{line}`", rel(path)));
        }
        m.insert(
            f[0].to_string(),
            elf::Sizes {
                text: parse(f[1], "text=")?,
                data: parse(f[2], "data=")?,
            },
        );
    }
    Ok(m)
}

pub fn write_sizes(path: &Path, sizes: &BTreeMap<String, elf::Sizes>) -> Result {
    let mut s = String::from(
        "# <example> text=<.vector_table+.text+.rodata bytes> data=<.data+.bss+.uninit bytes>\n\
         # checked by `cargo xtask test`, rewritten by `cargo xtask test --bless`\n",
    );
    for (name, z) in sizes {
        s.push_str(&format!("{name} text={} data={}\n", z.text, z.data));
    }
    fs::write(path, s).map_err(|e| e.to_string())
}

/// A line diff good enough for golden files: the longest common subsequence of
/// lines, printed with `-` (golden) and `+` (actual).
pub fn diff(golden: &str, actual: &str) -> String {
    let a: Vec<&str> = golden.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    if golden.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("(the files differ in their final newline)\n");
    }
    out
}
