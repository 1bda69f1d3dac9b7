// A lazy initializer declares its memory itself; `memory = N` is for eager
// allocators, and combining them is refused at `N`.
#[lull_alloc::allocator(lazy, memory = 256)]
static A: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

fn main() {}
