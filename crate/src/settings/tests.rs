use super::*;
use crate::model::Category;
use crate::rules::RulePack;
use serde_json::json;
use std::path::Path;

#[test]
fn the_generated_files_in_the_repository_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let stale: Vec<&str> = generated_files()
        .into_iter()
        .filter(|(rel, contents)| {
            std::fs::read_to_string(root.join(rel)).ok().as_deref() != Some(contents.as_str())
        })
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        stale.is_empty(),
        "out of date; run `cargo run -p sotorko -- contract emit` (./build.sh does): {stale:?}"
    );
}

#[test]
fn every_key_has_texts_a_default_of_its_type_and_a_known_shape() {
    for k in KEYS {
        for t in [k.texts.title, k.texts.explain] {
            assert!(!t.en.is_empty() && !t.bn.is_empty(), "{}", k.name);
        }
        let d = k.default_value();
        let ok = match k.value_type {
            ValueType::Bool => d.is_boolean(),
            ValueType::Text => d.is_string(),
            ValueType::Choice(c) => d.as_str().is_some_and(|s| c.contains(&s)),
            ValueType::List => d.is_array(),
            ValueType::Object => d.is_object(),
            ValueType::Integer { min, max } => d.as_i64().is_some_and(|n| (min..=max).contains(&n)),
        };
        assert!(ok, "{}: default {d}", k.name);
        if let ValueType::Choice(c) = k.value_type {
            let texts: Vec<&str> = k.texts.choices.iter().map(|c| c.value).collect();
            assert_eq!(texts, c, "{}", k.name);
            assert_eq!(k.admx, AdmxKind::Enum);
        }
        // The defaults themselves are valid values (except lockedSettings' empty list, trivially).
        let r = validate_policy(&json!({ k.name: d }));
        if k.name != "customRules" {
            assert!(r.errors.is_empty(), "{}: {:?}", k.name, r.errors);
        }
    }
    assert_eq!(
        key("enabledCategories").map(KeySpec::default_value),
        Some(json!(Category::ALL.map(Category::id)))
    );
}

#[test]
fn the_rule_id_check_agrees_with_the_rule_pack_loader() {
    let pack = RulePack::default_pack().unwrap_or_else(|e| panic!("{e}"));
    assert!(pack.rules.iter().all(|r| is_rule_id(&r.id)));
    let base = RulePack::default_pack().unwrap_or_default();
    for id in ["Local.X", "local x", "local_x", ""] {
        assert!(!is_rule_id(id), "{id}");
        let toml = crate::rules::test_fixture::rule(id, "secrecy", "terms = { en = [\"falcon\"] }");
        assert!(
            RulePack::custom(&toml, &base).is_err(),
            "the loader accepts {id:?}"
        );
    }
}

#[test]
fn empty_or_misspelt_categories_keep_every_category() {
    for bad in [json!([]), json!(["political", "politics"])] {
        let r = validate_policy(&json!({ "enabledCategories": bad }));
        assert!(!r.values.contains_key("enabledCategories"));
        assert_eq!(r.errors[0].key, "enabledCategories");
        assert_eq!(r.locked, ["enabledCategories"]);
    }
    let (config, diags) = crate::EngineConfig::from_json(&json!({ "enabledCategories": [] }));
    assert_eq!(config.enabled_categories, None);
    assert_eq!(diags.len(), 1);
}

#[test]
fn allowed_terms_must_be_words() {
    let errors = |t: &str| validate_policy(&json!({ "allowedTerms": [t] })).errors;
    for short in ["ক", "কা", "ক্ষ", "ক্ষা", "al", "১২৩", "  x "] {
        assert!(!errors(short).is_empty(), "{short}");
    }
    for word in ["নদী", "স্কুল", "নৌকা বাইচ", "boat", "BNP"] {
        assert!(errors(word).is_empty(), "{word}: {:?}", errors(word));
    }
    let e = &errors("ক")[0];
    assert_eq!(e.path, "allowedTerms[0]");
    assert!(e.message.en.contains("at least 2"), "{}", e.message.en);
    assert!(e.message.bn.contains("অন্তত ২টি"), "{}", e.message.bn);
}

