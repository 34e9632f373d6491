//! What a check costs next to one bare Aho-Corasick scan over the same terms.
//!
//! On the two hand-written posts of `posts.json` (300 and 2,000 characters of
//! mixed Bangla, English and Banglish), each group measures:
//!
//! - `check`: `Engine::check` with the default pack (regexes compiled first);
//! - `bare AC scan`: one Aho-Corasick automaton (aho-corasick crate, same
//!   settings as the engine's) over every literal pattern of the engine's
//!   three term automata (`Engine::term_patterns`: folded, verb paradigms and
//!   inflections included), run once over the raw text with overlapping
//!   matches, counting them — the floor for "find these terms";
//! - `normalize`: building the four views of the text (`normalize::normalize`);
//! - `normalize + 3 view scans`: that, plus one bare scan per view with that
//!   view's own patterns — the term-finding part of a check without the
//!   boundary checks, regexes, proximity and report.
//!
//! `scripts/bench.mjs` (run by `./build.sh bench`) reads the medians and
//! reports `check` as a ratio to `bare AC scan`. Alone:
//! `cargo bench -p sotorko --no-default-features --bench scan_cost -- --warm-up-time 1 --measurement-time 3`

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sotorko::normalize::normalize;
use sotorko::{Context, Engine, RulePack};
use std::collections::BTreeSet;
use std::hint::black_box;

/// The benchmark posts, shared with `scripts/bench.mjs`.
const POSTS: &str = include_str!("posts.json");

fn automaton(patterns: &[String]) -> AhoCorasick {
    match AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns)
    {
        Ok(ac) => ac,
        Err(e) => panic!("the automaton must build: {e}"),
    }
}

fn benches(c: &mut Criterion) {
    let posts: serde_json::Value = match serde_json::from_str(POSTS) {
        Ok(v) => v,
        Err(e) => panic!("crate/benches/posts.json must be valid JSON: {e}"),
    };
    let engine = match Engine::default_pack() {
        Ok(e) => e,
        Err(e) => panic!("the default pack must load: {e}"),
    };
    engine.warm_up();

    let views = match RulePack::default_pack() {
        Ok(pack) => Engine::term_patterns(&pack),
        Err(e) => panic!("the default pack must load: {e}"),
    };
    let all: Vec<String> = views
        .iter()
        .flat_map(|(_, p)| p.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(!all.is_empty(), "the default pack has no term patterns");
    let bare = automaton(&all);
    let per_view: Vec<(&str, AhoCorasick)> = views
        .iter()
        .map(|(name, p)| (*name, automaton(p)))
        .collect();

    for (key, name) in [
        ("post_300", "300-char post"),
        ("post_2000", "2,000-char post"),
    ] {
        let Some(text) = posts.get(key).and_then(|v| v.as_str()) else {
            panic!("posts.json has no string `{key}`");
        };
        let mut group = c.benchmark_group(format!("cost {name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("check", |b| {
            b.iter(|| {
                black_box(
                    engine
                        .check(black_box(text), Context::Official)
                        .findings
                        .len(),
                )
            })
        });
        group.bench_function("bare AC scan", |b| {
            b.iter(|| black_box(bare.find_overlapping_iter(black_box(text)).count()))
        });
        group.bench_function("normalize", |b| {
            b.iter(|| black_box(normalize(black_box(text)).bangla.text.len()))
        });
        group.bench_function("normalize + 3 view scans", |b| {
            b.iter(|| {
                let norm = normalize(black_box(text));
                let mut n = 0;
                for (view, ac) in &per_view {
                    let t = match *view {
                        "Bangla" => &norm.bangla.text,
                        "English" => &norm.latin.text,
                        _ => &norm.skeleton.text,
                    };
                    n += ac.find_overlapping_iter(t.as_str()).count();
                }
                black_box(n)
            })
        });
        group.finish();
    }
}

criterion_group!(cost_benches, benches);
criterion_main!(cost_benches);
