//! The app of `nightly_coroutine.rs` (parsed only with the `nightly`
//! feature: `yield` is not even parsed by a stable compiler).

pub mod device {
    pub const NVIC_PRIO_BITS: u8 = 3;

    #[derive(Clone, Copy, Debug)]
    #[repr(u16)]
    pub enum Interrupt {
        A = 0,
        D = 1,
    }

    // SAFETY: distinct numbers below the NVIC's limit.
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

#[lull::app(device = crate::app_mod::device, dispatchers = [D])]
mod app {
    use core::ops::Coroutine;

    #[shared]
    struct Shared {
        x: i64,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { x: 0 }, Local {})
    }

    // Hardware generator task, resumed by its interrupt.
    #[task(binds = A, priority = 2, shared = [x])]
    fn a(mut cx: a::Context) -> impl Coroutine<Yield = (), Return = !> {
        #[coroutine]
        move || loop {
            cx.shared.x.lock(|x| *x += 1);
            yield;
        }
    }

    // Software generator task: the spawn input is the resume argument.
    #[task(priority = 1, capacity = 2, resume = i64, shared = [x])]
    fn s(mut cx: s::Context) -> impl Coroutine<i64, Yield = (), Return = !> {
        #[coroutine]
        move |mut input: i64| loop {
            cx.shared.x.lock(|x| *x += input);
            input = yield;
        }
    }
}

#[test]
fn coroutine_tasks_have_zero_sized_proxies_and_spawn() {
    assert_eq!(core::mem::size_of::<app::a::SharedResources>(), 0);
    assert_eq!(core::mem::size_of::<app::s::SharedResources>(), 0);
    // The coroutine holds only its zero-sized context and the input.
    assert!(app::s::STATE_BYTES <= 16, "{}", app::s::STATE_BYTES);
    assert_eq!(app::s::spawn(1), Ok(()));
    assert_eq!(app::s::spawn(2), Ok(()));
    assert_eq!(app::s::spawn(3), Err(3));
}
