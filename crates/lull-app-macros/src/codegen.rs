//! Codegen: one submodule per generated artefact, assembled here into the
//! user's module.
//!
//! Layout of the expansion of `mod app { .. }`:
//!
//! ```text
//! mod app {
//!     use <device> as __lull_device;
//!     <the user's items, structs and functions, attributes removed>
//!     static __lull_shared_<r>, __lull_local_<r>, ..   (resources)
//!     mod __lull_shared / __lull_gen_shared / ..      (resource proxies)
//!     mod <task> { Context, SharedResources, .. }     (contexts, spawn)
//!     extern "C" fn <IRQ>()                            (hardware tasks, dispatchers)
//!     static __lull_<task>_gen, ..                     (generator state machines)
//!     extern "C" fn main()                             (init, priorities, idle)
//!     const _: () = ..                                 (compile-time checks)
//! }
//! ```

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::analyze::Analysis;
use crate::parse::App;

mod assertions;
mod context;
mod dispatchers;
mod generators;
mod hardware;
mod main;
mod resources;

/// Path of the runtime's hidden export module.
pub(crate) fn rt() -> TokenStream {
    quote!(::lull::__app_export)
}

/// Static holding shared resource `name`.
pub(crate) fn shared_static(name: &Ident) -> Ident {
    format_ident!("__lull_shared_{}", name)
}

/// Static holding `#[local]` resource `name`.
pub(crate) fn local_static(name: &Ident) -> Ident {
    format_ident!("__lull_local_{}", name)
}

/// Static holding a local resource declared in `task`'s attribute.
pub(crate) fn declared_static(task: &Ident, name: &Ident) -> Ident {
    format_ident!("__lull_{}_local_{}", task, name)
}

/// Per-task static `what` (queue, gen, arg, wake, waker, started).
pub(crate) fn task_static(task: &Ident, what: &str) -> Ident {
    format_ident!("__lull_{}_{}", task, what)
}

