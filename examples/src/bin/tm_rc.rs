//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Two `Rc` owners of one value: the value is dropped by whichever owner goes
//! last, and a `Weak` stops upgrading after that.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::alloc::{Rc, ThreadModeAllocator};
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
// Links the board's interrupt vectors (cortex-m-rt's `device` feature is on
// when a device crate is a dependency).

#[lull::allocator(memory = 512)]
static A: Tlsf = Tlsf::new();

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("dropping {}", self.0);
    }
}

#[entry]
fn main() -> ! {
    let a = A::get().unwrap();
    let first = Rc::new_in(Noisy("the shared value"), a);
    let second = Rc::clone(&first);
    let weak = Rc::downgrade(&first);
    println!(
        "owners: {}, weak: {}",
        Rc::strong_count(&first),
        Rc::weak_count(&first)
    );

    println!("first owner goes");
    drop(first);
    println!("weak upgrades: {}", weak.upgrade().is_some());

    println!("second owner goes");
    drop(second);
    println!("weak upgrades: {}", weak.upgrade().is_some());

    drop(weak);
    println!("blocks in use: {}", a.statistics().allocated_blocks);
    exit(0)
}
