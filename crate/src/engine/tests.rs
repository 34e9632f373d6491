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

/// The shared test rule in `political`, `advise` on personal profiles.
fn rule(id: &str, body: &str) -> String {
    crate::rules::test_fixture::rule(id, "political", body)
        .replace("personal = \"warn\"", "personal = \"advise\"")
}

/// Findings of every rule, kept apart (not merged by category).
fn spans(e: &Engine, text: &str) -> Vec<(String, String)> {
    e.check_by_rule(text, Context::Official)
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
fn banglish_terms_leave_common_english_words_alone() {
    let e = engine(&rule(
        "p.thief",
        r#"terms = { banglish = ["chor", "tor", "bou"] }"#,
    ));
    assert_eq!(
        spans(
            &e,
            "Of course, the training courses; chor, chorer, TOR; a tour; amar bow, boy"
        ),
        vec![
            ("p.thief".into(), "chor".into()),
            ("p.thief".into(), "chorer".into()),
            ("p.thief".into(), "TOR".into()),
            // "bow" is also how বউ is typed: not in the list.
            ("p.thief".into(), "bow".into())
        ]
    );
}

#[test]
fn english_es_follows_only_the_words_that_take_it() {
    let e = engine(&rule(
        "p.words",
        r#"terms = { en = ["rat", "tax", "march", "hero"] }"#,
    ));
    assert_eq!(
        spans(
            &e,
            "rats, rates, taxes, marches, heroes, a hero's, rate, Rats"
        ),
        vec![
            ("p.words".into(), "rats".into()),
            ("p.words".into(), "taxes".into()),
            ("p.words".into(), "marches".into()),
            ("p.words".into(), "heroes".into()),
            ("p.words".into(), "hero's".into()),
            ("p.words".into(), "Rats".into())
        ]
    );
}

#[test]
fn a_bangla_term_ending_in_a_negation_ends_with_the_word() {
    let e = engine(&rule(
        "p.unfit",
        r#"terms = { bn = ["যোগ্য না", "উপযুক্ত নয়"] }"#,
    ));
    assert_eq!(
        spans(&e, "যোগ্য নারী প্রার্থী; উপযুক্ত নয়ন; ওরা যোগ্য না, উপযুক্ত নয়।"),
        vec![
            ("p.unfit".into(), "যোগ্য না".into()),
            ("p.unfit".into(), "উপযুক্ত নয়".into())
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

/// Excerpts flagged by any rule.
fn excerpts(e: &Engine, text: &str) -> Vec<String> {
    spans(e, text).into_iter().map(|(_, x)| x).collect()
}

#[test]
fn english_verbs_inflect_their_first_word() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { en_verbs = ["kill", "rape", "burn down", "kick them out", "shoot", "hang", "vote"] }"#,
    ));
    for (text, want) in [
        ("they killed him", "killed"),
        ("Killing is wrong", "Killing"),
        ("kills", "kills"),
        ("he was raped", "raped"),
        ("burned down the shop", "burned down"),
        ("burning down", "burning down"),
        ("burnt down", "burnt down"),
        ("kicked them out", "kicked them out"),
        ("he shot them", "shot"),
        ("hung", "hung"),
        ("hanged", "hanged"),
        ("voting day", "voting"),
        ("k1lled", "k1lled"),
    ] {
        assert_eq!(excerpts(&e, text), [want], "{text}");
    }
    // Substring traps: whole words only.
    for text in [
        "a skill",
        "skilled workers",
        "the therapist",
        "change",
        "changed",
        "shooter",
    ] {
        assert!(
            excerpts(&e, text).is_empty(),
            "{text}: {:?}",
            excerpts(&e, text)
        );
    }
}

#[test]
fn bangla_verbs_match_their_paradigm_as_whole_words() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { bn_verbs = ["মার", "পোড়া", "কোপা"] }"#,
    ));
    for w in [
        "মারো",
        "মারুন",
        "মারেন",
        "মারবেন",
        "মেরে",
        "মেরেছে",
        "মাইরা",
        "মারমু",
        "মারতেছে",
        "মারবোই",
        "মারেনি",
        "পুড়িয়ে",
        "পোড়াও",
        "পুড়াইয়া",
        "কুপিয়ে",
        "কোপাও",
    ] {
        let text = format!("ওদের {w}!");
        assert_eq!(excerpts(&e, &text), [w], "{w}");
    }
    // Traps: আমার, মারমা (an ethnic group), মারাত্মক, মার্কেট, পোড়ামাটি.
    for text in ["আমার বাড়ি", "মারমা সম্প্রদায়", "মারাত্মক", "মার্কেটে যাও", "পোড়ামাটির কাজ"]
    {
        assert!(
            excerpts(&e, text).is_empty(),
            "{text}: {:?}",
            excerpts(&e, text)
        );
    }
}

