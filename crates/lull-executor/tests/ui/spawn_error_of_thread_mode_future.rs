// `SpawnError<F>` holds only the future that was not spawned and the
// reason, so it is `Send` exactly when `F` is: a `SpawnError` of a future
// that reaches Thread-mode state (here a JoinHandle) cannot be sent.
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::{executor, SpawnError};

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A);

fn send<T: Send>(_: &T) {}

fn main() {
    let (x, _) = X::get().unwrap();
    let h = x.spawn(async { 1 });
    let result: Result<_, SpawnError<_>> = x.try_spawn(async move { h.await });
    if let Err(e) = &result {
        send(e);
    }
}
