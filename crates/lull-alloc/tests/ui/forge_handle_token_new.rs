// The token's constructor is `unsafe`: safe code cannot call it.
use lull_alloc::{__private::Token, allocator, host::TestHeap};

#[allocator(lazy)]
static LAZY: TestHeap = TestHeap::new(16);

fn main() {
    let _forged = LAZY(Token::new());
}
