//! The worst case a policy can ask of the engine within the settings
//! contract's limits: every engine key at its limit (a `customRules` pack of
//! the largest size, the most `extraTerms`, `allowedTerms` and `ruleSeverity`
//! entries). Times what the first check after a service-worker start does:
//! validating the policy, building the engine from it and one check.
//!
//! `cargo run --release -p sotorko --example policy_limits [-- --write FILE] [--only KEY,KEY]`
//! (`--write` saves the policy for `scripts/bench-policy-limits.mjs`, which
//! times the same in the WASM build under Node).

use serde_json::{json, Map, Value};
use sotorko::settings::{validate_policy, LIMITS};
use sotorko::{Category, Context, Engine, EngineConfig};
use std::time::Instant;

/// A made-up Bangla word for `n`: consonants with vowel signs, all distinct.
fn bangla_word(n: usize, letters: usize) -> String {
    let consonants: Vec<char> = "কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশসহ".chars().collect();
    let signs = ['া', 'ি', 'ী', 'ু', 'ে', 'ো'];
    let mut out = String::new();
    let mut x = n;
    for i in 0..letters {
        out.push(consonants[x % consonants.len()]);
        x /= consonants.len();
        if x == 0 {
            x = n + i + 1;
        }
        out.push(signs[(n + i) % signs.len()]);
    }
    out
}

/// A made-up romanised verb stem for `n`: `k` and letters a-z.
fn latin_word(n: usize) -> String {
    let mut out = String::from("kat");
    let mut x = n;
    loop {
        out.push(char::from(b'a' + (x % 26) as u8));
        x /= 26;
        if x == 0 {
            return out;
        }
    }
}

/// A `customRules` pack of the most verbs a policy pack may have (each
/// generates a whole paradigm of forms), half Bangla and half romanised.
fn verb_rules() -> (String, Vec<String>) {
    let mut text = String::new();
    let mut ids = Vec::new();
    let per_rule = 25;
    for r in 0..LIMITS.custom_rules_verbs / (2 * per_rule) {
        let bn: Vec<String> = (0..per_rule)
            .map(|i| format!("\"{}\"", bangla_word(r * per_rule + i + 7, 2)))
            .collect();
        let en: Vec<String> = (0..per_rule)
            .map(|i| format!("\"{}\"", latin_word(r * per_rule + i)))
            .collect();
        text.push_str(&format!(
            "[[rule]]\nid = \"ministry.v{r}\"\ncategory = \"incitement\"\nclause = \"2016\"\n\
             severity = {{ official = \"warn\", personal = \"advise\" }}\n\
             message.en = \"A verb the ministry flags.\"\nmessage.bn = \"মন্ত্রণালয়ের চিহ্নিত ক্রিয়া।\"\n\
             terms = {{ bn_verbs = [{}], banglish_verbs = [{}] }}\n[rule.examples]\nflag = [\"{}bo\"]\n\n",
            bn.join(", "),
            en.join(", "),
            latin_word(r * per_rule)
        ));
        ids.push(format!("ministry.v{r}"));
    }
    (text, ids)
}

