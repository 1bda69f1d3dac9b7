//! Host tests of the queue, the clock and the driver's state machine (also
//! run under Miri: `cargo +nightly miri test -p lull-time`).

extern crate std;

use super::*;
use std::sync::Arc;
use std::sync::Mutex;
use std::task::Wake;
use std::vec::Vec;

/// A waker that records its id in a shared log when woken.
struct Rec {
    id: u32,
    log: Arc<Mutex<Vec<u32>>>,
}

impl Wake for Rec {
    fn wake(self: Arc<Self>) {
        self.log.lock().unwrap().push(self.id);
    }
}

fn wakers(n: u32) -> (Vec<Waker>, Arc<Mutex<Vec<u32>>>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let w = (0..n)
        .map(|id| {
            Waker::from(Arc::new(Rec {
                id,
                log: log.clone(),
            }))
        })
        .collect();
    (w, log)
}

/// Pops everything due at `now` and wakes it.
fn expire<const N: usize>(q: &mut TimerQueue<N>, now: u64) {
    while let Some(w) = q.pop_expired(now) {
        w.wake();
    }
}

#[test]
fn fires_in_deadline_order() {
    let (w, log) = wakers(5);
    let mut q = TimerQueue::<8>::new();
    for (i, at) in [30u64, 10, 50, 20, 40].into_iter().enumerate() {
        q.schedule(at, &w[i]).unwrap();
    }
    assert_eq!(q.next_deadline(), Some(10));
    expire(&mut q, 9);
    assert!(log.lock().unwrap().is_empty());
    expire(&mut q, 25);
    assert_eq!(*log.lock().unwrap(), [1, 3]);
    expire(&mut q, 1000);
    assert_eq!(*log.lock().unwrap(), [1, 3, 0, 4, 2]);
    assert!(q.is_empty());
    assert_eq!(q.next_deadline(), None);
}

#[test]
fn equal_deadlines_leave_in_fifo_order_in_one_expiry() {
    let (w, log) = wakers(6);
    let mut q = TimerQueue::<8>::new();
    for (i, w) in w.iter().enumerate() {
        q.schedule(if i % 2 == 0 { 7 } else { 5 }, w).unwrap();
    }
    expire(&mut q, 7);
    assert_eq!(*log.lock().unwrap(), [1, 3, 5, 0, 2, 4]);
}

#[test]
fn same_waker_is_queued_once_at_its_earliest_deadline() {
    let (w, log) = wakers(2);
    let mut q = TimerQueue::<4>::new();
    // A timer polled again and again (embassy-time calls schedule_wake on
    // every poll) takes one entry.
    for _ in 0..100 {
        q.schedule(20, &w[0]).unwrap();
    }
    q.schedule(30, &w[1]).unwrap();
    assert_eq!(q.len(), 2);
    // A later deadline for the same waker changes nothing; an earlier one
    // moves it.
    q.schedule(40, &w[0]).unwrap();
    assert_eq!(q.next_deadline(), Some(20));
    q.schedule(35, &w[1]).unwrap();
    q.schedule(3, &w[1]).unwrap();
    assert_eq!(q.next_deadline(), Some(3));
    expire(&mut q, 100);
    assert_eq!(*log.lock().unwrap(), [1, 0]);
}

/// The vtable of a "poll waker" whose clones are different wakers (data and
/// vtable), like a hardware generator task's.
mod poll_waker {
    use core::sync::atomic::{AtomicU32, Ordering};
    use core::task::{RawWaker, RawWakerVTable, Waker};

    pub static WOKEN: AtomicU32 = AtomicU32::new(0);
    static CLONED: RawWakerVTable = RawWakerVTable::new(clone, wake, wake, drop);
    static POLL: RawWakerVTable = RawWakerVTable::new(clone, wake, wake, drop);
    static DATA: u8 = 0;

    fn clone(_: *const ()) -> RawWaker {
        RawWaker::new(core::ptr::from_ref(&DATA).cast(), &CLONED)
    }
    fn wake(_: *const ()) {
        WOKEN.fetch_add(1, Ordering::Relaxed);
    }
    fn drop(_: *const ()) {}

