//! `sotorko check`: one text (text or JSON output) or a JSON-lines batch.

use super::input::{engine, read_text};
use super::{text, CliError, ContextArg, Format};
use clap::Args;
use serde::Serialize;
use sotorko::{Context, Engine, Finding};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Context the text is posted in (ignored with --jsonl, where each line gives its own).
    #[arg(long, value_enum, default_value = "official")]
    context: ContextArg,
    /// Output format for a single text.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Check a batch: one JSON object per line, {"id", "text", "context"?}; one
    /// output line {"id", "findings"} per input line, in order. Blank lines are
    /// skipped. Every line is validated first: if any is bad, nothing is
    /// printed and the exit code is 2, with every bad line named on stderr.
    #[arg(long)]
    jsonl: bool,
    /// Use this rule pack instead of the default.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Switch the stance model off (as the `model: false` policy key does).
    #[arg(long)]
    no_model: bool,
    /// Use these stance-model weights instead of the embedded ones (a file
    /// written by scripts/model/train.py, e.g. a fold model for cross-validation).
    #[arg(long, value_name = "FILE", conflicts_with = "no_model")]
    model_file: Option<PathBuf>,
    /// The text file to check, or `-` (the default) for standard input.
    file: Option<PathBuf>,
}

/// Runs `check`.
pub fn run(args: &CheckArgs) -> Result<(), CliError> {
    let (name, input) = read_text(args.file.as_deref())?;
    if args.jsonl {
        // All lines are validated before any is checked: a bad line means no output at all.
        let batch = parse_jsonl(&name, &input)?;
        let engine = configured_engine(args)?;
        return write_jsonl(&engine, &batch);
    }
    let engine = configured_engine(args)?;
    let report = engine.check(&input, args.context.into());
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => text::write_report(&mut out, &input, &report)?,
    }
    out.flush()?;
    Ok(())
}

/// The engine of `--rules`, with the stance model switched off or replaced.
fn configured_engine(args: &CheckArgs) -> Result<Engine, CliError> {
    let mut engine = engine(args.rules.as_deref())?;
    if args.no_model {
        engine.set_stance_model(None);
    } else if let Some(path) = &args.model_file {
        let bytes = std::fs::read(path)
            .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
        let model = sotorko::stance::StanceModel::from_bytes(&bytes)
            .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
        engine.set_stance_model(Some(std::sync::Arc::new(model)));
    }
    Ok(engine)
}

/// One line of a batch.
#[derive(Debug)]
pub struct BatchItem {
    id: serde_json::Value,
    text: String,
    context: Context,
}

/// Parses a JSON-lines batch. Blank lines are skipped. Every bad line is
/// reported (with its 1-based line number and the field concerned).
pub fn parse_jsonl(name: &str, input: &str) -> Result<Vec<BatchItem>, CliError> {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(item) => items.push(item),
            Err(e) => errors.push(format!("{name}: line {n}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(CliError::Input(format!(
            "{} bad line(s); nothing was checked:\n{}",
            errors.len(),
            errors.join("\n")
        )))
    }
}

fn parse_line(line: &str) -> Result<BatchItem, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or("expected a JSON object {\"id\", \"text\", \"context\"}")?;
    let id = obj.get("id").cloned().ok_or("missing field `id`")?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err("field `text` must be a string".into()),
        None => return Err("missing field `text`".into()),
    };
    let context = match obj.get("context") {
        None | Some(serde_json::Value::Null) => Context::Official,
        Some(serde_json::Value::String(s)) => s
            .parse::<Context>()
            .map_err(|e| format!("field `context`: {e}"))?,
        Some(_) => return Err("field `context` must be \"official\" or \"personal\"".into()),
    };
    Ok(BatchItem { id, text, context })
}

#[derive(Serialize)]
struct BatchResult<'a> {
    id: &'a serde_json::Value,
    findings: &'a [Finding],
}

fn write_jsonl(engine: &Engine, batch: &[BatchItem]) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for item in batch {
        let report = engine.check(&item.text, item.context);
        let line = BatchResult {
            id: &item.id,
            findings: &report.findings,
        };
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_validated_with_line_numbers() {
        let ok = parse_jsonl(
            "in",
            "{\"id\":1,\"text\":\"a\"}\n\n{\"id\":\"x\",\"text\":\"b\",\"context\":\"personal\"}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].context, Context::Personal);
        let err = parse_jsonl(
            "in",
            "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":3}\n{\"id\":3,\"text\":\"c\",\"context\":\"home\"}\nnope\n{\"text\":\"d\"}\n",
        )
        .map(|_| ())
        .unwrap_err()
        .to_string();
        assert!(err.contains("4 bad line(s)"), "{err}");
        assert!(
            err.contains("line 2: field `text` must be a string"),
            "{err}"
        );
        assert!(
            err.contains("line 3: field `context`: unknown context `home`"),
            "{err}"
        );
        assert!(err.contains("line 4: not valid JSON"), "{err}");
        assert!(err.contains("line 5: missing field `id`"), "{err}");
    }
}
