//! Out-of-memory handling: the `#[oom]` hook and its default.

use core::alloc::Layout;

/// Reports that an infallible operation could not allocate `layout`, and never
/// returns.
///
/// Calls the application's hook — the function marked
/// [`#[oom]`](crate::oom) on Cortex-M, or the one set with
/// [`host::set_oom_hook`](crate::host::set_oom_hook) on a hosted target — and
/// without one panics with a message that names the layout and how to register
/// a hook. The collections of this crate call it from every operation that is
/// not a `try_*` variant; code with its own allocating data structures (an
/// executor, say) should call it too, so that one hook sees every failure.
///
/// # Example
///
/// ```should_panic
/// use core::alloc::Layout;
///
/// // No hook is registered: this panics with "lull-alloc: out of memory: ...".
/// lull_alloc::handle_alloc_error(Layout::from_size_align(64, 8).unwrap());
/// ```
#[cold]
#[inline(never)]
pub fn handle_alloc_error(layout: Layout) -> ! {
    if let Some(hook) = registered_hook() {
        hook(layout)
    }
    default_hook(layout)
}

fn default_hook(layout: Layout) -> ! {
    #[cfg(feature = "defmt")]
    defmt::panic!(
        "lull-alloc: out of memory: could not allocate {=usize} bytes aligned to {=usize} \
         (register a handler in the binary crate with `#[lull_alloc::oom]`)",
        layout.size(),
        layout.align(),
    );
    #[cfg(not(feature = "defmt"))]
    panic!(
        "lull-alloc: out of memory: could not allocate {} bytes aligned to {} \
         (register a handler in the binary crate with \
         `#[lull_alloc::oom] fn oom(layout: core::alloc::Layout) -> ! {{ .. }}`)",
        layout.size(),
        layout.align(),
    )
}

// The hook is found at link time. The word `__lull_alloc_oom_ref` holds the
// address of `__lull_alloc_oom`, which is declared *weak*: if no crate defines
// it (no `#[oom]` anywhere), the linker resolves the address to 0 and the
// default hook runs. Stable Rust has no weak linkage of its own, hence the
// assembly.
#[cfg(all(target_arch = "arm", target_os = "none"))]
core::arch::global_asm!(
    ".weak __lull_alloc_oom",
    ".pushsection .rodata.__lull_alloc_oom_ref,\"a\",%progbits",
    ".p2align 2",
    ".globl __lull_alloc_oom_ref",
    ".hidden __lull_alloc_oom_ref",
    "__lull_alloc_oom_ref:",
    ".4byte __lull_alloc_oom",
    ".popsection",
);

#[cfg(all(target_arch = "arm", target_os = "none"))]
fn registered_hook() -> Option<fn(Layout) -> !> {
    unsafe extern "Rust" {
        // Either null (no `#[oom]`) or the address of a
        // `fn(Layout) -> !` defined by `#[oom]` with the Rust ABI.
        static __lull_alloc_oom_ref: Option<fn(Layout) -> !>;
    }
    // SAFETY: the word is defined above, in read-only memory, and initialized
    // by the linker with 0 or the address of a function of exactly this type
    // (the `#[oom]` expansion type-checks the signature); `Option<fn>` is
    // null-pointer optimized, so 0 reads as `None`.
    unsafe { __lull_alloc_oom_ref }
}

#[cfg(not(target_os = "none"))]
fn registered_hook() -> Option<fn(Layout) -> !> {
    crate::host::oom_hook()
}
