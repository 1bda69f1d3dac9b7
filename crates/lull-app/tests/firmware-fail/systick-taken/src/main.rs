//! With `lull`'s `time` feature the time driver defines `SysTick`: a task
//! bound to it is refused at compile time (not a duplicate symbol at link).
#![no_std]
#![no_main]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[lull::app(device = lm3s6965)]
mod app {
    #[shared]
    struct Shared {}
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared {}, Local {})
    }
    #[task(binds = SysTick, priority = 1)]
    fn tick(_: tick::Context) {}
}
