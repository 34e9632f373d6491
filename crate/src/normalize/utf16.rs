//! Byte offsets of the original text as UTF-16 offsets (JavaScript string
//! indices).

/// Bytes per checkpoint of a [`Utf16Index`].
const BLOCK: usize = 64;

/// UTF-16 code units contributed by `bytes`: one per character start, and one
/// more per 4-byte character (a surrogate pair). Additive over any split.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Converts a byte offset of `text` to a UTF-16 offset (the offset is
/// clamped to the text; an offset inside a character counts that character).
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    utf16_units(&bytes[..byte.min(bytes.len())])
}

/// Converts many byte offsets of one text to UTF-16 offsets, each in O(1)
/// (a checkpoint every 64 bytes, then at most 64 bytes counted).
#[derive(Clone, Debug)]
pub struct Utf16Index<'a> {
    bytes: &'a [u8],
    checkpoints: Vec<usize>,
}

impl<'a> Utf16Index<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0;
        checkpoints.push(0);
        for block in bytes.chunks(BLOCK) {
            total += utf16_units(block);
            checkpoints.push(total);
        }
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        base + utf16_units(&self.bytes[block * BLOCK..byte])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_encode_utf16() {
        let text = "ab নৌকা 😀 x\u{1F1E7}\u{1F1E9} é".repeat(20);
        let index = Utf16Index::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(i), reference(&text, i), "byte {i}");
            assert_eq!(utf16_offset(&text, i), reference(&text, i));
        }
    }

    #[test]
    fn clamps() {
        let index = Utf16Index::new("😀");
        assert_eq!(index.utf16(99), 2);
        assert_eq!(Utf16Index::new("").utf16(5), 0);
        assert_eq!(utf16_offset("ab", 10), 2);
    }
}
