// `memory` without `= N` (or as `memory(N)`) is not an argument.
#[lull_alloc::allocator(memory)]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

#[lull_alloc::allocator(memory(64))]
static B: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

fn main() {}
