//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Software tasks with inputs, run by dispatcher interrupts. `init` spawns
//! `log` (priority 1, capacity 2) three times: the third spawn finds the
//! queue full and gets its input back. `log` spawns `fast` (priority 2),
//! which preempts it at once.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device, dispatchers = [SWI4, SWI5])]
mod app {
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init");
        println!("spawn log(1, 'a'): {:?}", log::spawn(1, 'a'));
        println!("spawn log(2, 'b'): {:?}", log::spawn(2, 'b'));
        println!("spawn log(3, 'c'): {:?}", log::spawn(3, 'c'));
        (Shared {}, Local {})
    }

    #[task(priority = 1, capacity = 2, local = [runs: u32 = 0])]
    fn log(cx: log::Context, n: u32, tag: char) {
        *cx.local.runs += 1;
        println!("log #{}: n = {}, tag = {}", cx.local.runs, n, tag);
        fast::spawn(n * 10).unwrap();
        println!("log #{}: after fast", cx.local.runs);
        if *cx.local.runs == 2 {
            exit(0)
        }
    }

    #[task(priority = 2)]
    fn fast(_: fast::Context, x: u32) {
        println!("fast: {}", x);
    }
}
