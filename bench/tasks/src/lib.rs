//! The task bodies every benchmark system runs, and every future they await.
//!
//! Each system under test (Lull, embassy-executor, RTIC, lilos, the
//! no-executor floor) links this crate and runs *these* bodies: the only
//! code that differs between two systems' binaries of one scenario is the
//! system itself (how a task is declared, spawned, woken and polled). The
//! markers (`bench_marker::mark!`) sit here too, so every system is measured
//! between the same two instructions.
//!
//! - [`Yield`] is the one yield every ring awaits (not any system's own).
//! - Channels and signals are embassy-sync's, with one mutex type for every
//!   system: [`Mutex`] (`CriticalSectionRawMutex`; every firmware crate links
//!   cortex-m's single-core critical section). `pingpong-noop` also uses
//!   `NoopRawMutex`, which is sound here because every task of a scenario runs
//!   in one context (see [`OneContext`]).
//!
//! A marker named `^X` starts a measurement cycle (see `cargo xtask bench`):
//! one cycle is one round of the scenario, and the harness reports the mean
//! over every steady cycle.
#![no_std]

use core::cell::UnsafeCell;
use core::convert::Infallible;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

pub use bench_marker::{done, mark};
use embassy_sync::blocking_mutex::raw::{CriticalSectionRawMutex, NoopRawMutex, RawMutex};
use embassy_sync::channel::Channel;
use embassy_sync::signal::Signal;

/// The mutex type of every channel and signal that every system uses.
pub type Mutex = CriticalSectionRawMutex;

/// Rounds of every scenario (a ring's round is one pass over all its tasks).
pub const ROUNDS: u32 = 100;

/// Returns a future that is `Pending` once, waking its own task first:
/// the task goes back to its executor and runs again after the tasks that
/// are ready.
///
/// ```
/// # async fn f() {
/// bench_tasks::yield_once().await;
/// # }
/// ```
#[inline]
pub fn yield_once() -> Yield {
    Yield { yielded: false }
}

/// The future of [`yield_once`]: one flag, one `wake_by_ref`.
#[derive(Debug)]
#[must_use = "futures do nothing unless awaited"]
pub struct Yield {
    yielded: bool,
}

impl Future for Yield {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            Poll::Ready(())
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A value shared by tasks that all run in one context that never preempts
/// itself (one executor in Thread mode, or RTIC tasks of one priority), so
/// that a `!Sync` value (a `NoopRawMutex` channel) can be a `static`.
pub struct OneContext<T>(UnsafeCell<T>);

// SAFETY: the value is reachable only through `get`, whose caller promises
// that every user runs in one context that never preempts itself, so no two
// accesses ever overlap.
unsafe impl<T> Sync for OneContext<T> {}

impl<T> OneContext<T> {
    /// Wraps `value`.
    pub const fn new(value: T) -> Self {
        OneContext(UnsafeCell::new(value))
    }

    /// The shared value.
    ///
    /// # Safety
    ///
    /// Every caller, for the whole program, runs in one context that never
    /// preempts itself (one cooperative executor, or one RTIC priority).
    pub unsafe fn get(&'static self) -> &'static T {
        // SAFETY: no `&mut` is ever made; accesses never overlap (caller).
        unsafe { &*self.0.get() }
    }
}

/// `ring`, `ring30`, `ring300`: tasks that each `loop { marker; yield }`.
///
/// A ring of `n` tasks is [`a`](ring::a), [`b`](ring::b), [`c`](ring::c),
/// `n - 4` copies of [`t`](ring::t) and [`m`](ring::m) (Lull's `block_on`
/// future, a fourth task elsewhere). Every interval between two markers is
/// one task switch; `A` starts a cycle, and `a` ends the run after
/// [`ROUNDS`] rounds.
pub mod ring {
    use super::*;

    /// Task `A`: marks the start of each round and ends the run.
    pub async fn a() -> Infallible {
        for _ in 0..ROUNDS {
            mark!(0, "^A");
            yield_once().await;
        }
        done()
    }

    /// Task `B`.
    pub async fn b() -> Infallible {
        loop {
            mark!(1, "B");
            yield_once().await;
        }
    }

    /// Task `C`.
    pub async fn c() -> Infallible {
        loop {
            mark!(2, "C");
            yield_once().await;
        }
    }

    /// Every further task of `ring30` and `ring300`: one body, one marker
    /// `T`, so `T->T` is a switch between two of them.
    pub async fn t() -> Infallible {
        loop {
            mark!(3, "T");
            yield_once().await;
        }
    }

