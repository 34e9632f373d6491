//! `sotorko policy check` and `sotorko contract emit`.

use super::input::read_text;
use super::CliError;
use sotorko::settings::{bn_digits, check_policy, generated_files};
use std::io::Write;
use std::path::Path;

/// Validates a policy file exactly as the extension validates managed
/// storage: prints "valid" (exit 0), or every problem with its key in
/// English and Bangla (exit 2). An unreadable file or one that is not JSON
/// is exit 2 too.
pub fn check(path: &Path) -> Result<(), CliError> {
    let (name, text) = read_text(Some(path))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        CliError::Input(format!(
            "{name} is not JSON ({e}); a policy is one JSON object of settings, e.g. {{\"mode\": \"strict\"}}\n\
             {name} JSON নয় ({e}); পলিসি হলো সেটিংসের একটি JSON অবজেক্ট, যেমন {{\"mode\": \"strict\"}}"
        ))
    })?;
    let verdict = check_policy(&value);
    if verdict.is_valid() {
        let keys = verdict.resolved.values.len();
        let locked = if verdict.resolved.locked.is_empty() {
            "none".to_owned()
        } else {
            verdict.resolved.locked.join(", ")
        };
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{name}: valid policy ({keys} setting(s); locked for officials: {locked})"
        )?;
        writeln!(out, "{name}: পলিসি সঠিক ({}টি সেটিং)", bn_digits(keys))?;
        out.flush()?;
        return Ok(());
    }
    let problems: Vec<String> = verdict
        .problems()
        .map(|p| {
            format!(
                "[{}]\n  en: {}\n  bn: {}",
                p.key, p.message.en, p.message.bn
            )
        })
        .collect();
    Err(CliError::Input(format!(
        "{name}: {} problem(s); each key named keeps its built-in value\n\
         {name}: {}টি সমস্যা; উল্লিখিত প্রতিটি সেটিংয়ের পূর্বনির্ধারিত মান প্রযোজ্য হবে\n{}",
        problems.len(),
        bn_digits(problems.len()),
        problems.join("\n")
    )))
}

/// Writes the files generated from the settings contract under `out` (the
/// repository root), or with `check` only reports those that differ (exit 2).
pub fn emit(out: &Path, check: bool) -> Result<(), CliError> {
    let mut stale = Vec::new();
    for (rel, contents) in generated_files() {
        let path = out.join(rel);
        let current = std::fs::read(&path).ok();
        if current.as_deref() == Some(contents.as_bytes()) {
            continue;
        }
        if check {
            stale.push(rel);
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::Input(format!("cannot create {}: {e}", dir.display())))?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| CliError::Input(format!("cannot write {}: {e}", path.display())))?;
        println!("wrote {rel}");
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(CliError::Input(format!(
            "generated files are out of date (run `sotorko contract emit`): {}",
            stale.join(", ")
        )))
    }
}
