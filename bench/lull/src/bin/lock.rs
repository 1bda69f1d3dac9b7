//! `lock` on Lull: task `a` (priority 1) shares `x` with `b` (priority 2,
//! ceiling 2) and `y` with `c` (priority 3, ceiling 3); `b` and `c` never
//! run; `z` (ceiling 2, with `b`) and `w` (ceiling 3, with `c`) are only
//! there for the four-resource lock. Rows (same markers as `bench/rtic/src/bin/lock.rs`):
//!
//! - `enter-exit`: an uncontended lock of `x` with an empty body (raise
//!   BASEPRI, restore it);
//! - `outer-enter`: entering the outer lock of `x` for the nested case;
//! - `nested`: a lock of `y` inside the lock of `x` (BASEPRI from ceiling 2
//!   to 3 and back);
//! - `multi-lock`: an uncontended lock of the tuple `(x, y)` with an empty
//!   body: one raise to the highest ceiling (3), one restore;
//! - `multi-lock-enter` / `multi-lock-exit`: the same lock, split at a marker
//!   inside its body (entering; leaving);
//! - `multi-lock4`: the tuple `(x, y, z, w)` (ceilings 2, 3, 2, 3), empty
//!   body.
#![no_std]
#![no_main]

use bench_lull as _;

#[lull::app(device = lm3s6965)]
mod app {
    use bench_lull::{done, mark};
    use lm3s6965::Interrupt;

    #[shared]
    struct Shared {
        x: u32,
        y: u32,
        z: u32,
        w: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::GPIOA);
        (
            Shared {
                x: 0,
                y: 0,
                z: 0,
                w: 0,
            },
            Local {},
        )
    }

    #[task(binds = GPIOA, priority = 1, shared = [x, y, z, w])]
    fn a(cx: a::Context) {
        let a::SharedResources {
            mut x,
            mut y,
            mut z,
            mut w,
            ..
        } = cx.shared;
        mark!(0, "@enter-exit");
        x.lock(|_| {});
        mark!(1, "@outer-enter");
        x.lock(|_| {
            mark!(2, "@nested");
            y.lock(|_| {});
            mark!(3, "/nested-end");
        });
        mark!(4, "@multi-lock");
        (&mut x, &mut y).lock(|_, _| {});
        mark!(5, "@multi-lock-enter");
        (&mut x, &mut y).lock(|_, _| {
            mark!(6, "@multi-lock-exit");
        });
        mark!(7, "@multi-lock4");
        (&mut x, &mut y, &mut z, &mut w).lock(|_, _, _, _| {});
        mark!(8, "/multi-end");
        done()
    }

    #[task(binds = GPIOB, priority = 2, shared = [x, z])]
    fn b(mut cx: b::Context) {
        cx.shared.x.lock(|x| *x += 1);
        cx.shared.z.lock(|z| *z += 1);
    }

    #[task(binds = GPIOC, priority = 3, shared = [y, w])]
    fn c(mut cx: c::Context) {
        cx.shared.y.lock(|y| *y += 1);
        cx.shared.w.lock(|w| *w += 1);
    }
}
