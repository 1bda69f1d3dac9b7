//! Attacks on the interrupt inbox's `FREE` entries, the no-op poll of a
//! finished task that a stale waker woke, and `end_block_on` at the end of
//! `block_on`: stale wakers of finished tasks woken, cloned and dropped from
//! simulated handlers and from Thread mode, in every order relative to
//! `block_on`, `JoinHandle` awaits and cancels; handlers that drop a task's
//! last reference while it is queued, in the inbox, or ending; nested
//! executors sharing one allocator. Every scenario checks that nothing is
//! polled that should not be, that outputs arrive, that FIFO order holds,
//! and that the heap returns to its start. Run under Miri too
//! (`cargo +nightly miri test -p lull-executor --test attack_inbox`).

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use lull_alloc::host::{TestHeap, thread_mode};
use lull_alloc::{ThreadModeAllocator, allocator};
use lull_executor::{JoinHandle, executor, yield_now};

mod support;

use support::{Gate, ev, isr, log, on_sleep, take_log};

// ---- harness -----------------------------------------------------------------

/// The shared harness, with a sleep that logs nothing.
fn setup<X: lull_executor::raw::ExecutorType>() {
    support::setup_with::<X>(support::sleep);
}

/// A future that logs `poll <name>` on every poll, keeps a clone of its
/// waker in `stash`, and completes on its first poll with `output`: after
/// it, the stash holds a stale waker of a finished task.
fn finisher<T: 'static>(
    name: &'static str,
    stash: &Rc<RefCell<Vec<Waker>>>,
    output: T,
) -> impl Future<Output = T> + 'static {
    let stash = stash.clone();
    let mut output = Some(output);
    std::future::poll_fn(move |cx| {
        log(format!("poll {name}"));
        stash.borrow_mut().push(cx.waker().clone());
        Poll::Ready(output.take().expect("polled after completion"))
    })
}

/// What a test does with one stale waker of a finished task. Each ends
/// with every clone gone.
#[derive(Clone, Copy, Debug)]
enum Dispose {
    /// A handler drops it: the last reference, an inbox entry to free.
    HandlerDrop,
    /// A handler wakes it by value: an inbox entry to poll, then the last
    /// reference dropped by the handler (not IDLE: nothing more).
    HandlerWake,
    /// A handler wakes it by reference, Thread mode drops it.
    HandlerWakeByRefThreadDrop,
    /// Thread mode wakes it by reference (the ring), a handler drops it.
    ThreadWakeByRefHandlerDrop,
    /// A handler clones it; Thread mode drops the original; a handler
    /// drops the clone (the last reference).
    CloneInHandlerDropInHandler,
    /// A handler clones it and drops the original; Thread mode drops the
    /// clone (the last reference, IDLE: freed at once).
    CloneInHandlerDropInThread,
    /// Thread mode wakes it by value (the ring, last reference in Thread
    /// mode while queued).
    ThreadWake,
    /// Thread mode wakes it twice by reference, a handler wakes it, then
    /// Thread mode drops it.
    Mixed,
}

const ALL: [Dispose; 8] = [
    Dispose::HandlerDrop,
    Dispose::HandlerWake,
    Dispose::HandlerWakeByRefThreadDrop,
    Dispose::ThreadWakeByRefHandlerDrop,
    Dispose::CloneInHandlerDropInHandler,
    Dispose::CloneInHandlerDropInThread,
    Dispose::ThreadWake,
    Dispose::Mixed,
];

impl Dispose {
    fn apply(self, w: Waker) {
        match self {
            Dispose::HandlerDrop => isr(move || drop(w)),
            Dispose::HandlerWake => isr(move || w.wake()),
            Dispose::HandlerWakeByRefThreadDrop => {
                isr(|| w.wake_by_ref());
                drop(w);
            }
            Dispose::ThreadWakeByRefHandlerDrop => {
                w.wake_by_ref();
                isr(move || drop(w));
            }
            Dispose::CloneInHandlerDropInHandler => {
                let clone = isr(|| w.clone());
                drop(w);
                isr(move || drop(clone));
            }
            Dispose::CloneInHandlerDropInThread => {
                let clone = isr(move || {
                    let c = w.clone();
                    drop(w);
                    c
                });
                drop(clone);
            }
            Dispose::ThreadWake => w.wake(),
            Dispose::Mixed => {
                w.wake_by_ref();
                w.wake_by_ref();
                isr(|| w.wake_by_ref());
                drop(w);
            }
        }
    }

