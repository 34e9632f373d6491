//! `sotorko rules list` and `sotorko rules lint`.

use super::input::{engine, read_text};
use super::CliError;
use sotorko::rules::{load, LoadOptions, Source, Terms};
use sotorko::{Engine, Problem, RulePack};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Validates a pack given as files and/or directories, merged in order (a
/// directory's `*.toml` files in file-name order); prints every problem,
/// each with its file and line, and fails (exit 2) when there is one.
pub fn lint(paths: &[PathBuf]) -> Result<(), CliError> {
    let texts = read_pack_sources(paths)?;
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let label = match paths {
        [_] if texts.len() == 1 => texts[0].0.clone(),
        _ => format!(
            "{} ({} files)",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            texts.len()
        ),
    };
    let (problems, count) = lint_sources(&sources);
    if problems.is_empty() {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{label}: OK ({count} rules)")?;
        return Ok(());
    }
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(CliError::Input(format!(
        "{label} is not a valid rule pack ({} problem(s)):\n{}",
        problems.len(),
        list.join("\n")
    )))
}

/// Loads sources as one stand-alone pack (the default pack's sets usable)
/// and runs every rule's examples. Returns the problems and the rule count.
fn lint_sources(sources: &[Source<'_>]) -> (Vec<Problem>, usize) {
    let base = RulePack::default_pack().ok();
    let loaded = load(
        sources,
        &LoadOptions {
            require_name: true,
            base_sets: base.as_ref().map(|b| &b.sets),
            reserved_ids: None,
            trusted: false,
        },
    );
    let pack = match loaded {
        Ok(pack) => pack,
        Err(e) => return (e.problems, 0),
    };
    let count = pack.rules.len();
    match Engine::from_pack(pack, &Terms::default()) {
        Ok(engine) => (engine.example_failures(), count),
        Err(e) => (
            vec![Problem {
                file: sources.first().map(|s| s.name.to_owned()),
                line: None,
                rule: None,
                message: e.to_string(),
            }],
            count,
        ),
    }
}

/// Reads every source of a pack: files as given, directories as their
/// `*.toml` files sorted by file name. A directory without any is an error.
fn read_pack_sources(paths: &[PathBuf]) -> Result<Vec<(String, String)>, CliError> {
    let mut texts = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in entries {
                let entry = entry
                    .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
                let file = entry.path();
                if file.extension().is_some_and(|x| x == "toml") && file.is_file() {
                    files.push(file);
                }
            }
            if files.is_empty() {
                return Err(CliError::Input(format!(
                    "{} has no *.toml files",
                    path.display()
                )));
            }
            files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            for file in files {
                texts.push(read_text(Some(&file))?);
            }
        } else {
            texts.push(read_text(Some(path))?);
        }
    }
    Ok(texts)
}
