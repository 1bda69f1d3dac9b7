//! A size-class pool allocator for Cortex-M.
//!
//! A [`Pool`] serves a few block sizes, its *classes*, each from a free list
//! threaded through its free blocks: allocating pops the list's first block,
//! freeing pushes the block back. No search, no header, no split, no merge.
//! It is meant for the tasks of an executor, whose sizes are known when the
//! firmware is built (`cargo xtask task-sizes <elf>` lists them and proposes
//! classes), but serves any request that fits a class.
//!
//! - **The class is chosen at compile time** when the request's layout is a
//!   constant at the call site after inlining — as in the executor's
//!   `spawn` and in every `Box<T>`: the run-time path is then one pop
//!   (allocate) and one push (free). The classes are constants of a type
//!   implementing [`Classes`], so the compiler sees them.
//! - **Alignment is honoured**: a request goes to the first class (in the
//!   order declared) whose block size and alignment are both large enough.
//! - **Capacity is fixed**: each class has `count` blocks. An empty class
//!   fails the request (the thread-mode allocator's OOM hook, or
//!   `try_spawn`'s error); it does not borrow from another class.
//! - **Fallback**: [`Pool::with_fallback`] puts any other [`Heap`] (a
//!   `lull_tlsf::Tlsf`, say) behind the pool for the requests no class fits;
//!   [`Pool::new`] has none ([`NoFallback`]).
//! - [`Pool::statistics`]: blocks, free and used per class and allocation
//!   failures, plus the fallback's own statistics.
//!
//! ```
//! use core::alloc::Layout;
//! use core::mem::MaybeUninit;
//! use lull_pool::{Class, Classes, Pool};
//!
//! /// Two classes: four 16-byte blocks and two 64-byte blocks aligned to 8.
//! struct Sizes;
//! impl Classes for Sizes {
//!     const CLASSES: &'static [Class] = &[Class::new(16, 4, 4), Class::new(64, 8, 2)];
//! }
//!
//! static mut MEMORY: [MaybeUninit<u8>; Pool::<Sizes, 2>::BYTES] =
//!     [MaybeUninit::uninit(); Pool::<Sizes, 2>::BYTES];
//!
//! let mut pool: Pool<Sizes, 2> = Pool::new();
//! // SAFETY: `MEMORY` is used here only.
//! pool.extend(unsafe { &mut *(&raw mut MEMORY) });
//!
//! let small = Layout::new::<[u32; 3]>(); // 12 bytes: class 0
//! let p = pool.allocate(small).unwrap();
//! assert_eq!(pool.statistics().classes[0].used, 1);
//! // SAFETY: `p` came from this pool for `small`.
//! unsafe { pool.deallocate(p, small) };
//!
//! let big = Layout::from_size_align(48, 8).unwrap(); // class 1
//! let a = pool.allocate(big).unwrap();
//! let b = pool.allocate(big).unwrap();
//! assert!(pool.allocate(big).is_none()); // two blocks only
//! assert_eq!(pool.statistics().failures, 1);
//! // SAFETY: both came from this pool for `big`.
//! unsafe { pool.deallocate(a, big); pool.deallocate(b, big) };
//! assert_eq!(pool.statistics().used_blocks(), 0);
//! ```
//!
//! # Behind `#[allocator]` and the executor
//!
//! `Pool` implements [`lull_alloc::Heap`] and [`lull_alloc::AddMemory`], so
//! it can be a thread-mode allocator and thus the heap of a
//! `lull_executor::executor!`:
//!
//! ```
//! use core::mem::MaybeUninit;
//! use lull_alloc::{allocator, ThreadModeAllocator};
//! use lull_executor::executor;
//! use lull_pool::{Class, Classes, Pool};
//!
//! struct Tasks;
//! impl Classes for Tasks {
//!     // Room for four tasks of up to 64 bytes.
//!     const CLASSES: &'static [Class] = &[Class::new(64, 8, 4)];
//! }
//!
//! #[allocator(memory = Pool::<Tasks, 1>::BYTES)]
//! static A: Pool<Tasks, 1> = Pool::new();
//! executor!(name = X, allocator = A);
//!
//! # lull_alloc::host::thread_mode(|| {
//! let (x, a) = X::get().unwrap();
//! let task = x.spawn(async { 6 * 7 });
//! assert_eq!(a.statistics().classes[0].used, 1);
//! assert_eq!(x.block_on(task), 42);
//! assert_eq!(a.statistics().used_blocks(), 0);
//! # });
//! ```
//!
//! # Cost
//!
//! On thumbv7m with the class chosen at compile time, allocate is a load of
//! the list head, a test for an empty list, a load of the next link and a
//! store of the new head; free is a load of the head and two stores (plus
//! the pool's address). Measured in QEMU (`cargo xtask bench --only
//! task-alloc,spawn`, instructions including the benchmark's call and the
//! `match` on the block's kind):
//!
//! | | pool | lull TLSF | talc | rlsf |
//! |---|---:|---:|---:|---:|
//! | `task-alloc` allocate, worst / mean | 11 / 11 | 67 / 58.6 | 94 / 86.4 | 115 / 103.7 |
//! | `task-alloc` free, worst / mean | 8 / 8 | 66 / 50.2 | 80 / 60.8 | 116 / 75.8 |
//! | control block (4 classes) | 36 B | 396 B | 396 B | 796 B |
//!
//! `spawn` of a trivial task, its run and its free (`spawn` scenario,
//! cycle): 184 instructions on a pool, 282 on the TLSF (embassy, a task
//! from a pool of 1: 209; RTIC, a static software task: 96). The allocator's code
//! in that program (`text-allocator`: the pool or the TLSF, with
//! `lull-alloc`) is 174 bytes of text on the pool, 444 on the TLSF.
//!
//! A layout known only at run time walks the classes (at most `N` tests);
//! on the TLSF benchmarks' random workload (requests of 8..8192 bytes, ten
//! power-of-two classes) that is 96 / 103 instructions worst case for
//! allocate / free.
#![no_std]

