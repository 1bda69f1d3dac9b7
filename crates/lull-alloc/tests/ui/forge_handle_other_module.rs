// Outside the declaring module the handle's field is private, even for a
// `pub` allocator: a handle can only come from `get()`.
mod heaps {
    use lull_alloc::{allocator, host::TestHeap};

    #[allocator(lazy)]
    pub static LAZY: TestHeap = TestHeap::new(16);
}

fn main() {
    let heaps::LAZY(token) = heaps::LAZY::get().unwrap();
    let _forged = heaps::LAZY(token);
}
