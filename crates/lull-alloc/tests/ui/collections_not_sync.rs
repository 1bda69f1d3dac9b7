// Nothing that holds or reaches a thread-mode heap can be shared with another
// execution context (a handler, another thread).
use lull_alloc::{allocator, host::TestHeap, rc, vec, Box, Rc, String, Vec};

#[allocator]
static A: TestHeap = TestHeap::new(16);

fn sync<T: Sync>() {}

fn main() {
    sync::<A>();
    sync::<Box<u8, A>>();
    sync::<Vec<u8, A>>();
    sync::<vec::IntoIter<u8, A>>();
    sync::<String<A>>();
    sync::<Rc<u8, A>>();
    sync::<rc::Weak<u8, A>>();
}
