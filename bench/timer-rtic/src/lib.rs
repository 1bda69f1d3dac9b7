//! The timer scenarios on RTIC 2 + rtic-monotonics: one binary per scenario
//! in `src/bin/` (`rtic--timer1`, `rtic--timer32`, `rtic--timer-worst`),
//! all running the bodies of `bench_tasks::timer` as async software tasks.
//!
//! `Mono` is rtic-monotonics' SysTick monotonic at 10 kHz (as lull-time),
//! declared here instead of with `systick_monotonic!` only so that the
//! binary writes the `SysTick` handler itself (its first lines are the
//! benchmark's marker) and calls the same `on_monotonic_interrupt` the
//! macro's handler calls.
#![no_std]

use core::future::Future;
use rtic_monotonics::systick::{SYST, SystClkSource, SystickBackend};
use rtic_monotonics::{Monotonic, TimerQueueBackend, TimerQueueBasedMonotonic, fugit};

pub use bench_marker::mark;
pub use bench_tasks::timer;

/// The board's core clock (lm3s6965evb in QEMU).
pub const CORE_CLOCK_HZ: u32 = 12_500_000;
/// Ticks per second, as lull-time's `tick-hz-10_000`.
pub const TICK_HZ: u32 = 10_000;

/// rtic-monotonics' SysTick monotonic.
pub struct Mono;

impl TimerQueueBasedMonotonic for Mono {
    type Backend = SystickBackend;
    type Instant = fugit::Instant<u32, 1, TICK_HZ>;
    type Duration = fugit::Duration<u32, 1, TICK_HZ>;
}

/// Starts SysTick on the core clock (what `systick_monotonic!`'s `start`
/// does).
pub fn start_time(syst: SYST) {
    SystickBackend::_start(syst, CORE_CLOCK_HZ, TICK_HZ, SystClkSource::Core);
}

/// The work of one tick (the body of `systick_monotonic!`'s handler).
#[inline(always)]
pub fn on_tick() {
    // SAFETY: called only from the SysTick handler, the monotonic's
    // interrupt.
    unsafe { SystickBackend::timer_queue().on_monotonic_interrupt() }
}

/// `sleep(d)` of `bench_tasks::timer`: `d` ticks from now. (`Mono::delay(d)`
/// would wait one tick more, `d + 1`: the deadline is made the same as
/// embassy-time's `Timer::after_ticks(d)` on the other systems.)
#[inline(always)]
pub fn sleep(d: u32) -> impl Future<Output = ()> {
    Mono::delay_until(Mono::now() + fugit::Duration::<u32, 1, TICK_HZ>::from_ticks(d))
}

/// `until(t)` of `bench_tasks::timer`: tick `t` since `start_time`.
#[inline(always)]
pub fn until(t: u32) -> impl Future<Output = ()> {
    Mono::delay_until(fugit::Instant::<u32, 1, TICK_HZ>::from_ticks(t))
}
