//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Resources that need no lock: `config` is share-only (`&config` in every
//! task that lists it: read-only, so tasks of any priority read it
//! directly), `tally` is `#[lock_free]` (all its users have priority 1, so
//! they never preempt one another and get `&mut`).
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    pub struct Config {
        pub name: &'static str,
        pub step: u32,
    }

    #[shared]
    struct Shared {
        config: Config,
        #[lock_free]
        tally: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::SWI0);
        (
            Shared {
                config: Config {
                    name: "lull",
                    step: 5,
                },
                tally: 0,
            },
            Local {},
        )
    }

    #[task(binds = SWI0, priority = 1, shared = [&config, tally])]
    fn first(cx: first::Context) {
        *cx.shared.tally += cx.shared.config.step;
        println!(
            "first: {} tally = {}",
            cx.shared.config.name, cx.shared.tally
        );
        lull::app::pend(Interrupt::SWI2);
        lull::app::pend(Interrupt::SWI1);
        println!("first: done");
    }

    #[task(binds = SWI1, priority = 1, shared = [&config, tally])]
    fn second(cx: second::Context) {
        *cx.shared.tally += cx.shared.config.step;
        println!("second: tally = {}", cx.shared.tally);
        exit(0)
    }

    #[task(binds = SWI2, priority = 3, shared = [&config])]
    fn reader(cx: reader::Context) {
        println!("reader (priority 3): step = {}", cx.shared.config.step);
    }
}
