//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Hardware tasks pended from software at three priorities. `init` pends
//! `low` (priority 1); `low` pends `mid` (priority 2), which preempts it and
//! pends `high` (priority 3) and `low2` (priority 1): `high` preempts `mid`,
//! `low2` waits until `low` has returned. A `#[local]` counter persists in
//! `low2` across runs.
#![no_std]
#![no_main]

macro_rules! app {
    ($device:ident, $hw0:ident, $hw1:ident, $hw2:ident, $hw3:ident, $d0:ident, $d1:ident) => {
        #[lull::app(device = $device)]
        mod app {
            use lull_examples::{exit, println};
            use $device::Interrupt;

            #[shared]
            struct Shared {}

            #[local]
            struct Local {
                count: u32,
            }

            #[init]
            fn init(_: init::Context) -> (Shared, Local) {
                println!("init");
                lull::app::pend(Interrupt::$hw0);
                (Shared {}, Local { count: 0 })
            }

            #[task(binds = $hw0, priority = 1)]
            fn low(_: low::Context) {
                println!("low: start");
                lull::app::pend(Interrupt::$hw1);
                println!("low: end");
            }

            #[task(binds = $hw1, priority = 2)]
            fn mid(_: mid::Context) {
                println!("  mid: start");
                lull::app::pend(Interrupt::$hw2);
                lull::app::pend(Interrupt::$hw3);
                println!("  mid: end");
            }

            #[task(binds = $hw2, priority = 3)]
            fn high(_: high::Context) {
                println!("    high");
            }

            #[task(binds = $hw3, priority = 1, local = [count])]
            fn low2(cx: low2::Context) {
                *cx.local.count += 1;
                println!("low2: run {}", cx.local.count);
                if *cx.local.count < 3 {
                    lull::app::pend(Interrupt::$hw3);
                } else {
                    exit(0)
                }
            }
        }
    };
}

lull_examples::board_app!(app);
