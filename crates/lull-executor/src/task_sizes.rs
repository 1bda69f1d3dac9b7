//! Every task's size, recorded in the firmware for `cargo xtask task-sizes`.
//!
//! Each instantiation of [`spawn`](crate::spawn) and
//! [`try_spawn`](crate::try_spawn) adds one record to the ELF section
//! `.lull.tasks`: the size and alignment of the memory it allocates (the
//! task header and the future), then the symbol name of [`name`]`::<F, E>`,
//! whose debug info names the future's type. The section is not allocated
//! (`""` flags): it is never flashed and takes no RAM, and the record emits no
//! instruction. A host tool reads the records to propose the classes of a
//! pool allocator (`lull-pool`) sized for exactly these tasks.
//!
//! Record layout (little-endian, each record 4-byte aligned): `u32` size,
//! `u32` alignment, the symbol name as a NUL-terminated string.
//!
//! Stable Rust cannot evaluate `core::any::type_name` at compile time, so the
//! name is recorded indirectly: the symbol name of the never-called
//! function `name::<F, E>`, which the ELF's debug info (`DW_AT_name`,
//! e.g. `name<app::blink::{async_fn_env#0}, app::X>`) turns into the type.

use core::future::Future;

use crate::raw::{ExecutorType, task_layout};

/// Records the layout of the task `spawn::<E, F>` allocates (see the module
/// documentation). No instruction, no flash, no RAM.
#[inline(always)]
pub(crate) fn record<F: Future + 'static, E: ExecutorType>() {
    // Elsewhere there is no ELF to record into; the layout is still
    // evaluated (at compile time) so that both builds check the same code.
    #[cfg(not(all(target_arch = "arm", target_os = "none")))]
    let _ = const { task_layout::<F, E>() };
    #[cfg(all(target_arch = "arm", target_os = "none"))]
    // SAFETY: the assembly emits no instruction; it only appends bytes to a
    // non-allocated section (`.pushsection`/`.popsection` restore the
    // current one). `sym` only prints the symbol's name into the string: it
    // makes no relocation, so `name` is neither called nor kept.
    unsafe {
        core::arch::asm!(
            ".pushsection .lull.tasks,\"\",%progbits",
            ".p2align 2",
            ".4byte {size}",
            ".4byte {align}",
            ".asciz \"{name}\"",
            ".popsection",
            size = const task_layout::<F, E>().0,
            align = const task_layout::<F, E>().1,
            name = sym name::<F, E>,
            options(nomem, nostack, preserves_flags),
        )
    }
}

/// Never called: its symbol name, recorded by [`record`], leads the host
/// tool to this function's debug info, whose name carries `F`'s type. It
/// returns the `TypeId` of `(F, E)` so that no two instantiations have the
/// same body: identical functions are merged by LLVM, and so would be the
/// `spawn`s that name them (`type_name` would not do: every async block of
/// one function has the same one).
#[cfg(all(target_arch = "arm", target_os = "none"))]
#[inline(never)]
fn name<F: 'static, E: 'static>() -> core::any::TypeId {
    core::any::TypeId::of::<(F, E)>()
}
