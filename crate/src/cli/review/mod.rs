//! `sotorko review`: merges the activity exports of many officials into one
//! office report for a quarter, as HTML, CSV or JSON on standard output.
//!
//! Every file is validated before anything is counted: any problem means no
//! report, every problem listed on standard error, exit code 2.

mod csv;
mod export;
mod html;
mod labels;
mod quarter;
mod report;
mod svg;

use super::input::read_bytes;
use super::CliError;
use clap::{Args, ValueEnum};
use export::{ExportError, Problem};
use labels::Lang;
use quarter::Quarter;
use std::io::Write;
use std::path::{Path, PathBuf};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 50;

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The quarter to report, like 2026Q4 (UTC). Default: the quarter of the
    /// latest entry in the files (of the latest export if none has entries).
    #[arg(long, value_parser = parse_quarter)]
    quarter: Option<Quarter>,
    /// Output format: a self-contained HTML report, or the CSV or JSON table.
    #[arg(long, value_enum, default_value = "html")]
    format: ReviewFormat,
    /// Language of the HTML report (CSV and JSON are the same in both).
    #[arg(long, value_enum, default_value = "bn")]
    lang: Lang,
    /// Activity exports from the extension's options page (`-` reads standard input).
    /// The same entry in several files (the same export given twice, or
    /// overlapping exports of one browser) is counted once.
    #[arg(required = true, num_args = 1.., value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Output format of `review`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReviewFormat {
    /// One self-contained HTML page with inline SVG charts.
    Html,
    /// One row per page (UTF-8 with a byte-order mark, CRLF).
    Csv,
    /// `{"quarter", "pages", "falseAlarms"}`.
    Json,
}

fn parse_quarter(s: &str) -> Result<Quarter, quarter::BadQuarter> {
    s.parse()
}

/// Runs `review`.
pub fn run(args: &ReviewArgs) -> Result<(), CliError> {
    let mut exports = Vec::with_capacity(args.files.len());
    let mut errors: Vec<ExportError> = Vec::new();
    for path in &args.files {
        match read(path) {
            Ok((name, bytes)) => match export::parse(&name, &bytes) {
                Ok(e) => exports.push(e),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        let mut lines: Vec<String> = errors
            .iter()
            .take(MAX_LISTED)
            .map(|e| e.to_string())
            .collect();
        if errors.len() > MAX_LISTED {
            lines.push(format!("… and {} more", errors.len() - MAX_LISTED));
        }
        return Err(CliError::Input(format!(
            "{} problem(s) in the exports; no report was written:\n{}",
            errors.len(),
            lines.join("\n")
        )));
    }
    let merged = report::merge(&exports);
    let quarter = match args.quarter {
        Some(q) => q,
        None => {
            let q = report::default_quarter(&merged)
                .ok_or_else(|| CliError::Input("no export file was given".into()))?;
            eprintln!(
                "sotorko: note: reporting {q}, the quarter of the latest entry; choose another with --quarter"
            );
            q
        }
    };
    let review = report::review(&merged, quarter);
    if merged.duplicates() > 0 {
        eprintln!(
            "sotorko: note: {} entries appeared in more than one file and were counted once",
            merged.duplicates()
        );
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &review).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ReviewFormat::Csv => csv::write(&mut out, &review)?,
        ReviewFormat::Html => html::write(&mut out, &review, &merged, args.lang)?,
    }
    out.flush()?;
    Ok(())
}

/// Reads one file (or standard input for `-`), naming it as given.
fn read(path: &Path) -> Result<(String, Vec<u8>), ExportError> {
    if path == Path::new("-") {
        return read_bytes(None).map_err(|e| ExportError {
            file: "standard input".into(),
            location: None,
            problem: Problem::Unreadable(std::io::Error::other(e.to_string())),
        });
    }
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => Ok((name, bytes)),
        Err(e) => Err(ExportError {
            file: name,
            location: None,
            problem: Problem::Unreadable(e),
        }),
    }
}
