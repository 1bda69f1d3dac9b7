//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! qemu: -icount shift=0,sleep=off
//!
//! A hardware generator task debounces a bouncing "button": its interrupt
//! fires on every edge; the task wakes on the first edge (`cx.next()`),
//! awaits `Timer::after_millis(5)` while the bounces' interrupts run it
//! without completing anything, then samples the level. A press and a
//! release with bounces each give one debounced change, 5 ms after their
//! first edge; a 0.3 ms glitch gives none. `#[idle]` plays the button
//! (setting the level and pending the interrupt) from the thread-mode
//! executor with `Timer::after_micros`. The task's `cx.started()` (the
//! instant its handler ran) is on the same embassy-time clock as its timers
//! (`monotonic = EmbassyTime`). `tick-hz-10_000`; QEMU's virtual
//! clock (`-icount shift=0,sleep=off`).
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicBool, AtomicU32};
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 512)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// The button's pin level (`true` = pressed).
static PIN: AtomicBool = AtomicBool::new(false);
/// Debounced changes reported by the task (its only writer).
static CHANGES: AtomicU32 = AtomicU32::new(0);
/// Windows whose level came back unchanged (the task is the only writer).
static GLITCHES: AtomicU32 = AtomicU32::new(0);

#[cortex_m_rt::exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}

#[lull::app(device = lull_examples::device, executor = crate::X, monotonic = lull::app::monotonic::EmbassyTime)]
mod app {
    use crate::{CHANGES, GLITCHES, PIN};
    use core::convert::Infallible;
    use core::future::Future;
    use core::sync::atomic::Ordering;
    use embassy_time::Timer;
    use lull_examples::device::Interrupt;
    use lull_examples::{CORE_CLOCK_HZ, exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(cx: init::Context) -> (Shared, Local) {
        lull::time::init(cx.core.SYST, CORE_CLOCK_HZ);
        (Shared {}, Local {})
    }

    /// The button's edge interrupt.
    #[task(binds = SWI0, priority = 2)]
    fn button(cx: button::Context) -> impl Future<Output = Infallible> {
        // `started()` is on embassy-time's clock (`monotonic =
        // EmbassyTime`): here the instant the task was built, later
        // the instant its handler ran for an edge.
        let start = cx.started();
        async move {
            // A timer before the first `next()`: the task is primed in
            // `SVCall` at the lowest task priority, below the timer's.
            Timer::after_millis(1).await;
            println!("  button: armed at +{} ticks", start.elapsed().as_ticks());
            let mut stable = false;
            loop {
                cx.next().await;
                let edge = (cx.started() - start).as_ticks();
                Timer::after_millis(5).await;
                let level = PIN.load(Ordering::Relaxed);
                let at = start.elapsed().as_ticks();
                if level != stable {
                    stable = level;
                    let n = CHANGES.load(Ordering::Relaxed);
                    CHANGES.store(n + 1, Ordering::Relaxed);
                    let what = if level { "pressed" } else { "released" };
                    println!("  button: {} at +{} ticks (first edge +{})", what, at, edge);
                } else {
                    let n = GLITCHES.load(Ordering::Relaxed);
                    GLITCHES.store(n + 1, Ordering::Relaxed);
                    println!(
                        "  button: glitch at +{} ticks ignored (checked +{})",
                        edge, at
                    );
                }
            }
        }
    }

    #[idle]
    fn idle(cx: idle::Context) -> ! {
        let x = cx.executor;
        let edges = x.block_on(async {
            // (delay before the edge in µs, level after it)
            let script: [(u64, bool); 10] = [
                (2_000, true), // press, bouncing
                (200, false),
                (300, true),
                (400, false),
                (100, true),
                (9_000, false), // a glitch
                (300, true),
                (7_700, false), // release, bouncing
                (300, true),
                (300, false),
            ];
            for (delay, level) in script {
                Timer::after_micros(delay).await;
                PIN.store(level, Ordering::Relaxed);
                lull::app::pend(Interrupt::SWI0);
            }
            Timer::after_millis(10).await;
            script.len()
        });
        let (changes, glitches) = (
            CHANGES.load(Ordering::Relaxed),
            GLITCHES.load(Ordering::Relaxed),
        );
        println!(
            "{} raw edges -> {} debounced changes, {} glitch",
            edges, changes, glitches
        );
        exit(if changes == 2 && glitches == 1 { 0 } else { 1 })
    }
}
