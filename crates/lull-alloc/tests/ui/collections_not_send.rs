// Nothing that holds or reaches a thread-mode heap can be sent to another
// execution context (a handler, another thread).
use lull_alloc::{allocator, host::TestHeap, rc, vec, Box, Rc, String, Vec};

#[allocator]
static A: TestHeap = TestHeap::new(16);

fn send<T: Send>() {}

fn main() {
    send::<A>();
    send::<Box<u8, A>>();
    send::<Vec<u8, A>>();
    send::<vec::IntoIter<u8, A>>();
    send::<String<A>>();
    send::<Rc<u8, A>>();
    send::<rc::Weak<u8, A>>();
    send::<Option<&A>>();
}