use core::alloc::Layout;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{MaybeUninit, align_of, size_of};
use core::ptr::{self, NonNull};

use lull_alloc::{AddMemory, Heap};

/// One size class: `count` blocks of `size` bytes, aligned to `align`.
///
/// A block is at least a pointer in size and alignment (its free-list link
/// lives in it while it is free); [`stride`](Class::stride) is the distance
/// between two blocks of the class.
///
/// ```
/// use lull_pool::Class;
///
/// let c = Class::new(20, 8, 3);
/// assert_eq!(c.stride(), 24); // 20 rounded up to the alignment
/// assert_eq!(Class::new(1, 1, 1).stride(), core::mem::size_of::<usize>());
/// ```
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    /// The largest request the class serves, in bytes.
    pub size: usize,
    /// The largest alignment the class serves (a power of two).
    pub align: usize,
    /// How many blocks the class has when its memory is given in full.
    pub count: usize,
}

impl Class {
    /// A class of `count` blocks for requests up to `size` bytes aligned to
    /// at most `align`. Panics (at compile time in a constant) if `align`
    /// is not a power of two.
    pub const fn new(size: usize, align: usize, count: usize) -> Self {
        assert!(
            align.is_power_of_two(),
            "a class's alignment must be a power of two"
        );
        Class { size, align, count }
    }

    /// The alignment of the class's blocks: `align`, at least a pointer's.
    pub const fn block_align(&self) -> usize {
        if self.align > align_of::<FreeBlock>() {
            self.align
        } else {
            align_of::<FreeBlock>()
        }
    }

    /// The distance between two blocks: `size`, at least a pointer's,
    /// rounded up to [`block_align`](Class::block_align).
    pub const fn stride(&self) -> usize {
        let size = if self.size > size_of::<FreeBlock>() {
            self.size
        } else {
            size_of::<FreeBlock>()
        };
        size.next_multiple_of(self.block_align())
    }

    /// Whether a request for `layout` fits a block of this class.
    #[inline(always)]
    pub const fn fits(&self, layout: Layout) -> bool {
        layout.size() <= self.size && layout.align() <= self.block_align()
    }
}

