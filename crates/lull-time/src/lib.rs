//! An [`embassy-time`] driver for every Cortex-M (ARMv6-M, ARMv7-M,
//! ARMv7E-M, ARMv8-M mainline) that never masks interrupts globally.
//!
//! With it, `embassy_time::{Timer, Ticker, Instant, Duration, with_timeout,
//! Delay}` work in every kind of Lull task: async tasks on the thread-mode
//! executor (`lull::executor!`, `block_on`, `#[idle]`) and `#[lull::app]`
//! generator tasks, which run in handler mode.
//!
//! [`embassy-time`]: https://docs.rs/embassy-time
//!
//! # Install
//!
//! Depend on `lull-time` (or enable the `time` feature of `lull`) and on
//! `embassy-time` with a `tick-hz-*` feature, then call [`init`] once:
//!
//! ```toml
//! [dependencies]
//! lull = { version = "0.1", features = ["time"] }
//! embassy-time = { version = "0.5", features = ["tick-hz-10_000"] }
//! ```
//!
//! ```ignore
//! #[entry]
//! fn main() -> ! {
//!     let cp = cortex_m::Peripherals::take().unwrap();
//!     lull::time::init(cp.SYST, 12_000_000); // the core clock, in Hz
//!     // .. Timer::after_millis(10).await works from here on
//! }
//! ```
//!
//! In a `#[lull::app]`, call it in `#[init]` with `cx.core.SYST`. The crate
//! defines the `SysTick` exception handler itself (feature
//! `systick-handler`, on by default): the tick handler is the driver, and
//! defining it here guarantees that every tick reaches it — a program that
//! also defines `SysTick` fails to link (duplicate symbol) instead of
//! silently losing time. A program that needs SysTick for more turns the
//! feature off and calls `on_tick()` from its own handler (Lull's examples
//! do, because other examples in the same crate define `SysTick`).
//!
//! Users whose HAL already has an embassy-time driver (embassy-nrf,
//! embassy-stm32, embassy-rp with their `time-driver-*` features) use that
//! driver and do **not** depend on `lull-time` (or enable `lull/time`): both
//! define embassy-time's `_embassy_time_now` and
//! `_embassy_time_schedule_wake` symbols, and the program would not link.
//! Everything else in Lull works with any embassy-time driver.
//!
//! # Design
//!
//! **Periodic tick.** SysTick interrupts once per embassy-time tick
//! (`TICK_HZ`, chosen by the `tick-hz-*` feature); its period is
//! `core_clock_hz / TICK_HZ` cycles, which must lie in 256..=2²⁴ ([`init`]
//! panics otherwise, naming the feature: embassy-time's default of 1 MHz is
//! too fast for a tick interrupt; 1 kHz to 100 kHz are typical). SysTick has
//! no compare register: a tickless design would have to rewrite the counter
//! to shorten a period, losing the cycles between the read and the write at
//! each reprogramming (drift). A periodic tick keeps time exactly and its
//! handler is short, at the price of one interrupt per tick; the executor
//! still sleeps (`wfe`) between ticks and only runs when a deadline woke a
//! task.
//!
//! **`now()`** is a 64-bit tick count that only the tick handler writes, kept
//! as a double-buffered generation counter ([`TickClock`]): no torn value in
//! any context, never a wait on a writer that cannot run. The handler counts
//! a tick when SysTick's COUNTFLAG says the counter wrapped, so an extra
//! (software) pend of SysTick never counts twice. A handler delayed by more
//! than one tick period (by interrupts above the timer's priority) loses the
//! ticks in excess of one; keep handlers above the timer shorter than a tick.
//! Nothing else may read `SYST_CSR` (it clears COUNTFLAG).
//!
//! **The queue** is a [`TimerQueue`]: a binary min-heap of deadlines with one
//! entry per waker (a waker scheduled again keeps its earlier deadline, as
//! `embassy-time-driver` requires) and a hash index from waker to entry.
//! Scheduling and expiring are O(log n). Its capacity is [`CAPACITY`],
//! chosen with the `queue-N` cargo features (34 bytes of RAM per waker it
//! can hold); a schedule that finds it full **panics**, naming the feature,
//! rather than lose a wake.
//!
//! **The tick handler** counts the tick, then pops and wakes the expired
//! wakers one at a time (O(log n) each, interrupts never masked): a
//! thread-mode task's waker puts it on the executor's interrupt inbox and
//! sets the event register (the executor's `wfe` returns); a generator
//! task's waker pends its interrupt, so it runs at its own priority as soon
//! as the tick handler returns — a busy Thread mode never delays it.
//!
//! # Priorities and masking
//!
//! SysTick runs at the **timer priority** (`init`: the highest level but
//! one; [`init_at_priority`] to choose; in Lull's logical numbering, 1 =
//! lowest). Every context that uses the queue — Thread mode, and tasks that
//! await timers — must run at the timer priority or below; a handler above
//! it that schedules a timer panics (checked on every schedule from a
//! handler). Interrupts above the timer priority are **never masked by
//! anything in this crate: zero added latency**. (`#[lull::app]` builds and
//! primes generator tasks inside `SVCall` at the lowest task priority, so a
//! generator may await a timer before its first `cx.next()`.)
//!
//! Scheduling a wake (from a `Timer`'s poll) masks the other users of the
//! queue for the queue operation, SRP-style, with the timer priority as the
//! ceiling. Everything that reads no shared state — the clone of the waker
//! that the queue keeps, the hash of the waker — is done before masking; the
//! masked section holds the clock comparison, the index lookup and the heap
//! insertion only:
//!
//! - **ARMv7-M, ARMv7E-M, ARMv8-M mainline**: `BASEPRI_MAX` ← timer
//!   priority, restored afterwards. Masked: exceptions at or below the timer
//!   priority, SysTick included, so the tick and a schedule never meet.
//!   For how long: measured below.
//! - **ARMv6-M**: no BASEPRI. The NVIC interrupts at or below the timer
//!   priority (found by `init`: set the priorities of interrupts that use
//!   time before calling it; `#[lull::app]` does) are disabled through
//!   `ICER` and re-enabled through `ISER`. SysTick cannot be masked without
//!   losing ticks (clearing `TICKINT`), so it is not: the queue carries a
//!   `locked` flag, and a tick that finds it set only counts the tick and
//!   leaves a note; the masked code, on leaving, sets SysTick pending again
//!   (ICSR.PENDSTSET), and the handler runs at once to serve the deadlines.
//!   (Only here: where BASEPRI masks SysTick, the flag is compiled out.)
//! - **`now()`** masks nothing on any core. **The tick handler** masks
//!   nothing: no other user of the queue can preempt it.
//!
//! Lull-time never sets PRIMASK. The waker operations it calls belong to the
//! waker's owner: on ARMv6-M, which has no compare-and-swap, the thread-mode
//! executor's waker clone, drop and wake-from-handler set PRIMASK for 3–6
//! instructions each (see `lull-executor`); `#[lull::app]`'s wakers only
//! write a pending bit.
//!
//! # Measured
//!
//! Instructions, counted in a QEMU trace of `examples/src/bin/time_worst.rs`
//! (32 thread-mode tasks waiting at once, 8 of them expiring in one tick;
//! `queue-64`; method in the crate README), release build (`opt-level =
//! "s"`):
//!
//! | | thumbv7m (lm3s6965evb) | thumbv6m (microbit) |
//! |---|---|---|
//! | masked section of a schedule (mask to unmask, 1–32 queued) | 57–80 | 121–195 |
//! | tick handler, nothing expires | 32–36 | 49–61 |
//! | tick handler, one timer expires (the executor's wake included) | 103–260 | 157–511 |
//! | tick handler, 8 expire at once (32 queued) | 1 729 | 3 435 |
//!
//! The masked section delays only interrupts at or below the timer
//! priority; nothing above it is ever delayed by this crate. The tick
//! handler masks nothing; its cost per expiring timer is one heap pop
//! (O(log n): about 170 instructions at 32 queued on thumbv7m, 27 a level
//! for a 96-bit comparison and a 16-byte move) and the waker's `wake` (41 for a
//! thread-mode task of `lull-executor`). `cargo xtask bench --only timer`
//! compares these paths with embassy's and RTIC's (`BENCHMARKS.md`).
#![no_std]
// Without the installed driver (host builds, `default-features = false`) the
// driver state is only reached by the tests.
#![cfg_attr(not(all(feature = "driver", target_os = "none")), allow(dead_code))]

