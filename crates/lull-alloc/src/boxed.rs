//! [`Box<T, A>`]: a value in an allocator's memory.

use core::alloc::Layout;
use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::ops::{Deref, DerefMut};
use core::pin::Pin;
use core::ptr::{self, NonNull};
use core::task::{Context, Poll};

use allocator_api2::alloc::{AllocError, Allocator};

use crate::handle_alloc_error;

/// A pointer to a `T` in memory from the allocator `A`, which it frees when
/// dropped.
///
/// It stores a copy of `A`; with a thread-mode handle (zero-sized) a
/// `Box<T, A>` is one pointer, or two for an unsized `T`. Zero-sized values are
/// not allocated at all. To turn a `Box<T, A>` into a `Box<dyn Trait, A>` or a
/// `Box<[T; N], A>` into a `Box<[T], A>`, use [`unsize_box!`](crate::unsize_box).
///
/// # Example
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap, Box};
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = A::get().unwrap();
/// let mut b = Box::new_in(41, a);
/// *b += 1;
/// assert_eq!(*b, 42);
/// assert_eq!(core::mem::size_of::<Box<u64, A>>(), core::mem::size_of::<usize>());
/// # });
/// ```
pub struct Box<T: ?Sized, A: Allocator> {
    ptr: NonNull<T>,
    alloc: A,
    _owns: PhantomData<T>,
}

// SAFETY: a `Box` owns its `T` and its `A`, like a `(T, A)`.
unsafe impl<T: ?Sized + Send, A: Allocator + Send> Send for Box<T, A> {}
// SAFETY: `&Box` only gives `&T` and `&A`.
unsafe impl<T: ?Sized + Sync, A: Allocator + Sync> Sync for Box<T, A> {}

// The value is behind a pointer: moving the box does not move it.
impl<T: ?Sized, A: Allocator> Unpin for Box<T, A> {}

impl<T, A: Allocator> Box<T, A> {
    /// Moves `value` into memory from `alloc`.
    ///
    /// Calls [`handle_alloc_error`] if there is no memory.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let b = lull_alloc::Box::new_in([1u8; 4], A::get().unwrap());
    /// assert_eq!(*b, [1; 4]);
    /// # });
    /// ```
    #[inline]
    pub fn new_in(value: T, alloc: A) -> Self {
        match Self::try_new_in(value, alloc) {
            Ok(b) => b,
            Err(_) => handle_alloc_error(Layout::new::<T>()),
        }
    }

    /// Moves `value` into memory from `alloc`, or returns an error (dropping
    /// `value`) if there is no memory.
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the allocator has no room for a `T`.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let a = A::get().unwrap();
    /// assert!(lull_alloc::Box::try_new_in([0u8; 64], a).is_ok());
    /// assert!(lull_alloc::Box::try_new_in([0u8; 65], a).is_err());
    /// # });
    /// ```
    #[inline]
    pub fn try_new_in(value: T, alloc: A) -> Result<Self, AllocError> {
        let layout = Layout::new::<T>();
        let ptr = if layout.size() == 0 {
            NonNull::dangling()
        } else {
            alloc.allocate(layout)?.cast::<T>()
        };
        // SAFETY: `ptr` is valid for a write of `T` (or dangling and aligned
        // for a zero-sized `T`).
        unsafe { ptr.as_ptr().write(value) };
        Ok(Box {
            ptr,
            alloc,
            _owns: PhantomData,
        })
    }

    /// [`new_in`](Box::new_in), pinned: the value will not move again.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let fut = lull_alloc::Box::pin_in(async { 1 }, A::get().unwrap());
    /// # let _ = fut;
    /// # });
    /// ```
    #[inline]
    pub fn pin_in(value: T, alloc: A) -> Pin<Self> {
        Self::into_pin(Self::new_in(value, alloc))
    }

