extern crate lull_app as lull;

fn main() {}

const HIGH: u8 = 2;

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
    #[task(binds = GPIOA, priority = super::HIGH)]
    fn gpioa(_: gpioa::Context) {}
}