mod arch;
mod clock;
mod queue;

pub use clock::TickClock;
use queue::Hashed;
pub use queue::{QueueFull, TimerQueue};

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, Ordering, compiler_fence};
use core::task::Waker;

/// The timer queue's capacity: the largest `queue-N` cargo feature enabled,
/// or 16.
///
/// ```
/// assert!(lull_time::CAPACITY.is_power_of_two());
/// ```
pub const CAPACITY: usize = if cfg!(feature = "queue-256") {
    256
} else if cfg!(feature = "queue-128") {
    128
} else if cfg!(feature = "queue-64") {
    64
} else if cfg!(feature = "queue-32") {
    32
} else if cfg!(feature = "queue-16") {
    16
} else if cfg!(feature = "queue-8") {
    8
} else {
    16
};

/// The tick rate, in Hz: embassy-time's `TICK_HZ` (its `tick-hz-*` feature).
///
/// ```
/// assert!(lull_time::TICK_HZ > 0);
/// ```
pub const TICK_HZ: u64 = embassy_time_driver::TICK_HZ;

/// The shortest tick period [`init`] accepts, in core clock cycles.
pub const MIN_CYCLES_PER_TICK: u32 = 256;

/// Whether the tick can run while a schedule holds the queue, so that the
/// two must meet through the `locked` / `missed` flags: on ARMv6-M (NVIC
/// masking leaves SysTick running) and on the host (whose tests drive that
/// protocol). With BASEPRI the holder masks SysTick itself: the flags would
/// never be seen set, and their code is left out.
const GUARDED: bool = !cfg!(lull_time_basepri);

