//! `gen-size` on Lull: bytes of static storage per generator task's state
//! machine (`<task>::STATE_BYTES`), printed as `metric bytes-<task> N`:
//!
//! - `tick`: a hardware generator task that only counts its triggers;
//! - `parser`: a frame parser with a `&'static mut` buffer, a resource proxy
//!   and a share-only proxy (zero-sized: they add nothing);
//! - `sum`: a software generator task taking a `u32` per resumption.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_lull::{done, metric};
    use core::convert::Infallible;
    use core::future::Future;

    #[shared]
    struct Shared {
        rx: u8,
        key: [u8; 16],
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        metric("bytes-tick", tick::STATE_BYTES as u32);
        metric("bytes-parser", parser::STATE_BYTES as u32);
        metric("bytes-sum", sum::STATE_BYTES as u32);
        done()
    }

    #[task(binds = GPIOA, priority = 1, local = [count: u32 = 0])]
    fn tick(cx: tick::Context) -> impl Future<Output = Infallible> {
        let count = cx.local.count;
        let trigger = cx.trigger;
        async move {
            loop {
                trigger.next().await;
                *count += 1;
            }
        }
    }

    #[task(binds = GPIOB, priority = 2, shared = [rx, &key], local = [frame: [u8; 8] = [0; 8]])]
    fn parser(cx: parser::Context) -> impl Future<Output = Infallible> {
        let parser::Context {
            shared,
            local,
            trigger,
        } = cx;
        let (mut rx, key) = (shared.rx, shared.key);
        async move {
            loop {
                trigger.next().await;
                let len = rx.lock(|r| *r) as usize % 8;
                for i in 0..len {
                    trigger.next().await;
                    local.frame[i] = rx.lock(|r| *r) ^ key[i];
                }
            }
        }
    }

    #[task(priority = 1, resume = u32, shared = [rx])]
    fn sum(mut cx: sum::Context) -> impl Future<Output = Infallible> {
        async move {
            let mut total = 0u32;
            loop {
                total = total.wrapping_add(cx.next().await);
                cx.shared.rx.lock(|r| *r = total as u8);
            }
        }
    }
}
