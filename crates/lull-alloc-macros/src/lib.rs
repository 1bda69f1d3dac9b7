//! The `#[allocator]` and `#[oom]` attributes of `lull-alloc`.
//!
//! Use them through `lull_alloc` (or the `lull` umbrella crate), which
//! documents them. This crate only rewrites syntax: parsing, validation with
//! errors that point at the user's code, and the `static mut` memory blocks of
//! an initializer. Everything that runs lives in `lull_alloc::__private`.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::{format_ident, quote};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Item, ItemStatic, Meta, Stmt, Token};

/// Declares a thread-mode allocator; see `lull_alloc::allocator`.
#[proc_macro_attribute]
pub fn allocator(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_allocator(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Registers the out-of-memory hook; see `lull_alloc::oom`.
#[proc_macro_attribute]
pub fn oom(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_oom(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

struct Args {
    lazy: bool,
    /// `memory = N`: a block of `N` bytes the heap gets at the first `get()`.
    memory: Option<Expr>,
    krate: Option<syn::Path>,
}

fn parse_args(args: TokenStream2) -> syn::Result<Args> {
    let metas = Punctuated::<Meta, Token![,]>::parse_terminated.parse2(args)?;
    let mut parsed = Args {
        lazy: false,
        memory: None,
        krate: None,
    };
    for meta in metas {
        match &meta {
            Meta::Path(path) if path.is_ident("lazy") => {
                if parsed.lazy {
                    return Err(syn::Error::new_spanned(meta, "`lazy` is given twice"));
                }
                parsed.lazy = true;
            }
            Meta::NameValue(nv) if nv.path.is_ident("memory") => {
                if parsed.memory.is_some() {
                    return Err(syn::Error::new_spanned(meta, "`memory` is given twice"));
                }
                parsed.memory = Some(nv.value.clone());
            }
            Meta::NameValue(nv) if nv.path.is_ident("crate") => {
                let Expr::Path(path) = &nv.value else {
                    return Err(syn::Error::new_spanned(
                        &nv.value,
                        "expected a path to `lull_alloc`, e.g. `crate = lull::alloc`",
                    ));
                };
                parsed.krate = Some(path.path.clone());
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    meta,
                    "unknown argument: `#[allocator]` takes `lazy`, `memory = N` and `crate = path`",
                ));
            }
        }
    }
    if let (true, Some(memory)) = (parsed.lazy, &parsed.memory) {
        return Err(syn::Error::new_spanned(
            memory,
            "`memory = N` goes with a constant initializer; a `lazy` initializer \
             declares its memory itself, with `static mut` inside it",
        ));
    }
    Ok(parsed)
}

/// The path to `lull_alloc` as seen from the crate being compiled: the
/// umbrella's `::lull::alloc` if the crate depends on `lull` but not on
/// `lull-alloc` directly, `::lull_alloc` otherwise.
fn crate_path() -> TokenStream2 {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(|dir| std::path::PathBuf::from(dir).join("Cargo.toml"))
        .and_then(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_default();
    let mentions = |name: &str| {
        manifest.lines().any(|line| {
            let line = line.trim();
            line.starts_with(&format!("{name} "))
                || line.starts_with(&format!("{name}="))
                || line.starts_with(&format!("{name}."))
                || line.starts_with(&format!("[dependencies.{name}]"))
                || line.contains(&format!("package = \"{name}\""))
        })
    };
    let own = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
    if own == "lull-alloc" || mentions("lull-alloc") || !mentions("lull") {
        quote!(::lull_alloc)
    } else {
        quote!(::lull::alloc)
    }
}

fn expand_allocator(args: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    let args = parse_args(args)?;
    let item: Item = syn::parse2(item)?;
    let Item::Static(item) = item else {
        return Err(syn::Error::new(
            item.span(),
            "`#[allocator]` goes on a static item: `#[allocator] static A: Heap = ...;`",
        ));
    };
    let ItemStatic {
        attrs,
        vis,
        ident: name,
        ty,
        expr,
        ..
    } = item;
    let krate = match args.krate {
        Some(path) => quote!(#path),
        None => crate_path(),
    };
    let private = quote!(#krate::__private);
    let init = rewrite_memory_blocks(*expr, &private);
    let (docs, others): (Vec<_>, Vec<_>) = attrs
        .into_iter()
        .partition(|attr| attr.path().is_ident("doc"));

    let state = format_ident!("__LULL_ALLOC_STATE");
    let heap = format_ident!("__LULL_ALLOC_HEAP");
    let init_fn = format_ident!("__lull_alloc_init");
    // A lazy heap is written by its initializer; every other heap is built
    // by its constant initializer, at compile time.
    let (storage_ty, storage_init) = if args.lazy {
        (
            quote!(#private::LazyHeap<#ty>),
            quote!(#private::LazyHeap::new()),
        )
    } else {
        (
            quote!(#private::EagerHeap<#ty>),
            quote!(#private::EagerHeap::new(#init)),
        )
    };
    // What the first `get()` in Thread mode does, if anything (then `get()`
    // goes through the lazy state): the statics it needs and its body.
    let first_get = if let Some(bytes) = &args.memory {
        // Hand the constant heap its block, in place.
        let block = format_ident!("__LULL_ALLOC_MEMORY");
        // Spanned at `N`, so that a heap without `AddMemory` is reported
        // there (it names only statics, which `macro_rules!` hygiene does
        // not hide when `N` comes from one).
        let span = bytes.span();
        let (heap_at_n, block_at_n) = (
            format_ident!("{heap}", span = span),
            format_ident!("{block}", span = span),
        );
        let statics = quote! {
            static #block: #private::Memory<#private::Block<{ #bytes }>> =
                #private::Memory::new(#private::Block::new());
        };
        let body = quote::quote_spanned! {span=>
            // SAFETY: the lazy `get()` runs this once, in Thread mode,
            // before any handle exists.
            unsafe { #private::add_block(&#heap_at_n, &#block_at_n) }
        };
        Some((statics, body))
    } else if args.lazy {
        // Build the heap and write it into its static.
        let body = quote! {
            // The initializer is the body of a function that returns the
            // heap: `return` in it must return a heap (a bare `return;`
            // would otherwise leave the slot unwritten).
            #[inline(always)]
            fn build() -> #ty {
                #init
            }
            // SAFETY: the lazy `get()` runs this once, in Thread mode,
            // before any handle exists: the only reference to the heap's
            // storage.
            let slot = unsafe { #heap.slot() };
            slot.write(build());
        };
        Some((quote!(), body))
    } else {
        None
    };
    let (extra, get) = match first_get {
        Some((statics, body)) => (
            quote! {
                static #state: #private::LazyState = #private::LazyState::new();
                #statics
                #[cold]
                #[inline(never)]
                fn #init_fn() {
                    #body
                }
            },
            quote!(#krate::__lazy_get!(#state, #init_fn)),
        ),
        None => (quote!(), quote!(#private::eager_get())),
    };
    let doc_get = format!(
        "Returns a handle to `{name}` in Thread mode, and `None` in an exception or interrupt handler."
    );
    let name_str = name.to_string();

    Ok(quote! {
        #(#docs)*
        #[derive(Clone, Copy)]
        // The name is a static's, conventionally `SCREAMING_SNAKE_CASE`.
        #[allow(non_camel_case_types)]
        #vis struct #name(#private::Token<#name>);

        impl #name {
            #[doc = #doc_get]
            #[inline(always)]
            #[allow(dead_code)]
            pub fn get() -> ::core::option::Option<Self> {
                <Self as #krate::ThreadModeAllocator>::get()
            }
        }

        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#name_str)
            }
        }

        const _: () = {
            #(#others)*
            static #heap: #storage_ty = #storage_init;
            #extra

            // SAFETY: `get` returns `Some` only in Thread mode, after the heap
            // is initialized, and is the only safe way to make a handle: its
            // field, `Token<Self>`, comes only from `Token::new` (unsafe) or
            // from another handle of this same type. `Token` makes the handle
            // `!Send` and `!Sync`; every handle uses the one static heap.
            unsafe impl #krate::ThreadModeAllocator for #name {
                type Heap = #ty;

                #[inline(always)]
                fn get() -> ::core::option::Option<Self> {
                    if #get {
                        // SAFETY: checked for Thread mode (and initialized).
                        ::core::option::Option::Some(#name(unsafe { #private::Token::new() }))
                    } else {
                        ::core::option::Option::None
                    }
                }

                #[inline(always)]
                fn heap(self) -> *mut #ty {
                    #heap.as_ptr()
                }
            }

            // SAFETY: forwards to the heap, which the `Heap` contract makes a
            // correct allocator; handles are copies of one allocator.
            unsafe impl #private::allocator_api2::alloc::Allocator for #name {
                #[inline]
                fn allocate(
                    &self,
                    layout: ::core::alloc::Layout,
                ) -> ::core::result::Result<
                    ::core::ptr::NonNull<[u8]>,
                    #private::allocator_api2::alloc::AllocError,
                > {
                    #private::allocate(*self, layout)
                }

                #[inline]
                unsafe fn deallocate(&self, ptr: ::core::ptr::NonNull<u8>, layout: ::core::alloc::Layout) {
                    // SAFETY: the caller upholds `Allocator::deallocate`'s contract.
                    unsafe { #private::deallocate(*self, ptr, layout) }
                }

                #[inline]
                unsafe fn grow(
                    &self,
                    ptr: ::core::ptr::NonNull<u8>,
                    old: ::core::alloc::Layout,
                    new: ::core::alloc::Layout,
                ) -> ::core::result::Result<
                    ::core::ptr::NonNull<[u8]>,
                    #private::allocator_api2::alloc::AllocError,
                > {
                    // SAFETY: the caller upholds `Allocator::grow`'s contract.
                    unsafe { #private::grow(*self, ptr, old, new) }
                }

                #[inline]
                unsafe fn shrink(
                    &self,
                    ptr: ::core::ptr::NonNull<u8>,
                    old: ::core::alloc::Layout,
                    new: ::core::alloc::Layout,
                ) -> ::core::result::Result<
                    ::core::ptr::NonNull<[u8]>,
                    #private::allocator_api2::alloc::AllocError,
                > {
                    // SAFETY: the caller upholds `Allocator::shrink`'s contract.
                    unsafe { #private::shrink(*self, ptr, old, new) }
                }
            }
        };
    })
}

/// In the initializer's outermost block, replaces each
/// `static mut NAME: T = INIT;` with a binding `NAME: &'static mut T` to a
/// block stored in an ordinary static and handed out once.
fn rewrite_memory_blocks(expr: Expr, private: &TokenStream2) -> TokenStream2 {
    let (unsafety, mut block) = match expr {
        Expr::Block(b) if b.label.is_none() && b.attrs.is_empty() => (None, b.block),
        Expr::Unsafe(u) if u.attrs.is_empty() => (Some(u.unsafe_token), u.block),
        other => return quote!(#other),
    };
    let stmts = std::mem::take(&mut block.stmts);
    let mut out = Vec::with_capacity(stmts.len());
    for stmt in stmts {
        match stmt {
            Stmt::Item(Item::Static(s))
                if matches!(s.mutability, syn::StaticMutability::Mut(_)) =>
            {
                let ItemStatic {
                    attrs,
                    ident,
                    ty,
                    expr,
                    ..
                } = s;
                out.push(quote! {
                    #[allow(non_snake_case)]
                    let #ident: &'static mut #ty = {
                        #(#attrs)*
                        static #ident: #private::Memory<#ty> = #private::Memory::new(#expr);
                        // SAFETY: the initializer runs once, so this block is
                        // handed out once.
                        unsafe { #ident.take() }
                    };
                });
            }
            other => out.push(quote!(#other)),
        }
    }
    let unsafety = unsafety.map(|u| quote!(#u));
    quote!(#unsafety { #(#out)* })
}

fn expand_oom(args: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    if !args.is_empty() {
        return Err(syn::Error::new_spanned(args, "`#[oom]` takes no arguments"));
    }
    let item: Item = syn::parse2(item)?;
    let Item::Fn(f) = item else {
        return Err(syn::Error::new(
            item.span(),
            "`#[oom]` goes on a function: `#[oom] fn oom(layout: core::alloc::Layout) -> ! { .. }`",
        ));
    };
    let sig = &f.sig;
    if let Some(a) = &sig.asyncness {
        return Err(syn::Error::new(
            a.span,
            "the `#[oom]` hook cannot be `async`",
        ));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        return Err(syn::Error::new_spanned(
            &sig.generics,
            "the `#[oom]` hook cannot be generic",
        ));
    }
    if sig.inputs.len() != 1 {
        return Err(syn::Error::new_spanned(
            &sig.inputs,
            "the `#[oom]` hook takes exactly one argument, the `core::alloc::Layout`",
        ));
    }
    match &sig.output {
        syn::ReturnType::Type(_, ty) if matches!(**ty, syn::Type::Never(_)) => {}
        syn::ReturnType::Type(_, ty) => {
            return Err(syn::Error::new_spanned(
                ty,
                "the `#[oom]` hook must not return: declare it `-> !`",
            ));
        }
        syn::ReturnType::Default => {
            return Err(syn::Error::new(
                sig.paren_token.span.close(),
                "the `#[oom]` hook must not return: declare it `-> !`",
            ));
        }
    }
    let name = &sig.ident;
    Ok(quote! {
        #f

        // The signature, checked by the compiler.
        const _: fn(::core::alloc::Layout) -> ! = #name;

        // Defines `__lull_alloc_oom`, which `lull_alloc` references weakly, as
        // an alias of the hook. The definition is itself weak so that it can
        // share one assembly unit with that reference under LTO.
        #[cfg(all(target_arch = "arm", target_os = "none"))]
        ::core::arch::global_asm!(
            ".weak __lull_alloc_oom",
            ".thumb_set __lull_alloc_oom, {hook}",
            hook = sym #name,
        );

        // Weak definitions do not clash, so a second hook would be dropped
        // without a word. Two items per hook make it an error that names the
        // rule instead. A `#[macro_export]` macro lives at the crate root
        // whichever module the hook is in, so a second hook in the same
        // crate is refused by `cargo check` already ("the name ... is
        // defined multiple times"). A strong, zero-sized symbol catches a
        // second hook in another crate of the program: "duplicate symbol"
        // from the linker, or "symbol multiply defined" under LTO. Nothing
        // references the symbol, so `--gc-sections` drops it (0 bytes).
        #[doc(hidden)]
        #[macro_export]
        macro_rules! __lull_alloc_oom__one_hook_per_program {
            () => {};
        }
        const _: () = {
            #[doc(hidden)]
            #[unsafe(no_mangle)]
            #[allow(non_upper_case_globals)]
            static __lull_alloc_oom__one_hook_per_program: () = ();
        };
    })
}
