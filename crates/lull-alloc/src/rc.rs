//! [`Rc<T, A>`] and [`Weak<T, A>`]: shared ownership in an allocator's memory.

use core::alloc::Layout;
use core::borrow::Borrow;
use core::cell::Cell;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::ops::Deref;
use core::pin::Pin;
use core::ptr::{self, NonNull};

use allocator_api2::alloc::{AllocError, Allocator};

use crate::handle_alloc_error;

/// The block an `Rc` points to. Public only for [`unsize_rc!`](crate::unsize_rc).
#[doc(hidden)]
#[repr(C)]
pub struct RcInner<T: ?Sized> {
    strong: Cell<usize>,
    /// The number of `Weak`s, plus one held by all the `Rc`s together.
    weak: Cell<usize>,
    value: T,
}

fn increment(count: &Cell<usize>) {
    // Checked before the count changes, so an overflow (only possible by
    // leaking `usize::MAX` clones) can never wrap to a freed block.
    let n = count
        .get()
        .checked_add(1)
        .unwrap_or_else(|| panic!("reference count overflow"));
    count.set(n);
}

/// A reference-counted pointer to a `T` in memory from the allocator `A`.
///
/// Cloning makes another owner; the value is dropped when the last `Rc` is
/// dropped, and the memory is freed when the last [`Weak`] is gone too. With
/// a thread-mode handle an `Rc<T, A>` is one pointer. It is neither `Send` nor
/// `Sync`.
///
/// # Example
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap, Rc};
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// # lull_alloc::host::thread_mode(|| {
/// let first = Rc::new_in(5, A::get().unwrap());
/// let second = Rc::clone(&first);
/// let weak = Rc::downgrade(&first);
/// assert_eq!(Rc::strong_count(&first), 2);
/// drop(first);
/// assert_eq!(*second, 5);
/// drop(second);
/// assert!(weak.upgrade().is_none());
/// # });
/// ```
pub struct Rc<T: ?Sized, A: Allocator> {
    ptr: NonNull<RcInner<T>>,
    alloc: A,
    _owns: PhantomData<RcInner<T>>,
}

/// A non-owning reference to an [`Rc`]'s value: [`upgrade`](Weak::upgrade)
/// returns an `Rc` while some owner is alive.
///
/// # Example
///
/// ```
/// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
/// # lull_alloc::host::thread_mode(|| {
/// use lull_alloc::Rc;
/// let rc = Rc::new_in("x", A::get().unwrap());
/// let weak = Rc::downgrade(&rc);
/// assert_eq!(*weak.upgrade().unwrap(), "x");
/// drop(rc);
/// assert!(weak.upgrade().is_none());
/// # });
/// ```
pub struct Weak<T: ?Sized, A: Allocator> {
    /// `None` for [`Weak::new_in`], which allocates nothing.
    ptr: Option<NonNull<RcInner<T>>>,
    alloc: A,
}

impl<T: ?Sized, A: Allocator> Unpin for Rc<T, A> {}

impl<T, A: Allocator> Rc<T, A> {
    /// Moves `value` into memory from `alloc`, with one owner.
    ///
    /// Calls [`handle_alloc_error`] if there is no memory.
    pub fn new_in(value: T, alloc: A) -> Self {
        match Self::try_new_in(value, alloc) {
            Ok(rc) => rc,
            Err(_) => handle_alloc_error(Layout::new::<RcInner<T>>()),
        }
    }

    /// [`new_in`](Rc::new_in), or an error (dropping `value`).
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the allocator has no room.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// assert!(lull_alloc::Rc::try_new_in([0u8; 128], A::get().unwrap()).is_err());
    /// # });
    /// ```
    pub fn try_new_in(value: T, alloc: A) -> Result<Self, AllocError> {
        let ptr = alloc
            .allocate(Layout::new::<RcInner<T>>())?
            .cast::<RcInner<T>>();
        // SAFETY: the block is valid for a write of `RcInner<T>`.
        unsafe {
            ptr.as_ptr().write(RcInner {
                strong: Cell::new(1),
                weak: Cell::new(1),
                value,
            });
        }
        Ok(Rc {
            ptr,
            alloc,
            _owns: PhantomData,
        })
    }

    /// [`new_in`](Rc::new_in), pinned.
    pub fn pin_in(value: T, alloc: A) -> Pin<Self> {
        // SAFETY: the value never moves: `Rc` only gives shared access, and
        // `try_unwrap` is not reachable through `Pin`.
        unsafe { Pin::new_unchecked(Self::new_in(value, alloc)) }
    }

