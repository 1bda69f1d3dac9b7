//! The TLSF benchmark workloads, shared by the thumbv7m firmware
//! (`bench/tlsf`) and the host instruction counter (`bench/tlsf-host`), which
//! include this file with `#[path]`. `no_std`, no allocation.
//!
//! Both workloads issue the *same* request stream to every allocator: the
//! generator's decisions depend only on its seeded PRNG and on its own record
//! of what it asked for, never on whether a request was served. A request that
//! failed is still "live" for the generator; its later free is skipped (and
//! not measured).

use core::alloc::Layout;
use core::ptr;

use crate::systems::System;

/// Measures one operation: the firmware puts `bench_marker::mark!` around the
/// call, the host a traced `int3` and a known return address.
pub trait Meter {
    fn alloc<S: System>(&mut self, sys: &mut S, layout: Layout) -> *mut u8;
    /// # Safety
    /// `p` is a block of `sys` allocated with `layout`.
    unsafe fn dealloc<S: System>(&mut self, sys: &mut S, p: *mut u8, layout: Layout);
}

/// Random workload: operations, seed and generator limits.
pub const OPS: usize = 20_000;
pub const SEED: u32 = 0x9E37_79B9;
/// Most requests the generator keeps live at once.
pub const MAX_LIVE: usize = 256;

/// Adversarial workload: the holes' and separators' request sizes, and how
/// many requests that fit no hole follow.
/// A separator holds two pointers (8 bytes on 32-bit targets); a hole is
/// three times as large (24 bytes on 32-bit targets).
pub const SEPARATOR: usize = 2 * size_of::<*mut u8>();
pub const HOLE: usize = 3 * SEPARATOR;
pub const MISFITS: usize = 200;

/// What a workload achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Outcome {
    pub requests: u32,
    pub served: u32,
    /// Requests made before the first one that failed (all of them if none
    /// failed).
    pub before_first_oom: u32,
    failed: bool,
}

impl Outcome {
    /// An outcome from its counts (the host passes them from the traced child).
    #[allow(dead_code)]
    pub fn from_counts(requests: u32, served: u32, before_first_oom: u32) -> Self {
        Outcome {
            requests,
            served,
            before_first_oom,
            failed: before_first_oom < requests,
        }
    }

    fn record(&mut self, ok: bool) {
        self.requests += 1;
        if ok {
            self.served += 1;
        } else {
            self.failed = true;
        }
        if !self.failed {
            self.before_first_oom += 1;
        }
    }

    /// Percentage of requests served, in hundredths of a percent.
    pub fn success_centi_pct(&self) -> u32 {
        (self.served as u64 * 10_000 / self.requests.max(1) as u64) as u32
    }

    /// Percentage of requests made before the first failure, in hundredths.
    pub fn first_oom_centi_pct(&self) -> u32 {
        (self.before_first_oom as u64 * 10_000 / self.requests.max(1) as u64) as u32
    }
}

