//! `hw` on Lull: hardware tasks `a` (GPIOA) and `b` (GPIOB) at priority 2,
//! `c` (GPIOC) at priority 1, all pended from `init` (the same layout as
//! `bench/rtic/src/bin/hw.rs`). A->B and B->C are exception tail-chains
//! through the handlers' prologues and epilogues.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965)]
mod app {
    use bench_lull::{done, mark};
    use lm3s6965::Interrupt;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::GPIOA);
        lull::app::pend(Interrupt::GPIOB);
        lull::app::pend(Interrupt::GPIOC);
        (Shared {}, Local {})
    }

    #[task(binds = GPIOA, priority = 2)]
    fn a(_: a::Context) {
        mark!(0, "A");
    }

    #[task(binds = GPIOB, priority = 2)]
    fn b(_: b::Context) {
        mark!(1, "B");
    }

    #[task(binds = GPIOC, priority = 1)]
    fn c(_: c::Context) {
        mark!(2, "C");
        done()
    }
}
