//! The human-readable report of `check --format text`.

use sotorko::Report;
use std::io::{self, Write};

/// Turns byte offsets into 1-based lines and columns (in characters) in one
/// forward pass over the text, however many offsets are asked for.
struct Positions<'a> {
    text: &'a str,
    /// Byte offset reached so far, with its line and column.
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Positions<'a> {
        Positions {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    /// Line and column of `offset`. Offsets asked in increasing order cost
    /// one pass in total; a smaller offset than the last restarts the pass.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        let gap = self.text.get(self.offset..offset).unwrap_or("");
        for c in gap.chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.offset += gap.len();
        (self.line, self.col)
    }
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
    // Findings are ordered by start, so one pass gives every position.
    let mut positions = Positions::new(text);
    for (i, f) in report.findings.iter().enumerate() {
        let (line, col) = positions.at(f.start);
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

    /// The plain (quadratic) definition the one-pass walk must agree with.
    fn line_col(text: &str, offset: usize) -> (usize, usize) {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    #[test]
    fn positions_count_characters() {
        let text = "ab\nনৌকা x";
        let mut p = Positions::new(text);
        assert_eq!(p.at(0), (1, 1));
        assert_eq!(p.at("ab\nনৌকা ".len()), (2, 6));
        assert_eq!(p.at(1), (1, 2), "an earlier offset restarts the walk");
        assert_eq!(
            p.at(text.len() + 5),
            (2, 7),
            "offsets past the end stop there"
        );
    }

    #[test]
    fn one_pass_agrees_with_the_plain_definition() {
        let text = "নৌকা\nvote for\n\nধানের শীষ x\r\nend";
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut p = Positions::new(text);
        for &o in &offsets {
            assert_eq!(p.at(o), line_col(text, o), "offset {o}");
        }
    }
}
