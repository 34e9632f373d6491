//! Tests of the budgets for untrusted packs and of the problems reported for
//! malformed sources (issue 11).

use super::*;

fn problems(text: &str) -> Vec<Problem> {
    match load(
        &[Source {
            name: "t.toml",
            text,
        }],
        &LoadOptions::default(),
    ) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

/// A rule with the given matcher lines.
fn rule(id: &str, body: &str) -> String {
    test_fixture::rule(id, "secrecy", body)
}

/// `count` rules of `per_rule` regexes each, `pattern(rule, n)`.
fn regex_pack(count: usize, per_rule: usize, pattern: impl Fn(usize, usize) -> String) -> String {
    (0..count)
        .map(|r| {
            let list: Vec<String> = (0..per_rule)
                .map(|n| format!("'{}'", pattern(r, n)))
                .collect();
            rule(&format!("r.{r}"), &format!("regex = [{}]", list.join(", ")))
        })
        .collect()
}

fn over_budget(problems: &[Problem]) -> Vec<&Problem> {
    problems
        .iter()
        .filter(|p| p.message.contains("over the regex budget"))
        .collect()
}

#[test]
fn the_pack_of_issue_11_is_refused_quickly_by_the_memory_budget() {
    // 50 rules of 64 literal-free regexes: ~1.7 MB each once compiled.
    let text = regex_pack(50, 64, |_, n| format!(r"x{n}|\w{{20}}"));
    let started = std::time::Instant::now();
    let found = problems(&text);
    let elapsed = started.elapsed();
    let over = over_budget(&found);
    assert_eq!(over.len(), 1, "{found:#?}");
    let p = over[0];
    assert!(p.message.contains("KiB"), "{p}");
    assert!(
        p.message
            .contains(&format!("{} KiB", MAX_PACK_REGEX_BYTES / 1024)),
        "{p}"
    );
    assert_eq!(p.rule.as_deref(), Some("r.0"));
    assert_eq!(p.line, Some(8), "{p}");
    // Compiling stops at the budget: far fewer than 3,200 regexes are built.
    // Not a timing assertion on the machine's speed, only on the order of
    // magnitude (the full pack took over a minute before the budget).
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
}

#[test]
fn literal_free_regexes_are_counted() {
    let text = regex_pack(1, MAX_UNFILTERED_REGEXES + 1, |_, n| {
        format!("[a-z]{{{}}}", n + 2)
    });
    let found = problems(&text);
    let over = over_budget(&found);
    assert_eq!(over.len(), 1, "{found:#?}");
    assert!(
        over[0]
            .message
            .contains(&format!("regex number {}", MAX_UNFILTERED_REGEXES + 1)),
        "{:?}",
        over[0]
    );
    // The same number with a literal each is fine.
    let text = regex_pack(1, MAX_UNFILTERED_REGEXES + 1, |_, n| {
        format!("secret[a-z]{{{}}}", n + 2)
    });
    assert!(problems(&text).is_empty(), "{:#?}", problems(&text));
}

#[test]
fn the_number_of_regexes_in_a_pack_is_limited() {
    let per_rule = MAX_REGEXES_PER_RULE;
    let rules = MAX_REGEXES_PER_PACK / per_rule + 1;
    let text = regex_pack(rules, per_rule, |r, n| format!("code{r}x{n}"));
    let found = problems(&text);
    let over = over_budget(&found);
    assert_eq!(over.len(), 1, "{found:#?}");
    assert!(
        over[0]
            .message
            .contains(&format!("at most {MAX_REGEXES_PER_PACK} regexes")),
        "{:?}",
        over[0]
    );
    assert_eq!(
        over[0].rule.as_deref(),
        Some(format!("r.{}", MAX_REGEXES_PER_PACK / per_rule).as_str())
    );
}

#[test]
fn a_trusted_pack_is_not_budgeted() {
    let text = regex_pack(1, MAX_UNFILTERED_REGEXES + 1, |_, n| {
        format!("[a-z]{{{}}}", n + 2)
    });
    let loaded = load(
        &[Source {
            name: "t.toml",
            text: &text,
        }],
        &LoadOptions {
            trusted: true,
            ..LoadOptions::default()
        },
    );
    assert!(loaded.is_ok());
}

#[test]
fn long_terms_are_refused_with_their_start() {
    let long = "ক".repeat(MAX_TERM_CHARS + 1);
    let ok = "খ".repeat(MAX_TERM_CHARS);
    let text = rule(
        "r.long",
        &format!(
            "terms = {{ bn = [\"{ok}\", \"{long}\"], en = [\"{}\"] }}\n\
             except = {{ bn_verbs = [\"{long}\"], bn_words = [\"{long}\"] }}",
            "a".repeat(MAX_TERM_CHARS + 5)
        ),
    );
    let found = problems(&text);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found.iter().all(|p| !p.message.contains("is empty")));
    for p in &found {
        assert!(
            p.message
                .contains(&format!("the limit is {MAX_TERM_CHARS}")),
            "{p}"
        );
        assert!(
            p.message.len() < 300,
            "the term is not repeated in full: {p}"
        );
    }
    assert!(found[0].message.contains("bn term `কককক"), "{}", found[0]);
    assert!(found[1]
        .message
        .contains(&format!("{} characters", MAX_TERM_CHARS + 5)));
    assert_eq!(found[0].line, Some(8));
    assert_eq!(found[2].line, Some(9));
}

