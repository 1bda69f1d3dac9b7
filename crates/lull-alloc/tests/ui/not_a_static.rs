use lull_alloc::allocator;

#[allocator]
fn heap() -> lull_alloc::host::TestHeap {
    lull_alloc::host::TestHeap::new(16)
}

fn main() {}