    /// Whether the task may wait in the inbox for the next `block_on` (a
    /// handler queued it); otherwise it is freed at once or swept when the
    /// current `block_on` returns.
    fn may_wait_in_inbox(self) -> bool {
        matches!(
            self,
            Dispose::HandlerDrop
                | Dispose::HandlerWake
                | Dispose::HandlerWakeByRefThreadDrop
                | Dispose::CloneInHandlerDropInHandler
                | Dispose::Mixed
        )
    }
}

// ---- stale wakers of finished tasks --------------------------------------------

#[test]
fn stale_wakers_disposed_between_block_ons_free_everything() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        // Every disposal alone, then all of them at once, in two orders.
        let mut orders: Vec<Vec<Dispose>> = ALL.iter().map(|&d| vec![d]).collect();
        orders.push(ALL.to_vec());
        orders.push(ALL.iter().rev().copied().collect());
        for order in orders {
            let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
            for _ in &order {
                drop(x.spawn(finisher("T", &stash, ())));
            }
            x.block_on(async {});
            let wakers = std::mem::take(&mut *stash.borrow_mut());
            assert_eq!(wakers.len(), order.len());
            assert_eq!(take_log().len(), order.len(), "each task polled once");
            assert_eq!(x.live_tasks(), 0);
            for (w, d) in wakers.into_iter().zip(&order) {
                d.apply(w);
            }
            // One scheduling point frees them all; nothing is polled but
            // the finished tasks' no-op polls (nothing logs).
            x.block_on(async {});
            let log = take_log();
            assert!(log.iter().all(|e| e == "pend"), "{order:?}: {log:?}");
            assert_eq!(a.statistics(), before, "{order:?}");
        }
    });
}

#[test]
fn stale_wakers_disposed_inside_block_on_are_freed_when_it_returns() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        for d in ALL {
            for yields in 0..3 {
                let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
                for _ in 0..3 {
                    drop(x.spawn(finisher("T", &stash, ())));
                }
                x.block_on(async {});
                take_log();
                let wakers = std::mem::take(&mut *stash.borrow_mut());
                // The block_on future disposes of them while it is polled,
                // then completes at once or after some yields.
                x.block_on(async {
                    for w in wakers {
                        d.apply(w);
                    }
                    for _ in 0..yields {
                        yield_now().await;
                    }
                });
                if !d.may_wait_in_inbox() || yields > 0 {
                    // Queued in the ring (swept or polled) or freed at once;
                    // after a yield the inbox was drained too.
                    assert_eq!(a.statistics(), before, "{d:?}, {yields} yields");
                }
                x.block_on(async {});
                assert_eq!(a.statistics(), before, "{d:?}, {yields} yields");
                let log = take_log();
                assert!(log.iter().all(|e| e == "pend"), "{d:?}: {log:?}");
            }
        }
        assert_eq!(x.live_tasks(), 0);
    });
}

#[test]
fn stale_wakers_disposed_by_handlers_while_the_executor_sleeps() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let handler_only = [
            Dispose::HandlerDrop,
            Dispose::HandlerWake,
            Dispose::CloneInHandlerDropInHandler,
        ];
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        for _ in 0..handler_only.len() {
            drop(x.spawn(finisher("T", &stash, ())));
        }
        x.block_on(async {});
        take_log();
        let wakers = std::mem::take(&mut *stash.borrow_mut());
        // The executor sleeps on a gate; one "interrupt" disposes of every
        // stale waker (inside a real handler: `apply`'s own `isr` nests),
        // then opens the gate.
        let gate: Rc<Gate> = Rc::default();
        let g = gate.clone();
        on_sleep(move || {
            isr(move || {
                for (w, d) in wakers.into_iter().zip(handler_only) {
                    d.apply(w);
                }
                g.set();
            });
        });
        x.block_on(gate.wait("root"));
        assert_eq!(a.statistics(), before);
        let log = take_log();
        assert_eq!(log.first().map(String::as_str), Some("poll root"));
        assert_eq!(log.last().map(String::as_str), Some("poll root"));
        assert!(log[1..log.len() - 1].iter().all(|e| e == "pend"), "{log:?}");
    });
}

// ---- FIFO with FREE entries in the inbox ------------------------------------

