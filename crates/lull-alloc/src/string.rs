//! [`String<A>`]: growable UTF-8 text in an allocator's memory.

use core::borrow::{Borrow, BorrowMut};
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::{Deref, DerefMut};
use core::str::Utf8Error;

use allocator_api2::alloc::Allocator;

use crate::vec::{TryReserveError, Vec};

/// A growable UTF-8 string in memory from the allocator `A`: a
/// [`Vec<u8, A>`](Vec) that always holds valid UTF-8.
///
/// # Example
///
/// ```
/// use core::fmt::Write;
/// use lull_alloc::{allocator, host::TestHeap, String};
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// # lull_alloc::host::thread_mode(|| {
/// let mut s = String::from_str_in("hello", A::get().unwrap());
/// s.push(' ');
/// write!(s, "{}", 42).unwrap();
/// assert_eq!(s, "hello 42");
/// assert_eq!(format!("[{s}]"), "[hello 42]");
/// # });
/// ```
#[derive(Clone)]
pub struct String<A: Allocator> {
    vec: Vec<u8, A>,
}

impl<A: Allocator> String<A> {
    /// An empty string; allocates nothing.
    pub const fn new_in(alloc: A) -> Self {
        String {
            vec: Vec::new_in(alloc),
        }
    }

    /// An empty string with room for `capacity` bytes. Calls
    /// [`handle_alloc_error`](crate::handle_alloc_error) if there is no memory.
    pub fn with_capacity_in(capacity: usize, alloc: A) -> Self {
        String {
            vec: Vec::with_capacity_in(capacity, alloc),
        }
    }

    /// [`with_capacity_in`](String::with_capacity_in), or an error.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    pub fn try_with_capacity_in(capacity: usize, alloc: A) -> Result<Self, TryReserveError> {
        Ok(String {
            vec: Vec::try_with_capacity_in(capacity, alloc)?,
        })
    }

    /// A copy of `s`. Calls [`handle_alloc_error`](crate::handle_alloc_error)
    /// if there is no memory.
    pub fn from_str_in(s: &str, alloc: A) -> Self {
        let mut string = Self::with_capacity_in(s.len(), alloc);
        string.push_str(s);
        string
    }

    /// [`from_str_in`](String::from_str_in), or an error.
    ///
    /// # Errors
    ///
    /// If the allocator has no room.
    ///
    /// # Example
    ///
    /// ```
    /// # #[lull_alloc::allocator] static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(4);
    /// # lull_alloc::host::thread_mode(|| {
    /// let a = A::get().unwrap();
    /// assert!(lull_alloc::String::try_from_str_in("four", a).is_ok());
    /// assert!(lull_alloc::String::try_from_str_in("five!", a).is_err());
    /// # });
    /// ```
    pub fn try_from_str_in(s: &str, alloc: A) -> Result<Self, TryReserveError> {
        let mut string = Self::try_with_capacity_in(s.len(), alloc)?;
        string.try_push_str(s)?;
        Ok(string)
    }

    /// Takes `bytes` as a string if they are UTF-8.
    ///
    /// # Errors
    ///
    /// The bytes and the UTF-8 error, if they are not valid UTF-8.
    pub fn from_utf8(bytes: Vec<u8, A>) -> Result<Self, (Vec<u8, A>, Utf8Error)> {
        match core::str::from_utf8(&bytes) {
            Ok(_) => Ok(String { vec: bytes }),
            Err(e) => Err((bytes, e)),
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: the bytes are always valid UTF-8.
        unsafe { core::str::from_utf8_unchecked(&self.vec) }
    }

    /// The text, mutably.
    #[inline]
    pub fn as_mut_str(&mut self) -> &mut str {
        // SAFETY: the bytes are valid UTF-8, and `&mut str` keeps them so.
        unsafe { core::str::from_utf8_unchecked_mut(&mut self.vec) }
    }

    /// The UTF-8 bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.vec
    }

    /// Gives up the string for its bytes.
    pub fn into_bytes(self) -> Vec<u8, A> {
        self.vec
    }

    /// The length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.vec.len()
    }

    /// Whether the string is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.vec.is_empty()
    }

    /// How many bytes fit without reallocating.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.vec.capacity()
    }

    /// The string's allocator.
    pub fn allocator(&self) -> &A {
        self.vec.allocator()
    }

    /// Appends `s`. Calls [`handle_alloc_error`](crate::handle_alloc_error) if
    /// there is no memory.
    pub fn push_str(&mut self, s: &str) {
        self.vec.extend_from_slice(s.as_bytes());
    }

    /// [`push_str`](String::push_str), or an error that leaves the string as
    /// it was.
    ///
    /// # Errors
    ///
    /// If the allocator has no room.
    pub fn try_push_str(&mut self, s: &str) -> Result<(), TryReserveError> {
        self.vec.try_extend_from_slice(s.as_bytes())
    }

    /// Appends `c`. Calls [`handle_alloc_error`](crate::handle_alloc_error)
    /// if there is no memory.
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// [`push`](String::push), or an error.
    ///
    /// # Errors
    ///
    /// If the allocator has no room.
    pub fn try_push(&mut self, c: char) -> Result<(), TryReserveError> {
        self.try_push_str(c.encode_utf8(&mut [0; 4]))
    }

    /// Removes and returns the last character.
    pub fn pop(&mut self) -> Option<char> {
        let c = self.as_str().chars().next_back()?;
        self.vec.truncate(self.len() - c.len_utf8());
        Some(c)
    }

    /// Shortens the string to `len` bytes.
    ///
    /// # Panics
    ///
    /// If `len` is not on a character boundary.
    pub fn truncate(&mut self, len: usize) {
        if len < self.len() {
            assert!(
                self.as_str().is_char_boundary(len),
                "truncate: {len} is not a char boundary"
            );
            self.vec.truncate(len);
        }
    }

    /// Empties the string, keeping its capacity.
    pub fn clear(&mut self) {
        self.vec.clear();
    }

    /// Makes room for `additional` more bytes. Calls
    /// [`handle_alloc_error`](crate::handle_alloc_error) if there is no memory.
    pub fn reserve(&mut self, additional: usize) {
        self.vec.reserve(additional);
    }

    /// [`reserve`](String::reserve), or an error.
    ///
    /// # Errors
    ///
    /// If the capacity overflows or the allocator has no room.
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), TryReserveError> {
        self.vec.try_reserve(additional)
    }
}

