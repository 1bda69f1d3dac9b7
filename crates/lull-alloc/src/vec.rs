//! [`Vec<T, A>`]: a growable array in an allocator's memory.

use core::alloc::Layout;
use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::mem::{self, ManuallyDrop};
use core::ops::{Deref, DerefMut};
use core::ptr::{self, NonNull};
use core::slice;

use allocator_api2::alloc::Allocator;

use crate::Box;
use crate::handle_alloc_error;

/// Why a `try_*` operation could not make room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TryReserveError {
    /// The capacity would exceed `isize::MAX` bytes.
    CapacityOverflow,
    /// The allocator had no block for this layout.
    AllocError {
        /// What was asked for.
        layout: Layout,
    },
}

#[cfg(feature = "defmt")]
impl defmt::Format for TryReserveError {
    fn format(&self, f: defmt::Formatter<'_>) {
        match self {
            TryReserveError::CapacityOverflow => defmt::write!(f, "CapacityOverflow"),
            TryReserveError::AllocError { layout } => defmt::write!(
                f,
                "AllocError {{ size: {=usize}, align: {=usize} }}",
                layout.size(),
                layout.align()
            ),
        }
    }
}

impl fmt::Display for TryReserveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TryReserveError::CapacityOverflow => f.write_str("capacity overflow"),
            TryReserveError::AllocError { layout } => write!(
                f,
                "out of memory: {} bytes aligned to {}",
                layout.size(),
                layout.align()
            ),
        }
    }
}

impl core::error::Error for TryReserveError {}

/// Reports a failed infallible operation: capacity overflow panics, an
/// allocation failure goes to the OOM hook.
#[cold]
#[inline(never)]
pub(crate) fn infallible(e: TryReserveError) -> ! {
    match e {
        TryReserveError::CapacityOverflow => panic!("capacity overflow"),
        TryReserveError::AllocError { layout } => handle_alloc_error(layout),
    }
}

/// A contiguous growable array in memory from the allocator `A`.
///
/// Three words (pointer, capacity, length) plus a copy of `A`, which is
/// zero-sized for a thread-mode handle. Capacity grows by doubling. Dropping the
/// vector drops its elements and frees the buffer; zero-sized element types
/// never allocate.
///
/// # Example
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap, Vec};
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// # lull_alloc::host::thread_mode(|| {
/// let mut v: Vec<i32, A> = Vec::new_in(A::get().unwrap());
/// v.extend([3, 1, 2]);
/// v.sort();
/// assert_eq!(v, [1, 2, 3]);
/// assert_eq!(core::mem::size_of::<Vec<i32, A>>(), 3 * core::mem::size_of::<usize>());
/// # });
/// ```
pub struct Vec<T, A: Allocator> {
    ptr: NonNull<T>,
    cap: usize,
    len: usize,
    alloc: A,
    _owns: PhantomData<T>,
}

// SAFETY: a `Vec` owns its elements and its `A`, like a `([T], A)`.
unsafe impl<T: Send, A: Allocator + Send> Send for Vec<T, A> {}
// SAFETY: `&Vec` only gives `&[T]` and `&A`.
unsafe impl<T: Sync, A: Allocator + Sync> Sync for Vec<T, A> {}

impl<T, A: Allocator> Vec<T, A> {
    const IS_ZST: bool = mem::size_of::<T>() == 0;

    /// An empty vector; allocates nothing until the first element.
    #[inline]
    pub const fn new_in(alloc: A) -> Self {
        Vec {
            ptr: NonNull::dangling(),
            cap: if Self::IS_ZST { usize::MAX } else { 0 },
            len: 0,
            alloc,
            _owns: PhantomData,
        }
    }

    /// An empty vector with room for at least `capacity` elements.
    ///
    /// Panics on capacity overflow; calls [`handle_alloc_error`] if there is no
    /// memory.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let v: lull_alloc::Vec<u8, A> = lull_alloc::Vec::with_capacity_in(10, A::get().unwrap());
    /// assert!(v.capacity() >= 10);
    /// # });
    /// ```
    pub fn with_capacity_in(capacity: usize, alloc: A) -> Self {
        Self::try_with_capacity_in(capacity, alloc).unwrap_or_else(|e| infallible(e))
    }

