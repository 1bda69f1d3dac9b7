extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        #[lock_free]
        count: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { count: 0 }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [count])]
    fn a(_: a::Context) {}
    #[task(binds = GPIOB, priority = 2, shared = [count])]
    fn b(_: b::Context) {}
}