//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! A `JoinHandle` is a future of the task's output. A task can await another
//! task's handle; dropping a handle detaches the task (its output is dropped
//! when it finishes).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use lull::alloc::ThreadModeAllocator;
use lull::executor::yield_now;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

async fn square(n: u32) -> u32 {
    yield_now().await;
    n * n
}

#[entry]
fn main() -> ! {
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let before = a.statistics().allocated_blocks;
    let squares = [x.spawn(square(3)), x.spawn(square(4))];
    // A task awaiting other tasks.
    let sum = x.spawn(async move {
        let [p, q] = squares;
        let (p, q) = (p.await, q.await);
        println!("sum task: {} + {}", p, q);
        p + q
    });
    // Detached: runs to completion on its own.
    drop(x.spawn(async {
        println!("detached task ran");
    }));
    let total = x.block_on(sum);
    println!("3^2 + 4^2 = {}", total);
    println!(
        "tasks alive: {}, blocks in use: {} (before: {})",
        x.live_tasks(),
        a.statistics().allocated_blocks,
        before
    );
    exit(0)
}