    /// A poll waker whose data is `frame` (a stack address in the real one).
    pub fn poll(frame: *const ()) -> Waker {
        // SAFETY: the vtable's functions ignore the data.
        unsafe { Waker::from_raw(RawWaker::new(frame, &POLL)) }
    }
}

#[test]
fn a_waker_whose_clones_differ_is_found_by_its_clone() {
    let mut q = TimerQueue::<4>::new();
    let (a, b) = (1u32, 2u32);
    let p1 = poll_waker::poll(core::ptr::from_ref(&a).cast());
    let p2 = poll_waker::poll(core::ptr::from_ref(&b).cast());
    assert!(!p1.will_wake(&p2));
    q.schedule(10, &p1).unwrap();
    q.schedule(10, &p2).unwrap();
    q.schedule(5, &p2).unwrap();
    assert_eq!((q.len(), q.next_deadline()), (1, Some(5)));
    let before = poll_waker::WOKEN.load(core::sync::atomic::Ordering::Relaxed);
    expire(&mut q, 10);
    assert!(poll_waker::WOKEN.load(core::sync::atomic::Ordering::Relaxed) > before);
    assert!(q.is_empty());
}

#[test]
fn dropped_timer_entry_fires_once_and_frees_its_slot() {
    // `Timer` cannot unschedule: when a timer future is dropped, its entry
    // stays and leaves at its deadline with one (ignored) wake.
    let (w, log) = wakers(3);
    let mut q = TimerQueue::<2>::new();
    q.schedule(100, &w[0]).unwrap(); // the dropped timer's
    q.schedule(10, &w[1]).unwrap();
    assert_eq!(q.schedule(50, &w[2]), Err(QueueFull { capacity: 2 }));
    expire(&mut q, 100);
    assert_eq!(*log.lock().unwrap(), [1, 0]);
    // Both slots are free again.
    q.schedule(200, &w[2]).unwrap();
    q.schedule(201, &w[0]).unwrap();
    assert_eq!(q.len(), 2);
}

#[test]
fn full_queue_is_an_error_and_unchanged() {
    let (w, log) = wakers(5);
    let mut q = TimerQueue::<4>::new();
    for (i, w) in w.iter().take(4).enumerate() {
        q.schedule(i as u64, w).unwrap();
    }
    assert_eq!(q.schedule(9, &w[4]), Err(QueueFull { capacity: 4 }));
    // A waker already queued can still move earlier when full.
    q.schedule(0, &w[3]).unwrap();
    assert_eq!(q.len(), 4);
    expire(&mut q, 10);
    assert_eq!(*log.lock().unwrap(), [0, 3, 1, 2]);
}

/// xorshift32, for deterministic pseudo-random tests.
fn rng(seed: &mut u32) -> u32 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 17;
    *seed ^= *seed << 5;
    *seed
}

#[test]
fn random_schedules_match_a_model() {
    let n = if cfg!(miri) { 24 } else { 64 };
    let (w, log) = wakers(n);
    let mut q = TimerQueue::<64>::new();
    // Model: the earliest deadline of each waker, and its first insertion.
    let mut model: Vec<Option<(u64, u64)>> = std::vec![None; n as usize];
    let mut order = 0u64;
    let mut seed = 0x1234_5678;
    let mut now = 0u64;
    let rounds = if cfg!(miri) { 200 } else { 5000 };
    for _ in 0..rounds {
        let r = rng(&mut seed);
        if r.is_multiple_of(3) {
            now += u64::from(r % 17);
            let mut expected: Vec<(u64, u64, u32)> = model
                .iter()
                .enumerate()
                .filter_map(|(i, m)| m.filter(|m| m.0 <= now).map(|m| (m.0, m.1, i as u32)))
                .collect();
            expected.sort();
            for e in &expected {
                model[e.2 as usize] = None;
            }
            log.lock().unwrap().clear();
            expire(&mut q, now);
            let got = log.lock().unwrap().clone();
            assert_eq!(got, expected.iter().map(|e| e.2).collect::<Vec<_>>());
        } else {
            let i = (r >> 8) % n;
            let at = now + 1 + u64::from((r >> 16) % 40);
            q.schedule(at, &w[i as usize]).unwrap();
            let m = &mut model[i as usize];
            *m = match *m {
                Some((old, o)) => Some((old.min(at), o)),
                None => {
                    order += 1;
                    Some((at, order))
                }
            };
        }
        assert_eq!(q.len(), model.iter().flatten().count());
        assert_eq!(q.next_deadline(), model.iter().flatten().map(|m| m.0).min());
    }
}

