//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The generator-task RFC's first example. `a` is a software generator task:
//! its constructor runs once after `init` (prints `A`) and returns a state
//! machine that `idle` resumes with three `spawn`s: `B`, `C`, `B`. Between
//! its suspension points it locks `x`, shared with the plain task `b` of
//! priority 2 (a `.await` inside the lock closure would not compile).
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device, dispatchers = [SWI4, SWI5])]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        x: i64,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init");
        (Shared { x: 0 }, Local {})
    }

    // Generator task: the constructor runs once, the `async` block
    // is resumed by each `a::spawn()`.
    #[task(priority = 1, shared = [x])]
    fn a(mut cx: a::Context) -> impl Future<Output = Infallible> {
        println!("A");
        async move {
            loop {
                cx.next().await;
                println!("B");
                cx.next().await;
                cx.shared.x.lock(|x| {
                    *x += 1;
                    // (cannot `.await` here)
                });
                println!("C");
            }
        }
    }

    // Plain task.
    #[task(priority = 2, shared = [x])]
    fn b(mut cx: b::Context) {
        cx.shared.x.lock(|x| *x -= 1);
    }

    #[idle]
    fn idle(_: idle::Context) -> ! {
        println!("idle");
        a::spawn().unwrap();
        a::spawn().unwrap();
        a::spawn().unwrap();
        b::spawn().unwrap();
        exit(0)
    }
}