/// The driver's state: the clock, the queue and its guard.
struct Time {
    clock: TickClock,
    queue: UnsafeCell<TimerQueue<CAPACITY>>,
    /// A context that masked the queue's other users holds the queue (only
    /// SysTick can still run, where [`GUARDED`]: it checks this flag).
    locked: AtomicBool,
    /// A tick found the queue locked: its holder pends SysTick on leaving.
    missed: AtomicBool,
    /// The timer priority (hardware value); 0 until `init`.
    prio: AtomicU8,
    /// ARMv6-M: the NVIC interrupts at or below the timer priority.
    nvic: AtomicU32,
    /// Host builds: how many times the holder pended the tick.
    #[cfg(not(target_os = "none"))]
    pended: AtomicU32,
}

// SAFETY: the queue is only reached by `schedule` (with its other users
// masked: with BASEPRI, SysTick included; otherwise with `locked` set) and by
// `tick` (which no other user can preempt, and which, where SysTick is not
// masked, checks `locked`); everything else is atomic.
unsafe impl Sync for Time {}

impl Time {
    const fn new() -> Self {
        Time {
            clock: TickClock::new(),
            queue: UnsafeCell::new(TimerQueue::new()),
            locked: AtomicBool::new(false),
            missed: AtomicBool::new(false),
            prio: AtomicU8::new(0),
            nvic: AtomicU32::new(0),
            #[cfg(not(target_os = "none"))]
            pended: AtomicU32::new(0),
        }
    }

