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
    #[task(binds = GPIOA, priority = 1)]
    fn button(_: button::Context) {}
    #[task(binds = GPIOB, priority = 1)]
    fn button(_: button::Context) {}
}
