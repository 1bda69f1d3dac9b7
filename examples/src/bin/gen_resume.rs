//! boards: lm3s6965evb
//! qemu: -icount shift=0
//!
//! Spawn inputs as resumption arguments, and the `started` baseline. `sum`
//! is a software generator task whose input (`resume = u32`) is the value of
//! its `cx.next().await`. The app's monotonic timer is SysTick counting core
//! cycles; QEMU's `-icount` makes them instruction counts, so the printed
//! tick differences are deterministic. The first is counted from the
//! task's construction (`started()` in the constructor). (lm3s6965evb only: the nRF51 of the
//! microbit has no SysTick.)
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device, dispatchers = [SWI4], monotonic = lull::app::monotonic::SysTick)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    use lull::app::monotonic::SysTick;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(mut cx: init::Context) -> (Shared, Local) {
        SysTick::start(&mut cx.core.SYST);
        // Queued before interrupts are enabled: delivered in order.
        for x in [1, 2, 3] {
            sum::spawn(x).unwrap();
        }
        println!("spawn 4 (queue full): {:?}", sum::spawn(4));
        (Shared {}, Local {})
    }

    #[task(priority = 1, capacity = 3, resume = u32)]
    fn sum(cx: sum::Context) -> impl Future<Output = Infallible> {
        // `started()` is valid in the constructor too: the instant the
        // task was built (before its first trigger).
        let built = cx.started();
        async move {
            let mut total = 0;
            let mut last = built;
            loop {
                let x = cx.next().await;
                total += x;
                let now = cx.started();
                println!("input {}: total {} (+{} ticks)", x, total, now.since(last));
                last = now;
                if total == 6 {
                    exit(0)
                }
            }
        }
    }
}
