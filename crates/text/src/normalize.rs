//! Whitespace and Unicode normalisation helpers used by extractors and
//! scorers.

use unicode_normalization::UnicodeNormalization;

/// True for every character treated as a space when cleaning text,
/// including no-break spaces and zero-width characters.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// True for an invisible hyphenation hint (the soft hyphen, U+00AD): it
/// only tells a renderer where a word may break, so clean text drops it
/// ("réac\u{AD}tion" reads "réaction").
#[inline]
pub fn is_invisible(c: char) -> bool {
    c == '\u{AD}'
}

/// Collapses every run of whitespace (no-break spaces included) into one
/// ASCII space and trims both ends; soft hyphens are dropped.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Canonical composition (NFC), so that "é" typed as e + accent compares
/// equal to the precomposed letter.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Lower-cases and strips diacritics, for matching ("Sergueï" ~ "serguei").
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_trims() {
        assert_eq!(collapse_whitespace("  a \u{a0}\n b  "), "a b");
        assert_eq!(collapse_whitespace(""), "");
        assert_eq!(collapse_whitespace("\u{200B}x"), "x");
        assert_eq!(collapse_whitespace("réac\u{AD}tion"), "réaction");
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Sergueï ÉTAT"), "serguei etat");
        assert_eq!(nfc("e\u{301}"), "é");
    }
}
