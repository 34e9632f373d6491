//! Administrator options applied on top of the default pack (the `config`
//! object of the WASM API, usually from browser policy).
//!
//! Building from a config never fails as a whole: each bad key (or bad entry
//! of a key) is reported as a [`Diagnostic`] and ignored, falling back to its
//! default.

use crate::model::{Category, Context, Severity};
use crate::rules::{parse_level, ContextSeverity};
use crate::settings::{self, PolicyError, Problem};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A problem with one configuration key; the key was ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The top-level config key, e.g. `customRules`.
    pub key: String,
    /// What is wrong, for an administrator.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(key: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            key: key.to_owned(),
            message: message.into(),
        }
    }
}

/// A severity override for one or both contexts. `None` leaves a context as it
/// is; `Some(None)` turns the rule off there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeverityOverride {
    /// Override for official accounts.
    pub official: Option<Option<Severity>>,
    /// Override for personal profiles.
    pub personal: Option<Option<Severity>>,
}

impl SeverityOverride {
    pub(crate) fn apply(&self, to: &mut ContextSeverity) {
        if let Some(s) = self.official {
            to.set(Context::Official, s);
        }
        if let Some(s) = self.personal {
            to.set(Context::Personal, s);
        }
    }
}

/// Options on top of the default pack. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EngineConfig {
    /// A TOML rule pack added to the default pack (`customRules`).
    pub custom_rules: Option<String>,
    /// Categories that are checked (`enabledCategories`); `None` means all.
    pub enabled_categories: Option<Vec<Category>>,
    /// Severity per category (`categorySeverity`).
    pub category_severity: BTreeMap<Category, SeverityOverride>,
    /// Severity per rule id (`ruleSeverity`); wins over `category_severity`.
    pub rule_severity: BTreeMap<String, SeverityOverride>,
    /// Extra terms flagged with the category's default text (`extraTerms`).
    pub extra_terms: BTreeMap<Category, Vec<String>>,
    /// Terms never flagged by any rule (`allowedTerms`).
    pub allowed_terms: Vec<String>,
    /// `stanceModel`: `false` switches the stance model off (rules with a `model`
    /// matcher then match only through their other matchers). `None`: on.
    pub model: Option<bool>,
}

impl EngineConfig {
    /// Reads a config from JSON (the WASM API's plain object). Each key is
    /// checked by the settings contract ([`crate::settings::validate_policy`],
    /// the same check as policy): a key with a problem is reported and keeps
    /// its built-in value; keys that are not engine settings are reported and
    /// ignored; `null` values are skipped.
    pub fn from_json(value: &Value) -> (EngineConfig, Vec<Diagnostic>) {
        let mut config = EngineConfig::default();
        let mut diags = Vec::new();
        let obj = match value {
            Value::Null => return (config, diags),
            Value::Object(o) => o,
            other => {
                let e = PolicyError::new("config", "config", &Problem::NotAnObject(other.clone()));
                diags.push(Diagnostic::new("config", e.message.en));
                return (config, diags);
            }
        };
        let mut engine_keys = serde_json::Map::new();
        for (key, v) in obj {
            if v.is_null() {
                continue;
            }
            match settings::key(key) {
                Some(spec) if spec.engine => {
                    engine_keys.insert(key.clone(), v.clone());
                }
                spec => {
                    let problem = match spec {
                        Some(_) => Problem::NotAnEngineKey,
                        None => Problem::UnknownKey { suggestion: None },
                    };
                    let e = PolicyError::new(key, key, &problem);
                    diags.push(Diagnostic::new(key, e.message.en));
                }
            }
        }
        let resolved = settings::validate_policy(&Value::Object(engine_keys));
        diags.extend(
            resolved
                .errors
                .into_iter()
                .map(|e| Diagnostic::new(&e.key, e.message.en)),
        );
        for (key, v) in &resolved.values {
            match key.as_str() {
                "customRules" => config.custom_rules = v.as_str().map(str::to_owned),
                "enabledCategories" => {
                    config.enabled_categories = Some(
                        strings(v)
                            .filter_map(|c| c.parse::<Category>().ok())
                            .collect(),
                    );
                }
                "categorySeverity" => {
                    for (name, pair) in v.as_object().into_iter().flatten() {
                        if let Ok(c) = name.parse::<Category>() {
                            config.category_severity.insert(c, severity_override(pair));
                        }
                    }
                }
                "ruleSeverity" => {
                    for (id, pair) in v.as_object().into_iter().flatten() {
                        config
                            .rule_severity
                            .insert(id.clone(), severity_override(pair));
                    }
                }
                "extraTerms" => {
                    for (name, list) in v.as_object().into_iter().flatten() {
                        if let Ok(c) = name.parse::<Category>() {
                            config
                                .extra_terms
                                .entry(c)
                                .or_default()
                                .extend(strings(list).map(str::to_owned));
                        }
                    }
                }
                "allowedTerms" => config.allowed_terms = strings(v).map(str::to_owned).collect(),
                "stanceModel" => config.model = v.as_bool(),
                _ => {}
            }
        }
        (config, diags)
    }
}

