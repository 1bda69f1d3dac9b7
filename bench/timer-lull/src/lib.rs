//! The timer scenarios on Lull: one binary per scenario in `src/bin/`
//! (`lull--timer1`, `lull--timer32`, `lull--timer-worst`), all running the
//! bodies of `bench_tasks::timer` on Lull's thread-mode executor with the
//! `lull-time` driver.
#![no_std]

use embassy_time::{Instant, Timer};

pub use bench_marker::mark;
pub use bench_tasks::timer;
// Link the device crate: its interrupt vectors fill cortex-m-rt's table.
pub use lm3s6965 as device;

/// The board's core clock (lm3s6965evb in QEMU), as the examples use it.
pub const CORE_CLOCK_HZ: u32 = 12_500_000;

/// `sleep(d)` of `bench_tasks::timer`: `d` ticks from now.
#[inline(always)]
pub fn sleep(d: u32) -> Timer {
    Timer::after_ticks(u64::from(d))
}

/// `until(t)` of `bench_tasks::timer`: tick `t` since `init`.
#[inline(always)]
pub fn until(t: u32) -> Timer {
    Timer::at(Instant::from_ticks(u64::from(t)))
}

/// Declares the heap `A` (TLSF over `$bytes` bytes) and the executor `X`.
#[macro_export]
macro_rules! setup {
    ($bytes:literal) => {
        #[lull_alloc::allocator(memory = $bytes)]
        static A: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

        lull_executor::executor!(name = X, allocator = A);
    };
}

/// Starts the time driver (SysTick, 10 kHz, default timer priority).
pub fn start_time() {
    let cp = cortex_m::Peripherals::take().unwrap();
    lull_time::init(cp.SYST, CORE_CLOCK_HZ);
}