/// A record of the static storage `what` (`state` or `queue`) of `task` in
/// the firmware's non-allocated ELF section `.lull.app`, for
/// `cargo xtask task-sizes`: `u32` bytes, `u32` alignment, then
/// `<module path>::<task> <what>` NUL-terminated (the record sits next to
/// the `.lull.tasks` records of `lull-executor`'s spawns). Emitted only
/// for bare-metal ARM; no instruction, no flash, no RAM.
pub(crate) fn storage_record(
    task: &Ident,
    what: &str,
    bytes: TokenStream,
    align: TokenStream,
) -> TokenStream {
    let label = format!("::{task} {what}");
    quote! {
        #[cfg(all(target_arch = "arm", target_os = "none"))]
        ::core::arch::global_asm!(
            ".pushsection .lull.app,\"\",%progbits",
            ".p2align 2",
            ".4byte {bytes}",
            ".4byte {align}",
            concat!(".asciz \"", module_path!(), #label, "\""),
            ".popsection",
            bytes = const #bytes,
            align = const #align,
        );
    }
}

/// `#[cfg(..)]` attributes of several sources (task, list entry, resource
/// field), to put on one generated item.
pub(crate) fn cfg_attrs<'a>(
    sources: impl IntoIterator<Item = &'a [syn::Attribute]>,
) -> TokenStream {
    let attrs = sources.into_iter().flatten();
    quote!(#(#attrs)*)
}

/// The predicate (`all(..)`) under which all of `sources`' `#[cfg(..)]`s
/// hold, for `cfg!(..)` in constant expressions.
pub(crate) fn cfg_pred<'a>(sources: impl IntoIterator<Item = &'a [syn::Attribute]>) -> TokenStream {
    let preds = sources
        .into_iter()
        .flatten()
        .map(|a| a.parse_args::<TokenStream>().unwrap_or_default());
    quote!(all(#(#preds),*))
}

/// Every interrupt the app uses (bound tasks, dispatchers), its priority and
/// the predicate under which it is in use: a bound task's `#[cfg]`s, or for a
/// dispatcher, any of its tasks' `#[cfg]`s.
pub(crate) fn interrupts_in_use(app: &App, analysis: &Analysis) -> Vec<(Ident, u8, TokenStream)> {
    let mut out = Vec::new();
    for t in app.tasks.iter().filter(|t| !t.binds_exception()) {
        if let Some(b) = &t.binds {
            out.push((b.clone(), t.priority, cfg_pred([&t.cfgs[..]])));
        }
    }
    for (p, d) in &analysis.dispatchers {
        let preds = app
            .tasks
            .iter()
            .filter(|t| t.is_software() && t.priority == *p)
            .map(|t| cfg_pred([&t.cfgs[..]]));
        out.push((d.clone(), *p, quote!(any(#(#preds),*))));
    }
    out
}

/// Puts `cfgs` in front of every item of `items`.
pub(crate) fn cfg_each(cfgs: &TokenStream, items: TokenStream) -> TokenStream {
    if cfgs.is_empty() {
        return items;
    }
    let file: syn::File = match syn::parse2(items.clone()) {
        Ok(f) => f,
        Err(_) => return items,
    };
    let items = file.items.iter();
    quote!(#(#cfgs #items)*)
}

/// Puts `cfgs` (a task's or a resource's) on the items pushed to `out`
/// since index `first`.
pub(crate) fn cfg_from(out: &mut [TokenStream], first: usize, cfgs: &[syn::Attribute]) {
    let c = cfg_attrs([cfgs]);
    for item in &mut out[first..] {
        *item = cfg_each(&c, std::mem::take(item));
    }
}

/// The core exceptions (SysTick, PendSV) bound to tasks, with their
/// priorities and `#[cfg]` predicates.
pub(crate) fn exceptions_in_use(app: &App) -> Vec<(Ident, u8, TokenStream)> {
    app.tasks
        .iter()
        .filter(|t| t.binds_exception())
        .map(|t| {
            let b = t.binds.clone().expect("bound");
            (b, t.priority, cfg_pred([&t.cfgs[..]]))
        })
        .collect()
}

/// `__lull_device::Interrupt::<irq>`, as seen from the app module.
pub(crate) fn interrupt(irq: &Ident) -> TokenStream {
    quote!(__lull_device::Interrupt::#irq)
}

/// An identifier for a task's context value, spanned at the user's context
/// parameter: a mismatched `Context` type is reported there.
pub(crate) fn context_ident(f: &syn::ItemFn) -> Ident {
    use syn::spanned::Spanned;
    let span = match f.sig.inputs.first() {
        Some(syn::FnArg::Typed(pt)) => pt.ty.span(),
        _ => f.sig.ident.span(),
    };
    Ident::new("__lull_cx", span)
}

pub fn codegen(app: &App, analysis: &Analysis) -> TokenStream {
    let name = &app.name;
    let vis = &app.vis;
    let attrs = &app.attrs;
    let device = &app.args.device;
    let user_items = &app.user_items;
    let shared_struct = &app.shared_struct;
    let local_struct = &app.local_struct;
    let init_fn = &app.init.func;
    let idle_fn = app.idle.as_ref().map(|i| &i.func);
    // A constructor that only returns an `async` block is the intended shape,
    // not a missed `async fn`.
    let task_fns = app.tasks.iter().map(|t| {
        let f = &t.func;
        if t.generator.is_some() {
            quote!(#[allow(clippy::manual_async_fn)] #f)
        } else {
            quote!(#f)
        }
    });

    let resources = resources::codegen(app, analysis);
    let contexts = context::codegen(app, analysis);
    let hardware = hardware::codegen(app);
    let dispatchers = dispatchers::codegen(app, analysis);
    let generators = generators::codegen(app, analysis);
    let main = main::codegen(app, analysis);
    let assertions = assertions::codegen(app, analysis);
    let executor = executor_alias(app);
    let rt_path = rt();

    quote! {
        #(#attrs)*
        #vis mod #name {
            #[allow(unused_imports)]
            use #device as __lull_device;
            // Multi-resource locks: `(a, b).lock(|a, b| ..)`.
            #[allow(unused_imports)]
            use #rt_path::{Lock2 as _, Lock3 as _, Lock4 as _};

            #(#user_items)*

            #shared_struct
            #local_struct

            #init_fn
            #idle_fn
            #(#task_fns)*

            #resources
            #contexts
            #hardware
            #dispatchers
            #generators
            #main
            #assertions
            #executor
        }
    }
}

/// `executor = X`: the executor type as `__lull_executor::__LullExecutor`, so the
/// generated code finds `X` wherever the user could mean it: declared or
/// imported in the app module, or at the crate root (`lull::executor!` is
/// usually invoked there), or by a path relative to the app module.
fn executor_alias(app: &App) -> TokenStream {
    let Some(path) = &app.args.executor else {
        return TokenStream::new();
    };
    // The alias lives one module below the app: a path relative to the app
    // module (`self::..`, `super::..`) needs one more `super`.
    let mut path = path.clone();
    if let (None, Some(first)) = (path.leading_colon, path.segments.first_mut()) {
        if first.ident == "self" {
            first.ident = Ident::new("super", first.ident.span());
        } else if first.ident == "super" {
            let sup = syn::PathSegment::from(Ident::new("super", first.ident.span()));
            path.segments.insert(0, sup);
        }
    }
    quote! {
        #[doc(hidden)]
        mod __lull_executor {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use crate::*;
            /// The app's thread-mode executor (`executor = ..`).
            pub(super) type __LullExecutor = #path;
        }
    }
}
