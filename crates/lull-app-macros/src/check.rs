//! Check: relations between the parsed items that make an app invalid.
//!
//! Every error points at the user's code. What the macro cannot know (the
//! device's priority bits, `Send`-ness of types) is asserted by the generated
//! code instead, with spans at the user's tokens (see `codegen::assertions`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use syn::Error;

use crate::parse::{App, LocalRef};

/// Accumulates errors so the user sees all of them at once.
struct Errors(Option<Error>);

impl Errors {
    fn push(&mut self, e: Error) {
        match &mut self.0 {
            Some(all) => all.combine(e),
            None => self.0 = Some(e),
        }
    }
}

pub fn check(app: &App) -> syn::Result<()> {
    let mut errs = Errors(None);

    // The executor's handles exist for idle alone (thread mode).
    if let (Some(exec), None) = (&app.args.executor, &app.idle) {
        errs.push(Error::new(
            syn::spanned::Spanned::span(exec),
            "`executor = ..` hands the executor to `#[idle]`, and this app has no `#[idle]` \
             function: add `#[idle] fn idle(cx: idle::Context) -> !` or remove the argument",
        ));
    }

    let shared: HashMap<String, &crate::parse::SharedRes> =
        app.shared.iter().map(|r| (r.name.to_string(), r)).collect();
    let local: BTreeSet<String> = app.local.iter().map(|r| r.name.to_string()).collect();

    // Shared resources: known, listed once per task, share-only everywhere or nowhere.
    let mut share_only_by: BTreeMap<String, (bool, String)> = BTreeMap::new();
    let mut users: Vec<(String, &[crate::parse::Access])> = Vec::new();
    if let Some(idle) = &app.idle {
        users.push(("idle".into(), &idle.shared));
    }
    for t in &app.tasks {
        users.push((t.name().to_string(), &t.shared));
    }
    for (who, list) in &users {
        let mut seen = BTreeSet::new();
        for a in list.iter() {
            let n = a.name.to_string();
            let Some(res) = shared.get(&n) else {
                errs.push(Error::new(
                    a.name.span(),
                    format!(
                        "unknown shared resource `{n}`: it is not a field of the `#[shared]` struct"
                    ),
                ));
                continue;
            };
            if !seen.insert(n.clone()) {
                errs.push(Error::new(a.name.span(), format!("`{n}` is listed twice")));
            }
            if a.share_only && res.lock_free {
                errs.push(Error::new(
                    a.name.span(),
                    format!("`{n}` is `#[lock_free]`: list it without `&`"),
                ));
            }
            match share_only_by.get(&n) {
                Some((so, other)) if *so != a.share_only => errs.push(Error::new(
                    a.name.span(),
                    format!(
                        "`{n}` is share-only (`&{n}`) in one task and locked in another (`{other}` and `{who}`): a resource is either share-only for all its users or for none"
                    ),
                )),
                Some(_) => {}
                None => {
                    share_only_by.insert(n, (a.share_only, who.clone()));
                }
            }
        }
    }

    // Local resources: known, owned by one task.
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let mut local_lists: Vec<(String, &[LocalRef])> = vec![("init".into(), &app.init.local)];
    if let Some(idle) = &app.idle {
        local_lists.push(("idle".into(), &idle.local));
    }
    for t in &app.tasks {
        local_lists.push((t.name().to_string(), &t.local));
    }
    for (who, list) in &local_lists {
        for l in list.iter() {
            if let LocalRef::FromInit(name, _) = l {
                let n = name.to_string();
                if who == "init" {
                    errs.push(Error::new(
                        name.span(),
                        "`#[init]` creates the `#[local]` resources; declare its own as `name: Type = value`",
                    ));
                    continue;
                }
                if !local.contains(&n) {
                    errs.push(Error::new(
                        name.span(),
                        format!("unknown local resource `{n}`: it is not a field of the `#[local]` struct"),
                    ));
                    continue;
                }
                if let Some(prev) = owner.insert(n.clone(), who.clone()) {
                    errs.push(Error::new(
                        name.span(),
                        format!("local resource `{n}` already belongs to `{prev}`: a local resource has one task"),
                    ));
                }
            }
        }
    }

    // Task names: one module per task, so names are unique (init and idle
    // included).
    let mut names: BTreeMap<String, proc_macro2::Span> = BTreeMap::new();
    let mut fns = vec![&app.init.func.sig.ident];
    fns.extend(app.idle.iter().map(|i| &i.func.sig.ident));
    fns.extend(app.tasks.iter().map(|t| t.name()));
    for ident in fns {
        if names.insert(ident.to_string(), ident.span()).is_some() {
            errs.push(Error::new(
                ident.span(),
                format!(
                    "a task named `{ident}` is already defined in this app: each task (and \
                     `init`, `idle`) gets a module of its name, so names must differ"
                ),
            ));
        }
    }

    // Core exceptions: SysTick and PendSV are tasks like interrupts; the
    // others are not (no configurable priority, or reserved).
    for t in &app.tasks {
        let Some(b) = &t.binds else { continue };
        let name = b.to_string();
        if !crate::parse::CORE_EXCEPTIONS.contains(&name.as_str()) {
            continue;
        }
        let why = match name.as_str() {
            "SysTick" | "PendSV" if t.generator.is_some() => Some(format!(
                "a generator task cannot bind the core exception `{name}` (its wakers pend NVIC \
                 interrupts): make it a plain hardware task, or bind a device interrupt"
            )),
            "SysTick" | "PendSV" => None,
            "SVCall" => Some(
                "`SVCall` is reserved: `#[lull::app]` builds generator tasks in it; bind \
                 `PendSV`, `SysTick` or a device interrupt"
                    .to_string(),
            ),
            "NonMaskableInt" | "HardFault" => Some(format!(
                "`{name}` has a fixed priority above every other and cannot be masked, so it \
                 cannot share resources under SRP: define it with cortex-m-rt's `#[exception]` \
                 outside the app"
            )),
            _ => Some(format!(
                "`{name}` is a fault or debug exception, not a task: define it with \
                 cortex-m-rt's `#[exception]` outside the app; tasks may bind `SysTick`, \
                 `PendSV` or a device interrupt"
            )),
        };
        if let Some(why) = why {
            errs.push(Error::new(b.span(), why));
            continue;
        }
        if name == "SysTick"
            && app
                .args
                .monotonic
                .as_ref()
                .and_then(|m| m.segments.last())
                .is_some_and(|s| s.ident == "SysTick")
        {
            errs.push(Error::new(
                b.span(),
                "`monotonic = ..SysTick` runs SysTick as a free-running counter with its \
                 interrupt off: a task bound to `SysTick` would never run; bind another \
                 interrupt or use another monotonic",
            ));
        }
    }

    // Interrupts: bound once, not dispatchers.
    let dispatchers: BTreeSet<String> =
        app.args.dispatchers.iter().map(|d| d.to_string()).collect();
    let mut seen_disp = BTreeSet::new();
    for d in &app.args.dispatchers {
        if crate::parse::CORE_EXCEPTIONS.contains(&d.to_string().as_str()) {
            errs.push(Error::new(
                d.span(),
                format!("`{d}` is a core exception: dispatchers are free device interrupts"),
            ));
        }
        if !seen_disp.insert(d.to_string()) {
            errs.push(Error::new(
                d.span(),
                format!("dispatcher `{d}` is listed twice"),
            ));
        }
    }
    let mut bound: BTreeMap<String, String> = BTreeMap::new();
    for t in &app.tasks {
        if let Some(b) = &t.binds {
            let irq = b.to_string();
            if dispatchers.contains(&irq) {
                errs.push(Error::new(
                    b.span(),
                    format!(
                        "`{irq}` is a dispatcher (it runs software tasks): a task cannot bind it"
                    ),
                ));
            }
            if let Some(prev) = bound.insert(irq.clone(), t.name().to_string()) {
                errs.push(Error::new(
                    b.span(),
                    format!("interrupt `{irq}` is already bound to task `{prev}`"),
                ));
            }
        }
    }

    // One dispatcher per software priority level.
    let sw_levels: BTreeSet<u8> = app
        .tasks
        .iter()
        .filter(|t| t.is_software())
        .map(|t| t.priority)
        .collect();
    if sw_levels.len() > app.args.dispatchers.len() {
        errs.push(Error::new(
            app.args.dispatchers_span,
            format!(
                "software tasks use {} priority level(s) ({}) but {} dispatcher(s) are listed: add free interrupts to `dispatchers = [..]`",
                sw_levels.len(),
                sw_levels.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", "),
                app.args.dispatchers.len()
            ),
        ));
    }

    // `#[lock_free]`: a single priority level.
    for r in app.shared.iter().filter(|r| r.lock_free) {
        let mut prios = BTreeSet::new();
        if app
            .idle
            .as_ref()
            .is_some_and(|i| i.shared.iter().any(|a| a.name == r.name))
        {
            prios.insert(0u8);
        }
        for t in &app.tasks {
            if t.shared.iter().any(|a| a.name == r.name) {
                prios.insert(t.priority);
            }
        }
        if prios.len() > 1 {
            errs.push(Error::new(
                r.name.span(),
                format!(
                    "`#[lock_free]` resource `{}` is used at priorities {}: lock-free resources must stay at one priority level",
                    r.name,
                    prios.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" and ")
                ),
            ));
        }
    }

    // Local declarations of one task: distinct names.
    for (_, list) in &local_lists {
        let mut seen = BTreeSet::new();
        for l in list.iter() {
            if !seen.insert(l.name().to_string()) {
                errs.push(Error::new(
                    l.name().span(),
                    format!("`{}` is listed twice", l.name()),
                ));
            }
        }
    }

    match errs.0 {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
