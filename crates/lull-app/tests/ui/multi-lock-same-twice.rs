// A multi-resource lock cannot name one resource twice (two `&mut` to it).
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        a: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { a: 0 }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [a])]
    fn x(mut cx: x::Context) {
        (&mut cx.shared.a, &mut cx.shared.a).lock(|a, b| *a += *b);
    }
    #[task(binds = GPIOB, priority = 2, shared = [a])]
    fn y(mut cx: y::Context) {
        cx.shared.a.lock(|a| *a += 1);
    }
}
