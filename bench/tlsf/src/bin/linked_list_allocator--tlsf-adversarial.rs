//! `linked_list_allocator` on the TLSF adversarial workload (see `bench/tlsf/workload.rs`).
#![no_std]
#![no_main]

use bench_tlsf::{Scenario, run, systems::LinkedList};

#[cortex_m_rt::entry]
fn main() -> ! {
    run::<LinkedList>(Scenario::Adversarial)
}
