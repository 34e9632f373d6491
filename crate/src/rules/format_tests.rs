//! Tests of the problems reported for each field of the rule format.

use super::*;

fn lint_rule(body: &str) -> Vec<Problem> {
    let text = test_fixture::pack("a.one", "political", body);
    match load(
        &[Source {
            name: "t.toml",
            text: &text,
        }],
        &LoadOptions::default(),
    ) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

fn load_rule(body: &str) -> Rule {
    let text = test_fixture::rule("a.one", "political", body);
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &text,
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    pack.rules
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no rule"))
}

#[test]
fn bn_words_take_the_built_in_or_the_listed_suffixes() {
    let rule = load_rule(r#"terms = { bn_words = ["জাপা"], bn = ["নৌকা"] }"#);
    assert_eq!(rule.terms.bn, vec!["নৌকা"]);
    assert_eq!(rule.terms.bn_words[0].word, "জাপা");
    assert_eq!(
        rule.terms.bn_words[0].suffixes.len(),
        BN_WORD_SUFFIXES.len()
    );
    let rule = load_rule(r#"terms = { bn_words = ["বাল"], bn_suffixes = ["ের", "ে"] }"#);
    assert_eq!(&*rule.terms.bn_words[0].suffixes, ["ের", "ে"]);
    let many: String = (0..65).map(|_| "\"র\",").collect();
    let problems = lint_rule(&format!(
        "terms = {{ bn_words = [\"বাল\"], bn_suffixes = [{many}] }}"
    ));
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("65 bn_suffixes; the limit is 64")),
        "{problems:#?}"
    );
    let rule = load_rule(r#"terms = { bn_words = ["মালু"], bn_suffixes = [] }"#);
    assert!(rule.terms.bn_words[0].suffixes.is_empty());
}

#[test]
fn bad_bn_words_and_suffixes_are_reported_with_lines() {
    let problems = lint_rule(
            "terms = { bn = [\"নৌকা\"], bn_suffixes = [\"র\"] }\nexcept = { bn_words = [\"নৌকা বাইচ\", \"!?\"], bn_suffixes = [\"র ও\", \"s\"] }",
        );
    let has = |needle: &str, line: usize| {
        problems
            .iter()
            .any(|p| p.message.contains(needle) && p.line == Some(line))
    };
    assert!(has("no `bn_words`", 11), "{problems:#?}");
    assert!(
        has("entry `র ও` must be Bangla letters", 12),
        "{problems:#?}"
    );
    assert!(has("entry `s` must be Bangla letters", 12), "{problems:#?}");
    assert!(
        has("`!?` is empty after normalisation", 12),
        "{problems:#?}"
    );
    assert!(!problems.iter().any(|p| p.message.contains("নৌকা বাইচ")));
}

#[test]
fn verb_keys_load_and_bad_entries_are_reported() {
    let rule = load_rule(
        r#"terms = { bn_verbs = ["মার", "আগুন দে", "লেখ/লিখ"], banglish_verbs = ["mar", "agun de"], en_verbs = ["burn down"] }"#,
    );
    assert_eq!(rule.terms.bn_verbs, ["মার", "আগুন দে", "লেখ/লিখ"]);
    assert_eq!(rule.terms.banglish_verbs, ["mar", "agun de"]);
    assert_eq!(rule.terms.en_verbs, ["burn down"]);
    assert_eq!(rule.terms.verb_count(), 5);
    let problems = lint_rule(
            "terms = { bn_verbs = [\"মার\", \"kill\", \"মার/মের পিট\"] }\nexcept = { banglish_verbs = [\"mar1\", \"মার\", \"agun de/d-i\"] }",
        );
    let has = |needle: &str, line: usize| {
        problems
            .iter()
            .any(|p| p.message.contains(needle) && p.line == Some(line))
    };
    assert!(has("bn_verbs entry `kill`: the verb", 11), "{problems:#?}");
    assert!(
        has("entry `মার/মের পিট`: the alternant", 11),
        "{problems:#?}"
    );
    assert!(has("banglish_verbs entry `mar1`", 12), "{problems:#?}");
    assert!(has("banglish_verbs entry `মার`", 12), "{problems:#?}");
    assert!(
        has("entry `agun de/d-i`: the alternant", 12),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 5, "{problems:#?}");
}

#[test]
fn near_scope_is_clause_or_words() {
    let near = |scope: &str| {
        format!(
            "[[rule.near]]\na = {{ en = [\"a\"] }}\nb = {{ en = [\"b\"] }}\nscope = \"{scope}\""
        )
    };
    assert!(load_rule(&near("clause")).near[0].same_clause);
    assert!(!load_rule(&near("words")).near[0].same_clause);
    let problems = lint_rule(&near("sentence"));
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("scope is `sentence`; expected `clause`, `clause-anaphora` or `words`")),
        "{problems:#?}"
    );
}

