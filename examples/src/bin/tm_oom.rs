//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! exit: 1
//!
//! A `Vec` grows until its thread-mode allocator runs out of memory; the
//! `#[oom]` hook prints the layout that could not be allocated and exits with
//! status 1.
#![no_std]
#![no_main]

use core::alloc::Layout;

use cortex_m_rt::entry;
use lull::alloc::Vec;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
// Links the board's interrupt vectors (cortex-m-rt's `device` feature is on
// when a device crate is a dependency).

#[lull::allocator(memory = 128)]
static A: Tlsf = Tlsf::new();

#[lull::oom]
fn oom(layout: Layout) -> ! {
    println!("oom({:?})", layout);
    exit(1)
}

#[entry]
fn main() -> ! {
    let a = A::get().unwrap();
    let mut xs: Vec<i32, A> = Vec::new_in(a);
    for i in 0.. {
        xs.push(i);
        println!("{:?}", xs);
    }
    unreachable!()
}