/// The classes of a pool, as constants the compiler can see.
///
/// Implement it on a type of your own and use that type as the first
/// parameter of [`Pool`]. Declare the classes smallest first: a request goes
/// to the first class it [`fits`](Class::fits).
///
/// ```
/// use lull_pool::{Class, Classes};
///
/// struct Tasks;
/// impl Classes for Tasks {
///     const CLASSES: &'static [Class] = &[
///         Class::new(32, 4, 8),  // eight small tasks
///         Class::new(128, 8, 2), // two large ones
///     ];
/// }
/// assert_eq!(Tasks::CLASSES.len(), 2);
/// ```
pub trait Classes {
    /// The classes, smallest first.
    const CLASSES: &'static [Class];
}

/// The free-list link kept in the first word of a free block.
#[repr(C)]
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

/// A pool of `N` size classes `C`, with fallback heap `F` for the requests
/// no class fits.
///
/// `N` must equal `C::CLASSES.len()` (checked at compile time). Build it with
/// [`new`](Pool::new) or [`with_fallback`](Pool::with_fallback) (both
/// `const`), then give it memory with [`extend`](Pool::extend) (or
/// `add_memory` of a thread-mode allocator), which cuts the blocks of every
/// class. See the [crate documentation](crate) for an example.
pub struct Pool<C: Classes, const N: usize, F = NoFallback> {
    /// The first free block of each class.
    heads: [Option<NonNull<FreeBlock>>; N],
    /// Blocks cut for each class so far.
    blocks: [usize; N],
    /// Requests that got no block.
    failures: usize,
    fallback: F,
    _classes: PhantomData<C>,
}

impl<C: Classes, const N: usize> Pool<C, N, NoFallback> {
    /// An empty pool without fallback: requests no class fits fail.
    pub const fn new() -> Self {
        Self::with_fallback(NoFallback)
    }
}

impl<C: Classes, const N: usize> Default for Pool<C, N, NoFallback> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C: Classes, const N: usize, F> Pool<C, N, F> {
    /// Bytes of memory that give every class its `count` blocks, whatever
    /// the alignment of the memory's start: use it as the length of the
    /// memory handed to [`extend`](Pool::extend).
    pub const BYTES: usize = {
        let mut bytes = 0;
        let mut i = 0;
        while i < C::CLASSES.len() {
            let c = &C::CLASSES[i];
            // At most `block_align - 1` bytes of padding before the class.
            bytes += c.block_align() - 1 + c.stride() * c.count;
            i += 1;
        }
        bytes
    };

    /// An empty pool whose requests no class fits go to `fallback`.
    ///
    /// ```
    /// use core::mem::MaybeUninit;
    /// use lull_pool::{Class, Classes, Pool};
    /// use lull_tlsf::Tlsf;
    ///
    /// struct Sizes;
    /// impl Classes for Sizes {
    ///     const CLASSES: &'static [Class] = &[Class::new(32, 8, 4)];
    /// }
    /// static mut MEMORY: [MaybeUninit<u8>; 2048] = [MaybeUninit::uninit(); 2048];
    ///
    /// let mut pool: Pool<Sizes, 1, Tlsf> = Pool::with_fallback(Tlsf::new());
    /// // The four blocks of 32 bytes, the rest to the TLSF.
    /// // SAFETY: `MEMORY` is used here only.
    /// let rest = pool.extend(unsafe { &mut *(&raw mut MEMORY) });
    /// pool.fallback_mut().extend_uninit(rest).unwrap();
    /// let big = core::alloc::Layout::new::<[u8; 500]>();
    /// let p = pool.allocate(big).unwrap(); // from the TLSF
    /// assert_eq!(pool.statistics().fallback.allocated_blocks, 1);
    /// // SAFETY: `p` came from this pool for `big`.
    /// unsafe { pool.deallocate(p, big) };
    /// ```
    pub const fn with_fallback(fallback: F) -> Self {
        const {
            assert!(
                N == C::CLASSES.len(),
                "Pool<C, N>: N must be the number of classes in C::CLASSES"
            )
        };
        Pool {
            heads: [None; N],
            blocks: [0; N],
            failures: 0,
            fallback,
            _classes: PhantomData,
        }
    }

