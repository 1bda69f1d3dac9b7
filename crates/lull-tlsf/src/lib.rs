//! A TLSF (Two-Level Segregated Fit) memory allocator for `no_std` targets.
//!
//! [`Tlsf`] manages one or more memory regions handed to it with
//! [`Tlsf::extend`]. [`Tlsf::allocate`] and [`Tlsf::deallocate`] run in
//! constant time, whatever the pool size or its fragmentation: free blocks are
//! kept in segregated lists, one per size class of a two-level mapping (a
//! power-of-two range, split linearly); one bit per list in a flat bitmap says
//! which lists are non-empty, and a suitable list is found with a
//! count-leading-zeros instruction on at most `FLLEN * SLLEN / 32` bitmap
//! words (3 in the default configuration). Nothing walks a free list.
//!
//! ```
//! use core::alloc::Layout;
//! use lull_tlsf::Tlsf;
//!
//! // On a microcontroller this is a `static mut` array or a linker region.
//! let region: &'static mut [u8] = Box::leak(vec![0u8; 4096].into_boxed_slice());
//!
//! let mut tlsf: Tlsf = Tlsf::new();
//! tlsf.extend(region).unwrap();
//!
//! let layout = Layout::from_size_align(100, 8).unwrap();
//! let ptr = tlsf.allocate(layout).unwrap();
//! assert_eq!(ptr.as_ptr() as usize % 8, 0);
//! // SAFETY: `ptr` came from `tlsf.allocate(layout)` and is freed once.
//! unsafe { tlsf.deallocate(ptr, layout) };
//! assert_eq!(tlsf.stats().allocated_blocks, 0);
//! ```
//!
//! # Memory layout
//!
//! With `W = size_of::<usize>()` (4 on Cortex-M) and the *granule*
//! `G = 2 * W` (8 on Cortex-M):
//!
//! - every block starts with a one-word header: its size (a multiple of `G`)
//!   and three flag bits (free, previous-block-free, region end). A block in
//!   use costs exactly this one word: **4 bytes of overhead per block on
//!   32-bit targets**, 8 on 64-bit ones;
//! - a free block also holds its free-list links after the header and a copy
//!   of its size in its last word (a *boundary tag*), which is how a block
//!   being freed finds a free predecessor to merge with. The smallest block is
//!   therefore `2 * G` bytes (16 on Cortex-M): a request of up to 12 bytes
//!   takes 16 bytes of the pool;
//! - the lists are doubly linked; the first block of a list has, instead of a
//!   null back link, its list's number (a *tag*, below `FLLEN * SLLEN`), so
//!   that taking a block off its list reaches the list head and its bitmap bit
//!   without recomputing its size class. No block lies below address
//!   `FLLEN * SLLEN` (96 in the default configuration): [`Tlsf::extend`]
//!   panics on a region that starts there (only a part with RAM at address 0
//!   can meet this);
//! - block headers sit at addresses `≡ W (mod G)`, so every payload is
//!   `G`-aligned (8 bytes on Cortex-M, 16 on 64-bit hosts). A larger
//!   alignment is served by starting the payload further into the block; the
//!   word before such a payload records the distance back to the header (the
//!   padding, at most `align - G` bytes, stays with the block);
//! - every region ends with a two-word sentinel that stops coalescing and links
//!   the regions together for [`Tlsf::check_heap`].
//!
//! Freed blocks merge with free neighbours immediately: once every allocation
//! is freed, the pool is one free block per region again (per *chunk* for a
//! region larger than [`Tlsf::MAX_BLOCK_SIZE`], see [`Tlsf::extend`]).
//!
//! # Time bounds
//!
//! | operation | cost |
//! |---|---|
//! | [`allocate`](Tlsf::allocate), [`deallocate`](Tlsf::deallocate) | O(1) |
//! | [`grow_in_place`](Tlsf::grow_in_place), [`shrink_in_place`](Tlsf::shrink_in_place), [`usable_size`](Tlsf::usable_size) | O(1) |
//! | [`reallocate`](Tlsf::reallocate) | O(1) when it resizes in place; when it must move, O(1) plus copying `min(old, new)` bytes |
//! | [`extend`](Tlsf::extend) | O(region length / [`Tlsf::MAX_BLOCK_SIZE`]) |
//! | [`largest_free_block`](Tlsf::largest_free_block) | O(length of one free list) |
//! | [`stats`](Tlsf::stats) | O(blocks): a walk over every block |
//! | [`check_heap`](Tlsf::check_heap) | O(blocks × free-list length) |
//!
//! O(1) is a bound fixed by the configuration: `allocate` reads at most
//! `FLLEN * SLLEN / 32` bitmap words, rounded up (3 by default), and takes
//! one block off a list and puts at most one back; `deallocate` takes at most
//! the freed block's two neighbours off their lists and puts one block on.
//!
//! # Good fit
//!
//! Like every TLSF, the allocator rounds a request up to the next size class
//! before searching, so that *any* block of the class it finds is big enough.
//! This makes the search O(1) but means a block of the request's own class is
//! not used when it is the only one that would fit. [`Tlsf::allocate`] tries
//! the head of that class as a last resort (one more load and compare, still
//! O(1)), which recovers many of those cases.
//!
//! # Configuration
//!
//! `Tlsf<FLLEN, SLLEN>`: `SLLEN` second-level lists (a power of two, 2 to 32)
//! split each power-of-two size range; `FLLEN` first-level ranges (2 to 29, or
//! 28 on 64-bit targets) bound the largest block. The control block is the
//! `FLLEN * SLLEN` list heads (one word each) and the bitmap, `SLLEN` bits a
//! first-level range but at least a byte (`FLLEN * SLLEN / 8` bytes from
//! `SLLEN = 8` on), rounded up to a word; nothing else. Lists 0 and 1 (blocks
//! of 0 and `2 * size_of::<usize>()` bytes, below the smallest block) never
//! hold a block: their slots keep the region list and, when the bitmap's
//! length is not a whole number of 32-bit words, its last word. The pool
//! keeps no statistics counters ([`Tlsf::stats`] walks the blocks). The
//! default `Tlsf` = `Tlsf<12, 8>`:
//!
//! | config | largest block (32-bit) | control block (32-bit) | suits |
//! |---|---|---|---|
//! | `Tlsf<8, 4>` | 4 KiB | 136 bytes | 2–8 KiB of RAM |
//! | `Tlsf<10, 8>` | 32 KiB | 332 bytes | heaps up to 32 KiB |
//! | `Tlsf` (`<12, 8>`) | 128 KiB | 396 bytes | 2 KiB – 1 MiB of RAM |
//! | `Tlsf<14, 16>` | 1 MiB | 924 bytes | large single allocations |
//!
//! The bitmap's byte count cannot be computed from the two parameters in an
//! array length on stable Rust, so the type of a bitmap row is picked from
//! `SLLEN` by a trait: code generic over the configuration carries the bound
//! `Sllen<SLLEN>: SupportedSllen` (see [`Sllen`]); a concrete configuration
//! needs nothing.
//!
//! A region larger than the largest block is accepted and cut into chunks of at
//! most [`Tlsf::MAX_BLOCK_SIZE`] bytes; only a single allocation is limited to
//! [`Tlsf::MAX_ALLOCATION`] bytes.
//!
//! # Using it through a shared reference
//!
//! - [`TlsfCell`]: a `!Sync` cell; `&TlsfCell` implements
//!   [`allocator_api2::alloc::Allocator`], so `allocator_api2` collections can
//!   use it.
//! - `GlobalTlsf` (cargo feature `critical-section`): a
//!   [`GlobalAlloc`](core::alloc::GlobalAlloc) that takes a critical section
//!   around every call, for `#[global_allocator]`.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(test)]
extern crate std;

mod cell;
#[cfg(feature = "critical-section")]
mod global;

pub use cell::TlsfCell;
#[cfg(feature = "critical-section")]
pub use global::GlobalTlsf;

use core::alloc::Layout;
use core::fmt;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};
use core::sync::atomic::{Ordering, compiler_fence};

