// Two `#[oom]` hooks in one program: the second would be dropped silently by
// the weak alias, so it is an error naming the rule.
use core::alloc::Layout;

#[lull_alloc::oom]
fn first(_: Layout) -> ! {
    panic!("first")
}

mod other {
    #[lull_alloc::oom]
    fn second(_: core::alloc::Layout) -> ! {
        panic!("second")
    }
}

fn main() {}
