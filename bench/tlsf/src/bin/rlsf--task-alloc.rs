//! `rlsf` on the task-alloc workload: constant layouts at the call site, as
//! in a task spawn (see `bench/tlsf/task_alloc.rs`).
#![no_std]
#![no_main]

#[path = "../../task_alloc.rs"]
mod task_alloc;

#[cortex_m_rt::entry]
fn main() -> ! {
    task_alloc::run::<task_alloc::rlsf::System>()
}
