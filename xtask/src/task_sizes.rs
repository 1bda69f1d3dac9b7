//! `cargo xtask task-sizes <elf> [--tasks N] [--check FILE]`: the size and
//! alignment of every task a firmware spawns, and a pool for them.
//!
//! Every `spawn`/`try_spawn` instantiation of `lull-executor` records, at
//! compile time, a record in the non-allocated ELF section `.lull.tasks`
//! (never flashed): the bytes and alignment of what it allocates (task
//! header + future) and the symbol name of `lull_executor::task_sizes::name::<F, E>`.
//! That function is never called or linked, but its debug info
//! (`DW_AT_name = "name<F, E>"`) is kept, which gives the future's type
//! `F`. Without debug info (`debug = false` in the profile) the type is shown
//! as `?`.
//!
//! `#[lull::app]` records the static storage of its tasks the same way, in
//! the section `.lull.app` (`u32` bytes, `u32` alignment, then
//! `<module>::<task> state|queue`): a generator task's state machine and a
//! software task's input queue. They are printed in a second table; they
//! are statics, reserved by the linker, so the pool proposal leaves them
//! out.
//!
//! The proposal assumes at most `N` live tasks of each type (`--tasks N`,
//! default 1): one class per distinct block, `N` blocks per task type in it.
//! Next to it: the RAM the same tasks take in a `lull_tlsf::Tlsf` on a
//! 32-bit target (its control block plus one block per task: a 4-byte header,
//! 8-byte granules, at least 16 bytes, and padding for alignments above 8),
//! with no fragmentation — a lower bound.
//!
//! The table lists every executor's tasks (`name::<F, E>` gives `E`, the
//! executor's handle type); a proposal is made per executor, since each
//! has its own allocator. `--executor NAME` keeps one executor's tasks.
//!
//! `--check FILE` compares the table with the lines `task-size <executor>
//! <bytes> <align>` in `FILE` (an example's output, where the firmware
//! printed the layouts its executor reported at run time): the same
//! multiset per executor, or an error. `cargo xtask test` does this for
//! every example that prints such lines, and likewise for the lines
//! `app-size <task> <state|queue> <bytes> <align>` against `.lull.app`.

use crate::Result;
use object::{Object, ObjectSection};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One task type found in the firmware.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Bytes the executor allocates: header and future.
    pub bytes: u32,
    /// Their alignment.
    pub align: u32,
    /// The symbol of `lull_executor::task_sizes::name::<F, E>`.
    pub symbol: String,
    /// `F`, from the debug info, or `?`.
    pub name: String,
    /// `E`, the executor's handle type, from the debug info, or `?`.
    pub executor: String,
}

/// Control block of `lull_tlsf::Tlsf` (default `<12, 8>`) on 32-bit targets.
const TLSF_CONTROL: u32 = 396;
/// Pointer size and alignment on the target (32-bit Cortex-M).
const PTR: u32 = 4;

/// `cargo xtask task-sizes`.
pub fn run(args: &[String]) -> Result {
    let mut elf = None;
    let mut tasks = 1u32;
    let mut check = None;
    let mut only = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--tasks" => {
                let n = it.next().ok_or("--tasks needs a number")?;
                tasks = n
                    .parse()
                    .map_err(|_| format!("--tasks: not a number: {n}"))?;
            }
            "--check" => check = Some(it.next().ok_or("--check needs a file")?.clone()),
            "--executor" => only = Some(it.next().ok_or("--executor needs a name")?.clone()),
            _ if elf.is_none() && !a.starts_with("--") => elf = Some(a.clone()),
            other => return Err(format!("task-sizes: unexpected argument `{other}`")),
        }
    }
    let elf = elf.ok_or(
        "usage: cargo xtask task-sizes <elf> [--tasks N] [--executor NAME] [--check FILE]",
    )?;
    let path = Path::new(&elf);
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {elf}: {e}"))?;
    let mut found = read_tasks(&bytes).map_err(|e| format!("{elf}: {e}"))?;
    if let Some(name) = &only {
        found.retain(|t| short_path(&t.executor) == name || t.executor == *name);
    }
    let statics = read_app(&bytes).map_err(|e| format!("{elf}: {e}"))?;
    print!("{}", report(&elf, &found, tasks));
    print!("{}", report_app(&statics));
    if let Some(file) = check {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
        check_lines(&found, &statics, &text).map_err(|e| format!("--check {file}: {e}"))?;
        println!("\nchecked against {file}: every layout it names is the same");
    }
    Ok(())
}