    /// [`with_capacity_in`](Vec::with_capacity_in), or an error.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    pub fn try_with_capacity_in(capacity: usize, alloc: A) -> Result<Self, TryReserveError> {
        let mut v = Self::new_in(alloc);
        v.try_reserve_exact(capacity)?;
        Ok(v)
    }

    /// A vector holding clones of `items`.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let v = lull_alloc::Vec::from_slice_in(&[1, 2], A::get().unwrap());
    /// assert_eq!(v, [1, 2]);
    /// # });
    /// ```
    pub fn from_slice_in(items: &[T], alloc: A) -> Self
    where
        T: Clone,
    {
        let mut v = Self::with_capacity_in(items.len(), alloc);
        v.extend_from_slice(items);
        v
    }

    /// The number of elements.
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many elements fit without reallocating (`usize::MAX` for
    /// zero-sized `T`).
    #[inline]
    pub const fn capacity(&self) -> usize {
        self.cap
    }

    /// The vector's allocator.
    #[inline]
    pub const fn allocator(&self) -> &A {
        &self.alloc
    }

    /// The elements.
    #[inline]
    pub const fn as_slice(&self) -> &[T] {
        // SAFETY: `ptr` is aligned and non-null, and the first `len`
        // elements are initialized.
        unsafe { slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The elements, mutably.
    #[inline]
    pub const fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as in `as_slice`, and `&mut self` is unique.
        unsafe { slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// A pointer to the buffer.
    #[inline]
    pub const fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }

    /// A mutable pointer to the buffer.
    #[inline]
    pub const fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }

    /// Makes room for at least `additional` more elements, growing the
    /// capacity geometrically. Panics on capacity overflow; calls
    /// [`handle_alloc_error`] if there is no memory.
    pub fn reserve(&mut self, additional: usize) {
        if self.cap - self.len < additional {
            self.grow_amortized(additional)
                .unwrap_or_else(|e| infallible(e));
        }
    }

    /// [`reserve`](Vec::reserve), or an error that leaves the vector as it
    /// was.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let mut v: lull_alloc::Vec<u8, A> = lull_alloc::Vec::new_in(A::get().unwrap());
    /// assert!(v.try_reserve(100).is_err());
    /// assert!(v.try_reserve(10).is_ok());
    /// # });
    /// ```
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), TryReserveError> {
        if self.cap - self.len < additional {
            self.grow_amortized(additional)
        } else {
            Ok(())
        }
    }

    /// Makes room for exactly `additional` more elements (if more is needed).
    /// Panics on capacity overflow; calls [`handle_alloc_error`] if there is no
    /// memory.
    pub fn reserve_exact(&mut self, additional: usize) {
        self.try_reserve_exact(additional)
            .unwrap_or_else(|e| infallible(e));
    }

    /// [`reserve_exact`](Vec::reserve_exact), or an error.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    pub fn try_reserve_exact(&mut self, additional: usize) -> Result<(), TryReserveError> {
        if self.cap - self.len < additional {
            let needed = self
                .len
                .checked_add(additional)
                .ok_or(TryReserveError::CapacityOverflow)?;
            self.set_capacity(needed)
        } else {
            Ok(())
        }
    }

    fn grow_amortized(&mut self, additional: usize) -> Result<(), TryReserveError> {
        let needed = self
            .len
            .checked_add(additional)
            .ok_or(TryReserveError::CapacityOverflow)?;
        let min = if mem::size_of::<T>() == 1 { 8 } else { 4 };
        let cap = needed.max(self.cap.saturating_mul(2)).max(min);
        self.set_capacity(cap)
    }

    /// Reallocates the buffer to exactly `cap` elements (`cap >= len`; never
    /// called for zero-sized `T`, whose capacity is already `usize::MAX`).
    fn set_capacity(&mut self, cap: usize) -> Result<(), TryReserveError> {
        debug_assert!(!Self::IS_ZST && cap >= self.len);
        let new = Layout::array::<T>(cap).map_err(|_| TryReserveError::CapacityOverflow)?;
        let result = if self.cap == 0 {
            self.alloc.allocate(new)
        } else if cap == 0 {
            // SAFETY: the buffer is a live block of `current_layout()`.
            unsafe {
                self.alloc
                    .deallocate(self.ptr.cast(), self.current_layout())
            };
            self.ptr = NonNull::dangling();
            self.cap = 0;
            return Ok(());
        } else if cap > self.cap {
            // SAFETY: the buffer is a live block of `current_layout()`, and
            // `new` is at least as large with the same alignment.
            unsafe { self.alloc.grow(self.ptr.cast(), self.current_layout(), new) }
        } else {
            // SAFETY: as above, `new` is no larger and holds `len` elements.
            unsafe {
                self.alloc
                    .shrink(self.ptr.cast(), self.current_layout(), new)
            }
        };
        let block = result.map_err(|_| TryReserveError::AllocError { layout: new })?;
        self.ptr = block.cast();
        self.cap = cap;
        Ok(())
    }

    fn current_layout(&self) -> Layout {
        // SAFETY: this layout was valid when the buffer was allocated.
        unsafe {
            Layout::from_size_align_unchecked(self.cap * mem::size_of::<T>(), mem::align_of::<T>())
        }
    }

    /// Frees the capacity beyond the length.
    pub fn shrink_to_fit(&mut self) {
        if !Self::IS_ZST && self.cap > self.len {
            // Shrinking in place or moving to a smaller block may still fail;
            // keeping the larger buffer is a correct outcome then.
            let _ = self.set_capacity(self.len);
        }
    }

    /// Appends `value`. Calls [`handle_alloc_error`] if the vector must grow
    /// and there is no memory.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let mut v = lull_alloc::Vec::new_in(A::get().unwrap());
    /// v.push('a');
    /// assert_eq!(v, ['a']);
    /// # });
    /// ```
    #[inline]
    pub fn push(&mut self, value: T) {
        if self.len == self.cap {
            self.grow_amortized(1).unwrap_or_else(|e| infallible(e));
        }
        // SAFETY: `len < cap`, so the slot is inside the buffer.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
    }

    /// Appends `value`, or gives it back if the vector cannot grow.
    ///
    /// # Errors
    ///
    /// `Err(value)` if more capacity was needed and could not be had.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(16);
    /// # lull_alloc::host::thread_mode(|| {
    /// let mut v: lull_alloc::Vec<u32, A> = lull_alloc::Vec::new_in(A::get().unwrap());
    /// for i in 0..4 {
    ///     v.try_push(i).unwrap(); // the first growth takes room for 4
    /// }
    /// assert_eq!(v.try_push(4), Err(4)); // 8 × 4 bytes do not fit in 16
    /// # });
    /// ```
    pub fn try_push(&mut self, value: T) -> Result<(), T> {
        if self.len == self.cap && self.grow_amortized(1).is_err() {
            return Err(value);
        }
        // SAFETY: `len < cap`, so the slot is inside the buffer.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
        Ok(())
    }

    /// Removes and returns the last element.
    #[inline]
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the slot was initialized and is now outside the length.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    /// Inserts `value` at `index`, shifting the rest right.
    ///
    /// # Panics
    ///
    /// If `index > len`.
    pub fn insert(&mut self, index: usize, value: T) {
        assert!(
            index <= self.len,
            "insertion index {index} is out of bounds (len {})",
            self.len
        );
        self.reserve(1);
        // SAFETY: `index <= len < cap`: the shifted range stays inside the
        // buffer, and the gap is filled right away.
        unsafe {
            let at = self.ptr.as_ptr().add(index);
            ptr::copy(at, at.add(1), self.len - index);
            at.write(value);
        }
        self.len += 1;
    }

    /// Removes and returns the element at `index`, shifting the rest left.
    ///
    /// # Panics
    ///
    /// If `index >= len`.
    pub fn remove(&mut self, index: usize) -> T {
        assert!(
            index < self.len,
            "removal index {index} is out of bounds (len {})",
            self.len
        );
        // SAFETY: `index < len`: the element is initialized; the tail is
        // moved over it and the length shrinks by one.
        unsafe {
            let at = self.ptr.as_ptr().add(index);
            let value = at.read();
            ptr::copy(at.add(1), at, self.len - index - 1);
            self.len -= 1;
            value
        }
    }

    /// Removes and returns the element at `index`, replacing it with the last
    /// one.
    ///
    /// # Panics
    ///
    /// If `index >= len`.
    pub fn swap_remove(&mut self, index: usize) -> T {
        assert!(
            index < self.len,
            "swap_remove index {index} is out of bounds (len {})",
            self.len
        );
        let last = self.len - 1;
        self.as_mut_slice().swap(index, last);
        self.len = last;
        // SAFETY: the slot at `last` is initialized and now outside the length.
        unsafe { self.ptr.as_ptr().add(last).read() }
    }

    /// Drops the elements from `len` on.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let tail = ptr::slice_from_raw_parts_mut(
            // SAFETY: `len < self.len`, inside the buffer.
            unsafe { self.ptr.as_ptr().add(len) },
            self.len - len,
        );
        // Shorten first: if a destructor panics, the rest are still dropped
        // by `drop_in_place` and none is dropped twice.
        self.len = len;
        // SAFETY: the tail was initialized and is now outside the length.
        unsafe { ptr::drop_in_place(tail) };
    }

    /// Drops every element, keeping the capacity.
    #[inline]
    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Keeps only the elements for which `keep` returns `true`, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let mut kept = 0;
        let len = self.len;
        // If `keep` or a destructor panics, the unvisited tail leaks instead
        // of being dropped twice.
        self.len = 0;
        for i in 0..len {
            // SAFETY: `i < len`: initialized, visited once.
            let item = unsafe { self.ptr.as_ptr().add(i) };
            // SAFETY: `item` is a live element.
            if keep(unsafe { &*item }) {
                if i != kept {
                    // SAFETY: `kept < i`: the destination was moved out or
                    // dropped earlier.
                    unsafe { ptr::copy_nonoverlapping(item, self.ptr.as_ptr().add(kept), 1) };
                }
                kept += 1;
                self.len = kept;
            } else {
                // SAFETY: dropped once; the slot is overwritten or outside the
                // length from now on.
                unsafe { ptr::drop_in_place(item) };
            }
        }
        self.len = kept;
    }

    /// Appends clones of `items`.
    pub fn extend_from_slice(&mut self, items: &[T])
    where
        T: Clone,
    {
        self.reserve(items.len());
        for item in items {
            // Room was reserved: `push` will not reallocate.
            self.push(item.clone());
        }
    }

    /// [`extend_from_slice`](Vec::extend_from_slice), or an error that leaves
    /// the vector as it was.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    pub fn try_extend_from_slice(&mut self, items: &[T]) -> Result<(), TryReserveError>
    where
        T: Clone,
    {
        self.try_reserve(items.len())?;
        for item in items {
            self.push(item.clone());
        }
        Ok(())
    }

    /// Resizes to `len` elements, cloning `value` into new slots.
    pub fn resize(&mut self, len: usize, value: T)
    where
        T: Clone,
    {
        if len <= self.len {
            self.truncate(len);
        } else {
            self.reserve(len - self.len);
            while self.len < len {
                self.push(value.clone());
            }
        }
    }

    /// Converts into a boxed slice, dropping excess capacity.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
    /// # lull_alloc::host::thread_mode(|| {
    /// let v = lull_alloc::Vec::from_slice_in(&[1, 2, 3], A::get().unwrap());
    /// let b = v.into_boxed_slice();
    /// assert_eq!(&*b, &[1, 2, 3]);
    /// # });
    /// ```
    pub fn into_boxed_slice(mut self) -> Box<[T], A> {
        if !Self::IS_ZST && self.cap != self.len {
            self.set_capacity(self.len)
                .unwrap_or_else(|e| infallible(e));
        }
        let this = ManuallyDrop::new(self);
        // SAFETY: `this` is never used or dropped again.
        let alloc = unsafe { ptr::read(&this.alloc) };
        let slice = ptr::slice_from_raw_parts_mut(this.ptr.as_ptr(), this.len);
        // SAFETY: the buffer holds exactly `len` initialized elements in a
        // block of `Layout::array::<T>(len)` (or nothing, for size 0).
        unsafe { Box::from_raw_in(slice, alloc) }
    }
}

