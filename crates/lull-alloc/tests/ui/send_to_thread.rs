use lull_alloc::{allocator, host::TestHeap};

#[allocator]
static A: TestHeap = TestHeap::new(16);

fn main() {
    let a = A::get().unwrap();
    std::thread::spawn(move || {
        drop(a);
    });
}
