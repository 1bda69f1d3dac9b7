//! `#[cfg]` on tasks, resource fields and list entries: the app builds as
//! if the configured-out items did not exist, and resource ceilings are
//! computed without them.
#![allow(missing_docs)]
// `cfg(all())` (always on) and `cfg(any())` (always off) stand for real
// configuration predicates.
#![allow(clippy::non_minimal_cfg)]

extern crate lull_app as lull;

/// A stand-in for a PAC (see `host_app.rs`).
pub mod device {
    pub const NVIC_PRIO_BITS: u8 = 3;

    #[derive(Clone, Copy, Debug)]
    #[repr(u16)]
    pub enum Interrupt {
        A = 0,
        B = 1,
        C = 2,
        D = 3,
        E = 4,
    }

    // SAFETY: the numbers are distinct and below the NVIC's limit.
    unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
        fn number(self) -> u16 {
            self as u16
        }
    }

    pub struct Peripherals;

    impl Peripherals {
        /// # Safety
        /// Stand-in: there are no peripherals.
        pub unsafe fn steal() -> Self {
            Peripherals
        }
    }
}

#[lull::app(device = crate::device, dispatchers = [D])]
mod app {
    #[shared]
    struct Shared {
        counter: u32,
        #[cfg(any())]
        gone: u32,
    }

    #[local]
    struct Local {
        kept: u8,
        #[cfg(any())]
        gone_local: u8,
    }

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (
            Shared {
                counter: 0,
                #[cfg(any())]
                gone: 0,
            },
            Local {
                kept: 0,
                #[cfg(any())]
                gone_local: 0,
            },
        )
    }

    #[task(binds = A, priority = 1, shared = [counter, #[cfg(any())] gone], local = [kept, #[cfg(any())] n: u8 = 0])]
    fn low(mut cx: low::Context) {
        *cx.local.kept += 1;
        cx.shared.counter.lock(|c| *c += 1);
    }

    #[cfg(any())]
    #[task(binds = B, priority = 3, shared = [counter, gone], local = [gone_local])]
    fn high(mut cx: high::Context) {
        cx.shared.counter.lock(|c| *c += 1);
    }

    // `#[cfg_attr]` passes through to the task function.
    #[cfg(all())]
    #[cfg_attr(all(), allow(unused_mut))]
    #[task(binds = C, priority = 2, shared = [counter])]
    fn mid(mut cx: mid::Context) {
        cx.shared.counter.lock(|c| *c += 1);
    }

    #[cfg(any())]
    #[task(priority = 2, shared = [counter])]
    fn soft_gone(mut cx: soft_gone::Context) {
        cx.shared.counter.lock(|c| *c += 1);
    }

    #[cfg(any())]
    #[task(binds = E, priority = 4, shared = [counter])]
    fn gen_gone(
        cx: gen_gone::Context,
    ) -> impl core::future::Future<Output = core::convert::Infallible> {
        async move {
            loop {
                cx.next().await;
            }
        }
    }
}

#[test]
fn ceilings_ignore_configured_out_tasks() {
    // `high` (3), `soft_gone` (2) and `gen_gone` (4) are configured out:
    // the ceiling of `counter` is `mid`'s priority.
    assert_eq!(app::__LULL_CEILING_counter, 2);
    // An ARMv6-M lock of `counter` masks `low`'s A and `mid`'s C, not the
    // dispatcher D, whose only task is configured out.
    assert_eq!(app::__LULL_MASK_counter, 1 << 0 | 1 << 2);
    // `mid` is compiled in; `high` is not (no module, no handler).
    let _ = core::mem::size_of::<app::mid::Context>();
}