    /// The fallback heap.
    pub fn fallback(&self) -> &F {
        &self.fallback
    }

    /// The fallback heap, e.g. to give it memory of its own.
    pub fn fallback_mut(&mut self) -> &mut F {
        &mut self.fallback
    }

    /// The class that serves `layout`, or `N` if none does. A constant when
    /// `layout` is one.
    #[inline(always)]
    fn class_of(layout: Layout) -> usize {
        let mut i = 0;
        while i < N {
            if C::CLASSES[i].fits(layout) {
                return i;
            }
            i += 1;
        }
        N
    }

    /// Cuts blocks for the classes that have fewer than their `count` out of
    /// `region`, class by class in order, and returns what is left of it
    /// (for the fallback, or another use).
    ///
    /// A class that does not fit in what is left is skipped and the next one
    /// tried; a later call with more memory continues where this one
    /// stopped. Give it [`BYTES`](Pool::BYTES) bytes to fill every class.
    ///
    /// ```
    /// use core::mem::MaybeUninit;
    /// use lull_pool::{Class, Classes, Pool};
    ///
    /// struct Sizes;
    /// impl Classes for Sizes {
    ///     const CLASSES: &'static [Class] = &[Class::new(8, 4, 3)];
    /// }
    /// static mut MEMORY: [MaybeUninit<u8>; 64] = [MaybeUninit::uninit(); 64];
    ///
    /// let mut pool: Pool<Sizes, 1> = Pool::new();
    /// // SAFETY: `MEMORY` is used here only.
    /// let rest = pool.extend(unsafe { &mut *(&raw mut MEMORY) });
    /// assert_eq!(pool.statistics().classes[0].blocks, 3);
    /// assert!(rest.len() >= 64 - Pool::<Sizes, 1>::BYTES);
    /// ```
    pub fn extend(
        &mut self,
        region: &'static mut [MaybeUninit<u8>],
    ) -> &'static mut [MaybeUninit<u8>] {
        let len = region.len();
        let base = region.as_mut_ptr().cast::<u8>();
        let mut used = 0; // bytes of the region cut into blocks or skipped
        for (i, c) in C::CLASSES.iter().enumerate().take(N) {
            let (align, stride) = (c.block_align(), c.stride());
            while self.blocks[i] < c.count {
                let pad = base.wrapping_add(used).align_offset(align);
                let Some(end) = used.checked_add(pad).and_then(|o| o.checked_add(stride)) else {
                    break;
                };
                let offset = end - stride;
                if end > len {
                    break;
                }
                // SAFETY: `offset..end` is inside the region, which the pool
                // owns from now on; the block is aligned for `FreeBlock`
                // (`block_align` is at least its alignment) and large enough
                // (`stride` is at least its size).
                unsafe {
                    let block = base.add(offset).cast::<FreeBlock>();
                    block.write(FreeBlock {
                        next: self.heads[i],
                    });
                    self.heads[i] = Some(NonNull::new_unchecked(block));
                }
                self.blocks[i] += 1;
                used = end;
            }
        }
        // SAFETY: `used <= len`; the rest of the region was not handed out.
        unsafe { core::slice::from_raw_parts_mut(base.add(used).cast(), len - used) }
    }

    /// Allocates a block for `layout`: from the first class it fits, or from
    /// the fallback if it fits none. `None` when that class is empty (or the
    /// fallback has no room).
    ///
    /// Inlined: with a constant `layout` the class is a constant and this is
    /// one pop from its free list.
    #[inline(always)]
    pub fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>>
    where
        F: Heap,
    {
        let class = Self::class_of(layout);
        if class < N {
            match self.heads[class] {
                Some(block) => {
                    // SAFETY: a block on a free list holds its link.
                    self.heads[class] = unsafe { block.as_ref().next };
                    Some(block.cast())
                }
                None => self.failed(),
            }
        } else {
            self.fallback_allocate(layout)
        }
    }

    #[cold]
    #[inline(never)]
    fn failed(&mut self) -> Option<NonNull<u8>> {
        // Wrapping: no method of a `Heap` may panic (not even on overflow).
        self.failures = self.failures.wrapping_add(1);
        None
    }

    #[inline(never)]
    fn fallback_allocate(&mut self, layout: Layout) -> Option<NonNull<u8>>
    where
        F: Heap,
    {
        let block = self.fallback.allocate(layout);
        if block.is_none() {
            self.failures = self.failures.wrapping_add(1);
        }
        block
    }

    /// Frees a block: pushes it on its class's free list, or hands it to the
    /// fallback.
    ///
    /// # Safety
    ///
    /// `ptr` was returned by this pool for `layout` and is still live.
    #[inline(always)]
    pub unsafe fn deallocate(&mut self, ptr: NonNull<u8>, layout: Layout)
    where
        F: Heap,
    {
        let class = Self::class_of(layout);
        if class < N {
            let block = ptr.cast::<FreeBlock>();
            // SAFETY: the block came from class `class` (the same layout
            // picks the same class), so it is aligned and large enough for
            // the link, and the caller gives it back to us.
            unsafe {
                block.write(FreeBlock {
                    next: self.heads[class],
                })
            };
            self.heads[class] = Some(block);
        } else {
            // SAFETY: a layout no class fits was served by the fallback.
            unsafe { self.fallback.deallocate(ptr, layout) }
        }
    }

    /// Moves a live block of `old` to a new block for `new`, keeping
    /// `min(old, new)` bytes; `None` (old block untouched) if there is no
    /// room.
    ///
    /// # Safety
    ///
    /// As [`deallocate`](Pool::deallocate).
    unsafe fn reallocate(
        &mut self,
        ptr: NonNull<u8>,
        old: Layout,
        new: Layout,
    ) -> Option<NonNull<u8>>
    where
        F: Heap,
    {
        let class = Self::class_of(old);
        if class == Self::class_of(new) {
            if class < N {
                // Same class: the block serves `new` as it is.
                return Some(ptr);
            }
            // SAFETY: both layouts are the fallback's; forwarded.
            return unsafe {
                if new.size() >= old.size() {
                    self.fallback.grow(ptr, old, new)
                } else {
                    self.fallback.shrink(ptr, old, new)
                }
            };
        }
        let moved = self.allocate(new)?;
        // SAFETY: both blocks are live and disjoint, each at least as long
        // as the bytes copied.
        unsafe {
            ptr::copy_nonoverlapping(ptr.as_ptr(), moved.as_ptr(), old.size().min(new.size()))
        };
        // SAFETY: the caller gives `ptr` back.
        unsafe { self.deallocate(ptr, old) };
        Some(moved)
    }

    /// Blocks, free and used per class, failures, and the fallback's
    /// statistics. Counting the free blocks walks the free lists (the hot
    /// paths keep no counters); call it for diagnostics, not in a loop.
    pub fn statistics(&self) -> Stats<N, F::Statistics>
    where
        F: Heap,
    {
        let mut classes = [ClassStats::default(); N];
        for (i, (out, c)) in classes.iter_mut().zip(C::CLASSES).enumerate() {
            let mut free = 0;
            let mut block = self.heads[i];
            while let Some(b) = block {
                free += 1;
                // SAFETY: a block on a free list holds its link.
                block = unsafe { b.as_ref().next };
            }
            *out = ClassStats {
                size: c.size,
                stride: c.stride(),
                blocks: self.blocks[i],
                free,
                // Never below zero while the pool is used as its contract
                // says; wrapping rather than a panic if it was not.
                used: self.blocks[i].wrapping_sub(free),
            };
        }
        Stats {
            classes,
            failures: self.failures,
            fallback: self.fallback.statistics(),
        }
    }
}

