//! `sotorko rules list` and `sotorko rules lint`.

use super::input::{engine, read_text};
use super::CliError;
use std::io::Write;
use std::path::Path;

/// Prints one line per rule: id, category, severity (official/personal), clause.
pub fn list(rules: Option<&Path>) -> Result<(), CliError> {
    let engine = engine(rules)?;
    let infos = engine.rules();
    let width = infos.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:width$}  {:17}  {:8} {:8}  clause",
        "id", "category", "official", "personal"
    )?;
    let level = |s: Option<sotorko::Severity>| s.map_or("off", |s| s.id());
    for r in &infos {
        writeln!(
            out,
            "{:width$}  {:17}  {:8} {:8}  {}",
            r.id,
            r.category.id(),
            level(r.severity.official),
            level(r.severity.personal),
            r.clause
        )?;
    }
    writeln!(out, "{} rules", infos.len())?;
    out.flush()?;
    Ok(())
}

/// Validates a pack file; prints every problem and fails (exit 2) when there is one.
pub fn lint(file: &Path) -> Result<(), CliError> {
    let (name, text) = read_text(Some(file))?;
    let problems = sotorko::lint(&name, &text);
    if problems.is_empty() {
        let base = sotorko::RulePack::default_pack().ok();
        let count = sotorko::RulePack::standalone(&name, &text, base.as_ref())
            .map(|p| p.rules.len())
            .unwrap_or_default();
        let mut out = std::io::stdout().lock();
        writeln!(out, "{name}: OK ({count} rules)")?;
        return Ok(());
    }
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(CliError::Input(format!(
        "{name} is not a valid rule pack ({} problem(s)):\n{}",
        problems.len(),
        list.join("\n")
    )))
}
