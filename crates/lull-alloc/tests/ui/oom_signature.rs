use lull_alloc::oom;

#[oom]
fn oom(layout: core::alloc::Layout) {
    let _ = layout;
}

fn main() {}
