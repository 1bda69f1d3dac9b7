//! boards: lm3s6965evb
//! exit: 1
//!
//! A pool class runs out. The executor's tasks live in a `lull-pool` pool
//! with one class of two blocks: a third `try_spawn` gets its future back
//! with the layout that could not be allocated (and the pool counts the
//! failure); a finished task gives its block back; and a `spawn` into the
//! full class reaches the `#[oom]` hook, which prints the layout and exits
//! with status 1.
#![no_std]
#![no_main]

use core::alloc::Layout;

use cortex_m_rt::entry;
use lull::alloc::ThreadModeAllocator;
use lull::executor::yield_now;
use lull_examples::{exit, println};
use lull_pool::{Class, Classes, Pool};

/// One class: two tasks.
struct Tasks;
impl Classes for Tasks {
    const CLASSES: &'static [Class] = &[Class::new(32, 4, 2)];
}

#[lull::allocator(memory = Pool::<Tasks, 1>::BYTES)]
static A: Pool<Tasks, 1> = Pool::new();
lull::executor!(name = X, allocator = A);

#[lull::oom]
fn oom(layout: Layout) -> ! {
    let failures = A::get().unwrap().statistics().failures;
    println!("oom({:?}), pool failures {}", layout, failures);
    exit(1)
}

async fn work(n: u32) -> u32 {
    yield_now().await;
    n * 10
}

fn used() -> usize {
    A::get().unwrap().statistics().classes[0].used
}

#[entry]
fn main() -> ! {
    let (x, a) = X::get().unwrap();
    let one = x.spawn(work(1));
    let two = x.spawn(work(2));
    println!("used {} of {}", used(), a.statistics().classes[0].blocks);
    let three = match x.try_spawn(work(3)) {
        Ok(_) => unreachable!(),
        Err(e) => {
            println!("try_spawn: {}", e);
            e.into_future()
        }
    };
    println!("pool failures {}", a.statistics().failures);
    let sum = x.block_on(async { one.await + two.await });
    println!("sum {}, used {}", sum, used());
    let three = x.try_spawn(three).ok().unwrap();
    let _four = x.spawn(work(4));
    println!("used {} again", used());
    let _five = x.spawn(work(5)); // the class is full: the OOM hook
    drop(three);
    unreachable!()
}
