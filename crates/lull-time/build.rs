//! Tells the crate which interrupt-masking scheme the target core has.
use std::env;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lull_time_basepri)");
    println!("cargo::rustc-check-cfg=cfg(lull_time_nvic)");
    println!("cargo::rerun-if-changed=build.rs");
    let target = env::var("TARGET").unwrap_or_default();
    if target.starts_with("thumbv6m") || target.starts_with("thumbv8m.base") {
        // No BASEPRI: mask the timer's users in the NVIC.
        println!("cargo::rustc-cfg=lull_time_nvic");
    } else if target.starts_with("thumbv7m")
        || target.starts_with("thumbv7em")
        || target.starts_with("thumbv8m.main")
    {
        println!("cargo::rustc-cfg=lull_time_basepri");
    }
    // Any other target (the host, for tests): no interrupts, no masking.
}