#[test]
fn clock_counts_across_the_32_bit_carry() {
    let c = TickClock::new();
    c.set(0xFFFF_FFFE);
    c.advance();
    assert_eq!(c.now(), 0xFFFF_FFFF);
    c.advance();
    assert_eq!(c.now(), 0x1_0000_0000);
    c.advance();
    assert_eq!(c.now(), 0x1_0000_0001);
}

#[test]
fn reader_preempting_the_writer_never_sees_a_torn_value() {
    // The writer is interrupted between each of its stores by a reader
    // (an interrupt above the tick's priority), at the 32-bit carry.
    let c = TickClock::new();
    c.set(0xFFFF_FFFF);
    let mut seen = Vec::new();
    c.advance_with(|| seen.push(c.now()));
    assert_eq!(seen, [0xFFFF_FFFF, 0xFFFF_FFFF]);
    assert_eq!(c.now(), 0x1_0000_0000);
}

#[test]
fn reader_preempted_by_the_writer_retries() {
    // A reader (Thread mode) is interrupted by ticks between its loads,
    // twice at the 32-bit carry: it must return a value the clock held.
    let c = TickClock::new();
    c.set(0xFFFF_FFFE);
    let mut preemptions = 0;
    let v = c.read(|| {
        if preemptions < 2 {
            preemptions += 1;
            c.advance();
        }
    });
    assert_eq!(v, 0x1_0000_0000);
}

/// SysTick modelled on the host: a 24-bit down-counter with COUNTFLAG and
/// its pending bit; the driver's tick handler counts a tick per wrap.
struct SysTickModel {
    cvr: u32,
    reload: u32,
    countflag: bool,
    pending: bool,
}

impl SysTickModel {
    /// Runs `cycles` clock cycles; returns how many times the counter
    /// reached 0 (each sets COUNTFLAG and pends the exception).
    fn run(&mut self, mut cycles: u64) -> u64 {
        let mut wraps = 0;
        while cycles > 0 {
            if self.cvr == 0 {
                // Reload takes one cycle.
                self.cvr = self.reload;
                cycles -= 1;
                continue;
            }
            let d = cycles.min(u64::from(self.cvr));
            self.cvr -= d as u32;
            cycles -= d;
            if self.cvr == 0 {
                wraps += 1;
                self.countflag = true;
                self.pending = true;
            }
        }
        wraps
    }
    /// A read of SYST_CSR: returns and clears COUNTFLAG.
    fn take_countflag(&mut self) -> bool {
        core::mem::take(&mut self.countflag)
    }
}

#[test]
fn ticks_count_24_bit_wraps_and_ignore_software_pends() {
    let t = Time::new();
    // The longest tick: a full 24-bit period.
    let reload = 0x00FF_FFFF;
    let mut st = SysTickModel {
        cvr: 5,
        reload,
        countflag: false,
        pending: false,
    };
    let mut seed = 7;
    let mut wraps = 0u64;
    let mut cycles = 0u64;
    while wraps < 200 {
        // Up to one period between handler runs (a longer delay would lose
        // ticks, as documented).
        let c = u64::from(rng(&mut seed) % (reload + 1)) + 1;
        cycles += c;
        wraps += st.run(c);
        if st.pending {
            st.pending = false;
            t.tick(st.take_countflag());
        }
        // A software pend (the ARMv6-M holder's PENDSTSET) without a wrap
        // runs the handler without counting.
        if rng(&mut seed).is_multiple_of(4) {
            t.tick(st.take_countflag());
        }
        assert_eq!(t.clock.now(), wraps);
    }
    // The first wrap after 5 cycles, then one per period of reload + 1.
    assert_eq!(wraps, (cycles - 5) / u64::from(reload + 1) + 1);
}

