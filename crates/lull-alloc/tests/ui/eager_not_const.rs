use lull_alloc::{allocator, host::TestHeap};

fn limit() -> usize {
    16
}

// Eager initializers are evaluated at compile time.
#[allocator]
static A: TestHeap = TestHeap::new(limit());

fn main() {}
