//! Half-open byte ranges into an immutable text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
///
/// Spans are the currency of every layer: sentences, tokens, mentions and
/// evidence all point into the clean text with spans, never copy it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A new span; `start` and `end` are swapped if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span { start: end, end: start }
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `None` when it is out of bounds or not
    /// on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_bounds() {
        assert_eq!(Span::new(5, 2), Span { start: 2, end: 5 });
        assert_eq!(Span::new(2, 5).len(), 3);
    }

    #[test]
    fn containment_and_overlap() {
        let a = Span::new(0, 10);
        let b = Span::new(2, 4);
        assert!(a.contains(&b));
        assert!(!b.contains(&a));
        assert!(a.overlaps(&b));
        assert!(!Span::new(0, 2).overlaps(&Span::new(2, 4)));
    }

    #[test]
    fn slice_respects_char_boundaries() {
        let t = "é!";
        assert_eq!(Span::new(0, 2).slice(t), Some("é"));
        assert_eq!(Span::new(0, 1).slice(t), None);
        assert_eq!(Span::new(0, 9).slice(t), None);
    }
}
