//! Reading files and standard input as UTF-8, and loading engines.

use super::CliError;
use sotorko::Engine;
use std::io::Read;
use std::path::Path;

/// Reads a file, or standard input for `None` or `-`, as UTF-8 text.
pub fn read_text(path: Option<&Path>) -> Result<(String, String), CliError> {
    let (name, bytes) = match path {
        None => read_stdin()?,
        Some(p) if p == Path::new("-") => read_stdin()?,
        Some(p) => {
            let bytes = std::fs::read(p)
                .map_err(|e| CliError::Input(format!("cannot read {}: {e}", p.display())))?;
            (p.display().to_string(), bytes)
        }
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((name, s)),
        Err(e) => Err(CliError::Input(format!(
            "{name} is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))),
    }
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
