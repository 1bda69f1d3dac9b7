// A locked resource whose users all run at one priority gets a hint (a
// warning at its field) that `#[lock_free]` would do without `lock`.
#![deny(deprecated)]
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        count: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { count: 0 }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [count])]
    fn a(mut cx: a::Context) {
        cx.shared.count.lock(|c| *c += 1);
    }
    #[task(binds = GPIOB, priority = 1, shared = [count])]
    fn b(mut cx: b::Context) {
        cx.shared.count.lock(|c| *c += 1);
    }
}
