//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! `JoinHandle::cancel` drops the task's future now (running its
//! destructors) and the task is never polled again; cancelling a finished
//! task returns its output instead.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use core::cell::Cell;
use lull::alloc::ThreadModeAllocator;
use lull::executor::yield_now;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("dropped {}", self.0);
    }
}

#[entry]
fn main() -> ! {
    static TICKS: Ticks = Ticks(Cell::new(0));
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let before = a.statistics().allocated_blocks;
    let ticks = &TICKS.0;
    let ticker = x.spawn(async move {
        let _guard = Noisy("the ticker's state");
        loop {
            ticks.set(ticks.get() + 1);
            println!("tick {}", ticks.get());
            yield_now().await;
        }
    });
    let quick = x.spawn(async { 7 });
    x.block_on(async {
        yield_now().await;
        yield_now().await;
    });
    println!("cancel the ticker");
    println!("ticker returned {:?}", ticker.cancel());
    x.block_on(async {
        yield_now().await;
        yield_now().await;
    });
    println!("ticks after cancel: {}", ticks.get());
    println!("cancel a finished task: {:?}", quick.cancel());
    println!(
        "blocks in use: {} (before: {})",
        a.statistics().allocated_blocks,
        before
    );
    exit(0)
}

struct Ticks(Cell<u32>);
// SAFETY: only Thread mode touches it.
unsafe impl Sync for Ticks {}