impl<T, A: Allocator> Drop for Vec<T, A> {
    fn drop(&mut self) {
        // SAFETY: the first `len` elements are initialized and owned.
        unsafe { ptr::drop_in_place(self.as_mut_slice()) };
        if !Self::IS_ZST && self.cap != 0 {
            // SAFETY: the buffer is a live block of `current_layout()`.
            unsafe {
                self.alloc
                    .deallocate(self.ptr.cast(), self.current_layout())
            };
        }
    }
}

impl<T, A: Allocator> Deref for Vec<T, A> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T, A: Allocator> DerefMut for Vec<T, A> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Clone, A: Allocator + Clone> Clone for Vec<T, A> {
    fn clone(&self) -> Self {
        Self::from_slice_in(self, self.alloc.clone())
    }
}

impl<T: fmt::Debug, A: Allocator> fmt::Debug for Vec<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl<T: PartialEq<U>, U, A: Allocator, B: Allocator> PartialEq<Vec<U, B>> for Vec<T, A> {
    fn eq(&self, other: &Vec<U, B>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: PartialEq<U>, U, A: Allocator> PartialEq<[U]> for Vec<T, A> {
    fn eq(&self, other: &[U]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq<U>, U, A: Allocator> PartialEq<&[U]> for Vec<T, A> {
    fn eq(&self, other: &&[U]) -> bool {
        self.as_slice() == *other
    }
}

impl<T: PartialEq<U>, U, A: Allocator, const N: usize> PartialEq<[U; N]> for Vec<T, A> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T: Eq, A: Allocator> Eq for Vec<T, A> {}

impl<T: PartialOrd, A: Allocator> PartialOrd for Vec<T, A> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.as_slice().partial_cmp(other.as_slice())
    }
}

impl<T: Ord, A: Allocator> Ord for Vec<T, A> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl<T: Hash, A: Allocator> Hash for Vec<T, A> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T, A: Allocator> AsRef<[T]> for Vec<T, A> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T, A: Allocator> AsMut<[T]> for Vec<T, A> {
    fn as_mut(&mut self) -> &mut [T] {
        self
    }
}

impl<T, A: Allocator> Borrow<[T]> for Vec<T, A> {
    fn borrow(&self) -> &[T] {
        self
    }
}

impl<T, A: Allocator> BorrowMut<[T]> for Vec<T, A> {
    fn borrow_mut(&mut self) -> &mut [T] {
        self
    }
}

impl<T, A: Allocator> Extend<T> for Vec<T, A> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for item in iter {
            self.push(item);
        }
    }
}

