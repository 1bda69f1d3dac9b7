// `memory = N` given twice is refused at the second one (which block would
// the heap get?).
#[lull_alloc::allocator(memory = 64, memory = 128)]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

fn main() {}
