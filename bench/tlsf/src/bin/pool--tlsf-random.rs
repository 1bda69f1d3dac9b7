//! `pool` (`lull_pool::Pool`, ten power-of-two classes) on the TLSF random
//! workload (see `bench/tlsf/workload.rs` and `bench/tlsf/pool_system.rs`).
#![no_std]
#![no_main]

#[path = "../../pool_system.rs"]
mod pool_system;

use bench_tlsf::{Scenario, run};

#[cortex_m_rt::entry]
fn main() -> ! {
    run::<pool_system::PoolSystem>(Scenario::Random)
}
