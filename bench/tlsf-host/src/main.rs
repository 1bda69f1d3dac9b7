//! Exact instruction counts per allocate and deallocate on the host (x86_64
//! Linux), for the workloads of `bench/tlsf/workload.rs` and the allocators of
//! `bench/tlsf/systems.rs` (both included from there, so host and firmware run
//! the same code).
//!
//! # Method
//!
//! Each (allocator, workload) pair runs in a forked child that the parent
//! traces with `ptrace`. Before each measured operation the child executes
//! `int3` with the operation's kind in `rax`; the parent, stopped there,
//! single-steps the child (`PTRACE_SINGLESTEP`) until its instruction pointer
//! reaches `end_marker`, a function the child calls right after the operation,
//! and counts the steps. One step is one retired instruction (a `rep`-prefixed
//! string instruction would count once per iteration; none occurs in these
//! allocate and deallocate paths). An empty interval is counted first and its
//! count (the `call end_marker` itself) is subtracted, so a figure is the
//! number of instructions between the two points: setting up the arguments,
//! the call into the allocator adapter (`#[inline(never)]`), the allocator
//! and the return — as between the markers of the firmware.
//!
//! No hardware counter is involved (this machine has none), so the counts do
//! not depend on load; `--repeat N` runs everything N times and fails unless
//! every count of every run is identical.
//!
//! Output: one JSON row per line on stdout, a readable table on stderr.

#[path = "../../tlsf/workload.rs"]
mod workload;

#[path = "../../tlsf/systems.rs"]
mod systems;

use core::alloc::Layout;
use std::arch::asm;
use std::io::{Read, Write};
use std::mem::MaybeUninit;
use systems::{LinkedList, Lull, Rlsf, System, Talc};
use workload::{MAX_LIVE, Meter, Outcome};

/// The pool of the workloads: 64 KiB.
const POOL_LEN: usize = 64 * 1024;

#[repr(C, align(4096))]
struct Pool([MaybeUninit<u8>; POOL_LEN]);

static mut POOL: Pool = Pool([MaybeUninit::uninit(); POOL_LEN]);

const KIND_CAL: u64 = 1;
const KIND_ALLOC: u64 = 2;
const KIND_DEALLOC: u64 = 3;

/// Starts a measured interval: traps to the tracing parent with the kind and
/// the layout (for the report of the worst operation).
#[inline(always)]
fn begin(kind: u64, layout: Layout) {
    let tag = kind | (layout.align().trailing_zeros() as u64) << 8 | (layout.size() as u64) << 16;
    // SAFETY: `int3` raises SIGTRAP, which the tracing parent intercepts and
    // suppresses; no register but the input is involved. Without
    // `options(nomem)` the compiler keeps memory accesses on their side.
    unsafe { asm!("int3", in("rax") tag) };
}

/// Ends a measured interval: the parent stops counting when the child's
/// instruction pointer reaches this function.
#[inline(never)]
extern "C" fn end_marker() {
    // SAFETY: a `nop`; the `asm!` (without `pure`) keeps the call from being
    // removed.
    unsafe { asm!("nop") };
}

struct Traced;

impl Meter for Traced {
    #[inline(always)]
    fn alloc<S: System>(&mut self, sys: &mut S, layout: Layout) -> *mut u8 {
        begin(KIND_ALLOC, layout);
        let p = sys.alloc(layout);
        end_marker();
        p
    }

    #[inline(always)]
    unsafe fn dealloc<S: System>(&mut self, sys: &mut S, p: *mut u8, layout: Layout) {
        begin(KIND_DEALLOC, layout);
        // SAFETY: forwarded caller guarantee.
        unsafe { sys.dealloc(p, layout) };
        end_marker();
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scenario {
    Random,
    Adversarial,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Random => "tlsf-random",
            Scenario::Adversarial => "tlsf-adversarial",
        }
    }
}

/// A fresh allocator over the whole pool.
///
/// # Safety
/// No allocator created earlier over the pool is used any more.
unsafe fn fresh<S: System>() -> S {
    // SAFETY: the pool is a static used by nothing else (caller).
    unsafe { S::new((&raw mut POOL).cast::<u8>(), POOL_LEN) }
}

