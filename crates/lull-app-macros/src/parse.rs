//! Parse: `#[lull::app(..)] mod app { .. }` into an [`App`].
//!
//! Only syntax is checked here (attribute shapes, signatures); relations
//! between items (unknown resources, ceilings, dispatchers) are `check`'s.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Attribute, Error, Expr, FnArg, Ident, Item, ItemFn, ItemMod, ItemStruct, LitInt, Pat, Path,
    ReturnType, Token, Type, TypeParamBound, bracketed,
};

/// Arguments of `#[lull::app(..)]`.
pub struct Args {
    /// `device = path`: the PAC (needs `Interrupt`, `NVIC_PRIO_BITS`,
    /// `Peripherals`).
    pub device: Path,
    /// `dispatchers = [IRQ, ..]`: free interrupts that run software tasks.
    pub dispatchers: Vec<Ident>,
    /// Span of the `dispatchers` key (or the whole attribute when absent).
    pub dispatchers_span: Span,
    /// `monotonic = path`: gives generator tasks `cx.started()`.
    pub monotonic: Option<Path>,
    /// `executor = X`: a thread-mode executor (`lull::executor!(name = X,
    /// ..)`) whose handles `#[idle]` gets as `cx.executor`/`cx.allocator`.
    pub executor: Option<Path>,
}

/// A resource of the `#[shared]` struct.
pub struct SharedRes {
    pub name: Ident,
    pub ty: Type,
    pub lock_free: bool,
    /// The field's `#[cfg(..)]` attributes.
    pub cfgs: Vec<Attribute>,
}

/// A resource of the `#[local]` struct.
pub struct LocalRes {
    pub name: Ident,
    pub ty: Type,
    /// The field's `#[cfg(..)]` attributes.
    pub cfgs: Vec<Attribute>,
}

/// An entry of a task's `shared = [..]` list.
#[derive(Clone)]
pub struct Access {
    pub name: Ident,
    /// `&name`: share-only, no lock.
    pub share_only: bool,
    /// The entry's `#[cfg(..)]` attributes.
    pub cfgs: Vec<Attribute>,
}

/// An entry of a task's `local = [..]` list.
pub enum LocalRef {
    /// `name`: a field of the `#[local]` struct, initialised by `init`
    /// (with the entry's `#[cfg(..)]` attributes).
    FromInit(Ident, Vec<Attribute>),
    /// `name: Type = expr`: declared (and initialised) right here.
    Declared {
        name: Ident,
        ty: Box<Type>,
        expr: Box<Expr>,
        cfgs: Vec<Attribute>,
    },
}

impl LocalRef {
    pub fn name(&self) -> &Ident {
        match self {
            LocalRef::FromInit(n, _) => n,
            LocalRef::Declared { name, .. } => name,
        }
    }
}

/// The `#[cfg(..)]` attributes among `attrs` (kept on the user's item too).
pub fn cfgs_of(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .cloned()
        .collect()
}

/// How a generator task's state machine is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    /// `-> impl Future<Output = Infallible>` (stable).
    Async,
    /// `-> impl Coroutine<..>` (nightly feature).
    Coroutine,
}

/// `#[init]`.
pub struct Init {
    pub func: ItemFn,
    pub local: Vec<LocalRef>,
}

/// `#[idle]`.
pub struct Idle {
    pub func: ItemFn,
    pub shared: Vec<Access>,
    pub local: Vec<LocalRef>,
}

/// `#[task]`.
pub struct Task {
    pub func: ItemFn,
    /// The function's `#[cfg(..)]` attributes: every generated item of the
    /// task carries them.
    pub cfgs: Vec<Attribute>,
    pub binds: Option<Ident>,
    pub priority: u8,
    pub priority_span: Span,
    pub capacity: usize,
    pub shared: Vec<Access>,
    pub local: Vec<LocalRef>,
    /// Plain software task inputs: `(pattern, type)`.
    pub inputs: Vec<(Box<Pat>, Box<Type>)>,
    /// `Some` for generator tasks.
    pub generator: Option<GenKind>,
    /// `resume = Type`: a software generator task's spawn input.
    pub resume: Option<Type>,
}

