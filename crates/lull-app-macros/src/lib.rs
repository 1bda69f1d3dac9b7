//! The `#[lull::app]` procedural macro (documented on `lull::app`).
//!
//! It runs four stages, each a module readable on its own:
//!
//! 1. `parse`: the attribute and the module into an `App` (syntax only);
//! 2. `check`: relations that make an app invalid (unknown resources,
//!    interrupts bound twice, missing dispatchers, ...), with spans at the
//!    user's code;
//! 3. `analyze`: resource ceilings, the priority levels of each resource,
//!    dispatcher assignment;
//! 4. `codegen`: one module per generated artefact.
//!
//! `analyze_app` runs the first three without a target, so they are unit
//! tested on the host. Set `LULL_APP_EXPAND=<dir>` while building to get the
//! expanded code, formatted, in `<dir>/<module>.rs`.

use proc_macro::TokenStream;

mod analyze;
mod check;
mod codegen;
mod parse;
#[cfg(test)]
mod tests;

/// Parses, checks and analyzes an app without generating code.
pub(crate) fn analyze_app(
    args: proc_macro2::TokenStream,
    input: proc_macro2::TokenStream,
) -> syn::Result<(parse::App, analyze::Analysis)> {
    let app = parse::parse(args, input)?;
    check::check(&app)?;
    let analysis = analyze::analyze(&app);
    Ok((app, analysis))
}

/// The whole pipeline: tokens in, expanded tokens out.
pub(crate) fn expand(
    args: proc_macro2::TokenStream,
    input: proc_macro2::TokenStream,
) -> syn::Result<proc_macro2::TokenStream> {
    let (app, analysis) = analyze_app(args, input)?;
    Ok(codegen::codegen(&app, &analysis))
}

/// Turns a module into a real-time application; see `lull::app`.
#[proc_macro_attribute]
pub fn app(args: TokenStream, input: TokenStream) -> TokenStream {
    match expand(args.into(), input.into()) {
        Ok(out) => {
            if let Some(dir) = std::env::var_os("LULL_APP_EXPAND") {
                write_expansion(std::path::Path::new(&dir), &out);
            }
            out.into()
        }
        Err(e) => e.to_compile_error().into(),
    }
}

/// Writes the expansion, formatted, for users to read. Failures only warn:
/// the build itself does not depend on the file.
fn write_expansion(dir: &std::path::Path, out: &proc_macro2::TokenStream) {
    let text = match syn::parse2::<syn::File>(out.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => out.to_string(),
    };
    let name = syn::parse2::<syn::ItemMod>(out.clone())
        .map(|m| m.ident.to_string())
        .unwrap_or_else(|_| "app".into());
    let crate_name = std::env::var("CARGO_CRATE_NAME").unwrap_or_default();
    let path = dir.join(format!("{crate_name}-{name}.rs"));
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, text)) {
        eprintln!("warning: lull::app could not write {}: {e}", path.display());
    }
}
