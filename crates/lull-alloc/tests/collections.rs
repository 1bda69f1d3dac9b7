//! Box, Vec, Rc/Weak and String over a thread-mode allocator, on the host
//! stand-in. Run under Miri too: `cargo +nightly miri test -p lull-alloc`.

use core::cell::Cell;
use core::fmt::{Display, Write};
use core::mem::size_of;
use core::pin::Pin;

use lull_alloc::host::{self, TestHeap};
use lull_alloc::vec::TryReserveError;
use lull_alloc::{
    Box, Rc, String, ThreadModeAllocator, Vec, allocator, rc::Weak, unsize_box, unsize_rc,
};

#[allocator]
static A: TestHeap = TestHeap::new(4096);

/// Runs `f` in Thread mode with a handle, then checks that every block was
/// returned.
fn with_a(f: impl FnOnce(A) + Send) {
    host::thread_mode(|| {
        let a = A::get().expect("Thread mode");
        let before = a.statistics();
        f(a);
        assert_eq!(a.statistics(), before, "everything returned");
    });
}

/// Counts its drops.
struct Drops<'a>(&'a Cell<usize>);
impl Drop for Drops<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Zst;

#[test]
fn sizes_do_not_grow_with_the_handle() {
    assert_eq!(size_of::<A>(), 0);
    assert_eq!(size_of::<Option<A>>(), 1);
    assert_eq!(size_of::<Box<u64, A>>(), size_of::<usize>());
    assert_eq!(size_of::<Box<dyn Display, A>>(), 2 * size_of::<usize>());
    assert_eq!(size_of::<Vec<u8, A>>(), 3 * size_of::<usize>());
    assert_eq!(size_of::<String<A>>(), 3 * size_of::<usize>());
    assert_eq!(size_of::<Rc<u8, A>>(), size_of::<usize>());
    assert_eq!(size_of::<Weak<u8, A>>(), size_of::<usize>());
    assert_eq!(size_of::<Option<Box<u8, A>>>(), size_of::<usize>());
}

#[test]
fn box_moves_drops_and_frees() {
    with_a(|a| {
        let drops = Cell::new(0);
        let b = Box::new_in(Drops(&drops), a);
        assert_eq!(a.statistics().blocks, 1);
        drop(b);
        assert_eq!(drops.get(), 1);
        let b = Box::new_in(5u32, a);
        assert_eq!(Box::into_inner(b), 5);
        let mut b = Box::new_in([1u16; 3], a);
        b[1] = 7;
        assert_eq!(*b, [1, 7, 1]);
        assert_eq!(b.clone(), b);
        assert_eq!(format!("{b:?}"), "[1, 7, 1]");
    });
}

#[test]
fn box_of_zero_sized_type_allocates_and_frees_nothing() {
    with_a(|a| {
        let drops = Cell::new(0);
        struct ZstDrop<'a>(#[allow(dead_code)] Drops<'a>);
        let _ = ZstDrop;
        let b = Box::new_in(Zst, a);
        let c = Box::new_in((), a);
        assert_eq!(a.statistics().blocks, 0);
        assert_eq!(*b, Zst);
        drop((b, c));
        let empty: Box<[u8], A> = unsize_box!(Box::new_in([], a));
        assert_eq!(empty.len(), 0);
        drop(empty);
        assert_eq!(drops.get(), 0);
        assert_eq!(a.statistics().blocks, 0);
    });
}

#[test]
fn box_unsizes_to_trait_objects_and_slices() {
    with_a(|a| {
        let drops = Cell::new(0);
        trait Speak {
            fn speak(&self) -> u32;
        }
        impl Speak for u32 {
            fn speak(&self) -> u32 {
                *self
            }
        }
        impl Speak for Drops<'_> {
            fn speak(&self) -> u32 {
                99
            }
        }
        let mut all: Vec<Box<dyn Speak + '_, A>, A> = Vec::new_in(a);
        all.push(unsize_box!(Box::new_in(1u32, a) => dyn Speak));
        all.push(unsize_box!(Box::new_in(Drops(&drops), a)));
        assert_eq!(all.iter().map(|s| s.speak()).sum::<u32>(), 100);
        drop(all);
        assert_eq!(drops.get(), 1);
        let slice: Box<[u64], A> = unsize_box!(Box::new_in([1, 2, 3], a) => [u64]);
        assert_eq!(&*slice, &[1, 2, 3]);
    });
}

