//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Stress test: thousands of short tasks, each sleeping on a timer that a
//! periodic interrupt (SysTick) expires, waking the task from the handler.
//! The handler wakes outside any critical section. At the end every task
//! finished, every wake the handler issued was seen by its task (none
//! lost), and the allocator is back where it started.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use core::cell::RefCell;
use core::future::poll_fn;
use core::sync::atomic::{AtomicU32, Ordering};
use core::task::{Poll, Waker};

use cortex_m::interrupt::Mutex;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::exception;
use lull::alloc::ThreadModeAllocator;

#[lull::allocator(memory = 3072)]
static A: Tlsf = Tlsf::new();

const SLOTS: usize = 24;
lull::executor!(name = X, allocator = A, max_spawned_tasks = SLOTS);

const TASKS: u32 = 3000;

/// One timer per task slot.
type Timers = [Option<(u32, Waker)>; SLOTS];

/// Timers: (ticks left, waker). The handler decrements and wakes. The
/// counters are updated inside critical sections (ARMv6-M has no `fetch_add`).
static TIMERS: Mutex<RefCell<Timers>> = Mutex::new(RefCell::new([const { None }; SLOTS]));
static WAKES_SENT: AtomicU32 = AtomicU32::new(0);
static WAKES_SEEN: AtomicU32 = AtomicU32::new(0);

/// Sleeps `ticks` SysTick periods (slot `slot` of the timer table).
///
/// Cancel-safe: dropping it leaves a stale timer that wakes nobody useful.
async fn sleep(slot: usize, ticks: u32) {
    let mut armed = false;
    poll_fn(|cx| {
        cortex_m::interrupt::free(|cs| {
            let mut timers = TIMERS.borrow(cs).borrow_mut();
            if !armed {
                armed = true;
                timers[slot] = Some((ticks, cx.waker().clone()));
                Poll::Pending
            } else if timers[slot].is_none() {
                WAKES_SEEN.store(WAKES_SEEN.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                Poll::Ready(())
            } else {
                // Woken by something else: keep waiting.
                Poll::Pending
            }
        })
    })
    .await
}

#[entry]
fn main() -> ! {
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let before = a.statistics();

    let mut syst = cortex_m::Peripherals::take().unwrap().SYST;
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(4_000);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();

    let finished = x.block_on(async move {
        let mut spawned = 0u32;
        let mut handles: [Option<lull::executor::JoinHandle<u32>>; SLOTS] = [const { None }; SLOTS];
        let mut finished = 0u32;
        while finished < TASKS {
            for (slot, h) in handles.iter_mut().enumerate() {
                if h.as_ref().is_some_and(|h| h.is_finished()) {
                    finished += h.take().unwrap().await;
                }
                if h.is_none() && spawned < TASKS {
                    let ticks = 1 + spawned % 3;
                    *h = Some(x.spawn(async move {
                        sleep(slot, ticks).await;
                        sleep(slot, 1).await;
                        1
                    }));
                    spawned += 1;
                }
            }
            lull::executor::yield_now().await;
        }
        finished
    });
    syst.disable_interrupt();
    let (sent, seen) = (
        WAKES_SENT.load(Ordering::Relaxed),
        WAKES_SEEN.load(Ordering::Relaxed),
    );
    println!("tasks finished: {} of {}", finished, TASKS);
    println!("timer wakes: sent {}, seen {}", sent, seen);
    println!("tasks alive: {}", x.live_tasks());
    println!("allocator back to start: {}", a.statistics() == before);
    exit(
        if finished == TASKS && sent == seen && a.statistics() == before {
            0
        } else {
            1
        },
    )
}

#[exception]
fn SysTick() {
    // Expire the timers inside the critical section, but wake their tasks
    // after it, with interrupts enabled: the executor's wake path from a
    // handler (claim, inbox push, `sev`) must hold up without any masking
    // around it.
    let mut expired: [Option<Waker>; SLOTS] = [const { None }; SLOTS];
    cortex_m::interrupt::free(|cs| {
        for (timer, out) in TIMERS.borrow(cs).borrow_mut().iter_mut().zip(&mut expired) {
            if let Some((left, _)) = timer {
                *left -= 1;
                if *left == 0 {
                    let (_, waker) = timer.take().unwrap();
                    WAKES_SENT.store(WAKES_SENT.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                    *out = Some(waker);
                }
            }
        }
    });
    for waker in expired.into_iter().flatten() {
        waker.wake();
    }
}
