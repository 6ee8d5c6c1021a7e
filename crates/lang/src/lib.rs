//! Language core: identification of the language of a text (ISO 639-1),
//! and, per language, a tokeniser and a sentence splitter driven by data
//! files under `data/lang/<iso>/`.

#![deny(missing_docs)]

mod identify;
mod tokenize;

pub use identify::{identify, Identified, Method};
pub use tokenize::{segment, tokenize, LanguageRules, Segmentation};
