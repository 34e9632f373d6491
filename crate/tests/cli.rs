//! Runs the real `sotorko` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotorko"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(mut input) = child.stdin.take() {
        // The binary may reject its arguments and exit before reading stdin;
        // a broken pipe here is then expected, and its exit code is what counts.
        if let Err(e) = input.write_all(stdin.as_bytes()) {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "writing stdin: {e}"
            );
        }
    }
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sotorko-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("temp file");
    path
}

#[test]
fn check_json_has_contract_fields_and_exact_excerpts() {
    let rules = temp_file("custom.toml", common::FALCON);
    let text = "😀 নোটিশ: Falcon দল আসছে";
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--rules",
            rules.to_str().unwrap_or_default(),
            "-",
        ],
        text,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let f = &v["findings"][0];
    for key in [
        "rule",
        "category",
        "severity",
        "start",
        "end",
        "start_utf16",
        "end_utf16",
        "excerpt",
        "clause",
        "message",
    ] {
        assert!(f.get(key).is_some(), "missing {key} in {f}");
    }
    let (s, e) = (
        f["start"].as_u64().unwrap_or(0) as usize,
        f["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[s..e], "Falcon");
    assert_eq!(f["excerpt"], "Falcon");
    assert_eq!(
        f["start_utf16"].as_u64(),
        Some(text[..s].encode_utf16().count() as u64)
    );
    assert_eq!(f["severity"], "block");
    assert_eq!(f["message"]["bn"], "প্রকল্পের নাম লিখবেন না।");
    assert_eq!(v["summary"]["highest"], "block");

    // The rule is off in personal context.
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--context",
            "personal",
            "--rules",
            rules.to_str().unwrap_or_default(),
        ],
        text,
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn check_text_format_names_everything() {
    let rules = temp_file("custom2.toml", common::FALCON);
    let o = run(
        &["check", "--rules", rules.to_str().unwrap_or_default()],
        "The falcon file",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for needle in [
        "BLOCK",
        "“falcon”",
        "local.falcon",
        "secrecy",
        "2016",
        "Do not name",
        "প্রকল্পের",
    ] {
        assert!(out.contains(needle), "{needle} missing in:\n{out}");
    }
    let o = run(
        &["check", "--rules", rules.to_str().unwrap_or_default()],
        "a hawk",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("No findings"));
}

#[test]
fn jsonl_batch_keeps_order_and_rejects_bad_lines() {
    let rules = temp_file("custom3.toml", common::FALCON);
    let input = "{\"id\":\"a\",\"text\":\"falcon\"}\n{\"id\":2,\"text\":\"hawk\",\"context\":\"personal\"}\n\n{\"id\":[3],\"text\":\"falcon\",\"context\":\"personal\"}\n";
    let o = run(
        &[
            "check",
            "--jsonl",
            "--rules",
            rules.to_str().unwrap_or_default(),
        ],
        input,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["findings"][0]["rule"], "local.falcon");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[2]["id"], serde_json::json!([3]));
    assert_eq!(lines[2]["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(lines[0].as_object().map(|o| o.len()), Some(2));

    let o = run(
        &["check", "--jsonl"],
        "{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"text\":\"y\",\"context\":\"home\"}\n",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "no output on a bad batch");
    assert!(
        stderr(&o).contains("line 2: field `context`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn default_pack_runs_and_lists() {
    let o = run(
        &["check", "--format", "json"],
        "আজ জেলা প্রশাসকের কার্যালয়ে বৃক্ষরোপণ কর্মসূচি অনুষ্ঠিত হয়েছে।",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["rules", "list"], "");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.lines().next().is_some_and(|l| l.starts_with("id")),
        "{out}"
    );
    assert!(out.trim_end().ends_with("rules"));
}

#[test]
fn lint_names_lines_and_fails_with_2() {
    let good = temp_file("good.toml", common::FALCON);
    let o = run(&["rules", "lint", good.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("OK (1 rules)"));

    let bad = temp_file(
        "bad.toml",
        &common::edit(common::FALCON, "\"secrecy\"", "\"secret\""),
    );
    let o = run(&["rules", "lint", bad.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.toml:7: rule `local.falcon`: unknown category `secret`"),
        "{err}"
    );

    let o = run(&["check", "--rules", bad.to_str().unwrap_or_default()], "x");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":7:"), "{}", stderr(&o));
}

#[test]
fn bad_input_exits_2() {
    let o = run(&["check", "/no/such/file"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read /no/such/file"));
    let path = std::env::temp_dir().join(format!("sotorko-bad-utf8-{}", std::process::id()));
    std::fs::write(&path, [b'a', 0xff, b'b']).expect("write");
    let o = run(&["check", path.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not valid UTF-8 (line 1, column 2)"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "--context", "home"], "x");
    assert_eq!(o.status.code(), Some(2));
}

const SETS_FILE: &str = r#"[pack]
name = "split"

[set.birds]
en = ["falcon", "eagle"]
"#;

const RULE_FILE: &str = r#"[[rule]]
id = "local.birds"
category = "secrecy"
clause = "2016"
severity = { official = "block", personal = "off" }
message.en = "Do not name the project."
message.bn = "প্রকল্পের নাম লিখবেন না।"
terms = { sets = ["birds"], bn_words = ["বাজ"] }
[rule.examples]
flag = ["Project Eagle", "বাজের চোখ"]
pass = ["a hawk", "বাজার"]
"#;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("sotorko-cli-test-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn lint_merges_a_directory_in_file_name_order() {
    let dir = temp_dir("pack-ok");
    std::fs::write(dir.join("00-sets.toml"), SETS_FILE).expect("write");
    std::fs::write(dir.join("10-rules.toml"), RULE_FILE).expect("write");
    std::fs::write(dir.join("README.md"), "not a pack").expect("write");
    let o = run(&["rules", "lint", dir.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("(2 files): OK (1 rules)"),
        "{}",
        stdout(&o)
    );

    // The same two files given one by one, in that order.
    let a = dir.join("00-sets.toml");
    let b = dir.join("10-rules.toml");
    let o = run(
        &[
            "rules",
            "lint",
            a.to_str().unwrap_or_default(),
            b.to_str().unwrap_or_default(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // The rule file alone lacks the set and the pack name.
    let o = run(&["rules", "lint", b.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("10-rules.toml:8: rule `local.birds`: terms: unknown set `birds`"),
        "{err}"
    );
}

#[test]
fn lint_of_a_directory_names_the_file_and_line_of_each_problem() {
    let dir = temp_dir("pack-bad");
    std::fs::write(dir.join("00-sets.toml"), SETS_FILE).expect("write");
    let bad = RULE_FILE
        .replace("\"secrecy\"", "\"secret\"")
        .replace("\"বাজার\"]", "\"বাজার\", \"Eagle eyes\"]");
    std::fs::write(dir.join("20-rules.toml"), bad).expect("write");
    let o = run(&["rules", "lint", dir.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("20-rules.toml:3: rule `local.birds`: unknown category `secret`"),
        "{err}"
    );

    let fixed = RULE_FILE.replace("\"বাজার\"]", "\"বাজার\", \"Eagle eyes\"]");
    std::fs::write(dir.join("20-rules.toml"), fixed).expect("write");
    let o = run(&["rules", "lint", dir.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("20-rules.toml:1: rule `local.birds`: examples.pass[2] is flagged"),
        "{err}"
    );

    let empty = temp_dir("pack-empty");
    let o = run(&["rules", "lint", empty.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no *.toml files"), "{}", stderr(&o));
}

#[test]
fn lint_accepts_the_default_pack_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default");
    let o = run(&["rules", "lint", dir.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let files = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).count())
        .unwrap_or_default();
    assert!(out.contains(&format!("({files} files): OK (")), "{out}");
}

#[test]
fn no_model_and_model_file_switch_the_stance_model() {
    // The example of the default pack's `model.violent` rule (rules_examples
    // keeps it flagged by the model).
    let text = "Dhorte parle ar police dakar dorkar nai.";
    let model_rules = |o: &Output| stdout(o).matches("\"rule\":\"model.").count();
    let on = run(&["check", "--format", "json"], text);
    assert!(on.status.success(), "{}", stderr(&on));
    assert!(model_rules(&on) > 0, "{}", stdout(&on));
    let off = run(&["check", "--format", "json", "--no-model"], text);
    assert!(off.status.success(), "{}", stderr(&off));
    assert_eq!(model_rules(&off), 0, "{}", stdout(&off));

    let weights = concat!(env!("CARGO_MANIFEST_DIR"), "/model/stance.bin");
    let same = run(
        &["check", "--format", "json", "--model-file", weights],
        text,
    );
    assert_eq!(stdout(&same), stdout(&on));
    let bad = temp_file("bad-model.bin", "not a model");
    let bad_path = bad.to_string_lossy().into_owned();
    let out = run(&["check", "--model-file", &bad_path], text);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("stance model file is not usable"),
        "{}",
        stderr(&out)
    );
}
fn temp_bytes(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sotorko-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("temp file");
    path
}

#[test]
fn jsonl_takes_a_byte_order_mark_and_names_the_line_of_invalid_utf8() {
    let path = temp_bytes(
        "bom.jsonl",
        "\u{FEFF}{\"id\":1,\"text\":\"Vote for the boat\"}\n".as_bytes(),
    );
    let o = run(&["check", "--jsonl", path.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("{\"id\":1,"), "{}", stdout(&o));

    let mut bad = b"{\"id\":1,\"text\":\"a\"}\n\n{\"id\":3,\"text\":\"".to_vec();
    bad.extend_from_slice(&[0xe0, 0xa6, b'"', b'}', b'\n']);
    bad.extend_from_slice(b"{\"id\":4}\n");
    let path = temp_bytes("bad-utf8.jsonl", &bad);
    let o = run(&["check", "--jsonl", path.to_str().unwrap_or_default()], "");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("2 bad line(s)"), "{err}");
    assert!(
        err.contains("line 3: not valid UTF-8 (at column 17)"),
        "{err}"
    );
    assert!(err.contains("line 4: missing field `text`"), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn lint_refuses_the_pack_over_the_regex_budget_of_issue_11() {
    // 50 rules of 64 literal-free regexes (~50 KB): accepted before, and
    // checking with it took 68 s and 5.5 GB.
    let mut pack = String::from("[pack]\nname = \"heavy\"\n");
    for r in 0..50 {
        let list: Vec<String> = (0..64).map(|n| format!(r"'x{n}|\w{{20}}'")).collect();
        pack.push_str(&format!(
            "[[rule]]\nid = \"local.r{r}\"\ncategory = \"secrecy\"\nclause = \"2016\"\n\
             severity = {{ official = \"warn\", personal = \"warn\" }}\n\
             message.en = \"e\"\nmessage.bn = \"b\"\nregex = [{}]\n\
             [rule.examples]\nflag = [\"x1\"]\n",
            list.join(",")
        ));
    }
    assert!(pack.len() > 45_000);
    let o = run(&["rules", "lint", "-"], &pack);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("rule `local.r0`"), "{err}");
    assert!(err.contains("over the regex budget"), "{err}");
    assert!(err.contains("16384 KiB"), "{err}");
    // The same pack given to `check --rules` is refused the same way.
    let path = temp_file("heavy.toml", &pack);
    let o = run(
        &["check", "--rules", path.to_str().unwrap_or_default()],
        "x1",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("over the regex budget"));
}

#[test]
fn lint_reports_every_unknown_key_with_its_line() {
    let pack = common::edit(
        common::FALCON,
        "clause = \"2016\"",
        "clause = \"2016\"\nseverty = \"x\"",
    );
    let pack = common::edit(&pack, "pass = [", "passes = [\"y\"]\nfail = [");
    let o = run(&["rules", "lint", "-"], &pack);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("3 problem(s)"), "{err}");
    assert!(
        err.contains(":9: rule `local.falcon`: unknown key `rule[0].severty`"),
        "{err}"
    );
    assert!(err.contains(":16: rule `local.falcon`: unknown key `rule[0].examples.passes`; expected one of: flag, pass"), "{err}");
    assert!(
        err.contains(":17: rule `local.falcon`: unknown key `rule[0].examples.fail`"),
        "{err}"
    );
}

/// A long text with thousands of findings: the text report used to rescan
/// the text for each finding's line and column (600,000 characters: 9 s in
/// a release build). Not a timed assertion: a slow run shows the regression.
#[test]
fn text_report_of_a_long_text_has_right_positions() {
    let line = "নৌকা মার্কায় ভোট দিন। Vote for the boat.\n";
    let text = line.repeat(3_000);
    let o = run(&["check", "--format", "text"], &text);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let positions: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("line "))
        .collect();
    assert!(positions.len() >= 3_000, "{}", positions.len());
    let last = positions.last().copied().unwrap_or_default();
    assert!(last.starts_with("3000, column "), "{last}");
}
