extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965)]
mod app {
    use core::cell::Cell;
    extern crate alloc;
    #[shared]
    struct Shared {
        handle: *const Cell<u32>,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { handle: core::ptr::null() }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [handle])]
    fn a(_: a::Context) {}
    #[task(binds = GPIOB, priority = 2, shared = [handle])]
    fn b(_: b::Context) {}
}