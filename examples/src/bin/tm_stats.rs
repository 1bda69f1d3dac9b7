//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The TLSF heap's statistics before, during and after using every
//! collection: dropping them returns every byte.
#![no_std]
#![no_main]

use core::fmt::Write;

use cortex_m_rt::entry;
use lull::alloc::{Box, Rc, String, ThreadModeAllocator, Vec};
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
// Links the board's interrupt vectors (cortex-m-rt's `device` feature is on
// when a device crate is a dependency).

#[lull::allocator(memory = 1024)]
static A: Tlsf = Tlsf::new();

#[entry]
fn main() -> ! {
    let a = A::get().unwrap();
    let before = a.statistics();
    println!("before: {:?}", before);
    {
        let mut v: Vec<u32, A> = Vec::new_in(a);
        v.extend(0..20);
        let b = Box::new_in([0u8; 100], a);
        let mut s = String::new_in(a);
        write!(s, "{} numbers, {} bytes boxed", v.len(), b.len()).unwrap();
        let rc = Rc::new_in(s, a);
        let other = rc.clone();
        println!("using: {:?}", a.statistics());
        println!("{}", other);
    }
    let after = a.statistics();
    println!("after: {:?}", after);
    println!("everything returned: {}", after == before);
    exit(if after == before { 0 } else { 1 })
}
