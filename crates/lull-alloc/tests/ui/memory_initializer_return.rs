// The initializer of a `memory = N` allocator is a constant: a `return` in
// it (which would leave the heap unbuilt) is refused.
#[lull_alloc::allocator(memory = 64)]
static A: lull_alloc::host::TestHeap = {
    if true {
        return;
    }
    lull_alloc::host::TestHeap::new(0)
};

fn main() {}
