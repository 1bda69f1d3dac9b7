// A heap without `AddMemory` is reported at `N` also when `N` comes from a
// `macro_rules!` (and the allocator is declared by one).
use core::alloc::Layout;
use core::ptr::NonNull;

struct Fixed;

// SAFETY: hands out nothing.
unsafe impl lull_alloc::Heap for Fixed {
    type Statistics = ();
    fn allocate(&mut self, _: Layout) -> Option<NonNull<u8>> {
        None
    }
    unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}
    fn statistics(&self) {}
}

macro_rules! heap {
    ($name:ident, $bytes:expr) => {
        #[lull_alloc::allocator(memory = $bytes)]
        static $name: Fixed = Fixed;
    };
}

heap!(A, 256);

fn main() {}
