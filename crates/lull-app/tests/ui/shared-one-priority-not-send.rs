// A `#[shared]` resource used by one task only still crosses from `init`
// (thread mode) into that task's handler: an allocator handle must not.
extern crate lull_app as lull;

#[lull_alloc::allocator]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(1024);

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    use super::A;
    #[shared]
    struct Shared {
        heap: A,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { heap: A::get().unwrap() }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [heap])]
    fn gpioa(mut cx: gpioa::Context) {
        cx.shared.heap.lock(|_a| {});
    }
}
