//! The analysers: how titles, texts, names and queries become terms.
//!
//! All three split on anything that is not a letter or digit (so `l'armée`
//! and `l’armée` give `l` + `armée`), drop tokens over 40 bytes, lower-case
//! and fold accents (`Goïta` and `Goita` match). The French one then drops
//! the elided articles and pronouns left by the split (`l`, `d`, `qu`, …)
//! and stems; the English one stems. Accents are folded before stemming so
//! a query typed without accents stems exactly like the printed word.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::Index;

/// French analyser name.
pub const FR: &str = "dossier_fr";
/// English analyser name.
pub const EN: &str = "dossier_en";
/// Analyser for other or unknown languages, names and authors: no stemming.
pub const ANY: &str = "dossier_any";

/// French elided words: what remains of `l'`, `d'`, `qu'`, … after the split.
const FRENCH_ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];

/// The French analyser.
pub fn french() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            FRENCH_ELISIONS.iter().map(|s| s.to_string()),
        ))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::French))
        .build()
}

/// The English analyser.
pub fn english() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The language-neutral analyser.
pub fn neutral() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analysers on an index (needed on every open).
pub fn register(index: &Index) {
    let m = index.tokenizers();
    m.register(FR, french());
    m.register(EN, english());
    m.register(ANY, neutral());
}

/// The terms `analyzer` makes of `text` (tests, debugging).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_drops_elisions_and_folds() {
        let t = terms(&mut french(), "L'armée d’État qu'il");
        assert!(
            !t.iter().any(|w| w == "l" || w == "d" || w == "qu"),
            "{t:?}"
        );
        assert_eq!(terms(&mut french(), "armée"), terms(&mut french(), "ARMEE"));
        assert_eq!(
            terms(&mut french(), "coopérations"),
            terms(&mut french(), "cooperation")
        );
    }

    #[test]
    fn english_stems() {
        assert_eq!(
            terms(&mut english(), "sanctions"),
            terms(&mut english(), "sanction")
        );
    }

    #[test]
    fn neutral_folds_names() {
        assert_eq!(
            terms(&mut neutral(), "Assimi Goïta"),
            vec!["assimi", "goita"]
        );
    }
}
