//! Reading files and standard input as UTF-8, and loading engines.

use super::CliError;
use sotorko::Engine;
use std::io::Read;
use std::path::Path;

/// Reads a file, or standard input for `None` or `-`, as UTF-8 text.
/// Invalid UTF-8 is reported with its line and column.
pub fn read_text(path: Option<&Path>) -> Result<(String, String), CliError> {
    let (name, bytes) = read_bytes(path)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok((name, s)),
        Err(e) => {
            let (line, col) = position(e.as_bytes(), e.utf8_error().valid_up_to());
            Err(CliError::Input(format!(
                "{name} is not valid UTF-8 (line {line}, column {col})"
            )))
        }
    }
}

/// Reads a file, or standard input for `None` or `-`, as bytes.
pub fn read_bytes(path: Option<&Path>) -> Result<(String, Vec<u8>), CliError> {
    match path {
        None => read_stdin(),
        Some(p) if p == Path::new("-") => read_stdin(),
        Some(p) => {
            let bytes = std::fs::read(p)
                .map_err(|e| CliError::Input(format!("cannot read {}: {e}", p.display())))?;
            Ok((p.display().to_string(), bytes))
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` of `bytes`,
/// which are valid UTF-8 up to there.
pub fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, col)
}

fn read_stdin() -> Result<(String, Vec<u8>), CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Input(format!("cannot read standard input: {e}")))?;
    Ok(("standard input".to_owned(), bytes))
}

/// The default engine, or one built from `--rules FILE`.
pub fn engine(rules: Option<&Path>) -> Result<Engine, CliError> {
    match rules {
        None => Engine::default_pack()
            .map_err(|e| CliError::Input(format!("the built-in rule pack is invalid: {e}"))),
        Some(path) => {
            let (name, text) = read_text(Some(path))?;
            Engine::from_source(&name, &text).map_err(|e| CliError::Input(e.to_string()))
        }
    }
}
