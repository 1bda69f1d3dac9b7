extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, executor = X)]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
}
