//! The verb keys of a rule pack (bn_verbs, banglish_verbs, en_verbs) on a
//! test pack with the verbs of issue 7 (tests/packs/morph-verbs.toml): the
//! pack lints clean (so every `flag`/`pass` example holds), and inflected
//! forms in all three scripts are found while the classic traps are not.

use sotorko::{Context, Engine, RulePack};

const PACK: &str = include_str!("packs/morph-verbs.toml");

fn engine() -> Engine {
    Engine::from_source("morph-verbs.toml", PACK).unwrap_or_else(|e| panic!("{e}"))
}

fn rules_flagging(e: &Engine, text: &str) -> Vec<String> {
    e.check(text, Context::Official)
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn the_test_pack_lints_clean_and_its_examples_hold() {
    let base = RulePack::default_pack().ok();
    let pack = RulePack::standalone("morph-verbs.toml", PACK, base.as_ref())
        .unwrap_or_else(|e| panic!("{e}"));
    let e = Engine::from_pack(pack, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let problems = e.example_failures();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn inflected_verbs_near_targets() {
    let e = engine();
    for text in [
        "ওদের মারবো",
        "হিন্দুদের মাইরা",
        "মালাউনগুলোরে পিটাইয়া",
        "ওরা কুপিয়েছে",
        "আদিবাসীদের তাড়িয়ে",
        "oder marmu",
        "malaun der pitabo",
        "hindu gula re vaingga",
        "they killed",
        "beaten them",
        "shot them",
        "hanged them",
    ] {
        assert!(
            rules_flagging(&e, text).contains(&"test.violence-frame".to_owned()),
            "{text}"
        );
    }
    for text in [
        "আমার হিন্দু বন্ধু",
        "মারমা ও হিন্দু",
        "তাদের মারাত্মক ক্ষতি",
        "ওরা মার্কেটে",
        "amar hindu bondhu",
        "they have skill",
        "the therapist and them",
        "change them",
    ] {
        assert!(rules_flagging(&e, text).is_empty(), "{text}");
    }
}

#[test]
fn findings_point_at_original_characters() {
    let e = engine();
    for text in [
        "ওদের মে\u{200C}রে ফেলো!!",
        "বাড়িতে আ*গুন দাও",
        "ম*লাউনদের পুড়িয়ে দাও",
        "m*laun der puraiya dimu",
        "они kіll them",
    ] {
        let report = e.check(text, Context::Official);
        assert!(!report.findings.is_empty(), "{text}");
        for f in report.findings {
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()), "{text}");
        }
    }
}