#[test]
fn box_pins_and_polls_futures() {
    with_a(|a| {
        let mut fut: Pin<Box<dyn core::future::Future<Output = u8>, A>> =
            Box::into_pin(unsize_box!(Box::new_in(async { 7 }, a)));
        let waker = core::task::Waker::noop();
        let mut cx = core::task::Context::from_waker(waker);
        assert_eq!(fut.as_mut().poll(&mut cx), core::task::Poll::Ready(7));
        let pinned = Box::pin_in(3, a);
        assert_eq!(*pinned, 3);
    });
}

#[test]
fn box_try_new_fails_cleanly() {
    with_a(|a| {
        assert!(Box::try_new_in([0u8; 4097], a).is_err());
        let ok = Box::try_new_in([0u8; 4096], a).unwrap();
        assert!(Box::try_new_in(0u8, a).is_err());
        drop(ok);
    });
}

#[test]
fn vec_grows_and_drops_every_element() {
    with_a(|a| {
        let drops = Cell::new(0);
        let mut v = Vec::new_in(a);
        for _ in 0..10 {
            v.push(Drops(&drops));
        }
        assert!(v.capacity() >= 10);
        v.truncate(7);
        assert_eq!(drops.get(), 3);
        drop(v.remove(0));
        drop(v.swap_remove(0));
        assert_eq!(drops.get(), 5);
        assert_eq!(v.len(), 5);
        drop(v);
        assert_eq!(drops.get(), 10);
    });
}

#[test]
fn vec_edits_keep_order() {
    with_a(|a| {
        let mut v: Vec<i32, A> = Vec::from_slice_in(&[1, 2, 3, 4, 5, 6], a);
        v.insert(0, 0);
        v.insert(7, 7);
        assert_eq!(v, [0, 1, 2, 3, 4, 5, 6, 7]);
        v.retain(|x| x % 2 == 0);
        assert_eq!(v, [0, 2, 4, 6]);
        assert_eq!(v.pop(), Some(6));
        v.extend([9, 8]);
        v.extend(&[1]);
        v.sort_unstable();
        assert_eq!(v, [0, 1, 2, 4, 8, 9]);
        v.resize(8, -1);
        assert_eq!(v[6..], [-1, -1]);
        v.shrink_to_fit();
        assert_eq!(v.capacity(), 8);
        let w = v.clone();
        assert_eq!(v, w);
        assert!(v <= w);
        assert_eq!(format!("{w:?}"), "[0, 1, 2, 4, 8, 9, -1, -1]");
        v.clear();
        assert!(v.is_empty());
    });
}

#[test]
fn vec_of_zero_sized_type_never_allocates() {
    with_a(|a| {
        let mut v = Vec::new_in(a);
        for _ in 0..1000 {
            v.push(Zst);
        }
        assert_eq!(v.capacity(), usize::MAX);
        assert_eq!(a.statistics().blocks, 0);
        assert_eq!(v.iter().count(), 1000);
        assert_eq!(v.into_iter().rev().count(), 1000);
    });
}

#[test]
fn vec_into_iter_drops_the_rest_and_frees() {
    with_a(|a| {
        let drops = Cell::new(0);
        let mut v = Vec::new_in(a);
        v.extend((0..6).map(|_| Drops(&drops)));
        let mut it = v.into_iter();
        drop(it.next());
        drop(it.next_back());
        assert_eq!(it.len(), 4);
        assert_eq!(drops.get(), 2);
        drop(it);
        assert_eq!(drops.get(), 6);
    });
}

#[test]
fn vec_into_boxed_slice() {
    with_a(|a| {
        let mut v = Vec::with_capacity_in(10, a);
        v.extend_from_slice(&[String::from_str_in("x", a), String::from_str_in("y", a)]);
        let b = v.into_boxed_slice();
        assert_eq!(b.len(), 2);
        assert_eq!(b[1], "y");
    });
}

#[test]
fn vec_try_variants_report_and_keep_state() {
    with_a(|a| {
        let mut v: Vec<u32, A> = Vec::new_in(a);
        assert_eq!(
            v.try_reserve(2000),
            Err(TryReserveError::AllocError {
                layout: core::alloc::Layout::array::<u32>(2000).unwrap()
            })
        );
        assert_eq!(
            v.try_reserve(usize::MAX),
            Err(TryReserveError::CapacityOverflow)
        );
        assert!(Vec::<u64, A>::try_with_capacity_in(usize::MAX / 4, a).is_err());
        // Growing moves the buffer: 2 KiB old + 4 KiB new do not fit in 4 KiB.
        for i in 0..512 {
            v.try_push(i).unwrap();
        }
        assert_eq!(v.try_push(512), Err(512));
        assert_eq!(v.len(), 512);
        assert_eq!(v[511], 511);
        assert!(v.try_extend_from_slice(&[1]).is_err());
        assert_eq!(v.len(), 512);
    });
}

