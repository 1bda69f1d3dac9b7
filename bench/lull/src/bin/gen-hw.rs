//! `gen-hw` on Lull: the `hw` layout with hardware *generator* tasks. `a`
//! (GPIOA) and `b` (GPIOB) at priority 2, `c` (GPIOC) at priority 1, all
//! pended from `init`; each handler resumes its state machine directly
//! (no dispatcher). A->B and B->C are tail-chains into resumptions.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965)]
mod app {
    use bench_lull::{done, mark};
    use core::convert::Infallible;
    use core::future::Future;
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
    fn a(cx: a::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
                mark!(0, "A");
            }
        }
    }

    #[task(binds = GPIOB, priority = 2)]
    fn b(cx: b::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
                mark!(1, "B");
            }
        }
    }

    #[task(binds = GPIOC, priority = 1)]
    fn c(cx: c::Context) -> impl Future<Output = Infallible> {
        async move {
            cx.next().await;
            mark!(2, "C");
            done()
        }
    }
}
