// A resource the task did not list: the error lists the task's resources
// and nothing generated.
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {
        a: u32,
        b: u32,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { a: 0, b: 0 }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [a])]
    fn x(mut cx: x::Context) {
        cx.shared.b.lock(|b| *b += 1);
    }
    #[task(binds = GPIOB, priority = 2, shared = [a, b])]
    fn y(mut cx: y::Context) {
        (&mut cx.shared.a, &mut cx.shared.b).lock(|a, b| *a += *b);
    }
}
