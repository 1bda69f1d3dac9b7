// The field of a handle is visible in the module that declares it, but a
// token taken out of one allocator's handle cannot build another's: `LAZY`'s
// initializer would never have run.
use lull_alloc::{allocator, host::TestHeap};

#[allocator]
static EAGER: TestHeap = TestHeap::new(16);

#[allocator(lazy)]
static LAZY: TestHeap = TestHeap::new(16);

fn main() {
    let EAGER(token) = EAGER::get().unwrap();
    let _forged = LAZY(token);
}
