// `AddMemory::add_memory` runs while the heap is borrowed `&mut`; an impl
// that called back into the allocator would alias it, so the trait is
// `unsafe` and a safe impl is refused.
use core::alloc::Layout;
use core::mem::MaybeUninit;
use core::ptr::NonNull;
use lull_alloc::{AddMemory, Heap};

struct Reentrant;

// SAFETY: hands out nothing.
unsafe impl Heap for Reentrant {
    type Statistics = ();
    fn allocate(&mut self, _: Layout) -> Option<NonNull<u8>> {
        None
    }
    unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}
    fn statistics(&self) {}
}

impl AddMemory for Reentrant {
    type Error = ();
    fn add_memory(&mut self, _: &'static mut [MaybeUninit<u8>]) -> Result<(), ()> {
        Ok(())
    }
}

fn main() {}