#[test]
fn tick_that_finds_the_queue_locked_is_served_by_the_holder() {
    let t = Time::new();
    t.prio.store(0x80, Ordering::Relaxed);
    let (w, log) = wakers(1);
    t.schedule(3, &w[0]);
    t.tick(true);
    t.tick(true);
    // The tick that makes `w` due preempts a holder (ARMv6-M: SysTick is not
    // masked): it counts the tick but leaves the queue alone.
    t.locked.store(true, Ordering::Relaxed);
    t.tick(true);
    assert_eq!(t.clock.now(), 3);
    assert!(t.missed.load(Ordering::Relaxed));
    assert!(log.lock().unwrap().is_empty());
    t.locked.store(false, Ordering::Relaxed);
    // The holder's schedule releases the queue and pends the tick.
    let (v, vlog) = wakers(1);
    t.schedule(5, &v[0]);
    assert_eq!(t.pended.load(Ordering::Relaxed), 1);
    // The pended handler run: no wrap (not counted), the due waker woken.
    t.tick(false);
    assert_eq!(*log.lock().unwrap(), [0]);
    assert!(!t.missed.load(Ordering::Relaxed));
    assert_eq!(t.clock.now(), 3);
    t.tick(true);
    assert!(vlog.lock().unwrap().is_empty());
    t.tick(true);
    assert_eq!(*vlog.lock().unwrap(), [0]);
}

#[test]
fn deadline_already_passed_wakes_at_once() {
    let t = Time::new();
    t.prio.store(0x80, Ordering::Relaxed);
    let (w, log) = wakers(1);
    t.tick(true);
    t.tick(true);
    t.schedule(2, &w[0]);
    assert_eq!(*log.lock().unwrap(), [0]);
    // SAFETY: no other context uses `t`.
    assert!(unsafe { &*t.queue.get() }.is_empty());
}

#[test]
#[should_panic(expected = "enable a larger `queue-N` feature")]
fn full_driver_queue_panics_naming_the_feature() {
    let t = Time::new();
    t.prio.store(0x80, Ordering::Relaxed);
    let (w, _log) = wakers(CAPACITY as u32 + 1);
    for w in &w {
        t.schedule(10, w);
    }
}

#[test]
fn driver_keeps_one_clone_per_queued_waker() {
    let t = Time::new();
    t.prio.store(0x80, Ordering::Relaxed);
    let log = Arc::new(Mutex::new(Vec::new()));
    let rec = Arc::new(Rec {
        id: 7,
        log: log.clone(),
    });
    let w = Waker::from(rec.clone());
    // `rec` and `w`: two references before anything is queued.
    assert_eq!(Arc::strong_count(&rec), 2);
    t.schedule(5, &w);
    assert_eq!(Arc::strong_count(&rec), 3);
    // Scheduled again (earlier, later, and due): the clones made before
    // masking are dropped or woken, never kept.
    t.schedule(4, &w);
    t.schedule(9, &w);
    assert_eq!(Arc::strong_count(&rec), 3);
    t.tick(true);
    t.schedule(1, &w);
    assert_eq!(*log.lock().unwrap(), [7]);
    assert_eq!(Arc::strong_count(&rec), 3);
    for _ in 0..3 {
        t.tick(true);
    }
    assert_eq!(*log.lock().unwrap(), [7, 7]);
    assert_eq!(Arc::strong_count(&rec), 2);
    // SAFETY: no other context uses `t`.
    assert!(unsafe { &*t.queue.get() }.is_empty());
}