/// The strings of a JSON list (a validated value, so every entry is one).
fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

/// A validated `{ official?, personal? }` pair as an override.
fn severity_override(pair: &Value) -> SeverityOverride {
    let level = |ctx: &str| {
        pair.get(ctx)
            .and_then(Value::as_str)
            .and_then(|l| parse_level(l).ok())
    };
    SeverityOverride {
        official: level("official"),
        personal: level("personal"),
    }
}

/// The guideline clause of a category.
pub fn category_clause(category: Category) -> &'static str {
    match category {
        Category::NationalUnity => "2019 ১০-ক",
        Category::ReligiousHarmony => "2019 ১০-খ",
        Category::Political => "2019 ১০-গ",
        Category::EthnicMinority => "2019 ১০-ঘ",
        Category::Belittling => "2019 ১০-ঙ",
        Category::Gender => "2019 ১০-চ",
        Category::Incitement | Category::PersonalContent | Category::Secrecy => "2016",
    }
}

/// The default severity of a category per context (design §1): personal is
/// one step lower, and `personal-content` does not apply to personal profiles.
pub fn category_default_severity(category: Category) -> ContextSeverity {
    let official = match category {
        Category::Political | Category::Belittling | Category::PersonalContent => Severity::Warn,
        _ => Severity::Block,
    };
    let personal = match category {
        Category::PersonalContent => None,
        _ if official == Severity::Block => Some(Severity::Warn),
        _ => Some(Severity::Advise),
    };
    ContextSeverity {
        official: Some(official),
        personal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use serde_json::json;

    #[test]
    fn bad_keys_are_reported_and_the_rest_kept() {
        let (config, diags) = EngineConfig::from_json(&json!({
            "customRules": 5,
            "enabledCategories": ["political", "politics"],
            "categorySeverity": { "political": { "official": "block", "personal": "loud" }, "nope": "warn" },
            "ruleSeverity": { "political.campaign": { "official": "off", "personal": "off" } },
            "extraTerms": { "secrecy": ["project falcon", 3] },
            "allowedTerms": ["নৌকা বাইচ"],
            "colour": "red"
        }));
        assert_eq!(config.custom_rules, None);
        // A key with a problem keeps its built-in value: every category, the pack's severities.
        assert_eq!(config.enabled_categories, None);
        assert!(config.category_severity.is_empty());
        assert!(config.extra_terms.is_empty());
        assert_eq!(
            config.rule_severity.get("political.campaign"),
            Some(&SeverityOverride {
                official: Some(None),
                personal: Some(None)
            })
        );
        assert_eq!(config.allowed_terms, vec!["নৌকা বাইচ"]);
        let mut keys: Vec<&str> = diags.iter().map(|d| d.key.as_str()).collect();
        keys.dedup();
        assert_eq!(
            keys,
            [
                "colour",
                "categorySeverity",
                "customRules",
                "enabledCategories",
                "extraTerms"
            ],
            "{diags:#?}"
        );
    }

    #[test]
    fn non_object_config_falls_back() {
        let (config, diags) = EngineConfig::from_json(&json!("x"));
        assert_eq!(config, EngineConfig::default());
        assert_eq!(diags.len(), 1);
        assert!(EngineConfig::from_json(&Value::Null).1.is_empty());
    }

    #[test]
    fn extra_and_allowed_terms_and_severities() {
        let config = EngineConfig {
            extra_terms: BTreeMap::from([(
                Category::Secrecy,
                vec!["project falcon".to_owned(), "প্রকল্প ফ".to_owned()],
            )]),
            allowed_terms: vec!["falcon eye".to_owned()],
            ..EngineConfig::default()
        };
        let (engine, diags) = Engine::build(&config);
        assert!(diags.iter().all(|d| d.key != "extraTerms"), "{diags:?}");
        let r = engine.check("Details of Project Falcon attached.", Context::Official);
        let f: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule == "custom.secrecy")
            .collect();
        assert_eq!(f.len(), 1, "{r:#?}");
        assert_eq!(f[0].excerpt, "Project Falcon");
        assert_eq!(f[0].severity, Severity::Block);
        assert!(f[0].message.en.contains("Security and secrecy"));
        let r = engine.check("প্রকল্প ফ এর নথি", Context::Personal);
        assert!(r
            .findings
            .iter()
            .any(|f| f.rule == "custom.secrecy" && f.severity == Severity::Warn));
        let r = engine.check("project falcon eye", Context::Official);
        assert!(
            r.findings.iter().all(|f| f.rule != "custom.secrecy"),
            "{r:#?}"
        );

        let config = EngineConfig {
            extra_terms: BTreeMap::from([(Category::Secrecy, vec!["project falcon".to_owned()])]),
            category_severity: BTreeMap::from([(
                Category::Secrecy,
                SeverityOverride {
                    official: Some(Some(Severity::Advise)),
                    personal: Some(None),
                },
            )]),
            rule_severity: BTreeMap::from([(
                "no.such.rule".to_owned(),
                SeverityOverride::default(),
            )]),
            ..EngineConfig::default()
        };
        let (engine, diags) = Engine::build(&config);
        assert!(diags.iter().any(|d| d.key == "ruleSeverity"));
        let r = engine.check("project falcon", Context::Official);
        assert!(r
            .findings
            .iter()
            .any(|f| f.rule == "custom.secrecy" && f.severity == Severity::Advise));
        assert!(engine
            .check("project falcon", Context::Personal)
            .findings
            .iter()
            .all(|f| f.rule != "custom.secrecy"));

        let config = EngineConfig {
            extra_terms: BTreeMap::from([(Category::Secrecy, vec!["project falcon".to_owned()])]),
            enabled_categories: Some(vec![Category::Political]),
            ..EngineConfig::default()
        };
        let (engine, _) = Engine::build(&config);
        assert!(engine
            .check("project falcon", Context::Official)
            .findings
            .is_empty());
    }

    #[test]
    fn custom_rules_merge_or_report() {
        let custom = crate::rules::test_fixture::FALCON;
        let (engine, diags) = Engine::build(&EngineConfig {
            custom_rules: Some(custom.to_owned()),
            ..EngineConfig::default()
        });
        assert!(diags.is_empty(), "{diags:?}");
        assert!(engine.rules().iter().any(|r| r.id == "local.falcon"));
        assert_eq!(
            engine.check("the falcon file", Context::Official).findings[0].rule,
            "local.falcon"
        );

        let (engine, diags) = Engine::build(&EngineConfig {
            custom_rules: Some(custom.replace("\"secrecy\"", "\"secret\"")),
            ..EngineConfig::default()
        });
        assert!(engine.rules().iter().all(|r| r.id != "local.falcon"));
        assert!(
            diags.iter().any(|d| d.key == "customRules"
                && d.message
                    .contains("customRules:7: rule `local.falcon`: unknown category `secret`")),
            "{diags:#?}"
        );
    }

    #[test]
    fn a_custom_pack_over_budget_is_left_out_and_the_default_pack_checks() {
        // The pack of issue 11: 50 rules of 64 literal-free regexes.
        let custom: String = (0..50)
            .map(|r| {
                let list: Vec<String> = (0..64).map(|n| format!(r"'x{n}|\w{{20}}'")).collect();
                crate::rules::test_fixture::rule(
                    &format!("local.r{r}"),
                    "secrecy",
                    &format!("regex = [{}]", list.join(",")),
                )
            })
            .collect();
        assert!(custom.len() > 45_000);
        let (engine, diags) = Engine::build(&EngineConfig {
            custom_rules: Some(custom),
            ..EngineConfig::default()
        });
        assert!(
            diags.iter().any(|d| d.key == "customRules"
                && d.message.contains("customRules:8: rule `local.r0`")
                && d.message.contains("over the regex budget")),
            "{diags:#?}"
        );
        assert!(engine.rules().iter().all(|r| !r.id.starts_with("local.")));
        let plain = Engine::default_pack().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(engine.rules().len(), plain.rules().len());
        let text = "নৌকা মার্কায় ভোট দিন";
        let report = engine.check(text, Context::Official);
        assert!(!report.findings.is_empty());
        assert_eq!(report, plain.check(text, Context::Official));
    }

    #[test]
    fn defaults_per_category() {
        let s = category_default_severity(Category::PersonalContent);
        assert_eq!(s.official, Some(Severity::Warn));
        assert_eq!(s.personal, None);
        let s = category_default_severity(Category::Secrecy);
        assert_eq!(s.personal, Some(Severity::Warn));
    }

    #[test]
    fn the_model_key_switches_the_stance_model() {
        let (config, diags) = EngineConfig::from_json(&json!({ "stanceModel": false }));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.model, Some(false));
        let (engine, _) = Engine::build(&config);
        assert!(!engine.uses_stance_model());
        let (on, _) = Engine::build(&EngineConfig::default());
        assert!(on.uses_stance_model());

        let (config, diags) = EngineConfig::from_json(&json!({ "stanceModel": "off" }));
        assert_eq!(config.model, None);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].key, "stanceModel");
        assert!(diags[0].message.contains("true or false"));
    }
}
