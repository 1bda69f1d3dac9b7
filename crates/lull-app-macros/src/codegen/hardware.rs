//! Hardware tasks: the interrupt handlers bound with `binds = IRQ`.
//!
//! A plain hardware task's handler puts the task's static priority on the
//! stack (the lock optimisation's shadow) and calls the task. A hardware
//! generator task's handler resumes the state machine directly: no
//! dispatcher in between.

use proc_macro2::TokenStream;
use quote::quote;

use super::{cfg_attrs, context_ident, generators, rt};
use crate::parse::{App, GenKind};

pub fn codegen(app: &App) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();
    for t in &app.tasks {
        let Some(irq) = &t.binds else { continue };
        let name = t.name();
        let priority = t.priority;
        let cx = context_ident(&t.func);
        let body = match t.generator {
            None => quote! {
                // SAFETY: this handler runs at the task's priority (set by `main`).
                let priority = unsafe { #rt::Priority::new(#priority) };
                // SAFETY: we are the task's handler.
                let #cx = unsafe { #name::Context::new(&priority) };
                #name(#cx);
            },
            Some(GenKind::Async) => generators::resume_async(app, t),
            Some(GenKind::Coroutine) => generators::resume_coroutine(app, t, quote!(())),
        };
        let doc = format!("Handler of hardware task `{name}`.");
        let cfgs = cfg_attrs([&t.cfgs[..]]);
        out.push(quote! {
            #cfgs
            #[doc = #doc]
            #[allow(non_snake_case)]
            #[unsafe(no_mangle)]
            unsafe extern "C" fn #irq() {
                #body
            }
        });
    }
    quote!(#(#out)*)
}
