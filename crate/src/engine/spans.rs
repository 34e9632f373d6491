//! Interval queries over byte spans.

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
}
