//! Model-based property tests: random sequences of allocate / deallocate /
//! grow / shrink / reallocate, checked against the reference model in
//! `tests/support/model.rs` (also driven by the fuzz target).
//!
//! The number of cases per property is `PROPTEST_CASES` when set (e.g.
//! `PROPTEST_CASES=100000 cargo test -p lull-tlsf --test model` for a long
//! run), otherwise 256 natively and 2 under Miri, where sequence lengths are
//! reduced too (4 cases of 60 operations took three minutes there).

#[path = "support/model.rs"]
mod model;

use lull_tlsf::{Sllen, SupportedSllen};
use model::{Harness, Op, RegionSpec};
use proptest::prelude::*;

/// `PROPTEST_CASES` if set, else a default sized for native runs or Miri.
///
/// `ProptestConfig::default()` reads the variable too, but an explicit
/// `cases` field would override it, so it is read here.
fn cases() -> u32 {
    cases_from(std::env::var("PROPTEST_CASES").ok().as_deref())
}

fn cases_from(var: Option<&str>) -> u32 {
    let default = if cfg!(miri) { 2 } else { 256 };
    match var.map(str::trim) {
        None | Some("") => default,
        Some(n) => n
            .parse()
            .unwrap_or_else(|_| panic!("PROPTEST_CASES must be a number, got {n:?}")),
    }
}

#[test]
fn proptest_cases_follows_the_environment() {
    let default = if cfg!(miri) { 2 } else { 256 };
    assert_eq!(cases_from(None), default);
    assert_eq!(cases_from(Some("")), default);
    assert_eq!(cases_from(Some("17")), 17);
    assert_eq!(config().cases, cases());
    assert!(std::panic::catch_unwind(|| cases_from(Some("many"))).is_err());
}

fn max_ops() -> usize {
    if cfg!(miri) { 40 } else { 400 }
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        6 => 1usize..=64,
        3 => 65usize..=1024,
        1 => 1025usize..=16384,
        1 => Just(0usize),
        1 => (usize::MAX / 4)..=(usize::MAX / 4 + 100),
    ]
}

fn align_shift() -> impl Strategy<Value = u8> {
    prop_oneof![8 => 0u8..=3, 2 => 4u8..=12]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (size(), align_shift()).prop_map(|(size, align_shift)| Op::Alloc { size, align_shift }),
        3 => any::<usize>().prop_map(|idx| Op::Free { idx }),
        1 => (any::<usize>(), 0usize..4096).prop_map(|(idx, extra)| Op::Grow { idx, extra }),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(idx, keep_per_256)| Op::Shrink { idx, keep_per_256 }),
        2 => (any::<usize>(), size(), align_shift())
            .prop_map(|(idx, size, align_shift)| Op::Realloc { idx, size, align_shift }),
        1 => Just(Op::Check),
    ]
}

fn regions(max_len: usize) -> impl Strategy<Value = Vec<RegionSpec>> {
    prop::collection::vec(
        (0..max_len, 0usize..64).prop_map(|(len, offset)| RegionSpec { len, offset }),
        1..=3,
    )
}

fn run<const FL: usize, const SL: usize>(regions: &[RegionSpec], ops: &[Op])
where
    Sllen<SL>: SupportedSllen,
{
    let mut h = Harness::<FL, SL>::new(regions);
    for &op in ops {
        h.apply(op);
    }
    h.finish();
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn model_default_config(regions in regions(20_000), ops in prop::collection::vec(op(), 1..max_ops())) {
        run::<12, 8>(&regions, &ops);
    }

    #[test]
    fn model_small_config(regions in regions(6_000), ops in prop::collection::vec(op(), 1..max_ops())) {
        run::<8, 4>(&regions, &ops);
    }

    /// Blocks of at most a few hundred bytes: regions are cut into many
    /// chunks, and large requests always fail.
    #[test]
    fn model_tiny_blocks(regions in regions(3_000), ops in prop::collection::vec(op(), 1..max_ops())) {
        run::<5, 2>(&regions, &ops);
    }

    /// A bitmap array of 10 bytes: its third word is kept in the slot of
    /// list 1.
    #[test]
    fn model_spilled_bitmap(regions in regions(12_000), ops in prop::collection::vec(op(), 1..max_ops())) {
        run::<10, 8>(&regions, &ops);
    }

    #[test]
    fn model_fine_classes(regions in regions(40_000), ops in prop::collection::vec(op(), 1..max_ops())) {
        run::<14, 16>(&regions, &ops);
    }

    /// The fuzz target's byte decoder, fed random bytes.
    #[test]
    fn fuzz_decoder(bytes in prop::collection::vec(any::<u8>(), 0..(max_ops() * 4))) {
        model::run_bytes(&bytes);
    }
}

/// A long seeded sequence with the pool under pressure (many failures, many
/// blocks in use).
#[test]
fn long_random_sequence() {
    let n = if cfg!(miri) { 400 } else { 40_000 };
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let regions = [
        RegionSpec {
            len: 32 * 1024,
            offset: 3,
        },
        RegionSpec {
            len: 5000,
            offset: 0,
        },
    ];
    let mut h = Harness::<12, 8>::new(&regions);
    for i in 0..n {
        let r = next();
        let idx = (r >> 32) as usize;
        let size = match r % 8 {
            0..=4 => 1 + (r >> 8) as usize % 128,
            5 | 6 => 1 + (r >> 8) as usize % 2048,
            _ => 1 + (r >> 8) as usize % 12000,
        };
        let align_shift = if r >> 60 == 0 {
            (r >> 20) as u8 % 13
        } else {
            2
        };
        let op = match (r >> 16) % 10 {
            0..=3 => Op::Alloc { size, align_shift },
            4..=6 => Op::Free { idx },
            7 => Op::Realloc {
                idx,
                size,
                align_shift,
            },
            8 => Op::Grow {
                idx,
                extra: size % 512,
            },
            _ => Op::Shrink {
                idx,
                keep_per_256: (r >> 40) as u8,
            },
        };
        h.apply(op);
        if i % 1000 == 0 {
            h.check_heap();
        }
    }
    assert!(
        h.requests > n / 3 && h.served < h.requests,
        "the pool should run out at times"
    );
    h.finish();
}
