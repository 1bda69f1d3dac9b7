//! `gen-sw` on Lull: the `sw` layout with software *generator* tasks: `a`
//! and `b` at priority 2, `c` at priority 1, spawned from `init`. A->B:
//! resumption of the next state machine on the same dispatcher; B->C: to
//! the lower-priority dispatcher.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965, dispatchers = [SSI0, QEI0])]
mod app {
    use bench_lull::{done, mark};
    use core::convert::Infallible;
    use core::future::Future;

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
    fn a(cx: a::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
                mark!(0, "A");
            }
        }
    }

    #[task(priority = 2)]
    fn b(cx: b::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
                mark!(1, "B");
            }
        }
    }

    #[task(priority = 1)]
    fn c(cx: c::Context) -> impl Future<Output = Infallible> {
        async move {
            cx.next().await;
            mark!(2, "C");
            done()
        }
    }
}
