// Core exceptions a task cannot bind: each error says why and what to do.
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [PendSV], monotonic = lull::monotonic::SysTick)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
    #[task(binds = HardFault, priority = 1)]
    fn fault(_: fault::Context) {}
    #[task(binds = SVCall, priority = 1)]
    fn svc(_: svc::Context) {}
    #[task(binds = BusFault, priority = 1)]
    fn bus(_: bus::Context) {}
    #[task(binds = SysTick, priority = 1)]
    fn tick(_: tick::Context) {}
    #[task(binds = PendSV, priority = 2)]
    fn pend(cx: pend::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                cx.next().await;
            }
        }
    }
}
