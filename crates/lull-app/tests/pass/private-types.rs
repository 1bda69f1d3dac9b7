// Resources of types private to the app module, and an allocator handle that
// only `idle` (thread mode) keeps: both compile, with no warning.
#![deny(warnings)]
extern crate lull_app as lull;

#[lull_alloc::allocator]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(1024);

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    use super::A;
    use lull_alloc::Vec;

    struct Counter(u32);

    #[shared]
    struct Shared {
        counter: Counter,
        log: Vec<u32, A>,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        let log = Vec::new_in(A::get().unwrap());
        (Shared { counter: Counter(0), log }, Local {})
    }
    #[idle(shared = [counter, log])]
    fn idle(mut cx: idle::Context) -> ! {
        let n = cx.shared.counter.lock(|c| c.0);
        cx.shared.log.lock(|l| l.push(n));
        loop {}
    }
    #[task(binds = GPIOA, priority = 1, shared = [counter])]
    fn gpioa(mut cx: gpioa::Context) {
        cx.shared.counter.lock(|c| c.0 += 1);
    }
}
