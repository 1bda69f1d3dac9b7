//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Generator tasks locking a resource shared with a plain task of another
//! priority. `low` (generator, priority 1) locks `count`, shared with the
//! plain task `mid` (priority 2): `mid`, pended inside the lock, waits for the
//! unlock. `top` (generator, priority 3) is `count`'s highest-priority user:
//! its `lock` touches no register, yet is still a closure, so no `&mut`
//! survives its suspension points.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        count: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::SWI0);
        (Shared { count: 0 }, Local {})
    }

    #[task(binds = SWI0, priority = 1, shared = [count])]
    fn low(mut cx: low::Context) -> impl Future<Output = Infallible> {
        async move {
            let mut round = 0;
            loop {
                cx.next().await;
                round += 1;
                cx.shared.count.lock(|count| {
                    *count += 1;
                    println!("low {}: locked, count = {}", round, *count);
                    lull::app::pend(Interrupt::SWI1);
                    lull::app::pend(Interrupt::SWI2);
                    println!("low {}: mid waits, top ran", round);
                });
                println!("low {}: unlocked", round);
                if round == 2 {
                    exit(0)
                }
                lull::app::pend(Interrupt::SWI0);
            }
        }
    }

    #[task(binds = SWI1, priority = 2, shared = [count])]
    fn mid(mut cx: mid::Context) {
        cx.shared.count.lock(|count| {
            *count += 10;
            println!("  mid: count = {}", *count);
        });
    }

    #[task(binds = SWI2, priority = 3, shared = [count])]
    fn top(mut cx: top::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
                let seen = cx.shared.count.lock(|count| {
                    *count += 100;
                    *count
                });
                println!("    top: count = {}", seen);
            }
        }
    }
}
