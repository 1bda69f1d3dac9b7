//! `cargo xtask bench`: exact, repeatable instruction counts in QEMU.
//!
//! # Method
//!
//! Every binary of every firmware crate under `bench/` is built for thumbv7m
//! with the release profile those crates share (`opt-level = "s"`, `lto`,
//! `codegen-units = 1`, `panic = "abort"`, `debug = true`) and run as
//!
//! ```text
//! qemu-system-arm -cpu cortex-m3 -machine lm3s6965evb -nographic \
//!   -semihosting-config enable=on,target=native \
//!   -icount shift=0,sleep=off -singlestep -d exec,nochain -D <fifo> -kernel <elf>
//! ```
//!
//! With `-singlestep` every translation block is one instruction and with
//! `nochain` every executed block is logged, so the log has one line per
//! executed instruction (the `calibrate` self-check proves it on every run).
//! With `-icount shift=0,sleep=off` QEMU's clocks advance by one nanosecond
//! per executed instruction and jump to the next timer deadline when the
//! core halts (`wfi`), so a timer interrupt (`irq-wake`'s SysTick) lands on
//! the same instruction in every run: two runs give identical rows. Under
//! `-icount` QEMU logs an instruction twice when its instruction budget runs
//! out right before it; the reader drops a line whose PC equals the line
//! before it (no measured code branches to itself).
//! Markers (`bench_marker::mark!`) are reserved 16-bit hints that execute as a
//! NOP; their addresses come from the ELF's `.lull.markers` section. The count
//! from one marker (inclusive) to the next (exclusive) minus one is the net
//! number of instructions between them. The log is read through a FIFO as it
//! is written, so long runs need no disk.
//!
//! Instructions are not cycles: a Cortex-M3 spends 1–3 cycles on most of them
//! (more on loads from slow flash, exception entry and exit). QEMU's DWT
//! cycle counter reads 0, so instructions are what can be counted exactly.
//!
//! # Rows
//!
//! Every interval row's value is the **mean** over its occurrences (one
//! decimal), with min and max.
//!
//! - consecutive markers `FROM`, `TO` → metric `FROM->TO`;
//! - a marker named `^name` starts a *cycle* (one round of the scenario:
//!   every task of a ring once, one round trip) and is otherwise a marker
//!   `name`. A run with a cycle marker is measured over its *steady window*
//!   only: from the marker's second hit to its last, so the first round
//!   (first polls) and the unfinished last one are left out. It adds
//!   `cycle` (net instructions of one cycle: mean, min–max over cycles),
//!   `switch` (mean net instructions from one marker to the next over the
//!   window, i.e. the window's total over its number of intervals, with the
//!   smallest and largest interval: every task pair, wrap-arounds included,
//!   whatever order the system runs its tasks in) and `switch-mode` (the
//!   most frequent interval; an extra, not a headline). One cycle marker per
//!   binary;
//! - a marker named `=op` → `op-worst` (max) and `op-mean` for the interval
//!   it starts;
//! - a marker named `@name` → a row `name` for the interval it starts;
//! - a marker named `/name` only ends intervals (what follows it is not
//!   measured);
//! - a marker named `%name` only ends intervals too; its first hit opens
//!   the measured window (earlier hits are left out), and it asks for the
//!   masked-section rows from there on: `masked-basepri-worst` and
//!   `masked-primask-worst`, the longest run of instructions executed with
//!   BASEPRI raised / PRIMASK set (the raising and lowering instructions
//!   are found by disassembling the ELF, [`elf::mask_sites`]);
//! - a stdout line `metric <name> <value>` → that row as is;
//! - `text` (`.vector_table`+`.text`+`.rodata`), split into
//!   `text-executor`, `text-allocator` and `text-rest` by the source file of
//!   every instruction (DWARF line table, [`elf::text_parts`]; the patterns
//!   are the crate's `[package.metadata.lull-bench]` `executor = [..]` and
//!   `allocator = [..]`), and `data` (`.data`+`.bss`) of every binary.
//!
//! System = the crate's folder (`bench/rtic` → `rtic`) or the part of a binary
//! name before `--`; scenario = the rest of the binary name.

use crate::{Result, cargo, elf, qemu, root, run_cmd, tools};
use std::{
    collections::{BTreeMap, HashMap},
    fs,
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::Command,
    thread,
    time::Duration,
};

/// The board every benchmark runs on.
const BOARD: crate::boards::Board = crate::boards::BOARDS[0];

