//! `sw` on Lull: software tasks `a` and `b` at priority 2, `c` at priority
//! 1, all spawned from `init` (the layout of `bench/rtic/src/bin/sw.rs`).
//! A->B switches between software tasks of one dispatcher; B->C goes from
//! the priority-2 dispatcher to the priority-1 one.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965, dispatchers = [SSI0, QEI0])]
mod app {
    use bench_lull::{done, mark};

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
    fn a(_: a::Context) {
        mark!(0, "A");
    }

    #[task(priority = 2)]
    fn b(_: b::Context) {
        mark!(1, "B");
    }

    #[task(priority = 1)]
    fn c(_: c::Context) {
        mark!(2, "C");
        done()
    }
}
