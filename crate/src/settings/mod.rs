//! The settings and policy contract: every key an administrator or official
//! can set, with its type, limits, default, whether it can be locked, and its
//! texts in English and Bangla (`spec`); the one validator of policies and
//! stored options (`validate`), used natively by `sotorko policy check` and in
//! the browser through the WASM export `validatePolicy`; and the files
//! generated from the table (`emit`).
//!
//! A key with a problem keeps its built-in value and is reported per key in
//! both languages, so a policy can never lower protection without the
//! administrator seeing why (docs/deploy.md, "The settings contract").

mod check;
mod emit;
mod problem;
mod spec;
mod texts;
mod validate;

#[cfg(test)]
mod tests;

pub use check::{check_policy, PolicyCheck};
pub use emit::generated_files;
pub use problem::{bn_digits, PolicyError, Problem};
pub use spec::{
    key, AdmxKind, Choice, KeySpec, KeyTexts, Limits, Scope, Text, ValueType, ADAPTER_LABEL_LISTS,
    ADAPTER_SELECTOR_LISTS, KEYS, LABEL_LIST_PARTS, LIMITS, SEVERITY_CONTEXTS, SEVERITY_LEVELS,
};
pub use validate::{is_rule_id, validate_policy, Resolved};