/// The task types of an ELF image, one per `name::<F, E>` symbol, sorted by
/// executor, then size (largest first), then name.
pub fn read_tasks(elf: &[u8]) -> Result<Vec<Task>> {
    let file = object::File::parse(elf).map_err(|e| e.to_string())?;
    let Some(sec) = file.section_by_name(".lull.tasks") else {
        return Ok(Vec::new());
    };
    let records = parse_records(sec.data().map_err(|e| e.to_string())?)?;
    let names = debug_names(&file).unwrap_or_default();
    let mut seen = BTreeMap::new();
    for (bytes, align, symbol) in records {
        let (name, executor) = names
            .get(&symbol)
            .map(|n| generic_args(n))
            .unwrap_or(("?", "?"));
        let (name, executor) = (name.to_string(), executor.to_string());
        seen.entry(symbol.clone()).or_insert(Task {
            bytes,
            align,
            symbol,
            name,
            executor,
        });
    }
    let mut out: Vec<Task> = seen.into_values().collect();
    out.sort_by(|a, b| {
        (a.executor.cmp(&b.executor))
            .then(b.bytes.cmp(&a.bytes))
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}

/// The static storage of a `#[lull::app]` task (a record of `.lull.app`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppStorage {
    /// Bytes of the state machine or the input queue.
    pub bytes: u32,
    /// Their alignment.
    pub align: u32,
    /// `<module>::<task>`.
    pub task: String,
    /// `state` (a generator task's state machine) or `queue` (a software
    /// task's inputs).
    pub what: String,
}

/// The `#[lull::app]` task storage of an ELF image, in section order.
pub fn read_app(elf: &[u8]) -> Result<Vec<AppStorage>> {
    let file = object::File::parse(elf).map_err(|e| e.to_string())?;
    let Some(sec) = file.section_by_name(".lull.app") else {
        return Ok(Vec::new());
    };
    parse_records(sec.data().map_err(|e| e.to_string())?)?
        .into_iter()
        .map(|(bytes, align, label)| {
            let (task, what) = label
                .rsplit_once(' ')
                .ok_or(format!("bad .lull.app label `{label}`"))?;
            Ok(AppStorage {
                bytes,
                align,
                task: task.to_string(),
                what: what.to_string(),
            })
        })
        .collect()
}

/// The table of `#[lull::app]` task storage (empty without records).
pub fn report_app(statics: &[AppStorage]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if statics.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "\nstatic storage of #[lull::app] tasks (reserved by the linker, not from a heap):\n"
    );
    let _ = writeln!(s, "  bytes  align  what   task");
    for a in statics {
        let _ = writeln!(
            s,
            "  {:>5}  {:>5}  {:<5}  {}",
            a.bytes, a.align, a.what, a.task
        );
    }
    s
}

/// `(bytes, align, string)` of each record of `.lull.tasks` or `.lull.app`:
/// `u32` size, `u32` alignment, NUL-terminated string, padded to 4 bytes.
pub fn parse_records(data: &[u8]) -> Result<Vec<(u32, u32, String)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 8 <= data.len() {
        let word = |at: usize| u32::from_le_bytes(data[at..at + 4].try_into().unwrap());
        let (bytes, align) = (word(i), word(i + 4));
        if bytes == 0 {
            // Padding between input sections (a task is never 0 bytes).
            i += 4;
            continue;
        }
        if !align.is_power_of_two() {
            return Err(format!("bad record at {i}: alignment {align}"));
        }
        i += 8;
        let end = data[i..]
            .iter()
            .position(|&b| b == 0)
            .ok_or("truncated record")?;
        let symbol = String::from_utf8_lossy(&data[i..i + end]).into_owned();
        i = (i + end + 1).next_multiple_of(4);
        out.push((bytes, align, symbol));
    }
    Ok(out)
}

/// `DW_AT_linkage_name` → `DW_AT_name` of every subprogram whose linkage
/// name is a `task_sizes::name` instance.
fn debug_names(file: &object::File) -> Result<HashMap<String, String>> {
    let dwarf = crate::elf::dwarf(file)?;
    let mut out = HashMap::new();
    let mut units = dwarf.units();
    while let Some(header) = units.next().map_err(|e| e.to_string())? {
        let unit = dwarf.unit(header).map_err(|e| e.to_string())?;
        let mut entries = unit.entries();
        while let Some((_, entry)) = entries.next_dfs().map_err(|e| e.to_string())? {
            if entry.tag() != gimli::DW_TAG_subprogram {
                continue;
            }
            let string = |at| -> Option<String> {
                let value = entry.attr_value(at).ok()??;
                let s = dwarf.attr_string(&unit, value).ok()?;
                Some(s.to_string_lossy().into_owned())
            };
            let Some(linkage) = string(gimli::DW_AT_linkage_name) else {
                continue;
            };
            if !linkage.contains("task_sizes4name") {
                continue;
            }
            if let Some(name) = string(gimli::DW_AT_name) {
                out.insert(linkage, name);
            }
        }
    }
    Ok(out)
}