    /// The last task (`M`; Lull's `block_on` future).
    pub async fn m() -> Infallible {
        loop {
            mark!(4, "M");
            yield_once().await;
        }
    }
}

/// `pingpong`, `pingpong-noop`: two tasks exchange a value through two
/// embassy-sync channels of capacity 1. `P` (cycle start) is the first
/// instruction of [`ping`](pingpong::ping) after it received the reply, `Q`
/// that of [`pong`](pingpong::pong) after it received the request: one
/// cycle is one round trip.
pub mod pingpong {
    use super::*;

    /// One direction of the exchange.
    pub type Ch<M> = Channel<M, u32, 1>;

    /// Request channel, common mutex.
    pub static PING: Ch<Mutex> = Channel::new();
    /// Reply channel, common mutex.
    pub static PONG: Ch<Mutex> = Channel::new();

    static NOOP_PING: OneContext<Ch<NoopRawMutex>> = OneContext::new(Channel::new());
    static NOOP_PONG: OneContext<Ch<NoopRawMutex>> = OneContext::new(Channel::new());

    /// The request and reply channels with `NoopRawMutex`.
    ///
    /// # Safety
    ///
    /// Both tasks run in one context that never preempts itself (see
    /// [`OneContext::get`]).
    pub unsafe fn noop() -> (&'static Ch<NoopRawMutex>, &'static Ch<NoopRawMutex>) {
        // SAFETY: forwarded to the caller.
        unsafe { (NOOP_PING.get(), NOOP_PONG.get()) }
    }

    /// Sends a request, awaits the reply, [`ROUNDS`] times; ends the run.
    pub async fn ping<M: RawMutex>(to: &Ch<M>, back: &Ch<M>) -> Infallible {
        let mut v = 0;
        for _ in 0..ROUNDS {
            mark!(5, "^P");
            to.send(v).await;
            v = back.receive().await;
        }
        done()
    }

    /// Answers every request with its value plus one.
    pub async fn pong<M: RawMutex>(from: &Ch<M>, to: &Ch<M>) -> Infallible {
        loop {
            let v = from.receive().await;
            mark!(6, "Q");
            to.send(v.wrapping_add(1)).await;
        }
    }
}

/// `signal`: one task signals an embassy-sync `Signal` that the other
/// awaits, and awaits the other's answer on a second `Signal`. `W` (cycle
/// start, right before `signal`) to `S` (first instruction after the
/// other's `await`) is one wake from a task to a blocked task; `S->W` is the
/// same path back.
pub mod signal {
    use super::*;

    /// Signalled by [`signaller`], awaited by [`waiter`].
    pub static GO: Signal<Mutex, u32> = Signal::new();
    /// The answer.
    pub static ACK: Signal<Mutex, u32> = Signal::new();

    /// Signals, awaits the answer, [`ROUNDS`] times; ends the run.
    pub async fn signaller() -> Infallible {
        let mut v = 0;
        for _ in 0..ROUNDS {
            mark!(7, "^W");
            GO.signal(v);
            v = ACK.wait().await;
        }
        done()
    }

    /// Awaits a signal and answers it.
    pub async fn waiter() -> Infallible {
        loop {
            let v = GO.wait().await;
            mark!(8, "S");
            ACK.signal(v.wrapping_add(1));
        }
    }
}

/// `irq-wake`: an interrupt handler (SysTick) signals a `Signal` that a
/// task awaits while its executor has nothing else to do.
///
/// [`waiter`](irq::waiter) arms SysTick to fire [`TICKS`](irq::TICKS)
/// reference-clock ticks later, spends `round % 32` extra instructions
/// ([`skew`](irq::skew)) and awaits [`IRQ`](irq::IRQ); the executor goes
/// idle. [`on_irq`](irq::on_irq), called by the system's SysTick handler,
/// stops the timer, marks `@irq->task` and signals. The task's first
/// instruction after the `await` is marked `/task`. Run under QEMU's
/// `-icount`, the timer fires after an exact number of instructions, so
/// every run is the same; the skew makes the interrupt land on each of 32
/// consecutive positions of an executor's idle loop in turn (an executor
/// that sleeps with `wfi` halts there and is not affected; QEMU executes
/// `wfe` as a no-op, so an executor that sleeps with `wfe` spins).
pub mod irq {
    use super::*;
    use cortex_m::peripheral::SYST;

    /// Rounds of `irq-wake`: two sweeps over the 32 skews.
    pub const ROUNDS: u32 = 64;
    /// SysTick reload, in reference-clock ticks (QEMU lm3s6965evb at
    /// `-icount shift=0`: the interrupt comes about 250 instructions after
    /// [`arm`], when every system is idle).
    pub const TICKS: u32 = 2;

    /// Signalled by the handler.
    pub static IRQ: Signal<Mutex, u32> = Signal::new();

