//! `lock` on RTIC 2: task `a` (priority 1) shares `x` with `b` (priority 2,
//! ceiling 2) and `y` with `c` (priority 3, ceiling 3); `b` and `c` never
//! run. Rows (same markers as `bench/lull/src/bin/lock.rs`):
//!
//! - `enter-exit`: an uncontended lock of `x` with an empty body;
//! - `outer-enter`: entering the outer lock of `x` for the nested case;
//! - `nested`: a lock of `y` inside the lock of `x`.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965)]
mod app {
    use bench_marker::{done, mark};
    use lm3s6965::Interrupt;

    #[shared]
    struct Shared {
        x: u32,
        y: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        rtic::pend(Interrupt::GPIOA);
        (Shared { x: 0, y: 0 }, Local {})
    }

    #[task(binds = GPIOA, priority = 1, shared = [x, y])]
    fn a(cx: a::Context) {
        let a::SharedResources { mut x, mut y, .. } = cx.shared;
        mark!(0, "@enter-exit");
        x.lock(|_| {});
        mark!(1, "@outer-enter");
        x.lock(|_| {
            mark!(2, "@nested");
            y.lock(|_| {});
            mark!(3, "nested-end");
        });
        done()
    }

    #[task(binds = GPIOB, priority = 2, shared = [x])]
    fn b(mut cx: b::Context) {
        cx.shared.x.lock(|x| *x += 1);
    }

    #[task(binds = GPIOC, priority = 3, shared = [y])]
    fn c(mut cx: c::Context) {
        cx.shared.y.lock(|y| *y += 1);
    }
}
