//! Engine unit tests on small hand-written packs.

use super::*;
use crate::rules::{load, LoadOptions, Source};

fn engine(toml: &str) -> Engine {
    let pack = load(
        &[Source {
            name: "t.toml",
            text: toml,
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    Engine::from_pack(pack, &Terms::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn rule(id: &str, body: &str) -> String {
    format!(
        r#"
[[rule]]
id = "{id}"
category = "political"
clause = "2019 ১০-গ"
severity = {{ official = "warn", personal = "advise" }}
message.en = "m"
message.bn = "ম"
{body}
[rule.examples]
flag = ["x"]
"#
    )
}

fn spans(e: &Engine, text: &str) -> Vec<(String, String)> {
    e.check(text, Context::Official)
        .findings
        .into_iter()
        .map(|f| (f.rule, f.excerpt))
        .collect()
}

#[test]
fn english_whole_words_with_plural() {
    let e = engine(&rule("p.vote", r#"terms = { en = ["vote", "party"] }"#));
    assert_eq!(
        spans(&e, "Votes and VOTE, votes' party's; voter devote"),
        vec![
            ("p.vote".into(), "Votes".into()),
            ("p.vote".into(), "VOTE".into()),
            ("p.vote".into(), "votes".into()),
            ("p.vote".into(), "party's".into())
        ]
    );
}

#[test]
fn bangla_word_start_any_suffix() {
    let e = engine(&rule("p.league", r#"terms = { bn = ["লীগ", "চাকমা"] }"#));
    assert_eq!(
        spans(&e, "লীগের সভা, যুবলীগ নয়; চাকমাদের"),
        vec![
            ("p.league".into(), "লীগের".into()),
            ("p.league".into(), "চাকমাদের".into())
        ]
    );
}

#[test]
fn overlapping_terms_of_one_rule_merge_and_other_rules_still_see_theirs() {
    let toml = format!(
        "{}{}",
        rule("p.a", r#"terms = { en = ["vote for", "for the boat"] }"#),
        rule("p.b", r#"terms = { en = ["vote"] }"#)
    );
    let e = engine(&toml);
    assert_eq!(
        spans(&e, "vote for the boat"),
        vec![
            ("p.b".into(), "vote".into()),
            ("p.a".into(), "vote for the boat".into()),
        ]
    );
}

#[test]
fn near_either_order_within_words() {
    let e = engine(&rule(
        "p.near",
        "[[rule.near]]\na = { bn = [\"নৌকা\"] }\nb = { bn = [\"ভোট\"] }\nwithin = 2\n",
    ));
    assert_eq!(
        spans(&e, "নৌকা মার্কায় ভোট দিন"),
        vec![("p.near".into(), "নৌকা মার্কায় ভোট".into())]
    );
    assert_eq!(
        spans(&e, "ভোট দিন নৌকায়"),
        vec![("p.near".into(), "ভোট দিন নৌকায়".into())]
    );
    assert!(spans(&e, "নৌকা এক দুই তিন ভোট").is_empty());
    assert!(spans(&e, "নৌকা বাইচ").is_empty());
}

#[test]
fn exceptions_cancel_overlap_or_nearby() {
    let e = engine(&rule(
        "p.boat",
        "terms = { bn = [\"নৌকা\"] }\nexcept = { bn = [\"নৌকা বাইচ\"], en = [\"boat race\"] }\n",
    ));
    assert!(spans(&e, "নৌকা বাইচ প্রতিযোগিতা").is_empty());
    assert_eq!(spans(&e, "নৌকা দিন").len(), 1);
    let e = engine(&rule(
        "p.boat",
        "terms = { bn = [\"নৌকা\"] }\nexcept = { bn = [\"প্রতিযোগিতা\"] }\nexcept_within = 2\n",
    ));
    assert!(spans(&e, "নৌকা এক প্রতিযোগিতা").is_empty());
    assert_eq!(spans(&e, "নৌকা এক দুই তিন প্রতিযোগিতা").len(), 1);
}

#[test]
fn regex_spans_map_to_original_and_severity_per_context() {
    let toml = rule("p.otp", r"regex = ['otp[: ]+[0-9]{4,8}']")
        .replace("personal = \"advise\"", "personal = \"off\"");
    let e = engine(&toml);
    let r = e.check("Your OTP: ৪৫৬৭৮৯ ok", Context::Official);
    assert_eq!(r.findings.len(), 1, "{r:#?}");
    assert_eq!(r.findings[0].excerpt, "OTP: ৪৫৬৭৮৯");
    assert_eq!(r.summary.highest, Some(Severity::Warn));
    assert!(e
        .check("Your OTP: 456789", Context::Personal)
        .findings
        .is_empty());
}

#[test]
fn allowed_terms_cancel_everything() {
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &rule("p.boat", "terms = { en = [\"boat\"] }"),
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let allowed = Terms {
        en: vec!["boat race".into()],
        ..Terms::default()
    };
    let e = Engine::from_pack(pack, &allowed).unwrap_or_else(|e| panic!("{e}"));
    assert!(spans(&e, "the boat race").is_empty());
    assert_eq!(spans(&e, "the boat").len(), 1);
}

#[test]
fn utf16_offsets_and_examples() {
    let e = engine(&rule("p.vote", r#"terms = { en = ["vote"] }"#));
    let text = "😀 নৌকা vote";
    let f = &e.check(text, Context::Official).findings[0];
    assert_eq!(&text[f.start..f.end], "vote");
    assert_eq!(f.start_utf16, text[..f.start].encode_utf16().count());
    assert_eq!(f.end_utf16, f.start_utf16 + 4);
    let failures = e.example_failures();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0]
        .message
        .contains("examples.flag[0] is not flagged"));
}

#[test]
fn except_written_after_a_near_table_is_the_rules_exception() {
    // In TOML, `except` after `[[rule.near]]` lands in the near table (as in
    // the example of docs/rules.md); it must still cancel matches.
    let e = engine(&rule(
        "p.near",
        "[[rule.near]]\na = { bn = [\"নৌকা\"] }\nb = { bn = [\"ভোট\"] }\nwithin = 4\nexcept = { bn = [\"নৌকা বাইচ\"] }\n",
    ));
    assert!(spans(&e, "নৌকা বাইচ শেষে ভোট").is_empty());
    assert_eq!(spans(&e, "নৌকায় ভোট দিন").len(), 1);
}

#[test]
fn banglish_whole_words_with_short_suffix() {
    let e = engine(&rule("p.chor", r#"terms = { banglish = ["chor"] }"#));
    assert_eq!(spans(&e, "sorkar ekta chor").len(), 1);
    assert_eq!(spans(&e, "shob cor der dhoro").len(), 1);
    assert_eq!(spans(&e, "chorer dol").len(), 1);
    assert!(spans(&e, "kor kaj").is_empty());
    assert!(spans(&e, "chorabali").is_empty());
}

#[test]
fn bangla_whole_words_take_only_listed_suffixes() {
    let e = engine(&rule("p.japa", r#"terms = { bn_words = ["জাপা"] }"#));
    assert_eq!(spans(&e, "জাপা নেতা").len(), 1);
    // A built-in suffix (genitive, emphatic ও) is part of the finding.
    assert_eq!(
        spans(&e, "জাপার প্রার্থী, জাপাও"),
        vec![
            ("p.japa".into(), "জাপার".into()),
            ("p.japa".into(), "জাপাও".into())
        ]
    );
    // Another word that starts with the term is not a match.
    assert!(spans(&e, "জাপান সরকার").is_empty());
    assert!(spans(&e, "জাপানের").is_empty());
    // Still a word start: no match inside a word.
    assert!(spans(&e, "মজাপা").is_empty());
}

#[test]
fn bangla_whole_words_with_own_suffixes() {
    let e = engine(&rule(
        "p.bal",
        r#"terms = { bn_words = ["বাল"], bn_suffixes = ["ের", "ে", "ডা"] }"#,
    ));
    assert_eq!(spans(&e, "বাল").len(), 1);
    assert_eq!(spans(&e, "বালডা কি").len(), 1);
    assert_eq!(spans(&e, "বালের কথা").len(), 1);
    // Not in this list, though it is a built-in suffix.
    assert!(spans(&e, "বালরা").is_empty());
    assert!(spans(&e, "বালক বালিকা বালতি").is_empty());
    // `bn_suffixes = []`: the whole word only; folds apply to the word.
    let e = engine(&rule(
        "p.malu",
        r#"terms = { bn_words = ["মালু"], bn_suffixes = [] }"#,
    ));
    assert_eq!(spans(&e, "মালূ").len(), 1);
    assert!(spans(&e, "মালুর").is_empty());
    assert!(spans(&e, "মালুম হয়").is_empty());
}

#[test]
fn same_text_as_bn_and_bn_words_keeps_both_policies() {
    let pack = format!(
        "{}{}",
        rule("p.any", r#"terms = { bn = ["জাপা"] }"#),
        rule("p.word", r#"terms = { bn_words = ["জাপা"] }"#)
    );
    let e = engine(&pack);
    assert_eq!(spans(&e, "জাপান"), vec![("p.any".into(), "জাপান".into())]);
    let both = spans(&e, "জাপার");
    assert_eq!(both.len(), 2, "{both:?}");
}

#[test]
fn near_with_a_regex_side() {
    let e = engine(&rule(
        "p.phone",
        "[[rule.near]]\na = { regex = ['\\b01[3-9][0-9]{8}\\b'] }\nb = { bn = [\"নাগরিক\"], en = [\"citizen\"] }\nwithin = 3\n",
    ));
    assert_eq!(
        spans(&e, "নাগরিকের নম্বর ০১৭১২৩৪৫৬৭৮ দেওয়া হলো"),
        vec![("p.phone".into(), "নাগরিকের নম্বর ০১৭১২৩৪৫৬৭৮".into())]
    );
    assert_eq!(spans(&e, "01712345678 belongs to a citizen").len(), 1);
    // Too far apart, or one side missing.
    assert!(spans(&e, "01712345678 one two three four citizen").is_empty());
    assert!(spans(&e, "call 01712345678 now").is_empty());
    assert!(spans(&e, "citizen charter").is_empty());
}

#[test]
fn near_with_regexes_on_both_sides_and_exceptions() {
    let e = engine(&rule(
        "p.both",
        "except = { en = [\"1234567890\"] }\n[[rule.near]]\na = { regex = ['\\bnid\\b'] }\nb = { regex = ['\\b[0-9]{10}\\b'] }\nwithin = 2\n",
    ));
    assert_eq!(
        spans(&e, "NID no 5555555555"),
        vec![("p.both".into(), "NID no 5555555555".into())]
    );
    // The exception drops that `b` match before pairing ...
    assert!(spans(&e, "NID 1234567890").is_empty());
    // ... so another `b` match within reach still pairs.
    assert_eq!(
        spans(&e, "NID 1234567890 or 5555555555"),
        vec![("p.both".into(), "NID 1234567890 or 5555555555".into())]
    );
}

#[test]
fn model_matchers_feed_driver_words_and_can_be_switched_off() {
    let violent = "ওকে ধরে পিটিয়ে মেরে ফেলো";
    let mut e = engine(&rule("m.alone", r#"model = ["violent"]"#));
    assert!(e.uses_stance_model());
    let found = spans(&e, violent);
    assert!(!found.is_empty(), "{found:?}");
    for (_, excerpt) in &found {
        assert!(violent.contains(excerpt.as_str()) && !excerpt.contains(' '));
    }
    assert!(spans(&e, "শুভ সকাল, সবাইকে শুভেচ্ছা।").is_empty());
    e.set_stance_model(None);
    assert!(!e.uses_stance_model());
    assert!(spans(&e, violent).is_empty());

    // An engine without model rules never loads the model.
    let plain = engine(&rule("p", r#"terms = { en = ["vote"] }"#));
    assert!(!plain.uses_stance_model());
}

#[test]
fn a_framed_stance_needs_its_target_in_the_same_clause() {
    let e = engine(&rule(
        "m.framed",
        "[[rule.near]]\na = { bn = [\"পুলিশ\"] }\nb = { model = [\"violent\"] }\nwithin = 8",
    ));
    let same = "পুলিশগুলোকে ধরে জবাই করে দাও";
    let found = spans(&e, same);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.starts_with("পুলিশগুলোকে"));
    // The same words with the target in the previous clause: no pair.
    assert!(spans(&e, "পুলিশ এসেছে। ধরে জবাই করে দাও").is_empty());
    // The stance alone, without a target, is no finding of this rule.
    assert!(spans(&e, "ধরে জবাই করে দাও").is_empty());
}

#[test]
fn allowed_terms_cancel_model_hits() {
    let toml = rule("m.alone", r#"model = ["violent"]"#);
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &toml,
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let text = "ওকে ধরে পিটিয়ে মেরে ফেলো";
    let before =
        Engine::from_pack(pack.clone(), &Terms::default()).unwrap_or_else(|e| panic!("{e}"));
    let words: Vec<String> = spans(&before, text).into_iter().map(|f| f.1).collect();
    assert!(!words.is_empty());
    let allowed = Terms {
        bn: words.clone(),
        ..Terms::default()
    };
    let after = Engine::from_pack(pack, &allowed).unwrap_or_else(|e| panic!("{e}"));
    let left: Vec<String> = spans(&after, text).into_iter().map(|f| f.1).collect();
    assert!(left.iter().all(|w| !words.contains(w)), "{left:?}");
}

#[test]
fn a_model_only_finding_gives_way_to_another_rule_on_the_same_words() {
    let text = "ওকে ধরে পিটিয়ে মেরে ফেলো";
    let alone = engine(&rule("m.alone", r#"model = ["violent"]"#));
    let words: Vec<String> = spans(&alone, text).into_iter().map(|f| f.1).collect();
    assert!(words.len() >= 2, "{words:?}");
    // A term rule on the first driver word: the model finding there goes,
    // the others stay.
    let both = engine(&format!(
        "{}{}",
        rule("m.alone", r#"model = ["violent"]"#),
        rule("t.term", &format!("terms = {{ bn = [\"{}\"] }}", words[0]))
    ));
    let found = spans(&both, text);
    assert!(
        found.contains(&("t.term".to_owned(), words[0].clone())),
        "{found:?}"
    );
    assert!(
        !found.contains(&("m.alone".to_owned(), words[0].clone())),
        "{found:?}"
    );
    assert!(
        found.contains(&("m.alone".to_owned(), words[1].clone())),
        "{found:?}"
    );
}