/// `(F, E)` out of `name<F, E>`: the two top-level generic arguments.
pub fn generic_args(debug_name: &str) -> (&str, &str) {
    let Some(args) = debug_name
        .strip_prefix("name<")
        .and_then(|s| s.strip_suffix('>'))
    else {
        return (debug_name, "?");
    };
    let mut depth = 0i32;
    let mut last_comma = None;
    for (i, c) in args.char_indices() {
        match c {
            '<' | '(' | '[' | '{' => depth += 1,
            '>' | ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => last_comma = Some(i),
            _ => {}
        }
    }
    match last_comma {
        Some(i) => (args[..i].trim(), args[i + 1..].trim()),
        None => (args, "?"),
    }
}

/// A block of the pool for a task: its size rounded up to its alignment,
/// both at least a pointer (what `lull_pool::Class::stride` computes).
fn stride(t: &Task) -> (u32, u32) {
    let align = t.align.max(PTR);
    (t.bytes.max(PTR).next_multiple_of(align), align)
}

/// The TLSF block for a task on a 32-bit target (`lull_tlsf`'s
/// `block_size_for`, plus the worst padding for alignments above 8).
fn tlsf_block(t: &Task) -> u32 {
    let block = (t.bytes + 4).next_multiple_of(8).max(16);
    block + t.align.saturating_sub(8)
}

/// The table and a proposal per executor, as printed.
pub fn report(elf: &str, tasks: &[Task], per_type: u32) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if tasks.is_empty() {
        let _ = writeln!(
            s,
            "{elf}: no task spawned on a heap (no `.lull.tasks` records)"
        );
        return s;
    }
    let _ = writeln!(s, "tasks spawned by {elf}:\n");
    let _ = writeln!(s, "  bytes  align  executor  task (future type)");
    for t in tasks {
        let _ = writeln!(
            s,
            "  {:>5}  {:>5}  {:<8}  {}",
            t.bytes,
            t.align,
            short_path(&t.executor),
            t.name
        );
    }
    let mut executors: BTreeMap<&str, Vec<&Task>> = BTreeMap::new();
    for t in tasks {
        executors.entry(&t.executor).or_default().push(t);
    }
    for (executor, tasks) in executors {
        s.push_str(&proposal(short_path(executor), &tasks, per_type));
    }
    s
}

/// The classes for the tasks of one executor, and the RAM of both heaps.
fn proposal(executor: &str, tasks: &[&Task], per_type: u32) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    // One class per distinct (stride, align), smallest first.
    let mut classes: BTreeMap<(u32, u32), Vec<&Task>> = BTreeMap::new();
    for t in tasks {
        classes.entry(stride(t)).or_default().push(t);
    }
    let _ = writeln!(
        s,
        "\nexecutor {executor}: lull_pool classes for at most {per_type} live task(s) of each type:\n"
    );
    let _ = writeln!(s, "    const CLASSES: &'static [Class] = &[");
    let mut pool_bytes = 0;
    let mut padding = 0;
    for (&(size, align), members) in &classes {
        let count = per_type * members.len() as u32;
        pool_bytes += size * count;
        padding += align - 1;
        let what: Vec<&str> = members.iter().map(|t| short(&t.name)).collect();
        let _ = writeln!(
            s,
            "        Class::new({size}, {align}, {count}), // {}",
            what.join(", ")
        );
    }
    let _ = writeln!(s, "    ];");
    let control = (2 * classes.len() as u32 + 1) * PTR;
    let tlsf_blocks: u32 = tasks.iter().map(|t| per_type * tlsf_block(t)).sum();
    let _ = writeln!(
        s,
        "\n  RAM, pool: {} B = {pool_bytes} B of blocks + at most {padding} B of alignment \
         padding (Pool::BYTES) + {control} B of control (heads, counts)",
        pool_bytes + padding + control
    );
    let _ = writeln!(
        s,
        "  RAM, TLSF: {} B = {tlsf_blocks} B of blocks (4-byte header, 8-byte granule) + \
         {TLSF_CONTROL} B control block, with no fragmentation",
        tlsf_blocks + TLSF_CONTROL
    );
    s
}

