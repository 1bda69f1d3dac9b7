//! `sw` on RTIC 2: software tasks `a` and `b` at priority 2, `c` at priority
//! 1, all spawned from `init`. A->B is a switch between software tasks of the
//! same priority (same dispatcher), B->C one to a lower priority (the
//! priority-2 dispatcher returns, the priority-1 one runs).
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0, QEI0])]
mod app {
    use bench_marker::{done, mark};

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

    #[task(priority = 2)]
    async fn a(_: a::Context) {
        mark!(0, "A");
    }

    #[task(priority = 2)]
    async fn b(_: b::Context) {
        mark!(1, "B");
    }

    #[task(priority = 1)]
    async fn c(_: c::Context) {
        mark!(2, "C");
        done()
    }
}