/// Bytes in a word.
const W: usize = size_of::<usize>();
/// Block sizes and payload addresses are multiples of the granule.
const GRAN: usize = 2 * W;
/// `log2(GRAN)`.
const LOG_GRAN: u32 = GRAN.trailing_zeros();
/// Smallest block: header, two links, footer.
const MIN_BLOCK: usize = 2 * GRAN;
/// Header flag: the block is free.
const FREE: usize = 1;
/// Header flag: the physically previous block is free (its last word is its
/// size).
const PREV_FREE: usize = 2;
/// Header flag: the block is a region-end sentinel (size 0); the word after the
/// header links to the first block of another region.
const SENTINEL: usize = 4;
/// The bits of a header that are not the size.
const FLAGS: usize = GRAN - 1;

/// The error of [`Tlsf::extend`]: the region cannot hold even one block.
///
/// A region needs room for one minimum block (`4 * size_of::<usize>()` bytes),
/// the end sentinel (`2 * size_of::<usize>()` bytes) and up to
/// `2 * size_of::<usize>() - 1` bytes of alignment padding. (A region must
/// also start at or above address `FLLEN * SLLEN`; one that does not is a
/// panic, see [`Tlsf::extend`].)
///
/// ```
/// use lull_tlsf::{RegionTooSmall, Tlsf};
///
/// let region: &'static mut [u8] = Box::leak(vec![0u8; 8].into_boxed_slice());
/// let mut tlsf: Tlsf = Tlsf::new();
/// assert_eq!(tlsf.extend(region), Err(RegionTooSmall { len: 8 }));
/// ```
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionTooSmall {
    /// The length of the rejected region, in bytes.
    pub len: usize,
}

impl fmt::Display for RegionTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a region of {} bytes cannot hold a block", self.len)
    }
}

impl core::error::Error for RegionTooSmall {}

/// Allocation statistics, counted by [`Tlsf::stats`] with a walk over every
/// block (the pool keeps no counters).
///
/// `free_bytes + used_bytes` is the number of bytes the pool manages: the
/// regions minus alignment padding and region-end sentinels.
///
/// ```
/// use core::alloc::Layout;
/// use lull_tlsf::Tlsf;
///
/// let mut tlsf: Tlsf = Tlsf::new();
/// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
/// let before = tlsf.stats();
/// let p = tlsf.allocate(Layout::new::<[u32; 10]>()).unwrap();
/// let after = tlsf.stats();
/// assert_eq!(after.allocated_blocks, 1);
/// assert!(after.used_bytes >= 40);
/// assert_eq!(after.free_bytes + after.used_bytes, before.free_bytes);
/// # unsafe { tlsf.deallocate(p, Layout::new::<[u32; 10]>()) };
/// ```
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Bytes in free blocks, headers included.
    pub free_bytes: usize,
    /// Bytes in blocks in use, headers and rounding included.
    pub used_bytes: usize,
    /// Blocks in use (allocations not yet freed).
    pub allocated_blocks: usize,
}

/// What [`Tlsf::check_heap`] found by walking every block.
///
/// ```
/// use lull_tlsf::Tlsf;
///
/// let mut tlsf: Tlsf = Tlsf::new();
/// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
/// tlsf.extend(Box::leak(vec![0u8; 512].into_boxed_slice())).unwrap();
/// let report = tlsf.check_heap().unwrap();
/// assert_eq!(report.chunks, 2);
/// assert_eq!(report.free_blocks, 2);
/// assert_eq!(report.used_blocks, 0);
/// ```
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeapReport {
    /// Chunks (regions, or parts of a region larger than
    /// [`Tlsf::MAX_BLOCK_SIZE`]).
    pub chunks: usize,
    /// Free blocks.
    pub free_blocks: usize,
    /// Blocks in use.
    pub used_blocks: usize,
    /// Bytes in free blocks.
    pub free_bytes: usize,
    /// Bytes in blocks in use.
    pub used_bytes: usize,
}

/// A TLSF allocator: `FLLEN` first-level size ranges, each split into `SLLEN`
/// second-level lists (see the [crate documentation](crate#configuration)).
///
/// `Tlsf` alone is the default configuration, `Tlsf<12, 8>`: blocks of up to
/// 128 KiB on 32-bit targets, a 396-byte control block.
///
/// The pool starts empty ([`Tlsf::new`] is `const`, so it can live in a
/// `static`) and is given memory with [`Tlsf::extend`]. All methods take
/// `&mut self`; wrap the pool in [`TlsfCell`] or `GlobalTlsf` to share it.
///
/// ```
/// use core::alloc::Layout;
/// use lull_tlsf::Tlsf;
///
/// let mut small: Tlsf<8, 4> = Tlsf::empty();
/// small.extend(Box::leak(vec![0u8; 2048].into_boxed_slice())).unwrap();
/// let p = small.allocate(Layout::from_size_align(64, 64).unwrap()).unwrap();
/// assert_eq!(p.as_ptr() as usize % 64, 0);
/// ```
#[repr(C)]
pub struct Tlsf<const FLLEN: usize = 12, const SLLEN: usize = 8>
where
    Sllen<SLLEN>: SupportedSllen,
{
    /// Heads of the free lists (null: empty), list `j` at `heads[j /
    /// SLLEN][j % SLLEN]`. Lists 0 and 1 (blocks of 0 and `GRAN` bytes) can
    /// never hold a block; their slots hold other words instead (see
    /// `CHUNKS` and `SPILL`).
    heads: [[*mut u8; SLLEN]; FLLEN],
    /// The bitmap, `SLLEN` bits a row (see `word`): `FLLEN * SLLEN / 8`
    /// bytes, rounded up to a byte a row. Placed after `heads` (`repr(C)`),
    /// so it starts at a multiple of the word size and is read and written
    /// as 32-bit words.
    bitmap: [BitmapRow<SLLEN>; FLLEN],
}

/// The type of one row of the bitmap: `SLLEN` bits, at least a byte.
type BitmapRow<const SLLEN: usize> = <Sllen<SLLEN> as SupportedSllen>::Row;

/// `SLLEN`, the number of second-level lists, as a type: the values
/// [`Tlsf`] supports (2, 4, 8, 16 and 32) implement [`SupportedSllen`].
///
/// Code generic over a pool's configuration names this bound:
///
/// ```
/// use lull_tlsf::{Sllen, SupportedSllen, Tlsf};
///
/// fn free<const FLLEN: usize, const SLLEN: usize>(t: &Tlsf<FLLEN, SLLEN>) -> usize
/// where
///     Sllen<SLLEN>: SupportedSllen,
/// {
///     t.stats().free_bytes
/// }
/// assert_eq!(free(&Tlsf::<8, 4>::empty()), 0);
/// ```
///
/// Concrete configurations (`Tlsf`, `Tlsf<10, 8>`) need nothing.
pub struct Sllen<const SLLEN: usize>;

mod sealed {
    pub trait Sealed {}
}

/// Implemented by [`Sllen`] of the supported numbers of second-level lists.
///
/// It picks the type of one row of the pool's bitmap (`SLLEN` bits, at
/// least a byte), so that the bitmap takes `FLLEN * SLLEN / 8` bytes, which
/// stable Rust cannot compute from the two parameters. Sealed: it cannot be
/// implemented outside this crate.
///
/// An unsupported `SLLEN` is refused when the type is named:
///
/// ```compile_fail
/// let _ = lull_tlsf::Tlsf::<12, 6>::empty();
/// ```
pub trait SupportedSllen: sealed::Sealed {
    /// One row of the bitmap.
    #[doc(hidden)]
    type Row: Copy;
    /// A row with no bit set.
    #[doc(hidden)]
    const EMPTY: Self::Row;
}

macro_rules! sllen {
    ($($n:literal => $row:ty),*) => {$(
        impl sealed::Sealed for Sllen<$n> {}
        impl SupportedSllen for Sllen<$n> {
            type Row = $row;
            const EMPTY: $row = 0;
        }
    )*};
}
sllen!(2 => u8, 4 => u8, 8 => u8, 16 => u16, 32 => u32);