/// The last segment of a path (`app::X` -> `X`).
fn short_path(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// The last path segments of a type name, for the proposal's comments.
fn short(name: &str) -> &str {
    let generic = name.find('<').unwrap_or(name.len());
    let head = &name[..generic];
    // Keep the function and its closure/async-block segments.
    let cut = head
        .match_indices("::")
        .map(|(i, _)| i)
        .filter(|&i| !head[i + 2..].starts_with('{'))
        .last();
    match cut {
        Some(i) => &name[i + 2..],
        None => name,
    }
}

/// Compares the table with the `task-size <executor> <bytes> <align>` lines
/// of `text` (what a firmware printed at run time, e.g. from
/// `SpawnErrorKind::OutOfMemory(layout)`): for every executor named in the
/// lines, the layouts of its tasks in `.lull.tasks` must be the same
/// multiset.
pub fn check_against(tasks: &[Task], text: &str) -> Result {
    let mut expected: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
    for rest in text.lines().filter_map(|l| l.strip_prefix("task-size ")) {
        let w: Vec<&str> = rest.split_whitespace().collect();
        let layout = match w[..] {
            [executor, bytes, align] => bytes
                .parse()
                .ok()
                .zip(align.parse().ok())
                .map(|l| (executor, l)),
            _ => None,
        };
        let (executor, layout) = layout.ok_or(format!(
            "bad line `task-size {rest}` (executor bytes align)"
        ))?;
        expected
            .entry(executor.to_string())
            .or_default()
            .push(layout);
    }
    if expected.is_empty() {
        return Err("no `task-size <executor> <bytes> <align>` line".into());
    }
    for (executor, mut want) in expected {
        let mut found: Vec<(u32, u32)> = tasks
            .iter()
            .filter(|t| short_path(&t.executor) == executor)
            .map(|t| (t.bytes, t.align))
            .collect();
        want.sort();
        found.sort();
        if want != found {
            return Err(format!(
                "executor {executor}: the firmware reported {want:?} (bytes, align) at run time, \
                 its .lull.tasks has {found:?}"
            ));
        }
    }
    Ok(())
}

/// Compares the `#[lull::app]` records with the lines
/// `app-size <task> <state|queue> <bytes> <align>` of `text` (what a
/// firmware printed at run time, e.g. `size_of_val` of a generator task's
/// state machine in its constructor): each line must match the record of
/// that task (`<task>` is the last segment of its path) exactly.
pub fn check_app(statics: &[AppStorage], text: &str) -> Result {
    for rest in text.lines().filter_map(|l| l.strip_prefix("app-size ")) {
        let w: Vec<&str> = rest.split_whitespace().collect();
        let [task, what, bytes, align] = w[..] else {
            return Err(format!(
                "bad line `app-size {rest}` (task state|queue bytes align)"
            ));
        };
        let want = (bytes.parse::<u32>(), align.parse::<u32>());
        let (Ok(bytes), Ok(align)) = want else {
            return Err(format!("bad line `app-size {rest}`: not numbers"));
        };
        let found: Vec<&AppStorage> = statics
            .iter()
            .filter(|a| a.what == what && short_path(&a.task) == task)
            .collect();
        match found[..] {
            [a] if (a.bytes, a.align) == (bytes, align) => {}
            [a] => {
                return Err(format!(
                    "{task} {what}: the firmware reported ({bytes}, {align}) (bytes, align) \
                     at run time, its .lull.app has ({}, {})",
                    a.bytes, a.align
                ));
            }
            _ => {
                return Err(format!(
                    "{task} {what}: {} records in .lull.app, expected one",
                    found.len()
                ));
            }
        }
    }
    Ok(())
}

/// [`check_against`] for the `task-size` lines of `text` (if any) and
/// [`check_app`] for its `app-size` lines.
pub fn check_lines(tasks: &[Task], statics: &[AppStorage], text: &str) -> Result {
    if text.contains("task-size ") {
        check_against(tasks, text)?;
    }
    if text.contains("app-size ") {
        check_app(statics, text)?;
    }
    if !text.contains("task-size ") && !text.contains("app-size ") {
        return Err("no `task-size` or `app-size` line".into());
    }
    Ok(())
}

/// [`check_lines`] on an ELF file: what `cargo xtask test` runs for every
/// example that prints `task-size` or `app-size` lines.
pub fn check_elf(elf: &Path, stdout: &str) -> Result {
    let bytes = std::fs::read(elf).map_err(|e| format!("cannot read {}: {e}", elf.display()))?;
    let tasks = read_tasks(&bytes)?;
    let statics = read_app(&bytes)?;
    check_lines(&tasks, &statics, stdout).map_err(|e| format!("task sizes: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(bytes: u32, align: u32, symbol: &str) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend(bytes.to_le_bytes());
        v.extend(align.to_le_bytes());
        v.extend(symbol.as_bytes());
        v.push(0);
        while v.len() % 4 != 0 {
            v.push(0);
        }
        v
    }

    #[test]
    fn records_are_parsed_across_padding() {
        let mut data = record(24, 4, "_ZN1a4name17hE");
        data.extend([0; 8]); // padding between two input sections
        data.extend(record(40, 8, "_ZN1b4name17h0E"));
        let r = parse_records(&data).unwrap();
        assert_eq!(
            r,
            [
                (24, 4, "_ZN1a4name17hE".to_string()),
                (40, 8, "_ZN1b4name17h0E".to_string())
            ]
        );
        assert!(parse_records(&record(24, 3, "x")).is_err());
        assert!(parse_records(&record(24, 4, "x")[..9]).is_err());
    }

    #[test]
    fn app_records_are_checked_against_what_the_firmware_printed() {
        let a = |bytes, align, task: &str, what: &str| AppStorage {
            bytes,
            align,
            task: task.into(),
            what: what.into(),
        };
        let statics = [
            a(40, 8, "fw::app::sensor", "state"),
            a(12, 4, "fw::app::log", "queue"),
        ];
        assert!(
            check_app(
                &statics,
                "x\napp-size sensor state 40 8\napp-size log queue 12 4"
            )
            .is_ok()
        );
        let e = check_app(&statics, "app-size sensor state 48 8").unwrap_err();
        assert!(e.contains("(48, 8)") && e.contains("(40, 8)"), "{e}");
        assert!(check_app(&statics, "app-size other state 4 4").is_err());
        assert!(check_app(&statics, "app-size sensor state x 8").is_err());
        let r = report_app(&statics);
        assert!(r.contains("   40      8  state  fw::app::sensor"), "{r}");
        let mut data = record(40, 8, "fw::app::sensor state");
        data.extend(record(12, 4, "fw::app::log queue"));
        let parsed: Vec<_> = parse_records(&data).unwrap();
        assert_eq!(parsed[1], (12, 4, "fw::app::log queue".to_string()));
    }

    #[test]
    fn the_future_type_is_the_first_generic_argument() {
        assert_eq!(
            generic_args("name<app::blink::{async_fn_env#0}, app::X>"),
            ("app::blink::{async_fn_env#0}", "app::X")
        );
        assert_eq!(
            generic_args("name<core::future::ready::Ready<(u8, u16)>, app::X>"),
            ("core::future::ready::Ready<(u8, u16)>", "app::X")
        );
        assert_eq!(generic_args("other"), ("other", "?"));
        assert_eq!(short_path("app::X"), "X");
        assert_eq!(
            short("app::blink::{async_fn_env#0}"),
            "blink::{async_fn_env#0}"
        );
    }

    #[test]
    fn the_proposal_groups_tasks_by_block_and_counts_both_heaps() {
        let t = |bytes, align, name: &str, executor: &str| Task {
            bytes,
            align,
            symbol: name.into(),
            name: name.into(),
            executor: executor.into(),
        };
        let tasks = [
            t(40, 8, "a::big", "a::X"),
            t(22, 4, "a::one", "a::X"),
            t(24, 4, "a::two", "a::X"),
            t(64, 4, "a::other", "a::Y"),
        ];
        let r = report("fw", &tasks, 2);
        assert!(r.contains("executor Y: lull_pool classes"), "{r}");
        assert!(r.contains("Class::new(64, 4, 2), // other"), "{r}");
        // 22 and 24 share the 24-byte class: 2 types x 2 tasks.
        assert!(r.contains("Class::new(24, 4, 4), // one, two"), "{r}");
        assert!(r.contains("Class::new(40, 8, 2), // big"), "{r}");
        // pool: 24*4 + 40*2 = 176 B + 3 + 7 padding + (2*2+1)*4 control.
        assert!(r.contains("pool: 206 B = 176 B of blocks"), "{r}");
        // TLSF: 2 * (32 + 32 + 48) = 224 B + 396.
        assert!(r.contains("TLSF: 620 B = 224 B of blocks"), "{r}");
        let tasks = &tasks[..3]; // executor X
        assert!(
            check_against(
                tasks,
                "x\ntask-size X 24 4\ntask-size X 40 8\ntask-size X 22 4\n"
            )
            .is_ok()
        );
        assert!(check_against(tasks, "task-size X 24 4\ntask-size X 40 8\n").is_err());
        assert!(check_against(tasks, "task-size Y 24 4\n").is_err());
        assert!(check_against(tasks, "task-size 24 4\n").is_err());
        assert!(check_against(tasks, "nothing").is_err());
    }
}
