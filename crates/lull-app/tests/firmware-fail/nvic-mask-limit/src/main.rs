//! On ARMv6-M, Lull's locks mask interrupts in ISER0/ICER0: a task bound to
//! interrupt 40 is refused at compile time.
#![no_std]
#![no_main]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

/// A device with more than 32 interrupts.
pub mod device {
    pub const NVIC_PRIO_BITS: u8 = 2;

    #[derive(Clone, Copy)]
    #[repr(u16)]
    pub enum Interrupt {
        EARLY = 3,
        LATE = 40,
    }

    // SAFETY: distinct numbers.
    unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
        fn number(self) -> u16 {
            self as u16
        }
    }

    pub struct Peripherals;

    impl Peripherals {
        /// # Safety
        /// Stand-in.
        pub unsafe fn steal() -> Self {
            Peripherals
        }
    }
}

#[lull::app(device = crate::device)]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
    #[task(binds = EARLY, priority = 1)]
    fn early(_: early::Context) {}
    #[task(binds = LATE, priority = 1)]
    fn late(_: late::Context) {}
}