/// One result row (the JSON shape other tools read).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub system: String,
    pub scenario: String,
    pub metric: String,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub target: String,
}

impl Row {
    fn new(system: &str, scenario: &str, metric: &str, value: f64, min: f64, max: f64) -> Row {
        Row {
            system: system.into(),
            scenario: scenario.into(),
            metric: metric.into(),
            value,
            min,
            max,
            target: "thumbv7m".into(),
        }
    }

    fn to_json(&self) -> String {
        format!(
            r#"{{"system": "{}", "scenario": "{}", "metric": "{}", "value": {}, "min": {}, "max": {}, "target": "{}"}}"#,
            self.system,
            self.scenario,
            self.metric,
            num(self.value),
            num(self.min),
            num(self.max),
            self.target
        )
    }
}

/// A count as the tables and the JSON show it: whole, or one decimal.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Every benchmark crate folder (`bench/*` with a Cargo.toml, except the
/// marker crate itself).
pub fn crate_dirs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(root().join("bench"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.join("Cargo.toml").exists() && !p.ends_with("marker"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The patterns (see [`elf::text_parts`]) that pick a benchmark crate's
/// executor and allocator symbols out of its binaries, from its
/// `[package.metadata.lull-bench]` lines `executor = ["…", …]` and
/// `allocator = ["…", …]`; `{bin}` stands for the binary's own crate name
/// (where macro-generated items live).
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub executor: Vec<String>,
    pub allocator: Vec<String>,
}

impl Parts {
    fn of(dir: &Path) -> Parts {
        let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let list = |key: &str| -> Vec<String> {
            metadata_lines(&manifest)
                .into_iter()
                .filter_map(|l| {
                    let (k, v) = l.split_once('=')?;
                    (k.trim() == key).then(|| {
                        v.trim()
                            .trim_start_matches('[')
                            .trim_end_matches(']')
                            .split(',')
                            .map(|p| p.trim().trim_matches('"').to_string())
                            .filter(|p| !p.is_empty())
                            .collect::<Vec<_>>()
                    })
                })
                .flatten()
                .collect()
        };
        Parts {
            executor: list("executor"),
            allocator: list("allocator"),
        }
    }

    fn for_bin(&self, bin: &str) -> Parts {
        let krate = bin.replace('-', "_");
        let sub = |v: &Vec<String>| v.iter().map(|p| p.replace("{bin}", &krate)).collect();
        Parts {
            executor: sub(&self.executor),
            allocator: sub(&self.allocator),
        }
    }
}

/// The lines of a manifest's `[package.metadata.lull-bench]` table.
fn metadata_lines(manifest: &str) -> Vec<&str> {
    manifest
        .split("[package.metadata.lull-bench]")
        .nth(1)
        .map(|rest| rest.lines().take_while(|l| !l.starts_with('[')).collect())
        .unwrap_or_default()
}

/// Whether a bench crate runs on the host (`[package.metadata.lull-bench]
/// host = true`): its stdout lines starting with `{` are rows.
pub fn is_host(dir: &Path) -> bool {
    fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|m| {
        metadata_lines(&m)
            .iter()
            .any(|l| l.replace(' ', "") == "host=true")
    })
}

fn bins(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir.join("src/bin"))
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let p = e.path();
                    if p.extension()? != "rs" {
                        return None;
                    }
                    Some(p.file_stem()?.to_string_lossy().into_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn build(dir: &Path) -> Result<PathBuf> {
    run_cmd(cargo().current_dir(dir).args([
        "build",
        "--release",
        "--bins",
        "--target",
        BOARD.target,
    ]))?;
    Ok(dir.join("target").join(BOARD.target).join("release"))
}

/// The marker sequence of one traced run: `(instruction index, marker name)`,
/// plus the program's stdout.
struct Trace {
    hits: Vec<(u64, String)>,
    /// Every executed instruction that raises or lowers BASEPRI or PRIMASK
    /// (see [`elf::mask_sites`]): `(instruction index, what it does)`.
    masks: Vec<(u64, elf::MaskOp)>,
    stdout: String,
}

fn trace(elf: &Path) -> Result<Trace> {
    let markers: HashMap<u32, String> = elf::markers(elf)?
        .into_iter()
        .map(|m| (m.addr, m.name))
        .collect();
    let sites: HashMap<u32, elf::MaskOp> = elf::mask_sites(elf)?.into_iter().collect();
    let tmp = std::env::temp_dir().join(format!("lull-bench-{}", std::process::id()));
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let fifo = tmp.join("trace.fifo");
    let _ = fs::remove_file(&fifo);
    run_quiet(Command::new("mkfifo").arg(&fifo))?;

    let reader = {
        let fifo = fifo.clone();
        type Hits = (Vec<(u64, String)>, Vec<(u64, elf::MaskOp)>);
        thread::spawn(move || -> Result<Hits> {
            let f = fs::File::open(&fifo).map_err(|e| e.to_string())?;
            let mut hits = Vec::new();
            let mut masks = Vec::new();
            let mut n: u64 = 0;
            let mut last = u32::MAX;
            for line in BufReader::with_capacity(1 << 20, f).split(b'\n') {
                let line = line.map_err(|e| e.to_string())?;
                let Some(pc) = trace_pc(&line) else { continue };
                // Under `-icount` QEMU logs an instruction again when its
                // instruction budget ran out just before it (the block is
                // re-entered): one executed instruction, two lines. No
                // measured code branches to itself, so a line with the PC
                // of the line before it is that repeat.
                if pc == last {
                    continue;
                }
                last = pc;
                if let Some(name) = markers.get(&pc) {
                    hits.push((n, name.clone()));
                }
                if let Some(op) = sites.get(&pc) {
                    masks.push((n, *op));
                }
                n += 1;
            }
            Ok((hits, masks))
        })
    };
    let mut cmd = qemu::command(
        &BOARD,
        elf,
        &[
            // Timers count executed instructions (1 ns each), and an idle
            // core jumps to the next timer deadline: a timer interrupt
            // lands on the same instruction in every run.
            "-icount".into(),
            "shift=0,sleep=off".into(),
            "-singlestep".into(),
            "-d".into(),
            "exec,nochain".into(),
            "-D".into(),
            fifo.display().to_string(),
        ],
    );
    cmd.current_dir(&tmp);
    let out = qemu::run(cmd, Duration::from_secs(600))?;
    if !reader.is_finished() {
        // QEMU died before opening its log: open the write end so the reader
        // sees end-of-file instead of waiting forever.
        let _ = fs::OpenOptions::new().write(true).open(&fifo);
    }
    let (hits, masks) = reader.join().map_err(|_| "trace reader panicked")??;
    let _ = fs::remove_dir_all(&tmp);
    match out.status {
        Some(0) => Ok(Trace {
            hits,
            masks,
            stdout: out.stdout,
        }),
        Some(s) => Err(format!(
            "{} exited with {s}:\n{}{}",
            elf.display(),
            out.stdout,
            out.stderr
        )),
        None => Err(format!("{} hung (killed after 600 s)", elf.display())),
    }
}

/// The guest PC of one `-d exec` line:
/// `Trace 0: 0x7f.. [00800400/00000160/00000110/ff000201] symbol`.
fn trace_pc(line: &[u8]) -> Option<u32> {
    let open = line.iter().position(|&b| b == b'[')?;
    let rest = &line[open + 1..];
    let first = rest.iter().position(|&b| b == b'/')?;
    let pc = &rest[first + 1..];
    let end = pc.iter().position(|&b| b == b'/' || b == b']')?;
    u32::from_str_radix(std::str::from_utf8(&pc[..end]).ok()?, 16).ok()
}

fn run_quiet(cmd: &mut Command) -> Result {
    let st = cmd.status().map_err(|e| e.to_string())?;
    st.success()
        .then_some(())
        .ok_or_else(|| format!("{} failed", crate::show(cmd)))
}

/// Net counts per interval name, in order of first appearance.
fn intervals(hits: &[(u64, String)]) -> Vec<(String, Vec<u64>)> {
    let mut order: Vec<String> = Vec::new();
    let mut map: HashMap<String, Vec<u64>> = HashMap::new();
    for w in hits.windows(2) {
        let ((i, from), (j, to)) = (&w[0], &w[1]);
        if from.starts_with('/') || from.starts_with('%') {
            continue; // an end marker: it closes an interval, starts none
        }
        let key = if from.starts_with('=') || from.starts_with('@') {
            from.clone()
        } else {
            format!("{}->{}", plain(from), plain(to))
        };
        if !map.contains_key(&key) {
            order.push(key.clone());
        }
        map.entry(key).or_default().push(j - i - 1);
    }
    order
        .into_iter()
        .map(|k| {
            let v = map.remove(&k).unwrap();
            (k, v)
        })
        .collect()
}

/// A marker's name in a `FROM->TO` row (a cycle marker `^A` is `A`).
fn plain(name: &str) -> &str {
    name.strip_prefix('^').unwrap_or(name)
}

/// The steady window of a run with a cycle marker (`^name`): the hits from
/// its second occurrence to its last one, so that the first cycle (first
/// polls, first spawns) and the unfinished last one are left out. `None`
/// when the run has no cycle marker.
fn steady(hits: &[(u64, String)]) -> Result<Option<&[(u64, String)]>> {
    let at: Vec<usize> = (0..hits.len())
        .filter(|&k| hits[k].1.starts_with('^'))
        .collect();
    if at.is_empty() {
        return Ok(None);
    }
    let names: Vec<&str> = at.iter().map(|&k| hits[k].1.as_str()).collect();
    if names.iter().any(|n| *n != names[0]) {
        return Err(format!("more than one cycle marker: {names:?}"));
    }
    if at.len() < 3 {
        return Err(format!(
            "cycle marker `{}` hit {} times: a steady cycle needs at least 3",
            names[0],
            at.len()
        ));
    }
    Ok(Some(&hits[at[1]..=at[at.len() - 1]]))
}

/// The cycle rows of a steady window (see [`steady`]): `cycle` (net
/// instructions of one cycle: mean, min and max over the cycles), `switch`
/// (net instructions from one marker to the next: the cycle total over the
/// number of intervals, with the smallest and largest interval) and
/// `switch-mode` (the most frequent interval).
fn cycle_rows(system: &str, scenario: &str, window: &[(u64, String)]) -> Vec<Row> {
    let mut cycles: Vec<u64> = Vec::new();
    let mut all: Vec<u64> = Vec::new();
    let mut cur = 0;
    for (k, w) in window.windows(2).enumerate() {
        let ((i, from), (j, _)) = (&w[0], &w[1]);
        if k > 0 && from.starts_with('^') {
            cycles.push(cur);
            cur = 0;
        }
        if from.starts_with('/') || from.starts_with('%') {
            continue;
        }
        let net = j - i - 1;
        cur += net;
        all.push(net);
    }
    cycles.push(cur);
    let total: u64 = cycles.iter().sum();
    let (cmin, cmax) = (*cycles.iter().min().unwrap(), *cycles.iter().max().unwrap());
    let (smin, smax) = (*all.iter().min().unwrap(), *all.iter().max().unwrap());
    vec![
        Row::new(
            system,
            scenario,
            "cycle",
            mean(total, cycles.len()),
            cmin as f64,
            cmax as f64,
        ),
        Row::new(
            system,
            scenario,
            "switch",
            mean(total, all.len()),
            smin as f64,
            smax as f64,
        ),
        Row::new(
            system,
            scenario,
            "switch-mode",
            mode(&all) as f64,
            smin as f64,
            smax as f64,
        ),
    ]
}

/// `sum / n`, to one decimal.
fn mean(sum: u64, n: usize) -> f64 {
    (sum as f64 / n as f64 * 10.0).round() / 10.0
}

/// Most frequent value (the smaller one on a tie).
fn mode(v: &[u64]) -> u64 {
    let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
    for &x in v {
        *counts.entry(x).or_default() += 1;
    }
    let best = counts.values().copied().max().unwrap_or(0);
    counts
        .into_iter()
        .find(|&(_, c)| c == best)
        .map(|(x, _)| x)
        .unwrap_or(0)
}

fn rows_for(
    system: &str,
    scenario: &str,
    t: &Trace,
    elf: &Path,
    parts: &Parts,
) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let window = steady(&t.hits).map_err(|e| format!("{system}/{scenario}: {e}"))?;
    if let Some(w) = window {
        rows.extend(cycle_rows(system, scenario, w));
    }
    // A `%name` marker opens the measured window: hits before its first
    // one (start-up, ticks before the scenario runs) are left out.
    let from = t
        .hits
        .iter()
        .position(|(_, n)| n.starts_with('%'))
        .unwrap_or(0);
    for (name, v) in intervals(window.unwrap_or(&t.hits[from..])) {
        let (min, max) = (
            *v.iter().min().unwrap() as f64,
            *v.iter().max().unwrap() as f64,
        );
        let avg = mean(v.iter().sum(), v.len());
        if let Some(op) = name.strip_prefix('=') {
            rows.push(Row::new(
                system,
                scenario,
                &format!("{op}-worst"),
                max,
                min,
                max,
            ));
            rows.push(Row::new(
                system,
                scenario,
                &format!("{op}-mean"),
                avg,
                min,
                max,
            ));
        } else {
            let metric = name.strip_prefix('@').unwrap_or(&name);
            rows.push(Row::new(system, scenario, metric, avg, min, max));
        }
    }
    rows.extend(mask_rows(system, scenario, t));
    for line in t.stdout.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if let ["metric", name, value] = f.as_slice() {
            let v: f64 = value
                .parse()
                .map_err(|_| format!("{system}/{scenario}: bad metric line `{line}`"))?;
            rows.push(Row::new(system, scenario, name, v, v, v));
        }
    }
    let z = elf::sizes(elf)?;
    rows.push(Row::new(
        system,
        scenario,
        "text",
        z.text as f64,
        z.text as f64,
        z.text as f64,
    ));
    let (exec, alloc) = elf::text_parts(elf, &parts.executor, &parts.allocator)?;
    for (metric, v) in [
        ("text-executor", exec),
        ("text-allocator", alloc),
        ("text-rest", z.text - exec - alloc),
    ] {
        rows.push(Row::new(
            system, scenario, metric, v as f64, v as f64, v as f64,
        ));
    }
    rows.push(Row::new(
        system,
        scenario,
        "data",
        z.data as f64,
        z.data as f64,
        z.data as f64,
    ));
    Ok(rows)
}

