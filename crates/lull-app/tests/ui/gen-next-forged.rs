// Another task cannot make a generator task's `next()` future itself.
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
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
    #[task(priority = 1, resume = u32)]
    fn sum(cx: sum::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                let _ = cx.next().await;
            }
        }
    }
    #[task(binds = GPIOA, priority = 2)]
    fn gpioa(_: gpioa::Context) {
        let _stolen = sum::Next::new();
    }
}
