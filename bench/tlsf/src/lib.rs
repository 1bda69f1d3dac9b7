//! TLSF benchmark firmware for `cargo xtask bench` (thumbv7m, QEMU
//! lm3s6965evb): one binary per allocator and workload,
//! `<system>--tlsf-random` and `<system>--tlsf-adversarial`.
//!
//! Every allocate is bracketed by `mark!(_, "=alloc")` and the end marker
//! `mark!(_, "/workload")`, every deallocate by `"=dealloc"` and
//! `"/workload"`, which gives the `alloc-worst`/`alloc-mean` and
//! `dealloc-worst`/`dealloc-mean` rows (the generator's own code between two
//! operations is not measured). After the workload the binary prints
//! `metric` lines: `success-pct`, `first-oom-pct`, `control-block-bytes` and
//! `block-overhead-bytes`.
//!
//! The workload (`workload.rs`) and the allocator adapters (`systems.rs`) are
//! shared with the host counter in `bench/tlsf-host`.
#![no_std]

#[path = "../workload.rs"]
pub mod workload;

#[path = "../systems.rs"]
pub mod systems;

use bench_marker::{done, mark};
use core::alloc::Layout;
use core::mem::MaybeUninit;
use cortex_m_semihosting::hprintln;
use systems::System;
use workload::{MAX_LIVE, Meter, Slot};

/// The pool. The lm3s6965 has 64 KiB of RAM in all; the live table (2 KiB),
/// the allocator slot (1 KiB) and the stack (about 1.8 KiB at its peak, while
/// rlsf's 796-byte struct is built and moved) take the rest, so the pool is
/// 58 KiB here (the host uses 64 KiB).
pub const POOL_LEN: usize = 58 * 1024;

/// Painted RAM that must stay untouched by the stack (checked at the end of
/// every run: a run that came closer fails rather than risk corrupting the
/// pool).
const STACK_MARGIN: usize = 512;

#[repr(C, align(8))]
struct Pool([MaybeUninit<u8>; POOL_LEN]);

static mut POOL: Pool = Pool([MaybeUninit::uninit(); POOL_LEN]);
static mut LIVE: [Slot; MAX_LIVE] = [workload::EMPTY; MAX_LIVE];

/// Room for the allocator under test (rlsf's is the largest, 796 bytes): a
/// static rather than the stack, which is only what the pool leaves over.
const SYS_BYTES: usize = 1024;
#[repr(C, align(8))]
struct SysSlot([MaybeUninit<u8>; SYS_BYTES]);
static mut SYS: SysSlot = SysSlot([MaybeUninit::uninit(); SYS_BYTES]);

/// Creates an allocator of type `S` over the whole pool in `SYS`.
///
/// # Safety
/// No allocator created earlier is used any more.
unsafe fn fresh<S: System + 'static>() -> &'static mut S {
    const { assert!(size_of::<S>() <= SYS_BYTES && align_of::<S>() <= 8) };
    let slot = (&raw mut SYS).cast::<S>();
    // SAFETY: `SYS` is large and aligned enough for `S` (checked above); the
    // previous allocator in it is no longer used (caller), and the pool is
    // then this one's alone.
    unsafe {
        slot.write(S::new((&raw mut POOL).cast::<u8>(), POOL_LEN));
        &mut *slot
    }
}

/// talc 5 turns on `allocator-api2/alloc`, which links the `alloc` crate, and
/// a binary linking `alloc` needs a global allocator. Nothing here allocates
/// through it: every request fails.
struct NoGlobalHeap;

// SAFETY: returning null is always a valid answer to `alloc`; `dealloc` is
// never called with a block of this allocator since it has none.
unsafe impl core::alloc::GlobalAlloc for NoGlobalHeap {
    unsafe fn alloc(&self, _: Layout) -> *mut u8 {
        core::ptr::null_mut()
    }
    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

#[global_allocator]
static NO_GLOBAL_HEAP: NoGlobalHeap = NoGlobalHeap;

/// Which workload a binary runs.
pub enum Scenario {
    Random,
    Adversarial,
}

/// Markers around each operation.
struct Marked;

impl Meter for Marked {
    #[inline(always)]
    fn alloc<S: System>(&mut self, sys: &mut S, layout: Layout) -> *mut u8 {
        mark!(0, "=alloc");
        let p = sys.alloc(layout);
        mark!(1, "/workload");
        p
    }

    #[inline(always)]
    unsafe fn dealloc<S: System>(&mut self, sys: &mut S, p: *mut u8, layout: Layout) {
        mark!(2, "=dealloc");
        // SAFETY: forwarded caller guarantee.
        unsafe { sys.dealloc(p, layout) };
        mark!(3, "/workload");
    }
}

unsafe extern "C" {
    /// End of `.bss`/`.uninit` (cortex-m-rt): the stack grows down towards it.
    static mut __sheap: u32;
}

const PAINT: u32 = 0xDEAD_BEEF;

/// Paints the RAM between the statics and the stack, returning its bounds.
fn paint_stack() -> (*mut u32, *mut u32) {
    let low = &raw mut __sheap;
    let sp = cortex_m::register::msp::read() as *mut u32;
    // SAFETY: `low..sp - 64` is RAM no static and no live frame uses (the
    // 64 bytes keep this function's own frame out of it).
    unsafe {
        let high = sp.sub(16);
        let mut p = low;
        while p < high {
            p.write_volatile(PAINT);
            p = p.add(1);
        }
        (low, high)
    }
}

/// Bytes of painted RAM the stack never reached.
fn untouched((low, high): (*mut u32, *mut u32)) -> usize {
    let mut p = low;
    // SAFETY: reads the painted range only.
    unsafe {
        while p < high && p.read_volatile() == PAINT {
            p = p.add(1);
        }
    }
    p.addr() - low.addr()
}

fn pct(name: &str, centi: u32) {
    hprintln!("metric {} {}.{:02}", name, centi / 100, centi % 100);
}

/// Runs one workload on allocator `S` and prints its metrics.
pub fn run<S: System + 'static>(scenario: Scenario) -> ! {
    let painted = paint_stack();
    // SAFETY: the first allocator.
    let overhead = workload::block_overhead(unsafe { fresh::<S>() });
    // SAFETY: the allocator used for the overhead is not used any more.
    let sys = unsafe { fresh::<S>() };
    let live = &raw mut LIVE;
    let out = match scenario {
        // SAFETY: `LIVE` is only used here, once per run.
        Scenario::Random => workload::random(sys, &mut Marked, POOL_LEN, unsafe { &mut *live }),
        Scenario::Adversarial => workload::adversarial(sys, &mut Marked),
    };

    pct("success-pct", out.success_centi_pct());
    pct("first-oom-pct", out.first_oom_centi_pct());
    hprintln!("metric control-block-bytes {}", S::control_block_bytes());
    hprintln!("metric block-overhead-bytes {}", overhead);
    let free = untouched(painted);
    assert!(
        free >= STACK_MARGIN,
        "the stack came within {free} bytes of the statics"
    );
    done()
}
