//! Tells the runtime which interrupt-masking scheme the target core has.
use std::env;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lull_basepri)");
    println!("cargo::rustc-check-cfg=cfg(lull_nvic_mask)");
    println!("cargo::rerun-if-changed=build.rs");
    let target = env::var("TARGET").unwrap_or_default();
    if target.starts_with("thumbv6m") || target.starts_with("thumbv8m.base") {
        // ARMv6-M and ARMv8-M baseline have no BASEPRI: mask in the NVIC.
        println!("cargo::rustc-cfg=lull_nvic_mask");
    } else if target.starts_with("thumbv7m")
        || target.starts_with("thumbv7em")
        || target.starts_with("thumbv8m.main")
    {
        println!("cargo::rustc-cfg=lull_basepri");
    }
    // Any other target (the host, for tests): locks only track priorities.
}
