//! Model-based property test: random sequences of allocate and free against
//! a model of the pool (live blocks per class, capacity, failures).
//!
//! Checked after every step: each block is aligned, inside the pool's
//! memory, disjoint from every live block, and keeps the bytes written into
//! it; a request fails exactly when its class has no free block left (or no
//! class fits and there is no fallback); the statistics match the model.
//!
//! The number of cases is `PROPTEST_CASES` when set, otherwise 256 natively
//! and 4 under Miri (with shorter sequences).

use core::alloc::Layout;
use core::mem::MaybeUninit;
use std::collections::BTreeMap;

use lull_pool::{Class, Classes, Pool};
use proptest::prelude::*;

struct Mixed;
impl Classes for Mixed {
    const CLASSES: &'static [Class] = &[
        Class::new(1, 1, 5),
        Class::new(12, 4, 4),
        Class::new(24, 8, 3),
        Class::new(40, 16, 2),
        Class::new(100, 64, 2),
    ];
}
const N: usize = 5;
type P = Pool<Mixed, N>;

fn cases_from(var: Option<&str>) -> u32 {
    let default = if cfg!(miri) { 4 } else { 256 };
    match var.map(str::trim) {
        None | Some("") => default,
        Some(n) => n
            .parse()
            .unwrap_or_else(|_| panic!("PROPTEST_CASES must be a number, got {n:?}")),
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases_from(std::env::var("PROPTEST_CASES").ok().as_deref()),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn proptest_cases_follows_the_environment() {
    let default = if cfg!(miri) { 4 } else { 256 };
    assert_eq!(cases_from(None), default);
    assert_eq!(cases_from(Some(" 17 ")), 17);
    assert!(std::panic::catch_unwind(|| cases_from(Some("many"))).is_err());
}

#[derive(Clone, Debug)]
enum Op {
    /// Allocate `size` bytes aligned to `1 << align_shift`.
    Alloc { size: usize, align_shift: u8 },
    /// Free the live block at this index (modulo the number of live blocks).
    Free(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1usize..=110, 0u8..=7).prop_map(|(size, align_shift)| Op::Alloc { size, align_shift }),
        2 => any::<usize>().prop_map(Op::Free),
    ]
}

/// The class a request goes to, by the model's own rule.
fn model_class(layout: Layout) -> Option<usize> {
    Mixed::CLASSES.iter().position(|c| {
        let align = c.align.max(core::mem::align_of::<usize>());
        layout.size() <= c.size && layout.align() <= align
    })
}

struct Live {
    ptr: *mut u8,
    layout: Layout,
    class: usize,
    fill: u8,
}

fn run(ops: &[Op], offset: usize) {
    // Memory: the pool's own size plus `offset` bytes of misalignment at the
    // start. A Vec kept alive for the test; the pool gets a `'static` view
    // of it (leaked, then reclaimed at the end).
    let total = P::BYTES + offset;
    let memory: &'static mut [MaybeUninit<u8>] =
        Box::leak(vec![MaybeUninit::<u8>::uninit(); total].into_boxed_slice());
    let raw = memory.as_mut_ptr();
    let (lo, hi) = (raw as usize, raw as usize + total);
    // SAFETY: the first `offset` bytes are not given to the pool.
    let region = unsafe { core::slice::from_raw_parts_mut(raw.add(offset), total - offset) };
    let mut pool: P = Pool::new();
    pool.extend(region);
    for (i, c) in pool.statistics().classes.iter().enumerate() {
        assert_eq!(c.blocks, Mixed::CLASSES[i].count, "BYTES fills every class");
    }

    let mut live: Vec<Live> = Vec::new();
    let mut failures = 0;
    let mut fill = 0u8;
    for op in ops {
        match *op {
            Op::Alloc { size, align_shift } => {
                let layout = Layout::from_size_align(size, 1 << align_shift).unwrap();
                let class = model_class(layout);
                let in_use = class.map(|c| live.iter().filter(|l| l.class == c).count());
                let expect = match (class, in_use) {
                    (Some(c), Some(n)) => n < Mixed::CLASSES[c].count,
                    _ => false,
                };
                match pool.allocate(layout) {
                    Some(p) => {
                        assert!(expect, "served {layout:?} beyond its class's capacity");
                        let p = p.as_ptr();
                        let class = class.unwrap();
                        let stride = Mixed::CLASSES[class].stride();
                        assert_eq!(p as usize % layout.align(), 0, "misaligned");
                        assert!(p as usize >= lo && p as usize + stride <= hi, "outside");
                        for l in &live {
                            let s = Mixed::CLASSES[l.class].stride();
                            let disjoint = p as usize + stride <= l.ptr as usize
                                || l.ptr as usize + s <= p as usize;
                            assert!(disjoint, "overlapping blocks");
                        }
                        fill = fill.wrapping_add(1);
                        // SAFETY: the block is ours, `size` bytes at least.
                        unsafe { p.write_bytes(fill, size) };
                        live.push(Live {
                            ptr: p,
                            layout,
                            class,
                            fill,
                        });
                    }
                    None => {
                        assert!(!expect, "refused {layout:?} with room in its class");
                        failures += 1;
                    }
                }
            }
            Op::Free(i) if !live.is_empty() => {
                let l = live.swap_remove(i % live.len());
                for k in 0..l.layout.size() {
                    // SAFETY: still live, `size` bytes written above.
                    assert_eq!(unsafe { *l.ptr.add(k) }, l.fill, "block clobbered");
                }
                // SAFETY: came from this pool for this layout, freed once.
                unsafe { pool.deallocate(core::ptr::NonNull::new(l.ptr).unwrap(), l.layout) };
            }
            Op::Free(_) => {}
        }
        let stats = pool.statistics();
        assert_eq!(stats.failures, failures);
        let mut per_class: BTreeMap<usize, usize> = BTreeMap::new();
        for l in &live {
            *per_class.entry(l.class).or_default() += 1;
        }
        for (i, c) in stats.classes.iter().enumerate() {
            let used = per_class.get(&i).copied().unwrap_or(0);
            assert_eq!((c.used, c.free), (used, c.blocks - used), "class {i}");
        }
    }
    for l in live.drain(..) {
        // SAFETY: as above.
        unsafe { pool.deallocate(core::ptr::NonNull::new(l.ptr).unwrap(), l.layout) };
    }
    assert_eq!(pool.statistics().used_blocks(), 0);
    // SAFETY: the pool is gone; nothing refers to the memory any more.
    drop(unsafe { Box::from_raw(memory as *mut [MaybeUninit<u8>]) });
}

fn max_ops() -> usize {
    if cfg!(miri) { 40 } else { 300 }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pool_matches_its_model(
        ops in proptest::collection::vec(op(), 0..max_ops()),
        offset in 0usize..64,
    ) {
        run(&ops, offset);
    }
}
