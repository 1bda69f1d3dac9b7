//! `main`: runs with interrupts disabled, sets the priority of every
//! interrupt the app uses, calls `init`, moves its resources into their
//! statics, builds the generator tasks' state machines *in handler mode*,
//! unmasks the interrupts, enables them and enters `idle` (or sleeps).
//!
//! Why handler mode: a generator's constructor and its priming poll put
//! values into a state machine that its interrupt handler resumes later.
//! Run in thread mode, they could take thread-mode-only handles
//! (`A::get()` of a thread-mode allocator, an executor) into that handler.
//! So `main` builds them inside the `SVCall` exception (`svc` with every
//! task interrupt still masked in the NVIC, `SVCall` at the lowest task
//! priority so a constructor may start a timer), where those `get()`s are
//! `None`, exactly as in the handler that will resume them. The generated
//! `SVCall` handler refuses to run a second time.

use proc_macro2::TokenStream;
use quote::quote;

use super::{
    cfg_attrs, context_ident, exceptions_in_use, generators, interrupt, interrupts_in_use,
    local_static, rt, shared_static,
};
use crate::analyze::Analysis;
use crate::parse::App;

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let init = &app.init.func.sig.ident;
    let init_cx = context_ident(&app.init.func);

    // Interrupts of tasks configured out (`#[cfg]`) stay untouched.
    let in_use = interrupts_in_use(app, analysis);
    let priorities = in_use.iter().map(|(irq, p, pred)| {
        let i = interrupt(irq);
        quote! {
            #[cfg(#pred)]
            // SAFETY: interrupts are disabled; nothing runs concurrently.
            unsafe {
                core.NVIC.set_priority(#i, #rt::logical2hw(#p, __lull_device::NVIC_PRIO_BITS));
            }
        }
    });
    let exception_priorities = exceptions_in_use(app).into_iter().map(|(exc, p, pred)| {
        quote! {
            #[cfg(#pred)]
            // SAFETY: interrupts are disabled; nothing runs concurrently.
            unsafe {
                core.SCB.set_priority(
                    #rt::cortex_m::peripheral::scb::SystemHandler::#exc,
                    #rt::logical2hw(#p, __lull_device::NVIC_PRIO_BITS),
                );
            }
        }
    });
    let unmasks = in_use.iter().map(|(irq, _, pred)| {
        let i = interrupt(irq);
        quote! {
            #[cfg(#pred)]
            // SAFETY: every resource and state machine is ready: the task
            // (or dispatcher) may run.
            unsafe { #rt::NVIC::unmask(#i) };
        }
    });

    let shared_writes = app.shared.iter().map(|r| {
        let n = &r.name;
        let st = shared_static(n);
        let c = cfg_attrs([&r.cfgs[..]]);
        quote!(#c #st.write(shared.#n);)
    });
    let local_writes = app.local.iter().map(|r| {
        let n = &r.name;
        let st = local_static(n);
        let c = cfg_attrs([&r.cfgs[..]]);
        quote!(#c #st.write(local.#n);)
    });

    let generators: Vec<TokenStream> = app
        .tasks
        .iter()
        .filter(|t| t.generator.is_some())
        .map(|t| generators::construct(app, t))
        .collect();
    let (build_fn, build) = if generators.is_empty() {
        (TokenStream::new(), TokenStream::new())
    } else {
        (
            quote! {
                /// Builds and primes every generator task's state machine.
                ///
                /// # Safety
                /// Called once, in handler mode, before any task interrupt
                /// is unmasked.
                #[doc(hidden)]
                #[inline(always)]
                unsafe fn __lull_build_generators() {
                    #(#generators)*
                }
                #[doc(hidden)]
                static __LULL_BUILDING: #rt::BuildOnce = #rt::BuildOnce::new();
                /// `SVCall`: `main` enters handler mode here to build the
                /// generator tasks (see `#[lull::app]`'s soundness rules).
                #[doc(hidden)]
                #[allow(non_snake_case)]
                #[cfg_attr(target_os = "none", unsafe(no_mangle))]
                unsafe extern "C" fn SVCall() {
                    __LULL_BUILDING.enter();
                    // SAFETY: `enter` returns once, for `main`'s `svc`; no
                    // task interrupt is unmasked yet.
                    unsafe { __lull_build_generators() };
                }
                const _: unsafe extern "C" fn() = SVCall;
            },
            quote! {
                // SAFETY: init has returned (it owned the core peripherals);
                // main alone uses the SCB now.
                let mut core = unsafe { #rt::cortex_m::Peripherals::steal() };
                // SAFETY: every resource is initialised; the task interrupts
                // are still masked in the NVIC.
                unsafe { __LULL_BUILDING.build(&mut core.SCB, __lull_device::NVIC_PRIO_BITS, SVCall) };
            },
        )
    };

    let end = match &app.idle {
        Some(idle) => {
            let name = &idle.func.sig.ident;
            let cx = context_ident(&idle.func);
            quote! {
                // SAFETY: idle runs at priority 0 (thread mode).
                let priority = unsafe { #rt::Priority::new(0) };
                // SAFETY: we are idle's only caller.
                let #cx = unsafe { #name::Context::new(&priority) };
                #name(#cx)
            }
        }
        None => quote! {
            loop {
                #rt::cortex_m::asm::wfi();
            }
        },
    };

    let shared_ty = &app.shared_struct.ident;
    let local_ty = &app.local_struct.ident;
    quote! {
        #[doc(hidden)]
        #[cfg_attr(target_os = "none", unsafe(export_name = "main"))]
        unsafe extern "C" fn __lull_main() -> ! {
            #rt::cortex_m::interrupt::disable();
            // SAFETY: main owns the core peripherals until it hands them to init.
            let mut core = unsafe { #rt::cortex_m::Peripherals::steal() };
            #(#priorities)*
            #(#exception_priorities)*
            // SAFETY: called once, with interrupts disabled.
            let #init_cx = unsafe { #init::Context::new(core) };
            let (shared, local): (#shared_ty, #local_ty) = #init(#init_cx);
            // SAFETY: no task has run yet; each slot is written once.
            unsafe {
                #(#shared_writes)*
                #(#local_writes)*
            }
            #build
            #(#unmasks)*
            // SAFETY: every resource is initialised: tasks may run.
            unsafe { #rt::cortex_m::interrupt::enable() };
            #end
        }
        #build_fn
        // Keeps `main` (and so `init`, `idle`) used on targets where it is
        // not the reset entry point (host builds).
        const _: unsafe extern "C" fn() -> ! = __lull_main;
    }
}
