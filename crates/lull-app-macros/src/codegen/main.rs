//! `main`: runs with interrupts disabled, sets the priority of every
//! interrupt the app uses and unmasks it, calls `init`, moves its resources
//! into their statics, builds the generator tasks' state machines, enables
//! interrupts and enters `idle` (or sleeps).

use proc_macro2::TokenStream;
use quote::quote;

use super::{context_ident, generators, interrupt, local_static, rt, shared_static};
use crate::analyze::Analysis;
use crate::parse::App;

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let init = &app.init.func.sig.ident;
    let init_cx = context_ident(&app.init.func);

    let priorities = analysis.interrupts.iter().map(|(irq, p)| {
        let i = interrupt(irq);
        quote! {
            // SAFETY: interrupts are disabled; nothing runs concurrently.
            unsafe {
                core.NVIC.set_priority(#i, #rt::logical2hw(#p, __lull_device::NVIC_PRIO_BITS));
                #rt::NVIC::unmask(#i);
            }
        }
    });

    let shared_writes = app.shared.iter().map(|r| {
        let n = &r.name;
        let st = shared_static(n);
        quote!(#st.write(shared.#n);)
    });
    let local_writes = app.local.iter().map(|r| {
        let n = &r.name;
        let st = local_static(n);
        quote!(#st.write(local.#n);)
    });

    let generators = app
        .tasks
        .iter()
        .filter(|t| t.generator.is_some())
        .map(|t| generators::construct(app, t));

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
            // SAFETY: called once, with interrupts disabled.
            let #init_cx = unsafe { #init::Context::new(core) };
            let (shared, local): (#shared_ty, #local_ty) = #init(#init_cx);
            // SAFETY: no task has run yet; each slot is written once.
            unsafe {
                #(#shared_writes)*
                #(#local_writes)*
            }
            #(#generators)*
            // SAFETY: every resource is initialised: tasks may run.
            unsafe { #rt::cortex_m::interrupt::enable() };
            #end
        }
        // Keeps `main` (and so `init`, `idle`) used on targets where it is
        // not the reset entry point (host builds).
        const _: unsafe extern "C" fn() -> ! = __lull_main;
    }
}
