//! `hw` on RTIC 2: hardware tasks `a` (GPIOA) and `b` (GPIOB) at priority 2,
//! `c` (GPIOC) at priority 1, all pended from `init`. When `init` returns the
//! NVIC runs them in priority order (a before b: lower IRQ number first), so
//! A->B and B->C are exception tail-chains with the handler prologues.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965)]
mod app {
    use bench_marker::{done, mark};
    use lm3s6965::Interrupt;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        rtic::pend(Interrupt::GPIOA);
        rtic::pend(Interrupt::GPIOB);
        rtic::pend(Interrupt::GPIOC);
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
