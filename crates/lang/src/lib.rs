//! Language core: identification of the language of a text (ISO 639-1),
//! and, per language, a tokeniser and a sentence splitter.

#![deny(missing_docs)]

mod identify;

pub use identify::{identify, Identified};
