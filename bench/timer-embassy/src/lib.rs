//! The timer scenarios on embassy-executor + embassy-time: one binary per
//! scenario in `src/bin/` (`embassy--timer1`, `embassy--timer32`,
//! `embassy--timer-worst`), all running the bodies of `bench_tasks::timer`.
//!
//! embassy has no SysTick time driver on crates.io, so this is one, written
//! the way embassy's HAL drivers (embassy-stm32, embassy-nrf) are built on
//! `embassy-time-queue-utils`: the queue and the clock behind a
//! `critical_section::Mutex`, the queue walked in the alarm (here: tick)
//! interrupt inside the critical section. SysTick interrupts at every tick
//! (10 kHz, as lull-time); the handler counts the tick and walks the queue
//! only when the earliest deadline is due.
#![no_std]

use core::cell::{Cell, RefCell};
use core::task::Waker;
use critical_section::Mutex;
use embassy_time::{Instant, Timer};
use embassy_time_queue_utils::Queue;

pub use bench_marker::mark;
pub use bench_tasks::timer;

/// The board's core clock (lm3s6965evb in QEMU).
pub const CORE_CLOCK_HZ: u32 = 12_500_000;

struct SysTickDriver {
    /// Ticks since `start`.
    ticks: Mutex<Cell<u64>>,
    /// The earliest deadline in the queue (`u64::MAX`: none).
    next: Mutex<Cell<u64>>,
    queue: Mutex<RefCell<Queue>>,
}

impl embassy_time_driver::Driver for SysTickDriver {
    fn now(&self) -> u64 {
        critical_section::with(|cs| self.ticks.borrow(cs).get())
    }

    fn schedule_wake(&self, at: u64, waker: &Waker) {
        critical_section::with(|cs| {
            let mut q = self.queue.borrow_ref_mut(cs);
            if q.schedule_wake(at, waker) {
                let now = self.ticks.borrow(cs).get();
                // Wakes what is already due, returns the next deadline.
                self.next.borrow(cs).set(q.next_expiration(now));
            }
        })
    }
}

embassy_time_driver::time_driver_impl!(static DRIVER: SysTickDriver = SysTickDriver {
    ticks: Mutex::new(Cell::new(0)),
    next: Mutex::new(Cell::new(u64::MAX)),
    queue: Mutex::new(RefCell::new(Queue::new())),
});

/// The work of one tick (call it from `SysTick`): counts it, and when the
/// earliest deadline is due wakes every expired timer.
#[inline(always)]
pub fn on_tick() {
    critical_section::with(|cs| {
        let ticks = DRIVER.ticks.borrow(cs);
        let now = ticks.get() + 1;
        ticks.set(now);
        let next = DRIVER.next.borrow(cs);
        if now >= next.get() {
            next.set(DRIVER.queue.borrow_ref_mut(cs).next_expiration(now));
        }
    })
}

/// Starts SysTick on the core clock, one interrupt per tick.
pub fn start_time() {
    let mut cp = cortex_m::Peripherals::take().unwrap();
    let reload = CORE_CLOCK_HZ / embassy_time::TICK_HZ as u32 - 1;
    cp.SYST
        .set_clock_source(cortex_m::peripheral::syst::SystClkSource::Core);
    cp.SYST.set_reload(reload);
    cp.SYST.clear_current();
    cp.SYST.enable_interrupt();
    cp.SYST.enable_counter();
}

/// `sleep(d)` of `bench_tasks::timer`: `d` ticks from now.
#[inline(always)]
pub fn sleep(d: u32) -> Timer {
    Timer::after_ticks(u64::from(d))
}

/// `until(t)` of `bench_tasks::timer`: tick `t` since `start_time`.
#[inline(always)]
pub fn until(t: u32) -> Timer {
    Timer::at(Instant::from_ticks(u64::from(t)))
}
