// `#[lock_free]` resources stay at one priority level, but that level is a
// handler's: a `Box` on the thread-mode heap must not reach it.
extern crate lull_app as lull;

#[lull_alloc::allocator]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(1024);

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    use super::A;
    use lull_alloc::Box;
    #[shared]
    struct Shared {
        #[lock_free]
        boxed: Box<u32, A>,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { boxed: Box::new_in(1, A::get().unwrap()) }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [boxed])]
    fn gpioa(cx: gpioa::Context) {
        **cx.shared.boxed += 1;
    }
}
