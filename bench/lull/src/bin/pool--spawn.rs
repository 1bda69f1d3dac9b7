//! `spawn` on Lull with a size-class pool (`lull_pool::Pool`) instead of the
//! TLSF: the same spawner and trivial task as `spawn.rs`. The task's layout
//! is a constant inside `spawn`, so its class is chosen at compile time and
//! the allocation is one pop, the free one push.
#![no_std]
#![no_main]

use bench_lull::tasks::spawn::{spawner, trivial};
use lull_pool::{Class, Classes, Pool};

/// One class with room for the trivial task (its 12-byte header, 8-byte
/// join slot and the future's few bytes), one block: one task at a time.
struct Tasks;
impl Classes for Tasks {
    const CLASSES: &'static [Class] = &[Class::new(32, 4, 1)];
}

#[lull_alloc::allocator(memory = Pool::<Tasks, 1>::BYTES)]
static A: Pool<Tasks, 1> = Pool::new();

lull_executor::executor!(name = X, allocator = A);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    match x.block_on(spawner(|| drop(x.spawn(trivial())))) {}
}