impl<C: Classes, const N: usize, F: fmt::Debug> fmt::Debug for Pool<C, N, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("classes", &C::CLASSES)
            .field("blocks", &self.blocks)
            .field("failures", &self.failures)
            .field("fallback", &self.fallback)
            .finish_non_exhaustive()
    }
}

/// What [`Pool::statistics`] reports.
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats<const N: usize, S> {
    /// One entry per class, in the order declared.
    pub classes: [ClassStats; N],
    /// Requests that got no block: their class was empty, or the fallback
    /// had no room.
    pub failures: usize,
    /// The fallback's statistics (`()` for [`NoFallback`]).
    pub fallback: S,
}

impl<const N: usize, S> Stats<N, S> {
    /// Blocks in use over all classes (the fallback's not included).
    pub fn used_blocks(&self) -> usize {
        self.classes.iter().map(|c| c.used).sum()
    }

    /// Bytes of blocks in use over all classes (strides; the fallback's not
    /// included).
    pub fn used_bytes(&self) -> usize {
        self.classes.iter().map(|c| c.used * c.stride).sum()
    }

    /// Bytes of free blocks over all classes (the fallback's not included).
    pub fn free_bytes(&self) -> usize {
        self.classes.iter().map(|c| c.free * c.stride).sum()
    }
}