    /// Moves the value out and frees the memory.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let b = lull_alloc::Box::new_in(7, A::get().unwrap());
    /// assert_eq!(lull_alloc::Box::into_inner(b), 7);
    /// # });
    /// ```
    #[inline]
    pub fn into_inner(this: Self) -> T {
        let (ptr, alloc) = Self::into_raw_with_allocator(this);
        // SAFETY: `ptr` is a live, initialized `T` that we own.
        let value = unsafe { ptr.read() };
        if size_of::<T>() != 0 {
            // SAFETY: the block was allocated by `alloc` for this layout.
            unsafe { alloc.deallocate(NonNull::new_unchecked(ptr).cast(), Layout::new::<T>()) };
        }
        value
    }
}

impl<T: ?Sized, A: Allocator> Box<T, A> {
    /// Pins the box: the value will not move again.
    #[inline]
    pub fn into_pin(this: Self) -> Pin<Self> {
        // SAFETY: the value lives at a fixed address until the box frees it,
        // and `Box` offers no way to move it out of a `Pin<Box>`.
        unsafe { Pin::new_unchecked(this) }
    }

    /// Gives up ownership: returns the pointer and the allocator. Rebuild the
    /// box with [`from_raw_in`](Box::from_raw_in).
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// use lull_alloc::Box;
    /// let (ptr, a) = Box::into_raw_with_allocator(Box::new_in(3, A::get().unwrap()));
    /// // SAFETY: `ptr` and `a` come from `into_raw_with_allocator`.
    /// let b = unsafe { Box::from_raw_in(ptr, a) };
    /// assert_eq!(*b, 3);
    /// # });
    /// ```
    #[inline]
    pub fn into_raw_with_allocator(this: Self) -> (*mut T, A) {
        let this = ManuallyDrop::new(this);
        // SAFETY: `this` is never used or dropped again.
        let alloc = unsafe { ptr::read(&this.alloc) };
        (this.ptr.as_ptr(), alloc)
    }

    /// Rebuilds a box from [`into_raw_with_allocator`](Box::into_raw_with_allocator).
    ///
    /// # Safety
    ///
    /// `raw` points to a live, initialized `T` that nobody else owns, in a
    /// block allocated by `alloc` with `Layout::for_value(&*raw)` — or, if that
    /// layout's size is 0, any non-null aligned pointer (nothing is freed).
    #[inline]
    pub unsafe fn from_raw_in(raw: *mut T, alloc: A) -> Self {
        Box {
            // SAFETY: the caller guarantees `raw` is a live allocation.
            ptr: unsafe { NonNull::new_unchecked(raw) },
            alloc,
            _owns: PhantomData,
        }
    }

    /// Leaks the box: the value lives as long as the allocator.
    #[inline]
    pub fn leak<'a>(this: Self) -> &'a mut T
    where
        A: 'a,
    {
        let (ptr, _alloc) = Self::into_raw_with_allocator(this);
        // SAFETY: the block is never freed, so the reference stays valid.
        unsafe { &mut *ptr }
    }

    /// The box's allocator.
    #[inline]
    pub fn allocator(this: &Self) -> &A {
        &this.alloc
    }
}

