//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The design's tasks example: task A spawns task C; `block_on` drives B
//! and returns as soon as B is done, with C not finished. Tasks run in FIFO
//! order (A was spawned, i.e. queued, before `block_on` queued B; every
//! `yield_now` sends the task to the back of the queue).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use lull::executor::yield_now;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    let mut c = None;
    let a = x.spawn(async move {
        println!(" A0");
        yield_now().await;

        println!(" A1");
        // A task can spawn tasks.
        let c = x.spawn(async {
            println!("  C0");
            yield_now().await;
            println!("  C1");
            yield_now().await;
            println!("  C2");
        });
        yield_now().await;

        println!(" A2");
        (42, c)
    });

    let ans = x.block_on(async {
        println!("B0");
        yield_now().await;
        println!("B1");
        yield_now().await;
        println!("B2");
        yield_now().await;
        println!("B3");
        let (_, handle) = a.await;
        c = Some(handle);
        42
    });
    println!("the answer is {}", ans);
    let c = c.unwrap();
    println!("C finished: {}", c.is_finished());
    x.block_on(c);
    println!("C finished after a second block_on");
    exit(0)
}