/// The masked sections of a run with a `%name` marker: from the first hit
/// of that marker on, every run of instructions executed with BASEPRI
/// raised (from the instruction that raised it to the one that brought it
/// back to where it was, both excluded; nested raises are one section) and
/// every run with PRIMASK set (`cpsid i` to `cpsie i`, both excluded).
/// Rows `masked-basepri-worst` and `masked-primask-worst`: the longest
/// section of each kind (0 when there is none), with the shortest as min.
fn mask_rows(system: &str, scenario: &str, t: &Trace) -> Vec<Row> {
    let Some(&(from, _)) = t.hits.iter().find(|(_, n)| n.starts_with('%')) else {
        return Vec::new();
    };
    use elf::MaskOp::*;
    let (mut depth, mut b_start, mut p_start) = (0u32, 0u64, None::<u64>);
    let (mut basepri, mut primask): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    for &(i, op) in t.masks.iter().filter(|(i, _)| *i >= from) {
        match op {
            RaiseBasepri => {
                if depth == 0 {
                    b_start = i;
                }
                depth += 1;
            }
            LowerBasepri if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    basepri.push(i - b_start - 1);
                }
            }
            LowerBasepri => {}
            SetPrimask => {
                p_start.get_or_insert(i);
            }
            ClearPrimask => {
                if let Some(s) = p_start.take() {
                    primask.push(i - s - 1);
                }
            }
        }
    }
    let row = |metric: &str, v: &[u64]| {
        let max = v.iter().copied().max().unwrap_or(0) as f64;
        let min = v.iter().copied().min().unwrap_or(0) as f64;
        Row::new(system, scenario, metric, max, min, max)
    };
    vec![
        row("masked-basepri-worst", &basepri),
        row("masked-primask-worst", &primask),
    ]
}

