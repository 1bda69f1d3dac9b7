// `lazy` after `memory = N` is refused as `lazy, memory = N` is: at `N`.
#[lull_alloc::allocator(memory = 64, lazy)]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

fn main() {}
