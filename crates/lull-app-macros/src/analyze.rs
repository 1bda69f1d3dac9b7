//! Analyze: what the code generator needs beyond the syntax — resource
//! ceilings (SRP), which priority levels reach each resource, which
//! dispatcher runs which level. (The generated code evaluates the app's
//! `#[cfg]`s in constant expressions; this analysis assumes every item is
//! enabled, which only ever over-approximates a ceiling.)

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident;

use crate::parse::App;

/// Facts derived from a checked [`App`].
pub struct Analysis {
    /// Ceiling of each shared resource: the highest priority among its users
    /// (0 when only `#[idle]` uses it).
    pub ceilings: BTreeMap<String, u8>,
    /// The priority levels that use each shared resource.
    pub levels: BTreeMap<String, BTreeSet<u8>>,
    /// Dispatcher interrupt of each software priority level.
    pub dispatchers: BTreeMap<u8, Ident>,
}

impl Analysis {
    /// Whether `resource` is reached from more than one priority level.
    pub fn crosses_levels(&self, resource: &str) -> bool {
        self.levels.get(resource).is_some_and(|l| l.len() > 1)
    }
}

pub fn analyze(app: &App) -> Analysis {
    let mut levels: BTreeMap<String, BTreeSet<u8>> = BTreeMap::new();
    if let Some(idle) = &app.idle {
        for a in &idle.shared {
            levels.entry(a.name.to_string()).or_default().insert(0);
        }
    }
    for t in &app.tasks {
        for a in &t.shared {
            levels
                .entry(a.name.to_string())
                .or_default()
                .insert(t.priority);
        }
    }
    let ceilings = app
        .shared
        .iter()
        .map(|r| {
            let n = r.name.to_string();
            let c = levels
                .get(&n)
                .and_then(|l| l.iter().max().copied())
                .unwrap_or(0);
            (n, c)
        })
        .collect();

    // Lowest software level gets the first listed dispatcher.
    let sw_levels: BTreeSet<u8> = app
        .tasks
        .iter()
        .filter(|t| t.is_software())
        .map(|t| t.priority)
        .collect();
    let dispatchers: BTreeMap<u8, Ident> = sw_levels
        .into_iter()
        .zip(app.args.dispatchers.iter().cloned())
        .collect();

    Analysis {
        ceilings,
        levels,
        dispatchers,
    }
}
