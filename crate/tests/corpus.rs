//! The corpus test: every post of `tests/corpus/*.jsonl` (at the repository
//! root) is checked, and precision and recall are printed per category.
//!
//! It fails when a benign post (`"expect": []`) gets a block or warn
//! finding, or when recall in any category falls below 90%.
//!
//! Line shape: `{"id", "text", "context"?, "expect": [category ids]}`.

use sotorko::{Category, Context, Engine, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Debug)]
struct Post {
    file: String,
    line: usize,
    id: String,
    text: String,
    context: Context,
    expect: BTreeSet<Category>,
}

fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    dir.canonicalize().unwrap_or(dir)
}

fn load() -> Vec<Post> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut posts = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{name}:{}", i + 1);
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: bad JSON: {e}"));
            let id = match &v["id"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let text = v["text"]
                .as_str()
                .unwrap_or_else(|| panic!("{at}: missing text"))
                .to_owned();
            let context = match v.get("context").and_then(|c| c.as_str()) {
                None => Context::Official,
                Some(c) => c.parse().unwrap_or_else(|e| panic!("{at}: {e}")),
            };
            let expect = v["expect"]
                .as_array()
                .unwrap_or_else(|| panic!("{at}: missing expect list"))
                .iter()
                .map(|c| {
                    c.as_str()
                        .and_then(|c| c.parse::<Category>().ok())
                        .unwrap_or_else(|| panic!("{at}: bad category {c}"))
                })
                .collect();
            posts.push(Post {
                file: name.clone(),
                line: i + 1,
                id,
                text,
                context,
                expect,
            });
        }
    }
    posts
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "    –".to_owned()
    } else {
        format!("{:5.1}", 100.0 * num as f64 / den as f64)
    }
}

#[test]
fn corpus_precision_and_recall() {
    let dir = corpus_dir();
    if !dir.exists() {
        panic!("the corpus folder {} does not exist", dir.display());
    }
    let posts = load();
    assert!(!posts.is_empty(), "the corpus is empty");
    let engine = Engine::default_pack().unwrap_or_else(|e| panic!("{e}"));

    let mut counts: BTreeMap<Category, Counts> = Category::ALL
        .iter()
        .map(|c| (*c, Counts::default()))
        .collect();
    let mut false_alarms = Vec::new();
    let mut misses = Vec::new();
    let mut extra = Vec::new();
    let mut benign = 0;
    for post in &posts {
        let report = engine.check(&post.text, post.context);
        // A category counts as flagged when it has a block or warn finding;
        // advisories are shown inline only and do not hold a post.
        let holding: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warn)
            .collect();
        // `expect` lists the categories that must hold the post (block or warn).
        let flagged: BTreeSet<Category> = holding.iter().map(|f| f.category).collect();
        let at = format!("{}:{} [{}]", post.file, post.line, post.id);
        if post.expect.is_empty() {
            benign += 1;
            if !holding.is_empty() {
                let what: Vec<String> = holding
                    .iter()
                    .map(|f| format!("{} {} “{}”", f.severity, f.rule, f.excerpt))
                    .collect();
                false_alarms.push(format!("{at} {}\n      {}", post.text, what.join("; ")));
            }
        }
        for c in Category::ALL {
            let entry = counts.entry(c).or_default();
            match (post.expect.contains(&c), flagged.contains(&c)) {
                (true, true) => entry.tp += 1,
                (true, false) => {
                    entry.fn_ += 1;
                    misses.push(format!("{at} missed {c}: {}", post.text));
                }
                (false, true) => {
                    entry.fp += 1;
                    if !post.expect.is_empty() {
                        extra.push(format!("{at} also flagged {c}: {}", post.text));
                    }
                }
                (false, false) => {}
            }
        }
    }

    println!();
    println!(
        "Corpus: {} posts ({} benign) from {}",
        posts.len(),
        benign,
        dir.display()
    );
    println!(
        "{:<18} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "category", "TP", "FP", "FN", "precision", "recall"
    );
    let mut low_recall = Vec::new();
    for (c, n) in &counts {
        println!(
            "{:<18} {:>5} {:>5} {:>5} {:>8}% {:>6}%",
            c.id(),
            n.tp,
            n.fp,
            n.fn_,
            pct(n.tp, n.tp + n.fp),
            pct(n.tp, n.tp + n.fn_)
        );
        if n.tp + n.fn_ > 0 && (n.tp as f64) < 0.9 * (n.tp + n.fn_) as f64 {
            low_recall.push(format!(
                "{} recall {}%",
                c.id(),
                pct(n.tp, n.tp + n.fn_).trim()
            ));
        }
    }
    println!("(a category counts as found when it has a block or warn finding; advisories never hold a post)");
    if !misses.is_empty() {
        println!("\nMissed:\n  {}", misses.join("\n  "));
    }
    if !extra.is_empty() {
        println!(
            "\nOther categories also flagged on violating posts:\n  {}",
            extra.join("\n  ")
        );
    }
    if !false_alarms.is_empty() {
        println!(
            "\nFalse alarms on benign posts:\n  {}",
            false_alarms.join("\n  ")
        );
    }
    assert!(
        false_alarms.is_empty() && low_recall.is_empty(),
        "{} false alarm(s) on benign posts; categories under 90% recall: {:?}",
        false_alarms.len(),
        low_recall
    );
}
