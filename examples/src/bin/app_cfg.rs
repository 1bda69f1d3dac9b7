//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! `#[cfg]` on tasks, resource fields and the entries of a task's lists.
//! The examples are built in release, so `debug_assertions` is off: the
//! `trace` resource and the `checker` task do not exist, and `counter`'s
//! ceiling is that of the tasks that remain (2, not the configured-out
//! checker's 3). In a debug build the same program also runs `checker`.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        counter: u32,
        #[cfg(debug_assertions)]
        trace: [u32; 4],
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init (debug_assertions: {})", cfg!(debug_assertions));
        lull::app::pend(Interrupt::SWI0);
        (
            Shared {
                counter: 0,
                #[cfg(debug_assertions)]
                trace: [0; 4],
            },
            Local {},
        )
    }

    #[task(binds = SWI0, priority = 1, shared = [counter, #[cfg(debug_assertions)] trace])]
    fn low(mut cx: low::Context) {
        cx.shared.counter.lock(|c| {
            *c += 1;
            // In release `high` preempts at once: the ceiling is 2. In a
            // debug build `checker` (priority 3) raises it to 3: `high` waits.
            lull::app::pend(Interrupt::SWI1);
            println!("low: counter = {} under the lock", *c);
        });
        #[cfg(debug_assertions)]
        cx.shared.trace.lock(|t| t[0] += 1);
        #[cfg(debug_assertions)]
        lull::app::pend(Interrupt::SWI2);
        println!("low: done");
        exit(0)
    }

    #[task(binds = SWI1, priority = 3)]
    fn high(_: high::Context) {
        println!("high: preempted low's lock");
    }

    #[task(binds = SWI2, priority = 2, shared = [counter])]
    fn mid(mut cx: mid::Context) {
        cx.shared.counter.lock(|c| *c += 1);
    }

    #[cfg(debug_assertions)]
    #[task(binds = SWI3, priority = 3, shared = [counter, trace])]
    fn checker(mut cx: checker::Context) {
        let n = cx.shared.counter.lock(|c| *c);
        cx.shared.trace.lock(|t| t[1] = n);
    }
}
