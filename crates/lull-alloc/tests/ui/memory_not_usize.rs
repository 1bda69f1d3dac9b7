// `N` is a `usize` constant: a string, a negative number or a run-time
// value is refused at `N`.
#[lull_alloc::allocator(memory = "64")]
static A: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

#[lull_alloc::allocator(memory = -8)]
static B: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);

fn main() {
    let n = 64usize;
    #[lull_alloc::allocator(memory = n)]
    static C: lull_alloc::host::TestHeap = lull_alloc::host::TestHeap::new(0);
    let _ = n;
}
