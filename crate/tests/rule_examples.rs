//! Runs every example of every rule of the default pack: each `flag`
//! sentence must be flagged by its rule, each `pass` sentence must not be.

use sotorko::{Category, Context, Engine};

mod common;

fn engine() -> Engine {
    Engine::default_pack().unwrap_or_else(|e| panic!("the default pack must load:\n{e}"))
}

#[test]
fn every_default_rule_flags_its_flag_examples_and_passes_its_pass_examples() {
    let engine = engine();
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in engine.pack_rules() {
        for text in &rule.examples.flag {
            count += 1;
            if !engine.flags(rule, text) {
                let got: Vec<String> = [Context::Official, Context::Personal]
                    .iter()
                    .flat_map(|&c| engine.check(text, c).findings)
                    .map(|f| format!("{} on “{}”", f.rule, f.excerpt))
                    .collect();
                failures.push(format!(
                    "rule `{}` ({}:{}) must flag: “{text}” (found instead: {got:?})",
                    rule.id, rule.origin.file, rule.origin.line
                ));
            }
        }
        for text in &rule.examples.pass {
            count += 1;
            if engine.flags(rule, text) {
                let spans: Vec<String> = [Context::Official, Context::Personal]
                    .iter()
                    .flat_map(|&c| engine.check(text, c).findings)
                    .filter(|f| f.rule == rule.id)
                    .map(|f| format!("“{}”", f.excerpt))
                    .collect();
                failures.push(format!(
                    "rule `{}` ({}:{}) must pass: “{text}” (flagged {spans:?})",
                    rule.id, rule.origin.file, rule.origin.line
                ));
            }
        }
    }
    println!("{count} examples checked");
    assert!(
        failures.is_empty(),
        "{} of {count} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_default_rule_has_a_flag_example_and_every_category_a_rule() {
    let engine = engine();
    for rule in engine.pack_rules() {
        assert!(
            !rule.examples.flag.is_empty(),
            "rule `{}` has no flag example",
            rule.id
        );
    }
    let missing: Vec<&str> = Category::ALL
        .iter()
        .filter(|c| engine.pack_rules().iter().all(|r| r.category != **c))
        .map(|c| c.id())
        .collect();
    assert!(missing.is_empty(), "categories without rules: {missing:?}");
}

#[test]
fn lint_reports_example_failures_of_a_custom_pack() {
    // The shared pack with one flag example the rule misses and one pass
    // example it flags.
    let pack = common::edit(
        common::FALCON,
        "flag = [\"Project Falcon\"]",
        "flag = [\"Project Falcon starts\", \"an eagle\"]",
    );
    let pack = common::edit(
        &pack,
        "pass = [\"a hawk\"]",
        "pass = [\"falcons are birds\", \"a hawk\"]",
    );
    let problems = sotorko::lint("t.toml", &pack);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{text:#?}");
    assert_eq!(
        text[0],
        "t.toml:5: rule `local.falcon`: examples.flag[1] is not flagged by this rule: \"an eagle\""
    );
    assert!(text[1].contains("examples.pass[0] is flagged"), "{text:#?}");
}

#[test]
fn default_pack_passes_every_check_of_an_untrusted_pack() {
    // `Engine::default_pack` trusts the embedded pack (no regex compilation);
    // this is what makes that safe.
    if let Err(e) = sotorko::RulePack::default_pack_checked() {
        panic!("{e}");
    }
    let engine = engine();
    engine.warm_up();
}