#[test]
fn multi_word_verb_entries_need_their_earlier_words() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { bn_verbs = ["আগুন দে", "রাস্তায় নাম"], banglish_verbs = ["agun de"] }"#,
    ));
    assert_eq!(excerpts(&e, "বাড়িতে আগুন দাও"), ["আগুন দাও"]);
    assert_eq!(excerpts(&e, "আগুনে দিয়ে দিমু"), ["আগুনে দিয়ে"]);
    assert_eq!(excerpts(&e, "আগুন দিন।"), ["আগুন দিন"]);
    assert_eq!(excerpts(&e, "সবাই রাস্তায় নেমে আসুন"), ["রাস্তায় নেমে"]);
    assert_eq!(excerpts(&e, "agun dao oder barite"), ["agun dao"]);
    assert_eq!(excerpts(&e, "agunta diye dimu"), ["agunta diye"]);
    // The verb alone, or another word before it, does not match.
    assert!(excerpts(&e, "ভোট দিন").is_empty());
    assert!(excerpts(&e, "দাও").is_empty());
    assert!(excerpts(&e, "vote dao").is_empty());
    // The excerpt is exactly the original span.
    let text = "ওরা আ*গুন দিবে? আগুন, দিবে";
    let f = e.check(text, Context::Official).findings;
    assert!(f
        .iter()
        .all(|f| text.get(f.start..f.end) == Some(f.excerpt.as_str())));
}

#[test]
fn banglish_verbs_match_romanised_paradigms() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { banglish_verbs = ["mar", "pora", "jala", "kor"] }"#,
    ));
    for w in [
        "maro", "marun", "marbo", "mere", "maira", "marse", "marmu", "purao", "puriye", "jalaiya",
        "jaliye", "korbo", "kortese", "korun", "maroi",
    ] {
        assert_eq!(excerpts(&e, &format!("oder {w} ekhon")), [w], "{w}");
    }
    for text in ["amar bari", "tomar", "market", "marma", "march"] {
        assert!(
            excerpts(&e, text).is_empty(),
            "{text}: {:?}",
            excerpts(&e, text)
        );
    }
}

#[test]
fn masked_letters_and_confusables() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { bn = ["মালাউন"], bn_words = ["ছাগল"], en = ["accident", "women", "kill"], banglish = ["malaun"] }"#,
    ));
    for (text, want) in [
        ("ম*লাউন", "ম*লাউন"),
        ("মা.লা.উ.ন", "মা.লা.উ.ন"),
        ("ছা*গল", "ছা*গল"),
        ("ছাগ*ল", "ছাগ*ল"),
        ("m*laun der", "m*laun"),
        ("acc!dent", "acc!dent"),
        ("W0men", "W0men"),
        ("k*ll them", "k*ll"),
        ("kіll", "kіll"),
    ] {
        assert_eq!(excerpts(&e, &format!("ওরা {text} হবে")), [want], "{text}");
    }
    // One masked letter is not enough to meet a short or different word.
    for text in ["*", "m*", "k**", "ছা*", "sk*ll"] {
        assert!(
            excerpts(&e, text).is_empty(),
            "{text}: {:?}",
            excerpts(&e, text)
        );
    }
}