/// Every core exception name (the `cortex-m-rt` handler names). Tasks may
/// bind `SysTick` and `PendSV` (configurable priority, masked by BASEPRI, on
/// every Cortex-M profile); `check` refuses the others.
pub const CORE_EXCEPTIONS: &[&str] = &[
    "NonMaskableInt",
    "HardFault",
    "MemoryManagement",
    "BusFault",
    "UsageFault",
    "SecureFault",
    "SVCall",
    "DebugMonitor",
    "PendSV",
    "SysTick",
];

impl Task {
    pub fn name(&self) -> &Ident {
        &self.func.sig.ident
    }
    /// Bound to a core exception (SysTick, PendSV), not an NVIC interrupt.
    pub fn binds_exception(&self) -> bool {
        self.binds
            .as_ref()
            .is_some_and(|b| CORE_EXCEPTIONS.contains(&b.to_string().as_str()))
    }
    pub fn is_software(&self) -> bool {
        self.binds.is_none()
    }
}

/// The parsed application.
pub struct App {
    pub args: Args,
    pub name: Ident,
    pub vis: syn::Visibility,
    pub attrs: Vec<Attribute>,
    pub shared_struct: ItemStruct,
    pub shared: Vec<SharedRes>,
    pub local_struct: ItemStruct,
    pub local: Vec<LocalRes>,
    pub init: Init,
    pub idle: Option<Idle>,
    pub tasks: Vec<Task>,
    /// Everything else the user wrote in the module (kept as is).
    pub user_items: Vec<Item>,
}

/// Parses the attribute arguments and the module.
pub fn parse(args: TokenStream, input: TokenStream) -> syn::Result<App> {
    let args = parse_args(args)?;
    let module: ItemMod = syn::parse2(input)?;
    let Some((_, items)) = module.content else {
        return Err(Error::new(
            module.span(),
            "`#[lull::app]` needs an inline module: `mod app { .. }`",
        ));
    };

    let mut shared_struct = None;
    let mut local_struct = None;
    let mut init = None;
    let mut idle = None;
    let mut tasks = Vec::new();
    let mut user_items = Vec::new();

    for item in items {
        match item {
            Item::Struct(mut s) if has_attr(&s.attrs, "shared") => {
                take_attr(&mut s.attrs, "shared");
                if shared_struct.is_some() {
                    return Err(Error::new(s.ident.span(), "a second `#[shared]` struct"));
                }
                shared_struct = Some(s);
            }
            Item::Struct(mut s) if has_attr(&s.attrs, "local") => {
                take_attr(&mut s.attrs, "local");
                if local_struct.is_some() {
                    return Err(Error::new(s.ident.span(), "a second `#[local]` struct"));
                }
                local_struct = Some(s);
            }
            Item::Fn(mut f) => {
                if let Some(a) = take_attr(&mut f.attrs, "init") {
                    if init.is_some() {
                        return Err(Error::new(
                            f.sig.ident.span(),
                            "a second `#[init]` function",
                        ));
                    }
                    init = Some(parse_init(a, f)?);
                } else if let Some(a) = take_attr(&mut f.attrs, "idle") {
                    if idle.is_some() {
                        return Err(Error::new(
                            f.sig.ident.span(),
                            "a second `#[idle]` function",
                        ));
                    }
                    idle = Some(parse_idle(a, f)?);
                } else if let Some(a) = take_attr(&mut f.attrs, "task") {
                    tasks.push(parse_task(a, f)?);
                } else {
                    user_items.push(Item::Fn(f));
                }
            }
            other => user_items.push(other),
        }
    }

    let span = module.ident.span();
    let shared_struct = shared_struct
        .ok_or_else(|| Error::new(span, "missing the `#[shared] struct Shared { .. }`"))?;
    let local_struct = local_struct
        .ok_or_else(|| Error::new(span, "missing the `#[local] struct Local { .. }`"))?;
    let init = init.ok_or_else(|| Error::new(span, "missing the `#[init]` function"))?;

    let mut shared = Vec::new();
    let mut shared_struct = shared_struct;
    for field in shared_struct.fields.iter_mut() {
        let lock_free = take_attr(&mut field.attrs, "lock_free").is_some();
        let name = field
            .ident
            .clone()
            .ok_or_else(|| Error::new(field.span(), "resources must be named fields"))?;
        shared.push(SharedRes {
            name,
            ty: field.ty.clone(),
            lock_free,
            cfgs: cfgs_of(&field.attrs),
        });
    }
    let mut local = Vec::new();
    for field in local_struct.fields.iter() {
        let name = field
            .ident
            .clone()
            .ok_or_else(|| Error::new(field.span(), "resources must be named fields"))?;
        local.push(LocalRes {
            name,
            ty: field.ty.clone(),
            cfgs: cfgs_of(&field.attrs),
        });
    }

    Ok(App {
        args,
        name: module.ident,
        vis: module.vis,
        attrs: module.attrs,
        shared_struct,
        shared,
        local_struct,
        local,
        init,
        idle,
        tasks,
        user_items,
    })
}

