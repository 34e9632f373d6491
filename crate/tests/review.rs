//! Golden tests of `sotorko review`: the real binary on the exports in
//! `tests/review/`, its output compared byte for byte with the files in
//! `tests/review/golden/`. After an intended change, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p sotorko --test review` and review the diff.

use std::path::Path;
use std::process::{Command, Output};

const FILES: [&str; 3] = [
    "tests/review/office-a.json",
    "tests/review/office-b.json",
    "tests/review/office-a-november.json",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sotorko"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("review")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Compares `actual` with the golden file, or rewrites it under `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/review/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("create golden dir");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; create it with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let exp = String::from_utf8_lossy(&expected);
        let act = String::from_utf8_lossy(actual);
        let line = exp
            .lines()
            .zip(act.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| exp.lines().count().min(act.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  expected: {}\n  actual:   {}\n\
             (if the change is intended: UPDATE_GOLDEN=1 cargo test -p sotorko --test review)",
            line + 1,
            exp.lines().nth(line).unwrap_or("<end>"),
            act.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

fn ok_run(args: &[&str]) -> Output {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn report(format: &str, lang: &str) -> Output {
    let mut args = vec!["--quarter", "2026Q4", "--format", format, "--lang", lang];
    args.extend(FILES);
    ok_run(&args)
}

#[test]
fn html_in_bangla_and_english() {
    for lang in ["bn", "en"] {
        let o = report("html", lang);
        golden(&format!("report-{lang}.html"), &o.stdout);
        golden("report.stderr", &o.stderr);
        let html = String::from_utf8_lossy(&o.stdout);
        // Self-contained: no script, nothing fetched.
        for banned in ["<script", "src=", "href=", "@import", "url("] {
            assert!(
                !html.contains(banned),
                "{lang}: the report contains {banned:?}"
            );
        }
        // The hostile page name is shown, escaped.
        assert!(
            html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;")
        );
    }
    let bn = String::from_utf8_lossy(&report("html", "bn").stdout).into_owned();
    assert!(bn.contains("<html lang=\"bn\">") && bn.contains("২০২৬"));
    // Bangla digits in the charts and tables: no ASCII digit in any label or cell.
    for open in [
        "<text class=\"value\"",
        "<text class=\"tick\"",
        "<td class=\"num\"",
    ] {
        let mut seen = 0;
        for chunk in bn.split(open).skip(1) {
            let content = chunk
                .split_once('>')
                .and_then(|(_, rest)| rest.split_once('<'))
                .map_or("", |(text, _)| text);
            assert!(
                !content.bytes().any(|b| b.is_ascii_digit()),
                "ASCII digits in {open}…: {content:?}"
            );
            seen += 1;
        }
        assert!(seen > 0, "no {open} in the report");
    }
}

#[test]
fn csv_and_json_are_the_same_in_both_languages() {
    for format in ["csv", "json"] {
        let bn = report(format, "bn");
        let en = report(format, "en");
        assert_eq!(bn.stdout, en.stdout, "{format}");
        golden(&format!("report.{format}"), &bn.stdout);
        golden("report.stderr", &bn.stderr);
    }
}

#[test]
fn json_follows_the_contract() {
    let o = report("json", "en");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 3);
    for key in ["quarter", "pages", "falseAlarms"] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(v["quarter"], "2026Q4");
    for page in v["pages"].as_array().expect("pages") {
        for key in [
            "id",
            "name",
            "posts",
            "weeks",
            "weeksAtCadence",
            "held",
            "heldEdited",
            "heldPosted",
            "heldCancelled",
            "byCategory",
        ] {
            assert!(page.get(key).is_some(), "{key} missing in {page}");
        }
        // 2026Q4 touches ISO weeks 40 to 53 of 2026.
        assert_eq!(page["weeks"], 14);
        let held = ["heldEdited", "heldPosted", "heldCancelled"]
            .iter()
            .map(|k| page[k].as_u64().unwrap_or(0))
            .sum::<u64>();
        assert_eq!(page["held"].as_u64(), Some(held));
    }
    let pages = v["pages"].as_array().expect("pages");
    let last = &pages[pages.len() - 1];
    assert!(last["id"].is_null() && last["name"].is_null());
    for alarm in v["falseAlarms"].as_array().expect("falseAlarms") {
        for key in ["rule", "term", "count"] {
            assert!(alarm.get(key).is_some(), "{key} missing in {alarm}");
        }
    }
}

#[test]
fn the_same_export_twice_changes_nothing() {
    let once = ok_run(&["--quarter", "2026Q4", "--format", "json", FILES[0]]);
    let twice = ok_run(&[
        "--quarter",
        "2026Q4",
        "--format",
        "json",
        FILES[0],
        FILES[0],
    ]);
    assert_eq!(once.stdout, twice.stdout);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("counted once"));
    // An earlier, overlapping export of the same browser adds nothing either.
    let overlap = ok_run(&[
        "--quarter",
        "2026Q4",
        "--format",
        "json",
        FILES[2],
        FILES[0],
    ]);
    assert_eq!(once.stdout, overlap.stdout);
}

#[test]
fn default_quarter_is_that_of_the_latest_entry() {
    let mut args = vec!["--format", "json"];
    args.extend(FILES);
    let o = ok_run(&args);
    golden("default-quarter.json", &o.stdout);
    golden("default-quarter.stderr", &o.stderr);
}

#[test]
fn a_quarter_without_entries_is_an_empty_report_not_an_error() {
    let o = ok_run(&["--quarter", "2025Q1", "--format", "json", FILES[1]]);
    golden("empty-quarter.json", &o.stdout);
    let o = ok_run(&["--quarter", "2025Q1", "--lang", "en", FILES[1]]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("No post attempts in this quarter."));
}

/// A bad input: exit 2, nothing on stdout, the golden message on stderr.
fn bad(name: &str, args: &[&str]) {
    let o = run(args);
    assert_eq!(o.status.code(), Some(2), "{name}: {args:?}");
    assert!(o.stdout.is_empty(), "{name}: wrote a report");
    golden(&format!("bad-{name}.stderr"), &o.stderr);
}

#[test]
fn each_bad_export_is_named_with_its_line_and_entry() {
    for name in [
        "truncated",
        "not-utf8",
        "not-an-object",
        "wrong-kind",
        "override-log",
        "wrong-version",
        "missing-fields",
        "ill-typed",
        "bad-timestamps",
        "unknown-values",
        "entries-not-array",
    ] {
        let file = format!("tests/review/bad/{name}.json");
        bad(name, &[&file]);
    }
}

#[test]
fn unreadable_file_and_bad_quarter() {
    bad("unreadable", &["tests/review/bad/no-such-file.json"]);
    // A good file beside a bad one: still no report.
    bad(
        "good-and-bad",
        &[FILES[0], "tests/review/bad/wrong-version.json"],
    );
    for (name, quarter) in [("quarter-5", "2026Q5"), ("quarter-format", "Q4-2026")] {
        bad(name, &["--quarter", quarter, FILES[0]]);
    }
}