impl<A: Allocator> Deref for String<A> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<A: Allocator> DerefMut for String<A> {
    #[inline]
    fn deref_mut(&mut self) -> &mut str {
        self.as_mut_str()
    }
}

impl<A: Allocator> fmt::Display for String<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl<A: Allocator> fmt::Debug for String<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// `write!` into the string. Running out of memory is reported as
/// [`fmt::Error`] (the string keeps what was written before), not through the
/// OOM hook: `write!` is already fallible.
impl<A: Allocator> fmt::Write for String<A> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.try_push_str(s).map_err(|_| fmt::Error)
    }
}

impl<A: Allocator> Hash for String<A> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<A: Allocator, B: Allocator> PartialEq<String<B>> for String<A> {
    fn eq(&self, other: &String<B>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<A: Allocator> Eq for String<A> {}

impl<A: Allocator> PartialOrd for String<A> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<A: Allocator> Ord for String<A> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl<A: Allocator> PartialEq<str> for String<A> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl<A: Allocator> PartialEq<&str> for String<A> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<A: Allocator> PartialEq<String<A>> for str {
    fn eq(&self, other: &String<A>) -> bool {
        self == other.as_str()
    }
}

impl<A: Allocator> PartialEq<String<A>> for &str {
    fn eq(&self, other: &String<A>) -> bool {
        *self == other.as_str()
    }
}

impl<A: Allocator> PartialOrd<str> for String<A> {
    fn partial_cmp(&self, other: &str) -> Option<Ordering> {
        self.as_str().partial_cmp(other)
    }
}

impl<A: Allocator> AsRef<str> for String<A> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl<A: Allocator> AsRef<[u8]> for String<A> {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl<A: Allocator> Borrow<str> for String<A> {
    fn borrow(&self) -> &str {
        self
    }
}

impl<A: Allocator> BorrowMut<str> for String<A> {
    fn borrow_mut(&mut self) -> &mut str {
        self
    }
}

impl<A: Allocator> Extend<char> for String<A> {
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for c in iter {
            self.push(c);
        }
    }
}

impl<'a, A: Allocator> Extend<&'a str> for String<A> {
    fn extend<I: IntoIterator<Item = &'a str>>(&mut self, iter: I) {
        for s in iter {
            self.push_str(s);
        }
    }
}

impl<A: Allocator> From<String<A>> for Vec<u8, A> {
    fn from(s: String<A>) -> Self {
        s.into_bytes()
    }
}