/// The harness self-check: adjacent markers count 0, three NOPs count 3.
/// Run by `cargo xtask test` and before every benchmark run.
pub fn calibrate() -> Result {
    tools::ensure_qemu()?;
    let dir = root().join("bench/lull");
    run_cmd(cargo().current_dir(&dir).args([
        "build",
        "--release",
        "--bin",
        "calibrate",
        "--target",
        BOARD.target,
    ]))?;
    let elf = dir
        .join("target")
        .join(BOARD.target)
        .join("release/calibrate");
    let t = trace(&elf)?;
    let got = intervals(&t.hits);
    let want = [("A->B", 0), ("B->C", 3), ("C->A", 2)];
    for (name, n) in want {
        let v = got
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("calibrate: no `{name}` interval in the trace ({got:?})"))?;
        if v.iter().any(|&x| x != n) {
            return Err(format!(
                "calibrate: `{name}` counted {v:?}, expected {n} every time: the trace is not \
                 one line per instruction (is this QEMU's `-singlestep` working?)"
            ));
        }
    }
    println!(
        "calibrate: adjacent markers 0, three NOPs 3, loop back 2: one trace line per instruction"
    );
    Ok(())
}

/// `cargo xtask bench [--json PATH] [--only FILTER]`.
pub fn run(args: &[String]) -> Result {
    let mut json = root().join("bench/results.json");
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = PathBuf::from(it.next().ok_or("--json needs a path")?),
            "--only" => only = Some(it.next().ok_or("--only needs a filter")?.clone()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    tools::ensure_targets()?;
    tools::ensure_qemu()?;
    calibrate()?;

    let selected = |system: &str, scenario: &str| {
        only.as_ref().is_none_or(|f| {
            let id = format!("{system}/{scenario}");
            f.split(',').any(|one| id.contains(one))
        })
    };
    let mut rows: Vec<Row> = Vec::new();
    for dir in crate_dirs() {
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        if is_host(&dir) {
            if !selected(&folder, "") {
                continue;
            }
            rows.extend(run_host(&dir)?);
            continue;
        }
        let wanted: Vec<(String, String, String)> = bins(&dir)
            .into_iter()
            .filter(|b| !(folder == "lull" && b == "calibrate"))
            .map(|b| match b.split_once("--") {
                Some((sys, sc)) => (b.clone(), sys.to_string(), sc.to_string()),
                None => (b.clone(), folder.clone(), b.clone()),
            })
            .filter(|(_, sys, sc)| selected(sys, sc))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let out_dir = build(&dir)?;
        let parts = Parts::of(&dir);
        for (bin, system, scenario) in wanted {
            let elf = out_dir.join(&bin);
            println!("bench: {system}/{scenario}");
            let t = trace(&elf)?;
            let r = rows_for(&system, &scenario, &t, &elf, &parts.for_bin(&bin))?;
            for row in &r {
                println!(
                    "  {:<22} {:>9}  (min {}, max {})",
                    row.metric,
                    num(row.value),
                    num(row.min),
                    num(row.max)
                );
            }
            rows.extend(r);
        }
    }
    if only.is_some() {
        // Keep the rows of everything that was not re-run.
        let old = read_json(&json).unwrap_or_default();
        let rerun: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| (r.system.clone(), r.scenario.clone(), r.target.clone()))
            .collect();
        let mut merged: Vec<Row> = old
            .into_iter()
            .filter(|r| !rerun.contains(&(r.system.clone(), r.scenario.clone(), r.target.clone())))
            .collect();
        merged.extend(rows);
        rows = merged;
    }
    write_json(&json, &rows)?;
    println!("\nwrote {}", json.display());
    if json == root().join("bench/results.json") {
        crate::bench_report::write(&rows)?;
    } else {
        println!("(BENCHMARKS.md and bench/chart.svg follow bench/results.json: left as they are)");
    }
    Ok(())
}