/// A `customRules` pack just under the size limit: rules of 100 terms each.
fn custom_rules() -> (String, Vec<String>) {
    let mut text = String::new();
    let mut ids = Vec::new();
    let mut n = 0;
    for r in 0.. {
        let terms: Vec<String> = (0..100)
            .map(|i| {
                n += 1;
                if i % 2 == 0 {
                    format!("\"{}\"", bangla_word(n, 5))
                } else {
                    format!("\"codeword{n} x\"")
                }
            })
            .collect();
        let (bn, en): (Vec<_>, Vec<_>) = terms.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let list = |v: Vec<(usize, &String)>| {
            v.into_iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let rule = format!(
            "[[rule]]\nid = \"ministry.r{r}\"\ncategory = \"{}\"\nclause = \"2016\"\n\
             severity = {{ official = \"warn\", personal = \"advise\" }}\n\
             message.en = \"A term the ministry flags.\"\nmessage.bn = \"মন্ত্রণালয়ের চিহ্নিত শব্দ।\"\n\
             terms = {{ bn = [{}], en = [{}] }}\n[rule.examples]\nflag = [\"codeword{} x\"]\n\n",
            Category::ALL[r % 9].id(),
            list(bn),
            list(en),
            n
        );
        if text.len() + rule.len() > LIMITS.custom_rules_bytes {
            break;
        }
        text.push_str(&rule);
        ids.push(format!("ministry.r{r}"));
    }
    (text, ids)
}

/// `count` terms of about `bytes` UTF-8 bytes in all.
fn terms(prefix: &str, count: usize, bytes: usize) -> Vec<String> {
    let per = bytes / count;
    (0..count)
        .map(|i| {
            let base = format!("{prefix} {} {i}", bangla_word(i, 2));
            let pad = per.saturating_sub(base.len() + 1);
            format!("{base}{}", "x".repeat(pad.min(LIMITS.term_chars - 10)))
        })
        .collect()
}

/// The policy at the limits.
fn policy() -> Value {
    // POLICY_LIMITS_PACK=verbs: the custom pack is 1,000 verbs instead of terms.
    let (custom, custom_ids) = if std::env::var("POLICY_LIMITS_PACK").is_ok_and(|v| v == "verbs") {
        verb_rules()
    } else {
        custom_rules()
    };
    let default_ids: Vec<String> = Engine::default_pack()
        .map(|e| e.rules().into_iter().map(|r| r.id).collect())
        .unwrap_or_default();
    let mut rule_severity = Map::new();
    for id in custom_ids.iter().chain(&default_ids) {
        rule_severity.insert(
            id.clone(),
            json!({ "official": "block", "personal": "warn" }),
        );
    }
    let mut n = 0;
    while rule_severity.len() < LIMITS.rule_severity_entries {
        rule_severity.insert(format!("other.r{n}"), json!({ "official": "warn" }));
        n += 1;
    }
    let extra = terms(
        "project",
        LIMITS.extra_terms_entries,
        LIMITS.extra_terms_bytes - 1024,
    );
    let mut extra_terms = Map::new();
    for (i, chunk) in extra.chunks(LIMITS.extra_terms_entries / 9 + 1).enumerate() {
        extra_terms.insert(Category::ALL[i].id().to_owned(), json!(chunk));
    }
    json!({
        "customRules": custom,
        "enabledCategories": Category::ALL.map(Category::id),
        "categorySeverity": Category::ALL.iter().map(|c| (c.id().to_owned(), json!({ "official": "block" }))).collect::<Map<_, _>>(),
        "ruleSeverity": rule_severity,
        "extraTerms": extra_terms,
        "allowedTerms": terms("allowed", LIMITS.allowed_terms_entries, LIMITS.allowed_terms_bytes - 1024),
        "stanceModel": true,
    })
}

/// A post of about 1,000 characters in Bangla and English.
fn post() -> String {
    "আজ মন্ত্রণালয়ের সভায় প্রকল্পের অগ্রগতি নিয়ে আলোচনা হয়েছে। The committee reviewed codeword17 x and \
     নৌকা মার্কায় ভোট দিন বলে কেউ কেউ মন্তব্য করেছেন। "
        .repeat(6)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let mut policy = policy();
    let args: Vec<String> = std::env::args().collect();
    // `--only KEY[,KEY]`: keep only these keys, to see what each costs (`--only none`: no policy).
    if let Some(i) = args.iter().position(|a| a == "--only") {
        let keep: Vec<&str> = args
            .get(i + 1)
            .map_or("", String::as_str)
            .split(',')
            .collect();
        if let Some(o) = policy.as_object_mut() {
            o.retain(|k, _| keep.contains(&k.as_str()));
        }
    }
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let path = args.get(i + 1).expect("--write FILE");
        std::fs::write(path, serde_json::to_string(&policy).expect("json")).expect("write");
    }
    let bytes = serde_json::to_string(&policy).map_or(0, |s| s.len());
    let text = post();
    let mut totals = Vec::new();
    for round in 0..5 {
        let t = Instant::now();
        let resolved = validate_policy(&policy);
        let validate_ms = ms(t);
        assert!(resolved.is_valid(), "{:?}", resolved.errors);
        let t1 = Instant::now();
        let (config, diags) = EngineConfig::from_json(&Value::Object(resolved.values));
        let (engine, build_diags) = Engine::build(&config);
        let build_ms = ms(t1);
        let custom_problems = diags
            .iter()
            .chain(&build_diags)
            .filter(|d| d.key == "customRules")
            .count();
        assert_eq!(
            custom_problems, 0,
            "the custom pack was not applied: {diags:?} {build_diags:?}"
        );
        let t2 = Instant::now();
        let report = engine.check(&text, Context::Official);
        let check_ms = ms(t2);
        let total = ms(t);
        totals.push(total);
        println!(
            "round {round}: validate {validate_ms:.1} ms, engine build {build_ms:.1} ms ({} rules), \
             first check {check_ms:.1} ms ({} findings, {} chars); total {total:.1} ms",
            engine.rules().len(),
            report.findings.len(),
            text.chars().count()
        );
    }
    totals.sort_by(f64::total_cmp);
    println!(
        "policy {bytes} bytes of JSON; median total {:.1} ms",
        totals[totals.len() / 2]
    );
}
