//! Tells the crate whether the target has the full Thumb-2 instruction set
//! (ARMv7-M, ARMv7E-M, ARMv8-M Mainline), which the 5-instruction fast path of
//! a lazy allocator's `get()` uses. Stable Rust exposes no `target_feature`
//! cfg for it, so it is read from the target name.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(lull_thumb2)");
    println!("cargo::rerun-if-env-changed=TARGET");
    let target = std::env::var("TARGET").unwrap_or_default();
    let thumb2 = ["thumbv7m-", "thumbv7em-", "thumbv8m.main-"];
    if thumb2.iter().any(|prefix| target.starts_with(prefix)) {
        println!("cargo::rustc-cfg=lull_thumb2");
    }
}
