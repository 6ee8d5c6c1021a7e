//! Extraction from plain-text dumps of rendered pages.

use crate::Extraction;

/// Extracts the article from a text dump.
pub fn extract(text: &str) -> Extraction {
    let mut b = dossier_text::TextBuilder::new();
    b.push_copied(text.trim_end(), 0);
    let (text, offsets) = b.finish();
    Extraction { text, offsets, ..Default::default() }
}
