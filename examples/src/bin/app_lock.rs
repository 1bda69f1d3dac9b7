//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Stack Resource Policy `lock`, nested, with the preemptions it allows and
//! the ones it holds off. Task `a` (priority 1) locks `shared` (ceiling 2,
//! also used by `b`) and, inside, `other` (ceiling 3, also used by `c`):
//!
//! - `c` (priority 3) pended inside the outer lock preempts at once;
//! - `c` pended inside the nested lock waits for the inner unlock;
//! - `b` (priority 2) pended inside the outer lock waits for the outer unlock;
//! - a multi-resource lock, `(&mut shared, &mut other).lock(|s, o| ..)`,
//!   raises the priority once, to the higher ceiling (3): `b` and `c` both
//!   wait, then run highest first.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        shared: u32,
        other: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init");
        lull::app::pend(Interrupt::SWI0);
        (
            Shared {
                shared: 0,
                other: 0,
            },
            Local {},
        )
    }

    #[task(binds = SWI0, priority = 1, shared = [shared, other])]
    fn a(cx: a::Context) {
        let a::SharedResources {
            mut shared,
            mut other,
            ..
        } = cx.shared;
        shared.lock(|shared| {
            *shared += 1;
            println!("a: locked shared = {}", *shared);
            lull::app::pend(Interrupt::SWI1);
            lull::app::pend(Interrupt::SWI2);
            println!("a: b is held off, c ran");
            other.lock(|other| {
                *other += 1;
                println!("a: locked other = {} (nested)", *other);
                lull::app::pend(Interrupt::SWI2);
                println!("a: unlocking other");
            });
            println!("a: unlocking shared");
        });
        (&mut shared, &mut other).lock(|shared, other| {
            *shared += 10;
            *other += 10;
            lull::app::pend(Interrupt::SWI1);
            lull::app::pend(Interrupt::SWI2);
            println!(
                "a: locked both: shared = {}, other = {}, b and c held off",
                *shared, *other
            );
        });
        println!("a: done");
        exit(0)
    }

    #[task(binds = SWI1, priority = 2, shared = [shared])]
    fn b(mut cx: b::Context) {
        cx.shared.shared.lock(|shared| {
            *shared += 1;
            println!("b: shared = {}", *shared);
        });
    }

    #[task(binds = SWI2, priority = 3, shared = [other])]
    fn c(mut cx: c::Context) {
        cx.shared.other.lock(|other| {
            *other += 1;
            println!("c: other = {}", *other);
        });
    }
}
