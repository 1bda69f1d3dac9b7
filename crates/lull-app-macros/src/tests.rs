//! Host tests of parse → check → analyze (no target, no device crate), and
//! of what codegen emits for a few shapes.

use quote::quote;

use crate::{analyze_app, expand};

fn app_body(s2_shared: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    quote! {
        mod app {
            #[shared]
            struct Shared {
                a: u32,
                b: u32,
                #[lock_free]
                c: u32,
                d: u32,
            }
            #[local]
            struct Local { buf: [u8; 4] }
            #[init]
            fn init(_: init::Context) -> (Shared, Local) { todo!() }
            #[idle(shared = [&d])]
            fn idle(_: idle::Context) -> ! { loop {} }
            #[task(binds = GPIOA, priority = 1, shared = [a, b, c])]
            fn t1(_: t1::Context) {}
            #[task(binds = GPIOB, priority = 3, shared = [a], local = [buf])]
            fn t3(_: t3::Context) {}
            #[task(priority = 2, capacity = 3, shared = [#s2_shared])]
            fn s2(_: s2::Context, x: u32) {}
            #[task(priority = 1, shared = [c])]
            fn s1(_: s1::Context) {}
            #[task(binds = GPIOC, priority = 2, shared = [&d])]
            fn g(cx: g::Context) -> impl Future<Output = Infallible> { async move { loop {} } }
        }
    }
}

