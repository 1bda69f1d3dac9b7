//! Generator tasks: the static storage of each state machine, its waker,
//! `Trigger`/`next()`, the `started` baseline, and the code that builds,
//! primes and resumes it.
//!
//! The state machine's type is unnameable on stable (an `async` block), so
//! its storage is sized at compile time from the constructor's return type
//! (`gen_words(&constructor)`) and every access goes through a generic
//! runtime function that infers the type from the constructor again.

use proc_macro2::TokenStream;
use quote::quote;

use super::{cfg_attrs, cfg_from, context_ident, interrupt, rt, storage_record, task_static};
use crate::analyze::Analysis;
use crate::parse::{App, GenKind, Task};

/// Statics of all generator tasks.
pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();
    for t in app.tasks.iter().filter(|t| t.generator.is_some()) {
        let name = t.name();
        let slot = task_static(name, "gen");
        let words = task_static(name, "words");
        let first = out.len();
        out.push(quote! {
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            const #words: usize = #rt::gen_words(&#name);
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            static #slot: #rt::GenSlot<#words> = #rt::GenSlot::new();
        });
        out.push(storage_record(
            name,
            "state",
            quote!(#rt::gen_bytes(&#name)),
            quote!(#rt::gen_align(&#name)),
        ));
        if let Some(mono) = &app.args.monotonic {
            let started = task_static(name, "started");
            out.push(quote! {
                #[allow(non_upper_case_globals)]
                #[doc(hidden)]
                static #started: #rt::StartedSlot<<#mono as #rt::Monotonic>::Instant> = #rt::StartedSlot::new();
            });
        }
        if t.generator == Some(GenKind::Async) {
            let waker = task_static(name, "waker");
            match &t.binds {
                Some(irq) => {
                    let irq = interrupt(irq);
                    let vtable = task_static(name, "vtable");
                    let soft = task_static(name, "soft");
                    out.push(quote! {
                        #[allow(non_upper_case_globals)]
                        #[doc(hidden)]
                        static #vtable: #rt::WakerVTable = #rt::hw_vtable::<#name::Source>();
                        #[allow(non_upper_case_globals)]
                        #[doc(hidden)]
                        static #soft: #rt::WakeFlag = #rt::WakeFlag::new(#irq as u16);
                    });
                }
                None => {
                    let wake = task_static(name, "wake");
                    let dispatcher = interrupt(&analysis.dispatchers[&t.priority]);
                    let arg = task_static(name, "arg");
                    let ty = match &t.resume {
                        Some(ty) => quote!(#ty),
                        None => quote!(()),
                    };
                    out.push(quote! {
                        #[allow(non_upper_case_globals)]
                        #[doc(hidden)]
                        static #wake: #rt::WakeFlag = #rt::WakeFlag::new(#dispatcher as u16);
                        #[allow(non_upper_case_globals)]
                        #[doc(hidden)]
                        static #waker: #rt::Waker = #rt::flag_waker(&#wake);
                        #[allow(non_upper_case_globals)]
                        #[doc(hidden)]
                        static #arg: #rt::ArgSlot<#ty> = #rt::ArgSlot::new();
                    });
                }
            }
        }
        // A task configured out (`#[cfg]`) has no statics.
        cfg_from(&mut out, first, &t.cfgs);
    }
    quote!(#(#out)*)
}

/// Records `started` (if the app has a monotonic timer).
fn set_started(app: &App, t: &Task) -> TokenStream {
    let rt = rt();
    match &app.args.monotonic {
        Some(mono) => {
            let started = task_static(t.name(), "started");
            quote! {
                // SAFETY: written by the task's own handler, before resuming it.
                unsafe { #started.set(<#mono as #rt::Monotonic>::now()) };
            }
        }
        None => TokenStream::new(),
    }
}

/// Polls an `async` state machine once, triggered (from its handler or
/// dispatcher).
pub fn resume_async(app: &App, t: &Task) -> TokenStream {
    poll_async(app, t, true)
}

fn poll_async(app: &App, t: &Task, triggered: bool) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let slot = task_static(name, "gen");
    let started = set_started(app, t);
    if t.binds.is_some() {
        let vtable = task_static(name, "vtable");
        let triggered = if triggered {
            // A run pended by one of the task's wakers is not the event.
            let soft = task_static(name, "soft");
            quote!(!#soft.take_racy())
        } else {
            quote!(false)
        };
        return quote! {
            #started
            // SAFETY: `main` built the state machine before enabling
            // interrupts; only this handler (one priority level) resumes it.
            unsafe { #rt::hw_resume(&#name, &#slot, &#vtable, #triggered) };
        };
    }
    let waker = task_static(name, "waker");
    quote! {
        #started
        // SAFETY: `main` built the state machine before enabling interrupts;
        // only this handler (one priority level) resumes it.
        unsafe { #rt::gen_poll(&#name, &#slot, &#waker) };
    }
}

/// Resumes a coroutine state machine with `arg` (nightly).
pub fn resume_coroutine(app: &App, t: &Task, arg: TokenStream) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let slot = task_static(name, "gen");
    let started = set_started(app, t);
    quote! {
        #started
        // SAFETY: as for `gen_poll`.
        unsafe { #rt::gen_resume(&#name, &#slot, #arg) };
    }
}

/// In `main`: run the constructor and, for `async` state machines, prime
/// them (run them to their first suspension point).
pub fn construct(app: &App, t: &Task) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let slot = task_static(name, "gen");
    let prime = match t.generator {
        // Runs it to its first suspension point, untriggered.
        Some(GenKind::Async) => poll_async(app, t, false),
        _ => TokenStream::new(),
    };
    let cx = context_ident(&t.func);
    // `started()` is valid from the constructor on: the construction time.
    let started = set_started(app, t);
    let cfgs = cfg_attrs([&t.cfgs[..]]);
    quote! { #cfgs {
        #started
        // SAFETY: once, before the task's interrupt is enabled: the
        // context's `'static` locals are unique.
        let #cx = unsafe { #name::Context::new() };
        // SAFETY: once, before interrupts are enabled; the slot's size and
        // alignment are asserted at compile time.
        unsafe { #rt::gen_construct(#name, #cx, &#slot) };
        #prime
    }}
}

/// `Trigger`, `next()` and `started()` inside the task's module.
pub fn trigger_items(app: &App, t: &Task) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let (next_ty, marker) = match (&t.binds, t.generator) {
        (_, Some(GenKind::Coroutine)) => (None, TokenStream::new()),
        (Some(_), _) => {
            let vtable = task_static(name, "vtable");
            let soft = task_static(name, "soft");
            (
                Some(quote!(#rt::HwNext<Source>)),
                quote! {
                    #[doc(hidden)]
                    pub struct Source;
                    // SAFETY: the task's own vtable, used by its handler
                    // only, and its own soft-wake flag, pending its interrupt.
                    unsafe impl #rt::HwSource for Source {
                        #[inline(always)]
                        fn vtable() -> &'static #rt::WakerVTable {
                            &super::#vtable
                        }
                        #[inline(always)]
                        fn soft() -> &'static #rt::WakeFlag {
                            &super::#soft
                        }
                    }
                },
            )
        }
        (None, _) => {
            let arg = task_static(name, "arg");
            let ty = match &t.resume {
                Some(ty) => quote!(#ty),
                None => quote!(()),
            };
            (
                Some(quote!(#rt::SwNext<Source>)),
                quote! {
                    #[doc(hidden)]
                    pub struct Source;
                    // SAFETY: the task's own argument slot.
                    unsafe impl #rt::ArgSource for Source {
                        type Arg = #ty;
                        #[inline(always)]
                        fn slot() -> &'static #rt::ArgSlot<#ty> {
                            &super::#arg
                        }
                    }
                },
            )
        }
    };
    let next = next_ty.map(|ty| {
        quote! {
            /// The future `next()` returns.
            pub type Next = #ty;
            impl Trigger {
                /// Suspends the state machine until the task is triggered
                /// again (its interrupt, or a `spawn`); evaluates to the
                /// spawn's input.
                #[inline(always)]
                pub fn next(&self) -> Next {
                    // SAFETY: made by the task's own trigger; `Next` is
                    // `!Send`, so only this task polls it.
                    unsafe { Next::new() }
                }
            }
            impl Context {
                /// Suspends until the task is triggered again; see
                /// [`Trigger::next`]. Use `cx.trigger.next()` once local
                /// resources have been moved out of `cx`.
                #[inline(always)]
                pub fn next(&self) -> Next {
                    self.trigger.next()
                }
            }
        }
    });
    let started = app.args.monotonic.as_ref().map(|mono| {
        let st = task_static(name, "started");
        quote! {
            impl Trigger {
                /// When the task was triggered for the current resumption.
                #[inline(always)]
                pub fn started(&self) -> <#mono as #rt::Monotonic>::Instant {
                    // SAFETY: set before the constructor runs, then by the
                    // task's handler before every resumption.
                    unsafe { super::#st.get() }
                }
            }
            impl Context {
                /// When the task was triggered for the current resumption.
                #[inline(always)]
                pub fn started(&self) -> <#mono as #rt::Monotonic>::Instant {
                    self.trigger.started()
                }
            }
        }
    });
    quote! {
        /// Zero-sized handle on the task's trigger: `next()`, `started()`.
        #[derive(Clone, Copy)]
        pub struct Trigger {
            _not_send: #rt::PhantomData<*mut ()>,
        }
        impl Trigger {
            #[inline(always)]
            const fn new() -> Self {
                Trigger { _not_send: #rt::PhantomData }
            }
        }
        #marker
        #next
        #started
    }
}