#[test]
fn every_unknown_key_is_reported_with_its_line_and_rule() {
    let text = format!(
        "[pack]\nname = \"t\"\nauthor = \"x\"\n{}",
        rule(
            "r.keys",
            "terms = { en = [\"x\"], english = [\"y\"] }\nseverty = \"warn\"\n\
             [[rule.near]]\na = { en = [\"a\"] }\nb = { en = [\"b\"] }\nwithn = 3"
        )
    );
    let found = problems(&text);
    let got: Vec<(Option<usize>, Option<&str>, &str)> = found
        .iter()
        .map(|p| (p.line, p.rule.as_deref(), p.message.as_str()))
        .collect();
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_eq!(got[0].0, Some(3));
    assert!(got[0]
        .2
        .starts_with("unknown key `pack.author`; expected one of: name, version"));
    assert_eq!(got[1], (Some(11), Some("r.keys"), got[1].2));
    assert!(got[1].2.contains("`rule[0].terms.english`"), "{got:#?}");
    assert!(got[2].2.contains("`rule[0].severty`") && got[2].0 == Some(12));
    assert!(got[3].2.contains("`rule[0].near[0].withn`") && got[3].0 == Some(16));
}

#[test]
fn a_too_deeply_nested_table_gets_a_line() {
    let text = format!(
        "[pack]\nname = \"t\"\n\n[rule.{}]\nx = 1\n",
        vec!["a"; 120].join(".")
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, Some(4), "{found:#?}");
    assert!(found[0].message.contains("recursion"), "{found:#?}");
    assert!(found[0].message.contains("nested 121 levels"), "{found:#?}");
}

/// A set of 120,000 terms used by a rule, and a rule listing one set 20,000
/// times: deduplicating terms used to compare each term with all before it
/// (143 s in a release build for the first pack). Not a timed assertion: a
/// slow run shows the regression.
#[test]
fn huge_sets_and_repeated_set_names_load_in_linear_time() {
    let terms: Vec<String> = (0..120_000u32)
        .map(|i| {
            let l = |k: u32| char::from(b'a' + ((i / 26u32.pow(k)) % 26) as u8);
            format!("\"{}{}{}{}\"", l(3), l(2), l(1), l(0))
        })
        .collect();
    let text = format!(
        "[set.big]\nen = [{}]\n[set.small]\nen = [\"falcon\", \"falcon\", \"hawk\"]\n{}{}",
        terms.join(","),
        rule("r.big", "terms = { sets = [\"big\"] }"),
        rule(
            "r.many",
            &format!(
                "terms = {{ sets = [{}] }}",
                vec!["\"small\""; 20_000].join(",")
            )
        )
    );
    assert!(text.len() < MAX_PACK_BYTES);
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule.as_deref(), Some("r.big"));
    assert!(
        found[0]
            .message
            .contains("set `big` brings the list to 120000 terms; the limit is 5000"),
        "{found:#?}"
    );
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &text.replace("sets = [\"big\"]", "en = [\"x\"]"),
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.rules[1].terms.en, ["falcon", "hawk"]);
    assert_eq!(pack.sets["big"].en.len(), 120_000);
}

/// One set of 4,999 terms used by 2,000 rules: ten million terms after
/// merging. Loading stops once the pack's limit is passed instead of holding
/// them all (558 MB before).
#[test]
fn loading_stops_at_the_pack_term_limit() {
    let terms: Vec<String> = (0..4_999u32).map(|i| format!("\"t{i}\"")).collect();
    let mut text = format!("[set.big]\nen = [{}]\n", terms.join(","));
    for r in 0..2_000 {
        text.push_str(&rule(&format!("r.{r}"), "terms = { sets = [\"big\"] }"));
    }
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains(&format!(
            "more than {MAX_TERMS_PER_PACK} terms after merging sets (54989 in its first 11 rules)"
        )),
        "{found:#?}"
    );
}
