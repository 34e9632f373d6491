//! The Rust features and scores must equal those of `scripts/model/train.py`
//! (crate/model/fixture.json, written by the script with the weights).

use super::*;
use serde_json::Value;

fn fixture() -> Vec<Value> {
    let text = include_str!("../../model/fixture.json");
    serde_json::from_str(text).expect("fixture.json is valid JSON")
}

fn pairs(v: &Value) -> Vec<(usize, usize)> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|p| {
            let n = |i: usize| p[i].as_u64().expect("number") as usize;
            (n(0), n(1))
        })
        .collect()
}

fn ints(v: &Value) -> Vec<i32> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_i64().expect("int") as i32)
        .collect()
}

#[test]
fn words_clauses_and_scores_match_the_training_script() {
    let model = StanceModel::embedded().expect("the embedded model loads");
    let items = fixture();
    assert!(items.len() >= 5);
    for item in &items {
        let text = item["text"].as_str().expect("text");
        let got: Vec<(String, usize, usize)> = words(text, 0)
            .into_iter()
            .map(|w| (w.text, w.start, w.end))
            .collect();
        let want: Vec<(String, usize, usize)> = item["words"]
            .as_array()
            .expect("words")
            .iter()
            .map(|w| {
                (
                    w[0].as_str().expect("word").to_owned(),
                    w[1].as_u64().expect("start") as usize,
                    w[2].as_u64().expect("end") as usize,
                )
            })
            .collect();
        assert_eq!(got, want, "words of {text:?}");
        assert_eq!(
            clauses(text),
            pairs(&item["clauses"]),
            "clauses of {text:?}"
        );
        assert_eq!(
            model.score(text).to_vec(),
            ints(&item["scores"]),
            "scores of {text:?}"
        );
        let per_clause: Vec<Vec<i32>> = model
            .clause_scores(text)
            .into_iter()
            .map(|c| c.scores.to_vec())
            .collect();
        let want: Vec<Vec<i32>> = item["clause_scores"]
            .as_array()
            .expect("clause_scores")
            .iter()
            .map(ints)
            .collect();
        assert_eq!(per_clause, want, "clause scores of {text:?}");
    }
}

#[test]
fn feature_count_matches_the_training_script() {
    for item in fixture() {
        let text = item["text"].as_str().expect("text");
        let mut ws = words(text, 0);
        ws.truncate(MAX_WORDS);
        let mut n = 0;
        features::for_each_feature(&ws, model_bits(), |_, _, second| n += usize::from(!second));
        assert_eq!(
            n as u64,
            item["features"].as_u64().expect("features"),
            "{text:?}"
        );
    }
}

#[test]
fn a_kept_share_of_the_excluded_words_counts_toward_the_score() {
    let model = StanceModel::embedded().expect("the embedded model loads");
    let text = "এই মালাউনগুলোকে দেশ থেকে বের করে দেওয়া উচিত";
    let clause = &model.analyse(text)[0];
    // Kept shares order the scores: an excluded word kept at 100% passes
    // wherever it passes at 50%, and at 50% wherever it passes at 0%; kept
    // whole, it is as if nothing were excluded.
    for stance in Stance::ALL {
        let thr = model.threshold(stance, Level::Framed);
        let first = |s: usize, _e: usize| s == clause.words[0].0;
        let at = |kept: u8| clause.drivers(stance, thr, first, kept).is_some();
        assert!(!at(0) || at(50), "{stance:?}");
        assert!(!at(50) || at(100), "{stance:?}");
        assert_eq!(
            at(100),
            clause.drivers(stance, thr, |_, _| false, 0).is_some()
        );
    }
}

#[test]
fn drivers_are_words_of_their_clause_and_exclusions_lower_the_score() {
    let model = StanceModel::embedded().expect("the embedded model loads");
    let text = "আজ সভা হবে। এই মালাউনগুলোকে দেশ থেকে বের করে দেওয়া উচিত, ওদের পিটিয়ে মারো! ধন্যবাদ";
    let clauses = model.analyse(text);
    assert_eq!(clauses.len(), 3);
    let mut fired = 0;
    for clause in &clauses {
        let sum: i32 = clause.contributions.iter().map(|w| w[0]).sum();
        assert!(clause.words.len() == clause.contributions.len());
        for stance in Stance::ALL {
            let thr = model.threshold(stance, Level::Framed);
            let Some(drivers) = clause.drivers(stance, thr, |_, _| false, 0) else {
                continue;
            };
            fired += 1;
            assert!(!drivers.is_empty() && drivers.len() <= 3);
            for &(s, e) in &drivers {
                assert!(clause.span.0 <= s && e <= clause.span.1);
                let word = &text[s..e];
                assert!(!word.is_empty() && !word.contains(' '), "{word:?}");
            }
            // Leaving out every driver's contribution can only lower the score.
            let without = clause.drivers(stance, thr, |s, e| drivers.contains(&(s, e)), 0);
            if let Some(rest) = without {
                assert!(rest.iter().all(|d| !drivers.contains(d)));
            }
            // Leaving out every word leaves only the bias.
            let bias = clause.scores[stance.index()]
                - clause
                    .contributions
                    .iter()
                    .map(|w| w[stance.index()])
                    .sum::<i32>();
            if bias < thr {
                assert!(clause.drivers(stance, thr, |_, _| true, 0).is_none());
            }
        }
        let _ = sum;
    }
    assert!(fired > 0, "{clauses:?}");
    assert!(model.analyse("").is_empty());
}

#[test]
fn bad_files_are_rejected_with_a_reason() {
    assert!(StanceModel::from_bytes(b"nope").is_err());
    let mut bytes = EMBEDDED.to_vec();
    bytes.pop();
    let e = StanceModel::from_bytes(&bytes).expect_err("truncated");
    assert!(e.to_string().contains("weight bytes"), "{e}");
    assert!(StanceModel::from_bytes(EMBEDDED).is_ok());
    assert_eq!("violent".parse::<Stance>(), Ok(Stance::Violent));
    assert!("angry".parse::<Stance>().is_err());
}

fn model_bits() -> u8 {
    StanceModel::embedded()
        .expect("the embedded model loads")
        .bits
}

#[test]
fn repeating_a_phrase_does_not_raise_its_score() {
    let model = StanceModel::embedded().expect("the embedded model loads");
    // "থ্যাংক ইউ" four times has exactly the features of twice (the same
    // words, letter sequences and word pairs), so the same score: each
    // feature counts once per clause.
    let twice = model.score("থ্যাংক ইউ থ্যাংক ইউ");
    let four = model.score("থ্যাংক ইউ থ্যাংক ইউ থ্যাংক ইউ থ্যাংক ইউ");
    assert_eq!(twice, four);
    // A different word still changes the score.
    assert_ne!(twice, model.score("থ্যাংক ইউ থ্যাংক ইউ স্যার"));
}