#[test]
fn handler_wakes_stay_fifo_around_free_entries() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        // Three finished tasks with stale wakers.
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        for _ in 0..3 {
            drop(x.spawn(finisher("dead", &stash, ())));
        }
        x.block_on(async {});
        assert_eq!(take_log(), ev(&["poll dead", "poll dead", "poll dead"]));
        let mut stale = std::mem::take(&mut *stash.borrow_mut());
        // Three waiting tasks.
        let gates: Vec<Rc<Gate>> = (0..3).map(|_| Rc::default()).collect();
        let names = ["A", "B", "C"];
        let handles: Vec<JoinHandle<()>> = gates
            .iter()
            .zip(names)
            .map(|(g, n)| x.spawn(g.wait(n)))
            .collect();
        // One interrupt, FREE entries between the wakes: D dropped, A
        // woken, E woken by value, B woken, F dropped, C woken.
        let (d, e, f) = (stale.remove(0), stale.remove(0), stale.remove(0));
        let gs = gates.clone();
        on_sleep(move || {
            isr(move || {
                drop(d);
                gs[0].set();
                e.wake();
                gs[1].set();
                drop(f);
                gs[2].set();
            })
        });
        x.block_on(async move {
            for h in handles {
                h.await;
            }
        });
        let log = take_log();
        let polls: Vec<&String> = log.iter().filter(|e| *e != "pend").collect();
        assert_eq!(
            polls,
            ["poll A", "poll B", "poll C", "poll A", "poll B", "poll C"],
            "{log:?}"
        );
        assert_eq!(a.statistics(), before);
        assert_eq!(x.live_tasks(), 0);
    });
}

// ---- JoinHandle with stale wakes --------------------------------------------

#[test]
fn join_handle_output_survives_stale_wakes_and_the_sweep() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        for d in ALL {
            // Awaited after stale wakes queued the Done task (swept off the
            // ring at the end of a block_on, or left in the inbox).
            let h = x.spawn(finisher("T", &stash, String::from("out")));
            x.block_on(async {});
            assert!(h.is_finished());
            let w = stash.borrow_mut().pop().unwrap();
            let w2 = w.clone();
            x.block_on(async {
                d.apply(w);
                isr(|| w2.wake_by_ref());
                w2.wake_by_ref();
            });
            assert!(h.is_finished());
            assert_eq!(x.block_on(h), "out", "{d:?}");
            isr(move || drop(w2));
            x.block_on(async {});
            assert_eq!(a.statistics(), before, "{d:?}");

            // Cancelled after stale wakes: the output comes back.
            let h = x.spawn(finisher("T", &stash, vec![1, 2, 3]));
            x.block_on(async {});
            let w = stash.borrow_mut().pop().unwrap();
            let w2 = w.clone();
            x.block_on(async {
                isr(|| w2.wake_by_ref());
                d.apply(w);
            });
            assert_eq!(h.cancel(), Some(vec![1, 2, 3]), "{d:?}");
            drop(w2);
            x.block_on(async {});
            assert_eq!(a.statistics(), before, "{d:?}");

            // Dropped (detached) after stale wakes: the output is dropped.
            let out = Rc::new(());
            let h = x.spawn(finisher("T", &stash, out.clone()));
            x.block_on(async {});
            let w = stash.borrow_mut().pop().unwrap();
            isr(|| w.wake_by_ref());
            assert_eq!(Rc::strong_count(&out), 2);
            drop(h);
            assert_eq!(Rc::strong_count(&out), 1, "the output was dropped");
            d.apply(w);
            x.block_on(async {});
            assert_eq!(a.statistics(), before, "{d:?}");
        }
        let log = take_log();
        assert!(log.iter().all(|e| e == "poll T" || e == "pend"), "{log:?}");
        assert_eq!(log.iter().filter(|e| *e == "poll T").count(), 3 * ALL.len());
    });
}

