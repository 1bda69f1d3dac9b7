extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        x: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { x: 0 }, Local {})
    }
    #[task(binds = GPIOA, shared = [x])]
    fn a(mut cx: a::Context) {
        let r: &mut u32 = cx.shared.x.lock(|x| x);
        *r += 1;
    }
    #[task(binds = GPIOB, priority = 2, shared = [x])]
    fn b(_: b::Context) {}
}