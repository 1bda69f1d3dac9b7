// `memory = N` hands the heap a block at run time, so the heap must implement
// `AddMemory`; the error points at `N`.
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

#[lull_alloc::allocator(memory = 256)]
static A: Fixed = Fixed;

fn main() {}
