//! Interval queries and UTF-16 offsets.

/// A set of half-open intervals answering "does anything overlap [lo, hi)?"
/// in O(log n): intervals sorted by start, with a running maximum of ends.
#[derive(Debug)]
pub(crate) struct SpanSet {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanSet {
    pub(crate) fn new(mut spans: Vec<(usize, usize)>) -> SpanSet {
        spans.sort_unstable();
        let mut max = 0;
        let mut starts = Vec::with_capacity(spans.len());
        let mut max_end = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            max = max.max(e);
            starts.push(s);
            max_end.push(max);
        }
        SpanSet { starts, max_end }
    }

    /// True when some interval overlaps `[lo, hi)`.
    pub(crate) fn overlaps(&self, lo: usize, hi: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < hi);
        n > 0 && self.max_end.get(n - 1).is_some_and(|&e| e > lo)
    }
}

/// UTF-16 offsets of a set of byte offsets, computed in one pass over the text.
#[derive(Debug)]
pub(crate) struct Utf16Offsets {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Offsets {
    /// The UTF-16 offset of a byte offset that was asked for (0 otherwise).
    pub(crate) fn get(&self, byte: usize) -> usize {
        self.bytes
            .binary_search(&byte)
            .ok()
            .and_then(|i| self.units.get(i).copied())
            .unwrap_or(0)
    }
}

/// Converts the given byte offsets (char boundaries of `text`) to UTF-16 offsets.
pub(crate) fn utf16_offsets(text: &str, offsets: impl Iterator<Item = usize>) -> Utf16Offsets {
    let mut bytes: Vec<usize> = offsets.collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut units = Vec::with_capacity(bytes.len());
    let mut unit = 0;
    let mut pos = 0;
    let mut chars = text.char_indices().peekable();
    for &b in &bytes {
        while pos < b {
            match chars.next() {
                Some((_, c)) => {
                    unit += c.len_utf16();
                    pos = chars.peek().map_or(text.len(), |&(i, _)| i);
                }
                None => break,
            }
        }
        units.push(unit);
    }
    Utf16Offsets { bytes, units }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_queries() {
        let set = SpanSet::new(vec![(10, 20), (0, 3), (15, 40)]);
        assert!(set.overlaps(2, 5));
        assert!(!set.overlaps(3, 10));
        assert!(set.overlaps(39, 50));
        assert!(!set.overlaps(40, 50));
        assert!(!SpanSet::new(Vec::new()).overlaps(0, 100));
    }

    #[test]
    fn utf16_matches_encode_utf16() {
        let text = "a😀নৌকা b";
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let u = utf16_offsets(text, offsets.iter().copied());
        for &b in &offsets {
            assert_eq!(u.get(b), text[..b].encode_utf16().count(), "at byte {b}");
        }
    }
}