    /// Returns the value if this is the only owner, else the `Rc` back.
    ///
    /// # Errors
    ///
    /// `Err(this)` when other owners exist.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// use lull_alloc::Rc;
    /// let rc = Rc::new_in(1, A::get().unwrap());
    /// let other = rc.clone();
    /// let rc = Rc::try_unwrap(rc).unwrap_err();
    /// drop(other);
    /// assert_eq!(Rc::try_unwrap(rc).ok(), Some(1));
    /// # });
    /// ```
    pub fn try_unwrap(this: Self) -> Result<T, Self> {
        if this.inner().strong.get() != 1 {
            return Err(this);
        }
        let this = ManuallyDrop::new(this);
        let inner = this.inner();
        inner.strong.set(0);
        // SAFETY: this was the last owner: the value is moved out once and
        // never dropped in place (strong is now 0).
        let value = unsafe { ptr::read(&inner.value) };
        // SAFETY: `this` is not used or dropped again.
        let alloc = unsafe { ptr::read(&this.alloc) };
        // The `Weak` releases the owners' implicit weak reference (and frees
        // the block if it was the last).
        drop(Weak {
            ptr: Some(this.ptr),
            alloc,
        });
        Ok(value)
    }
}

impl<T: ?Sized, A: Allocator> Rc<T, A> {
    #[inline]
    fn inner(&self) -> &RcInner<T> {
        // SAFETY: the block is live while an `Rc` exists.
        unsafe { self.ptr.as_ref() }
    }

    /// The number of `Rc`s sharing the value.
    pub fn strong_count(this: &Self) -> usize {
        this.inner().strong.get()
    }

    /// The number of [`Weak`]s pointing to the value.
    pub fn weak_count(this: &Self) -> usize {
        this.inner().weak.get() - 1
    }

    /// Makes a [`Weak`] pointer to the value.
    pub fn downgrade(this: &Self) -> Weak<T, A>
    where
        A: Clone,
    {
        increment(&this.inner().weak);
        Weak {
            ptr: Some(this.ptr),
            alloc: this.alloc.clone(),
        }
    }

    /// The value, mutably, if no other `Rc` or `Weak` exists.
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        let inner = this.inner();
        if inner.strong.get() == 1 && inner.weak.get() == 1 {
            // SAFETY: this is the only pointer to the block.
            Some(unsafe { &mut (*this.ptr.as_ptr()).value })
        } else {
            None
        }
    }

    /// Whether two `Rc`s share one value.
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        ptr::addr_eq(this.ptr.as_ptr(), other.ptr.as_ptr())
    }

    /// The `Rc`'s allocator.
    pub fn allocator(this: &Self) -> &A {
        &this.alloc
    }

    #[doc(hidden)]
    pub fn __into_raw_parts(this: Self) -> (*mut RcInner<T>, A) {
        let this = ManuallyDrop::new(this);
        // SAFETY: `this` is never used or dropped again.
        (this.ptr.as_ptr(), unsafe { ptr::read(&this.alloc) })
    }

    /// # Safety
    ///
    /// `raw` and `alloc` come from `__into_raw_parts` (possibly with the
    /// pointer unsized by a coercion).
    #[doc(hidden)]
    pub unsafe fn __from_raw_parts(raw: *mut RcInner<T>, alloc: A) -> Self {
        Rc {
            // SAFETY: the caller passes a pointer from `__into_raw_parts`.
            ptr: unsafe { NonNull::new_unchecked(raw) },
            alloc,
            _owns: PhantomData,
        }
    }
}

/// Turns an `Rc<T, A>` into an `Rc<U, A>` when `T` unsizes to `U` (a trait
/// object, a slice), like [`unsize_box!`](crate::unsize_box).
///
/// # Example
///
/// ```
/// use core::fmt::Debug;
/// use lull_alloc::{unsize_rc, Rc};
/// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
/// # lull_alloc::host::thread_mode(|| {
/// let rc: Rc<dyn Debug, A> = unsize_rc!(Rc::new_in(7u8, A::get().unwrap()) => dyn Debug);
/// assert_eq!(format!("{rc:?}"), "7");
/// # });
/// ```
#[macro_export]
macro_rules! unsize_rc {
    ($rc:expr => $target:ty) => {{
        let (ptr, alloc) = $crate::Rc::__into_raw_parts($rc);
        let ptr: *mut $crate::rc::RcInner<$target> = ptr;
        // SAFETY: the same pointer, only coerced (unsized): it still points to
        // the live block with the same counts and value.
        unsafe { $crate::Rc::__from_raw_parts(ptr, alloc) }
    }};
}

impl<T: ?Sized, A: Allocator + Clone> Clone for Rc<T, A> {
    fn clone(&self) -> Self {
        increment(&self.inner().strong);
        Rc {
            ptr: self.ptr,
            alloc: self.alloc.clone(),
            _owns: PhantomData,
        }
    }
}

