//! Builds a complete app on the host (the generated code compiles for any
//! target; only its `main` is not wired to the reset vector) and checks the
//! sizes the generator-task design promises.
#![allow(missing_docs)]

extern crate lull_app as lull;

/// A stand-in for a PAC: what `#[lull::app]` needs from a device crate.
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

#[lull::app(device = crate::device, dispatchers = [D, E], monotonic = lull::monotonic::SysTick)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;

    #[shared]
    struct Shared {
        counter: u32,
        key: [u8; 16],
        #[lock_free]
        fast: u64,
    }

    #[local]
    struct Local {
        buf: [u8; 8],
    }

    #[init(local = [x: u32 = 0])]
    fn init(cx: init::Context) -> (Shared, Local) {
        *cx.local.x += 1;
        (
            Shared {
                counter: 0,
                key: [7; 16],
                fast: 0,
            },
            Local { buf: [0; 8] },
        )
    }

    #[task(binds = A, priority = 1, shared = [counter, &key])]
    fn plain(mut cx: plain::Context) {
        cx.shared
            .counter
            .lock(|c| *c += u32::from(cx.shared.key[0]));
    }

    #[task(priority = 2, capacity = 3, shared = [counter, fast])]
    fn soft(mut cx: soft::Context, a: u8, b: u16) {
        *cx.shared.fast += 1;
        cx.shared
            .counter
            .lock(|c| *c += u32::from(a) + u32::from(b));
    }

    #[task(binds = B, priority = 2, shared = [counter, &key, fast], local = [buf])]
    fn hwgen(cx: hwgen::Context) -> impl Future<Output = Infallible> {
        let hwgen::Context {
            mut shared,
            local,
            trigger,
        } = cx;
        async move {
            let key = shared.key;
            loop {
                trigger.next().await;
                local.buf[0] = key[1];
                shared.counter.lock(|c| *c += 1);
                shared.fast.lock(|f| *f += 1);
                let _ = trigger.started();
            }
        }
    }

    #[task(priority = 1, capacity = 2, resume = u32, shared = [counter])]
    fn swgen(mut cx: swgen::Context) -> impl Future<Output = Infallible> {
        async move {
            loop {
                let x = cx.next().await;
                cx.shared.counter.lock(|c| *c += x);
            }
        }
    }
}

#[test]
fn generator_proxies_are_zero_sized() {
    use core::mem::size_of;
    assert_eq!(size_of::<app::hwgen::SharedResources>(), 0);
    assert_eq!(size_of::<app::swgen::SharedResources>(), 0);
    // (`hwgen` holds the top-priority and share-only proxies, `swgen` the
    // one below the ceiling.)
    assert_eq!(size_of::<app::hwgen::Trigger>(), 0);
    assert_eq!(size_of::<app::swgen::Next>(), 0);
    // The hardware task's context holds only its one `&'static mut` local.
    assert_eq!(size_of::<app::hwgen::Context>(), size_of::<usize>());
}

#[test]
fn plain_proxies_hold_one_priority_reference() {
    use core::mem::size_of;
    // `counter`'s proxy (one `&Priority`) and `&key`.
    assert_eq!(
        size_of::<app::plain::SharedResources<'static>>(),
        2 * size_of::<usize>()
    );
}

#[test]
fn spawn_reports_a_full_queue() {
    // On the host `pend` is a no-op and nothing dispatches: the queue fills.
    assert_eq!(app::soft::spawn(1, 2), Ok(()));
    assert_eq!(app::soft::spawn(3, 4), Ok(()));
    assert_eq!(app::soft::spawn(5, 6), Ok(()));
    assert_eq!(app::soft::spawn(7, 8), Err((7, 8)));
    assert_eq!(app::swgen::spawn(1), Ok(()));
    assert_eq!(app::swgen::spawn(2), Ok(()));
    assert_eq!(app::swgen::spawn(3), Err(3));
}
