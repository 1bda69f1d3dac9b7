//! [`TlsfCell`]: a single-threaded pool usable through `&`, and its
//! `allocator_api2` `Allocator` implementation.

use core::alloc::Layout;
use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};

use allocator_api2::alloc::{AllocError, Allocator};

use crate::{RegionTooSmall, Sllen, Stats, SupportedSllen, Tlsf};

/// A [`Tlsf`] usable through a shared reference on one thread:
/// `&TlsfCell` is a `Copy` handle implementing
/// [`allocator_api2::alloc::Allocator`].
///
/// `TlsfCell` is `!Sync`, so a handle never reaches another thread or (on
/// Cortex-M, without `unsafe`) an interrupt handler, and no method calls code
/// it does not control while it uses the pool: each call has the pool to
/// itself. Zero-sized requests get a dangling, well-aligned pointer without
/// touching the pool, as the `Allocator` contract asks.
///
/// ```
/// use allocator_api2::vec::Vec;
/// use lull_tlsf::TlsfCell;
///
/// let pool = TlsfCell::new();
/// pool.extend(Box::leak(vec![0u8; 4096].into_boxed_slice())).unwrap();
///
/// let mut v: Vec<u32, &TlsfCell> = Vec::new_in(&pool);
/// v.extend(0..100);
/// assert_eq!(v.iter().sum::<u32>(), 4950);
/// assert_eq!(pool.stats().allocated_blocks, 1);
/// drop(v);
/// assert_eq!(pool.stats().allocated_blocks, 0);
/// ```
pub struct TlsfCell<const FLLEN: usize = 12, const SLLEN: usize = 8>
where
    Sllen<SLLEN>: SupportedSllen,
{
    inner: UnsafeCell<Tlsf<FLLEN, SLLEN>>,
}

impl TlsfCell {
    /// An empty cell in the default configuration.
    ///
    /// ```
    /// use lull_tlsf::TlsfCell;
    /// let pool = TlsfCell::new();
    /// assert_eq!(pool.stats().free_bytes, 0);
    /// ```
    pub const fn new() -> Self {
        Self::from_tlsf(Tlsf::new())
    }
}

impl Default for TlsfCell {
    fn default() -> Self {
        Self::new()
    }
}

impl<const FLLEN: usize, const SLLEN: usize> TlsfCell<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    /// Wraps a pool (of any configuration, possibly already extended).
    ///
    /// ```
    /// use lull_tlsf::{Tlsf, TlsfCell};
    /// let pool = TlsfCell::from_tlsf(Tlsf::<8, 4>::empty());
    /// assert_eq!(pool.stats().allocated_blocks, 0);
    /// ```
    pub const fn from_tlsf(tlsf: Tlsf<FLLEN, SLLEN>) -> Self {
        Self {
            inner: UnsafeCell::new(tlsf),
        }
    }

    /// Runs `f` on the pool.
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&mut Tlsf<FLLEN, SLLEN>) -> R) -> R {
        // SAFETY: `TlsfCell` is `!Sync`, so only this thread reaches the
        // pool; every caller passes a closure that only calls `Tlsf` methods,
        // which call no outside code, so no other `&mut` to the pool can be
        // created while this one lives.
        f(unsafe { &mut *self.inner.get() })
    }

    /// [`Tlsf::extend`] through `&self`.
    ///
    /// ```
    /// use lull_tlsf::TlsfCell;
    /// let pool = TlsfCell::new();
    /// assert!(pool.extend(Box::leak(vec![0u8; 4].into_boxed_slice())).is_err());
    /// ```
    pub fn extend(&self, region: &'static mut [u8]) -> Result<(), RegionTooSmall> {
        self.with(|t| t.extend(region))
    }

    /// [`Tlsf::extend_uninit`] through `&self`.
    ///
    /// ```
    /// use core::mem::MaybeUninit;
    /// use lull_tlsf::TlsfCell;
    /// let pool = TlsfCell::new();
    /// pool.extend_uninit(Box::leak(Box::new([MaybeUninit::uninit(); 256]))).unwrap();
    /// ```
    pub fn extend_uninit(
        &self,
        region: &'static mut [MaybeUninit<u8>],
    ) -> Result<(), RegionTooSmall> {
        self.with(|t| t.extend_uninit(region))
    }

    /// [`Tlsf::stats`] through `&self`.
    ///
    /// ```
    /// use lull_tlsf::TlsfCell;
    /// assert_eq!(TlsfCell::new().stats().used_bytes, 0);
    /// ```
    pub fn stats(&self) -> Stats {
        self.with(|t| t.stats())
    }

    /// The pool, for the methods that need `&mut` ([`Tlsf::extend_raw`],
    /// [`Tlsf::check_heap`], …).
    ///
    /// ```
    /// use lull_tlsf::TlsfCell;
    /// let mut pool = TlsfCell::new();
    /// assert_eq!(pool.get_mut().check_heap().unwrap().chunks, 0);
    /// ```
    pub fn get_mut(&mut self) -> &mut Tlsf<FLLEN, SLLEN> {
        self.inner.get_mut()
    }

    /// Unwraps the pool.
    ///
    /// ```
    /// use lull_tlsf::TlsfCell;
    /// let tlsf = TlsfCell::new().into_inner();
    /// assert_eq!(tlsf.stats().allocated_blocks, 0);
    /// ```
    pub fn into_inner(self) -> Tlsf<FLLEN, SLLEN> {
        self.inner.into_inner()
    }
}

