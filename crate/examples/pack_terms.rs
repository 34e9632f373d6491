//! Prints the default pack's literal terms, one per line, for cost
//! measurements (`scripts/bench.mjs` compares the engine with a naive
//! `text.includes(term)` loop over them).
//!
//! ```sh
//! cargo run --release -q -p sotorko --example pack_terms              # what the engine searches
//! cargo run --release -q -p sotorko --example pack_terms -- --written # as written in the pack
//! ```
//!
//! Default: the patterns of the engine's term automata (Bangla, English and
//! Banglish views), folded as the views fold text and with every generated
//! form (verb paradigms, English inflections). `--written`: the terms of
//! every rule, exception and `near` side as the pack writes them (verb
//! entries without their `!` marker and `/alternant`). Both without
//! duplicates; counts go to standard error.

use sotorko::rules::Terms;
use sotorko::{Engine, RulePack};
use std::collections::BTreeSet;
use std::io::Write;

fn written(terms: &Terms, out: &mut BTreeSet<String>) {
    let verb = |e: &String| {
        let e = e.trim_end();
        let e = e.strip_suffix('!').unwrap_or(e);
        e.split('/').next().unwrap_or(e).trim().to_owned()
    };
    out.extend(terms.bn.iter().cloned());
    out.extend(terms.bn_words.iter().map(|w| w.word.clone()));
    out.extend(terms.en.iter().cloned());
    out.extend(terms.banglish.iter().cloned());
    out.extend(terms.en_verbs.iter().cloned());
    out.extend(terms.bn_verbs.iter().map(verb));
    out.extend(terms.banglish_verbs.iter().map(verb));
}

fn main() {
    let as_written = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--written") => true,
        Some(other) => {
            eprintln!("pack_terms: unknown argument `{other}` (expected nothing or --written)");
            std::process::exit(2);
        }
    };
    let pack = match RulePack::default_pack() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pack_terms: the default pack does not load: {e}");
            std::process::exit(2);
        }
    };
    let mut terms = BTreeSet::new();
    if as_written {
        for rule in &pack.rules {
            written(&rule.terms, &mut terms);
            written(&rule.except, &mut terms);
            for near in &rule.near {
                written(&near.a, &mut terms);
                written(&near.b, &mut terms);
            }
        }
    } else {
        for (view, patterns) in Engine::term_patterns(&pack) {
            eprintln!("{view}: {} patterns", patterns.len());
            terms.extend(patterns);
        }
    }
    terms.retain(|t| !t.trim().is_empty());
    eprintln!("{} distinct terms", terms.len());
    let mut out = std::io::stdout().lock();
    for t in &terms {
        if writeln!(out, "{t}").is_err() {
            std::process::exit(1);
        }
    }
}
