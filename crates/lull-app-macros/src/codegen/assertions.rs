//! Compile-time checks that need the type system or the device crate,
//! spanned at the user's tokens so errors point there:
//!
//! - task priorities within the device's `1..=2^NVIC_PRIO_BITS`;
//! - `Send` for every resource a task (handler mode) reaches, since `init`
//!   made it in thread mode, and for software-task inputs (any priority may
//!   spawn); `Sync` for share-only resources read from several levels;
//! - on cores without BASEPRI, task interrupts below 32 (NVIC masking);
//! - generator tasks: the constructor returns a `'static` state machine that
//!   never completes, which fits its storage, and the resource proxies are
//!   zero-sized.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{cfg_from, rt, task_static};
use crate::analyze::Analysis;
use crate::parse::{App, GenKind, LocalRef};

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();

    for t in &app.tasks {
        let first = out.len();
        if let Some(b) = t.binds.as_ref().filter(|b| *b == "SysTick") {
            let msg = format!(
                "task `{}` binds `SysTick`, whose handler Lull's time driver defines (feature \
                 `time` of `lull`): use feature `time-driver` instead and call \
                 `lull::time::on_tick()` from this task, or bind another interrupt",
                t.name()
            );
            out.push(quote_spanned! {b.span()=>
                const _: () = ::core::assert!(!#rt::SYSTICK_TAKEN, #msg);
            });
        }
        let p = t.priority;
        let msg = format!(
            "task `{}`: priority {p} is out of the device's range (1 ..= 2^NVIC_PRIO_BITS)",
            t.name()
        );
        out.push(quote_spanned! {t.priority_span=>
            const _: () = ::core::assert!((#p as u16) <= (1u16 << __lull_device::NVIC_PRIO_BITS), #msg);
        });
        cfg_from(&mut out, first, &t.cfgs);
    }

    // Resources are created by `init`, in thread mode. Any that a task (a
    // handler, priority >= 1) reaches has crossed from thread mode into
    // handler mode: it must be `Send`, or a thread-mode-only value (an
    // allocator handle, a `Box`/`Rc` on the thread-mode heap, an executor
    // handle) would reach a handler. Only `#[idle]` (thread mode) may keep
    // `!Send` resources to itself.
    for r in &app.shared {
        let first = out.len();
        let n = r.name.to_string();
        let ty = &r.ty;
        let reached_by_task = analysis
            .levels
            .get(&n)
            .is_some_and(|l| l.iter().any(|&p| p >= 1));
        if reached_by_task {
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn resources_reached_by_tasks_must_be_send<T: ?Sized + ::core::marker::Send>() {}
                    resources_reached_by_tasks_must_be_send::<#ty>();
                };
            });
        }
        let share_only = app
            .tasks
            .iter()
            .flat_map(|t| &t.shared)
            .chain(app.idle.iter().flat_map(|i| &i.shared))
            .any(|a| a.name == r.name && a.share_only);
        if share_only && analysis.crosses_levels(&n) {
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn shared_across_priorities_must_be_sync<T: ?Sized + ::core::marker::Sync>() {}
                    shared_across_priorities_must_be_sync::<#ty>();
                };
            });
        }
        // A hint, as a warning at the resource's name: a locked resource
        // whose users all run at one priority needs no lock at all.
        let levels = analysis.levels.get(&n);
        if let Some(&level) = levels.filter(|l| l.len() == 1).and_then(|l| l.first())
            && !share_only
            && !r.lock_free
            && level != 0
        {
            let hint = format_ident!("__lull_hint_lock_free_{}", r.name);
            let note = format!(
                "`{n}` is only used at priority {level}: mark the field `#[lock_free]` and use \
                 it as `&mut` without `lock` (allow this hint with `#[allow(deprecated)]` on the \
                 app module)"
            );
            let name = &r.name;
            out.push(quote_spanned! {name.span()=>
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                #[doc(hidden)]
                const #hint: () = ();
                const _: () = #hint;
            });
        }
        cfg_from(&mut out, first, &r.cfgs);
    }

    for r in &app.local {
        let owned_by_task = app.tasks.iter().any(|t| {
            t.local
                .iter()
                .any(|l| matches!(l, LocalRef::FromInit(n, _) if *n == r.name))
        });
        if owned_by_task {
            let first = out.len();
            let ty = &r.ty;
            out.push(quote_spanned! {ty.span()=>
                const _: fn() = || {
                    fn local_resources_of_tasks_must_be_send<T: ?Sized + ::core::marker::Send>() {}
                    local_resources_of_tasks_must_be_send::<#ty>();
                };
            });
            cfg_from(&mut out, first, &r.cfgs);
        }
    }

    // Cores without BASEPRI mask in ISER0/ICER0 only.
    for (irq, _, pred) in &super::interrupts_in_use(app, analysis) {
        let i = super::interrupt(irq);
        let msg = format!(
            "interrupt `{irq}` has a number of 32 or more: on cores without BASEPRI (ARMv6-M, \
             ARMv8-M Baseline) Lull's locks mask interrupts 0..32 only; bind tasks and \
             dispatchers to interrupts below 32"
        );
        out.push(quote_spanned! {irq.span()=>
            #[cfg(#pred)]
            const _: () = ::core::assert!((#i as u16) < #rt::NVIC_MASK_LIMIT, #msg);
        });
    }

    for t in app.tasks.iter().filter(|t| t.is_software()) {
        let first = out.len();
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
        cfg_from(&mut out, first, &t.cfgs);
    }

    for t in app.tasks.iter().filter(|t| t.generator.is_some()) {
        let first = out.len();
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
        cfg_from(&mut out, first, &t.cfgs);
    }

    quote!(#(#out)*)
}
