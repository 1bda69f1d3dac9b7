use lull_alloc::allocator;

#[allocator(lazy, eager)]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(16);

fn main() {}
