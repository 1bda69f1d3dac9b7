//! boards: lm3s6965evb
//!
//! The executor on a size-class pool (`lull-pool`) instead of the TLSF:
//! three kinds of task, each served by the free list of its class — one pop
//! to spawn, one push when it finishes, the class chosen at compile time.
//! The classes are what `cargo xtask task-sizes` proposes for this firmware
//! (`--tasks 2 --executor X`: two live tasks of each kind).
//!
//! The `task-size` lines are the layouts the executor reports at run time
//! for each kind of task: a probe executor whose pool has no class refuses
//! every `try_spawn` and names the layout in its error. `cargo xtask test`
//! compares them with the records compiled into the firmware (as `cargo
//! xtask task-sizes <elf> --check examples/lm3s6965evb/expected/pool_tasks.run`
//! does).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::alloc::ThreadModeAllocator;
use lull::executor::{SpawnErrorKind, yield_now};
use lull_examples::{exit, println};
use lull_pool::{Class, Classes, Pool};

/// The classes `cargo xtask task-sizes` proposed, two blocks per kind.
struct Tasks;
impl Classes for Tasks {
    const CLASSES: &'static [Class] = &[
        Class::new(40, 4, 2),  // tick
        Class::new(100, 4, 2), // sum
        Class::new(120, 4, 2), // checksum
    ];
}

#[lull::allocator(memory = Pool::<Tasks, 3>::BYTES)]
static A: Pool<Tasks, 3> = Pool::new();
lull::executor!(name = X, allocator = A);

/// A pool with no class: every request fails (the probe).
struct NoClasses;
impl Classes for NoClasses {
    const CLASSES: &'static [Class] = &[];
}
#[lull::allocator]
static P: Pool<NoClasses, 0> = Pool::new();
lull::executor!(name = Probe, allocator = P);

async fn tick(n: u32) -> u32 {
    for _ in 0..n {
        yield_now().await;
    }
    n
}

async fn sum(xs: [u32; 8]) -> u32 {
    let mut total = 0;
    for x in xs {
        total += x;
        yield_now().await;
    }
    total
}

async fn checksum(seed: u8) -> u32 {
    let mut buffer = [0u8; 96];
    for (i, b) in buffer.iter_mut().enumerate() {
        *b = seed.wrapping_mul(i as u8);
    }
    yield_now().await;
    buffer.iter().map(|&b| u32::from(b)).sum()
}

fn print_classes(label: &str) {
    let s = A::get().unwrap().statistics();
    println!(
        "{}: used {}/{} {}/{} {}/{} (blocks of {} {} {} B), failures {}",
        label,
        s.classes[0].used,
        s.classes[0].blocks,
        s.classes[1].used,
        s.classes[1].blocks,
        s.classes[2].used,
        s.classes[2].blocks,
        s.classes[0].stride,
        s.classes[1].stride,
        s.classes[2].stride,
        s.failures
    );
}

/// Prints the layout the executor would allocate for `future`.
fn probe<F: core::future::Future + 'static>(future: F) {
    let (p, _) = Probe::get().unwrap();
    match p.try_spawn(future) {
        Err(e) => match e.kind() {
            SpawnErrorKind::OutOfMemory(l) => {
                println!("task-size Probe {} {}", l.size(), l.align())
            }
            SpawnErrorKind::Full { .. } => unreachable!(),
        },
        Ok(_) => unreachable!(),
    }
}

#[entry]
fn main() -> ! {
    probe(tick(0));
    probe(sum([0; 8]));
    probe(checksum(0));

    let (x, _a) = X::get().unwrap();
    print_classes("start");
    let t1 = x.spawn(tick(3));
    let t2 = x.spawn(tick(5));
    let s1 = x.spawn(sum([1, 2, 3, 4, 5, 6, 7, 8]));
    let c1 = x.spawn(checksum(3));
    let c2 = x.spawn(checksum(5));
    print_classes("spawned");
    let total = x.block_on(async {
        let ticks = t1.await + t2.await;
        let s = s1.await;
        let c = c1.await + c2.await;
        println!("ticks {} sum {} checksums {}", ticks, s, c);
        ticks + s + c
    });
    print_classes("done");
    println!("total {}", total);
    exit(0)
}
