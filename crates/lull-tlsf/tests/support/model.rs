//! A reference model of the pool, shared by the property test
//! (`tests/model.rs`) and the fuzz target (`fuzz/fuzz_targets/model.rs`).
//!
//! The model keeps the regions it handed to the pool and the blocks in use
//! with their layouts and a fill byte, and after every operation checks what
//! the pool must guarantee: alignment, blocks inside a region, no overlap with
//! another block in use (headers included), contents preserved by `grow`,
//! `shrink` and `reallocate`, statistics matching the model's sums, no
//! spurious failure (a request of at most `guaranteed_allocation()` bytes
//! succeeds), and `check_heap` at every `Check` and at the end, when every
//! block is freed and the pool must be one free block per chunk.
#![allow(dead_code)]

use core::alloc::Layout;
use core::ptr::NonNull;
use lull_tlsf::{Sllen, SupportedSllen, Tlsf};
use std::vec::Vec;

const W: usize = size_of::<usize>();
const GRAN: usize = 2 * W;

/// One operation. Indices pick a block in use modulo their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Alloc {
        size: usize,
        align_shift: u8,
    },
    Free {
        idx: usize,
    },
    Grow {
        idx: usize,
        extra: usize,
    },
    Shrink {
        idx: usize,
        keep_per_256: u8,
    },
    Realloc {
        idx: usize,
        size: usize,
        align_shift: u8,
    },
    Check,
}

/// A region: `len` bytes starting `offset` bytes after a 64-byte boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionSpec {
    pub len: usize,
    pub offset: usize,
}

struct Region {
    base: *mut u8,
    layout: std::alloc::Layout,
    start: usize,
    len: usize,
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: allocated in `Harness::new` with this layout.
        unsafe { std::alloc::dealloc(self.base, self.layout) };
    }
}

struct Live {
    ptr: NonNull<u8>,
    layout: Layout,
    fill: u8,
    /// Most padding the block may hold: `align - GRAN` for the largest
    /// alignment it was allocated with (resizing in place keeps the padding).
    pad_bound: usize,
}

/// The pool under test and the model of what it should contain.
pub struct Harness<const FL: usize, const SL: usize>
where
    Sllen<SL>: SupportedSllen,
{
    // Field order: the pool is dropped before the regions it points into.
    tlsf: Tlsf<FL, SL>,
    regions: Vec<Region>,
    live: Vec<Live>,
    managed: usize,
    next_fill: u8,
    /// Requests served / made, for statistics in tests.
    pub served: usize,
    pub requests: usize,
}

fn fill(p: NonNull<u8>, from: usize, to: usize, byte: u8) {
    // SAFETY: callers pass a range inside a block in use.
    unsafe { p.as_ptr().add(from).write_bytes(byte, to - from) };
}

fn verify(p: NonNull<u8>, len: usize, byte: u8, what: &str) {
    // SAFETY: callers pass a range inside a block in use that was filled.
    let s = unsafe { core::slice::from_raw_parts(p.as_ptr(), len) };
    if let Some(i) = s.iter().position(|&b| b != byte) {
        panic!(
            "{what}: byte {i} of {len} is {:#x}, expected {byte:#x}",
            s[i]
        );
    }
}

