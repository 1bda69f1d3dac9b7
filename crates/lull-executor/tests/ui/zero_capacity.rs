// An executor that could never spawn a task is a compile error that names
// the rule, at the user's `executor!`.
use lull_alloc::{allocator, host::TestHeap};
use lull_executor::executor;

#[allocator]
static A: TestHeap = TestHeap::new(1024);
executor!(name = X, allocator = A, max_spawned_tasks = 0);

fn main() {}
