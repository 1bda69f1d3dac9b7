//! Compile-time checks that need the type system or the device crate,
//! spanned at the user's tokens so errors point there:
//!
//! - task priorities within the device's `1..=2^NVIC_PRIO_BITS`;
//! - `Send` for resources locked from several priority levels and for
//!   software-task inputs (any priority may spawn), `Sync` for share-only
//!   resources read from several levels;
//! - generator tasks: the constructor returns a `'static` state machine that
//!   never completes, which fits its storage, and the resource proxies are
//!   zero-sized.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{rt, task_static};
use crate::analyze::Analysis;
use crate::parse::{App, GenKind};

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();

    for t in &app.tasks {
        let p = t.priority;
        let msg = format!(
            "task `{}`: priority {p} is out of the device's range (1 ..= 2^NVIC_PRIO_BITS)",
            t.name()
        );
        out.push(quote_spanned! {t.priority_span=>
            const _: () = ::core::assert!((#p as u16) <= (1u16 << __lull_device::NVIC_PRIO_BITS), #msg);
        });
    }

    for r in &app.shared {
        let n = r.name.to_string();
        if !analysis.crosses_levels(&n) {
            continue;
        }
        let ty = &r.ty;
        let share_only = app
            .tasks
            .iter()
            .flat_map(|t| &t.shared)
            .chain(app.idle.iter().flat_map(|i| &i.shared))
            .any(|a| a.name == r.name && a.share_only);
        if share_only {
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn shared_across_priorities_must_be_sync<T: ?Sized + ::core::marker::Sync>() {}
                    shared_across_priorities_must_be_sync::<#ty>();
                };
            });
        } else {
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn locked_across_priorities_must_be_send<T: ?Sized + ::core::marker::Send>() {}
                    locked_across_priorities_must_be_send::<#ty>();
                };
            });
        }
    }

    for t in app.tasks.iter().filter(|t| t.is_software()) {
        let tys = t
            .inputs
            .iter()
            .map(|(_, ty)| &**ty)
            .chain(t.resume.as_ref());
        for ty in tys {
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn spawn_inputs_must_be_send<T: ?Sized + ::core::marker::Send>() {}
                    spawn_inputs_must_be_send::<#ty>();
                };
            });
        }
    }

    for t in app.tasks.iter().filter(|t| t.generator.is_some()) {
        let name = t.name();
        let ret = match &t.func.sig.output {
            syn::ReturnType::Type(_, ty) => ty.span(),
            syn::ReturnType::Default => name.span(),
        };
        let check = match t.generator {
            Some(GenKind::Async) => quote_spanned! {ret=>
                const _: fn() = || {
                    fn generator_tasks_return_static_never_ending_futures<C, F, G>(_: &F)
                    where
                        F: FnOnce(C) -> G,
                        G: #rt::Future<Output = #rt::Infallible> + 'static,
                    {
                    }
                    generator_tasks_return_static_never_ending_futures(&#name);
                };
            },
            _ => quote_spanned! {ret=>
                const _: fn() = || {
                    fn generator_tasks_return_static_coroutines<C, F, G>(_: &F)
                    where
                        F: FnOnce(C) -> G,
                        G: 'static,
                    {
                    }
                    generator_tasks_return_static_coroutines(&#name);
                };
            },
        };
        out.push(check);
        let words = task_static(name, "words");
        let msg = format!(
            "generator task `{name}`: state machines aligned to more than 8 bytes are not supported"
        );
        out.push(quote! {
            const _: () = ::core::assert!(#rt::gen_align(&#name) <= 8, #msg);
            const _: () = ::core::assert!(#words * 8 >= #rt::gen_bytes(&#name));
            const _: () = ::core::assert!(#rt::size_of::<#name::SharedResources>() == 0, "generator proxies are zero-sized");
            const _: () = ::core::assert!(#rt::size_of::<#name::Trigger>() == 0, "the trigger handle is zero-sized");
        });
    }

    quote!(#(#out)*)
}