#[test]
fn term_patterns_list_each_view_with_generated_forms() {
    let toml = rule(
        "p.t",
        r#"terms = { en = ["Party"], bn_verbs = ["মার"], banglish = ["nouka"] }"#,
    );
    let pack = load(
        &[Source {
            name: "t.toml",
            text: &toml,
        }],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let views = Engine::term_patterns(&pack);
    let names: Vec<&str> = views.iter().map(|v| v.0).collect();
    assert_eq!(names, ["Bangla", "English", "Banglish"]);
    let en = &views[1].1;
    assert!(en.contains(&"party".to_owned()), "{en:?}");
    assert!(en.contains(&"parties".to_owned()), "{en:?}");
    let bn = &views[0].1;
    assert!(bn.len() > 10, "a verb paradigm has many forms: {bn:?}");
    assert!(bn.contains(&views::fold_bangla_term("মেরেছে")), "{bn:?}");
    assert_eq!(views[2].1, [views::skeleton_term("nouka")]);
}

#[test]
fn term_patterns_are_the_default_engines_patterns() {
    let pack = RulePack::default_pack().unwrap_or_else(|e| panic!("{e}"));
    let listed = Engine::term_patterns(&pack);
    let engine = Engine::from_pack(pack, &Terms::default()).unwrap_or_else(|e| panic!("{e}"));
    let built: Vec<(&str, usize)> = engine
        .matcher_sizes()
        .into_iter()
        .map(|(view, patterns, _)| (view, patterns))
        .collect();
    let counted: Vec<(&str, usize)> = listed.iter().map(|(v, p)| (*v, p.len())).collect();
    assert_eq!(counted, built);
}

#[test]
fn near_with_clause_scope_stays_in_one_clause() {
    let body = |scope: &str| {
        format!(
            "[[rule.near]]\na = {{ bn = [\"ওদের\"], en = [\"them\"] }}\nb = {{ bn_verbs = [\"মার\"], en_verbs = [\"kill\"] }}\nwithin = 5\n{scope}"
        )
    };
    let words = engine(&rule("p.w", &body("")));
    let clause = engine(&rule("p.c", &body("scope = \"clause\"")));
    for text in [
        "ওদের মারো",
        "ওদের সবাইকে মেরে ফেলো",
        "kill them all",
        "them, kill",
    ] {
        assert_eq!(spans(&words, text).len(), 1, "{text}");
        assert_eq!(spans(&clause, text).len(), 1, "{text}");
    }
    for text in [
        "ওদের দেখেছি। মারো না",
        "ওদের? মারবো না",
        "them. Kill time",
        "them;\nkilling",
    ] {
        assert_eq!(spans(&words, text).len(), 1, "{text}");
        assert!(spans(&clause, text).is_empty(), "{text}");
    }
    // A dot inside a number or address is not a break.
    assert_eq!(spans(&clause, "them 2.5 kill").len(), 1);
}

#[test]
fn call_tag_keeps_only_imperatives_and_futures() {
    let e = engine(&rule(
        "p.v",
        r#"terms = { bn_verbs = ["আগুন দে:call", "মার:call"], banglish_verbs = ["agun de:call"] }"#,
    ));
    for text in [
        "আগুন দাও",
        "আগুন দিন",
        "আগুন দিমু",
        "মারো",
        "মেরো",
        "মারবো",
        "agun dao",
        "agun dimu",
    ] {
        assert_eq!(excerpts(&e, text).len(), 1, "{text}");
    }
    for text in [
        "আগুন দিয়েছে",
        "আগুন দেওয়া হয়েছে",
        "মেরেছে",
        "মারল",
        "মারেননি",
        "agun diyeche",
        "agun dilo",
        "agun deyni",
    ] {
        assert!(
            excerpts(&e, text).is_empty(),
            "{text}: {:?}",
            excerpts(&e, text)
        );
    }
}

#[test]
fn model_matchers_feed_driver_words_and_can_be_switched_off() {
    let violent = "dhore pitiye mere felo, agun diye puriye dao";
    let mut e = engine(&rule("m.alone", r#"model = ["violent"]"#));
    assert!(e.uses_stance_model());
    let found = spans(&e, violent);
    // One clause, one finding: from the first driver word to the last.
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(violent.contains(found[0].1.as_str()), "{found:?}");
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
    let text = "dhore pitiye mere felo, agun diye puriye dao";
    let before =
        Engine::from_pack(pack.clone(), &Terms::default()).unwrap_or_else(|e| panic!("{e}"));
    let words: Vec<String> = spans(&before, text).into_iter().map(|f| f.1).collect();
    assert!(!words.is_empty());
    let allowed = Terms {
        banglish: words.clone(),
        ..Terms::default()
    };
    let after = Engine::from_pack(pack, &allowed).unwrap_or_else(|e| panic!("{e}"));
    let left: Vec<String> = spans(&after, text).into_iter().map(|f| f.1).collect();
    assert!(left.iter().all(|w| !words.contains(w)), "{left:?}");
}

#[test]
fn a_model_only_finding_gives_way_to_another_rule_in_the_same_clause() {
    let text = "dhore pitiye mere felo, agun diye puriye dao";
    let alone = engine(&rule("m.alone", r#"model = ["violent"]"#));
    let found = spans(&alone, text);
    assert_eq!(found.len(), 1, "{found:?}");
    let first = found[0]
        .1
        .split_whitespace()
        .next()
        .map(str::to_owned)
        .unwrap_or_default();
    let pack = format!(
        "{}{}",
        rule("m.alone", r#"model = ["violent"]"#),
        rule("t.term", &format!("terms = {{ banglish = [\"{first}\"] }}"))
    );
    // A term rule of the same category in the clause: the model finding goes.
    let both = engine(&pack);
    let found = spans(&both, text);
    assert!(found.iter().all(|f| f.0 != "m.alone"), "{found:?}");
    assert!(found.iter().any(|f| f.0 == "t.term"), "{found:?}");
    // A term of the same category in another clause leaves it in place;
    // the same term in the model's clause removes it.
    let other = engine(&format!(
        "{}{}",
        rule("m.alone", r#"model = ["violent"]"#),
        rule("t.other", r#"terms = { en = ["notice"] }"#)
    ));
    let found = spans(&other, &format!("notice. {text}"));
    assert!(found.iter().any(|f| f.0 == "m.alone"), "{found:?}");
    let found = spans(&other, &format!("{text} notice"));
    assert!(found.iter().all(|f| f.0 != "m.alone"), "{found:?}");
}

#[test]
fn an_advisory_does_not_release_a_clause_the_model_holds() {
    let text = "dhore pitiye mere felo, agun diye puriye dao";
    let alone = engine(&rule("m.alone", r#"model = ["violent"]"#));
    let first = spans(&alone, text)
        .first()
        .and_then(|f| f.1.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default();
    assert!(!first.is_empty());
    // The model rule holds (warn); a term rule of the same category only
    // advises on the same words: the model's finding stays, so the post is
    // still held.
    let advisory = rule("t.term", &format!("terms = {{ banglish = [\"{first}\"] }}"))
        .replace("official = \"warn\"", "official = \"advise\"");
    let e = engine(&format!(
        "{}{advisory}",
        rule("m.alone", r#"model = ["violent"]"#)
    ));
    let found = e.check_by_rule(text, Context::Official).findings;
    assert!(
        found
            .iter()
            .any(|f| f.rule == "m.alone" && f.severity == Severity::Warn),
        "{found:?}"
    );
    // Merged by category, the post's finding is held.
    let merged = e.check(text, Context::Official);
    assert!(
        merged.findings.iter().any(|f| f.severity == Severity::Warn),
        "{merged:?}"
    );
}

#[test]
fn overlapping_findings_of_one_category_are_merged() {
    let pack = format!(
        "{}{}{}",
        rule("a.one", r#"terms = { en = ["red boat"] }"#),
        rule("a.two", r#"terms = { en = ["boat race"] }"#),
        rule("a.far", r#"terms = { en = ["green"] }"#)
    );
    let e = engine(&pack);
    let report = e.check("the red boat race and green", Context::Official);
    let got: Vec<(String, String)> = report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.excerpt.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("a.one".to_owned(), "red boat race".to_owned()),
            ("a.far".to_owned(), "green".to_owned())
        ]
    );
    // Each rule still flags its own example (examples see unmerged findings).
    let two = e.pack_rules().iter().find(|r| r.id == "a.two");
    assert!(two.is_some_and(|r| e.flags(r, "the red boat race")));
}

#[test]
fn a_pronoun_that_is_the_stance_itself_also_carries_the_target() {
    // The `b` side may be the pronoun phrase ("these people", ওদের): its own
    // first word opens the next clause.
    let e = engine(&rule(
        "p.other",
        "[[rule.near]]\na = { bn = [\"রোহিঙ্গা\"], en = [\"tribal\"] }\nb = { bn = [\"ওদের কথা\"], en = [\"these people\"] }\nwithin = 10\nscope = \"clause-anaphora\"",
    ));
    for text in [
        "Tribal families got the plots; these people never pay the rent",
        "রোহিঙ্গা পরিবারগুলো এসেছে। ওদের কথা আলাদা।",
    ] {
        assert_eq!(spans(&e, text).len(), 1, "{text}");
    }
    // Not when the pronoun phrase is not at the opening of the next clause.
    for text in [
        "Tribal families got the plots; the rent, say these people, is high",
        "রোহিঙ্গা পরিবারগুলো এসেছে। আজ সকালে বাজারে শুনলাম ওদের কথা।",
    ] {
        assert!(spans(&e, text).is_empty(), "{text}");
    }
}

#[test]
fn a_pronoun_opening_the_next_clause_carries_the_target_there() {
    let near = |scope: &str| {
        engine(&rule(
            "p.carry",
            &format!(
                "[[rule.near]]\na = {{ bn = [\"পাহাড়ি\"], en = [\"rohingya\"] }}\nb = {{ bn = [\"অলস\"], en = [\"criminals\"] }}\nwithin = 10\nscope = \"{scope}\""
            ),
        ))
    };
    let carry = near("clause-anaphora");
    let plain = near("clause");
    for text in [
        "পাহাড়ি কর্মচারীরা অফিসে আসে। ওরা সব অলস।",
        "Rohingya families reached the camp. They are criminals, all of them.",
        "পাহাড়ি লোকজন এসেছে। এদের অনেকেই অলস।",
    ] {
        assert_eq!(spans(&carry, text).len(), 1, "{text}");
        assert!(spans(&plain, text).is_empty(), "clause scope: {text}");
    }
    for text in [
        // No pronoun opening the second clause.
        "পাহাড়ি কর্মচারীরা অফিসে আসে। সব অলস।",
        // The pronoun is not at the clause's opening (beyond its first three words).
        "পাহাড়ি কর্মচারীরা এসেছে। আজ সকালে বাজারে ওরা অলস।",
        // Two clause breaks between the sides.
        "পাহাড়ি কর্মচারীরা এসেছে। বৃষ্টি হচ্ছে। ওরা অলস।",
        // The stance before the target: a pronoun never points forward.
        "ওরা সব অলস। পাহাড়ি কর্মচারীরা এসেছে।",
    ] {
        assert!(spans(&carry, text).is_empty(), "{text}");
    }
}