#[test]
fn target_share_is_a_fraction_for_a_near_with_one_model_side() {
    let near = |sides: &str, share: &str| {
        format!("[[rule.near]]\n{sides}\nwithin = 8\ntarget_share = {share}")
    };
    let framed = "a = { en = [\"women\"] }\nb = { model = [\"sexist\"] }";
    assert_eq!(load_rule(&near(framed, "0.25")).near[0].target_share, 25);
    assert_eq!(load_rule(&near(framed, "1")).near[0].target_share, 100);
    let plain = "[[rule.near]]\na = { en = [\"a\"] }\nb = { en = [\"b\"] }";
    assert_eq!(load_rule(plain).near[0].target_share, 0);
    let problems = lint_rule(&near(framed, "1.5"));
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("near[0].target_share is 1.5; it must be 0 to 1")),
        "{problems:#?}"
    );
    let problems = lint_rule(&near("a = { en = [\"a\"] }\nb = { en = [\"b\"] }", "0.5"));
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("near[0].target_share needs exactly one side with `model` classes")),
        "{problems:#?}"
    );
}

#[test]
fn near_sides_take_regexes_other_lists_do_not() {
    let rule = load_rule(
            "[[rule.near]]\na = { regex = ['\\b01[3-9][0-9]{8}\\b'] }\nb = { en = [\"citizen\"], regex = ['নাগরিক'] }",
        );
    assert_eq!(rule.near[0].a_regex.len(), 1);
    assert!(rule.near[0].a.is_empty());
    assert_eq!(rule.near[0].b_regex, vec!["নাগরিক"]);

    let problems = lint_rule("terms = { en = [\"x\"], regex = ['y+'] }");
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("only allowed in the `a`/`b` lists") && p.line == Some(11)),
        "{problems:#?}"
    );
    let problems = lint_rule(
        "terms = { en = [\"x\"] }\n[[rule.near]]\na = { regex = ['(', 'q*'] }\nb = { regex = [] }",
    );
    let has = |needle: &str, line: usize| {
        problems
            .iter()
            .any(|p| p.message.contains(needle) && p.line == Some(line))
    };
    assert!(
        has("near[0].a.regex `(` does not compile", 13),
        "{problems:#?}"
    );
    assert!(
        has("near[0].a.regex `q*` matches the empty string", 13),
        "{problems:#?}"
    );
    assert!(has("near[0].b is missing or empty", 12), "{problems:#?}");
}

#[test]
fn near_regexes_count_toward_the_regex_limit() {
    let many: String = (0..40).map(|i| format!("'x{i}y',")).collect();
    let problems = lint_rule(&format!(
        "regex = [{many}]\n[[rule.near]]\na = {{ regex = [{many}] }}\nb = {{ en = [\"z\"] }}"
    ));
    assert!(
        problems.iter().any(|p| p.message.contains("80 regexes")),
        "{problems:#?}"
    );
}

#[test]
fn script_properties_get_a_clear_error() {
    let problems = lint_rule(r"regex = ['\p{Bengali}+']");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let message = &problems[0].message;
    assert!(message.contains("property `Bengali`"), "{message}");
    assert!(message.contains("[ঀ-৿]"), "{message}");
    assert_eq!(problems[0].line, Some(11));
    let problems = lint_rule(r"regex = ['[\p{L}&&\p{sc=Beng}]', '\pL\P{Greek}']");
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].message.contains("`sc=Beng`"), "{problems:#?}");
    assert!(problems[1].message.contains("`Greek`"), "{problems:#?}");
    // General categories and the Perl classes are available.
    assert!(lint_rule(r"regex = ['\p{L}\p{M}*\s+\w+\b\pN\p{gc=Lu}\p{Punctuation}']").is_empty());
    assert!(lint_rule(r"regex = ['[ঀ-৿]+ভোট']").is_empty());
}

