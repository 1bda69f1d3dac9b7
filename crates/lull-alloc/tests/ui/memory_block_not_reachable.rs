// The `memory = N` block is handed to the heap once and is nowhere else in
// reach: user code cannot name it.
#[lull_alloc::allocator(memory = 64)]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

fn main() {
    let _ = &__LULL_ALLOC_MEMORY;
    let _ = &A::__LULL_ALLOC_MEMORY;
}