impl<'a, T: Copy + 'a, A: Allocator> Extend<&'a T> for Vec<T, A> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<T, A: Allocator> From<Vec<T, A>> for Box<[T], A> {
    fn from(v: Vec<T, A>) -> Self {
        v.into_boxed_slice()
    }
}

impl<'a, T, A: Allocator> IntoIterator for &'a Vec<T, A> {
    type Item = &'a T;
    type IntoIter = slice::Iter<'a, T>;
    fn into_iter(self) -> slice::Iter<'a, T> {
        self.iter()
    }
}

impl<'a, T, A: Allocator> IntoIterator for &'a mut Vec<T, A> {
    type Item = &'a mut T;
    type IntoIter = slice::IterMut<'a, T>;
    fn into_iter(self) -> slice::IterMut<'a, T> {
        self.iter_mut()
    }
}

impl<T, A: Allocator> IntoIterator for Vec<T, A> {
    type Item = T;
    type IntoIter = IntoIter<T, A>;
    fn into_iter(self) -> IntoIter<T, A> {
        let this = ManuallyDrop::new(self);
        IntoIter {
            ptr: this.ptr,
            cap: this.cap,
            start: 0,
            end: this.len,
            // SAFETY: `this` is never used or dropped again.
            alloc: unsafe { ptr::read(&this.alloc) },
            _owns: PhantomData,
        }
    }
}

