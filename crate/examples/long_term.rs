//! Times what `rules lint` does with one very long Bangla term, without the
//! term-length limit of untrusted packs (the pack is loaded as trusted):
//! loading, building the term automata and checking the term itself.
//! Shows that the cost grows linearly with the term's length.
//!
//! `cargo run --release -p sotorko --example long_term -- 16000 300000`

use sotorko::rules::{load, LoadOptions, Source};
use sotorko::{Context, Engine};
use std::time::Instant;

/// A Bangla "term" of `letters` characters: consonants with vowel signs, no
/// spaces; with `LONG_TERM=repeat`, one word repeated (the worst case for
/// an automaton's failure links).
fn term(letters: usize) -> String {
    if std::env::var("LONG_TERM").is_ok_and(|v| v == "repeat") {
        return "নৌকা".chars().cycle().take(letters).collect();
    }
    let consonants: Vec<char> = "কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশসহ".chars().collect();
    let signs = ['া', 'ি', 'ী', 'ু', 'ে', 'ো'];
    let mut out = String::new();
    let mut i = 0usize;
    while out.chars().count() < letters {
        out.push(consonants[(i * 7 + i / 5) % consonants.len()]);
        if i % 3 != 2 {
            out.push(signs[i % signs.len()]);
        }
        i += 1;
    }
    out.chars().take(letters).collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![16_000, 300_000]
    } else {
        sizes
    };
    println!("letters\tload_ms\tbuild_ms\tcheck_ms\ttotal_ms\tfindings");
    for n in sizes {
        let t = term(n);
        let pack = format!(
            "[pack]\nname = \"long\"\n[[rule]]\nid = \"long.term\"\ncategory = \"secrecy\"\n\
             clause = \"2016\"\nseverity = {{ official = \"warn\", personal = \"warn\" }}\n\
             message.en = \"e\"\nmessage.bn = \"b\"\nterms = {{ bn = [\"{t}\"] }}\n\
             [rule.examples]\nflag = [\"x\"]\n"
        );
        let started = Instant::now();
        let loaded = load(
            &[Source {
                name: "long.toml",
                text: &pack,
            }],
            &LoadOptions {
                require_name: true,
                trusted: true,
                ..LoadOptions::default()
            },
        );
        let pack = match loaded {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        let loaded_at = started.elapsed();
        let engine = match Engine::from_pack(pack, &Default::default()) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        let built_at = started.elapsed();
        let findings = engine.check(&t, Context::Official).findings.len();
        let total = started.elapsed();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{n}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{findings}",
            ms(loaded_at),
            ms(built_at - loaded_at),
            ms(total - built_at),
            ms(total)
        );
    }
}
