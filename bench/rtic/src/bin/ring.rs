//! `ring` on RTIC 2: three async software tasks at one priority, each
//! `loop { marker; yield once }`. The yield wakes its own task and returns
//! `Pending` once, so every switch goes through RTIC's dispatcher.
#![no_std]
#![no_main]

use bench_marker as _;

#[path = "../yield_now.rs"]
mod yield_now;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use crate::yield_now::yield_now;
    use bench_marker::{done, mark};

    const ROUNDS: u32 = 100;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        a::spawn().ok();
        b::spawn().ok();
        c::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn a(_: a::Context) {
        for _ in 0..ROUNDS {
            mark!(0, "A");
            yield_now().await;
        }
        done()
    }

    #[task(priority = 1)]
    async fn b(_: b::Context) {
        loop {
            mark!(1, "B");
            yield_now().await;
        }
    }

    #[task(priority = 1)]
    async fn c(_: c::Context) {
        loop {
            mark!(2, "C");
            yield_now().await;
        }
    }
}