#[test]
fn block_on_returns_at_once_while_a_handler_holds_the_finished_tasks_waker() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        for d in ALL {
            let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
            let h = x.spawn(finisher("T", &stash, 7u32));
            // The root awaits the handle: the task completes, the root is
            // woken and completes, block_on returns; the "handler" still
            // holds the task's waker.
            assert_eq!(x.block_on(h), 7);
            let w = stash.borrow_mut().pop().unwrap();
            assert_ne!(a.statistics(), before);
            d.apply(w);
            x.block_on(async {});
            assert_eq!(a.statistics(), before, "{d:?}");
        }
        // The root's own stale waker: outside block_on it does nothing (no
        // pend), inside a later block_on it is a spurious wake at most.
        let root: Rc<RefCell<Option<Waker>>> = Rc::default();
        let r = root.clone();
        x.block_on(std::future::poll_fn(move |cx| {
            *r.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        take_log();
        let w = root.borrow_mut().take().unwrap();
        isr(|| w.wake_by_ref());
        w.wake_by_ref();
        assert_eq!(take_log(), Vec::<String>::new());
        let n = x.block_on(async {
            isr(|| w.wake_by_ref());
            yield_now().await;
            5
        });
        assert_eq!(n, 5);
        isr(move || w.wake());
        assert_eq!(a.statistics(), before);
    });
}

// ---- the last reference dropped by a handler at awkward moments ---------------

/// Runs a handler that drops `waker` when dropped.
struct DropInHandler(Option<Waker>);

impl Drop for DropInHandler {
    fn drop(&mut self) {
        let w = self.0.take();
        isr(move || drop(w));
    }
}

#[test]
fn handler_drops_the_last_waker_while_the_task_ends_or_is_queued() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();

        // 1. The task's future holds its own waker and a handler drops it
        //    while the future's destructor runs at completion (the task is
        //    the head of the ring, neither IDLE nor referenced by its future).
        let slot: Rc<RefCell<Option<DropInHandler>>> = Rc::default();
        let s = slot.clone();
        x.spawn(async move {
            let own = std::future::poll_fn(|cx| Poll::Ready(cx.waker().clone())).await;
            let guard = DropInHandler(Some(own));
            yield_now().await;
            drop(s);
            drop(guard);
            log("done 1");
        });
        x.block_on(async {
            for _ in 0..3 {
                yield_now().await;
            }
        });
        assert_eq!(take_log(), ev(&["done 1"]));
        assert_eq!(a.statistics(), before);

        // 2. Same, but the waker is in the future when it is CANCELLED
        //    (not being polled, IDLE): the handler's drop is not the last
        //    (the handle holds one), cancel frees the task.
        let h = x.spawn(async {
            let own = std::future::poll_fn(|cx| Poll::Ready(cx.waker().clone())).await;
            let _guard = DropInHandler(Some(own));
            std::future::pending::<()>().await;
        });
        x.block_on(yield_now());
        assert_eq!(h.cancel(), None);
        assert_eq!(a.statistics(), before);

        // 3. A handler wakes and drops a finished task that Thread mode had
        //    queued already (in the ring): no inbox entry, freed after its
        //    no-op poll.
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        drop(x.spawn(finisher("T", &stash, ())));
        x.block_on(async {});
        let w = stash.borrow_mut().pop().unwrap();
        x.block_on(async move {
            w.wake_by_ref();
            isr(move || {
                w.wake_by_ref();
                drop(w);
            });
            yield_now().await;
        });
        assert_eq!(a.statistics(), before);

        // 4. A handler drops the last reference of a finished task that a
        //    handler queued (in the inbox, not IDLE): no FREE entry, the
        //    drain queues it and it is freed after its no-op poll.
        drop(x.spawn(finisher("T", &stash, ())));
        x.block_on(async {});
        let w = stash.borrow_mut().pop().unwrap();
        isr(|| w.wake_by_ref());
        isr(move || drop(w));
        x.block_on(async {});
        assert_eq!(a.statistics(), before);

        // Each ran once; only the handler's wake of the IDLE task pended
        // (the drop of a task the inbox holds adds no entry).
        assert_eq!(take_log(), ev(&["poll T", "poll T", "pend"]));

        // 5. The task cancels itself while a handler holds its waker, then
        //    the handler drops it after block_on returned.
        let me: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();
        let held: Rc<RefCell<Option<Waker>>> = Rc::default();
        let (m, hd) = (me.clone(), held.clone());
        let h = x.spawn(async move {
            *hd.borrow_mut() =
                Some(std::future::poll_fn(|cx| Poll::Ready(cx.waker().clone())).await);
            yield_now().await;
            let h = m.borrow_mut().take().unwrap();
            assert_eq!(h.cancel(), None);
            log("after self-cancel");
            std::future::pending::<()>().await;
        });
        *me.borrow_mut() = Some(h);
        x.block_on(async {
            for _ in 0..3 {
                yield_now().await;
            }
        });
        // It cancelled itself: its poll went on to its next await point (the
        // future is not dropped under its own feet), then it never ran again.
        assert_eq!(take_log(), ev(&["after self-cancel"]));
        let w = held.borrow_mut().take().unwrap();
        isr(|| w.wake_by_ref());
        isr(move || drop(w));
        x.block_on(async {});
        // The stale wake pended (the task was IDLE); nothing was polled.
        assert_eq!(take_log(), ev(&["pend"]));
        assert_eq!(a.statistics(), before);
        assert_eq!(x.live_tasks(), 0);
    });
}

