//! The heap behind a thread-mode allocator.

use core::alloc::Layout;
use core::fmt;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};

/// A memory allocator that a thread-mode allocator hands its requests to.
///
/// `#[allocator] static A: H = ...;` works for any `H: Heap`. With the default
/// `tlsf` feature it is implemented for [`lull_tlsf::Tlsf`]. The methods take
/// `&mut self`: the thread-mode allocator guarantees exclusive access (one
/// execution context, no re-entrance), so the heap needs no lock of its own.
///
/// # Safety
///
/// Implementations must behave like a correct allocator:
///
/// - a block returned by `allocate`, `grow` or `shrink` is valid for reads and
///   writes of the requested size, aligned as requested, and overlaps no other
///   live block, until it is passed to `deallocate`, `grow` or `shrink`;
/// - `grow` and `shrink` keep the block's contents up to the smaller size and,
///   when they return `None`, leave the old block untouched and still live;
/// - no method may call back into a thread-mode allocator (no `A::get()`),
///   directly or through code it calls: that would alias the `&mut self`;
/// - no method may panic: on Cortex-M the panic handler runs inside the
///   panicking frame, in Thread mode, where it may use the allocator while
///   the `&mut self` is still live (the same aliasing). Report failure with
///   `None` instead.
///
/// # Example
///
/// A bump heap that never reuses memory. It keeps a raw pointer to its
/// memory: re-borrowing a stored `&'static mut [u8]` for every block would
/// invalidate the blocks handed out before.
///
/// ```
/// use core::alloc::Layout;
/// use core::ptr::NonNull;
/// use lull_alloc::Heap;
///
/// struct Bump {
///     base: *mut u8,
///     len: usize,
///     used: usize,
/// }
///
/// impl Bump {
///     const fn new(memory: &'static mut [u8]) -> Self {
///         Bump { len: memory.len(), base: memory.as_mut_ptr(), used: 0 }
///     }
/// }
///
/// // SAFETY: blocks are disjoint parts of the memory, which the heap owns
/// // for the rest of the program; nothing here calls an allocator.
/// unsafe impl Heap for Bump {
///     type Statistics = usize;
///
///     fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>> {
///         let start = self.used + self.base.wrapping_add(self.used).align_offset(layout.align());
///         let end = start.checked_add(layout.size())?;
///         if end > self.len {
///             return None;
///         }
///         self.used = end;
///         NonNull::new(self.base.wrapping_add(start))
///     }
///
///     unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}
///
///     fn statistics(&self) -> usize {
///         self.used
///     }
/// }
///
/// #[lull_alloc::allocator]
/// static A: Bump = {
///     static mut ARENA: [u8; 64] = [0; 64];
///     Bump::new(ARENA)
/// };
/// # lull_alloc::host::thread_mode(|| {
/// # let a = A::get().unwrap();
/// # let b = lull_alloc::Box::new_in(1u32, a);
/// # let c = lull_alloc::Box::new_in(2u32, a);
/// # assert_eq!(*b + *c, 3);
/// # });
/// ```
pub unsafe trait Heap {
    /// What [`statistics`](Heap::statistics) reports.
    type Statistics: Copy + fmt::Debug;

    /// Allocates a block for `layout` (whose size is never 0), or returns
    /// `None` if there is no room.
    fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>>;

    /// Frees a block.
    ///
    /// # Safety
    ///
    /// `ptr` was returned by this heap for `layout` and is still live.
    unsafe fn deallocate(&mut self, ptr: NonNull<u8>, layout: Layout);

    /// Grows a block to `new` (`new.size() >= old.size()`, both non-zero),
    /// moving it if needed. On `None` the old block is untouched.
    ///
    /// The default allocates, copies and frees; heaps that can grow in place
    /// should override it.
    ///
    /// # Safety
    ///
    /// `ptr` was returned by this heap for `old` and is still live.
    unsafe fn grow(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        let moved = self.allocate(new)?;
        // SAFETY: both blocks are live, disjoint and at least `old.size()`
        // bytes long (`new.size() >= old.size()`).
        unsafe { ptr::copy_nonoverlapping(ptr.as_ptr(), moved.as_ptr(), old.size()) };
        // SAFETY: the caller guarantees `ptr` is a live block of `old`.
        unsafe { self.deallocate(ptr, old) };
        Some(moved)
    }

    /// Shrinks a block to `new` (`new.size() <= old.size()`, both non-zero),
    /// moving it if needed. On `None` the old block is untouched.
    ///
    /// The default allocates, copies and frees; heaps that can shrink in place
    /// should override it.
    ///
    /// # Safety
    ///
    /// `ptr` was returned by this heap for `old` and is still live.
    unsafe fn shrink(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        let moved = self.allocate(new)?;
        // SAFETY: both blocks are live, disjoint and at least `new.size()`
        // bytes long (`new.size() <= old.size()`).
        unsafe { ptr::copy_nonoverlapping(ptr.as_ptr(), moved.as_ptr(), new.size()) };
        // SAFETY: the caller guarantees `ptr` is a live block of `old`.
        unsafe { self.deallocate(ptr, old) };
        Some(moved)
    }