fn run_host(dir: &Path) -> Result<Vec<Row>> {
    let mut cmd = cargo();
    cmd.current_dir(dir).args(["run", "--release", "--quiet"]);
    println!("$ {}", crate::show(&cmd));
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "{} failed:\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .filter(|l| l.trim_start().starts_with('{'))
        .map(parse_row)
        .collect()
}

/// Parses one flat JSON object of the row shape.
pub fn parse_row(line: &str) -> Result<Row> {
    let body = line
        .trim()
        .trim_end_matches(',')
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .ok_or_else(|| format!("not a JSON row: {line}"))?;
    let mut fields: HashMap<String, String> = HashMap::new();
    for part in body.split(',') {
        let (k, v) = part
            .split_once(':')
            .ok_or_else(|| format!("not a JSON row: {line}"))?;
        let k = k.trim().trim_matches('"').to_string();
        let v = v.trim().trim_matches('"').to_string();
        fields.insert(k, v);
    }
    let s = |k: &str| {
        fields
            .get(k)
            .cloned()
            .ok_or_else(|| format!("row without `{k}`: {line}"))
    };
    let n = |k: &str| -> Result<f64> {
        s(k)?
            .parse()
            .map_err(|_| format!("row with a non-numeric `{k}`: {line}"))
    };
    Ok(Row {
        system: s("system")?,
        scenario: s("scenario")?,
        metric: s("metric")?,
        value: n("value")?,
        min: n("min")?,
        max: n("max")?,
        target: s("target")?,
    })
}

fn read_json(path: &Path) -> Result<Vec<Row>> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    text.lines()
        .filter(|l| l.trim_start().starts_with("{\"system"))
        .map(parse_row)
        .collect()
}

fn write_json(path: &Path, rows: &[Row]) -> Result {
    let mut s = String::from("{\"results\": [\n");
    for (i, r) in rows.iter().enumerate() {
        s.push_str("  ");
        s.push_str(&r.to_json());
        s.push_str(if i + 1 < rows.len() { ",\n" } else { "\n" });
    }
    s.push_str("]}\n");
    fs::write(path, s).map_err(|e| format!("{}: {e}", path.display()))
}
