//! Host tests of the executor core: a recording log of polls, wakes, the
//! pender (`sev`) and sleeps (`wfe`), asserting exact event sequences. Run
//! under Miri too (`cargo +nightly miri test -p lull-executor`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Poll, Waker};

use lull_alloc::host::{TestHeap, thread_mode};
use lull_alloc::{ThreadModeAllocator, allocator};
use lull_executor::{JoinHandle, SpawnErrorKind, executor, yield_now};

mod support;

use support::{Gate, ev, isr, log, on_sleep, take_log};

// ---- recording -----------------------------------------------------------

/// The recording sleep: logs `sleep`, then runs the next scripted
/// "interrupt".
fn sleep() {
    log("sleep");
    support::sleep();
}

fn setup<X: lull_executor::raw::ExecutorType>() {
    support::setup_with::<X>(sleep);
}

/// Logs `drop <name>` when dropped.
struct DropLog(&'static str);

impl Drop for DropLog {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

/// Gates an "interrupt" opens after a delay (in interrupts).
type Timers = VecDeque<(Rc<Gate>, u32)>;

// ---- tests ---------------------------------------------------------------

#[test]
fn fifo_order_and_block_on_returns_with_tasks_pending() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        for name in ["A", "B", "C"] {
            x.spawn(async move {
                for i in 0..3 {
                    log(format!("{name}{i}"));
                    yield_now().await;
                }
            });
        }
        let r = x.block_on(async {
            log("M0");
            yield_now().await;
            log("M1");
            7
        });
        assert_eq!(r, 7);
        // Spawned tasks were queued before the block_on future; each yield
        // goes to the back. block_on returns right after M1.
        assert_eq!(
            take_log(),
            ev(&["A0", "B0", "C0", "M0", "A1", "B1", "C1", "M1"])
        );
        assert_eq!(x.live_tasks(), 3);
        // The rest runs in the next block_on (queued before its future).
        x.block_on(async {
            log("N0");
            yield_now().await;
            yield_now().await;
            log("N1");
        });
        assert_eq!(take_log(), ev(&["A2", "B2", "C2", "N0", "N1"]));
        assert_eq!(x.live_tasks(), 0);
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn only_woken_tasks_are_polled_and_wake_from_another_task() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let gate = Rc::new(Gate::default());
        let w = gate.wait("A");
        x.spawn(async move {
            log("A start");
            w.await;
            log("A end");
        });
        let g = gate.clone();
        x.spawn(async move {
            log("B start");
            for _ in 0..3 {
                yield_now().await;
                log("B yield");
            }
            g.set();
            log("B set");
            yield_now().await;
            log("B end");
        });
        let done = x.spawn(async { log("C") });
        x.block_on(async {
            done.await;
            log("M after C");
            // Wait long enough for everything to finish.
            for _ in 0..4 {
                yield_now().await;
            }
        });
        assert_eq!(
            take_log(),
            ev(&[
                "A start",
                "poll A", // A waits: not polled again until B sets the gate
                "B start",
                "C",
                "M after C",
                "B yield",
                "B yield",
                "B yield",
                "B set",
                "poll A",
                "A end",
                "B end",
            ])
        );
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn handler_wake_while_sleeping_and_pender() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let gate = Rc::new(Gate::default());
        let g = gate.clone();
        on_sleep(move || {
            log("isr");
            isr(|| g.set());
        });
        let w = gate.wait("root");
        x.block_on(w);
        assert_eq!(
            take_log(),
            ev(&["poll root", "sleep", "isr", "pend", "poll root"])
        );
    });
}

#[test]
fn handler_wakes_run_in_wake_order_after_queued_tasks() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let gates: Vec<Rc<Gate>> = (0..3).map(|_| Rc::new(Gate::default())).collect();
        for (i, name) in ["P", "Q", "R"].into_iter().enumerate() {
            let w = gates[i].wait(name);
            x.spawn(async move {
                w.await;
                log(format!("{name} done"));
            });
        }
        let gs = gates.clone();
        x.block_on(async move {
            log("M0");
            // An "interrupt" during this poll wakes R, then P, then Q.
            isr(|| {
                gs[2].set();
                gs[0].set();
                gs[1].set();
            });
            yield_now().await;
            log("M1");
        });
        assert_eq!(
            take_log(),
            ev(&[
                "poll P", "poll Q", "poll R", "M0", "pend", "pend", "pend",
                // M's yield was first (it goes to the back when its poll
                // returns); the handler's wakes are drained after that, in
                // their order.
                "M1",
            ])
        );
        x.block_on(async { yield_now().await });
        assert_eq!(
            take_log(),
            ev(&["poll R", "R done", "poll P", "P done", "poll Q", "Q done"])
        );
    });
}