    /// `schedule_wake`: wakes `waker` at tick `at` (now, if `at` has passed).
    fn schedule(&self, at: u64, waker: &Waker) {
        let prio = self.prio.load(Ordering::Relaxed);
        assert!(
            prio != 0,
            "lull-time: a timer was used before lull_time::init"
        );
        self.check_caller(prio);
        // The clone the queue stores and the hash chains depend on the
        // waker only: made before masking, they leave the masked section
        // shorter (a waker already queued costs a clone and a drop, both
        // unmasked).
        let w = Hashed::new::<CAPACITY>(waker, waker.clone());
        // (Only NVIC masking reads the interrupt set.)
        let nvic = if cfg!(lull_time_nvic) {
            self.nvic.load(Ordering::Relaxed)
        } else {
            0
        };
        let m = arch::mask(prio, nvic);
        if GUARDED {
            self.locked.store(true, Ordering::Relaxed);
        }
        compiler_fence(Ordering::SeqCst);
        // Compared with the clock while the queue is held: a tick that
        // passes after this point finds the entry (or, on ARMv6-M, finds the
        // queue locked and is served again when it is released).
        let due = at <= self.clock.now();
        let (r, spare) = if due {
            (Ok(()), Some(w.into_clone()))
        } else {
            // SAFETY: every other user of the queue is masked (SysTick too,
            // with BASEPRI); SysTick, where it may still run (`GUARDED`),
            // sees `locked` and keeps off.
            unsafe { &mut *self.queue.get() }.schedule_with(at, w)
        };
        compiler_fence(Ordering::SeqCst);
        if GUARDED {
            self.locked.store(false, Ordering::Relaxed);
        }
        arch::unmask(m);
        if GUARDED && self.missed.load(Ordering::Relaxed) {
            self.pend_tick();
        }
        if let Some(spare) = spare {
            if due {
                spare.wake();
            } else {
                drop(spare);
            }
        }
        if let Err(QueueFull { capacity }) = r {
            #[cfg(feature = "defmt")]
            defmt::panic!(
                "lull-time: timer queue full ({=usize} wakers waiting); enable a larger \
                 `queue-N` feature of lull-time (queue-8 .. queue-256)",
                capacity
            );
            #[cfg(not(feature = "defmt"))]
            panic!(
                "lull-time: timer queue full ({capacity} wakers waiting); enable a larger \
                 `queue-N` feature of lull-time (queue-8 .. queue-256)"
            );
        }
    }

    /// The tick: counts it if SysTick wrapped, then wakes the expired
    /// wakers. Runs at the timer priority: no user of the queue preempts it.
    fn tick(&self, wrapped: bool) {
        // The tick handler is the clock's only writer: without a new tick,
        // the count it reads cannot change under it.
        let now = if wrapped {
            self.clock.advance()
        } else {
            self.clock.now()
        };
        if GUARDED {
            self.missed.store(false, Ordering::Relaxed);
        }
        loop {
            compiler_fence(Ordering::SeqCst);
            if GUARDED && self.locked.load(Ordering::Relaxed) {
                // ARMv6-M: we preempted a holder; it pends us again.
                self.missed.store(true, Ordering::Relaxed);
                return;
            }
            // SAFETY: nobody holds the queue (a holder masks SysTick, or,
            // where `GUARDED`, `locked` is clear) and every other user runs
            // at or below our priority: none preempts us.
            let expired = unsafe { &mut *self.queue.get() }.pop_expired(now);
            compiler_fence(Ordering::SeqCst);
            match expired {
                Some(w) => w.wake(),
                None => return,
            }
        }
    }

    fn pend_tick(&self) {
        #[cfg(not(target_os = "none"))]
        self.pended.fetch_add(1, Ordering::Relaxed);
        arch::pend_tick();
    }

    /// Panics if the running handler is more urgent than the timer.
    #[inline(always)]
    #[allow(unused_variables)]
    fn check_caller(&self, prio: u8) {
        #[cfg(target_os = "none")]
        {
            let n = arch::exception_number();
            if n != 0 && (n < 4 || arch::exception_priority(n) < prio) {
                panic!(
                    "lull-time: exception {n} uses a timer but runs above the timer priority; \
                     raise it with lull_time::init_at_priority"
                );
            }
        }
    }
}

static TIME: Time = Time::new();

/// The current time, in ticks since [`init`] (0 before). Same as
/// `embassy_time::Instant::now().as_ticks()`.
///
/// ```
/// assert_eq!(lull_time::now(), 0); // on the host: no tick ever comes
/// ```
#[inline]
pub fn now() -> u64 {
    TIME.clock.now()
}

/// Wakers waiting in the timer queue (for tests and statistics).
///
/// Reads the queue without masking: exact when called where no timer can be
/// scheduled or expire meanwhile (e.g. with nothing else running).
///
/// ```
/// assert_eq!(lull_time::pending(), 0);
/// ```
pub fn pending() -> usize {
    // SAFETY: reads one `u16` field; a concurrent update makes the value
    // stale, never invalid (the field is a plain integer, written whole).
    unsafe { (*TIME.queue.get()).len() }
}

