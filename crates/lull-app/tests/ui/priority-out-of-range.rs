extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
    // lm3s6965 has 3 priority bits: priorities 1..=8.
    #[task(binds = GPIOA, priority = 9)]
    fn a(_: a::Context) {}
}