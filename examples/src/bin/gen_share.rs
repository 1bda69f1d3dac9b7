//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! A share-only resource held across suspension points. `table` is listed
//! as `&table` by both generator tasks: they get zero-sized proxies that
//! dereference to it, and may keep the `&Table` for as long as they like,
//! across `next().await`, because no task can ever write it. `reader`'s
//! constructor prints the size of its state machine (`app-size` line).
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    pub struct Table {
        pub words: [&'static str; 4],
    }

    #[shared]
    struct Shared {
        table: Table,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::SWI0);
        (
            Shared {
                table: Table {
                    words: ["zero", "one", "two", "three"],
                },
            },
            Local {},
        )
    }

    #[task(binds = SWI0, priority = 1, shared = [&table])]
    fn reader(cx: reader::Context) -> impl Future<Output = Infallible> {
        let machine = async move {
            cx.next().await;
            // One shared borrow for the whole life of the state machine.
            let table: &Table = &cx.shared.table;
            for (i, word) in table.words.iter().enumerate() {
                println!("reader: {} = {}", i, word);
                lull::app::pend(Interrupt::SWI1);
                lull::app::pend(Interrupt::SWI0);
                cx.next().await;
            }
            println!(
                "reader: the borrow lived across {} suspension points",
                table.words.len()
            );
            exit(0)
        };
        // What the task's static storage holds: `cargo xtask test` checks
        // this line against the record `#[lull::app]` left in the firmware
        // (`cargo xtask task-sizes <elf>` prints it).
        println!(
            "app-size reader state {} {}",
            core::mem::size_of_val(&machine),
            core::mem::align_of_val(&machine)
        );
        machine
    }

    #[task(binds = SWI1, priority = 2, shared = [&table])]
    fn other(cx: other::Context) -> impl Future<Output = Infallible> {
        async move {
            let words = &cx.shared.table.words;
            let mut n = 0;
            loop {
                cx.next().await;
                println!("  other (priority 2) reads {}", words[n % words.len()]);
                n += 1;
            }
        }
    }
}
