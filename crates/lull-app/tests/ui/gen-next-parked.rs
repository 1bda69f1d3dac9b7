// The future `next()` returns takes the task's argument slot, which only the
// task's own priority may touch: it cannot be parked in a resource that
// another task polls.
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    #[shared]
    struct Shared {
        parked: Option<sum::Next>,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { parked: None }, Local {})
    }
    #[task(priority = 1, resume = u32, shared = [parked])]
    fn sum(mut cx: sum::Context) -> impl Future<Output = Infallible> {
        async move {
            let next = cx.trigger.next();
            cx.shared.parked.lock(|p| *p = Some(next));
            loop {
                let _ = cx.next().await;
            }
        }
    }
    #[task(binds = GPIOA, priority = 2, shared = [parked])]
    fn gpioa(mut cx: gpioa::Context) {
        cx.shared.parked.lock(|p| drop(p.take()));
    }
}
