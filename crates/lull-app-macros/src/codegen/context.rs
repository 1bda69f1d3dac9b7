//! Per-task modules: `<task>::Context` and its `SharedResources` /
//! `LocalResources`, plus `spawn` (software tasks) and `Trigger`/`next`
//! (generator tasks).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{cfg_attrs, declared_static, dispatchers, generators, local_static, rt, shared_static};
use crate::analyze::Analysis;
use crate::parse::{Access, App, LocalRef};

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let rt = rt();
    let mut out = Vec::new();

    // init
    let init = &app.init.func.sig.ident;
    let (local_fields, local_values) = locals(app, init, &app.init.local, true);
    out.push(quote! {
        #[doc = "Types of `#[init]`."]
        #[allow(non_snake_case, non_camel_case_types, dead_code, private_interfaces)]
        pub mod #init {
            #[allow(unused_imports)]
            use super::*;
            /// Execution context of `#[init]` (interrupts are disabled).
            pub struct Context {
                /// Core peripherals.
                pub core: #rt::cortex_m::Peripherals,
                /// Device peripherals.
                pub device: super::__lull_device::Peripherals,
                /// Local resources of `init` (`'static`: init runs once).
                pub local: LocalResources,
            }
            /// Local resources of `init`.
            pub struct LocalResources {
                #(#local_fields)*
            }
            impl Context {
                #[doc(hidden)]
                #[inline(always)]
                pub unsafe fn new(core: #rt::cortex_m::Peripherals) -> Self {
                    Context {
                        core,
                        // SAFETY: init owns every peripheral.
                        device: unsafe { super::__lull_device::Peripherals::steal() },
                        // SAFETY: init runs once; nothing else uses these.
                        local: unsafe { LocalResources { #(#local_values)* } },
                    }
                }
            }
        }
    });

    // idle
    if let Some(idle) = &app.idle {
        let name = &idle.func.sig.ident;
        out.push(plain_module(
            app,
            analysis,
            name,
            0,
            &idle.shared,
            &idle.local,
            true,
            TokenStream::new(),
            executor_fields(app),
            &[],
        ));
    }

    for t in &app.tasks {
        let name = t.name();
        if t.generator.is_some() {
            out.push(generator_module(app, analysis, t));
        } else {
            let spawn = if t.is_software() {
                dispatchers::spawn_fn(app, analysis, t)
            } else {
                TokenStream::new()
            };
            out.push(plain_module(
                app,
                analysis,
                name,
                t.priority,
                &t.shared,
                &t.local,
                false,
                spawn,
                ExtraFields::default(),
                &t.cfgs,
            ));
        }
    }

    quote!(#(#out)*)
}

/// Extra fields of a task's `Context`: declarations, a statement run
/// before the context is built, and the field initialisers.
#[derive(Default)]
struct ExtraFields {
    fields: TokenStream,
    prelude: TokenStream,
    values: TokenStream,
}

/// `executor = X`: idle's `executor` and `allocator` fields. Idle runs in
/// thread mode, where `X::get()` is `Some`.
fn executor_fields(app: &App) -> ExtraFields {
    if app.args.executor.is_none() {
        return ExtraFields::default();
    }
    let x = quote!(super::__lull_executor::__LullExecutor);
    ExtraFields {
        fields: quote! {
            /// The thread-mode executor handle (`executor = ..` of the app):
            /// `spawn` and `block_on` async code here.
            pub executor: #x,
            /// The executor's thread-mode allocator handle.
            pub allocator: <#x as ::lull::executor::raw::ExecutorType>::Allocator,
        },
        prelude: quote! {
            let (__executor, __allocator) = match <#x>::get() {
                ::core::option::Option::Some(handles) => handles,
                ::core::option::Option::None => ::core::panic!(
                    "`#[idle]` runs in thread mode, where the executor's `get()` is `Some`"
                ),
            };
        },
        values: quote!(executor: __executor, allocator: __allocator,),
    }
}