#[test]
fn handler_wake_during_own_poll_repolls_the_task() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let polls = Rc::new(Cell::new(0));
        let p = polls.clone();
        x.block_on(std::future::poll_fn(move |cx| {
            p.set(p.get() + 1);
            log(format!("poll {}", p.get()));
            if p.get() == 3 {
                return Poll::Ready(());
            }
            // The waker is handed to an "interrupt" that fires before the
            // poll returns: the RUNNING bit is cleared from a handler.
            let w = cx.waker().clone();
            isr(move || w.wake());
            Poll::Pending
        }));
        // A wake of the task being polled needs no pend: the executor polls
        // again without sleeping.
        assert_eq!(take_log(), ev(&["poll 1", "poll 2", "poll 3"]));
    });
}

#[test]
fn many_wakes_one_poll_and_will_wake() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let stash: Rc<RefCell<Option<Waker>>> = Rc::default();
        let s = stash.clone();
        let h = x.spawn(std::future::poll_fn(move |cx| {
            log("poll T");
            let mut slot = s.borrow_mut();
            match &*slot {
                Some(w) => {
                    assert!(
                        w.will_wake(cx.waker()),
                        "clones of a task's waker will_wake"
                    );
                    Poll::Ready(())
                }
                None => {
                    *slot = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        }));
        let st = stash.clone();
        x.block_on(async move {
            yield_now().await;
            let w = st.borrow().clone().unwrap();
            // Woken five times from a task and twice from a handler: one poll.
            for _ in 0..5 {
                w.wake_by_ref();
            }
            isr(|| {
                w.wake_by_ref();
                w.wake_by_ref();
            });
            log("woken");
            yield_now().await;
            yield_now().await;
            drop(w);
            h.await;
        });
        assert_eq!(take_log(), ev(&["poll T", "woken", "poll T"]));
        // The stashed waker keeps the task's memory alive (3 words + future).
        assert_ne!(a.statistics(), before);
        // Dropping the last waker of a finished task frees it at once in
        // Thread mode...
        let w = stash.borrow_mut().take().unwrap();
        let w2 = w.clone();
        drop(w);
        assert_ne!(a.statistics(), before);
        drop(w2);
        assert_eq!(a.statistics(), before);
        // ...unless a wake queued it first (a wake does not test whether
        // the task finished): then the executor frees it after one no-op
        // poll, at its next scheduling point. Nothing is polled but that.
        let stash3: Rc<RefCell<Option<Waker>>> = Rc::default();
        let s3 = stash3.clone();
        x.spawn(std::future::poll_fn(move |cx| {
            *s3.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        x.block_on(yield_now());
        let w = stash3.borrow_mut().take().unwrap();
        w.wake_by_ref();
        drop(w);
        assert_ne!(a.statistics(), before);
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
        assert_eq!(take_log(), Vec::<String>::new());
        // ...and from a handler it only hands the finished task to the
        // executor (a handler cannot tell it finished), which drops it.
        let stash2: Rc<RefCell<Option<Waker>>> = Rc::default();
        let s2 = stash2.clone();
        x.spawn(std::future::poll_fn(move |cx| {
            *s2.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        x.block_on(yield_now());
        let w = stash2.borrow_mut().take().unwrap();
        isr(|| w.wake_by_ref());
        drop(w);
        assert_ne!(a.statistics(), before);
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
        assert_eq!(take_log(), ev(&["pend"]));
    });
}

#[test]
fn handler_drops_last_waker_of_finished_task() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let stash: Rc<RefCell<Option<Waker>>> = Rc::default();
        let s = stash.clone();
        x.spawn(std::future::poll_fn(move |cx| {
            *s.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        x.block_on(yield_now());
        let w = stash.borrow_mut().take().unwrap();
        // A handler wakes and drops the last reference: it cannot free (not
        // Thread mode), so it hands the task to the executor...
        isr(move || w.wake());
        assert_eq!(take_log(), ev(&["pend"]));
        assert_ne!(a.statistics(), before);
        // ...which frees it at its next scheduling point.
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
        // A handler that only drops the last waker (no wake) hands the task
        // over to be freed, not polled: nothing runs, the memory comes back.
        let s = stash.clone();
        x.spawn(std::future::poll_fn(move |cx| {
            log("poll");
            *s.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        x.block_on(yield_now());
        assert_eq!(take_log(), ev(&["poll"]));
        let w = stash.borrow_mut().take().unwrap();
        isr(move || drop(w));
        assert_eq!(take_log(), ev(&["pend"]));
        assert_ne!(a.statistics(), before);
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
        assert_eq!(take_log(), Vec::<String>::new());
    });
}

#[test]
fn join_handle_output_detach_and_waiting_task() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let slow = x.spawn(async {
            for _ in 0..3 {
                yield_now().await;
            }
            log("slow done");
            String::from("value")
        });
        // A task awaits another task's handle (its join slot holds the waker).
        let waiter = x.spawn(async move {
            log("waiter waits");
            let v = slow.await;
            log(format!("waiter got {v}"));
            v.len()
        });
        // Detached: its output is dropped as soon as it finishes.
        drop(x.spawn(async {
            log("detached runs");
            DropLog("detached output")
        }));
        let n = x.block_on(waiter);
        assert_eq!(n, 5);
        assert_eq!(
            take_log(),
            ev(&[
                "waiter waits",
                "detached runs",
                "drop detached output",
                "slow done",
                "waiter got value",
            ])
        );
        assert_eq!(a.statistics(), before);
        // A finished task's output waits for its handle.
        let h: JoinHandle<DropLog> = x.spawn(async { DropLog("kept") });
        x.block_on(yield_now());
        assert!(h.is_finished());
        assert_eq!(take_log(), Vec::<String>::new());
        drop(h);
        assert_eq!(take_log(), ev(&["drop kept"]));
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn cancellation() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        // Cancelled while queued, never polled: dropped at once.
        let never = x.spawn({
            let guard = DropLog("never");
            async move {
                let _g = guard;
                log("never polled!");
            }
        });
        assert_eq!(never.cancel(), None);
        assert_eq!(take_log(), ev(&["drop never"]));
        // Cancelled while waiting.
        let gate = Rc::new(Gate::default());
        let w = gate.wait("W");
        let waiting = x.spawn(async move {
            let _g = DropLog("waiting");
            w.await;
            log("W done!");
        });
        x.block_on(yield_now());
        assert_eq!(waiting.cancel(), None);
        gate.set(); // wakes a cancelled task: nothing happens
        x.block_on(yield_now());
        assert_eq!(take_log(), ev(&["poll W", "drop waiting"]));
        // Cancel after completion returns the output.
        let finished = x.spawn(async { 9 });
        x.block_on(yield_now());
        assert_eq!(finished.cancel(), Some(9));
        // A task cancelling itself: dropped when the executor reaches it
        // again, never polled again.
        let me: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();
        let m = me.clone();
        let h = x.spawn(async move {
            let _g = DropLog("self");
            log("self 1");
            yield_now().await;
            log("self 2");
            let h = m.borrow_mut().take().unwrap();
            h.cancel();
            log("self 3");
            yield_now().await;
            log("self 4!");
        });
        *me.borrow_mut() = Some(h);
        x.block_on(async {
            for _ in 0..3 {
                yield_now().await;
            }
        });
        assert_eq!(take_log(), ev(&["self 1", "self 2", "self 3", "drop self"]));
        assert_eq!(x.live_tasks(), 0);
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn try_spawn_at_capacity_and_out_of_memory() {
    #[allocator]
    static A: TestHeap = TestHeap::new(256);
    executor!(name = X, allocator = A, max_spawned_tasks = 2);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let h1 = x.spawn(async { 1 });
        let h2 = x.spawn(async { 2 });
        let e = x.try_spawn(async { 3 }).unwrap_err();
        assert_eq!(e.kind(), SpawnErrorKind::Full { capacity: 2 });
        let three = e.into_future();
        // Finished tasks free their slot.
        assert_eq!(x.block_on(async { h1.await + h2.await }), 3);
        let h3 = x.spawn(three);
        assert_eq!(x.block_on(h3), 3);
        let big = [7u8; 512];
        let e = x.try_spawn(async move { big[0] }).unwrap_err();
        assert!(matches!(e.kind(), SpawnErrorKind::OutOfMemory(l) if l.size() > 512));
        assert_eq!(x.block_on(e.into_future()), 7);
        assert_eq!(a.statistics(), before);
        // `spawn` panics naming the capacity, at the caller's line.
        let _h1 = x.spawn(async {});
        let _h2 = x.spawn(async {});
        thread_local!(static AT: RefCell<Option<(String, u32)>> = const { RefCell::new(None) });
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            let at_line = info.location().map(|l| (l.file().to_string(), l.line()));
            AT.with(|at| *at.borrow_mut() = at_line);
        }));
        let line = line!() + 2;
        let msg = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            x.spawn(async {});
        }));
        std::panic::set_hook(hook);
        let msg = msg.unwrap_err();
        let msg = msg.downcast_ref::<String>().unwrap();
        assert!(msg.contains("max_spawned_tasks = 2"), "{msg}");
        let (file, at) = AT.with(|at| at.borrow_mut().take()).unwrap();
        assert!(file.ends_with("executor.rs") && at == line, "{file}:{at}");
    });
}