impl<T: ?Sized, A: Allocator> Drop for Rc<T, A> {
    fn drop(&mut self) {
        let inner = self.inner();
        let strong = inner.strong.get() - 1;
        inner.strong.set(strong);
        if strong != 0 {
            return;
        }
        // Release the owners' implicit weak reference even if the value's
        // destructor panics.
        struct Release<'a, T: ?Sized, A: Allocator>(&'a Rc<T, A>);
        impl<T: ?Sized, A: Allocator> Drop for Release<'_, T, A> {
            fn drop(&mut self) {
                // SAFETY: the block is still allocated: the owners' weak
                // reference is released only here.
                unsafe { release_weak(self.0.ptr, &self.0.alloc) }
            }
        }
        let _release = Release(self);
        // SAFETY: this was the last owner: the value is dropped once.
        unsafe { ptr::drop_in_place(&raw mut (*self.ptr.as_ptr()).value) };
    }
}

/// Drops one weak reference, freeing the block if it was the last.
///
/// # Safety
///
/// `ptr` is a live `RcInner` from `alloc`, and the caller owns one of its weak
/// references.
unsafe fn release_weak<T: ?Sized, A: Allocator>(ptr: NonNull<RcInner<T>>, alloc: &A) {
    // SAFETY: the block is live (the caller holds a weak reference).
    let inner = unsafe { ptr.as_ref() };
    let weak = inner.weak.get() - 1;
    inner.weak.set(weak);
    if weak == 0 {
        let layout = Layout::for_value(inner);
        // SAFETY: no `Rc` or `Weak` is left; the block came from `alloc`
        // with this layout.
        unsafe { alloc.deallocate(ptr.cast(), layout) };
    }
}

impl<T, A: Allocator> Weak<T, A> {
    /// A `Weak` that never upgrades; it allocates nothing.
    pub const fn new_in(alloc: A) -> Self {
        Weak { ptr: None, alloc }
    }
}

impl<T: ?Sized, A: Allocator> Weak<T, A> {
    /// An `Rc` to the value if it is still alive.
    pub fn upgrade(&self) -> Option<Rc<T, A>>
    where
        A: Clone,
    {
        let ptr = self.ptr?;
        // SAFETY: the block is live while a `Weak` to it exists.
        let inner = unsafe { ptr.as_ref() };
        if inner.strong.get() == 0 {
            return None;
        }
        increment(&inner.strong);
        Some(Rc {
            ptr,
            alloc: self.alloc.clone(),
            _owns: PhantomData,
        })
    }

    /// The number of `Rc`s sharing the value (0 once it is dropped).
    pub fn strong_count(&self) -> usize {
        // SAFETY: the block is live while a `Weak` to it exists.
        self.ptr.map_or(0, |p| unsafe { p.as_ref() }.strong.get())
    }
}

impl<T: ?Sized, A: Allocator + Clone> Clone for Weak<T, A> {
    fn clone(&self) -> Self {
        if let Some(p) = self.ptr {
            // SAFETY: the block is live while a `Weak` to it exists.
            increment(&unsafe { p.as_ref() }.weak);
        }
        Weak {
            ptr: self.ptr,
            alloc: self.alloc.clone(),
        }
    }
}

impl<T: ?Sized, A: Allocator> Drop for Weak<T, A> {
    fn drop(&mut self) {
        if let Some(p) = self.ptr {
            // SAFETY: this `Weak` owns one weak reference to a live block.
            unsafe { release_weak(p, &self.alloc) }
        }
    }
}

impl<T: ?Sized, A: Allocator> fmt::Debug for Weak<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(Weak)")
    }
}

impl<T: ?Sized, A: Allocator> Deref for Rc<T, A> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T: ?Sized + fmt::Debug, A: Allocator> fmt::Debug for Rc<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: ?Sized + fmt::Display, A: Allocator> fmt::Display for Rc<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: ?Sized + PartialEq, A: Allocator> PartialEq for Rc<T, A> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: ?Sized + Eq, A: Allocator> Eq for Rc<T, A> {}

impl<T: ?Sized + PartialOrd, A: Allocator> PartialOrd for Rc<T, A> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<T: ?Sized + Ord, A: Allocator> Ord for Rc<T, A> {
    fn cmp(&self, other: &Self) -> Ordering {
        (**self).cmp(&**other)
    }
}

impl<T: ?Sized + Hash, A: Allocator> Hash for Rc<T, A> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<T: ?Sized, A: Allocator> AsRef<T> for Rc<T, A> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: ?Sized, A: Allocator> Borrow<T> for Rc<T, A> {
    fn borrow(&self) -> &T {
        self
    }
}
