extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        counter: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { counter: 0 }, Local {})
    }
    #[task(binds = GPIOA, shared = [countr])]
    fn a(_: a::Context) {}
}