    /// Starts SysTick (reference clock, interrupt on) to fire in
    /// [`TICKS`] ticks.
    #[inline(never)]
    pub fn arm() {
        // SAFETY: SysTick's registers are only written here (Thread mode,
        // one task) and by `on_irq` while the timer is running, never both
        // at once: the handler runs only after `arm` returned.
        unsafe {
            let syst = &*SYST::PTR;
            syst.rvr.write(TICKS);
            syst.cvr.write(0);
            syst.csr.write(0b011); // reference clock, TICKINT, ENABLE
        }
    }

    /// Executes `4 + n` instructions (`n` < 32 in practice): shifts where in
    /// the executor's idle loop the interrupt lands.
    #[inline(never)]
    pub fn skew(n: u32) {
        // SAFETY: register-only arithmetic and local branches; the scratch
        // registers are declared as clobbered.
        unsafe {
            core::arch::asm!(
                "tst {n}, #1",
                "beq 1f",
                "nop",
                "1:",
                "lsrs {m}, {n}, #1",
                "beq 3f",
                "2:",
                "subs {m}, #1",
                "bne 2b",
                "3:",
                n = in(reg) n,
                m = out(reg) _,
                options(nomem, nostack)
            )
        }
    }

    /// Arms the timer and awaits the handler's signal, [`ROUNDS`] times;
    /// ends the run.
    pub async fn waiter() -> Infallible {
        for round in 0..ROUNDS {
            arm();
            skew(round % 32);
            IRQ.wait().await;
            mark!(9, "/task");
        }
        done()
    }

    /// The body of every system's SysTick handler.
    #[inline(always)]
    pub fn on_irq() {
        // SAFETY: stops the timer `arm` started (see `arm`).
        unsafe { (*SYST::PTR).csr.write(0) };
        mark!(8, "@irq->task");
        IRQ.signal(0);
    }
}

/// `fanout`: a leader wakes `n` blocked workers and awaits all of them.
///
/// Markers: `L` (cycle start; the leader, before it signals), `W` (a
/// worker's first instruction after its `await`; one body for all). `L->W`
/// is the first wake, `W->W` worker to worker, `W->L` the last worker back
/// to the leader, a cycle one round.
pub mod fanout {
    use super::*;
    use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    /// The largest `n`.
    pub const MAX: usize = 100;
    /// Rounds of `fanout`.
    pub const ROUNDS: u32 = 50;

    static GO: [Signal<Mutex, ()>; MAX] = [const { Signal::new() }; MAX];
    static BACK: Signal<Mutex, ()> = Signal::new();
    /// Workers of this round still to run (one context: a load and a store).
    static LEFT: AtomicUsize = AtomicUsize::new(0);

    /// Wakes workers `0..n`, awaits the last one, [`ROUNDS`] times; ends the
    /// run.
    pub async fn leader(n: usize) -> Infallible {
        for _ in 0..ROUNDS {
            mark!(0, "^L");
            LEFT.store(n, Relaxed);
            for s in &GO[..n] {
                s.signal(());
            }
            BACK.wait().await;
        }
        done()
    }

    /// Worker `i`: awaits its signal; the last of a round wakes the leader.
    pub async fn worker(i: usize) -> Infallible {
        loop {
            GO[i].wait().await;
            mark!(1, "W");
            let left = LEFT.load(Relaxed) - 1;
            LEFT.store(left, Relaxed);
            if left == 0 {
                BACK.signal(());
            }
        }
    }
}

/// `spawn`: a task spawns a trivial task and yields until it has run; the
/// trivial task runs to completion; the spawner runs again. `S` (cycle
/// start) is right before the spawn, `X` the trivial task's first
/// instruction: `S->X` is spawn to first instruction, `X->S` completion back
/// to the spawner. An executor that polls the spawner again before the new
/// task pays for that extra poll (and `S->X` covers it).
pub mod spawn {
    use super::*;
    use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

    /// Set by the trivial task.
    static RAN: AtomicBool = AtomicBool::new(false);

    /// Calls `spawn` and yields until the spawned task ran, [`ROUNDS`]
    /// times; ends the run.
    pub async fn spawner(mut spawn: impl FnMut()) -> Infallible {
        for _ in 0..ROUNDS {
            mark!(0, "^S");
            RAN.store(false, Relaxed);
            spawn();
            while !RAN.load(Relaxed) {
                yield_once().await;
            }
        }
        done()
    }