/// Turns a `Box<T, A>` into a `Box<U, A>` when `T` unsizes to `U`: a concrete
/// type into a trait object, an array into a slice.
///
/// `unsize_box!(b => U)` names the target; `unsize_box!(b)` leaves it to type
/// inference. Only an unsizing coercion can happen here (the pointer is
/// coerced, never cast), so the macro is safe to use.
///
/// # Example
///
/// ```
/// use core::fmt::Display;
/// use lull_alloc::{allocator, host::TestHeap, unsize_box, Box, Vec};
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = A::get().unwrap();
/// let mut shown: Vec<Box<dyn Display, A>, A> = Vec::new_in(a);
/// shown.push(unsize_box!(Box::new_in(1, a) => dyn Display));
/// shown.push(unsize_box!(Box::new_in("two", a)));
/// let slice: Box<[u8], A> = unsize_box!(Box::new_in([1, 2, 3], a));
/// assert_eq!(shown[1].to_string(), "two");
/// assert_eq!(slice.len(), 3);
/// # });
/// ```
#[macro_export]
macro_rules! unsize_box {
    ($boxed:expr => $target:ty) => {{
        let (ptr, alloc) = $crate::Box::into_raw_with_allocator($boxed);
        let ptr: *mut $target = ptr;
        // SAFETY: `ptr` is the same pointer, only coerced (unsized): it still
        // points to the live value the box owned, in the same block, and
        // `Layout::for_value` gives the same layout through the new metadata.
        unsafe { $crate::Box::from_raw_in(ptr, alloc) }
    }};
    ($boxed:expr) => {{
        let (ptr, alloc) = $crate::Box::into_raw_with_allocator($boxed);
        let ptr: *mut _ = ptr;
        // SAFETY: as above: only an unsizing coercion can apply to `ptr`.
        unsafe { $crate::Box::from_raw_in(ptr, alloc) }
    }};
}

impl<T: ?Sized, A: Allocator> Drop for Box<T, A> {
    fn drop(&mut self) {
        // SAFETY: the box owns a live, initialized value.
        let layout = Layout::for_value(unsafe { self.ptr.as_ref() });
        // SAFETY: dropped once, here; not used afterwards.
        unsafe { ptr::drop_in_place(self.ptr.as_ptr()) };
        if layout.size() != 0 {
            // SAFETY: non-zero-sized values were allocated by `alloc` with
            // exactly this layout.
            unsafe { self.alloc.deallocate(self.ptr.cast(), layout) };
        }
    }
}

impl<T: ?Sized, A: Allocator> Deref for Box<T, A> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the box owns a live, initialized value.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: ?Sized, A: Allocator> DerefMut for Box<T, A> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the box owns a live, initialized value, uniquely.
        unsafe { self.ptr.as_mut() }
    }
}

impl<T: ?Sized, A: Allocator> From<Box<T, A>> for Pin<Box<T, A>> {
    fn from(b: Box<T, A>) -> Self {
        Box::into_pin(b)
    }
}

impl<T: Clone, A: Allocator + Clone> Clone for Box<T, A> {
    fn clone(&self) -> Self {
        Box::new_in((**self).clone(), self.alloc.clone())
    }
}

impl<T: ?Sized + fmt::Debug, A: Allocator> fmt::Debug for Box<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: ?Sized + fmt::Display, A: Allocator> fmt::Display for Box<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: ?Sized, A: Allocator> fmt::Pointer for Box<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(&self.ptr, f)
    }
}

impl<T: ?Sized + PartialEq, A: Allocator> PartialEq for Box<T, A> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: ?Sized + Eq, A: Allocator> Eq for Box<T, A> {}

impl<T: ?Sized + PartialOrd, A: Allocator> PartialOrd for Box<T, A> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<T: ?Sized + Ord, A: Allocator> Ord for Box<T, A> {
    fn cmp(&self, other: &Self) -> Ordering {
        (**self).cmp(&**other)
    }
}

impl<T: ?Sized + Hash, A: Allocator> Hash for Box<T, A> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<T: ?Sized, A: Allocator> AsRef<T> for Box<T, A> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: ?Sized, A: Allocator> AsMut<T> for Box<T, A> {
    fn as_mut(&mut self) -> &mut T {
        self
    }
}

impl<T: ?Sized, A: Allocator> Borrow<T> for Box<T, A> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: ?Sized, A: Allocator> BorrowMut<T> for Box<T, A> {
    fn borrow_mut(&mut self) -> &mut T {
        self
    }
}

impl<F: ?Sized + Future + Unpin, A: Allocator> Future for Box<F, A> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        F::poll(Pin::new(&mut **self), cx)
    }
}

impl<I: ?Sized + Iterator, A: Allocator> Iterator for Box<I, A> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        (**self).next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}
