extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {
        buf: [u8; 4],
    }
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local { buf: [0; 4] })
    }
    #[task(binds = GPIOA, local = [buf])]
    fn a(_: a::Context) {}
    #[task(binds = GPIOB, local = [buf])]
    fn b(_: b::Context) {}
}