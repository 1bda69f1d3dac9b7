extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    #[shared]
    struct Shared {
        x: u32,
        key: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { x: 0, key: 1 }, Local {})
    }
    #[task(binds = GPIOB, priority = 2, shared = [x])]
    fn other(mut cx: other::Context) {
        cx.shared.x.lock(|x| *x += 1);
    }
    #[task(priority = 1, resume = u32)]
    fn g(cx: g::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                let s: &str = cx.next().await;
                let _ = s;
            }
        }
    }
}