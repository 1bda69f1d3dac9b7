// A handle of a private allocator behaves like any private type: using it in a
// `pub` field of a `pub` struct gets the same diagnostic as `Private` does,
// and nothing else from the expansion.
#![deny(private_interfaces)]

use lull_alloc::{allocator, host::TestHeap, Vec};

#[allocator]
static A: TestHeap = TestHeap::new(16);

struct Private;

pub struct Plain {
    pub field: Private,
}

pub struct WithHandle {
    pub handle: A,
    pub bytes: Vec<u8, A>,
}

fn main() {
    let _ = |p: Plain, h: WithHandle| (p.field, h.handle, h.bytes);
}
