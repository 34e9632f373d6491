//! A normalised string with a compact map back to the original text.
//!
//! The map is a list of runs. A *copy* run covers view characters that each
//! stand for exactly one original stretch of the same byte length (plain
//! copies, ASCII case changes, Bangla digits are not copies but most Bangla
//! letters are), so offsets inside it are affine. A *mapped* run covers one or
//! more view characters that all stand for the same original range. Runs are
//! kept monotonic: both the original start and the original end never
//! decrease along the view, which makes [`View::original_span`] monotonic.

/// One stretch of the view and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// First view byte of the run.
    view: usize,
    /// Original start (for a copy run: of the run's first character).
    start: usize,
    /// Original end (for a copy run: of the run's last character).
    end: usize,
    /// Copy runs map offsets affinely; mapped runs map every character to
    /// `start..end`.
    copy: bool,
}

/// A normalised view of the original text with a map back to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The normalised text.
    pub text: String,
    runs: Vec<Run>,
}

impl View {
    /// Maps a byte range of `self.text` to the smallest range of the original
    /// text covering it, always on original char boundaries.
    ///
    /// Offsets past the end are clamped, a reversed range is treated as empty
    /// at `start`, and offsets inside a view character are widened to that
    /// character. An empty range maps to an empty original range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.text.len();
        let mut start = start.min(len);
        let wanted_end = end.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = wanted_end.max(start);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        if self.runs.is_empty() {
            return (0, 0);
        }
        if start == end {
            let at = if start < len {
                self.start_of(start)
            } else {
                self.end_of(len)
            };
            return (at, at);
        }
        (self.start_of(start), self.end_of(end))
    }

    /// Length of the view text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the view text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Index of the run holding view byte `p` (`p < len`, runs non-empty).
    fn run_at(&self, p: usize) -> &Run {
        let idx = self.runs.partition_point(|r| r.view <= p).saturating_sub(1);
        &self.runs[idx.min(self.runs.len() - 1)]
    }

    /// Original start of the view character starting at `p`.
    fn start_of(&self, p: usize) -> usize {
        let r = self.run_at(p);
        if r.copy {
            (r.start + (p - r.view)).min(r.end)
        } else {
            r.start
        }
    }

    /// Original end of the view character ending at `q` (`q > 0`).
    fn end_of(&self, q: usize) -> usize {
        let r = self.run_at(q.saturating_sub(1));
        if r.copy {
            (r.start + (q - r.view)).min(r.end)
        } else {
            r.end
        }
    }
}

/// Builds a [`View`] one character at a time.
#[derive(Debug, Default)]
pub(crate) struct ViewBuilder {
    view: View,
    /// View offset of the last pushed character.
    last_view: usize,
    /// Original start of the last pushed character.
    last_start: usize,
    /// Original end of the last pushed character.
    last_end: usize,
}

impl ViewBuilder {
    /// A builder with room for about `capacity` bytes of text.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        ViewBuilder {
            view: View {
                text: String::with_capacity(capacity),
                runs: Vec::new(),
            },
            ..ViewBuilder::default()
        }
    }

    /// Whether nothing has been pushed yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.view.text.is_empty()
    }

    /// Original end of the last pushed character (0 when empty).
    pub(crate) fn last_end(&self) -> usize {
        self.last_end
    }

    /// Appends `ch`, standing for original bytes `start..end`.
    ///
    /// Ranges are clamped so that the map stays monotonic.
    #[inline(always)]
    pub(crate) fn push(&mut self, ch: char, start: usize, end: usize) {
        let at = self.view.text.len();
        let start = start.max(self.last_start);
        let end = end.max(start).max(self.last_end);
        let is_copy = start >= self.last_end && end - start == ch.len_utf8();
        let same_range = start == self.last_start && end == self.last_end;
        self.view.text.push(ch);
        self.last_view = at;
        self.last_start = start;
        self.last_end = end;
        if let Some(last) = self.view.runs.last_mut() {
            if is_copy && last.copy && last.end == start {
                last.end = end;
                return;
            }
            if !is_copy && !last.copy && same_range && last.start == start {
                return;
            }
        }
        self.view.runs.push(Run {
            view: at,
            start,
            end,
            copy: is_copy,
        });
    }

    /// Widens the last pushed character to end at original byte `end`
    /// (used for characters dropped from the view inside a word).
    pub(crate) fn absorb(&mut self, end: usize) {
        if end <= self.last_end {
            return;
        }
        let last_view = self.last_view;
        let last_start = self.last_start;
        let Some(last) = self.view.runs.last_mut() else {
            return;
        };
        if last.copy {
            if last.view == last_view {
                last.copy = false;
                last.end = end;
            } else {
                last.end = last_start;
                self.view.runs.push(Run {
                    view: last_view,
                    start: last_start,
                    end,
                    copy: false,
                });
            }
        } else {
            last.end = end;
        }
        self.last_end = end;
    }

    /// The finished view.
    pub(crate) fn finish(self) -> View {
        self.view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_runs_map_affinely() {
        let mut b = ViewBuilder::default();
        for (i, ch) in "abc".char_indices() {
            b.push(ch, i + 10, i + 11);
        }
        let v = b.finish();
        assert_eq!(v.runs.len(), 1);
        assert_eq!(v.original_span(0, 3), (10, 13));
        assert_eq!(v.original_span(1, 2), (11, 12));
        assert_eq!(v.original_span(2, 2), (12, 12));
        assert_eq!(v.original_span(3, 3), (13, 13));
    }

    #[test]
    fn mapped_runs_cover_whole_source() {
        let mut b = ViewBuilder::default();
        b.push('a', 0, 1);
        b.push('k', 1, 4);
        b.push('g', 1, 4);
        b.push('z', 4, 5);
        let v = b.finish();
        assert_eq!(v.text, "akgz");
        assert_eq!(v.original_span(1, 2), (1, 4));
        assert_eq!(v.original_span(2, 3), (1, 4));
        assert_eq!(v.original_span(0, 4), (0, 5));
        assert_eq!(v.original_span(3, 4), (4, 5));
    }

    #[test]
    fn absorb_splits_copy_run() {
        let mut b = ViewBuilder::default();
        b.push('a', 0, 1);
        b.push('b', 1, 2);
        b.absorb(5);
        b.push('c', 5, 6);
        let v = b.finish();
        assert_eq!(v.original_span(0, 1), (0, 1));
        assert_eq!(v.original_span(1, 2), (1, 5));
        assert_eq!(v.original_span(2, 3), (5, 6));
        assert_eq!(v.original_span(0, 3), (0, 6));
    }

    #[test]
    fn out_of_range_and_non_boundary_offsets_do_not_panic() {
        let mut b = ViewBuilder::default();
        b.push('ক', 0, 3);
        b.push('খ', 3, 6);
        let v = b.finish();
        assert_eq!(v.original_span(1, 2), (0, 3));
        assert_eq!(v.original_span(4, 100), (3, 6));
        assert_eq!(v.original_span(5, 1), (3, 3));
        assert_eq!(View::default().original_span(3, 9), (0, 0));
    }
}