/// xorshift32: small, fast, the same on every target.
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Self {
        Rng(seed)
    }
    #[inline(always)]
    pub fn draw(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// A request size in 8..8192 bytes, skewed to small: octave `k` (sizes
/// `8 << k ..< 16 << k`) is drawn with weight `10 - k`, uniform inside it.
/// Mean about 440 bytes; half the requests are below 64 bytes.
#[inline(always)]
pub fn size(rng: &mut Rng) -> usize {
    let mut w = rng.draw() % 55;
    let mut k = 0;
    while w >= 10 - k {
        w -= 10 - k;
        k += 1;
    }
    let lo = 8usize << k;
    lo + rng.draw() as usize % lo
}

/// An alignment in 4..=64: 4 and 8 most of the time.
#[inline(always)]
pub fn align(rng: &mut Rng) -> usize {
    match rng.draw() % 16 {
        0..=5 => 4,
        6..=11 => 8,
        12 | 13 => 16,
        14 => 32,
        _ => 64,
    }
}

/// A request the generator considers live (`ptr` null if it failed).
#[derive(Clone, Copy)]
pub struct Slot {
    ptr: *mut u8,
    size: u16,
    align: u8,
}

/// The live table's initial value (the firmware keeps the table in a
/// `static` to leave the stack small).
pub const EMPTY: Slot = Slot {
    ptr: ptr::null_mut(),
    size: 0,
    align: 0,
};

/// (a) Seeded random: `OPS` operations on a pool of `pool_len` bytes. Each is
/// an allocation (60 %, while the generator's live requests stay under 7/8 of
/// the pool and `MAX_LIVE` blocks) or the free of a random live request.
pub fn random<S: System, M: Meter>(
    sys: &mut S,
    m: &mut M,
    pool_len: usize,
    live: &mut [Slot; MAX_LIVE],
) -> Outcome {
    let budget = pool_len - pool_len / 8;
    let mut rng = Rng::new(SEED);
    let mut n = 0;
    let mut live_bytes = 0;
    let mut out = Outcome::default();
    for _ in 0..OPS {
        let r = rng.draw();
        let size = size(&mut rng);
        let align = align(&mut rng);
        let pick = rng.draw() as usize;
        let alloc = n == 0 || (n < MAX_LIVE && live_bytes + size <= budget && r % 100 < 60);
        if alloc {
            let layout = Layout::from_size_align(size, align).unwrap();
            let p = m.alloc(sys, layout);
            out.record(!p.is_null());
            live[n] = Slot {
                ptr: p,
                size: size as u16,
                align: align as u8,
            };
            n += 1;
            live_bytes += size;
        } else {
            let i = pick % n;
            let s = live[i];
            n -= 1;
            live[i] = live[n];
            live_bytes -= s.size as usize;
            if !s.ptr.is_null() {
                let layout = Layout::from_size_align(s.size as usize, s.align as usize).unwrap();
                // SAFETY: `s.ptr` was allocated by `sys` with this layout and
                // is freed once (it left the live table).
                unsafe { m.dealloc(sys, s.ptr, layout) };
            }
        }
    }
    out
}

/// (b) Adversarial: fill the pool with alternating `HOLE`- and
/// `SEPARATOR`-byte blocks until a request fails, free every hole (the pool is
/// now full of small holes), make `MISFITS` requests of 64 to 4096 bytes that
/// fit no hole, then free the separators (each merges with the holes on both
/// sides).
///
/// The blocks are tracked inside the separators themselves (each holds its
/// hole's address and the previous separator's), so the workload needs no
/// table whatever the pool size.
pub fn adversarial<S: System, M: Meter>(sys: &mut S, m: &mut M) -> Outcome {
    let hole = Layout::from_size_align(HOLE, 4).unwrap();
    let sep = Layout::from_size_align(SEPARATOR, align_of::<*mut u8>()).unwrap();
    let mut out = Outcome::default();
    let mut last: *mut u8 = ptr::null_mut();
    loop {
        let h = m.alloc(sys, hole);
        out.record(!h.is_null());
        if h.is_null() {
            break;
        }
        let s = m.alloc(sys, sep);
        out.record(!s.is_null());
        if s.is_null() {
            // SAFETY: `h` was just allocated with `hole`.
            unsafe { m.dealloc(sys, h, hole) };
            break;
        }
        // SAFETY: a separator holds two pointers (`SEPARATOR` bytes).
        unsafe {
            s.cast::<*mut u8>().write(h);
            s.cast::<*mut u8>().add(1).write(last);
        }
        last = s;
    }
    // Free every hole.
    let mut s = last;
    while !s.is_null() {
        // SAFETY: `s` is a live separator written above.
        let (h, prev) = unsafe {
            (
                s.cast::<*mut u8>().read(),
                s.cast::<*mut u8>().add(1).read(),
            )
        };
        // SAFETY: `h` is a live hole block, freed once.
        unsafe { m.dealloc(sys, h, hole) };
        s = prev;
    }
    // Requests that fit no hole.
    let sizes = [64, 96, 128, 256, 512, 1024, 4096];
    for i in 0..MISFITS {
        let layout = Layout::from_size_align(sizes[i % sizes.len()], 4 << (i % 2)).unwrap();
        let p = m.alloc(sys, layout);
        out.record(!p.is_null());
        if !p.is_null() {
            // SAFETY: just allocated with `layout`.
            unsafe { m.dealloc(sys, p, layout) };
        }
    }
    // Free the separators.
    let mut s = last;
    while !s.is_null() {
        // SAFETY: `s` is a live separator; its link is read before the free.
        let prev = unsafe { s.cast::<*mut u8>().add(1).read() };
        // SAFETY: `s` is live, freed once.
        unsafe { m.dealloc(sys, s, sep) };
        s = prev;
    }
    out
}

/// Per-block overhead: on a fresh pool, two blocks of `n` bytes allocated one
/// after the other lie `n + overhead` bytes apart when `n` needs no rounding;
/// the smallest distance minus `n` over `n` in 16..=256 (4-byte steps) is the
/// bytes of metadata every block in use costs.
pub fn block_overhead<S: System>(sys: &mut S) -> usize {
    let mut best = usize::MAX;
    let mut n = 16;
    while n <= 256 {
        let l = Layout::from_size_align(n, 4).unwrap();
        let a = sys.alloc(l);
        let b = sys.alloc(l);
        assert!(!a.is_null() && !b.is_null());
        let d = a.addr().abs_diff(b.addr());
        best = best.min(d - n);
        // SAFETY: both were just allocated with `l`.
        unsafe {
            sys.dealloc(b, l);
            sys.dealloc(a, l);
        }
        n += 4;
    }
    best
}
