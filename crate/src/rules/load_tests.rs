//! Tests of loading packs: the format, sets, rules, problems and their lines.

use super::regex::uses_backslash_d;
use super::*;

const GOOD: &str = r#"
[pack]
name = "test"

[set.symbols]
bn = ["নৌকা", "ধানের শীষ"]
en = ["boat"]

[[rule]]
id = "political.campaign"
category = "political"
clause = "2019 ১০-গ"
severity = { official = "warn", personal = "off" }
message.en = "Campaigning."
message.bn = "প্রচারণা।"
terms = { en = ["vote for"], sets = ["symbols"] }
regex = ['(?i)\bvote\s+for\s+[a-z]+']

[[rule.near]]
a = { sets = ["symbols"] }
b = { bn = ["ভোট"] }
within = 4

[rule.examples]
flag = ["vote for boat"]
pass = ["boat race"]
"#;

fn lint(text: &str) -> Vec<Problem> {
    match load(
        &[Source {
            name: "t.toml",
            text,
        }],
        &LoadOptions {
            require_name: true,
            ..LoadOptions::default()
        },
    ) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

#[test]
fn good_pack_loads_with_sets_merged() {
    let pack = load(
        &[Source {
            name: "t.toml",
            text: GOOD,
        }],
        &LoadOptions::default(),
    )
    .expect("valid");
    assert_eq!(pack.name.as_deref(), Some("test"));
    let rule = &pack.rules[0];
    assert_eq!(rule.terms.en, vec!["vote for", "boat"]);
    assert_eq!(rule.terms.bn, vec!["নৌকা", "ধানের শীষ"]);
    assert_eq!(rule.severity.personal, None);
    assert_eq!(rule.near[0].within, 4);
    assert!(!rule.near[0].same_clause);
    assert_eq!(rule.origin.line, 9);
}

#[test]
fn every_problem_is_reported_with_line_and_rule() {
    let text = r#"
[pack]
name = "bad"

[[rule]]
id = "a.one"
category = "politics"
clause = "x"
severity = { official = "loud", personal = "warn" }
message.en = "e"
message.bn = "b"
terms = { sets = ["nope"] }
regex = ['(', '[0-9]+', '\d+']
[rule.examples]
flag = ["x"]

[[rule]]
id = "a.one"
category = "political"
clause = "x"
severity = { official = "warn", personal = "warn" }
message.en = "e"
message.bn = "b"
[rule.examples]
pass = ["x"]
"#;
    let problems = lint(text);
    let show: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let has = |needle: &str, line: usize| {
        problems
            .iter()
            .any(|p| p.message.contains(needle) && p.line == Some(line))
    };
    assert!(has("unknown category `politics`", 7), "{show:#?}");
    assert!(has("unknown severity `loud`", 9), "{show:#?}");
    assert!(has("unknown set `nope`", 12), "{show:#?}");
    assert!(has("does not compile", 13), "{show:#?}");
    assert!(has("`\\d`", 13), "{show:#?}");
    assert!(has("no matchers", 17), "{show:#?}");
    assert!(has("`examples.flag` is empty", 24), "{show:#?}");
    assert!(
        problems.iter().all(|p| p.rule.as_deref() == Some("a.one")),
        "{show:#?}"
    );
    assert!(show[0].starts_with("t.toml:7: rule `a.one`: "), "{show:#?}");
}

#[test]
fn duplicate_ids_and_syntax_errors() {
    let dup = format!("{GOOD}\n{}", &GOOD[GOOD.find("[[rule]]").unwrap_or(0)..]);
    let problems = lint(&dup);
    let dup_line = dup.lines().position(|l| l.starts_with("id = ")).map(|_| {
        dup.lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("id = "))
            .map(|(i, _)| i + 1)
            .last()
    });
    assert!(
        problems
            .iter()
            .any(|p| p.message == "duplicate rule id" && Some(p.line) == dup_line),
        "{problems:?}"
    );

    let problems = lint("[pack]\nname = \"x\"\n[[rule]]\nid = \n");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(4));
    assert!(problems[0].message.starts_with("invalid TOML"));

    let problems = lint("[pack]\nname = \"x\"\n[[rule]]\nidd = \"x\"\n");
    assert_eq!(problems[0].line, Some(4), "{problems:?}");
    assert!(problems[0].message.contains("idd"), "{problems:?}");
}

#[test]
fn limits_are_enforced() {
    let huge = "#".repeat(MAX_PACK_BYTES + 1);
    assert!(lint(&huge)[0].message.contains("1 MiB"));

    let within = GOOD.replace("within = 4", "within = 99");
    assert!(lint(&within)
        .iter()
        .any(|p| p.message.contains("must be 1 to 50")));

    let many: String = (0..70).map(|i| format!("'x{i}',")).collect();
    let regexes = GOOD.replace(
        r"regex = ['(?i)\bvote\s+for\s+[a-z]+']",
        &format!("regex = [{many}]"),
    );
    assert!(lint(&regexes)
        .iter()
        .any(|p| p.message.contains("the limit is 64")));

    let big = GOOD.replace(
        r"regex = ['(?i)\bvote\s+for\s+[a-z]+']",
        r"regex = ['\w{1000}\w{1000}']",
    );
    assert!(lint(&big)
        .iter()
        .any(|p| p.message.contains("does not compile")));

    let empty = GOOD.replace(r"regex = ['(?i)\bvote\s+for\s+[a-z]+']", r"regex = ['x*']");
    assert!(lint(&empty)
        .iter()
        .any(|p| p.message.contains("empty string")));

    let letters = |i: usize| -> String {
        [i / 676, (i / 26) % 26, i % 26]
            .iter()
            .map(|&d| char::from(b'a' + d as u8))
            .collect()
    };
    let verbs: String = (0..=MAX_VERBS_PER_PACK)
        .map(|i| format!("\"{}\",", letters(i)))
        .collect();
    let many_verbs = GOOD.replace(
        r#"terms = { en = ["vote for"], sets = ["symbols"] }"#,
        &format!("terms = {{ banglish_verbs = [{verbs}] }}"),
    );
    assert!(lint(&many_verbs)
        .iter()
        .any(|p| p.message.contains("bn_verbs/banglish_verbs entries")));
}

#[test]
fn missing_pack_name_and_base_sets() {
    let text = GOOD.replace("[pack]\nname = \"test\"\n", "");
    assert!(lint(&text).iter().any(|p| p.message.contains("`[pack]`")));

    let mut base = BTreeMap::new();
    base.insert(
        "party".to_owned(),
        Terms {
            en: vec!["bnp".into()],
            ..Terms::default()
        },
    );
    let uses_base = GOOD.replace(
        "sets = [\"symbols\"] }\nregex",
        "sets = [\"party\"] }\nregex",
    );
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &uses_base,
        }],
        &LoadOptions {
            base_sets: Some(&base),
            ..LoadOptions::default()
        },
    )
    .expect("base set resolves");
    assert!(pack.rules[0].terms.en.contains(&"bnp".to_owned()));
}

#[test]
fn backslash_d_detection() {
    assert!(uses_backslash_d(r"\d+"));
    assert!(!uses_backslash_d(r"\\d"));
    assert!(!uses_backslash_d(r"[0-9]\D"));
}
