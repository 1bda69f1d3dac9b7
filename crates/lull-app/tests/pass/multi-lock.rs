// Multi-resource locks of two, three and four resources, by `&mut` and by
// value, in plain and generator tasks.
#![deny(warnings)]
extern crate lull_app as lull;

fn main() {}

#[lull::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    #[shared]
    struct Shared {
        a: u32,
        b: u64,
        c: [u8; 4],
        d: bool,
    }
    #[local]
    struct Local {}
    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        (Shared { a: 0, b: 0, c: [0; 4], d: false }, Local {})
    }
    #[task(binds = GPIOA, priority = 1, shared = [a, b, c, d])]
    fn x(mut cx: x::Context) {
        (&mut cx.shared.a, &mut cx.shared.b).lock(|a, b| *b += u64::from(*a));
        (&mut cx.shared.a, &mut cx.shared.b, &mut cx.shared.c).lock(|a, _, c| c[0] = *a as u8);
        (cx.shared.a, cx.shared.b, cx.shared.c, cx.shared.d).lock(|a, _, _, d| *d = *a > 1);
    }
    #[task(priority = 2, shared = [a, b])]
    fn g(cx: g::Context) -> impl Future<Output = Infallible> {
        let g::Context { mut shared, trigger, .. } = cx;
        async move {
            loop {
                trigger.next().await;
                (&mut shared.a, &mut shared.b).lock(|a, b| *a += *b as u32);
            }
        }
    }
    #[task(binds = GPIOB, priority = 3, shared = [c, d])]
    fn z(mut cx: z::Context) {
        (&mut cx.shared.c, &mut cx.shared.d).lock(|c, d| *d = c[1] == 0);
    }
}
