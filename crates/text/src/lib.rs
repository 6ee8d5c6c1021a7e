//! Text primitives shared by every stage.
//!
//! * [`Span`]: a half-open byte range into a document's immutable clean text.
//! * [`TextBuilder`] builds a clean text piece by piece while recording an
//!   [`OffsetMap`] that leads every clean byte back to the raw source
//!   (DESIGN.md principle 1).
//! * [`CharIndex`] converts byte offsets to Unicode code-point offsets, which
//!   is what the JSON contract exposes.
//! * [`normalize`] holds whitespace and Unicode normalisation helpers.
//! * [`data_lines`] reads the shipped one-entry-a-line data lists.

#![deny(missing_docs)]

pub mod normalize;
mod offsets;
mod span;

pub use offsets::{compose, CharIndex, OffsetMap, TextBuilder};
pub use span::Span;

/// The entries of a shipped data list (`data/lang/…`, one entry a line):
/// lines trimmed, blank lines and `#` comments left out.
pub fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_lines_skip_blanks_and_comments() {
        let got: Vec<&str> = super::data_lines("# comment\n\n  a b \n#x\nc\n").collect();
        assert_eq!(got, ["a b", "c"]);
    }
}
