//! boards: lm3s6965evb
//!
//! A stress run on a `lull-pool` pool with a TLSF fallback: 3,000 spawn
//! attempts of four kinds of task in a pseudo-random order, each task
//! yielding a pseudo-random number of times. Three kinds have a class; the
//! fourth is larger than every class and goes to the TLSF. A full class
//! refuses (`try_spawn` gives the future back) and the spawner yields
//! instead. At the end the heap is back to its start: the statistics of
//! every class and of the TLSF equal the ones taken before the run.
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

use cortex_m_rt::entry;
use lull::alloc::ThreadModeAllocator;
use lull::executor::yield_now;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
use lull_pool::{Class, Classes, Pool};

struct Tasks;
impl Classes for Tasks {
    const CLASSES: &'static [Class] = &[
        // From `cargo xtask task-sizes`: small 36 B, medium 100 B, large
        // 264 B aligned to 8; huge (420 B) is left to the TLSF.
        Class::new(36, 4, 4),
        Class::new(100, 4, 3),
        Class::new(264, 8, 2),
    ];
}

const FALLBACK: usize = 1024;
const MEMORY_BYTES: usize = Pool::<Tasks, 3, Tlsf>::BYTES + FALLBACK;

#[lull::allocator(memory = MEMORY_BYTES)]
static A: Pool<Tasks, 3, Tlsf> = Pool::with_fallback(Tlsf::new());
lull::executor!(name = X, allocator = A);

/// Tasks finished, per kind.
static DONE: [AtomicU32; 4] = [const { AtomicU32::new(0) }; 4];

fn finished(kind: usize) {
    DONE[kind].store(DONE[kind].load(Relaxed) + 1, Relaxed);
}

async fn small(yields: u32) {
    for _ in 0..yields {
        yield_now().await;
    }
    finished(0);
}

async fn medium(yields: u32, data: [u32; 8]) {
    for _ in 0..yields {
        yield_now().await;
    }
    core::hint::black_box(data);
    finished(1);
}

async fn large(yields: u32, data: [u64; 14]) {
    for _ in 0..yields {
        yield_now().await;
    }
    core::hint::black_box(data);
    finished(2);
}

async fn huge(yields: u32, data: [u32; 48]) {
    for _ in 0..yields {
        yield_now().await;
    }
    core::hint::black_box(data);
    finished(3);
}

fn xorshift(s: &mut u32) -> u32 {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    *s
}

#[entry]
fn main() -> ! {
    let (x, a) = X::get().unwrap();
    let before = a.statistics();
    let mut spawned = [0u32; 4];
    let mut refused = [0u32; 4];
    let mut peak = [0usize; 3];
    x.block_on(async {
        let mut rng = 0x2545_f491;
        for _ in 0..3000 {
            let r = xorshift(&mut rng);
            let kind = (r % 4) as usize;
            let yields = (r >> 8) % 5;
            let ok = match kind {
                0 => x.try_spawn(small(yields)).is_ok(),
                1 => x.try_spawn(medium(yields, [r; 8])).is_ok(),
                2 => x.try_spawn(large(yields, [u64::from(r); 14])).is_ok(),
                _ => x.try_spawn(huge(yields, [r; 48])).is_ok(),
            };
            if ok {
                spawned[kind] += 1;
            } else {
                refused[kind] += 1;
            }
            let s = a.statistics();
            for (p, c) in peak.iter_mut().zip(&s.classes) {
                *p = (*p).max(c.used);
            }
            if !ok || r & 0x1_0000 != 0 {
                yield_now().await;
            }
        }
        while x.live_tasks() > 0 {
            yield_now().await;
        }
    });
    let after = a.statistics();
    let done: [u32; 4] = core::array::from_fn(|k| DONE[k].load(Relaxed));
    println!("spawned  {:?}", spawned);
    println!("finished {:?}", done);
    println!("refused  {:?} (pool failures {})", refused, after.failures);
    println!(
        "peak use per class {:?} of {:?}",
        peak,
        after.classes.map(|c| c.blocks)
    );
    println!(
        "classes back to start: {}",
        after.classes == before.classes && after.used_blocks() == 0
    );
    println!(
        "TLSF back to start: {} ({} B free, {} blocks in use)",
        after.fallback == before.fallback,
        after.fallback.free_bytes,
        after.fallback.allocated_blocks
    );
    exit(0)
}