/// The owning iterator of a [`Vec`]: yields the elements by value and frees
/// the buffer when dropped (dropping the elements not yet taken).
///
/// # Example
///
/// ```
/// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(64);
/// # lull_alloc::host::thread_mode(|| {
/// let v = lull_alloc::Vec::from_slice_in(&[1, 2, 3], A::get().unwrap());
/// let mut it = v.into_iter();
/// assert_eq!(it.next_back(), Some(3));
/// assert_eq!(it.collect::<std::vec::Vec<_>>(), [1, 2]);
/// # });
/// ```
pub struct IntoIter<T, A: Allocator> {
    ptr: NonNull<T>,
    cap: usize,
    start: usize,
    end: usize,
    alloc: A,
    _owns: PhantomData<T>,
}

// SAFETY: owns the remaining elements and the allocator, like a `Vec`.
unsafe impl<T: Send, A: Allocator + Send> Send for IntoIter<T, A> {}
// SAFETY: `&IntoIter` gives access to nothing but `as_slice`.
unsafe impl<T: Sync, A: Allocator + Sync> Sync for IntoIter<T, A> {}

impl<T, A: Allocator> IntoIter<T, A> {
    /// The elements not yet yielded.
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: the elements in `start..end` are initialized.
        unsafe { slice::from_raw_parts(self.ptr.as_ptr().add(self.start), self.end - self.start) }
    }
}