/// A dangling pointer aligned to `align`, for zero-sized blocks.
#[inline(always)]
fn dangling(align: usize) -> NonNull<u8> {
    // SAFETY: an alignment is a non-zero power of two.
    unsafe { NonNull::new_unchecked(ptr::without_provenance_mut(align)) }
}

// SAFETY: blocks stay valid until deallocated (the pool never hands a block in
// use out twice and owns its regions); copies of the handle are the same
// reference to the same pool; zero-sized blocks are dangling pointers that
// are never passed to the pool.
unsafe impl<const FLLEN: usize, const SLLEN: usize> Allocator for &TlsfCell<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    #[inline]
    fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, AllocError> {
        if layout.size() == 0 {
            return Ok(NonNull::slice_from_raw_parts(dangling(layout.align()), 0));
        }
        self.with(|t| {
            let p = t.allocate(layout).ok_or(AllocError)?;
            // SAFETY: `p` was just allocated.
            let n = unsafe { t.usable_size(p) };
            Ok(NonNull::slice_from_raw_parts(p, n))
        })
    }

    #[inline]
    unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
        if layout.size() != 0 {
            // SAFETY: a non-zero-sized block of this allocator came from
            // `Tlsf::allocate`/`reallocate` of this pool (trait contract).
            self.with(|t| unsafe { t.deallocate(ptr, layout) });
        }
    }

    unsafe fn grow(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        if old_layout.size() == 0 {
            return self.allocate(new_layout);
        }
        self.with(|t| {
            // SAFETY: `ptr` is a block of this pool with `old_layout` (trait
            // contract; zero-sized ones were handled above).
            unsafe {
                let p = t
                    .reallocate(ptr, old_layout, new_layout)
                    .ok_or(AllocError)?;
                Ok(NonNull::slice_from_raw_parts(p, t.usable_size(p)))
            }
        })
    }

    unsafe fn grow_zeroed(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        // SAFETY: forwarded trait contract.
        let block = unsafe { self.grow(ptr, old_layout, new_layout) }?;
        let old = old_layout.size();
        // SAFETY: the block holds `block.len() >= old` bytes.
        unsafe {
            block
                .cast::<u8>()
                .add(old)
                .write_bytes(0, block.len() - old)
        };
        Ok(block)
    }

    unsafe fn shrink(
        &self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Result<NonNull<[u8]>, AllocError> {
        if new_layout.size() == 0 {
            // SAFETY: forwarded trait contract.
            unsafe { self.deallocate(ptr, old_layout) };
            return Ok(NonNull::slice_from_raw_parts(
                dangling(new_layout.align()),
                0,
            ));
        }
        self.with(|t| {
            // SAFETY: `ptr` is a non-zero-sized block of this pool with
            // `old_layout` (trait contract: `new <= old`, so old is non-zero).
            unsafe {
                let p = t
                    .reallocate(ptr, old_layout, new_layout)
                    .ok_or(AllocError)?;
                Ok(NonNull::slice_from_raw_parts(p, t.usable_size(p)))
            }
        })
    }
}