// SAFETY: a `Tlsf` owns its regions exclusively (they were handed over as
// `&'static mut` or under `extend_raw`'s contract), and its raw pointers only
// point into them, so moving the pool to another thread moves that ownership
// with it.
unsafe impl<const FLLEN: usize, const SLLEN: usize> Send for Tlsf<FLLEN, SLLEN> where
    Sllen<SLLEN>: SupportedSllen
{
}
// SAFETY: `&Tlsf` only reads (statistics, heap checks); every mutation needs
// `&mut Tlsf`. There is no interior mutability.
unsafe impl<const FLLEN: usize, const SLLEN: usize> Sync for Tlsf<FLLEN, SLLEN> where
    Sllen<SLLEN>: SupportedSllen
{
}

impl Tlsf {
    /// An empty pool in the default configuration; give it memory with
    /// [`Tlsf::extend`]. For another configuration use [`Tlsf::empty`].
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    ///
    /// static mut POOL: Tlsf = Tlsf::new();
    /// let mut local = Tlsf::new();
    /// assert_eq!(local.stats().free_bytes, 0);
    /// # let _ = &mut local;
    /// ```
    pub const fn new() -> Self {
        Self::empty()
    }
}

impl Default for Tlsf {
    fn default() -> Self {
        Self::new()
    }
}

impl<const FLLEN: usize, const SLLEN: usize> fmt::Debug for Tlsf<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tlsf")
            .field("fllen", &FLLEN)
            .field("sllen", &SLLEN)
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

#[inline(always)]
const fn msb(x: usize) -> u32 {
    usize::BITS - 1 - x.leading_zeros()
}

// Raw word access. All block addresses are `W`-aligned and derived from a
// region pointer, so these keep provenance and alignment.

/// Reads the word at `p + off`.
///
/// # Safety
/// `p + off` is a `W`-aligned word inside a region of the pool.
#[inline(always)]
unsafe fn rd(p: *mut u8, off: usize) -> usize {
    // SAFETY: guaranteed by the caller.
    unsafe { p.add(off).cast::<usize>().read() }
}

/// Writes the word at `p + off`.
///
/// # Safety
/// As for [`rd`].
#[inline(always)]
unsafe fn wr(p: *mut u8, off: usize, v: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe { p.add(off).cast::<usize>().write(v) }
}

/// Reads the pointer word at `p + off`.
///
/// # Safety
/// As for [`rd`].
#[inline(always)]
unsafe fn rdp(p: *mut u8, off: usize) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    unsafe { p.add(off).cast::<*mut u8>().read() }
}

/// Writes the pointer word at `p + off`.
///
/// # Safety
/// As for [`rd`].
#[inline(always)]
unsafe fn wrp(p: *mut u8, off: usize, v: *mut u8) {
    // SAFETY: guaranteed by the caller.
    unsafe { p.add(off).cast::<*mut u8>().write(v) }
}

/// Offsets of the free-list links inside a free block.
const NEXT: usize = W;
const PREV: usize = 2 * W;

