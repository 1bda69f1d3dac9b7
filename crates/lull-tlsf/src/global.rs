//! [`GlobalTlsf`]: the pool as a `#[global_allocator]`, behind a critical
//! section (cargo feature `critical-section`).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};

use critical_section::Mutex;

use crate::{RegionTooSmall, Sllen, Stats, SupportedSllen, Tlsf};

/// A [`Tlsf`] shared by every context through a
/// [`critical_section`](https://docs.rs/critical-section) mutex: a
/// [`GlobalAlloc`] for `#[global_allocator]` (cargo feature
/// `critical-section`).
///
/// Every call masks interrupts (or whatever the critical-section
/// implementation does) for the duration of one O(1) pool operation. The
/// firmware picks the implementation, e.g. `cortex-m`'s
/// `critical-section-single-core` feature.
///
/// Give it memory early in `main`, before the first allocation:
///
/// ```no_run
/// use core::mem::MaybeUninit;
/// use lull_tlsf::GlobalTlsf;
///
/// #[global_allocator]
/// static HEAP: GlobalTlsf = GlobalTlsf::new();
///
/// fn main() {
///     static mut MEMORY: [MaybeUninit<u8>; 16 * 1024] = [MaybeUninit::uninit(); 16 * 1024];
///     // SAFETY: `MEMORY` is only ever referred to here, once.
///     let region = unsafe { &mut *(&raw mut MEMORY) };
///     HEAP.extend_uninit(region).unwrap();
///     // `alloc::boxed::Box`, `Vec`, … now allocate from the pool.
/// }
/// ```
///
/// Used directly (without `#[global_allocator]`):
///
/// ```
/// use core::alloc::{GlobalAlloc, Layout};
/// use lull_tlsf::GlobalTlsf;
///
/// static HEAP: GlobalTlsf = GlobalTlsf::new();
/// HEAP.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
/// let l = Layout::new::<u64>();
/// // SAFETY: `l` is not zero-sized; `p` is freed once with `l`.
/// unsafe {
///     let p = HEAP.alloc(l);
///     assert!(!p.is_null());
///     HEAP.dealloc(p, l);
/// }
/// ```
pub struct GlobalTlsf<const FLLEN: usize = 12, const SLLEN: usize = 8>
where
    Sllen<SLLEN>: SupportedSllen,
{
    inner: Mutex<UnsafeCell<Tlsf<FLLEN, SLLEN>>>,
}

impl GlobalTlsf {
    /// An empty pool in the default configuration.
    ///
    /// ```
    /// use lull_tlsf::GlobalTlsf;
    /// static HEAP: GlobalTlsf = GlobalTlsf::new();
    /// assert_eq!(HEAP.stats().free_bytes, 0);
    /// ```
    pub const fn new() -> Self {
        Self::from_tlsf(Tlsf::new())
    }
}

impl Default for GlobalTlsf {
    fn default() -> Self {
        Self::new()
    }
}

impl<const FLLEN: usize, const SLLEN: usize> GlobalTlsf<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    /// Wraps a pool of any configuration.
    ///
    /// ```
    /// use lull_tlsf::{GlobalTlsf, Tlsf};
    /// static HEAP: GlobalTlsf<8, 4> = GlobalTlsf::from_tlsf(Tlsf::empty());
    /// assert_eq!(HEAP.stats().allocated_blocks, 0);
    /// ```
    pub const fn from_tlsf(tlsf: Tlsf<FLLEN, SLLEN>) -> Self {
        Self {
            inner: Mutex::new(UnsafeCell::new(tlsf)),
        }
    }

    /// Runs `f` on the pool inside a critical section.
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&mut Tlsf<FLLEN, SLLEN>) -> R) -> R {
        critical_section::with(|cs| {
            // SAFETY: the critical section excludes every other context, and
            // every caller passes a closure that only calls `Tlsf` methods,
            // which call no outside code: no other `&mut` to the pool exists
            // while this one lives.
            f(unsafe { &mut *self.inner.borrow(cs).get() })
        })
    }

    /// [`Tlsf::extend`], in a critical section.
    ///
    /// ```
    /// use lull_tlsf::GlobalTlsf;
    /// static HEAP: GlobalTlsf = GlobalTlsf::new();
    /// HEAP.extend(Box::leak(vec![0u8; 64].into_boxed_slice())).unwrap();
    /// ```
    pub fn extend(&self, region: &'static mut [u8]) -> Result<(), RegionTooSmall> {
        self.with(|t| t.extend(region))
    }

    /// [`Tlsf::extend_uninit`], in a critical section.
    ///
    /// ```
    /// use core::mem::MaybeUninit;
    /// use lull_tlsf::GlobalTlsf;
    /// static HEAP: GlobalTlsf = GlobalTlsf::new();
    /// HEAP.extend_uninit(Box::leak(Box::new([MaybeUninit::uninit(); 64]))).unwrap();
    /// ```
    pub fn extend_uninit(
        &self,
        region: &'static mut [MaybeUninit<u8>],
    ) -> Result<(), RegionTooSmall> {
        self.with(|t| t.extend_uninit(region))
    }

    /// [`Tlsf::stats`], in a critical section: a walk over every block
    /// (O(blocks)) with interrupts masked for all of it. For diagnostics and
    /// tests, not for code with a deadline.
    ///
    /// ```
    /// use lull_tlsf::GlobalTlsf;
    /// static HEAP: GlobalTlsf = GlobalTlsf::new();
    /// assert_eq!(HEAP.stats().used_bytes, 0);
    /// ```
    pub fn stats(&self) -> Stats {
        self.with(|t| t.stats())
    }
}

// SAFETY: `alloc` returns null or a block of the pool that fits the layout and
// stays valid until `dealloc`; `realloc` keeps the contents (Tlsf::reallocate);
// every access to the pool is serialized by the critical section.
unsafe impl<const FLLEN: usize, const SLLEN: usize> GlobalAlloc for GlobalTlsf<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.with(|t| t.allocate(layout))
            .map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc`/`realloc` of this allocator with
        // `layout` (trait contract), so it is a non-null block of the pool.
        self.with(|t| unsafe { t.deallocate(NonNull::new_unchecked(ptr), layout) });
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: trait contract: `ptr` is a block of this allocator with
        // `layout`, and `new_size` rounded up to `layout.align()` does not
        // overflow `isize`, so the new layout is valid.
        unsafe {
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            self.with(|t| t.reallocate(NonNull::new_unchecked(ptr), layout, new))
                .map_or(ptr::null_mut(), NonNull::as_ptr)
        }
    }
}
