//! The four allocators under test behind one interface, shared by the
//! firmware (`bench/tlsf`) and the host counter (`bench/tlsf-host`) through
//! `#[path]`.
//!
//! `alloc` and `dealloc` are `#[inline(never)]`, so a measured interval is one
//! call of the same shape for every allocator: argument set-up, the call, the
//! allocator's own code, the return.

use core::alloc::Layout;
use core::ptr::{self, NonNull};

/// One allocator over one pool.
pub trait System: Sized {
    /// The `system` column of the results.
    const NAME: &'static str;

    /// An allocator managing `len` bytes at `pool`.
    ///
    /// # Safety
    /// The memory is valid, unused by anything else and outlives the value.
    unsafe fn new(pool: *mut u8, len: usize) -> Self;

    /// Null when the request cannot be served.
    fn alloc(&mut self, layout: Layout) -> *mut u8;

    /// # Safety
    /// `p` came from `alloc(layout)` of this value and is freed once.
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout);

    /// RAM the allocator's bookkeeping takes outside its blocks: its struct,
    /// plus any fixed table it keeps inside the pool.
    fn control_block_bytes() -> usize;
}

/// Lull's TLSF (`lull_tlsf::Tlsf`, default configuration `<12, 8>`).
pub struct Lull(lull_tlsf::Tlsf);

impl System for Lull {
    const NAME: &'static str = "lull";

    unsafe fn new(pool: *mut u8, len: usize) -> Self {
        let mut t = lull_tlsf::Tlsf::new();
        let region = NonNull::slice_from_raw_parts(NonNull::new(pool).unwrap(), len);
        // SAFETY: forwarded caller guarantee.
        unsafe { t.extend_raw(region) }.unwrap();
        Lull(t)
    }

    #[inline(never)]
    fn alloc(&mut self, layout: Layout) -> *mut u8 {
        self.0
            .allocate(layout)
            .map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline(never)]
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded caller guarantee (`p` is non-null).
        unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout) }
    }

    fn control_block_bytes() -> usize {
        size_of::<lull_tlsf::Tlsf>()
    }
}

/// rlsf 0.2 in the configuration whose control block the issue quotes (about
/// 796 bytes on 32-bit): 16-bit bitmaps, FLLEN 12, SLLEN 16.
pub type RlsfTlsf = rlsf::Tlsf<'static, u16, u16, 12, 16>;

pub struct Rlsf(RlsfTlsf);

impl System for Rlsf {
    const NAME: &'static str = "rlsf";

    unsafe fn new(pool: *mut u8, len: usize) -> Self {
        let mut t = RlsfTlsf::new();
        let region = NonNull::slice_from_raw_parts(NonNull::new(pool).unwrap(), len);
        // SAFETY: forwarded caller guarantee. A pool larger than rlsf's largest
        // block is split by `insert_free_block_ptr` itself.
        let added = unsafe { t.insert_free_block_ptr(region) };
        assert!(added.is_some());
        Rlsf(t)
    }

    #[inline(never)]
    fn alloc(&mut self, layout: Layout) -> *mut u8 {
        self.0
            .allocate(layout)
            .map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline(never)]
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded caller guarantee.
        unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout.align()) }
    }

    fn control_block_bytes() -> usize {
        size_of::<RlsfTlsf>()
    }
}

/// talc 5 with its default binning and a manually claimed arena.
pub type TalcBase = talc::base::Talc<talc::source::Manual, talc::DefaultBinning>;

pub struct Talc(TalcBase);

impl System for Talc {
    const NAME: &'static str = "talc";

    unsafe fn new(pool: *mut u8, len: usize) -> Self {
        let mut t = TalcBase::new(talc::source::Manual);
        // SAFETY: forwarded caller guarantee.
        let claimed = unsafe { t.claim(pool, len) };
        assert!(claimed.is_some());
        Talc(t)
    }

    #[inline(never)]
    fn alloc(&mut self, layout: Layout) -> *mut u8 {
        // SAFETY: the workloads never request zero bytes.
        unsafe { self.0.allocate(layout) }.map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline(never)]
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded caller guarantee.
        unsafe { self.0.deallocate(p, layout) }
    }

    /// The struct, plus the free-list heads talc places at the start of its
    /// first arena (one pointer per bin).
    fn control_block_bytes() -> usize {
        use talc::base::binning::Binning;
        size_of::<TalcBase>() + talc::DefaultBinning::BIN_COUNT as usize * size_of::<*mut u8>()
    }
}

/// linked_list_allocator 0.10 (first fit over a list of holes).
pub struct LinkedList(linked_list_allocator::Heap);

impl System for LinkedList {
    const NAME: &'static str = "linked_list_allocator";

    unsafe fn new(pool: *mut u8, len: usize) -> Self {
        let mut h = linked_list_allocator::Heap::empty();
        // SAFETY: forwarded caller guarantee.
        unsafe { h.init(pool, len) };
        LinkedList(h)
    }

    #[inline(never)]
    fn alloc(&mut self, layout: Layout) -> *mut u8 {
        self.0
            .allocate_first_fit(layout)
            .map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline(never)]
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded caller guarantee.
        unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout) }
    }

    fn control_block_bytes() -> usize {
        size_of::<linked_list_allocator::Heap>()
    }
}
