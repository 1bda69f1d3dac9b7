//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Trait objects from a thread-mode allocator: `Box<T, A>` turned into
//! `Box<dyn Shape, A>` on stable Rust with `unsize_box!`, kept in a `Vec`.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::alloc::{Box, Vec, unsize_box};
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
// Links the board's interrupt vectors (cortex-m-rt's `device` feature is on
// when a device crate is a dependency).

#[lull::allocator(memory = 512)]
static A: Tlsf = Tlsf::new();

trait Shape {
    fn name(&self) -> &'static str;
    fn area(&self) -> u32;
}

struct Square(u32);
struct Rect(u32, u32);
struct Dot;

impl Shape for Square {
    fn name(&self) -> &'static str {
        "square"
    }
    fn area(&self) -> u32 {
        self.0 * self.0
    }
}

impl Shape for Rect {
    fn name(&self) -> &'static str {
        "rect"
    }
    fn area(&self) -> u32 {
        self.0 * self.1
    }
}

impl Shape for Dot {
    fn name(&self) -> &'static str {
        "dot"
    }
    fn area(&self) -> u32 {
        0
    }
}

#[entry]
fn main() -> ! {
    let a = A::get().unwrap();
    let mut shapes: Vec<Box<dyn Shape, A>, A> = Vec::new_in(a);
    shapes.push(unsize_box!(Box::new_in(Square(3), a) => dyn Shape));
    shapes.push(unsize_box!(Box::new_in(Rect(2, 5), a) => dyn Shape));
    // A zero-sized shape: boxed without allocating.
    shapes.push(unsize_box!(Box::new_in(Dot, a) => dyn Shape));
    for shape in &shapes {
        println!("{} has area {}", shape.name(), shape.area());
    }
    let total: u32 = shapes.iter().map(|s| s.area()).sum();
    println!("total area {}", total);
    exit(0)
}
