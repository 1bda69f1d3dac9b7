//! Resource storage and proxies.
//!
//! - `static __lull_shared_<r>` / `__lull_local_<r>`: filled from `init`'s
//!   return value; `__lull_<task>_local_<r>`: declared with their value.
//! - `__lull_shared::<r><'a>`: the plain-task proxy, holding a reference to
//!   the handler's stack-tracked priority (nested-lock optimisation).
//! - `__lull_gen_shared::<r>`: zero-sized proxy of generator tasks below the
//!   ceiling (reads BASEPRI, raises it with BASEPRI_MAX).
//! - `__lull_gen_shared_top::<r>`: zero-sized proxy of the highest-priority
//!   generator users and of lock-free resources: `lock` touches no register.
//! - `__lull_share_only::<r>`: zero-sized `Deref` proxy of share-only
//!   resources in generator tasks.
//!
//! Proxies are `pub(super)`: visible in the app module, like the user's own
//! items there, so a resource of a type private to that module works (a
//! `pub` proxy implementing `Mutex<T = Private>` would be E0446).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{
    cfg_attrs, cfg_pred, declared_static, exceptions_in_use, interrupt, interrupts_in_use,
    local_static, rt, shared_static,
};
use crate::analyze::Analysis;
use crate::parse::{App, LocalRef};

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut statics = Vec::new();
    let mut plain = Vec::new();
    let mut gen_low = Vec::new();
    let mut gen_top = Vec::new();
    let mut share_only = Vec::new();

    let interrupts = interrupts_in_use(app, analysis);
    let exceptions = exceptions_in_use(app);
    for r in &app.shared {
        let name = &r.name;
        let ty = &r.ty;
        let st = shared_static(name);
        let rcfg = cfg_attrs([&r.cfgs[..]]);
        statics.push(quote! {
            #rcfg
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            static #st: #rt::Slot<#ty> = #rt::Slot::new();
        });
        let ceiling = analysis.ceilings[&name.to_string()];
        // The ceiling and the mask are constants evaluated with the app's
        // `#[cfg]`s: a task that is configured out raises no ceiling.
        let mut users = Vec::new();
        if let Some(idle) = &app.idle {
            for a in idle.shared.iter().filter(|a| a.name == *name) {
                users.push((0u8, cfg_pred([&a.cfgs[..]])));
            }
        }
        for t in &app.tasks {
            for a in t.shared.iter().filter(|a| a.name == *name) {
                users.push((t.priority, cfg_pred([&t.cfgs[..], &a.cfgs[..]])));
            }
        }
        let raises = users
            .iter()
            .map(|(p, pred)| quote!(if ::core::cfg!(#pred) && #p > c { c = #p; }));
        let ceiling_const = format_ident!("__LULL_CEILING_{}", name);
        let mask_const = format_ident!("__LULL_MASK_{}", name);
        let masked = interrupts.iter().map(|(irq, p, pred)| {
            let i = interrupt(irq);
            quote! {
                | if ::core::cfg!(#pred) && #p <= #ceiling_const {
                    #rt::irq_bit(#i as u16)
                } else {
                    0
                }
            }
        });
        // On cores that lock by NVIC masking, SysTick and PendSV cannot be
        // masked: a lock whose ceiling covers such a task disables interrupts
        // (its lock ceiling is raised past every priority).
        let exc_below = exceptions
            .iter()
            .map(|(_, p, pred)| quote!(|| (::core::cfg!(#pred) && #p <= #ceiling_const)));
        let lock_ceiling_const = format_ident!("__LULL_LOCK_CEILING_{}", name);
        let lock_ceiling = if exceptions.is_empty() {
            quote!(#ceiling_const)
        } else {
            quote! {
                if #rt::NVIC_MASK_LIMIT != u16::MAX && (false #(#exc_below)*) {
                    u8::MAX
                } else {
                    #ceiling_const
                }
            }
        };
        statics.push(quote! {
            #rcfg
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            pub const #lock_ceiling_const: u8 = #lock_ceiling;
        });
        statics.push(quote! {
            #rcfg
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            pub const #ceiling_const: u8 = {
                #[allow(unused_mut)]
                let mut c: u8 = 0;
                #(#raises)*
                c
            };
            #rcfg
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            pub const #mask_const: u32 = 0 #(#masked)*;
        });
        let lock_doc = format!(
            "Runs `f` with exclusive access to `{name}`, raising the running priority to its ceiling ({ceiling})."
        );

        let traits =
            |generics: TokenStream, proxy: TokenStream, free: bool, priority: TokenStream| {
                quote! {
                    #rcfg
                    impl #generics #rt::Mutex for #proxy {
                        type T = #ty;
                        #[inline(always)]
                        fn lock<R>(&mut self, f: impl FnOnce(&mut #ty) -> R) -> R {
                            #name::lock(self, f)
                        }
                    }
                    // SAFETY: the resource's storage, lock ceiling and mask;
                    // `priority` is the owning task's (generator tasks read
                    // BASEPRI instead); `FREE` only for top-priority generator
                    // users, whom no other user can preempt.
                    #rcfg
                    unsafe impl #generics #rt::Proxy for #proxy {
                        type T = #ty;
                        const CEILING: u8 = super::#lock_ceiling_const;
                        const BITS: u8 = super::__lull_device::NVIC_PRIO_BITS;
                        const MASK: u32 = super::#mask_const;
                        const FREE: bool = #free;
                        #[inline(always)]
                        fn ptr(&self) -> *mut #ty {
                            super::#st.get()
                        }
                        #[inline(always)]
                        fn priority(&self) -> Option<&#rt::Priority> {
                            #priority
                        }
                    }
                }
            };
        let plain_traits = traits(
            quote!(<'a>),
            quote!(#name<'a>),
            false,
            quote!(Some(self.priority)),
        );
        let gen_low_traits = traits(quote!(), quote!(#name), false, quote!(None));
        let gen_top_traits = traits(quote!(), quote!(#name), true, quote!(None));

        plain.push(quote! {
            #rcfg
            #[doc = concat!("Proxy of shared resource `", stringify!(#name), "` in plain tasks.")]
            pub(super) struct #name<'a> {
                priority: &'a #rt::Priority,
            }
            #rcfg
            impl<'a> #name<'a> {
                #[doc(hidden)]
                #[inline(always)]
                pub unsafe fn new(priority: &'a #rt::Priority) -> Self {
                    #name { priority }
                }
                #[doc = #lock_doc]
                #[inline(always)]
                pub fn lock<R>(&mut self, f: impl FnOnce(&mut #ty) -> R) -> R {
                    // SAFETY: `self` exists only in the contexts of the
                    // resource's users; the ceiling covers all of them.
                    unsafe {
                        #rt::lock(
                            super::#st.get(),
                            self.priority,
                            super::#lock_ceiling_const,
                            super::__lull_device::NVIC_PRIO_BITS,
                            super::#mask_const,
                            f,
                        )
                    }
                }
            }
            #plain_traits
        });

        gen_low.push(quote! {
            #rcfg
            #[doc = concat!("Zero-sized proxy of `", stringify!(#name), "` in generator tasks below its ceiling.")]
            pub(super) struct #name {
                _not_send: #rt::PhantomData<*mut ()>,
            }
            #rcfg
            impl #name {
                #[doc(hidden)]
                #[inline(always)]
                pub const unsafe fn new() -> Self {
                    #name { _not_send: #rt::PhantomData }
                }
                #[doc = #lock_doc]
                #[inline(always)]
                pub fn lock<R>(&mut self, f: impl FnOnce(&mut #ty) -> R) -> R {
                    // SAFETY: as for the plain proxy; the dynamic priority
                    // is read from BASEPRI instead of a stack shadow.
                    unsafe {
                        #rt::lock_gen(super::#st.get(), super::#lock_ceiling_const, super::__lull_device::NVIC_PRIO_BITS, super::#mask_const, f)
                    }
                }
            }
            #gen_low_traits
        });

        gen_top.push(quote! {
            #rcfg
            #[doc = concat!("Zero-sized proxy of `", stringify!(#name), "` in its highest-priority generator tasks: `lock` is free.")]
            pub(super) struct #name {
                _not_send: #rt::PhantomData<*mut ()>,
            }
            #rcfg
            impl #name {
                #[doc(hidden)]
                #[inline(always)]
                pub const unsafe fn new() -> Self {
                    #name { _not_send: #rt::PhantomData }
                }
                /// Runs `f` with exclusive access: no task that uses the
                /// resource can preempt this one, so no register is touched.
                /// The closure keeps the `&mut` from living across a
                /// suspension point.
                #[inline(always)]
                pub fn lock<R>(&mut self, f: impl FnOnce(&mut #ty) -> R) -> R {
                    // SAFETY: the caller runs at the resource's ceiling (or
                    // the resource is lock-free: one priority level), and
                    // the borrow ends with `f`.
                    f(unsafe { &mut *super::#st.get() })
                }
            }
            #gen_top_traits
        });

        share_only.push(quote! {
            #rcfg
            #[doc = concat!("Zero-sized share-only proxy of `", stringify!(#name), "`: dereferences to it, may be held across suspension points.")]
            #[derive(Clone, Copy)]
            pub(super) struct #name {
                _not_send: #rt::PhantomData<*mut ()>,
            }
            #rcfg
            impl #name {
                #[doc(hidden)]
                #[inline(always)]
                pub const unsafe fn new() -> Self {
                    #name { _not_send: #rt::PhantomData }
                }
            }
            #rcfg
            impl ::core::ops::Deref for #name {
                type Target = #ty;
                #[inline(always)]
                fn deref(&self) -> &#ty {
                    // SAFETY: initialised before any task runs, and nobody
                    // takes `&mut` to a share-only resource.
                    unsafe { &*super::#st.get() }
                }
            }
        });
    }

    for r in &app.local {
        let st = local_static(&r.name);
        let ty = &r.ty;
        let lcfg = cfg_attrs([&r.cfgs[..]]);
        statics.push(quote! {
            #lcfg
            #[allow(non_upper_case_globals)]
            #[doc(hidden)]
            static #st: #rt::Slot<#ty> = #rt::Slot::new();
        });
    }

    let none: &[syn::Attribute] = &[];
    let mut declared: Vec<(&proc_macro2::Ident, &[LocalRef], &[syn::Attribute])> =
        vec![(&app.init.func.sig.ident, &app.init.local, none)];
    if let Some(idle) = &app.idle {
        declared.push((&idle.func.sig.ident, &idle.local, none));
    }
    for t in &app.tasks {
        declared.push((t.name(), &t.local, &t.cfgs));
    }
    for (task, list, tcfgs) in declared {
        for l in list {
            if let LocalRef::Declared {
                name,
                ty,
                expr,
                cfgs,
            } = l
            {
                let st = declared_static(task, name);
                let dcfg = cfg_attrs([tcfgs, &cfgs[..]]);
                statics.push(quote! {
                    #dcfg
                    #[allow(non_upper_case_globals)]
                    #[doc(hidden)]
                    static #st: #rt::InitCell<#ty> = #rt::InitCell::new(#expr);
                });
            }
        }
    }

    quote! {
        #(#statics)*

        #[doc = "Resource proxies of plain tasks."]
        #[allow(non_camel_case_types, dead_code, private_interfaces)]
        pub mod __lull_shared {
            #[allow(unused_imports)]
            use super::*;
            #(#plain)*
        }
        #[doc = "Zero-sized resource proxies of generator tasks."]
        #[allow(non_camel_case_types, dead_code, private_interfaces)]
        pub mod __lull_gen_shared {
            #[allow(unused_imports)]
            use super::*;
            #(#gen_low)*
        }
        #[doc = "Zero-sized resource proxies of highest-priority generator tasks."]
        #[allow(non_camel_case_types, dead_code, private_interfaces)]
        pub mod __lull_gen_shared_top {
            #[allow(unused_imports)]
            use super::*;
            #(#gen_top)*
        }
        #[doc = "Zero-sized share-only proxies of generator tasks."]
        #[allow(non_camel_case_types, dead_code, private_interfaces)]
        pub mod __lull_share_only {
            #[allow(unused_imports)]
            use super::*;
            #(#share_only)*
        }
    }
}
