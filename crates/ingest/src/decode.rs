//! Charset decoding of raw pages to UTF-8.

use dossier_document::{Diagnostic, RawPage};

/// A page decoded to UTF-8.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// Notes on the decoding (replacement characters, guessed charset).
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a raw page to UTF-8.
pub fn decode(page: &RawPage) -> Decoded {
    Decoded {
        text: String::from_utf8_lossy(&page.bytes).into_owned(),
        encoding: "UTF-8",
        diagnostics: Vec::new(),
    }
}