impl<T, A: Allocator> Iterator for IntoIter<T, A> {
    type Item = T;
    #[inline]
    fn next(&mut self) -> Option<T> {
        if self.start == self.end {
            return None;
        }
        self.start += 1;
        // SAFETY: the element was initialized and is now outside `start..end`.
        Some(unsafe { self.ptr.as_ptr().add(self.start - 1).read() })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.start;
        (n, Some(n))
    }
}

impl<T, A: Allocator> DoubleEndedIterator for IntoIter<T, A> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        if self.start == self.end {
            return None;
        }
        self.end -= 1;
        // SAFETY: the element was initialized and is now outside `start..end`.
        Some(unsafe { self.ptr.as_ptr().add(self.end).read() })
    }
}

impl<T, A: Allocator> ExactSizeIterator for IntoIter<T, A> {}
impl<T, A: Allocator> FusedIterator for IntoIter<T, A> {}

impl<T: fmt::Debug, A: Allocator> fmt::Debug for IntoIter<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter").field(&self.as_slice()).finish()
    }
}

impl<T, A: Allocator> Drop for IntoIter<T, A> {
    fn drop(&mut self) {
        // Frees the buffer even if an element's destructor panics.
        struct Free<'a, T, A: Allocator>(&'a mut IntoIter<T, A>);
        impl<T, A: Allocator> Drop for Free<'_, T, A> {
            fn drop(&mut self) {
                let it = &mut *self.0;
                if mem::size_of::<T>() != 0 && it.cap != 0 {
                    // SAFETY: the buffer is a live block of this layout (it
                    // was the vector's).
                    unsafe {
                        let layout = Layout::from_size_align_unchecked(
                            it.cap * mem::size_of::<T>(),
                            mem::align_of::<T>(),
                        );
                        it.alloc.deallocate(it.ptr.cast(), layout);
                    }
                }
            }
        }
        let remaining = ptr::slice_from_raw_parts_mut(
            // SAFETY: `start <= end <= cap`: inside the buffer.
            unsafe { self.ptr.as_ptr().add(self.start) },
            self.end - self.start,
        );
        let _free = Free(self);
        // SAFETY: the remaining elements are initialized and never read again.
        unsafe { ptr::drop_in_place(remaining) };
    }
}
