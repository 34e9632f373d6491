//! The shared table of good and bad policies (tests/policy-cases.json): the
//! real `sotorko policy check` binary and the library validator give each
//! case its expected verdict. extension/shared/policy/validate.test.mjs runs
//! the same table through the WASM build the extension uses.

use serde_json::{json, Map, Value};
use sotorko::settings::{check_policy, validate_policy};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The policy of a case: inline, from a file, or generated at a size.
fn policy_of(case: &Value) -> Value {
    if let Some(p) = case.get("policy") {
        return p.clone();
    }
    if let Some(file) = case.get("policyFile").and_then(Value::as_str) {
        let text = std::fs::read_to_string(repo().join(file)).expect("policy file");
        let mut policy: Value = serde_json::from_str(&text).expect("policy file is JSON");
        if let Some(rules) = case.get("customRulesFile").and_then(Value::as_str) {
            let toml = std::fs::read_to_string(repo().join(rules)).expect("rules file");
            policy["customRules"] = Value::String(toml);
        }
        return policy;
    }
    let g = &case["generate"];
    let key = g["key"].as_str().expect("generate.key");
    let n = g
        .get("entries")
        .or_else(|| g.get("bytes"))
        .and_then(Value::as_u64)
        .expect("generate size") as usize;
    let value = match key {
        "ruleSeverity" => Value::Object(
            (0..n)
                .map(|i| (format!("local.r{i}"), json!({ "official": "warn" })))
                .collect::<Map<_, _>>(),
        ),
        "allowedTerms" => json!((0..n).map(|i| format!("allowed{i}")).collect::<Vec<_>>()),
        "extraTerms" => {
            json!({ "secrecy": (0..n).map(|i| format!("term {i}")).collect::<Vec<_>>() })
        }
        "customRules" => Value::String(format!("# {}", "x".repeat(n.saturating_sub(2)))),
        "customRulesVerbs" => {
            return json!({ "customRules": verb_pack(n) });
        }
        other => panic!("cannot generate {other}"),
    };
    json!({ key: value })
}

/// One rule whose `banglish_verbs` are `n` made-up verbs: `kat` and letters.
fn verb_pack(n: usize) -> String {
    let verb = |mut x: usize| {
        let mut s = String::from("kat");
        loop {
            s.push(char::from(b'a' + (x % 26) as u8));
            x /= 26;
            if x == 0 {
                return s;
            }
        }
    };
    let verbs: Vec<String> = (0..n).map(|i| format!("\"{}\"", verb(i))).collect();
    format!(
        "[[rule]]\nid = \"ministry.verbs\"\ncategory = \"incitement\"\nclause = \"2016\"\n\
         severity = {{ official = \"warn\", personal = \"advise\" }}\n\
         message.en = \"e\"\nmessage.bn = \"b\"\nterms = {{ banglish_verbs = [{}] }}\n\
         [rule.examples]\nflag = [\"{}bo\"]\n",
        verbs.join(", "),
        verb(0)
    )
}

fn cases() -> Vec<Value> {
    let text =
        std::fs::read_to_string(repo().join("tests/policy-cases.json")).expect("the case table");
    let doc: Value = serde_json::from_str(&text).expect("the case table is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

fn strs(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_case_gets_its_verdict_from_the_cli_and_the_library() {
    let dir = std::env::temp_dir().join(format!("sotorko-policy-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, case) in cases().iter().enumerate() {
        let name = case["name"].as_str().unwrap_or("?");
        let policy = policy_of(case);
        let valid = case["valid"].as_bool().expect("valid");
        let error_keys = strs(case.get("errorKeys"));

        let verdict = check_policy(&policy);
        assert_eq!(verdict.is_valid(), valid, "{name}: {verdict:#?}");
        let mut keys: Vec<String> = verdict.problems().map(|p| p.key.clone()).collect();
        keys.sort();
        keys.dedup();
        let mut want = error_keys.clone();
        want.sort();
        assert_eq!(keys, want, "{name}: error keys");
        for p in verdict.problems() {
            assert!(
                !p.message.en.is_empty() && !p.message.bn.is_empty(),
                "{name}: {p:?}"
            );
        }
        let resolved = validate_policy(&policy);
        for key in strs(case.get("values")) {
            assert!(resolved.values.contains_key(&key), "{name}: value {key}");
        }
        for key in &error_keys {
            if !strs(case.get("values")).contains(key) {
                assert!(!resolved.values.contains_key(key), "{name}: {key} kept");
            }
        }
        if case.get("locked").is_some() {
            assert_eq!(resolved.locked, strs(case.get("locked")), "{name}: locked");
        }

        let file = dir.join(format!("case-{i}.json"));
        std::fs::write(&file, serde_json::to_string(&policy).expect("json")).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_sotorko"))
            .args(["policy", "check"])
            .arg(&file)
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if valid { 0 } else { 2 }),
            "{name}: {stderr}"
        );
        for key in &error_keys {
            assert!(stderr.contains(&format!("[{key}]")), "{name}: {stderr}");
        }
    }
}

#[test]
fn policy_check_explains_a_file_that_cannot_be_read_or_is_not_json() {
    let run = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_sotorko"))
            .args(["policy", "check"])
            .arg(path)
            .output()
            .expect("the binary runs")
    };
    let out = run(Path::new("/nonexistent/policy.json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let file = std::env::temp_dir().join(format!("sotorko-not-json-{}.json", std::process::id()));
    std::fs::write(&file, "{ mode: strict }").expect("write");
    let out = run(&file);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not JSON") && err.contains("JSON নয়"),
        "{err}"
    );
}
