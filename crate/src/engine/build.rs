//! The engine built from the default pack and an administrator's options
//! ([`EngineConfig`]): custom rules within the policy budget, extra terms,
//! severity overrides, enabled categories, allowed terms and the stance
//! model switch. Bad options become [`Diagnostic`]s; a custom pack never
//! stops the default pack from checking.

use super::{Base, Engine};
use crate::config::{category_clause, category_default_severity, Diagnostic, EngineConfig};
use crate::model::{Category, Message};
use crate::rules::{ContextSeverity, Examples, Origin, Rule, RulePack, Terms};
use crate::settings;
use crate::snapshot::{self, DefaultState};

/// Splits free-form terms by script: Bangla-script terms go to `bn`, the others to `en`.
fn terms_by_script(list: &[String]) -> Terms {
    let mut terms = Terms::default();
    for t in list {
        let t = t.trim().to_owned();
        if t.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
            terms.bn.push(t);
        } else {
            terms.en.push(t);
        }
    }
    terms
}

/// The synthetic rule `custom.<category>` for `extraTerms`.
fn extra_terms_rule(category: Category, list: &[String]) -> Rule {
    let name = category.name();
    Rule {
        id: format!("custom.{}", category.id()),
        category,
        clause: category_clause(category).to_owned(),
        severity: category_default_severity(category),
        message: Message {
            en: format!(
                "Your administrator has flagged this term under “{}” ({}). Review it before posting.",
                name.en,
                category_clause(category)
            ),
            bn: format!(
                "আপনার প্রশাসক এই শব্দটি “{}” বিষয়ে চিহ্নিত করেছেন ({})। পোস্ট করার আগে বিষয়টি দেখে নিন।",
                name.bn,
                category_clause(category)
            ),
        },
        terms: terms_by_script(list),
        regex: Vec::new(),
        model: Vec::new(),
        near: Vec::new(),
        except: Terms::default(),
        except_within: 0,
        examples: Examples::default(),
        origin: Origin {
            file: "extraTerms".to_owned(),
            line: 0,
        },
    }
}

/// Why a `customRules` pack is too costly for policy, if it is: verbs (each
/// expands into a whole paradigm of forms) and regexes are what make an
/// engine slow to build, so a policy pack has tighter limits on them than a
/// pack file (the settings contract's `LIMITS`; BENCHMARKS.md, "Policy at the limits").
fn over_policy_budget(custom: &RulePack) -> Option<String> {
    let limits = settings::LIMITS;
    let mut verbs: Vec<&str> = custom
        .rules
        .iter()
        .flat_map(|r| {
            r.terms
                .bn_verbs
                .iter()
                .chain(&r.terms.banglish_verbs)
                .chain(&r.terms.en_verbs)
        })
        .map(String::as_str)
        .collect();
    verbs.sort_unstable();
    verbs.dedup();
    let regexes: usize = custom.rules.iter().map(|r| r.regex.len()).sum();
    if verbs.len() > limits.custom_rules_verbs {
        Some(format!(
            "the pack has {} different verbs; a pack in policy may have at most {} (each verb becomes \
             every form of its paradigm, which makes the engine slow to build)",
            verbs.len(),
            limits.custom_rules_verbs
        ))
    } else if regexes > limits.custom_rules_regexes {
        Some(format!(
            "the pack has {regexes} regexes; a pack in policy may have at most {}",
            limits.custom_rules_regexes
        ))
    } else {
        None
    }
}

impl Engine {
    /// Builds an engine from the default pack with administrator options.
    /// Never fails: each bad option is reported as a [`Diagnostic`] and ignored.
    pub fn build(config: &EngineConfig) -> (Engine, Vec<Diagnostic>) {
        Engine::build_on(config, &snapshot::embedded)
    }

    /// [`Engine::build`] on the default pack's precomputed state when
    /// `default` gives one (else on the pack loaded from its TOML).
    pub(crate) fn build_on(
        config: &EngineConfig,
        default: &dyn Fn() -> Option<DefaultState>,
    ) -> (Engine, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let (mut pack, base) = match default() {
            Some(state) => {
                let (pack, base) = Base::split(state);
                (pack, Some(base))
            }
            None => match RulePack::default_pack() {
                Ok(p) => (p, None),
                Err(e) => {
                    diags.push(Diagnostic::new("defaultPack", e.to_string()));
                    (RulePack::default(), None)
                }
            },
        };

        let mut custom_applied = false;
        if let Some(text) = &config.custom_rules {
            match RulePack::custom(text, &pack) {
                Ok(custom) => match over_policy_budget(&custom) {
                    None => {
                        custom_applied = !custom.rules.is_empty();
                        pack.rules.extend(custom.rules);
                    }
                    Some(problem) => {
                        diags.push(Diagnostic::new("customRules", problem));
                        diags.push(Diagnostic::new(
                            "customRules",
                            "the custom rules were not applied because of the problem above",
                        ));
                    }
                },
                Err(e) => {
                    for p in &e.problems {
                        diags.push(Diagnostic::new("customRules", p.to_string()));
                    }
                    diags.push(Diagnostic::new(
                        "customRules",
                        "the custom rules were not applied because of the problems above",
                    ));
                }
            }
        }

        for (category, list) in &config.extra_terms {
            let rule = extra_terms_rule(*category, list);
            if !rule.terms.is_empty() {
                pack.rules.push(rule);
            }
        }

        for rule in &mut pack.rules {
            if let Some(o) = config.category_severity.get(&rule.category) {
                o.apply(&mut rule.severity);
            }
        }
        for (id, o) in &config.rule_severity {
            match pack.rules.iter_mut().find(|r| &r.id == id) {
                Some(rule) => o.apply(&mut rule.severity),
                None => diags.push(Diagnostic::new(
                    "ruleSeverity",
                    format!("unknown rule id `{id}`; ignored"),
                )),
            }
        }
        if let Some(enabled) = &config.enabled_categories {
            for rule in &mut pack.rules {
                if !enabled.contains(&rule.category) {
                    rule.severity = ContextSeverity::default();
                }
            }
        }

        let allowed = terms_by_script(&config.allowed_terms);
        let allowed = Terms {
            banglish: allowed.en.clone(),
            ..allowed
        };
        match Engine::from_parts(pack, &allowed, base) {
            Ok(mut engine) => {
                if config.model == Some(false) {
                    engine.set_stance_model(None);
                }
                (engine, diags)
            }
            Err(e) if custom_applied => {
                // A custom pack must never stop the default pack from
                // checking: build again without it.
                diags.push(Diagnostic::new("customRules", e.to_string()));
                diags.push(Diagnostic::new(
                    "customRules",
                    "the custom rules were not applied because of the problem above",
                ));
                let (engine, mut more) = Engine::build_on(
                    &EngineConfig {
                        custom_rules: None,
                        ..config.clone()
                    },
                    default,
                );
                diags.append(&mut more);
                (engine, diags)
            }
            Err(e) => {
                diags.push(Diagnostic::new("config", e.to_string()));
                (Engine::empty(), diags)
            }
        }
    }
}
