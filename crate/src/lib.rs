//! Sotorko's core: checks a social-media draft against the Bangladesh
//! government's social-media guideline for public servants, in Bangla script,
//! English and romanised Bangla, and reports each risky span with the clause
//! it breaks.
//!
//! ```
//! use sotorko::{Context, Engine};
//! let engine = Engine::default_pack().expect("the default pack is valid");
//! let report = engine.check("শুভ সকাল", Context::Official);
//! assert!(report.findings.iter().all(|f| f.excerpt == "শুভ সকাল"[f.start..f.end]));
//! ```

#![warn(missing_docs)]

pub mod config;
pub mod engine;
pub mod model;
pub mod normalize;
pub mod rules;
pub mod settings;
pub mod snapshot;
pub mod stance;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::{Diagnostic, EngineConfig, SeverityOverride};
pub use engine::{Engine, EngineError};
pub use model::{Category, Context, Finding, Message, Report, Severity, Summary};
pub use rules::{PackError, Problem, Rule, RuleInfo, RulePack};

/// Validates a stand-alone rule pack (as `sotorko rules lint FILE` does):
/// format, limits, regexes and every rule's own examples. The default pack's
/// sets may be used. Returns every problem found; empty when the pack is valid.
pub fn lint(name: &str, toml: &str) -> Vec<Problem> {
    let base = RulePack::default_pack().ok();
    match RulePack::standalone(name, toml, base.as_ref()) {
        Err(e) => e.problems,
        Ok(pack) => example_problems(name, pack),
    }
}

/// Validates a pack meant for the `customRules` option: it is added to the
/// default pack, so `[pack]` is optional, the default pack's sets may be used
/// and its rule ids may not be reused. Runs the pack's own examples too.
/// Returns every problem found; empty when the pack is valid.
pub fn lint_custom(toml: &str) -> Vec<Problem> {
    let base = RulePack::default_pack().unwrap_or_default();
    match RulePack::custom(toml, &base) {
        Err(e) => e.problems,
        Ok(pack) => example_problems("customRules", pack),
    }
}

/// Builds an engine from a loaded pack and runs the rules' own examples; an
/// engine that cannot be built is one problem of `file`.
fn example_problems(file: &str, pack: RulePack) -> Vec<Problem> {
    match Engine::from_pack(pack, &rules::Terms::default()) {
        Ok(engine) => engine.example_failures(),
        Err(e) => vec![Problem {
            file: Some(file.to_owned()),
            line: None,
            rule: None,
            message: e.to_string(),
        }],
    }
}
