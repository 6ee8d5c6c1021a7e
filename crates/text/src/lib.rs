//! Text primitives shared by every stage.
//!
//! * [`Span`]: a half-open byte range into a document's immutable clean text.
//! * [`TextBuilder`] builds a clean text piece by piece while recording an
//!   [`OffsetMap`] that leads every clean byte back to the raw source
//!   (DESIGN.md principle 1).
//! * [`CharIndex`] converts byte offsets to Unicode code-point offsets, which
//!   is what the JSON contract exposes.
//! * [`normalize`] holds whitespace and Unicode normalisation helpers.

#![deny(missing_docs)]

pub mod normalize;
mod offsets;
mod span;

pub use offsets::{CharIndex, OffsetMap, TextBuilder};
pub use span::Span;
