//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Hardware tasks pended from software at three priorities. `init` pends
//! `low` (priority 1); `low` pends `mid` (priority 2), which preempts it and
//! pends `high` (priority 3) and `low2` (priority 1): `high` preempts `mid`,
//! `low2` waits until `low` has returned. A `#[local]` counter persists in
//! `low2` across runs.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {
        count: u32,
    }

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init");
        lull::app::pend(Interrupt::SWI0);
        (Shared {}, Local { count: 0 })
    }

    #[task(binds = SWI0, priority = 1)]
    fn low(_: low::Context) {
        println!("low: start");
        lull::app::pend(Interrupt::SWI1);
        println!("low: end");
    }

    #[task(binds = SWI1, priority = 2)]
    fn mid(_: mid::Context) {
        println!("  mid: start");
        lull::app::pend(Interrupt::SWI2);
        lull::app::pend(Interrupt::SWI3);
        println!("  mid: end");
    }

    #[task(binds = SWI2, priority = 3)]
    fn high(_: high::Context) {
        println!("    high");
    }

    #[task(binds = SWI3, priority = 1, local = [count])]
    fn low2(cx: low2::Context) {
        *cx.local.count += 1;
        println!("low2: run {}", cx.local.count);
        if *cx.local.count < 3 {
            lull::app::pend(Interrupt::SWI3);
        } else {
            exit(0)
        }
    }
}
