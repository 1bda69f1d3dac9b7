//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! qemu: -icount shift=0,sleep=off
//! timeout: 60
//!
//! Stress: 8 thread-mode tasks (spawned from `#[idle]`) and a hardware
//! generator task (an interrupt at priority 2) each await 60 timers with
//! pseudo-random deadlines 0–3 ms ahead (`Timer::at`), 540 timers in all.
//! Every timer fires exactly once, none early, each at the first tick of its
//! deadline (0 ticks late), and in deadline order within each context
//! (Thread mode sees the deadlines of all 8 tasks' wakes in non-decreasing
//! order, because the tick handler pops them in order and the executor runs
//! woken tasks in wake order). At the end the timer queue is empty and the
//! thread-mode heap is back where it started. `tick-hz-10_000`; QEMU's
//! virtual clock (`-icount shift=0,sleep=off`).
#![no_std]
#![no_main]

use core::cell::Cell;
use core::sync::atomic::AtomicU32;
use embassy_time::{Duration, Instant};
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

const TASKS: u32 = 8;
const PER_TASK: u32 = 60;

/// The hardware task's results (it is their only writer).
static HW_FIRED: AtomicU32 = AtomicU32::new(0);
static HW_BAD: AtomicU32 = AtomicU32::new(0);

#[cortex_m_rt::exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}

/// xorshift32.
fn rng(s: &mut u32) -> u32 {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    *s
}

/// A deadline 0–3 ms from now.
fn random_deadline(s: &mut u32) -> Instant {
    Instant::now() + Duration::from_micros(u64::from(rng(s) % 3_000))
}

/// What Thread mode saw (only Thread mode touches it).
#[derive(Default)]
struct Log {
    fired: Cell<u32>,
    /// The deadline of the latest wake, in ticks.
    last: Cell<u64>,
    out_of_order: Cell<u32>,
    early: Cell<u32>,
    latest: Cell<u64>,
    max_pending: Cell<usize>,
}

impl Log {
    fn record(&self, deadline: Instant) {
        let now = Instant::now();
        self.fired.set(self.fired.get() + 1);
        if now < deadline {
            self.early.set(self.early.get() + 1);
        } else {
            self.latest
                .set(self.latest.get().max((now - deadline).as_ticks()));
        }
        if deadline.as_ticks() < self.last.get() {
            self.out_of_order.set(self.out_of_order.get() + 1);
        }
        self.last.set(deadline.as_ticks());
        self.max_pending
            .set(self.max_pending.get().max(lull::time::pending()));
    }
}

#[lull::app(device = lull_examples::device, executor = crate::X)]
mod app {
    use crate::{HW_BAD, HW_FIRED, Log, PER_TASK, TASKS, random_deadline};
    use core::convert::Infallible;
    use core::future::Future;
    use core::sync::atomic::Ordering;
    use embassy_time::{Instant, Timer};
    use lull::alloc::{Rc, ThreadModeAllocator};
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

    /// 60 timers in handler mode, checked as Thread mode's are.
    #[task(binds = SWI0, priority = 2)]
    fn ticker(cx: ticker::Context) -> impl Future<Output = Infallible> {
        async move {
            cx.next().await; // started by idle
            let mut seed = 0xC0FF_EE11;
            let mut last = 0;
            for _ in 0..PER_TASK {
                let deadline = random_deadline(&mut seed);
                Timer::at(deadline).await;
                let now = Instant::now();
                let bad = now < deadline
                    || now.as_ticks() != deadline.as_ticks()
                    || deadline.as_ticks() < last;
                last = deadline.as_ticks();
                if bad {
                    HW_BAD.store(HW_BAD.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                }
                HW_FIRED.store(HW_FIRED.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
            }
            loop {
                cx.next().await;
            }
        }
    }

    #[idle]
    fn idle(cx: idle::Context) -> ! {
        let (x, a) = (cx.executor, cx.allocator);
        let heap = a.statistics();
        let log = Rc::new_in(Log::default(), a);
        lull::app::pend(Interrupt::SWI0);
        let tasks = x.block_on(async {
            let mut handles = [const { None }; TASKS as usize];
            for (i, h) in handles.iter_mut().enumerate() {
                let log = log.clone();
                *h = Some(x.spawn(async move {
                    let mut seed = 0x1234_5678 ^ (i as u32 + 1).wrapping_mul(0x9E37_79B9);
                    for _ in 0..PER_TASK {
                        let deadline = random_deadline(&mut seed);
                        Timer::at(deadline).await;
                        log.record(deadline);
                    }
                }));
            }
            for h in &mut handles {
                h.take().unwrap().await;
            }
            while HW_FIRED.load(Ordering::Relaxed) < PER_TASK {
                Timer::after_millis(1).await;
            }
            TASKS
        });
        let (hw_fired, hw_bad) = (
            HW_FIRED.load(Ordering::Relaxed),
            HW_BAD.load(Ordering::Relaxed),
        );
        let expected = tasks * PER_TASK;
        println!(
            "thread mode: {} of {} timers fired, {} early, {} out of order, latest +{} ticks",
            log.fired.get(),
            expected,
            log.early.get(),
            log.out_of_order.get(),
            log.latest.get()
        );
        println!(
            "handler mode: {} of {} timers fired, {} wrong",
            hw_fired, PER_TASK, hw_bad
        );
        println!("most wakers waiting at once: {}", log.max_pending.get());
        println!("timers pending: {}", lull::time::pending());
        let ok = log.fired.get() == expected
            && log.early.get() == 0
            && log.out_of_order.get() == 0
            && log.latest.get() == 0
            && hw_fired == PER_TASK
            && hw_bad == 0
            && lull::time::pending() == 0;
        drop(log);
        println!("tasks alive: {}", x.live_tasks());
        let heap_ok = a.statistics() == heap;
        println!("heap back to start: {}", heap_ok);
        exit(if ok && heap_ok { 0 } else { 1 })
    }
}
