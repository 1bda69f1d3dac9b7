// Nor can they be shared (`&X` in a handler would be as bad as `X`).
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::{executor, JoinHandle};

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A);

fn sync<T: Sync>() {}

fn main() {
    sync::<X>();
    sync::<JoinHandle<u32>>();
}
