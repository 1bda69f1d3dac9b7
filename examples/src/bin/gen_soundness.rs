//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Attacks two promises of generator tasks at run time.
//!
//! 1. A generator task's constructor and its first poll run in handler mode
//!    (`main` builds generator tasks inside `SVCall`), exactly like every
//!    later resumption by its interrupt: a thread-mode allocator's `A::get()`
//!    is `None` there, so no thread-mode handle can be captured into the
//!    state machine and reach the handler.
//! 2. A hardware generator task's `next()` means "the interrupt fired": a
//!    wake of its own waker (here an embassy-sync `Signal` the task awaits
//!    between two events, then a stale wake while it waits in `next()`)
//!    pends its interrupt too, but completes no `next()`. Four events are
//!    pended; exactly four are counted.
#![no_std]
#![no_main]

use embassy_sync::blocking_mutex::raw::CriticalSectionRawMutex;
use embassy_sync::signal::Signal;
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 256)]
static A: Tlsf = Tlsf::new();

static CALIBRATED: Signal<CriticalSectionRawMutex, u32> = Signal::new();
/// A clone of `sensor`'s waker, kept for a stale wake.
static STALE: Signal<CriticalSectionRawMutex, core::task::Waker> = Signal::new();

#[lull::app(device = lull_examples::device, dispatchers = [SWI4])]
mod app {
    use super::{A, CALIBRATED, STALE};
    use core::convert::Infallible;
    use core::future::Future;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!(
            "init: A::get() is {}",
            if A::get().is_some() { "Some" } else { "None" }
        );
        driver::spawn().unwrap();
        (Shared {}, Local {})
    }

    /// The "hardware": pends `sensor`'s interrupt, and wakes it.
    #[task(priority = 1)]
    fn driver(_: driver::Context) {
        for _ in 0..2 {
            println!("driver: event");
            lull::app::pend(Interrupt::SWI0);
        }
        println!("driver: signal");
        CALIBRATED.signal(7);
        println!("driver: event");
        lull::app::pend(Interrupt::SWI0);
        println!("driver: stale wake");
        STALE.try_take().unwrap().wake();
        println!("driver: event");
        lull::app::pend(Interrupt::SWI0);
        exit(0);
    }

    #[task(binds = SWI0, priority = 2)]
    fn sensor(cx: sensor::Context) -> impl Future<Output = Infallible> {
        println!(
            "sensor: built, A::get() is {}",
            if A::get().is_some() { "Some" } else { "None" }
        );
        async move {
            let mut events = 0;
            loop {
                cx.next().await;
                events += 1;
                println!("sensor: event {}", events);
                if events == 2 {
                    // A future woken by another task: its wake pends
                    // this interrupt, but is not an event.
                    let c = CALIBRATED.wait().await;
                    println!("sensor: calibrated ({})", c);
                    // Keep a clone of our waker for the stale wake.
                    core::future::poll_fn(|w| {
                        STALE.signal(w.waker().clone());
                        core::task::Poll::Ready(())
                    })
                    .await;
                }
            }
        }
    }
}