// ---- nested executors sharing one allocator ----------------------------------

#[test]
fn nested_executors_on_one_allocator_free_tasks_woken_across() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = OUTER, allocator = A);
    executor!(name = INNER, allocator = A);
    thread_mode(|| {
        setup::<OUTER>();
        lull_executor::host::set_pend_hook::<INNER>(Some(support::pend));
        lull_executor::host::set_sleep_hook::<INNER>(Some(support::sleep));
        let (outer, a) = OUTER::get().unwrap();
        let (inner, _) = INNER::get().unwrap();
        let before = a.statistics();
        for d in ALL {
            let outer_stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
            let inner_stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
            drop(outer.spawn(finisher("O", &outer_stash, ())));
            outer.block_on(async {});
            let outer_stale = outer_stash.borrow_mut().pop().unwrap();
            let is = inner_stash.clone();
            // An OUTER task runs INNER's block_on; inside it, an INNER task
            // finishes and both stale wakers are disposed of, inside INNER's
            // poll (Thread mode and handlers).
            let h = outer.spawn(async move {
                let got = inner.block_on(async move {
                    let t = inner.spawn(finisher("I", &is, 3u8));
                    let v = t.await;
                    let inner_stale = is.borrow_mut().pop().unwrap();
                    d.apply(inner_stale);
                    d.apply(outer_stale);
                    yield_now().await;
                    v
                });
                yield_now().await;
                got
            });
            assert_eq!(outer.block_on(h), 3);
            outer.block_on(async {});
            inner.block_on(async {});
            assert_eq!(a.statistics(), before, "{d:?}");
            assert_eq!((outer.live_tasks(), inner.live_tasks()), (0, 0));
        }
        let log = take_log();
        assert!(
            log.iter()
                .all(|e| ["poll O", "poll I", "pend"].contains(&e.as_str())),
            "{log:?}"
        );
    });
}

// ---- a deterministic storm -----------------------------------------------------

#[test]
fn storm_of_spawns_stale_wakes_joins_and_cancels_returns_the_heap() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 18);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        setup::<X>();
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let mut seed: u32 = 0x2545_f491;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % n
        };
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        let mut stale: Vec<Waker> = Vec::new();
        let mut handles: Vec<(JoinHandle<usize>, usize)> = Vec::new();
        let rounds = if cfg!(miri) { 60 } else { 600 };
        for i in 0..rounds {
            match next(7) {
                0 | 1 => handles.push((x.spawn(finisher("T", &stash, i)), i)),
                2 if !stale.is_empty() => {
                    let w = stale.swap_remove(next(stale.len()));
                    ALL[next(ALL.len())].apply(w);
                }
                3 if !handles.is_empty() => {
                    let (h, v) = handles.swap_remove(next(handles.len()));
                    match next(3) {
                        0 => assert_eq!(x.block_on(h), v),
                        1 => {
                            let out = h.cancel();
                            assert!(out.is_none() || out == Some(v));
                        }
                        _ => drop(h),
                    }
                }
                4 => {
                    // Dispose of some wakers inside a block_on.
                    let k = next(stale.len() + 1);
                    let some: Vec<Waker> = stale.drain(..k).collect();
                    let ds: Vec<Dispose> = some.iter().map(|_| ALL[next(ALL.len())]).collect();
                    x.block_on(async move {
                        for (w, d) in some.into_iter().zip(ds) {
                            d.apply(w);
                        }
                    });
                }
                _ => x.block_on(async {}),
            }
            stale.append(&mut stash.borrow_mut());
        }
        for (h, v) in handles {
            assert_eq!(x.block_on(h), v);
        }
        stale.append(&mut stash.borrow_mut());
        for w in stale {
            ALL[next(ALL.len())].apply(w);
        }
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
        assert_eq!(x.live_tasks(), 0);
        let log = take_log();
        assert!(log.iter().all(|e| e == "poll T" || e == "pend"), "{log:?}");
    });
}
