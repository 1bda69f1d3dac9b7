use lull_alloc::{allocator, host::TestHeap, Vec};

#[allocator]
static A: TestHeap = TestHeap::new(16);

fn run_in_handler(f: impl FnOnce() + Send + 'static) {
    f()
}

fn main() {
    let a = A::get().unwrap();
    let v: Vec<u8, A> = Vec::new_in(a);
    run_in_handler(move || drop(v));
}
