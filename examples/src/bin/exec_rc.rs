//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Two tasks share an `Rc` (in the thread-mode allocator): the last one to
//! let go frees it; no atomic `Arc` needed.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use lull::alloc::{Rc, ThreadModeAllocator};
use lull::executor::yield_now;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[entry]
fn main() -> ! {
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let before = a.statistics().allocated_blocks;
    let first = Rc::new_in(0u32, a);
    let second = first.clone();
    x.spawn(async move {
        if Rc::strong_count(&first) == 1 {
            println!("A: I'll destroy the Rc!");
        }
        drop(first);
        yield_now().await;
    });
    x.spawn(async move {
        if Rc::strong_count(&second) == 1 {
            println!("B: I'll destroy the Rc!");
        }
        drop(second);
        yield_now().await;
    });
    x.block_on(async {
        yield_now().await;
        yield_now().await;
    });
    println!(
        "blocks in use: {} (before: {})",
        a.statistics().allocated_blocks,
        before
    );
    exit(0)
}
