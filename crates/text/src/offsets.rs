//! Clean text construction with an offset map back to the raw source, and
//! byte → code-point conversion.

use serde::{Deserialize, Serialize};

/// One run of clean text that maps linearly onto the raw source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Segment {
    /// Byte offset of the run in the clean text.
    clean: usize,
    /// Byte offset in the raw source the run starts at.
    raw: usize,
    /// Length of the run in the clean text.
    len: usize,
    /// Length of what the run came from in the raw source.
    raw_len: usize,
}

/// Maps byte offsets of the clean text to byte offsets of the raw source.
///
/// Text copied verbatim maps byte for byte; text that was rewritten (a
/// collapsed whitespace run, a decoded entity, a synthetic paragraph break)
/// maps to the start of the raw range it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The raw byte offset that clean byte offset `clean` came from, or
    /// `None` when the offset lies past the end of the mapped text.
    pub fn to_raw(&self, clean: usize) -> Option<usize> {
        let idx = self.segments.partition_point(|s| s.clean + s.len <= clean);
        let seg = self.segments.get(idx)?;
        if clean < seg.clean {
            return None;
        }
        if seg.len == seg.raw_len {
            Some(seg.raw + (clean - seg.clean))
        } else {
            Some(seg.raw)
        }
    }

    /// The raw byte range `[start, end)` a clean range came from.
    pub fn range_to_raw(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let raw_start = self.to_raw(start)?;
        if end <= start {
            return Some((raw_start, raw_start));
        }
        let last = end - 1;
        let idx = self.segments.partition_point(|s| s.clean + s.len <= last);
        let seg = self.segments.get(idx)?;
        let raw_end = if seg.len == seg.raw_len {
            seg.raw + (last - seg.clean) + 1
        } else {
            seg.raw + seg.raw_len
        };
        Some((raw_start, raw_end.max(raw_start)))
    }

    /// Number of recorded runs.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// True when nothing was mapped.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

/// Builds a clean text and its [`OffsetMap`] together.
///
/// ```
/// use dossier_text::TextBuilder;
/// let raw = "  Hello   world ";
/// let mut b = TextBuilder::new();
/// b.push_copied("Hello", 2);
/// b.push_rewritten(" ", 7, 3);
/// b.push_copied("world", 10);
/// let (text, map) = b.finish();
/// assert_eq!(text, "Hello world");
/// assert_eq!(&raw[map.to_raw(6).unwrap()..][..5], "world");
/// ```
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    map: OffsetMap,
}

impl TextBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The clean text built so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `piece`, copied byte for byte from the raw source at `raw`.
    pub fn push_copied(&mut self, piece: &str, raw: usize) {
        self.push_segment(piece, raw, piece.len());
    }

    /// Appends `piece`, produced from `raw_len` raw bytes starting at `raw`.
    pub fn push_rewritten(&mut self, piece: &str, raw: usize, raw_len: usize) {
        self.push_segment(piece, raw, raw_len);
    }

    fn push_segment(&mut self, piece: &str, raw: usize, raw_len: usize) {
        if piece.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(piece);
        if let Some(last) = self.map.segments.last_mut() {
            let contiguous = last.len == last.raw_len
                && piece.len() == raw_len
                && last.clean + last.len == clean
                && last.raw + last.raw_len == raw;
            if contiguous {
                last.len += piece.len();
                last.raw_len += raw_len;
                return;
            }
        }
        self.map.segments.push(Segment { clean, raw, len: piece.len(), raw_len });
    }

    /// Removes trailing whitespace from the text (and from the map).
    pub fn trim_end(&mut self) {
        let keep = self.text.trim_end().len();
        self.truncate(keep);
    }

    /// Truncates the text to `len` bytes (must be a char boundary).
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        self.text.truncate(len);
        while let Some(last) = self.map.segments.last_mut() {
            if last.clean >= len {
                self.map.segments.pop();
            } else {
                let new_len = len - last.clean;
                if last.len == last.raw_len {
                    last.raw_len = new_len;
                }
                last.len = new_len;
                break;
            }
        }
    }

    /// The finished text and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// `text` in canonical composition (NFC), with its map rebuilt so that a
/// composed character points at the raw bytes of the base character and
/// its marks ("e" + U+0301 → "é"); `None` when the text holds no combining
/// mark of the common block (U+0300–U+036F) or is already composed, the
/// usual case, found by one SIMD byte scan. Pages that store accents decomposed
/// (some CMSs do) then compare, search and match names like any other.
pub fn compose(text: &str, map: &OffsetMap) -> Option<(String, OffsetMap)> {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    // U+0300..U+036F are 0xCC 0x80..0xCD 0xAF in UTF-8.
    if memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_none() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut b = TextBuilder::new();
    let mut chars = text.char_indices().peekable();
    let mut raw_end = 0;
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if canonical_combining_class(d) == 0 {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let cluster = text.get(start..end).unwrap_or("");
        let (rs, re) = map.range_to_raw(start, end).unwrap_or((raw_end, raw_end));
        raw_end = re;
        if end - start == c.len_utf8() {
            b.push_rewritten(cluster, rs, re - rs);
        } else {
            let composed: String = cluster.nfc().collect();
            b.push_rewritten(&composed, rs, re - rs);
        }
    }
    Some(b.finish())
}

