// A handle obtained in Thread mode cannot be parked in a
// `critical_section::Mutex` static for a handler to spawn with: the
// static must be `Sync`, which needs the handle to be `Send`.
use core::cell::Cell;

use critical_section::Mutex;
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::executor;

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A);

static EXECUTOR: Mutex<Cell<Option<X>>> = Mutex::new(Cell::new(None));

// What a handler would do.
fn handler() {
    critical_section::with(|cs| {
        if let Some(x) = EXECUTOR.borrow(cs).get() {
            drop(x.spawn(async {}));
        }
    });
}

fn main() {
    let (x, _) = X::get().unwrap();
    critical_section::with(|cs| EXECUTOR.borrow(cs).set(Some(x)));
    handler();
}
