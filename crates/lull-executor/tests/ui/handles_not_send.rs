// The executor handle and a JoinHandle cannot be sent to another context
// (a handler, another thread): both reach the Thread-mode run queue.
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::{executor, JoinHandle};

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A);

fn send<T: Send>() {}

fn main() {
    send::<X>();
    send::<JoinHandle<u32>>();
}