impl<const FL: usize, const SL: usize> Harness<FL, SL>
where
    Sllen<SL>: SupportedSllen,
{
    /// A pool over fresh regions; checks which regions are refused.
    pub fn new(specs: &[RegionSpec]) -> Self {
        let mut h = Harness {
            tlsf: Tlsf::<FL, SL>::empty(),
            regions: Vec::new(),
            live: Vec::new(),
            managed: 0,
            next_fill: 1,
            served: 0,
            requests: 0,
        };
        for spec in specs {
            let layout =
                std::alloc::Layout::from_size_align(spec.len + spec.offset + 1, 64).unwrap();
            // SAFETY: not zero-sized.
            let base = unsafe { std::alloc::alloc(layout) };
            assert!(!base.is_null());
            // SAFETY: `offset + len` is inside the allocation.
            let start = unsafe { base.add(spec.offset) };
            let region = NonNull::slice_from_raw_parts(NonNull::new(start).unwrap(), spec.len);
            let lead = W.wrapping_sub(start.addr()) & (GRAN - 1);
            let usable = spec.len.saturating_sub(lead) & !(GRAN - 1);
            let before = h.tlsf.stats().free_bytes;
            // SAFETY: the region lives in `h.regions` until after the pool is
            // dropped, and nothing else touches it.
            let res = unsafe { h.tlsf.extend_raw(region) };
            assert_eq!(
                res.is_ok(),
                usable >= 3 * GRAN,
                "region {spec:?} lead {lead}"
            );
            let added = h.tlsf.stats().free_bytes - before;
            if res.is_ok() {
                // One sentinel per chunk, and at most a too-small tail lost.
                let chunks = usable / Tlsf::<FL, SL>::MAX_BLOCK_SIZE + 1;
                assert!(added % GRAN == 0 && added <= usable - GRAN);
                assert!(
                    usable - added <= chunks * GRAN + 3 * GRAN,
                    "region {spec:?} lost too much"
                );
            } else {
                assert_eq!(added, 0);
            }
            h.managed += added;
            h.regions.push(Region {
                base,
                layout,
                start: start.addr(),
                len: spec.len,
            });
        }
        h.check_stats();
        h.check_heap();
        h
    }

    pub fn tlsf(&self) -> &Tlsf<FL, SL> {
        &self.tlsf
    }

    pub fn live(&self) -> usize {
        self.live.len()
    }

    fn fill_byte(&mut self) -> u8 {
        let b = self.next_fill;
        self.next_fill = self.next_fill.wrapping_add(37) | 1;
        b
    }

    fn usable(&self, p: NonNull<u8>) -> usize {
        // SAFETY: `p` is a block in use of the pool.
        unsafe { self.tlsf.usable_size(p) }
    }

    /// Checks a block (new or resized) against the regions and the other
    /// blocks in use (`skip`: its own index).
    fn check_placement(&self, p: NonNull<u8>, layout: Layout, skip: Option<usize>) {
        let addr = p.as_ptr().addr();
        assert_eq!(addr % layout.align(), 0, "misaligned for {layout:?}");
        assert_eq!(addr % GRAN, 0, "payload not granule-aligned");
        let usable = self.usable(p);
        assert!(
            usable >= layout.size(),
            "usable {usable} < {}",
            layout.size()
        );
        let (lo, hi) = (addr - W, addr + usable);
        assert!(
            self.regions
                .iter()
                .any(|r| lo >= r.start && hi <= r.start + r.len),
            "block {lo:#x}..{hi:#x} outside every region"
        );
        for (i, other) in self.live.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            let oa = other.ptr.as_ptr().addr();
            let (olo, ohi) = (oa - W, oa + self.usable(other.ptr));
            assert!(
                hi <= olo || ohi <= lo,
                "block {lo:#x}..{hi:#x} overlaps {olo:#x}..{ohi:#x}"
            );
        }
    }

    fn check_stats(&self) {
        let s = self.tlsf.stats();
        assert_eq!(s.allocated_blocks, self.live.len());
        // Each block in use costs its header and usable bytes, plus (for an
        // alignment above the granule) up to `align - GRAN` bytes of padding.
        let used: usize = self.live.iter().map(|l| self.usable(l.ptr) + W).sum();
        let pads: usize = self.live.iter().map(|l| l.pad_bound).sum();
        assert!(
            s.used_bytes >= used && s.used_bytes <= used + pads,
            "used bytes {} not in {used}..={}",
            s.used_bytes,
            used + pads
        );
        assert_eq!(s.free_bytes + s.used_bytes, self.managed);
    }

    /// Runs `check_heap` and compares its report with the model.
    pub fn check_heap(&self) {
        let rep = self
            .tlsf
            .check_heap()
            .unwrap_or_else(|e| panic!("heap corrupt: {e}"));
        assert_eq!(rep.used_blocks, self.live.len());
        assert_eq!(rep.free_bytes + rep.used_bytes, self.managed);
        assert!(rep.free_blocks <= rep.used_blocks + rep.chunks);
    }

    pub fn apply(&mut self, op: Op) {
        match op {
            Op::Alloc { size, align_shift } => self.alloc(size, align_shift),
            Op::Free { idx } => self.free(idx),
            Op::Grow { idx, extra } => self.grow(idx, extra),
            Op::Shrink { idx, keep_per_256 } => self.shrink(idx, keep_per_256),
            Op::Realloc {
                idx,
                size,
                align_shift,
            } => self.realloc(idx, size, align_shift),
            Op::Check => self.check_heap(),
        }
        self.check_stats();
    }

    fn alloc(&mut self, size: usize, align_shift: u8) {
        let align = 1usize << (align_shift as u32 % 13);
        let Ok(layout) = Layout::from_size_align(size, align) else {
            return;
        };
        let guaranteed = self.tlsf.guaranteed_allocation();
        self.requests += 1;
        match self.tlsf.allocate(layout) {
            Some(p) => {
                assert_ne!(size, 0, "zero-sized request served");
                self.check_placement(p, layout, None);
                let f = self.fill_byte();
                fill(p, 0, size, f);
                self.live.push(Live {
                    ptr: p,
                    layout,
                    fill: f,
                    pad_bound: align.saturating_sub(GRAN),
                });
                self.served += 1;
            }
            None => {
                assert!(
                    size == 0 || size > guaranteed || align > GRAN,
                    "request {layout:?} refused although {guaranteed} bytes were guaranteed"
                );
            }
        }
    }

    fn free(&mut self, idx: usize) {
        if self.live.is_empty() {
            return;
        }
        let l = self.live.swap_remove(idx % self.live.len());
        verify(l.ptr, l.layout.size(), l.fill, "contents before free");
        // SAFETY: `l` is a block in use with its layout; dropped from the model.
        unsafe { self.tlsf.deallocate(l.ptr, l.layout) };
    }

    fn grow(&mut self, idx: usize, extra: usize) {
        if self.live.is_empty() {
            return;
        }
        let i = idx % self.live.len();
        let Live {
            ptr,
            layout,
            fill: f,
            ..
        } = self.live[i];
        let new_size = layout.size() + extra;
        let before = self.usable(ptr);
        // SAFETY: block in use with `layout`.
        let ok = unsafe { self.tlsf.grow_in_place(ptr, layout, new_size) };
        if ok {
            let new_layout = Layout::from_size_align(new_size, layout.align()).unwrap();
            self.check_placement(ptr, new_layout, Some(i));
            fill(ptr, layout.size(), new_size, f);
            self.live[i].layout = new_layout;
        } else {
            assert_eq!(self.usable(ptr), before, "failed grow changed the block");
            assert!(new_size > before);
        }
        verify(ptr, self.live[i].layout.size(), f, "contents after grow");
    }

    fn shrink(&mut self, idx: usize, keep_per_256: u8) {
        if self.live.is_empty() {
            return;
        }
        let i = idx % self.live.len();
        let Live {
            ptr,
            layout,
            fill: f,
            ..
        } = self.live[i];
        let new_size = layout.size() * keep_per_256 as usize / 256;
        let before = self.usable(ptr);
        // SAFETY: block in use with `layout`; `new_size <= layout.size()`.
        unsafe { self.tlsf.shrink_in_place(ptr, layout, new_size) };
        let after = self.usable(ptr);
        assert!(after >= new_size && after <= before);
        self.live[i].layout = Layout::from_size_align(new_size, layout.align()).unwrap();
        verify(ptr, new_size, f, "contents after shrink");
    }

    fn realloc(&mut self, idx: usize, size: usize, align_shift: u8) {
        if self.live.is_empty() {
            return;
        }
        let i = idx % self.live.len();
        let Live {
            ptr,
            layout,
            fill: f,
            pad_bound,
        } = self.live[i];
        let align = 1usize << (align_shift as u32 % 13);
        let Ok(new_layout) = Layout::from_size_align(size, align) else {
            return;
        };
        // SAFETY: block in use with `layout`; on success only the new pointer
        // is kept.
        match unsafe { self.tlsf.reallocate(ptr, layout, new_layout) } {
            Some(p) => {
                assert_ne!(size, 0);
                self.check_placement(p, new_layout, Some(i));
                verify(p, layout.size().min(size), f, "contents after reallocate");
                if size > layout.size() {
                    fill(p, layout.size(), size, f);
                }
                let fresh = align.saturating_sub(GRAN);
                self.live[i] = Live {
                    ptr: p,
                    layout: new_layout,
                    fill: f,
                    pad_bound: if p == ptr {
                        pad_bound.max(fresh)
                    } else {
                        fresh
                    },
                };
            }
            None => {
                verify(ptr, layout.size(), f, "contents after failed reallocate");
            }
        }
    }

    /// Frees every block and checks that the pool is whole again.
    pub fn finish(mut self) {
        self.check_heap();
        while !self.live.is_empty() {
            self.free(self.live.len() / 2);
            self.check_stats();
        }
        let rep = self
            .tlsf
            .check_heap()
            .unwrap_or_else(|e| panic!("heap corrupt: {e}"));
        assert_eq!(rep.used_blocks, 0);
        assert_eq!(
            rep.free_blocks, rep.chunks,
            "pool not coalesced back to one block per chunk"
        );
        assert_eq!(rep.free_bytes, self.managed);
    }
}