impl<const FLLEN: usize, const SLLEN: usize> Tlsf<FLLEN, SLLEN>
where
    Sllen<SLLEN>: SupportedSllen,
{
    const SLI: u32 = {
        assert!(
            SLLEN.is_power_of_two() && SLLEN >= 2 && SLLEN <= 32,
            "SLLEN must be a power of two in 2..=32"
        );
        SLLEN.trailing_zeros()
    };
    /// Block sizes below this go to first-level list 0, one list per granule.
    const SMALL: usize = SLLEN * GRAN;

    /// The largest block the pool can index, in bytes (blocks include their
    /// one-word header). Regions are cut into chunks of at most this size.
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    /// # #[cfg(target_pointer_width = "32")]
    /// assert_eq!(<Tlsf>::MAX_BLOCK_SIZE, 128 * 1024 - 8);
    /// # #[cfg(target_pointer_width = "64")]
    /// assert_eq!(<Tlsf>::MAX_BLOCK_SIZE, 256 * 1024 - 16);
    /// ```
    pub const MAX_BLOCK_SIZE: usize = {
        assert!(
            FLLEN >= 2 && FLLEN as u32 + LOG_GRAN <= 32,
            "FLLEN must be in 2..=29 (2..=28 on 64-bit targets)"
        );
        let bits = LOG_GRAN + Self::SLI + FLLEN as u32 - 1;
        assert!(bits < usize::BITS - 1, "FLLEN too large for this target");
        (1usize << bits) - GRAN
    };

    /// The largest block size a request may need: the lower bound of the last
    /// size class. Capping requests there means a search never rounds up past
    /// the last list. (Blocks of the last class may be larger, up to
    /// `MAX_BLOCK_SIZE`; they serve any request.)
    const MAX_SEARCH: usize = (2 * SLLEN - 1) << (FLLEN - 2 + LOG_GRAN as usize);

    /// The largest `layout.size()` [`Tlsf::allocate`] can serve (with an
    /// alignment up to `2 * size_of::<usize>()`): a little less than
    /// [`Tlsf::MAX_BLOCK_SIZE`] (about 1/16 less in the default
    /// configuration), so that any block of the last size class can serve it.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// type Small = Tlsf<8, 4>;
    /// let mut tlsf = Small::empty();
    /// let region = vec![0u8; Small::MAX_BLOCK_SIZE + 64];
    /// tlsf.extend(Box::leak(region.into_boxed_slice())).unwrap();
    /// let max = Small::MAX_ALLOCATION;
    /// assert!(tlsf.allocate(Layout::from_size_align(max, 1).unwrap()).is_some());
    /// assert!(tlsf.allocate(Layout::from_size_align(max + 1, 1).unwrap()).is_none());
    /// ```
    pub const MAX_ALLOCATION: usize = Self::MAX_SEARCH - W;

    /// Bytes of RAM the control block (this struct) takes.
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    /// # #[cfg(target_pointer_width = "32")]
    /// assert_eq!(<Tlsf>::CONTROL_BLOCK_BYTES, 396);
    /// # #[cfg(target_pointer_width = "64")]
    /// assert_eq!(<Tlsf>::CONTROL_BLOCK_BYTES, 784);
    /// assert_eq!(<Tlsf>::CONTROL_BLOCK_BYTES, size_of::<Tlsf>());
    /// ```
    pub const CONTROL_BLOCK_BYTES: usize = size_of::<Self>();

    /// Bytes a block in use costs on top of its payload: one header word.
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    /// assert_eq!(<Tlsf>::BLOCK_OVERHEAD, size_of::<usize>());
    /// ```
    pub const BLOCK_OVERHEAD: usize = W;

    /// An empty pool in any configuration (`Tlsf::<FLLEN, SLLEN>::empty()`);
    /// [`Tlsf::new`] is the same for the default configuration.
    ///
    /// Fails to compile (at monomorphization) when `SLLEN` is not a power of
    /// two in 2..=32 or `FLLEN` is not in 2..=29 (2..=28 on 64-bit targets).
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    ///
    /// static mut TINY: Tlsf<8, 4> = Tlsf::empty();
    /// let pool = Tlsf::<10, 8>::empty();
    /// assert_eq!(pool.stats().allocated_blocks, 0);
    /// ```
    pub const fn empty() -> Self {
        let _ = Self::MAX_BLOCK_SIZE;
        Self {
            heads: [[ptr::null_mut(); SLLEN]; FLLEN],
            bitmap: [<Sllen<SLLEN> as SupportedSllen>::EMPTY; FLLEN],
        }
    }

    // ---- size classes -------------------------------------------------
    //
    // Lists are numbered `j = fl * SLLEN + sl` in size order, `0..LISTS`.
    // Bit `31 - j % 32` of bitmap word `j / 32` is set when list `j` is
    // non-empty: one flat bitmap of `WORDS` 32-bit words, so marking a list
    // empty or non-empty is one read-modify-write of one word. Bits run from
    // the top so that a list's bit is `1 << 31` rotated right by `j` (a
    // rotation needs no `% 32`) and the first non-empty list is a count of
    // leading zeros. The words are those of the `bitmap` array, except, when
    // the array's length is not a whole number of words, the last one, which
    // is kept in the slot of list 1 (see `word`).

    /// What the mapping's formula adds to a list number: `LOG_GRAN * SLLEN`.
    const BIAS: usize = (LOG_GRAN as usize) << Self::SLI;

    /// Number of free lists.
    const LISTS: usize = FLLEN * SLLEN;

    /// Words of the bitmap: one bit per list. At most `FLLEN`, since
    /// `SLLEN <= 32`.
    const WORDS: usize = Self::LISTS.div_ceil(32);

    /// Whole 32-bit words in the `bitmap` array.
    const FULL: usize = size_of::<[BitmapRow<SLLEN>; FLLEN]>() / 4;

    /// Whether the last bitmap word is kept in the slot of list 1 because
    /// the array ends in a partial word (`FLLEN * SLLEN / 8` bytes not a
    /// multiple of 4, e.g. `Tlsf<10, 8>`). Never in the default
    /// configuration (12 bytes, 3 words).
    const SPILL: bool = {
        // The array has at least `LISTS / 8` bytes, so it lacks at most its
        // last word.
        assert!(Self::WORDS <= Self::FULL + 1);
        Self::WORDS > Self::FULL
    };

    /// The slot of list 0 holds the region list: the first block of the most
    /// recently added chunk (null: none). Lists 0 and 1 are never used: a
    /// block has at least `MIN_BLOCK = 2 * GRAN` bytes, and sizes below
    /// `SMALL` (at least `MIN_BLOCK`) map to list `size / GRAN`.
    const CHUNKS: usize = 0;
    /// The slot of list 1 holds the last bitmap word when `SPILL`.
    const SPILL_SLOT: usize = 1;

    /// The first block of the most recently added chunk (null: none).
    #[inline(always)]
    fn chunks(&self) -> *mut u8 {
        self.heads.as_flattened()[Self::CHUNKS]
    }

    /// Bitmap word `w`.
    ///
    /// # Safety
    /// `w < WORDS`.
    #[inline(always)]
    unsafe fn word(&self, w: usize) -> u32 {
        debug_assert!(w < Self::WORDS);
        if !Self::SPILL || w < Self::FULL {
            // SAFETY: `w < FULL` (or `WORDS <= FULL`): a whole word inside the
            // array, which starts at a multiple of the word size (it follows
            // `heads` in a `repr(C)` struct). Every byte is initialized.
            unsafe { ptr::from_ref(&self.bitmap).cast::<u32>().add(w).read() }
        } else {
            // SAFETY: the slot of list 1 exists (`SLLEN >= 2`), is at least
            // 4 bytes, word-aligned and initialized; it holds no pointer.
            unsafe {
                ptr::from_ref(&self.heads)
                    .cast::<*mut u8>()
                    .add(Self::SPILL_SLOT)
                    .cast::<u32>()
                    .read()
            }
        }
    }

    /// Bitmap word `w`, to modify.
    ///
    /// # Safety
    /// `w < WORDS`.
    #[inline(always)]
    unsafe fn word_mut(&mut self, w: usize) -> &mut u32 {
        debug_assert!(w < Self::WORDS);
        if !Self::SPILL || w < Self::FULL {
            // SAFETY: as in `word`; the pointer comes from `&mut self`.
            unsafe { &mut *ptr::from_mut(&mut self.bitmap).cast::<u32>().add(w) }
        } else {
            // SAFETY: as in `word`; the pointer comes from `&mut self`.
            unsafe {
                &mut *ptr::from_mut(&mut self.heads)
                    .cast::<*mut u8>()
                    .add(Self::SPILL_SLOT)
                    .cast::<u32>()
            }
        }
    }

    /// The index of the free list a free block of `size` bytes belongs to.
    /// `size` is a multiple of `GRAN` (or one less, see
    /// [`Self::search_index`]); the index is below `LISTS` for sizes up to
    /// `MAX_BLOCK_SIZE`.
    ///
    /// Branch-free: or-ing in `SMALL` makes the exponent of every size below
    /// `SMALL` that of `SMALL` itself, which gives first-level index 0 and
    /// second-level index `size / GRAN`; larger sizes keep their own.
    #[inline(always)]
    fn index(size: usize) -> usize {
        let shift = msb(size | Self::SMALL) - Self::SLI;
        ((shift as usize) << Self::SLI) + (size >> shift) - Self::BIAS
    }

    /// The first list all of whose blocks hold at least `size` bytes (a
    /// multiple of `GRAN`, at most `MAX_SEARCH`): the list of `size - 1`, plus
    /// one. (If `size` is its class's lower bound, `size - 1` lies in the
    /// class before; otherwise in `size`'s own class.)
    #[inline(always)]
    fn search_index(size: usize) -> usize {
        Self::index(size - 1) + 1
    }

    /// Block size needed for a payload of `size` bytes (at most
    /// `isize::MAX`) right after the header.
    #[inline(always)]
    const fn block_size_for(size: usize) -> usize {
        let s = (size + W + GRAN - 1) & !(GRAN - 1);
        if s < MIN_BLOCK { MIN_BLOCK } else { s }
    }

    // ---- free lists ---------------------------------------------------
    //
    // Doubly linked, with null after the last block. The first block's back
    // link is not null but a *tag*: the number of its list, `j`. No block
    // lies below address `LISTS` (`extend_raw` panics on such regions), so a
    // back link below `LISTS` is a tag, and unlinking a block finds its list
    // head without computing the size class. (A tag is a number, not a
    // pointer into `self`: the pool may move.)

    /// The back link of the first block of list `j`.
    #[inline(always)]
    fn tag(j: usize) -> *mut u8 {
        ptr::without_provenance_mut(j)
    }

    /// The head of list `j`.
    ///
    /// # Safety
    /// `j < LISTS`.
    #[inline(always)]
    unsafe fn head(&mut self, j: usize) -> &mut *mut u8 {
        debug_assert!(j < Self::LISTS && j > Self::SPILL_SLOT);
        // SAFETY: `j` is in `0..LISTS`, the flattened length (caller).
        unsafe { self.heads.as_flattened_mut().get_unchecked_mut(j) }
    }

    /// The bitmap word of list `j`, and its bit there.
    ///
    /// # Safety
    /// `j < LISTS`.
    #[inline(always)]
    unsafe fn bit(&mut self, j: usize) -> (&mut u32, u32) {
        debug_assert!(j < Self::LISTS);
        // SAFETY: `j < LISTS` (caller), so `j / 32 < WORDS`.
        let word = unsafe { self.word_mut(j >> 5) };
        (word, Self::bit_of(j))
    }

    /// The bit of list `j` in its bitmap word.
    #[inline(always)]
    fn bit_of(j: usize) -> u32 {
        (1u32 << 31).rotate_right(j as u32)
    }

    /// Pushes free block `b` of `size` bytes on its list.
    ///
    /// # Safety
    /// `b` is a free block of `size <= MAX_BLOCK_SIZE` bytes in the pool, on
    /// no list.
    #[inline(always)]
    unsafe fn push(&mut self, b: *mut u8, size: usize) {
        let j = Self::index(size);
        // SAFETY: `size <= MAX_BLOCK_SIZE`, so `j < LISTS`; `b` is a free
        // block (at least MIN_BLOCK bytes, so its link words exist) and the
        // old head, when non-null, is a free block on the list.
        unsafe {
            let head = self.head(j);
            let old = *head;
            *head = b;
            wrp(b, NEXT, old);
            wrp(b, PREV, Self::tag(j));
            if !old.is_null() {
                wrp(old, PREV, b);
            } else {
                // The list was empty: its bit is clear.
                let (word, bit) = self.bit(j);
                *word |= bit;
            }
        }
    }

    /// Unlinks free block `b` from its list.
    ///
    /// # Safety
    /// `b` is a free block on its list.
    #[inline(always)]
    unsafe fn unlink(&mut self, b: *mut u8) {
        // SAFETY: `b` is a free block on a list, so its link words hold a
        // list pointer and a list pointer or tag; its neighbours on the list
        // are free blocks too. A tag names the list `b` heads (in range).
        unsafe {
            let next = rdp(b, NEXT);
            let prev = rdp(b, PREV);
            if prev.addr() >= Self::LISTS {
                wrp(prev, NEXT, next);
                if !next.is_null() {
                    wrp(next, PREV, prev);
                }
            } else {
                let j = prev.addr();
                *self.head(j) = next;
                if !next.is_null() {
                    wrp(next, PREV, prev);
                } else {
                    let (word, bit) = self.bit(j);
                    *word &= !bit;
                }
            }
        }
    }

    /// Removes and returns the head of the non-empty list `j`.
    ///
    /// # Safety
    /// `j < LISTS` and the list is non-empty.
    #[inline(always)]
    unsafe fn pop(&mut self, j: usize) -> *mut u8 {
        // SAFETY: index in range and the list non-empty (caller); the head
        // and its successor are free blocks on the list.
        unsafe {
            let head = self.head(j);
            let b = *head;
            let next = rdp(b, NEXT);
            *head = next;
            if next.is_null() {
                let (word, bit) = self.bit(j);
                *word &= !bit;
            } else {
                wrp(next, PREV, Self::tag(j));
            }
            b
        }
    }

    /// The first non-empty list at or after list `j` (in size order), if
    /// any: at most `WORDS` bitmap words are read. `j < LISTS`.
    #[inline(always)]
    fn find(&mut self, j: usize) -> Option<usize> {
        debug_assert!(j < Self::LISTS);
        let mut w = j >> 5;
        // SAFETY: `j < LISTS` (caller), so `w < WORDS`.
        let mut bits = unsafe { self.word(w) } & (!0u32 >> (j & 31));
        while bits == 0 {
            w += 1;
            // `w` starts below `WORDS` and grows by one.
            if w == Self::WORDS {
                return None;
            }
            // SAFETY: `w < WORDS`.
            bits = unsafe { self.word(w) };
        }
        Some((w << 5) + bits.leading_zeros() as usize)
    }

    // ---- blocks in use --------------------------------------------------

    /// The block holding payload `ptr`: `(block, header, pad)`, where the
    /// payload starts `W + pad` bytes into the block.
    ///
    /// A payload normally follows its header directly (`pad == 0`). An
    /// over-aligned one may start further in; the word before it then holds
    /// `pad | FREE | SENTINEL`, a combination no real header has.
    ///
    /// # Safety
    /// `ptr` is a block in use of this pool.
    #[inline(always)]
    unsafe fn block_of(ptr: NonNull<u8>) -> (*mut u8, usize, usize) {
        // SAFETY: the word before a payload is its header or its pad word
        // (caller); a pad word leads back to the header.
        unsafe {
            let mut b = ptr.as_ptr().sub(W);
            let mut h = rd(b, 0);
            let mut pad = 0;
            if h & SENTINEL != 0 {
                // Over-aligned payloads are the exception. Left alone, LLVM
                // turns this branch into a conditionally executed (IT)
                // sequence that every deallocation steps through, 3
                // instructions more than a branch not taken. The fence emits
                // no instruction; it only keeps this path a branch.
                core::hint::cold_path();
                compiler_fence(Ordering::SeqCst);
                pad = h & !FLAGS;
                b = b.sub(pad);
                h = rd(b, 0);
            }
            debug_assert!(h & (FREE | SENTINEL) == 0, "double free or foreign pointer");
            (b, h, pad)
        }
    }

    // ---- allocation -----------------------------------------------------

    /// Allocates a block for `layout`; `None` when `layout.size()` is zero or
    /// larger than [`Tlsf::MAX_ALLOCATION`], or no free block is large enough.
    ///
    /// The block is aligned to `layout.align()` (any power of two: alignments
    /// up to `2 * size_of::<usize>()` cost nothing, larger ones may leave up to
    /// `align - 2 * size_of::<usize>()` bytes of padding in front of the
    /// payload, inside the block) and holds at least `layout.size()` bytes
    /// ([`Tlsf::usable_size`] says how many). Its contents are unspecified.
    /// O(1).
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 16 * 1024].into_boxed_slice())).unwrap();
    ///
    /// let page = Layout::from_size_align(100, 4096).unwrap();
    /// let p = tlsf.allocate(page).unwrap();
    /// assert_eq!(p.as_ptr() as usize % 4096, 0);
    ///
    /// assert!(tlsf.allocate(Layout::new::<()>()).is_none()); // zero-sized
    /// assert!(tlsf.allocate(Layout::new::<[u8; 20_000]>()).is_none()); // too large
    /// # unsafe { tlsf.deallocate(p, page) };
    /// ```
    #[inline]
    pub fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>> {
        let size = layout.size();
        if size == 0 {
            return None;
        }
        let align = layout.align();
        // No overflow: a `Layout`'s size rounded up to its alignment is at
        // most `isize::MAX`.
        let need = Self::block_size_for(size);
        // With a large alignment, the block must also hold the worst padding
        // (`align - GRAN`: payloads are always GRAN-aligned). Branch-free:
        // `(align - 1) & !(GRAN - 1)` is 0 up to `GRAN`, `align - GRAN` above.
        let search = need + ((align - 1) & !(GRAN - 1));
        if search > Self::MAX_SEARCH {
            return None;
        }
        let up = Self::search_index(search);
        let j = match self.find(up) {
            Some(j) => j,
            None => self.last_resort(up, need, align)?,
        };
        // SAFETY: `find` and `last_resort` return a non-empty list in range,
        // whose head has at least `pad_for(b, align) + need` bytes
        // (guaranteed by the list's class, or checked by `last_resort`).
        unsafe {
            let b = self.pop(j);
            Some(self.carve(b, need, align))
        }
    }

    /// When no list is certain to hold a large enough block: the list of the
    /// request's own class, if its head is large enough (its blocks may or
    /// may not be). Still O(1): one more lookup and comparison.
    #[inline(always)]
    fn last_resort(&mut self, up: usize, need: usize, align: usize) -> Option<usize> {
        // The request's own class is the one below `up` (or `up` itself if the
        // request is a class boundary: then `up` is empty and the class below
        // holds only smaller blocks, which the size check turns down). `up`
        // is a search index, at least 1.
        let exact = up - 1;
        // List 1 never holds a block; its slot is null, or holds the last
        // bitmap word when `SPILL`, which must not be taken for one.
        if Self::SPILL && exact == Self::SPILL_SLOT {
            return None;
        }
        // SAFETY: `exact` is in range: below `up`.
        let h = unsafe { *self.heads.as_flattened().get_unchecked(exact) };
        if h.is_null() {
            return None;
        }
        // SAFETY: `h` is a free block on list `exact` (no PREV_FREE flag).
        let hsize = unsafe { rd(h, 0) } - FREE;
        if hsize < need + Self::pad_for(h, align) {
            return None;
        }
        Some(exact)
    }

    /// Bytes between the end of block `b`'s header and the first
    /// `align`-aligned address (0 for alignments up to `GRAN`).
    #[inline(always)]
    fn pad_for(b: *mut u8, align: usize) -> usize {
        (b.addr() + W).wrapping_neg() & (align - 1)
    }

    /// Turns free block `b` (already off its list) into a block in use whose
    /// payload of `need - W` bytes starts at the first `align`-aligned address
    /// after its header; returns the payload.
    ///
    /// # Safety
    /// `b` is a free block, on no list, of at least `pad_for(b, align) +
    /// need` bytes.
    #[inline(always)]
    unsafe fn carve(&mut self, b: *mut u8, need: usize, align: usize) -> NonNull<u8> {
        // SAFETY: `b` is a free block (caller), so its header and the header
        // of the block after it are valid words of the pool; the tail block
        // and pad word written below lie inside `b`.
        unsafe {
            let size = rd(b, 0) & !FLAGS;
            let mut need = need;
            let mut payload = b.add(W);
            if align > GRAN {
                let pad = Self::pad_for(b, align);
                if pad != 0 {
                    payload = payload.add(pad);
                    wr(payload.sub(W), 0, pad | FREE | SENTINEL);
                    need += pad;
                }
            }
            let rest = size - need;
            let head = if rest >= MIN_BLOCK {
                let t = b.add(need);
                wr(t, 0, rest | FREE);
                wr(t, rest - W, rest);
                self.push(t, rest);
                // The block after `t` already says its predecessor is free.
                need
            } else {
                let n = b.add(size);
                wr(n, 0, rd(n, 0) & !PREV_FREE);
                size
            };
            // A free block's predecessor is in use: no PREV_FREE flag.
            wr(b, 0, head);
            NonNull::new_unchecked(payload)
        }
    }

    /// Frees a block and merges it with free neighbours. O(1).
    ///
    /// `layout` is only checked in debug builds (its size must not exceed the
    /// block's usable size), which also catch double frees and pointers whose
    /// header is not that of a block in use.
    ///
    /// # Safety
    /// `ptr` was returned by [`allocate`](Tlsf::allocate) (or
    /// [`reallocate`](Tlsf::reallocate)) of *this* pool and not freed since;
    /// `layout` has the block's alignment and a size it was allocated or
    /// resized to. The block's memory is not used afterwards.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// let free0 = tlsf.stats().free_bytes;
    /// let l = Layout::new::<u64>();
    /// let (a, b) = (tlsf.allocate(l).unwrap(), tlsf.allocate(l).unwrap());
    /// // SAFETY: both come from this pool and are freed once.
    /// unsafe {
    ///     tlsf.deallocate(a, l);
    ///     tlsf.deallocate(b, l);
    /// }
    /// assert_eq!(tlsf.stats().free_bytes, free0);
    /// assert_eq!(tlsf.check_heap().unwrap().free_blocks, 1);
    /// ```
    #[inline]
    pub unsafe fn deallocate(&mut self, ptr: NonNull<u8>, layout: Layout) {
        // SAFETY: `ptr` is a block in use (caller), so `block_of` finds its
        // header, its size leads to the next block's header, and a set
        // PREV_FREE flag means the word before the header is the size of a
        // free predecessor.
        unsafe {
            let (mut b, h, pad) = Self::block_of(ptr);
            let mut size = h & !FLAGS;
            debug_assert!(
                ptr.as_ptr().addr().is_multiple_of(GRAN),
                "not a block of this pool"
            );
            debug_assert!(size >= MIN_BLOCK && size <= Self::MAX_BLOCK_SIZE);
            debug_assert!(
                layout.size() <= size - W - pad,
                "layout larger than the block"
            );
            let _ = (layout, pad);

            let n = b.add(size);
            let nh = rd(n, 0);
            if nh & FREE != 0 {
                let ns = nh & !FLAGS;
                self.unlink(n);
                size += ns;
            } else {
                wr(n, 0, nh | PREV_FREE);
            }
            if h & PREV_FREE != 0 {
                let ps = rd(b.sub(W), 0);
                b = b.sub(ps);
                self.unlink(b);
                size += ps;
            }
            wr(b, 0, size | FREE);
            wr(b, size - W, size);
            self.push(b, size);
        }
    }

    /// The number of bytes the block at `ptr` can hold: at least the size it
    /// was allocated or last resized with. O(1).
    ///
    /// # Safety
    /// `ptr` is a block in use of this pool.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// let p = tlsf.allocate(Layout::new::<[u8; 5]>()).unwrap();
    /// // SAFETY: `p` is in use.
    /// let n = unsafe { tlsf.usable_size(p) };
    /// assert!(n >= 5);
    /// ```
    #[inline]
    pub unsafe fn usable_size(&self, ptr: NonNull<u8>) -> usize {
        // SAFETY: `ptr` is a block in use (caller).
        let (_, h, pad) = unsafe { Self::block_of(ptr) };
        (h & !FLAGS) - W - pad
    }

    /// Grows the block at `ptr` to hold `new_size` bytes without moving it,
    /// taking space from a free successor; returns whether it now holds
    /// `new_size` bytes (`false`: nothing changed). O(1).
    ///
    /// # Safety
    /// `ptr` is a block in use of this pool; `layout` is as for
    /// [`deallocate`](Tlsf::deallocate). After success, deallocate it with a
    /// layout of size `new_size`.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// let l = Layout::new::<[u8; 16]>();
    /// let p = tlsf.allocate(l).unwrap();
    /// // SAFETY: `p` is in use with layout `l`.
    /// unsafe {
    ///     assert!(tlsf.grow_in_place(p, l, 200));
    ///     assert!(tlsf.usable_size(p) >= 200);
    ///     assert!(!tlsf.grow_in_place(p, Layout::new::<[u8; 200]>(), 5000));
    /// }
    /// ```
    pub unsafe fn grow_in_place(
        &mut self,
        ptr: NonNull<u8>,
        layout: Layout,
        new_size: usize,
    ) -> bool {
        // Larger sizes cannot be layout sizes (and would overflow below).
        if new_size > isize::MAX as usize {
            return false;
        }
        // SAFETY: as in `deallocate`: `ptr` is a block in use, so its header,
        // the next block's header and (when free) that block's list links and
        // footer are valid words of the pool.
        unsafe {
            let (b, h, pad) = Self::block_of(ptr);
            let size = h & !FLAGS;
            debug_assert!(layout.size() <= size - W - pad);
            let _ = layout;
            let need = Self::block_size_for(new_size) + pad;
            if need <= size {
                return true;
            }
            let n = b.add(size);
            let nh = rd(n, 0);
            if nh & FREE == 0 {
                return false;
            }
            let ns = nh & !FLAGS;
            let total = size + ns;
            if total < need {
                return false;
            }
            self.unlink(n);
            let rest = total - need;
            let new = if rest >= MIN_BLOCK {
                let t = b.add(need);
                wr(t, 0, rest | FREE);
                wr(t, rest - W, rest);
                self.push(t, rest);
                need
            } else {
                let after = b.add(total);
                wr(after, 0, rd(after, 0) & !PREV_FREE);
                total
            };
            wr(b, 0, new | (h & PREV_FREE));
        }
        true
    }

    /// Shrinks the block at `ptr` to `new_size` bytes without moving it,
    /// returning the freed tail to the pool (merged with a free successor).
    /// The tail stays with the block when it is too small to be a block on its
    /// own and the successor is in use. O(1).
    ///
    /// # Safety
    /// `ptr` is a block in use of this pool; `layout` is as for
    /// [`deallocate`](Tlsf::deallocate) and `new_size <= layout.size()`.
    /// Deallocate it afterwards with a layout of size `new_size`.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 4096].into_boxed_slice())).unwrap();
    /// let l = Layout::new::<[u8; 1000]>();
    /// let p = tlsf.allocate(l).unwrap();
    /// let used = tlsf.stats().used_bytes;
    /// // SAFETY: `p` is in use with layout `l`.
    /// unsafe { tlsf.shrink_in_place(p, l, 100) };
    /// assert!(tlsf.stats().used_bytes < used);
    /// ```
    pub unsafe fn shrink_in_place(&mut self, ptr: NonNull<u8>, layout: Layout, new_size: usize) {
        debug_assert!(new_size <= layout.size());
        // SAFETY: as in `grow_in_place`; the tail written below lies inside
        // the block (`need < size`).
        unsafe {
            let (b, h, pad) = Self::block_of(ptr);
            let size = h & !FLAGS;
            debug_assert!(layout.size() <= size - W - pad);
            // No overflow: `new_size <= layout.size() <= isize::MAX`.
            let need = Self::block_size_for(new_size) + pad;
            if need >= size {
                return;
            }
            let n = b.add(size);
            let nh = rd(n, 0);
            let mut rest = size - need;
            if nh & FREE != 0 {
                let ns = nh & !FLAGS;
                self.unlink(n);
                rest += ns;
            } else if rest >= MIN_BLOCK {
                wr(n, 0, nh | PREV_FREE);
            } else {
                return;
            }
            let t = b.add(need);
            wr(t, 0, rest | FREE);
            wr(t, rest - W, rest);
            self.push(t, rest);
            wr(b, 0, need | (h & PREV_FREE));
        }
    }

    /// Resizes a block to `new_layout`, in place when it can (shrinking, or
    /// growing into a free successor, with the current address suitably
    /// aligned), otherwise by allocating a new block, copying
    /// `min(old, new)` bytes and freeing the old one.
    ///
    /// Returns `None`, leaving the old block untouched, when
    /// `new_layout.size()` is zero or no block can be found. O(1) in place;
    /// a move adds the copy.
    ///
    /// # Safety
    /// `ptr` is a block in use of this pool allocated with (or last resized
    /// to) `old_layout`. On success only the returned pointer is valid, with
    /// `new_layout`.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 4096].into_boxed_slice())).unwrap();
    /// let old = Layout::array::<u32>(4).unwrap();
    /// let p = tlsf.allocate(old).unwrap().cast::<u32>();
    /// // SAFETY: `p` is in use with layout `old`; afterwards only `q` is used.
    /// unsafe {
    ///     p.write(7);
    ///     let q = tlsf.reallocate(p.cast(), old, Layout::array::<u32>(64).unwrap()).unwrap();
    ///     assert_eq!(q.cast::<u32>().read(), 7);
    /// }
    /// ```
    pub unsafe fn reallocate(
        &mut self,
        ptr: NonNull<u8>,
        old_layout: Layout,
        new_layout: Layout,
    ) -> Option<NonNull<u8>> {
        let new_size = new_layout.size();
        if new_size == 0 {
            return None;
        }
        if ptr.as_ptr().addr() & (new_layout.align() - 1) == 0 {
            if new_size <= old_layout.size() {
                // SAFETY: forwarded caller guarantees; `new_size` is smaller.
                unsafe { self.shrink_in_place(ptr, old_layout, new_size) };
                return Some(ptr);
            }
            // SAFETY: forwarded caller guarantees.
            if unsafe { self.grow_in_place(ptr, old_layout, new_size) } {
                return Some(ptr);
            }
        }
        let new = self.allocate(new_layout)?;
        // SAFETY: `new` is a fresh block of at least `new_size` bytes, distinct
        // from the live block `ptr` of at least `old_layout.size()` bytes; the
        // old block is freed once, after the copy.
        unsafe {
            ptr::copy_nonoverlapping(ptr.as_ptr(), new.as_ptr(), old_layout.size().min(new_size));
            self.deallocate(ptr, old_layout);
        }
        Some(new)
    }

    // ---- regions --------------------------------------------------------

    /// Gives the pool a region of memory. The region may start at any address
    /// from `FLLEN * SLLEN` on and have any length: up to
    /// `2 * size_of::<usize>() - 1` bytes go to alignment and
    /// `2 * size_of::<usize>()` to the end sentinel; a region too small for a
    /// block is refused with [`RegionTooSmall`] (it is then not used). A
    /// region larger than [`Tlsf::MAX_BLOCK_SIZE`] is cut into chunks.
    ///
    /// # Panics
    ///
    /// When a region large enough for a block starts below address
    /// `FLLEN * SLLEN` (96 in the default configuration, at most 928 on 32-bit
    /// targets): the pool uses those small numbers to tag its free lists, so
    /// no block may lie there. Only a part with RAM at address 0 can run into
    /// this; hand over its RAM from address 1024 on.
    ///
    /// Regions need not be adjacent; adjacent regions are not merged.
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// let buf: &'static mut [u8] = Box::leak(vec![0u8; 1001].into_boxed_slice());
    /// tlsf.extend(&mut buf[3..]).unwrap(); // misaligned start, odd length
    /// assert!(tlsf.allocate(Layout::new::<[u64; 100]>()).is_some());
    /// ```
    pub fn extend(&mut self, region: &'static mut [u8]) -> Result<(), RegionTooSmall> {
        // SAFETY: a `&'static mut` region is ours for the rest of the program.
        unsafe { self.extend_raw(NonNull::from(region)) }
    }

    /// Panics when a region that can hold a block starts below address
    /// `LISTS`: numbers below `LISTS` are list tags (see `tag`), so no block
    /// may lie there.
    ///
    /// Skipping the start of such a region, or refusing it with an error,
    /// would make the first block's offset, or the outcome, depend on the
    /// region's address, which the compiler cannot know for a static:
    /// `extend(REGION).unwrap()` would no longer fold to constants, and the
    /// unwrap would keep the error's formatting code (about 1 KiB of text in
    /// the examples). (An empty or tiny region, whose address may be a
    /// dangling 1, is refused for its size before this check.)
    #[inline(always)]
    fn check_above_tags(start: usize) {
        assert!(
            start >= Self::LISTS,
            "lull-tlsf: region starts below address FLLEN * SLLEN"
        );
    }

    /// [`extend`](Tlsf::extend) with uninitialized memory (e.g. a
    /// `static mut [MaybeUninit<u8>; N]` kept out of `.bss` zeroing). Panics
    /// as `extend` does.
    ///
    /// ```
    /// use core::mem::MaybeUninit;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// let region = Box::leak(Box::new([MaybeUninit::<u8>::uninit(); 512]));
    /// tlsf.extend_uninit(region).unwrap();
    /// assert!(tlsf.stats().free_bytes >= 512 - 32);
    /// ```
    pub fn extend_uninit(
        &mut self,
        region: &'static mut [MaybeUninit<u8>],
    ) -> Result<(), RegionTooSmall> {
        let len = region.len();
        let start = region.as_mut_ptr().cast::<u8>();
        // SAFETY: a `&'static mut` region is ours for the rest of the program;
        // the pool never reads a byte of it before writing it.
        unsafe {
            self.extend_raw(NonNull::slice_from_raw_parts(
                NonNull::new_unchecked(start),
                len,
            ))
        }
    }

    /// [`extend`](Tlsf::extend) with a region given by pointer, e.g. from
    /// linker symbols or a buffer that outlives the pool. Panics as `extend`
    /// does.
    ///
    /// # Safety
    /// The region is valid for reads and writes, and used by nothing but this
    /// pool (and the blocks it hands out), for as long as the pool or any of
    /// its blocks is used.
    ///
    /// ```
    /// use core::{alloc::Layout, ptr::NonNull};
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut buf = vec![0u8; 256];
    /// {
    ///     let mut tlsf: Tlsf = Tlsf::new();
    ///     // SAFETY: `buf` outlives `tlsf` and is not touched meanwhile.
    ///     unsafe { tlsf.extend_raw(NonNull::from(&mut buf[..])) }.unwrap();
    ///     assert!(tlsf.allocate(Layout::new::<u32>()).is_some());
    /// }
    /// drop(buf);
    /// ```
    pub unsafe fn extend_raw(&mut self, region: NonNull<[u8]>) -> Result<(), RegionTooSmall> {
        let len = region.len();
        let start = region.cast::<u8>().as_ptr();
        // First block at the first address >= start that is ≡ W (mod GRAN).
        let lead = W.wrapping_sub(start.addr()) & (GRAN - 1);
        // Blocks plus sentinels, in whole granules.
        let mut avail = len.saturating_sub(lead) & !(GRAN - 1);
        if avail < MIN_BLOCK + GRAN {
            return Err(RegionTooSmall { len });
        }
        Self::check_above_tags(start.addr());
        // SAFETY: `lead < len` (avail > 0), so the pointer stays in the
        // region; the loop writes each chunk (a free block and a two-word
        // sentinel) inside `lead..lead + avail_at_entry`.
        unsafe {
            let mut b = start.add(lead);
            while avail >= MIN_BLOCK + GRAN {
                let size = (avail - GRAN).min(Self::MAX_BLOCK_SIZE);
                wr(b, 0, size | FREE);
                wr(b, size - W, size);
                let s = b.add(size);
                wr(s, 0, SENTINEL | PREV_FREE);
                wrp(s, W, self.chunks());
                self.heads.as_flattened_mut()[Self::CHUNKS] = b;
                self.push(b, size);
                avail -= size + GRAN;
                b = s.add(GRAN);
            }
        }
        Ok(())
    }

    // ---- inspection -----------------------------------------------------

    /// Free and used bytes and blocks in use, counted by walking every block
    /// of every chunk: O(blocks + chunks), a few instructions per block.
    ///
    /// The pool keeps no counters: keeping them up to date cost every
    /// `allocate` and every `deallocate` four instructions (a load, two
    /// updates and a store) and the control block three words, for figures
    /// that are read far more rarely than blocks are allocated. Through
    /// `GlobalTlsf` the walk runs inside one critical section, so call it
    /// where that latency is acceptable (diagnostics, tests).
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// let s = tlsf.stats();
    /// assert_eq!((s.used_bytes, s.allocated_blocks), (0, 0));
    /// assert!(s.free_bytes >= 1024 - 32);
    /// ```
    pub fn stats(&self) -> Stats {
        let mut s = Stats::default();
        let mut chunk = self.chunks();
        while !chunk.is_null() {
            let mut b = chunk;
            // SAFETY: `chunk` is the first block of a chunk; every block's
            // header holds its size, which leads to the next block's header,
            // up to the chunk's sentinel, whose second word links to the next
            // chunk (or is null).
            unsafe {
                loop {
                    let h = rd(b, 0);
                    if h & SENTINEL != 0 {
                        chunk = rdp(b, W);
                        break;
                    }
                    let size = h & !FLAGS;
                    if h & FREE != 0 {
                        s.free_bytes += size;
                    } else {
                        s.used_bytes += size;
                        s.allocated_blocks += 1;
                    }
                    b = b.add(size);
                }
            }
        }
        s
    }

    /// The size of the largest free block in bytes (header included), 0 when
    /// there is none. A request whose [`Layout`] size is at most this minus
    /// `size_of::<usize>()`, with alignment up to `2 * size_of::<usize>()`,
    /// may still fail because of the good-fit rounding (see the [crate
    /// documentation](crate#good-fit)); one at most
    /// [`Tlsf::guaranteed_allocation`] cannot.
    ///
    /// Walks one free list (the largest non-empty size class): not O(1).
    ///
    /// ```
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// assert_eq!(tlsf.largest_free_block(), 0);
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// assert_eq!(tlsf.largest_free_block(), tlsf.stats().free_bytes);
    /// ```
    pub fn largest_free_block(&self) -> usize {
        let Some(j) = self.top() else {
            return 0;
        };
        let mut b = self.heads.as_flattened()[j];
        let mut best = 0;
        while !b.is_null() {
            // SAFETY: `b` is a free block on a list.
            unsafe {
                best = best.max(rd(b, 0) & !FLAGS);
                b = rdp(b, NEXT);
            }
        }
        best
    }

    /// The largest `layout.size()` that [`Tlsf::allocate`] is certain to serve
    /// right now (alignment up to `2 * size_of::<usize>()`): the lower bound of
    /// the largest non-empty size class, minus the header. O(1).
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 3000].into_boxed_slice())).unwrap();
    /// let n = tlsf.guaranteed_allocation();
    /// assert!(n > 2000);
    /// assert!(tlsf.allocate(Layout::from_size_align(n, 1).unwrap()).is_some());
    /// ```
    pub fn guaranteed_allocation(&self) -> usize {
        let Some(j) = self.top() else {
            return 0;
        };
        let (fl, sl) = (j >> Self::SLI, j & (SLLEN - 1));
        let class_min = if fl == 0 {
            sl << LOG_GRAN
        } else {
            (SLLEN + sl) << (fl - 1 + LOG_GRAN as usize)
        };
        class_min - W
    }

    /// The largest non-empty list, if any: reads at most
    /// `ceil(FLLEN * SLLEN / 32)` bitmap words.
    fn top(&self) -> Option<usize> {
        // SAFETY: every `w` is below `WORDS`.
        let w = (0..Self::WORDS).rposition(|w| unsafe { self.word(w) } != 0)?;
        // SAFETY: `w < WORDS`.
        Some((w << 5) + 31 - unsafe { self.word(w) }.trailing_zeros() as usize)
    }

    /// Walks every block of every region and checks the pool's invariants:
    /// block sizes and flags, boundary tags, no two free blocks adjacent,
    /// every free block on the right list exactly once, the bitmap.
    /// O(blocks × free-list length); meant for tests and
    /// debugging.
    ///
    /// Returns a [`HeapReport`], or a description of the first inconsistency
    /// (which means memory outside the blocks in use was overwritten, or a
    /// precondition of an `unsafe` method was broken).
    ///
    /// ```
    /// use core::alloc::Layout;
    /// use lull_tlsf::Tlsf;
    ///
    /// let mut tlsf: Tlsf = Tlsf::new();
    /// tlsf.extend(Box::leak(vec![0u8; 1024].into_boxed_slice())).unwrap();
    /// let _a = tlsf.allocate(Layout::new::<[u8; 100]>()).unwrap();
    /// let report = tlsf.check_heap().unwrap();
    /// assert_eq!((report.used_blocks, report.free_blocks), (1, 1));
    /// ```
    pub fn check_heap(&self) -> Result<HeapReport, &'static str> {
        let mut r = HeapReport::default();
        let mut chunk = self.chunks();
        while !chunk.is_null() {
            r.chunks += 1;
            let mut b = chunk;
            let mut prev_free = false;
            // SAFETY: walking from a chunk's first block by block sizes stays
            // inside the chunk as long as the sizes are sane, which is checked
            // before each step; the sentinel ends the chunk.
            unsafe {
                loop {
                    let h = rd(b, 0);
                    if (h & PREV_FREE != 0) != prev_free {
                        return Err("PREV_FREE flag does not match the previous block");
                    }
                    if h & SENTINEL != 0 {
                        chunk = rdp(b, W);
                        break;
                    }
                    let size = h & !FLAGS;
                    if size < MIN_BLOCK || size > Self::MAX_BLOCK_SIZE || !size.is_multiple_of(GRAN)
                    {
                        return Err("block size out of range");
                    }
                    if h & FREE != 0 {
                        if prev_free {
                            return Err("two adjacent free blocks");
                        }
                        if rd(b, size - W) != size {
                            return Err("free block footer does not match its size");
                        }
                        if !self.on_list(b, size) {
                            return Err("free block not on its list");
                        }
                        r.free_blocks += 1;
                        r.free_bytes += size;
                        prev_free = true;
                    } else {
                        r.used_blocks += 1;
                        r.used_bytes += size;
                        prev_free = false;
                    }
                    b = b.add(size);
                }
            }
        }
        let mut listed = 0;
        // `WORDS <= FLLEN`.
        let mut bitmap = [0u32; FLLEN];
        for (j, &head) in self.heads.as_flattened().iter().enumerate() {
            if j == Self::CHUNKS || j == Self::SPILL_SLOT {
                continue;
            }
            let mut b = head;
            let mut prev = Self::tag(j);
            if !b.is_null() {
                bitmap[j >> 5] |= Self::bit_of(j);
            }
            while !b.is_null() {
                // SAFETY: `b` is on a list; `on_list` above proved every
                // walked free block is, and `listed` below proves the lists
                // hold nothing else.
                unsafe {
                    let h = rd(b, 0);
                    if h & FREE == 0 || Self::index(h & !FLAGS) != j {
                        return Err("list entry is not a free block of its class");
                    }
                    if rdp(b, PREV) != prev {
                        return Err("broken back link");
                    }
                    prev = b;
                    b = rdp(b, NEXT);
                }
                listed += 1;
                if listed > r.free_blocks {
                    return Err("lists hold blocks the heap walk did not find");
                }
            }
        }
        // SAFETY: every `w` is below `WORDS`.
        if (0..Self::WORDS).any(|w| unsafe { self.word(w) } != bitmap[w]) {
            return Err("bitmap does not match the lists");
        }
        if !Self::SPILL && !self.heads.as_flattened()[Self::SPILL_SLOT].is_null() {
            return Err("the unused slot of list 1 is not null");
        }
        if listed != r.free_blocks {
            return Err("a free block is missing from the lists");
        }
        let s = self.stats();
        if (s.free_bytes, s.used_bytes, s.allocated_blocks)
            != (r.free_bytes, r.used_bytes, r.used_blocks)
        {
            return Err("statistics disagree with the heap");
        }
        Ok(r)
    }

    /// Whether free block `b` of `size` bytes is on the list its size maps to.
    fn on_list(&self, b: *mut u8, size: usize) -> bool {
        let j = Self::index(size);
        if j >= Self::LISTS {
            return false;
        }
        let mut p = self.heads.as_flattened()[j];
        while !p.is_null() {
            if p == b {
                return true;
            }
            // SAFETY: `p` is on a list.
            p = unsafe { rdp(p, NEXT) };
        }
        false
    }
}

#[cfg(test)]
mod tests;