    /// The trivial task.
    pub async fn trivial() {
        mark!(1, "X");
        RAN.store(true, Relaxed);
    }
}

/// `timer1`, `timer32`, `timer-worst`: tasks that wait for time (issue #13).
///
/// Every system passes its own way of building a timer future: `sleep(d)`
/// (a deadline `d` ticks from now: embassy-time's `Timer::after_ticks`,
/// RTIC's `Mono::delay_until(Mono::now() + d)`) and `until(t)` (tick `t`
/// since the driver started: `Timer::at`, `Mono::delay_until`). The bodies,
/// the deadlines and the markers are these, for every system.
///
/// Markers: `%time` (`start_window`, right after the driver starts)
/// opens the measured window (and the masked-section rows);
/// `@timer-schedule` (the sleeper, right before its `sleep(1).await`; it
/// also ends `timer-wake`) and `/suspended` (in [`Suspends`], as soon as
/// the timer future returned `Pending`). The
/// systems' `SysTick` handlers start with `@timer-wake` (`timer1`,
/// `timer32`: only when [`take_sleeping`] says the sleeper is suspended)
/// or `=tick` … `/tick-end` (`timer-worst`).
///
/// Why the condition: RTIC's `Delay` pends SysTick when its timer becomes
/// the head of the queue, so with RTIC the handler also runs *inside* the
/// schedule; that run belongs to `timer-schedule`, not to a wake. Every
/// system's handler makes the same check (three instructions before the
/// marker, not counted in any row).
pub mod timer {
    use super::*;
    use core::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};

    /// Rounds of the sleeper: each one sleeps one tick.
    pub const ROUNDS: u32 = 50;
    /// Timers parked far in the future next to the sleeper in `timer32`.
    pub const PARKED: u32 = 31;
    /// Tasks of `timer-worst`; the first [`AT_ONCE`] expire in one tick.
    pub const WORST: u32 = 32;
    /// Timers of `timer-worst` that expire in the same tick.
    pub const AT_ONCE: u32 = 8;
    /// Ticks to a parked timer's deadline (never reached in a run).
    pub const FAR: u32 = 1_000_000;

    /// Wraps a timer future: marks `/suspended` when it returns `Pending`,
    /// i.e. right after the schedule, before the task hands the core back
    /// to its executor.
    #[must_use = "futures do nothing unless awaited"]
    pub struct Suspends<F>(pub F);

    impl<F: Future> Future for Suspends<F> {
        type Output = F::Output;

        #[inline(always)]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            // SAFETY: structural pinning of the only field: `Suspends` never
            // moves it out and has no `Drop` or `Unpin` of its own.
            let inner = unsafe { self.map_unchecked_mut(|s| &mut s.0) };
            let r = inner.poll(cx);
            if r.is_pending() {
                mark!(8, "/suspended");
                SLEEPING.store(true, Relaxed);
            }
            r
        }
    }

    /// Set when the sleeper has suspended on its timer, cleared by the
    /// first `SysTick` after it (see [`take_sleeping`]).
    static SLEEPING: AtomicBool = AtomicBool::new(false);

    /// For the `SysTick` handlers of `timer1` / `timer32`: whether the
    /// sleeper suspended since the last call (then this tick is the one
    /// that wakes it: mark `@timer-wake`).
    #[inline(always)]
    pub fn take_sleeping() -> bool {
        let s = SLEEPING.load(Relaxed);
        if s {
            SLEEPING.store(false, Relaxed);
        }
        s
    }

    /// Opens the measured window: every system calls it right after
    /// starting its time driver, before it spawns a task, so the window
    /// holds every schedule of every scenario whatever order the tasks
    /// first run in.
    #[inline(always)]
    pub fn start_window() {
        mark!(5, "%time");
    }

    /// The measured task of `timer1` and `timer32`: [`ROUNDS`] times,
    /// sleeps one tick (the next tick wakes it); ends the run.
    pub async fn sleeper<F: Future<Output = ()>>(sleep: impl Fn(u32) -> F) -> Infallible {
        for _ in 0..ROUNDS {
            mark!(6, "@timer-schedule");
            Suspends(sleep(1)).await;
        }
        done()
    }

    /// A parked timer of `timer32`: task `i` waits for tick
    /// [`FAR`]` + i`, which never comes during a run.
    pub async fn parked<F: Future<Output = ()>>(i: u32, until: impl Fn(u32) -> F) -> Infallible {
        loop {
            until(FAR + i).await;
        }
    }

    /// Timers of `timer-worst` that fired.
    pub static FIRED: AtomicU32 = AtomicU32::new(0);

    /// Task `i` of `timer-worst` (`i < WORST`): waits for tick 10 (the
    /// first [`AT_ONCE`]: they expire together) or `10 + i` (one tick
    /// apart), then counts itself; the last one ends the run.
    pub async fn worst<F: Future<Output = ()>>(i: u32, until: impl Fn(u32) -> F) -> Infallible {
        until(if i < AT_ONCE { 10 } else { 10 + i }).await;
        if FIRED.fetch_add(1, Relaxed) + 1 == WORST {
            done()
        }
        core::future::pending().await
    }
}
