//! Software tasks: input queues, `<task>::spawn`, and one dispatcher
//! interrupt handler per software priority level.
//!
//! Each software task has its own bounded FIFO (`capacity` inputs).
//! `spawn` enqueues with interrupts briefly disabled (spawners may run at any
//! priority) and pends the dispatcher of the task's level; the dispatcher
//! drains the queues of its level, earlier-declared tasks first, until all
//! are empty.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{
    cfg_attrs, cfg_each, context_ident, generators, interrupt, rt, storage_record, task_static,
};
use crate::analyze::Analysis;
use crate::parse::{App, GenKind, Task};

/// Type of one queued spawn: the inputs (a tuple if several).
fn element(t: &Task) -> TokenStream {
    if t.generator.is_some() {
        return match &t.resume {
            Some(ty) => quote!(#ty),
            None => quote!(()),
        };
    }
    match t.inputs.as_slice() {
        [] => quote!(()),
        [(_, ty)] => quote!(#ty),
        many => {
            let tys = many.iter().map(|(_, ty)| ty);
            quote!((#(#tys,)*))
        }
    }
}

/// `pub fn spawn(..)` inside the task's module.
pub fn spawn_fn(_app: &App, analysis: &Analysis, t: &Task) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let queue = task_static(name, "queue");
    let dispatcher = &analysis.dispatchers[&t.priority];
    let irq = interrupt(dispatcher);
    let elem = element(t);
    let (params, value): (Vec<TokenStream>, TokenStream) = if t.generator.is_some() {
        match &t.resume {
            Some(ty) => (vec![quote!(input: #ty)], quote!(input)),
            None => (vec![], quote!(())),
        }
    } else {
        let idents: Vec<_> = (0..t.inputs.len())
            .map(|i| format_ident!("input{}", i))
            .collect();
        let params = t
            .inputs
            .iter()
            .zip(&idents)
            .map(|((_, ty), id)| quote!(#id: #ty))
            .collect();
        let value = match idents.as_slice() {
            [] => quote!(()),
            [one] => quote!(#one),
            many => quote!((#(#many,)*)),
        };
        (params, value)
    };
    let doc = format!(
        "Spawns `{name}`: queues its input for the priority-{} dispatcher. Gives the input back when its {} queued input(s) are waiting already.",
        t.priority, t.capacity
    );
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn spawn(#(#params),*) -> ::core::result::Result<(), #elem> {
            // SAFETY: interrupts are disabled while enqueuing, as the queue
            // requires of its producers.
            let r = #rt::interrupt_free(|| unsafe { super::#queue.enqueue(#value) });
            if r.is_ok() {
                #rt::pend_raw(super::#irq as u16);
            }
            r
        }
    }
}

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();

    for t in app.tasks.iter().filter(|t| t.is_software()) {
        let queue = task_static(t.name(), "queue");
        let elem = element(t);
        let slots = t.capacity.next_power_of_two();
        let cap = t.capacity;
        let cfgs = cfg_attrs([&t.cfgs[..]]);
        out.push(quote! {
            #cfgs
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            static #queue: #rt::Queue<#elem, #slots, #cap> = #rt::Queue::new();
        });
        let record = storage_record(
            t.name(),
            "queue",
            quote!(::core::mem::size_of::<#rt::Queue<#elem, #slots, #cap>>()),
            quote!(::core::mem::align_of::<#rt::Queue<#elem, #slots, #cap>>()),
        );
        out.push(cfg_each(&cfgs, record));
    }

    for (&priority, dispatcher) in &analysis.dispatchers {
        let mut arms = Vec::new();
        for t in app
            .tasks
            .iter()
            .filter(|t| t.is_software() && t.priority == priority)
        {
            let name = t.name();
            let queue = task_static(name, "queue");
            let arms_before = arms.len();
            match t.generator {
                None => {
                    let args: Vec<TokenStream> = match t.inputs.len() {
                        0 => vec![],
                        1 => vec![quote!(input)],
                        n => (0..n)
                            .map(|i| {
                                let i = syn::Index::from(i);
                                quote!(input.#i)
                            })
                            .collect(),
                    };
                    let bind = if t.inputs.is_empty() {
                        quote!(())
                    } else {
                        quote!(input)
                    };
                    let cx = context_ident(&t.func);
                    arms.push(quote! {
                        // SAFETY: this dispatcher is the queue's only consumer.
                        while let Some(#bind) = unsafe { #queue.dequeue() } {
                            // SAFETY: we are the task's dispatcher, at its priority.
                            let #cx = unsafe { #name::Context::new(&priority) };
                            #name(#cx #(, #args)*);
                        }
                    });
                }
                Some(GenKind::Async) => {
                    let arg = task_static(name, "arg");
                    let wake = task_static(name, "wake");
                    let resume = generators::resume_async(app, t);
                    arms.push(quote! {
                        // SAFETY: the argument slot and the queue are used at
                        // this priority only (by us and by the task's `next`).
                        loop {
                            if !unsafe { #arg.is_full() } {
                                if let Some(input) = unsafe { #queue.dequeue() } {
                                    unsafe { #arg.put(input) };
                                    #resume
                                    continue;
                                }
                            }
                            if #wake.take() {
                                #resume
                                continue;
                            }
                            break;
                        }
                    });
                }
                Some(GenKind::Coroutine) => {
                    let resume = generators::resume_coroutine(app, t, quote!(input));
                    arms.push(quote! {
                        // SAFETY: this dispatcher is the queue's only consumer.
                        while let Some(input) = unsafe { #queue.dequeue() } {
                            #resume
                        }
                    });
                }
            }
            // A task configured out (`#[cfg]`) has no arm.
            let cfgs = cfg_attrs([&t.cfgs[..]]);
            for arm in &mut arms[arms_before..] {
                let body = std::mem::take(arm);
                *arm = quote!(#cfgs { #body });
            }
        }
        let doc = format!("Dispatcher of the software tasks of priority {priority}.");
        out.push(quote! {
            #[doc = #doc]
            #[allow(non_snake_case)]
            #[unsafe(no_mangle)]
            unsafe extern "C" fn #dispatcher() {
                // SAFETY: this handler runs at priority #priority (set by `main`).
                let priority = unsafe { #rt::Priority::new(#priority) };
                let _ = &priority;
                // One pass suffices: a spawn that lands in a queue already
                // checked pends this interrupt again.
                #(#arms)*
            }
        });
    }

    quote!(#(#out)*)
}