fn has_attr(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

fn take_attr(attrs: &mut Vec<Attribute>, name: &str) -> Option<Attribute> {
    let i = attrs.iter().position(|a| a.path().is_ident(name))?;
    Some(attrs.remove(i))
}

fn parse_args(args: TokenStream) -> syn::Result<Args> {
    let mut device = None;
    let mut dispatchers = Vec::new();
    let mut dispatchers_span = Span::call_site();
    let mut monotonic = None;
    let mut executor = None;
    let parser = |input: ParseStream| -> syn::Result<()> {
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "device" => device = Some(input.parse::<Path>()?),
                "monotonic" => monotonic = Some(input.parse::<Path>()?),
                "executor" => executor = Some(input.parse::<Path>()?),
                "dispatchers" => {
                    dispatchers_span = key.span();
                    let content;
                    bracketed!(content in input);
                    dispatchers = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?
                        .into_iter()
                        .collect();
                }
                _ => {
                    return Err(Error::new(
                        key.span(),
                        "unknown argument: expected `device`, `dispatchers`, `monotonic` or `executor`",
                    ));
                }
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(())
    };
    parser.parse2(args)?;
    let device =
        device.ok_or_else(|| Error::new(Span::call_site(), "missing `device = <PAC path>`"))?;
    Ok(Args {
        device,
        dispatchers,
        dispatchers_span,
        monotonic,
        executor,
    })
}

/// `#[cfg(..)]` attributes in front of a list entry (no other attribute).
fn parse_entry_cfgs(input: ParseStream) -> syn::Result<Vec<Attribute>> {
    let attrs = input.call(Attribute::parse_outer)?;
    for a in &attrs {
        if !a.path().is_ident("cfg") {
            return Err(Error::new(
                a.span(),
                "only `#[cfg(..)]` may stand in front of a resource in a task's list",
            ));
        }
    }
    Ok(attrs)
}

/// `shared = [a, &b]`.
fn parse_access_list(input: ParseStream) -> syn::Result<Vec<Access>> {
    let content;
    bracketed!(content in input);
    let mut out = Vec::new();
    while !content.is_empty() {
        let cfgs = parse_entry_cfgs(&content)?;
        let share_only = content.parse::<Option<Token![&]>>()?.is_some();
        let name: Ident = content.parse()?;
        out.push(Access {
            name,
            share_only,
            cfgs,
        });
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

/// `local = [a, b: T = expr]`.
fn parse_local_list(input: ParseStream) -> syn::Result<Vec<LocalRef>> {
    let content;
    bracketed!(content in input);
    let mut out = Vec::new();
    while !content.is_empty() {
        let cfgs = parse_entry_cfgs(&content)?;
        let name: Ident = content.parse()?;
        if content.peek(Token![:]) {
            content.parse::<Token![:]>()?;
            let ty: Type = content.parse()?;
            content.parse::<Token![=]>()?;
            let expr: Expr = content.parse()?;
            out.push(LocalRef::Declared {
                name,
                ty: Box::new(ty),
                expr: Box::new(expr),
                cfgs,
            });
        } else {
            out.push(LocalRef::FromInit(name, cfgs));
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

/// Attribute arguments shared by `#[init]`, `#[idle]` and `#[task]`.
#[derive(Default)]
struct TaskArgs {
    binds: Option<Ident>,
    priority: Option<(u8, Span)>,
    capacity: Option<(usize, Span)>,
    shared: Option<(Vec<Access>, Span)>,
    local: Vec<LocalRef>,
    resume: Option<Type>,
}

fn parse_task_args(attr: &Attribute, allowed: &[&str]) -> syn::Result<TaskArgs> {
    let mut out = TaskArgs::default();
    if matches!(attr.meta, syn::Meta::Path(_)) {
        return Ok(out);
    }
    attr.parse_args_with(|input: ParseStream| {
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            let k = key.to_string();
            if !allowed.contains(&k.as_str()) {
                return Err(Error::new(
                    key.span(),
                    format!(
                        "unexpected `{k}` here: expected one of {}",
                        allowed.join(", ")
                    ),
                ));
            }
            input.parse::<Token![=]>()?;
            match k.as_str() {
                "binds" => out.binds = Some(input.parse()?),
                "priority" => {
                    if !input.peek(LitInt) {
                        let e: Expr = input.parse()?;
                        return Err(Error::new_spanned(
                            e,
                            "`priority` takes an integer literal, e.g. `priority = 2`: the macro \
                             computes resource ceilings from it while expanding, before constants \
                             can be evaluated, so a `const` or expression cannot be used here",
                        ));
                    }
                    let lit: LitInt = input.parse()?;
                    let p = lit
                        .base10_parse::<u8>()
                        .map_err(|_| Error::new(lit.span(), "priority must be in 1..=255"))?;
                    out.priority = Some((p, lit.span()));
                }
                "capacity" => {
                    let lit: LitInt = input.parse()?;
                    let c = lit.base10_parse::<usize>()?;
                    if c == 0 || c > 254 {
                        return Err(Error::new(lit.span(), "capacity must be in 1..=254"));
                    }
                    out.capacity = Some((c, lit.span()));
                }
                "shared" => {
                    let span = key.span();
                    out.shared = Some((parse_access_list(input)?, span));
                }
                "local" => out.local = parse_local_list(input)?,
                "resume" => out.resume = Some(input.parse()?),
                _ => unreachable!("filtered by `allowed`"),
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Rejects what no task function may be: generic, async, unsafe, ...
fn check_plain_fn(f: &ItemFn, what: &str) -> syn::Result<()> {
    let sig = &f.sig;
    if let Some(a) = &sig.asyncness {
        return Err(Error::new(
            a.span(),
            format!(
                "{what} cannot be `async fn`: write a generator task instead, `fn {}(cx: {}::Context) -> impl Future<Output = Infallible>` returning an `async move` block",
                sig.ident, sig.ident
            ),
        ));
    }
    if let Some(u) = &sig.unsafety {
        return Err(Error::new(u.span(), format!("{what} cannot be `unsafe`")));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        return Err(Error::new(
            sig.generics.span(),
            format!("{what} cannot be generic"),
        ));
    }
    if let Some(v) = &sig.variadic {
        return Err(Error::new(v.span(), format!("{what} cannot be variadic")));
    }
    if let Some(c) = &sig.constness {
        return Err(Error::new(c.span(), format!("{what} cannot be `const`")));
    }
    if let Some(abi) = &sig.abi {
        return Err(Error::new(abi.span(), format!("{what} cannot have an ABI")));
    }
    match sig.inputs.first() {
        Some(FnArg::Typed(_)) => Ok(()),
        Some(FnArg::Receiver(r)) => Err(Error::new(r.span(), format!("{what} cannot take `self`"))),
        None => Err(Error::new(
            sig.paren_token.span.join(),
            format!(
                "{what} takes its context first: `cx: {}::Context`",
                sig.ident
            ),
        )),
    }
}

fn parse_init(attr: Attribute, func: ItemFn) -> syn::Result<Init> {
    let args = parse_task_args(&attr, &["local"])?;
    check_plain_fn(&func, "`#[init]`")?;
    if func.sig.inputs.len() != 1 {
        return Err(Error::new(
            func.sig.inputs.span(),
            "`#[init]` takes exactly one argument: `cx: init::Context`",
        ));
    }
    if matches!(func.sig.output, ReturnType::Default) {
        return Err(Error::new(
            func.sig.ident.span(),
            "`#[init]` must return the resources: `-> (Shared, Local)`",
        ));
    }
    Ok(Init {
        func,
        local: args.local,
    })
}

fn parse_idle(attr: Attribute, func: ItemFn) -> syn::Result<Idle> {
    let args = parse_task_args(&attr, &["shared", "local"])?;
    check_plain_fn(&func, "`#[idle]`")?;
    if func.sig.inputs.len() != 1 {
        return Err(Error::new(
            func.sig.inputs.span(),
            "`#[idle]` takes exactly one argument: `cx: idle::Context`",
        ));
    }
    let never = matches!(&func.sig.output, ReturnType::Type(_, t) if matches!(**t, Type::Never(_)));
    if !never {
        return Err(Error::new(
            func.sig
                .output
                .span()
                .join(func.sig.ident.span())
                .unwrap_or(func.sig.ident.span()),
            "`#[idle]` never returns: its signature is `fn idle(cx: idle::Context) -> !`",
        ));
    }
    Ok(Idle {
        func,
        shared: args.shared.map(|s| s.0).unwrap_or_default(),
        local: args.local,
    })
}

fn parse_task(attr: Attribute, func: ItemFn) -> syn::Result<Task> {
    let args = parse_task_args(
        &attr,
        &["binds", "priority", "capacity", "shared", "local", "resume"],
    )?;
    check_plain_fn(&func, "a task")?;
    let name = func.sig.ident.clone();

    let (priority, priority_span) = args.priority.unwrap_or((1, attr.span()));
    if priority == 0 {
        return Err(Error::new(
            priority_span,
            "task priorities start at 1 (priority 0 is `#[idle]`'s)",
        ));
    }

    let generator = match &func.sig.output {
        ReturnType::Default => None,
        ReturnType::Type(_, ty) => Some(generator_kind(ty, &name)?),
    };

    let mut inputs = Vec::new();
    for arg in func.sig.inputs.iter().skip(1) {
        let FnArg::Typed(pt) = arg else {
            unreachable!("receiver rejected above")
        };
        inputs.push((pt.pat.clone(), pt.ty.clone()));
    }
    if let Some(first) = func.sig.inputs.iter().nth(1) {
        if args.binds.is_some() {
            return Err(Error::new(
                first.span(),
                "hardware tasks take no inputs (their interrupt carries none): remove this argument, or drop `binds` to make a software task",
            ));
        }
        if generator.is_some() {
            return Err(Error::new(
                first.span(),
                "a generator-task constructor takes only its context: declare the spawn input with `resume = Type` and receive it with `cx.next().await`",
            ));
        }
    }
    if let Some(ty) = &args.resume
        && (generator.is_none() || args.binds.is_some())
    {
        return Err(Error::new(
            ty.span(),
            "`resume` is the input of a *software generator* task; plain software tasks take their inputs as arguments",
        ));
    }
    if let (Some(_), Some((_, span))) = (&args.binds, &args.capacity) {
        return Err(Error::new(
            *span,
            "`capacity` is for software tasks (a hardware task has `binds`)",
        ));
    }

    Ok(Task {
        cfgs: cfgs_of(&func.attrs),
        binds: args.binds,
        priority,
        priority_span,
        capacity: args.capacity.map(|c| c.0).unwrap_or(1),
        shared: args.shared.map(|s| s.0).unwrap_or_default(),
        local: args.local,
        inputs,
        generator,
        resume: args.resume,
        func,
    })
}

/// A task returning `impl Future<..>` (or `impl Coroutine<..>`) is a
/// generator-task constructor.
fn generator_kind(ty: &Type, name: &Ident) -> syn::Result<GenKind> {
    let wrong = || {
        Error::new(
            ty.span(),
            format!(
                "a task returns nothing, or a state machine (generator task): `fn {name}(cx: {name}::Context) -> impl Future<Output = Infallible>`"
            ),
        )
    };
    let Type::ImplTrait(it) = ty else {
        return Err(wrong());
    };
    for bound in &it.bounds {
        if let TypeParamBound::Trait(tb) = bound {
            let last = tb.path.segments.last().map(|s| s.ident.to_string());
            match last.as_deref() {
                Some("Future") => return Ok(GenKind::Async),
                Some("Coroutine") => {
                    if cfg!(feature = "nightly") {
                        return Ok(GenKind::Coroutine);
                    }
                    return Err(Error::new(
                        tb.span(),
                        "`impl Coroutine` generator tasks need the `nightly` feature of `lull`; on stable return `impl Future<Output = Infallible>`",
                    ));
                }
                _ => {}
            }
        }
    }
    Err(wrong())
}

impl Parse for Access {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let cfgs = parse_entry_cfgs(input)?;
        let share_only = input.parse::<Option<Token![&]>>()?.is_some();
        Ok(Access {
            name: input.parse()?,
            share_only,
            cfgs,
        })
    }
}