fn err(args: proc_macro2::TokenStream, body: proc_macro2::TokenStream) -> String {
    match analyze_app(args, body) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn ceilings_are_the_highest_user_priority() {
    let (app, an) = analyze_app(
        quote!(device = pac, dispatchers = [D1, D2]),
        app_body(quote!(b)),
    )
    .unwrap();
    assert_eq!(an.ceilings["a"], 3);
    assert_eq!(an.ceilings["b"], 2);
    assert_eq!(an.ceilings["d"], 2, "idle (0) and g (2)");
    assert!(an.crosses_levels("d"));
    assert!(!an.crosses_levels("nothing"));
    assert_eq!(app.tasks.len(), 5);
    assert!(
        app.tasks
            .iter()
            .find(|t| t.name() == "g")
            .unwrap()
            .generator
            .is_some()
    );
}

#[test]
fn lock_free_at_two_priorities_is_rejected() {
    // `c` is used by t1 (1), s2 (2) and s1 (1).
    let e = err(
        quote!(device = pac, dispatchers = [D1, D2]),
        app_body(quote!(b, c)),
    );
    assert!(
        e.contains("`#[lock_free]` resource `c` is used at priorities 1 and 2"),
        "{e}"
    );
}

#[test]
fn dispatchers_go_to_levels_lowest_first() {
    let body = quote! {
        mod app {
            #[shared] struct Shared {}
            #[local] struct Local {}
            #[init] fn init(_: init::Context) -> (Shared, Local) { todo!() }
            #[task(priority = 4)] fn hi(_: hi::Context) {}
            #[task(priority = 2)] fn lo(_: lo::Context) {}
            #[task(binds = GPIOA, priority = 3)] fn hw(_: hw::Context) {}
        }
    };
    let (app, an) = analyze_app(
        quote!(device = pac, dispatchers = [FIRST, SECOND, SPARE]),
        body,
    )
    .unwrap();
    assert_eq!(an.dispatchers[&2].to_string(), "FIRST");
    assert_eq!(an.dispatchers[&4].to_string(), "SECOND");
    assert_eq!(an.dispatchers.len(), 2, "a spare dispatcher stays unused");
    // The interrupts the app enables, with their priorities (a lock masks
    // those at or below its ceiling on ARMv6-M).
    let used: Vec<(String, u8)> = crate::codegen::interrupts_in_use(&app, &an)
        .into_iter()
        .map(|(i, p, _)| (i.to_string(), p))
        .collect();
    assert_eq!(
        used,
        [
            ("GPIOA".into(), 3),
            ("FIRST".into(), 2),
            ("SECOND".into(), 4)
        ]
    );
}

#[test]
fn relation_errors() {
    let base = |tasks: proc_macro2::TokenStream| {
        quote! {
            mod app {
                #[shared] struct Shared { x: u32 }
                #[local] struct Local { l: u8 }
                #[init] fn init(_: init::Context) -> (Shared, Local) { todo!() }
                #tasks
            }
        }
    };
    let args = || quote!(device = pac, dispatchers = [D]);
    let cases = [
        (
            quote!(
                #[task(binds = A, shared = [y])]
                fn a(_: a::Context) {}
            ),
            "unknown shared resource `y`",
        ),
        (
            quote!(
                #[task(binds = A, local = [m])]
                fn a(_: a::Context) {}
            ),
            "unknown local resource `m`",
        ),
        (
            quote!(
                #[task(binds = A)]
                fn a(_: a::Context) {}
                #[task(binds = A)]
                fn b(_: b::Context) {}
            ),
            "interrupt `A` is already bound to task `a`",
        ),
        (
            quote!(
                #[task(binds = D)]
                fn a(_: a::Context) {}
            ),
            "`D` is a dispatcher",
        ),
        (
            quote!(
                #[task(priority = 1)]
                fn a(_: a::Context) {}
                #[task(priority = 2)]
                fn b(_: b::Context) {}
            ),
            "but 1 dispatcher(s) are listed",
        ),
        (
            quote!(
                #[task(binds = A, local = [l])]
                fn a(_: a::Context) {}
                #[task(binds = B, local = [l])]
                fn b(_: b::Context) {}
            ),
            "already belongs to `a`",
        ),
        (
            quote!(
                #[task(binds = A, shared = [&x])]
                fn a(_: a::Context) {}
                #[task(binds = B, shared = [x])]
                fn b(_: b::Context) {}
            ),
            "share-only",
        ),
        (
            quote!(
                #[task(binds = A, shared = [x, x])]
                fn a(_: a::Context) {}
            ),
            "`x` is listed twice",
        ),
    ];
    for (tasks, want) in cases {
        let e = err(args(), base(tasks));
        assert!(e.contains(want), "wanted {want:?}, got {e:?}");
    }
}

#[test]
fn signature_errors() {
    let wrap = |item: proc_macro2::TokenStream| {
        quote! {
            mod app {
                #[shared] struct Shared {}
                #[local] struct Local {}
                #[init] fn init(_: init::Context) -> (Shared, Local) { todo!() }
                #item
            }
        }
    };
    let cases = [
        (
            quote!(
                #[task(binds = A)]
                fn a(_: a::Context, x: u8) {}
            ),
            "hardware tasks take no inputs",
        ),
        (
            quote!(
                #[task(priority = 0)]
                fn a(_: a::Context) {}
            ),
            "priorities start at 1",
        ),
        (
            quote!(
                #[task(priority = 1)]
                async fn a(_: a::Context) {}
            ),
            "cannot be `async fn`",
        ),
        (
            quote!(
                #[task(binds = A)]
                fn a(_: a::Context) -> u8 {
                    0
                }
            ),
            "a task returns nothing, or a state machine",
        ),
        (
            quote!(
                #[task(binds = A)]
                fn a() {}
            ),
            "takes its context first",
        ),
        (
            quote!(
                #[task(binds = A)]
                fn a<T>(_: a::Context) {}
            ),
            "cannot be generic",
        ),
        (
            quote!(
                #[idle]
                fn idle(_: idle::Context) {}
            ),
            "never returns",
        ),
        (
            quote!(
                #[task(binds = A, capacity = 2)]
                fn a(_: a::Context) {}
            ),
            "`capacity` is for software tasks",
        ),
        (
            quote!(
                #[task(binds = A, resume = u8)]
                fn a(_: a::Context) {}
            ),
            "`resume` is the input",
        ),
        (
            quote!(
                #[task(bind = A)]
                fn a(_: a::Context) {}
            ),
            "unexpected `bind`",
        ),
    ];
    for (item, want) in cases {
        let e = err(quote!(device = pac, dispatchers = [D]), wrap(item));
        assert!(e.contains(want), "wanted {want:?}, got {e:?}");
    }
    let e = err(quote!(dispatchers = [D]), wrap(quote!()));
    assert!(e.contains("missing `device"), "{e}");
}

#[test]
fn codegen_emits_handlers_dispatchers_and_main() {
    let out = expand(
        quote!(device = pac, dispatchers = [D1, D2]),
        quote! {
            mod app {
                #[shared] struct Shared { x: u32 }
                #[local] struct Local {}
                #[init] fn init(_: init::Context) -> (Shared, Local) { todo!() }
                #[task(binds = GPIOA, priority = 1, shared = [x])] fn a(_: a::Context) {}
                #[task(priority = 2, shared = [x])] fn s(_: s::Context, v: u8) {}
            }
        },
    )
    .unwrap()
    .to_string();
    for want in [
        "unsafe extern \"C\" fn GPIOA ()",
        "unsafe extern \"C\" fn D1 ()",
        "pub fn spawn (input0 : u8)",
        "fn __lull_main ()",
        "static __lull_shared_x",
    ] {
        assert!(out.contains(want), "missing {want:?}");
    }
    assert!(
        !out.contains("fn D2 ()"),
        "unused dispatcher has no handler"
    );
}

#[test]
fn executor_goes_to_idle_alone() {
    let (app, _) = analyze_app(
        quote!(device = pac, dispatchers = [D1, D2], executor = crate::X),
        app_body(quote!(b)),
    )
    .unwrap();
    let x = app.args.executor.as_ref().expect("parsed");
    assert_eq!(quote!(#x).to_string(), quote!(crate::X).to_string());

    let no_idle = quote! {
        mod app {
            #[shared] struct Shared {}
            #[local] struct Local {}
            #[init] fn init(_: init::Context) -> (Shared, Local) { todo!() }
        }
    };
    let e = err(quote!(device = pac, executor = X), no_idle);
    assert!(e.contains("has no `#[idle]`"), "{e}");
}
