// Neither a handle nor its token has a `Default` (or any other safe
// constructor besides `get()`).
use lull_alloc::{allocator, host::TestHeap};

#[allocator(lazy)]
static LAZY: TestHeap = TestHeap::new(16);

fn main() {
    let _a: LAZY = Default::default();
    let _b = LAZY(Default::default());
}