/// The statistics of one class.
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// The class's [`Class::size`].
    pub size: usize,
    /// The class's [`Class::stride`]: bytes per block.
    pub stride: usize,
    /// Blocks cut for the class.
    pub blocks: usize,
    /// Blocks on its free list.
    pub free: usize,
    /// Blocks in use (`blocks - free`).
    pub used: usize,
}

/// The fallback of a pool that has none: every request fails, memory given
/// to it is ignored.
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoFallback;

// SAFETY: hands out no block and calls nothing.
unsafe impl Heap for NoFallback {
    type Statistics = ();

    #[inline(always)]
    fn allocate(&mut self, _: Layout) -> Option<NonNull<u8>> {
        None
    }

    #[inline(always)]
    unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}

    fn statistics(&self) {}
}

// SAFETY: keeps nothing and calls nothing.
unsafe impl AddMemory for NoFallback {
    type Error = core::convert::Infallible;

    fn add_memory(&mut self, _: &'static mut [MaybeUninit<u8>]) -> Result<(), Self::Error> {
        Ok(())
    }
}

// SAFETY: class blocks are disjoint parts of the regions the pool was given,
// each on at most one free list and handed out once until freed; every
// layout picks the same class on allocate and free, so a block returns to the
// list it came from and is aligned and large enough for any layout of that
// class; `reallocate` keeps the contents and leaves the old block alone when
// it fails. Requests no class fits go to `F`, itself a `Heap`. Nothing here
// calls a thread-mode allocator, and nothing panics (counters wrap, indices
// are checked against `N` before use).
unsafe impl<C: Classes, const N: usize, F: Heap> Heap for Pool<C, N, F> {
    type Statistics = Stats<N, F::Statistics>;

    #[inline(always)]
    fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>> {
        Pool::allocate(self, layout)
    }

    #[inline(always)]
    unsafe fn deallocate(&mut self, ptr: NonNull<u8>, layout: Layout) {
        // SAFETY: forwarded from the caller.
        unsafe { Pool::deallocate(self, ptr, layout) }
    }

    unsafe fn grow(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.reallocate(ptr, old, new) }
    }

    unsafe fn shrink(&mut self, ptr: NonNull<u8>, old: Layout, new: Layout) -> Option<NonNull<u8>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.reallocate(ptr, old, new) }
    }

    fn statistics(&self) -> Self::Statistics {
        Pool::statistics(self)
    }
}

// SAFETY: `extend` only cuts the region into blocks of the pool's own; the
// rest goes to the fallback, itself `AddMemory`. No thread-mode allocator is
// called.
unsafe impl<C: Classes, const N: usize, F: AddMemory> AddMemory for Pool<C, N, F> {
    type Error = F::Error;

    /// Cuts blocks for the classes ([`Pool::extend`]) and gives the rest of
    /// the region to the fallback. Fails only when no block was cut and the
    /// fallback refused the region.
    fn add_memory(&mut self, region: &'static mut [MaybeUninit<u8>]) -> Result<(), Self::Error> {
        let len = region.len();
        let rest = self.extend(region);
        let cut = rest.len() != len;
        if rest.is_empty() {
            return Ok(());
        }
        match self.fallback.add_memory(rest) {
            Err(e) if !cut => Err(e),
            _ => Ok(()),
        }
    }
}