    /// A snapshot of the heap's bookkeeping (free and used bytes, say).
    fn statistics(&self) -> Self::Statistics;
}

/// A [`Heap`] that can take more memory after it was created, e.g. an eager
/// allocator built empty by a `const fn` and given its memory in `main`.
///
/// # Safety
///
/// [`add_memory`](AddMemory::add_memory) runs while the thread-mode allocator
/// holds the heap as `&mut self`, exactly like the methods of [`Heap`], so the
/// same rule applies: it must not call back into a thread-mode allocator (no
/// `A::get()`, no allocation or deallocation through a handle, no `statistics`),
/// directly or through code it calls; that would make a second `&mut` to a
/// heap that is already borrowed. Memory it accepts must be usable for the
/// blocks the [`Heap`] contract describes (the region is `&'static mut`, so the
/// heap owns it for the rest of the program).
///
/// # Example
///
/// A heap that only counts the regions it is given; they are added through
/// [`ThreadModeAllocator::add_memory`](crate::ThreadModeAllocator::add_memory).
///
/// ```
/// use core::alloc::Layout;
/// use core::mem::MaybeUninit;
/// use core::ptr::NonNull;
/// use lull_alloc::{AddMemory, Heap, ThreadModeAllocator};
///
/// /// Counts the regions it was given (and never hands out a block).
/// struct Regions {
///     regions: usize,
///     last: Option<&'static mut [MaybeUninit<u8>]>,
/// }
///
/// // SAFETY: hands out nothing; calls no allocator.
/// unsafe impl Heap for Regions {
///     type Statistics = usize;
///     fn allocate(&mut self, _: Layout) -> Option<NonNull<u8>> {
///         None
///     }
///     unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}
///     fn statistics(&self) -> usize {
///         self.regions
///     }
/// }
///
/// // SAFETY: only bookkeeping of its own; no call into any allocator.
/// unsafe impl AddMemory for Regions {
///     type Error = core::convert::Infallible;
///
///     fn add_memory(&mut self, region: &'static mut [MaybeUninit<u8>]) -> Result<(), Self::Error> {
///         self.last = Some(region);
///         self.regions += 1;
///         Ok(())
///     }
/// }
///
/// #[lull_alloc::allocator]
/// static A: Regions = Regions { regions: 0, last: None };
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = A::get().unwrap();
/// let region: &'static mut [MaybeUninit<u8>] = std::vec![MaybeUninit::new(0); 16].leak();
/// a.add_memory(region).unwrap();
/// assert_eq!(a.statistics(), 1);
/// # });
/// ```
pub unsafe trait AddMemory: Heap {
    /// Why a region was refused.
    type Error: fmt::Debug;

    /// Adds `region` to the heap's free memory.
    ///
    /// # Errors
    ///
    /// When the heap cannot use the region (too small, too large, ...).
    fn add_memory(&mut self, region: &'static mut [MaybeUninit<u8>]) -> Result<(), Self::Error>;
}

// SAFETY: `Tlsf` is a correct allocator (its own contract), its `reallocate`
// keeps the contents and leaves the old block untouched on failure, and it
// calls no outside code.
#[cfg(feature = "tlsf")]
unsafe impl<const FLLEN: usize, const SLLEN: usize> Heap for lull_tlsf::Tlsf<FLLEN, SLLEN>
where
    lull_tlsf::Sllen<SLLEN>: lull_tlsf::SupportedSllen,
{
    type Statistics = lull_tlsf::Stats;

    // Out of line: one copy per program instead of one per call site, which
    // a TLSF's allocation is too large for (it would be inlined into every
    // spawn and collection that allocates).
    #[inline(never)]
    fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>> {
        lull_tlsf::Tlsf::allocate(self, layout)
    }

    #[inline]
    unsafe fn deallocate(&mut self, ptr: NonNull<u8>, layout: Layout) {
        // SAFETY: forwarded from the caller.
        unsafe { lull_tlsf::Tlsf::deallocate(self, ptr, layout) }
    }

    #[inline]
    unsafe fn grow(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        // SAFETY: forwarded from the caller; in place when possible.
        unsafe { self.reallocate(ptr, old, new) }
    }

    #[inline]
    unsafe fn shrink(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        // SAFETY: forwarded from the caller; in place when aligned.
        unsafe { self.reallocate(ptr, old, new) }
    }

    fn statistics(&self) -> lull_tlsf::Stats {
        self.stats()
    }
}

// SAFETY: `extend_uninit` only links the region into the TLSF's free lists;
// it calls no outside code.
#[cfg(feature = "tlsf")]
unsafe impl<const FLLEN: usize, const SLLEN: usize> AddMemory for lull_tlsf::Tlsf<FLLEN, SLLEN>
where
    lull_tlsf::Sllen<SLLEN>: lull_tlsf::SupportedSllen,
{
    type Error = lull_tlsf::RegionTooSmall;

    fn add_memory(&mut self, region: &'static mut [MaybeUninit<u8>]) -> Result<(), Self::Error> {
        self.extend_uninit(region)
    }
}
