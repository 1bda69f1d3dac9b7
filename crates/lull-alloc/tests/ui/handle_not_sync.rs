use lull_alloc::{allocator, host::TestHeap};

#[allocator]
static A: TestHeap = TestHeap::new(16);

static SHARED: Option<A> = None;

fn main() {}
