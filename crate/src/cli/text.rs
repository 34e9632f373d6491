//! The human-readable report of `check --format text`.

use sotorko::Report;
use std::io::{self, Write};

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Writes a report: a summary line, then each finding with its excerpt,
/// severity, category, clause and the English and Bangla message.
pub fn write_report(out: &mut impl Write, text: &str, report: &Report) -> io::Result<()> {
    if report.findings.is_empty() {
        writeln!(out, "No findings: the text raises no guideline concern.")?;
        return Ok(());
    }
    let highest = report.summary.highest.map_or("none", |s| s.id());
    writeln!(
        out,
        "{} finding(s); highest severity: {highest}",
        report.findings.len()
    )?;
    for (i, f) in report.findings.iter().enumerate() {
        let (line, col) = line_col(text, f.start);
        writeln!(out)?;
        writeln!(
            out,
            "{}. [{}] {} — “{}”",
            i + 1,
            f.severity.id().to_uppercase(),
            f.category.name().en,
            f.excerpt
        )?;
        writeln!(
            out,
            "   line {line}, column {col} (bytes {}..{}) · rule {} · category {} · clause {}",
            f.start,
            f.end,
            f.rule,
            f.category.id(),
            f.clause
        )?;
        writeln!(out, "   EN: {}", f.message.en)?;
        writeln!(out, "   BN: {}", f.message.bn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        assert_eq!(line_col("ab\nনৌকা x", "ab\nনৌকা ".len()), (2, 6));
        assert_eq!(line_col("x", 0), (1, 1));
    }
}
