// A handle captured by a closure that runs elsewhere: refused.
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::executor;

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A);

fn main() {
    let (x, _) = X::get().unwrap();
    let h = x.spawn(async { 1 });
    std::thread::spawn(move || {
        x.block_on(async {});
        drop(h);
    });
}