/// The traced child: runs the workload and writes its outcome to `out`.
fn child<S: System>(scenario: Scenario, out: i32) -> ! {
    // SAFETY: plain libc calls; the parent is waiting to trace this process.
    unsafe {
        if libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0) != 0 {
            libc::_exit(2);
        }
        libc::raise(libc::SIGSTOP);
    }
    for _ in 0..8 {
        begin(KIND_CAL, Layout::new::<u8>());
        end_marker();
    }
    // SAFETY: the first allocator over the pool.
    let overhead = workload::block_overhead(&mut unsafe { fresh::<S>() });
    // SAFETY: the previous allocator is gone.
    let mut sys = unsafe { fresh::<S>() };
    let o = match scenario {
        Scenario::Random => {
            let mut live = Box::new([workload::EMPTY; MAX_LIVE]);
            workload::random(&mut sys, &mut Traced, POOL_LEN, &mut live)
        }
        Scenario::Adversarial => workload::adversarial(&mut sys, &mut Traced),
    };
    let msg = format!(
        "{} {} {} {}\n",
        o.requests, o.served, o.before_first_oom, overhead
    );
    // SAFETY: writes a buffer to the pipe and exits without running atexit
    // handlers or flushing the parent's inherited stdio buffers.
    unsafe {
        libc::write(out, msg.as_ptr().cast(), msg.len());
        libc::_exit(0);
    }
}

/// What one traced run measured.
#[derive(PartialEq, Eq, Debug)]
struct Counts {
    /// Instructions and layout (`align_log2 | size << 8`) per operation.
    alloc: Vec<(u64, u64)>,
    dealloc: Vec<(u64, u64)>,
    outcome: Outcome,
    overhead: usize,
}

fn wait(pid: i32) -> i32 {
    let mut status = 0;
    // SAFETY: waits for our own child.
    let r = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(r, pid, "waitpid failed");
    status
}

fn rip(pid: i32) -> u64 {
    let off = std::mem::offset_of!(libc::user_regs_struct, rip);
    // SAFETY: reads one word of the stopped tracee's register area.
    unsafe { libc::ptrace(libc::PTRACE_PEEKUSER, pid, off, 0) as u64 }
}

fn rax(pid: i32) -> u64 {
    let off = std::mem::offset_of!(libc::user_regs_struct, rax);
    // SAFETY: as in `rip`.
    unsafe { libc::ptrace(libc::PTRACE_PEEKUSER, pid, off, 0) as u64 }
}

fn measure<S: System>(scenario: Scenario) -> Counts {
    let mut fds = [0i32; 2];
    // SAFETY: creates a pipe; `fds` has room for both ends.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    std::io::stdout().flush().unwrap();
    std::io::stderr().flush().unwrap();
    // SAFETY: the process is single-threaded; the child only runs the
    // workload and `_exit`s.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // SAFETY: the child's copy of the read end is not needed.
        unsafe { libc::close(fds[0]) };
        child::<S>(scenario, fds[1]);
    }
    // SAFETY: the parent's copy of the write end is not needed.
    unsafe { libc::close(fds[1]) };

    let end = end_marker as *const () as u64;
    let status = wait(pid);
    assert!(libc::WIFSTOPPED(status) && libc::WSTOPSIG(status) == libc::SIGSTOP);
    // SAFETY: ptrace requests on our stopped tracee.
    unsafe {
        libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, libc::PTRACE_O_EXITKILL);
        libc::ptrace(libc::PTRACE_CONT, pid, 0, 0);
    }
    let (mut cal, mut alloc, mut dealloc) = (Vec::new(), Vec::new(), Vec::new());
    loop {
        let status = wait(pid);
        if libc::WIFEXITED(status) {
            assert_eq!(libc::WEXITSTATUS(status), 0, "the workload failed");
            break;
        }
        assert!(
            libc::WIFSTOPPED(status),
            "the workload died: status {status:#x}"
        );
        let sig = libc::WSTOPSIG(status);
        if sig != libc::SIGTRAP {
            // SAFETY: passes the signal on to the tracee.
            unsafe { libc::ptrace(libc::PTRACE_CONT, pid, 0, sig) };
            continue;
        }
        let tag = rax(pid);
        let kind = tag & 0xff;
        let mut n = 0u64;
        loop {
            // SAFETY: single-steps our stopped tracee.
            unsafe { libc::ptrace(libc::PTRACE_SINGLESTEP, pid, 0, 0) };
            let st = wait(pid);
            assert!(libc::WIFSTOPPED(st) && libc::WSTOPSIG(st) == libc::SIGTRAP);
            n += 1;
            if rip(pid) == end {
                break;
            }
        }
        match kind {
            KIND_CAL => cal.push(n),
            KIND_ALLOC => alloc.push((n, tag >> 8)),
            KIND_DEALLOC => dealloc.push((n, tag >> 8)),
            k => panic!("unknown interval kind {k}"),
        }
        // SAFETY: resumes our stopped tracee.
        unsafe { libc::ptrace(libc::PTRACE_CONT, pid, 0, 0) };
    }
    let mut text = String::new();
    // SAFETY: `fds[0]` is our open read end; `File` takes ownership.
    let mut f: std::fs::File = unsafe { std::os::fd::FromRawFd::from_raw_fd(fds[0]) };
    f.read_to_string(&mut text).unwrap();
    let v: Vec<u64> = text
        .split_whitespace()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(v.len(), 4, "no outcome from the workload");

    assert!(
        cal.len() == 8 && cal.iter().all(|&c| c == cal[0]),
        "unstable calibration {cal:?}"
    );
    let base = cal[0];
    let net = |v: Vec<(u64, u64)>| {
        v.into_iter()
            .map(|(c, t)| (c - base, t))
            .collect::<Vec<_>>()
    };
    Counts {
        alloc: net(alloc),
        dealloc: net(dealloc),
        outcome: Outcome::from_counts(v[0] as u32, v[1] as u32, v[2] as u32),
        overhead: v[3] as usize,
    }
}