/// Field declarations and initialisers of `LocalResources`.
fn locals(
    app: &App,
    owner: &Ident,
    list: &[LocalRef],
    is_static: bool,
) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let lt = if is_static {
        quote!('static)
    } else {
        quote!('a)
    };
    let mut fields = Vec::new();
    let mut values = Vec::new();
    for l in list {
        let (name, ty, st, c) = match l {
            LocalRef::FromInit(name, cfgs) => {
                let res = app.local.iter().find(|r| r.name == *name).expect("checked");
                let c = cfg_attrs([&cfgs[..], &res.cfgs[..]]);
                (name, &res.ty, local_static(name), c)
            }
            LocalRef::Declared { name, ty, cfgs, .. } => (
                name,
                &**ty,
                declared_static(owner, name),
                cfg_attrs([&cfgs[..]]),
            ),
        };
        let doc = format!("Local resource `{name}`.");
        fields.push(quote! {
            #c
            #[doc = #doc]
            pub #name: &#lt mut #ty,
        });
        values.push(quote!(#c #name: &mut *super::#st.get(),));
    }
    (fields, values)
}

#[allow(clippy::too_many_arguments)]
fn plain_module(
    app: &App,
    analysis: &Analysis,
    name: &Ident,
    priority: u8,
    shared: &[Access],
    local: &[LocalRef],
    static_locals: bool,
    extra: TokenStream,
    cx_extra: ExtraFields,
    cfgs: &[syn::Attribute],
) -> TokenStream {
    let ExtraFields {
        fields: cx_fields,
        prelude: cx_prelude,
        values: cx_values,
    } = cx_extra;
    let rt = rt();
    let mut sfields = Vec::new();
    let mut svalues = Vec::new();
    for a in shared {
        let r = &a.name;
        let res = app.shared.iter().find(|s| s.name == *r).expect("checked");
        let ty = &res.ty;
        let st = shared_static(r);
        let c = cfg_attrs([&a.cfgs[..], &res.cfgs[..]]);
        if a.share_only {
            sfields
                .push(quote!(#c #[doc = "Share-only resource (no lock needed)."] pub #r: &'a #ty,));
            svalues.push(quote!(#c #r: &*super::#st.get(),));
        } else if res.lock_free {
            sfields.push(
                quote!(#c #[doc = "Lock-free resource (one priority level)."] pub #r: &'a mut #ty,),
            );
            svalues.push(quote!(#c #r: &mut *super::#st.get(),));
        } else {
            let ceiling = analysis.ceilings[&r.to_string()];
            let doc = format!("Shared resource `{r}` (ceiling {ceiling}): `.lock(|{r}| ..)`.");
            sfields.push(quote!(#c #[doc = #doc] pub #r: super::__lull_shared::#r<'a>,));
            svalues.push(quote!(#c #r: super::__lull_shared::#r::new(priority),));
        }
    }
    let (lfields, lvalues) = locals(app, name, local, static_locals);
    let doc = format!("Types of task `{name}` (priority {priority}).");
    let cfgs = cfg_attrs([cfgs]);
    quote! {
        #cfgs
        #[doc = #doc]
        #[allow(non_snake_case, non_camel_case_types, dead_code, private_interfaces)]
        pub mod #name {
            #[allow(unused_imports)]
            use super::*;
            /// Execution context.
            pub struct Context<'a> {
                /// Shared resources.
                pub shared: SharedResources<'a>,
                /// Local resources.
                pub local: LocalResources<'a>,
                #cx_fields
            }
            /// Shared resources of this task.
            pub struct SharedResources<'a> {
                #(#sfields)*
                __marker: #rt::PhantomData<&'a ()>,
            }
            /// Local resources of this task.
            pub struct LocalResources<'a> {
                #(#lfields)*
                __marker: #rt::PhantomData<&'a ()>,
            }
            impl<'a> Context<'a> {
                #[doc(hidden)]
                #[inline(always)]
                pub unsafe fn new(priority: &'a #rt::Priority) -> Self {
                    let _ = priority;
                    #cx_prelude
                    // SAFETY: the caller is this task's handler; SRP makes
                    // the accesses the fields allow exclusive.
                    unsafe {
                        Context {
                            shared: SharedResources { #(#svalues)* __marker: #rt::PhantomData },
                            local: LocalResources { #(#lvalues)* __marker: #rt::PhantomData },
                            #cx_values
                        }
                    }
                }
            }
            #extra
        }
    }
}

fn generator_module(app: &App, analysis: &Analysis, t: &crate::parse::Task) -> TokenStream {
    let rt = rt();
    let name = t.name();
    let mut sfields = Vec::new();
    let mut svalues = Vec::new();
    for a in &t.shared {
        let r = &a.name;
        let res = app.shared.iter().find(|s| s.name == *r).expect("checked");
        let c = cfg_attrs([&a.cfgs[..], &res.cfgs[..]]);
        let ceiling = analysis.ceilings[&r.to_string()];
        let module = if a.share_only {
            format_ident!("__lull_share_only")
        } else if res.lock_free || t.priority >= ceiling {
            format_ident!("__lull_gen_shared_top")
        } else {
            format_ident!("__lull_gen_shared")
        };
        let doc = format!("Zero-sized proxy of `{r}`.");
        sfields.push(quote!(#c #[doc = #doc] pub #r: super::#module::#r,));
        svalues.push(quote!(#c #r: super::#module::#r::new(),));
    }
    let (lfields, lvalues) = locals(app, name, &t.local, true);
    let trigger = generators::trigger_items(app, t);
    let spawn = if t.is_software() {
        dispatchers::spawn_fn(app, analysis, t)
    } else {
        TokenStream::new()
    };
    let doc = format!(
        "Types of generator task `{name}` (priority {}).",
        t.priority
    );
    let cfgs = cfg_attrs([&t.cfgs[..]]);
    quote! {
        #cfgs
        #[doc = #doc]
        #[allow(non_snake_case, non_camel_case_types, dead_code, private_interfaces)]
        pub mod #name {
            #[allow(unused_imports)]
            use super::*;
            /// Context of the constructor; move it into the state machine.
            pub struct Context {
                /// Zero-sized shared-resource proxies: `lock` (a closure,
                /// so no `&mut` lives across a suspension point) or `Deref`
                /// (share-only).
                pub shared: SharedResources,
                /// `&'static mut` local resources.
                pub local: LocalResources,
                /// Suspension point and baseline (`Copy`, zero-sized).
                pub trigger: Trigger,
            }
            /// Shared resources of this generator task (zero-sized).
            pub struct SharedResources {
                #(#sfields)*
                __marker: #rt::PhantomData<*mut ()>,
            }
            /// Local resources of this generator task.
            pub struct LocalResources {
                #(#lfields)*
            }
            impl Context {
                #[doc(hidden)]
                #[inline(always)]
                pub unsafe fn new() -> Self {
                    // SAFETY: called once, by `main`, before interrupts are
                    // enabled: the `'static` locals are unique.
                    unsafe {
                        Context {
                            shared: SharedResources { #(#svalues)* __marker: #rt::PhantomData },
                            local: LocalResources { #(#lvalues)* },
                            trigger: Trigger::new(),
                        }
                    }
                }
            }
            /// Size in bytes of this task's state machine (its static
            /// storage is this, rounded up to 8).
            pub const STATE_BYTES: usize = #rt::gen_bytes(&super::#name);
            #trigger
            #spawn
        }
    }
}