#[test]
#[should_panic(expected = "lull-alloc: out of memory: could not allocate 8000 bytes aligned to 8")]
fn default_oom_hook_names_the_layout() {
    host::thread_mode(|| {
        let a = A::get().unwrap();
        let _v: Vec<u64, A> = Vec::with_capacity_in(1000, a);
    });
}

#[test]
fn registered_oom_hook_is_called_and_vec_stays_valid() {
    fn hook(layout: core::alloc::Layout) -> ! {
        std::panic::panic_any(layout)
    }
    with_a(|a| {
        host::set_oom_hook(Some(hook));
        let mut v: Vec<u32, A> = Vec::new_in(a);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for i in 0.. {
                v.push(i);
            }
        }));
        let layout = *result
            .unwrap_err()
            .downcast::<core::alloc::Layout>()
            .unwrap();
        assert_eq!(layout, core::alloc::Layout::array::<u32>(1024).unwrap());
        assert_eq!(v.len(), 512);
        assert_eq!(v.last(), Some(&511));
        host::set_oom_hook(None);
    });
}

#[test]
fn rc_shares_and_drops_once() {
    with_a(|a| {
        let drops = Cell::new(0);
        let first = Rc::new_in(Drops(&drops), a);
        let second = first.clone();
        let weak = Rc::downgrade(&first);
        assert_eq!((Rc::strong_count(&first), Rc::weak_count(&first)), (2, 1));
        assert!(Rc::ptr_eq(&first, &second));
        drop(first);
        assert_eq!(drops.get(), 0);
        assert!(weak.upgrade().is_some());
        drop(second);
        assert_eq!(drops.get(), 1);
        assert!(weak.upgrade().is_none());
        assert_eq!(weak.strong_count(), 0);
        // The block stays until the last `Weak` goes.
        assert_eq!(a.statistics().blocks, 1);
        let weak2 = weak.clone();
        drop(weak);
        drop(weak2);
        assert_eq!(a.statistics().blocks, 0);
    });
}

#[test]
fn rc_get_mut_try_unwrap_and_unsizing() {
    with_a(|a| {
        let mut rc = Rc::new_in(String::from_str_in("a", a), a);
        Rc::get_mut(&mut rc).unwrap().push('b');
        let weak = Rc::downgrade(&rc);
        assert!(Rc::get_mut(&mut rc).is_none());
        drop(weak);
        let s = Rc::try_unwrap(rc).unwrap();
        assert_eq!(s, "ab");
        let shown: Rc<dyn Display, A> = unsize_rc!(Rc::new_in(5, a) => dyn Display);
        let again = shown.clone();
        assert_eq!(format!("{shown}{again}"), "55");
        let slice: Rc<[u8], A> = unsize_rc!(Rc::new_in([1, 2], a) => [u8]);
        assert_eq!(&*slice, &[1, 2]);
        let zst = Rc::new_in(Zst, a);
        assert_eq!(*zst, Zst);
        let never: Weak<u8, A> = Weak::new_in(a);
        assert!(never.upgrade().is_none());
        assert!(Rc::try_new_in([0u8; 5000], a).is_err());
        let pinned = Rc::pin_in(1, a);
        assert_eq!(*pinned, 1);
    });
}

#[test]
fn string_builds_and_formats() {
    with_a(|a| {
        let mut s = String::new_in(a);
        s.push_str("héllo");
        s.push('!');
        write!(s, " {}", 42).unwrap();
        assert_eq!(s, "héllo! 42");
        assert_eq!(format!("{s}|{s:?}"), "héllo! 42|\"héllo! 42\"");
        assert_eq!(s.pop(), Some('2'));
        s.truncate(3);
        assert_eq!(s.as_str(), "h\u{e9}");
        s.extend(['x', 'y']);
        s.extend(["z"]);
        assert_eq!(s, "héxyz");
        assert_eq!(s.clone(), s);
        let bytes = s.into_bytes();
        let back = String::from_utf8(bytes).unwrap();
        assert_eq!(back.len(), 6);
        let bad = Vec::from_slice_in(&[0xff], a);
        assert!(String::from_utf8(bad).is_err());
        assert!(String::try_from_str_in(&"x".repeat(5000), a).is_err());
        let mut full = String::new_in(a);
        full.try_reserve(3000).unwrap();
        assert!(write!(full, "{:5000}", "").is_err());
    });
}