fn row(system: &str, scenario: &str, metric: &str, value: f64, min: f64, max: f64) {
    println!(
        r#"{{"system":"{system}","scenario":"{scenario}","metric":"{metric}","value":{value},"min":{min},"max":{max},"target":"host"}}"#
    );
}

fn report<S: System>(scenario: Scenario, repeat: usize, show: usize) {
    let c = measure::<S>(scenario);
    for i in 1..repeat {
        let again = measure::<S>(scenario);
        assert!(
            c == again,
            "{}/{}: run {} differs from run 1",
            S::NAME,
            scenario.name(),
            i + 1
        );
    }
    let (sys, sc) = (S::NAME, scenario.name());
    let counts = |v: &[(u64, u64)]| v.iter().map(|&(n, _)| n).collect::<Vec<_>>();
    let (alloc, dealloc) = (counts(&c.alloc), counts(&c.dealloc));
    for (op, v) in [("alloc", &alloc), ("dealloc", &dealloc)] {
        let (min, max) = (
            *v.iter().min().unwrap() as f64,
            *v.iter().max().unwrap() as f64,
        );
        let mean = v.iter().sum::<u64>() as f64 / v.len() as f64;
        let mean = (mean * 10.0).round() / 10.0;
        row(sys, sc, &format!("{op}-worst"), max, min, max);
        row(sys, sc, &format!("{op}-mean"), mean, min, max);
    }
    for (op, v) in [("alloc", &c.alloc), ("dealloc", &c.dealloc)] {
        let mut v = v.clone();
        v.sort_by_key(|&(n, t)| (std::cmp::Reverse(n), t));
        v.dedup();
        for &(n, t) in v.iter().take(show) {
            eprintln!(
                "  {sys} {sc} {op}: {n} instructions for size {} align {}",
                t >> 8,
                1u64 << (t & 0xff)
            );
        }
    }
    let pct = |centi: u32| centi as f64 / 100.0;
    let metric = |name: &str, v: f64| row(sys, sc, name, v, v, v);
    metric("success-pct", pct(c.outcome.success_centi_pct()));
    metric("first-oom-pct", pct(c.outcome.first_oom_centi_pct()));
    metric("control-block-bytes", S::control_block_bytes() as f64);
    metric("block-overhead-bytes", c.overhead as f64);
    let worst = |v: &[(u64, u64)]| {
        let &(n, t) = v.iter().max_by_key(|&&(n, _)| n).unwrap();
        format!("{n:>5} ({}/{})", t >> 8, 1u64 << (t & 0xff))
    };
    eprintln!(
        "{sys:>22} {sc:<17} alloc worst {} mean {:>6.1} | dealloc worst {} mean {:>6.1} | \
         {} of {} served ({:.2} %), first OOM after {} | control {} B, overhead {} B",
        worst(&c.alloc),
        alloc.iter().sum::<u64>() as f64 / alloc.len() as f64,
        worst(&c.dealloc),
        dealloc.iter().sum::<u64>() as f64 / dealloc.len() as f64,
        c.outcome.served,
        c.outcome.requests,
        pct(c.outcome.success_centi_pct()),
        c.outcome.before_first_oom,
        S::control_block_bytes(),
        c.overhead,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 1;
    let mut show = 0;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--repeat" => repeat = it.next().and_then(|n| n.parse().ok()).expect("--repeat N"),
            "--only" => only = it.next().cloned(),
            "--worst" => show = it.next().and_then(|n| n.parse().ok()).expect("--worst K"),
            _ => {
                eprintln!("usage: bench-tlsf-host [--repeat N] [--only SYSTEM] [--worst K]");
                std::process::exit(2);
            }
        }
    }
    let want = |name: &str| only.as_deref().is_none_or(|o| o == name);
    for scenario in [Scenario::Random, Scenario::Adversarial] {
        if want(Lull::NAME) {
            report::<Lull>(scenario, repeat, show);
        }
        if want(Rlsf::NAME) {
            report::<Rlsf>(scenario, repeat, show);
        }
        if want(Talc::NAME) {
            report::<Talc>(scenario, repeat, show);
        }
        if want(LinkedList::NAME) {
            report::<LinkedList>(scenario, repeat, show);
        }
    }
}