/// Decodes regions and operations from fuzzer bytes.
pub struct Decoder<'a> {
    data: &'a [u8],
}

impl<'a> Decoder<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Decoder { data }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> usize {
        self.byte() as usize | (self.byte() as usize) << 8
    }

    /// A request size: mostly small, sometimes large, zero or huge.
    pub fn size(&mut self) -> usize {
        match self.byte() % 16 {
            0..=8 => 1 + self.byte() as usize % 64,
            9..=11 => 1 + self.u16() % 1024,
            12..=13 => 1 + self.u16() % 16384,
            14 => 0,
            _ => usize::MAX / 4 + self.byte() as usize,
        }
    }

    /// Mostly alignments of 1 to 8, sometimes up to 4096.
    fn align_shift(&mut self) -> u8 {
        let a = self.byte();
        if a < 200 { a % 4 } else { self.byte() }
    }

    pub fn regions(&mut self) -> Vec<RegionSpec> {
        let n = 1 + self.byte() % 3;
        (0..n)
            .map(|_| RegionSpec {
                len: self.u16() % 40_000,
                offset: self.byte() as usize % 64,
            })
            .collect()
    }

    pub fn op(&mut self) -> Op {
        match self.byte() % 12 {
            0..=3 => Op::Alloc {
                size: self.size(),
                align_shift: self.align_shift(),
            },
            4..=6 => Op::Free { idx: self.u16() },
            7 => Op::Grow {
                idx: self.u16(),
                extra: self.size() % 4096,
            },
            8 => Op::Shrink {
                idx: self.u16(),
                keep_per_256: self.byte(),
            },
            9 | 10 => Op::Realloc {
                idx: self.u16(),
                size: self.size(),
                align_shift: self.align_shift(),
            },
            _ => Op::Check,
        }
    }
}

/// Runs one fuzz input: the configuration, the regions and the operations.
pub fn run_bytes(data: &[u8]) {
    let mut d = Decoder::new(data);
    match d.byte() % 5 {
        0 => run_decoded::<12, 8>(d),
        1 => run_decoded::<8, 4>(d),
        2 => run_decoded::<5, 2>(d),
        3 => run_decoded::<10, 8>(d),
        _ => run_decoded::<14, 16>(d),
    }
}

fn run_decoded<const FL: usize, const SL: usize>(mut d: Decoder<'_>)
where
    Sllen<SL>: SupportedSllen,
{
    let regions = d.regions();
    let mut h = Harness::<FL, SL>::new(&regions);
    let mut n = 0;
    while !d.is_empty() && n < 2000 {
        let op = d.op();
        h.apply(op);
        n += 1;
    }
    h.finish();
}