/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Built once per text in O(n); each lookup is O(log n) over the positions
/// of multi-byte characters only, so ASCII-heavy text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// (byte offset, extra bytes before and at this char) for every
    /// multi-byte character, in order.
    wide: Vec<(usize, usize)>,
    len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharIndex { wide, len: text.len() }
    }

    /// Code-point offset of byte offset `byte` (clamped to the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let idx = self.wide.partition_point(|&(b, _)| b < byte);
        let extra = if idx == 0 { 0 } else { self.wide[idx - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn compose_maps_composed_characters_to_base_and_marks() {
        let raw = "<p>Ce\u{301}line &amp; Zoe\u{308}</p>";
        let mut b = TextBuilder::new();
        b.push_copied("Ce\u{301}line ", 3);
        b.push_rewritten("&", 12, 5);
        b.push_copied(" Zoe\u{308}", 17);
        let (t, m) = b.finish();
        let (c, cm) = compose(&t, &m).expect("decomposed text");
        assert_eq!(c, "Céline & Zoë");
        // "é" points at "e" + the mark; "l" after it at its own byte.
        assert_eq!(cm.range_to_raw(1, 3), Some((4, 7)));
        assert_eq!(&raw[cm.to_raw(3).unwrap()..][..4], "line");
        assert_eq!(&raw[cm.to_raw(8).unwrap()..][..5], "&amp;");
        assert_eq!(cm.range_to_raw(c.len() - 2, c.len()), Some((raw.len() - 7, raw.len() - 4)));
        // Composed text is left alone.
        assert!(compose("Céline", &m).is_none());
    }

    #[test]
    fn copied_runs_merge_and_map_linearly() {
        let mut b = TextBuilder::new();
        b.push_copied("abc", 10);
        b.push_copied("def", 13);
        let (t, m) = b.finish();
        assert_eq!(t, "abcdef");
        assert_eq!(m.len(), 1);
        assert_eq!(m.to_raw(4), Some(14));
        assert_eq!(m.to_raw(6), None);
    }

    #[test]
    fn rewritten_runs_map_to_their_start() {
        let mut b = TextBuilder::new();
        b.push_copied("a", 0);
        b.push_rewritten("&", 1, 5);
        b.push_copied("b", 6);
        let (t, m) = b.finish();
        assert_eq!(t, "a&b");
        assert_eq!(m.to_raw(1), Some(1));
        assert_eq!(m.to_raw(2), Some(6));
        assert_eq!(m.range_to_raw(0, 3), Some((0, 7)));
        assert_eq!(m.range_to_raw(1, 2), Some((1, 6)));
    }

    #[test]
    fn trim_end_updates_map() {
        let mut b = TextBuilder::new();
        b.push_copied("ab  ", 0);
        b.trim_end();
        let (t, m) = b.finish();
        assert_eq!(t, "ab");
        assert_eq!(m.to_raw(2), None);
    }

    #[test]
    fn char_index_counts_code_points() {
        let t = "aé€b";
        let ci = CharIndex::new(t);
        assert_eq!(ci.char_offset(0), 0);
        assert_eq!(ci.char_offset(1), 1);
        assert_eq!(ci.char_offset(3), 2);
        assert_eq!(ci.char_offset(6), 3);
        assert_eq!(ci.char_offset(7), 4);
    }

    proptest! {
        #[test]
        fn compose_gives_nfc_and_maps_into_the_source(s in "[ae\u{301}\u{308}\u{327}c éA&]{0,40}") {
            let mut b = TextBuilder::new();
            b.push_copied(&s, 0);
            let (t, m) = b.finish();
            if let Some((c, cm)) = compose(&t, &m) {
                prop_assert_eq!(&c, &crate::normalize::nfc(&s));
                for (i, _) in c.char_indices() {
                    let r = cm.to_raw(i).expect("mapped");
                    prop_assert!(r < s.len() && s.is_char_boundary(r));
                }
            } else {
                prop_assert_eq!(&t, &crate::normalize::nfc(&s));
            }
        }

        #[test]
        fn char_index_matches_std(s in "\\PC{0,40}") {
            let ci = CharIndex::new(&s);
            for (n, (b, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(ci.char_offset(b), n);
            }
            prop_assert_eq!(ci.char_offset(s.len()), s.chars().count());
        }

        #[test]
        fn copied_text_maps_back_exactly(parts in proptest::collection::vec("[a-zé ]{0,8}", 0..8)) {
            // Build a raw string with one junk byte between parts; copy parts.
            let mut raw = String::new();
            let mut b = TextBuilder::new();
            for p in &parts {
                raw.push('#');
                b.push_copied(p, raw.len());
                raw.push_str(p);
            }
            let (t, m) = b.finish();
            for (i, c) in t.char_indices() {
                let r = m.to_raw(i).unwrap();
                prop_assert_eq!(raw[r..].chars().next(), Some(c));
            }
        }
    }
}
