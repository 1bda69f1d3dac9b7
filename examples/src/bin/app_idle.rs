//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! `#[idle]` runs async code on the thread-mode executor while interrupts
//! preempt it: the app names its executor (`executor = X`) and idle's context
//! carries the executor and allocator handles. `block_on`'s task waits for
//! readings; a spawned task pends a hardware task (priority 1), which preempts
//! idle at once and wakes the waiting task through an `embassy-sync` `Channel`
//! (a standard `Waker`); when the spawned task yields, the woken one runs.
#![no_std]
#![no_main]

use embassy_sync::{blocking_mutex::raw::CriticalSectionRawMutex, channel::Channel};
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 1024)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// Readings from the interrupt handler to idle's task.
static READINGS: Channel<CriticalSectionRawMutex, u32, 4> = Channel::new();

#[lull::app(device = lull_examples::device, executor = X)]
mod app {
    use crate::READINGS;
    use lull::executor::yield_now;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init");
        (Shared {}, Local {})
    }

    #[idle]
    fn idle(cx: idle::Context) -> ! {
        let x = cx.executor;
        println!("idle: {:?} on {:?}", x, cx.allocator);
        x.spawn(async {
            for round in 1..=3 {
                println!("  background: pend the sensor ({})", round);
                lull::app::pend(Interrupt::SWI0);
                println!("  background: yield");
                yield_now().await;
            }
        });
        let total = x.block_on(async {
            let mut total = 0;
            for _ in 0..3 {
                println!("main: wait for a reading");
                let v = READINGS.receive().await;
                println!("main: got {}", v);
                total += v;
            }
            total
        });
        println!("idle: total {}", total);
        exit(0)
    }

    #[task(binds = SWI0, priority = 1, local = [n: u32 = 0])]
    fn sensor(cx: sensor::Context) {
        *cx.local.n += 10;
        println!("    sensor interrupt: reading {}", cx.local.n);
        // The channel holds all three readings.
        if READINGS.try_send(*cx.local.n).is_err() {
            println!("    sensor interrupt: reading dropped");
        }
    }
}
