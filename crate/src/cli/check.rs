//! `sotorko check`: one text (text or JSON output) or a JSON-lines batch.

use super::input::{engine, position, read_bytes, read_text};
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
    /// skipped; a UTF-8 byte-order mark at the start is allowed. Every line is
    /// validated first (JSON, fields, UTF-8): if any is bad, nothing is
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
    if args.jsonl {
        // All lines are validated before any is checked: a bad line means no output at all.
        let (name, input) = read_bytes(args.file.as_deref())?;
        let batch = parse_jsonl(&name, &input)?;
        let engine = configured_engine(args)?;
        return write_jsonl(&engine, &batch);
    }
    let (_, input) = read_text(args.file.as_deref())?;
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

/// Parses a JSON-lines batch. Blank lines are skipped; a UTF-8 byte-order
/// mark before the first line is allowed. Every bad line is reported (with
/// its 1-based line number and the field concerned), including lines that
/// are not valid UTF-8.
pub fn parse_jsonl(name: &str, input: &[u8]) -> Result<Vec<BatchItem>, CliError> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in input.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line,
            Err(e) => {
                let (_, col) = position(raw, e.valid_up_to());
                errors.push(format!(
                    "{name}: line {n}: not valid UTF-8 (at column {col})"
                ));
                continue;
            }
        };
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
            b"{\"id\":1,\"text\":\"a\"}\n\n{\"id\":\"x\",\"text\":\"b\",\"context\":\"personal\"}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].context, Context::Personal);
        let err = parse_jsonl(
            "in",
            b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":3}\n{\"id\":3,\"text\":\"c\",\"context\":\"home\"}\nnope\n{\"text\":\"d\"}\n",
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

    #[test]
    fn a_byte_order_mark_and_crlf_are_accepted() {
        let ok = parse_jsonl(
            "in",
            "\u{FEFF}{\"id\":1,\"text\":\"নৌকা\"}\r\n{\"id\":2,\"text\":\"b\"}\r\n".as_bytes(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].text, "নৌকা");
        // Only at the very start: a mark inside the batch is not JSON.
        let err = parse_jsonl("in", "{\"id\":1,\"text\":\"a\"}\n\u{FEFF}{}".as_bytes())
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2: not valid JSON"), "{err}");
    }

    #[test]
    fn invalid_utf8_is_reported_by_line_with_the_other_bad_lines() {
        let mut input = "{\"id\":1,\"text\":\"a\"}\nnope\n{\"id\":3,\"text\":\"নৌ"
            .as_bytes()
            .to_vec();
        input.extend_from_slice(b"\xff\xfe\"}\n{\"id\":4,\"text\":\"d\"}\n");
        let err = parse_jsonl("in", &input)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("2 bad line(s)"), "{err}");
        assert!(err.contains("in: line 2: not valid JSON"), "{err}");
        assert!(
            err.contains("in: line 3: not valid UTF-8 (at column 19)"),
            "{err}"
        );
    }
}