/// Starts the time driver: SysTick at the timer priority just below the
/// highest level (in Lull's logical numbering, `2^bits − 1`), one interrupt
/// per tick of `core_clock_hz / TICK_HZ` cycles.
///
/// Call it once, before any timer is used, in Thread mode or in
/// `#[lull::app]`'s `init`, after the priorities of the interrupts that use
/// time are set. Taking `SYST` makes a second call impossible.
///
/// # Panics
/// If the tick period is outside `MIN_CYCLES_PER_TICK..=2^24` cycles (pick
/// another `tick-hz-*` feature of embassy-time).
///
/// ```ignore
/// lull_time::init(cortex_m::Peripherals::take().unwrap().SYST, 12_000_000);
/// ```
pub fn init(syst: cortex_m::peripheral::SYST, core_clock_hz: u32) {
    init_inner(syst, core_clock_hz, None)
}

/// [`init`] with the timer priority chosen: `logical` in Lull's numbering
/// (1 = lowest, as `#[task(priority = ..)]`), at most `2^bits − 1` (BASEPRI
/// cannot mask the highest level). Tasks that use time must run at `logical`
/// or below; interrupts above it are never masked by the time driver.
///
/// ```ignore
/// #[init]
/// fn init(cx: init::Context) -> (Shared, Local) {
///     lull::time::init_at_priority(cx.core.SYST, 12_000_000, 2);
///     // ..
/// }
/// ```
pub fn init_at_priority(syst: cortex_m::peripheral::SYST, core_clock_hz: u32, logical: u8) {
    init_inner(syst, core_clock_hz, Some(logical))
}

#[allow(unused_variables)]
fn init_inner(syst: cortex_m::peripheral::SYST, core_clock_hz: u32, logical: Option<u8>) {
    let cycles = (core_clock_hz as u64 + TICK_HZ / 2) / TICK_HZ;
    assert!(
        (MIN_CYCLES_PER_TICK as u64..=1 << 24).contains(&cycles),
        "lull-time: a tick of {cycles} cycles ({core_clock_hz} Hz / TICK_HZ {TICK_HZ}) is outside \
         {MIN_CYCLES_PER_TICK}..=16777216: choose another `tick-hz-*` feature of embassy-time"
    );
    #[cfg(target_os = "none")]
    {
        let _ = syst; // owned by the driver from now on
        let (_, bits) = arch::set_systick_priority(1);
        let logical = logical.unwrap_or(((1u32 << bits) - 1) as u8);
        let (hw, _) = arch::set_systick_priority(logical);
        #[cfg(lull_time_nvic)]
        TIME.nvic.store(arch::nvic_users(hw), Ordering::Relaxed);
        TIME.prio.store(hw, Ordering::Relaxed);
        arch::start_systick(cycles as u32);
    }
}

/// The driver embassy-time calls.
struct Driver;

impl embassy_time_driver::Driver for Driver {
    #[inline]
    fn now(&self) -> u64 {
        TIME.clock.now()
    }
    #[inline]
    fn schedule_wake(&self, at: u64, waker: &Waker) {
        TIME.schedule(at, waker)
    }
}

#[cfg(all(feature = "driver", target_os = "none"))]
embassy_time_driver::time_driver_impl!(static DRIVER: Driver = Driver);

/// The tick handler (cortex-m-rt's vector table calls `SysTick` by name).
#[cfg(all(feature = "systick-handler", target_os = "none"))]
#[unsafe(no_mangle)]
extern "C" fn SysTick() {
    // SAFETY: this is the SysTick exception handler.
    unsafe { on_tick() }
}

/// The work of one tick: counts it (if SysTick wrapped) and wakes the
/// expired wakers. With the default `systick-handler` feature the crate's
/// own `SysTick` handler calls it; without, call it from yours.
///
/// # Safety
/// Call it only from the `SysTick` exception handler, once per run: the
/// tick count has a single writer, and the queue is reached without masking
/// because no other user of it can preempt SysTick.
///
/// ```ignore
/// #[cortex_m_rt::exception]
/// fn SysTick() {
///     // SAFETY: this is the SysTick handler.
///     unsafe { lull_time::on_tick() }
///     // .. other work at each tick
/// }
/// ```
#[cfg(target_os = "none")]
#[inline]
pub unsafe fn on_tick() {
    TIME.tick(arch::take_countflag());
}

#[cfg(test)]
mod tests;