#[test]
fn nested_block_on_panics_with_its_rule() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let msg = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            x.block_on(async move { x.block_on(async { 1 }) })
        }))
        .unwrap_err();
        let msg = msg.downcast_ref::<&str>().unwrap();
        assert!(msg.contains("nested block_on"), "{msg}");
        // The executor is usable again afterwards.
        assert_eq!(x.block_on(async { 5 }), 5);
    });
}

#[test]
fn block_on_returns_as_soon_as_its_future_completes() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let spins = Rc::new(Cell::new(0u32));
        let s = spins.clone();
        let busy = x.spawn(async move {
            loop {
                s.set(s.get() + 1);
                yield_now().await;
            }
        });
        x.block_on(async {});
        // The root future was queued after `busy` and completed at once.
        assert_eq!(spins.get(), 1);
        let n = x.block_on(async {
            yield_now().await;
            3
        });
        assert_eq!((n, spins.get()), (3, 3));
        busy.cancel();
    });
}

#[test]
fn tasks_spawn_tasks_and_rc_is_freed_by_the_last_user() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let shared = lull_alloc::Rc::new_in(DropLog("rc"), a);
        let b = shared.clone();
        x.spawn(async move {
            log("A0");
            x.spawn(async move {
                log("C0");
                yield_now().await;
                log("C1");
            });
            drop(shared);
            yield_now().await;
            log("A1");
        });
        x.spawn(async move {
            log("B0");
            drop(b);
            log("B1");
        });
        x.block_on(async {
            for _ in 0..3 {
                yield_now().await;
            }
        });
        assert_eq!(
            take_log(),
            ev(&["A0", "B0", "drop rc", "B1", "C0", "A1", "C1"])
        );
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn stress_spawns_and_handler_wakes() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 20);
    executor!(name = X, allocator = A, max_spawned_tasks = 64);
    const TASKS: u32 = if cfg!(miri) { 40 } else { 2000 };
    thread_mode(|| {
        setup::<X>();
        lull_executor::host::set_pend_hook::<X>(None);
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        // Wakers the "interrupt" will wake, like a timer driver's queue.
        let pending: Rc<RefCell<Timers>> = Rc::default();
        let completed = Rc::new(Cell::new(0u32));
        let mut seed = 12345u32;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let (p, c) = (pending.clone(), completed.clone());
        x.block_on(async move {
            let mut spawned = 0;
            while spawned < TASKS || c.get() < TASKS {
                // Spawn while there is room.
                while spawned < TASKS && x.live_tasks() < x.capacity() {
                    let gate = Rc::new(Gate::default());
                    p.borrow_mut().push_back((gate.clone(), rand() % 3));
                    let c = c.clone();
                    let w = gate.wait("t");
                    x.spawn(async move {
                        w.await;
                        c.set(c.get() + 1);
                    });
                    spawned += 1;
                }
                // A periodic "interrupt" fires some gates.
                let n = rand() % 8;
                isr(|| {
                    for _ in 0..n {
                        let Some((gate, delay)) = p.borrow_mut().pop_front() else {
                            break;
                        };
                        if delay == 0 {
                            gate.set();
                        } else {
                            p.borrow_mut().push_back((gate, delay - 1));
                        }
                    }
                });
                yield_now().await;
            }
        });
        take_log();
        assert_eq!(completed.get(), TASKS);
        assert_eq!(x.live_tasks(), 0);
        assert!(pending.borrow().is_empty());
        drop(pending);
        assert_eq!(a.statistics(), before);
    });
}

#[test]
fn foreign_future_embassy_sync_channel() {
    use embassy_sync::blocking_mutex::raw::NoopRawMutex;
    use embassy_sync::channel::Channel;
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, _) = X::get().unwrap();
        let ch: Rc<Channel<NoopRawMutex, u32, 1>> = Rc::new(Channel::new());
        let rx = ch.clone();
        let polls = Rc::new(Cell::new(0u32));
        let p = polls.clone();
        x.spawn(async move {
            let mut sum = 0;
            loop {
                p.set(p.get() + 1);
                let v = rx.receive().await;
                if v == 0 {
                    break;
                }
                sum += v;
            }
            log(format!("sum {sum}"));
        });
        x.block_on(async {
            for v in [1, 2, 3, 4, 0] {
                ch.send(v).await;
            }
            for _ in 0..2 {
                yield_now().await;
            }
        });
        assert_eq!(take_log(), ev(&["sum 10"]));
        // No wake-up storm: the receiver is polled about once per item.
        assert!(polls.get() <= 6, "receiver polled {} times", polls.get());
    });
}
