extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
    #[task(priority = 1)]
    fn a(_: a::Context) {}
    #[task(binds = SSI0, priority = 2)]
    fn b(_: b::Context) {}
}