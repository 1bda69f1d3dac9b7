// A `#[local]` resource is made by `init` in thread mode and used by a
// hardware task in handler mode: a vector on the thread-mode heap must not
// cross (its handle would allocate from an interrupt handler).
extern crate lull_app as lull;

#[lull_alloc::allocator]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(1024);

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    use super::A;
    use lull_alloc::Vec;
    #[shared]
    struct Shared {}
    #[local]
    struct Local {
        log: Vec<u32, A>,
    }
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        let a = A::get().unwrap();
        (Shared {}, Local { log: Vec::new_in(a) })
    }
    #[task(binds = GPIOA, priority = 1, local = [log])]
    fn gpioa(cx: gpioa::Context) {
        cx.local.log.push(1);
    }
}
