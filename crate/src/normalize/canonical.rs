//! The canonical character stream shared by every view: NFC, Bangla nukta
//! letters precomposed, khanda ta unified and zero-width characters removed,
//! each character carrying the original byte range it stands for.
//!
//! NFC is applied per *segment*: a segment starts at a character that can
//! neither combine with nor reorder around what precedes it (ASCII, or
//! combining class 0 with NFC quick-check "yes"), so normalising segment by
//! segment equals normalising the whole text. A segment that NFC leaves
//! unchanged keeps a per-character map; a changed segment maps every output
//! character to the whole segment (a segment is one base plus its marks, so
//! this costs no useful precision).

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use super::nfc::nfc_into;

/// One character of the canonical stream and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The character.
    pub ch: char,
    /// Original start byte.
    pub start: usize,
    /// Original end byte.
    pub end: usize,
}

const ZWJ: char = '\u{200D}';
const VIRAMA: char = '\u{09CD}';
const NUKTA: char = '\u{09BC}';
const TA: char = '\u{09A4}';
const KHANDA_TA: char = '\u{09CE}';

/// Invisible characters removed from every view: zero-width joiners and
/// spaces, the word joiner, BOM, soft hyphen, bidi controls, variation
/// selectors, tags and other format characters.
pub(crate) fn is_invisible(c: char) -> bool {
    let cp = c as u32;
    if cp < 0xAD || (0x0980..=0x09FF).contains(&cp) {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Whether NFC can neither compose nor reorder `c` with what precedes it.
fn is_segment_start(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    if ('\u{0980}'..='\u{09FF}').contains(&c) {
        // Bangla: nukta and virama (ccc 7 and 9) and the sandhi mark (230)
        // reorder; aa-kar and the au length mark compose with e-kar. The
        // nukta letters ড় ঢ় য় decompose to a safe starter plus nukta.
        return !matches!(c, NUKTA | VIRAMA | '\u{09FE}' | '\u{09BE}' | '\u{09D7}');
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Combining class of a Bangla character.
fn bangla_ccc(c: char) -> u8 {
    match c {
        NUKTA => 7,
        VIRAMA => 9,
        '\u{09FE}' => 230,
        _ => 0,
    }
}

/// For a segment made only of Bangla characters: whether NFC leaves it as
/// it is (apart from the nukta letters, which are precomposed afterwards
/// anyway). `None` when the segment has other characters.
fn bangla_is_nfc(seg: &str) -> Option<bool> {
    let mut prev: Option<char> = None;
    for c in seg.chars() {
        if !('\u{0980}'..='\u{09FF}').contains(&c) {
            return None;
        }
        if let Some(p) = prev {
            // ে + া = ো and ে + ৗ = ৌ compose; marks out of order reorder.
            let composes = p == '\u{09C7}' && matches!(c, '\u{09BE}' | '\u{09D7}');
            let cc = bangla_ccc(c);
            if composes || (cc != 0 && bangla_ccc(p) > cc) {
                return Some(false);
            }
        }
        prev = Some(c);
    }
    Some(true)
}

/// Calls `emit` for every canonical unit of `text`, in order.
pub(crate) fn for_each_unit(text: &str, mut emit: impl FnMut(Unit)) {
    let mut post = PostProcess::default();
    let mut nfc_buf: Vec<char> = Vec::new();
    let mut seg_start = 0usize;
    let mut seg_chars = 0usize;
    // A segment of one safe character is passed on directly.
    let mut seg_first: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = is_segment_start(c);
        if starts && seg_chars > 0 {
            match seg_first {
                Some(first) if seg_chars == 1 => post.push(
                    Unit {
                        ch: first,
                        start: seg_start,
                        end: i,
                    },
                    &mut emit,
                ),
                _ => flush_segment(text, seg_start, i, &mut nfc_buf, &mut post, &mut emit),
            }
            seg_chars = 0;
        }
        if seg_chars == 0 {
            seg_start = i;
            seg_first = starts.then_some(c);
        }
        seg_chars += 1;
    }
    if seg_chars > 0 {
        flush_segment(
            text,
            seg_start,
            text.len(),
            &mut nfc_buf,
            &mut post,
            &mut emit,
        );
    }
    post.finish(&mut emit);
}

/// Emits every character of an already-normalised segment `seg`, which starts
/// at byte `start` of the original, with its own original span.
fn push_unchanged(seg: &str, start: usize, post: &mut PostProcess, emit: &mut impl FnMut(Unit)) {
    for (i, ch) in seg.char_indices() {
        let s = start + i;
        post.push(
            Unit {
                ch,
                start: s,
                end: s + ch.len_utf8(),
            },
            emit,
        );
    }
}

/// Normalises one segment and passes its characters on.
fn flush_segment(
    text: &str,
    start: usize,
    end: usize,
    nfc_buf: &mut Vec<char>,
    post: &mut PostProcess,
    emit: &mut impl FnMut(Unit),
) {
    let seg = &text[start..end];
    if bangla_is_nfc(seg) == Some(true) || is_nfc_quick(seg.chars()) == IsNormalized::Yes {
        push_unchanged(seg, start, post, emit);
        return;
    }
    nfc_buf.clear();
    nfc_into(seg.chars(), nfc_buf);
    if nfc_buf.iter().copied().eq(seg.chars()) {
        push_unchanged(seg, start, post, emit);
    } else {
        for &ch in nfc_buf.iter() {
            post.push(Unit { ch, start, end }, emit);
        }
    }
}

/// Khanda ta, zero-width removal and nukta composition, with a two-unit
/// look-behind. The last unit is always held back so that a following
/// invisible character can be absorbed into it.
#[derive(Default)]
struct PostProcess {
    held: [Option<Unit>; 2],
}

impl PostProcess {
    #[inline]
    fn push(&mut self, u: Unit, emit: &mut impl FnMut(Unit)) {
        if is_invisible(u.ch) {
            if u.ch == ZWJ {
                if let [Some(a), Some(b)] = self.held {
                    if a.ch == TA && b.ch == VIRAMA {
                        self.held = [
                            None,
                            Some(Unit {
                                ch: KHANDA_TA,
                                start: a.start,
                                end: u.end,
                            }),
                        ];
                        return;
                    }
                }
            }
            if let Some(last) = self.held[1].as_mut() {
                last.end = last.end.max(u.end);
            }
            return;
        }
        if u.ch == NUKTA {
            if let Some(last) = self.held[1].as_mut() {
                let composed = match last.ch {
                    '\u{09A1}' => Some('\u{09DC}'),
                    '\u{09A2}' => Some('\u{09DD}'),
                    '\u{09AF}' => Some('\u{09DF}'),
                    _ => None,
                };
                if let Some(ch) = composed {
                    last.ch = ch;
                    last.end = last.end.max(u.end);
                    return;
                }
            }
        }
        if let Some(old) = self.held[0].take() {
            emit(old);
        }
        self.held[0] = self.held[1].take();
        self.held[1] = Some(u);
    }

    fn finish(&mut self, emit: &mut impl FnMut(Unit)) {
        for u in self.held.iter_mut() {
            if let Some(u) = u.take() {
                emit(u);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn units(text: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        for_each_unit(text, |u| out.push(u));
        out
    }

    fn chars(text: &str) -> String {
        units(text).iter().map(|u| u.ch).collect()
    }

    #[test]
    fn bangla_segment_starts_agree_with_unicode_data() {
        for c in '\u{0980}'..='\u{09FF}' {
            if matches!(c, '\u{09DC}' | '\u{09DD}' | '\u{09DF}') {
                // Decompose to a safe starter plus nukta: safe to start at.
                assert!(is_segment_start(c));
                continue;
            }
            let generic = canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(is_segment_start(c), generic, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn bangla_fast_path_agrees_with_nfc() {
        let samples = [
            "কা",
            "ক্",
            "ক্\u{09BC}",
            "ক\u{09BC}্",
            "কে\u{09BE}",
            "কে\u{09D7}",
            "কো",
            "ড়া",
            "ক\u{09FE}্",
            "ক্\u{09FE}",
            "\u{09BE}",
            "ত্",
        ];
        let split_nukta = |s: &str| -> String {
            s.replace('\u{09DC}', "\u{09A1}\u{09BC}")
                .replace('\u{09DD}', "\u{09A2}\u{09BC}")
                .replace('\u{09DF}', "\u{09AF}\u{09BC}")
        };
        for seg in samples {
            let nfc: String = seg.nfc().collect();
            let unchanged = nfc == seg || nfc == split_nukta(seg);
            assert_eq!(bangla_is_nfc(seg), Some(unchanged), "{seg:?}");
        }
        assert_eq!(bangla_is_nfc("কa"), None);
    }

    #[test]
    fn nukta_forms_meet() {
        assert_eq!(chars("বড়"), chars("বড\u{09BC}"));
        assert_eq!(chars("আওয়ামী"), chars("আওয\u{09BC}ামী"));
        assert_eq!(chars("ঢ\u{09BC}"), "\u{09DD}");
        assert_eq!(chars("\u{09DC}"), "\u{09DC}");
        let u = units("বড\u{09BC}");
        assert_eq!((u[1].start, u[1].end), (3, 9));
    }

    #[test]
    fn khanda_ta_forms_meet() {
        assert_eq!(chars("উৎসব"), chars("উত\u{09CD}\u{200D}সব"));
        let u = units("উত\u{09CD}\u{200D}সব");
        assert_eq!((u[1].ch, u[1].start, u[1].end), (KHANDA_TA, 3, 12));
    }

    #[test]
    fn zero_width_is_absorbed_into_previous_unit() {
        let u = units("ক\u{200C}খ");
        assert_eq!(u.len(), 2);
        assert_eq!((u[0].start, u[0].end), (0, 6));
        assert_eq!((u[1].start, u[1].end), (6, 9));
        assert!(units("\u{FEFF}").is_empty());
    }

    #[test]
    fn nfc_composes_split_vowel_signs() {
        // ে + া = ো
        let u = units("ক\u{09C7}\u{09BE}");
        assert_eq!(u.len(), 2);
        assert_eq!(u[1].ch, '\u{09CB}');
        assert_eq!((u[1].start, u[1].end), (3, 9));
        assert_eq!(chars("e\u{0301}"), "é");
    }

    #[test]
    fn nfc_reorders_marks() {
        // virama + nukta reorders to nukta + virama, then nukta composes.
        assert_eq!(chars("ড\u{09CD}\u{09BC}"), "\u{09DC}\u{09CD}");
    }
}
