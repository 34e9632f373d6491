//! The whole verdict on a policy, as `sotorko policy check` prints it and the
//! extension's options page shows it: the contract's per-key errors, then
//! the problems found building the checking engine from the valid values
//! (a custom rule pack that does not load, a rule id that names no rule).

use super::problem::PolicyError;
use super::validate::{validate_policy, Resolved};
use crate::config::EngineConfig;
use crate::engine::Engine;
use crate::model::Message;
use serde::Serialize;
use serde_json::{Map, Value};

/// A policy's validation and the engine's diagnostics on its valid values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyCheck {
    /// The contract's verdict: valid values, locked keys, per-key errors.
    pub resolved: Resolved,
    /// Problems found building the engine (with the errors' shape).
    pub engine: Vec<PolicyError>,
}

impl PolicyCheck {
    /// True when neither the contract nor the engine found a problem.
    pub fn is_valid(&self) -> bool {
        self.resolved.is_valid() && self.engine.is_empty()
    }

    /// Every problem, the contract's first.
    pub fn problems(&self) -> impl Iterator<Item = &PolicyError> {
        self.resolved.errors.iter().chain(&self.engine)
    }
}

/// Validates `raw` and builds the engine from its valid engine keys, as the
/// extension does when the policy arrives.
pub fn check_policy(raw: &Value) -> PolicyCheck {
    let resolved = validate_policy(raw);
    let engine_values: Map<String, Value> = resolved
        .values
        .iter()
        .filter(|(k, _)| super::key(k).is_some_and(|s| s.engine))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let (config, mut diags) = EngineConfig::from_json(&Value::Object(engine_values));
    let (_, build) = Engine::build(&config);
    diags.extend(build);
    let engine = diags
        .into_iter()
        .map(|d| PolicyError {
            path: d.key.clone(),
            message: Message {
                bn: format!("{}: যাচাই ইঞ্জিন এই মান প্রয়োগ করতে পারেনি: {}", d.key, d.message),
                en: format!("{}: {}", d.key, d.message),
            },
            key: d.key,
        })
        .collect();
    PolicyCheck { resolved, engine }
}