#[test]
fn model_matchers_load_and_unknown_classes_are_reported_with_lines() {
    let rule = load_rule(
        "model = [\"derogatory\", \"violent\", \"derogatory\"]\n\
             [[rule.near]]\na = { en = [\"officer\"] }\nb = { model = [\"sexist\"] }",
    );
    assert_eq!(rule.model, vec![Stance::Derogatory, Stance::Violent]);
    assert_eq!(rule.near[0].b_model, vec![Stance::Sexist]);
    assert!(rule.near[0].a_model.is_empty());

    let problems = lint_rule("model = [\"violent\", \"angry\"]");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(11));
    assert!(problems[0]
        .message
        .contains("model: unknown model class `angry`; expected one of: derogatory"));

    let problems = lint_rule(
        "terms = { en = [\"x\"] }\n[[rule.near]]\na = { en = [\"y\"] }\nb = { model = [\"rude\"] }",
    );
    assert!(
        problems.iter().any(|p| p.line == Some(14)
            && p.message
                .contains("near[0].b.model: unknown model class `rude`")),
        "{problems:?}"
    );

    let problems = lint_rule("terms = { en = [\"x\"], model = [\"violent\"] }");
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("`model` is only allowed in the `a`/`b` lists")),
        "{problems:?}"
    );
    // A model-only rule is a rule with a matcher.
    assert!(lint_rule("model = [\"communal\"]").is_empty());
}

/// A pack with one set holding a regex, and `body` as its only rule.
fn with_regex_set(body: &str) -> Result<RulePack, PackError> {
    let text = format!(
        "[set.unfit]\nen = [\"unfit for\"]\nregex = ['\\bnot\\s+fit\\s+for\\b']\n\n\
         [[rule]]\nid = \"a.one\"\ncategory = \"gender\"\nclause = \"x\"\n\
         severity = {{ official = \"warn\", personal = \"warn\" }}\nmessage.en = \"e\"\n\
         message.bn = \"b\"\n{body}\n[rule.examples]\nflag = [\"women are not fit for it\"]\n"
    );
    load(
        &[Source {
            name: "t.toml",
            text: &text,
        }],
        &LoadOptions::default(),
    )
}

#[test]
fn a_sets_regexes_join_the_near_side_that_names_it() {
    let pack = with_regex_set(
        "[[rule.near]]\na = { en = [\"women\"] }\nb = { sets = [\"unfit\"], regex = ['\\btoo\\s+soft\\b'] }",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let near = &pack.rules[0].near[0];
    assert_eq!(near.b.en, vec!["unfit for"]);
    assert_eq!(near.b_regex.len(), 2, "{:?}", near.b_regex);
    assert!(near.b_regex.iter().any(|r| r.contains("fit")));

    // Rule-level terms cannot use a set with regexes: said, not ignored.
    let problems = match with_regex_set("terms = { sets = [\"unfit\"] }") {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    };
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("set `unfit` holds regexes")),
        "{problems:#?}"
    );
    // A bad regex in a set is reported at the set's line.
    let bad = "[set.s]\nregex = ['(']\n";
    let err = load(
        &[Source {
            name: "t.toml",
            text: bad,
        }],
        &LoadOptions::default(),
    )
    .err()
    .map(|e| e.problems)
    .unwrap_or_default();
    assert!(
        err.iter()
            .any(|p| p.message.contains("set `s`.regex") && p.line == Some(2)),
        "{err:#?}"
    );
}

#[test]
fn a_sets_regexes_count_toward_the_rule_regex_limit() {
    // A set of 40 regexes named on both sides of one near matcher: 80 > 64.
    let patterns: Vec<String> = (0..40).map(|i| format!("'\\bw{i}x\\b'")).collect();
    let text = format!(
        "[set.many]\nregex = [{}]\n\n[[rule]]\nid = \"a.one\"\ncategory = \"gender\"\n\
         clause = \"x\"\nseverity = {{ official = \"warn\", personal = \"warn\" }}\n\
         message.en = \"e\"\nmessage.bn = \"b\"\n[[rule.near]]\na = {{ sets = [\"many\"] }}\n\
         b = {{ sets = [\"many\"], en = [\"women\"] }}\n[rule.examples]\nflag = [\"w1x women\"]\n",
        patterns.join(", ")
    );
    let problems = load(
        &[Source {
            name: "t.toml",
            text: &text,
        }],
        &LoadOptions::default(),
    )
    .err()
    .map(|e| e.problems)
    .unwrap_or_default();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("80 regexes with those of the sets")),
        "{problems:#?}"
    );
}
