//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Hardware tasks bound to core exceptions: `PendSV` (priority 2) shares a
//! resource with a device-interrupt task (priority 1), and `SysTick`
//! (priority 3) counts ticks. The lock in `low` holds `PendSV` off: on
//! ARMv7-M by BASEPRI, as for any task; on ARMv6-M, whose NVIC cannot mask
//! a core exception, by disabling interrupts for the lock's duration.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use cortex_m::peripheral::{SCB, SYST};
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        count: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::SWI0);
        (Shared { count: 0 }, Local {})
    }

    #[task(binds = SWI0, priority = 1, shared = [count])]
    fn low(mut cx: low::Context) {
        cx.shared.count.lock(|c| {
            *c += 1;
            SCB::set_pendsv();
            cortex_m::asm::dsb();
            cortex_m::asm::isb();
            println!("low: PendSV held off under the lock (count {})", *c);
        });
        println!("low: after the lock");
        // SAFETY: only this task touches SysTick's registers.
        let mut syst = unsafe { cortex_m::Peripherals::steal() }.SYST;
        syst.set_reload(10_000);
        syst.clear_current();
        syst.enable_interrupt();
        syst.enable_counter();
        let _: &SYST = &syst;
    }

    #[task(binds = PendSV, priority = 2, shared = [count])]
    fn pendsv(mut cx: pendsv::Context) {
        let c = cx.shared.count.lock(|c| {
            *c += 10;
            *c
        });
        println!("PendSV: count = {}", c);
    }

    #[task(binds = SysTick, priority = 3, local = [ticks: u32 = 0])]
    fn tick(cx: tick::Context) {
        *cx.local.ticks += 1;
        if *cx.local.ticks == 3 {
            println!("SysTick: 3 ticks");
            exit(0);
        }
    }
}