#[test]
fn limits_are_errors_with_the_built_in_value_kept() {
    let many: serde_json::Map<String, serde_json::Value> = (0..=LIMITS.rule_severity_entries)
        .map(|i| (format!("x.r{i}"), json!({ "official": "off" })))
        .collect();
    let r = validate_policy(&json!({ "ruleSeverity": many, "mode": "strict" }));
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(r.errors[0].message.en.contains("at most 2000"));
    assert!(!r.values.contains_key("ruleSeverity"));
    assert!(r.values.contains_key("mode"));
    let terms: Vec<String> = (0..20)
        .map(|i| format!("{i}{}", "x".repeat(LIMITS.term_chars)))
        .collect();
    let r = validate_policy(&json!({ "extraTerms": { "secrecy": terms } }));
    // At most MAX_PROBLEMS_PER_KEY problems are listed, then a count of the rest.
    assert!(r.errors.len() <= 21, "{}", r.errors.len());
    let big = "x".repeat(LIMITS.custom_rules_bytes + 1);
    assert_eq!(
        validate_policy(&json!({ "customRules": big })).errors[0].key,
        "customRules"
    );
}

#[test]
fn messages_name_the_path_in_both_languages() {
    let r = validate_policy(&json!({ "uiLanguage": "klingon", "mdoe": "strict" }));
    let ui = r
        .errors
        .iter()
        .find(|e| e.key == "uiLanguage")
        .expect("error");
    assert_eq!(
        ui.message.en,
        "uiLanguage: expected one of \"auto\", \"bn\", \"en\", got \"klingon\". The built-in value applies."
    );
    assert!(ui.message.bn.starts_with("uiLanguage: "));
    assert!(ui.message.bn.ends_with("পূর্বনির্ধারিত মান প্রযোজ্য।"));
    let typo = r.errors.iter().find(|e| e.key == "mdoe").expect("error");
    assert!(
        typo.message.en.contains("Did you mean \"mode\"?"),
        "{typo:?}"
    );
    let r = validate_policy(&json!(5));
    assert_eq!(r.errors[0].key, "(policy)");
}

#[test]
fn locked_settings_keep_their_valid_names() {
    let r =
        validate_policy(&json!({ "lockedSettings": ["mode", "colour", "mode", "stanceModel"] }));
    assert_eq!(r.values["lockedSettings"], json!(["mode"]));
    assert_eq!(r.locked, ["mode"]);
    assert_eq!(r.errors.len(), 2);
    assert!(r.errors[0]
        .message
        .en
        .contains("The other names stay locked"));
}

#[test]
fn the_engine_reads_validated_values_only() {
    let (config, diags) = crate::EngineConfig::from_json(&json!({
        "categorySeverity": { "political": { "official": "block" } },
        "ruleSeverity": { "political.party-campaign": { "official": "off", "personal": "advise" } },
        "allowedTerms": ["ক"],
        "mode": "strict"
    }));
    assert_eq!(
        config.category_severity.get(&Category::Political),
        Some(&crate::SeverityOverride {
            official: Some(Some(crate::Severity::Block)),
            personal: None
        })
    );
    assert_eq!(
        config.rule_severity.get("political.party-campaign"),
        Some(&crate::SeverityOverride {
            official: Some(None),
            personal: Some(Some(crate::Severity::Advise))
        })
    );
    assert!(config.allowed_terms.is_empty());
    let keys: Vec<&str> = diags.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["mode", "allowedTerms"]);
}

#[test]
fn registry_booleans_from_firefox_become_true_and_false() {
    let r = validate_policy(&json!({ "enabled": 0, "officialByDefault": 1, "stanceModel": 2 }));
    assert_eq!(r.values["enabled"], json!(false));
    assert_eq!(r.values["officialByDefault"], json!(true));
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].key, "stanceModel");
}

#[test]
fn whole_numbers_in_range_also_from_a_text_box() {
    let r = validate_policy(&json!({ "activityRetentionDays": "730", "minPasswordScore": 4 }));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.values["activityRetentionDays"], json!(730));
    assert_eq!(r.values["minPasswordScore"], json!(4));
    for bad in [
        json!(0),
        json!(3651),
        json!(2.5),
        json!("12 days"),
        json!(-1),
        json!(true),
    ] {
        let r = validate_policy(&json!({ "activityRetentionDays": bad }));
        assert_eq!(r.errors.len(), 1, "{bad}");
        assert_eq!(r.errors[0].key, "activityRetentionDays");
        assert!(
            r.errors[0]
                .message
                .en
                .contains("whole number from 1 to 3650"),
            "{bad}"
        );
        assert!(r.errors[0].message.bn.contains("১ থেকে ৩৬৫০"), "{bad}");
        assert!(
            r.values
                .get("activityRetentionDays")
                .is_none_or(|v| v == &json!(396)),
            "{bad}: the built-in value stays"
        );
    }
}
