// A lazy initializer returns the heap: a bare `return;` in it is a type error
// (it would otherwise leave the heap unwritten behind a handle).
use core::sync::atomic::{AtomicBool, Ordering};

static SKIP: AtomicBool = AtomicBool::new(true);

#[lull_alloc::allocator(lazy)]
static A: lull_alloc::host::TestHeap = {
    if SKIP.load(Ordering::Relaxed) {
        return;
    }
    lull_alloc::host::TestHeap::new(64)
};

fn main() {}
