//! Time of each regex of the default pack on the benchmark posts
//! (`crate/benches/posts.json`), slowest first: a regex's `find_iter` over
//! the post's regex view, as the engine runs it when its prefilter lets it.
//! Regexes are the largest part of a check of a long mixed post (a Unicode
//! `\b` next to Bangla letters keeps the regex crate on its slower engines).
//!
//! `cargo run --release -q -p sotorko --no-default-features --example regex_cost [-- N]` (N rows, default 15)

use sotorko::normalize::normalize;
use sotorko::rules::compile_regex;
use std::time::{Duration, Instant};

const POSTS: &str = include_str!("../benches/posts.json");

/// Median time of `f` over `runs` runs.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    times.get(runs / 2).copied().unwrap_or_default()
}

fn main() {
    let rows: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 15,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("regex_cost: the argument is the number of rows to print");
            std::process::exit(2);
        }
    };
    let posts: serde_json::Value = match serde_json::from_str(POSTS) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("regex_cost: crate/benches/posts.json is not valid JSON: {e}");
            std::process::exit(2);
        }
    };
    let views: Vec<(&str, String)> = ["post_300", "post_2000"]
        .iter()
        .filter_map(|k| Some((*k, normalize(posts.get(*k)?.as_str()?).regex.text)))
        .collect();
    let engine = match sotorko::Engine::default_pack() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("regex_cost: the default pack does not load: {e}");
            std::process::exit(2);
        }
    };
    let mut table = Vec::new();
    for rule in engine.pack_rules() {
        let mut patterns: Vec<&String> = rule.regex.iter().collect();
        for near in &rule.near {
            patterns.extend(&near.a_regex);
            patterns.extend(&near.b_regex);
        }
        for pattern in patterns {
            let Ok(re) = compile_regex(pattern) else {
                eprintln!("regex_cost: {}: a regex does not compile", rule.id);
                continue;
            };
            let times: Vec<Duration> = views
                .iter()
                .map(|(_, v)| {
                    median(51, || {
                        std::hint::black_box(re.find_iter(v).count());
                    })
                })
                .collect();
            let head: String = pattern.chars().take(70).collect();
            table.push((times, rule.id.clone(), head));
        }
    }
    table.sort_by(|a, b| b.0.last().cmp(&a.0.last()));
    let total = |i: usize| table.iter().filter_map(|r| r.0.get(i)).sum::<Duration>();
    println!(
        "{} regexes; all of them on the 300-char post: {:?}, on the 2,000-char post: {:?}",
        table.len(),
        total(0),
        total(1)
    );
    println!("300-char | 2,000-char | rule | pattern (start)");
    for (times, id, head) in table.iter().take(rows) {
        let t: Vec<String> = times.iter().map(|d| format!("{d:?}")).collect();
        println!("{} | {id} | {head}", t.join(" | "));
    }
}
