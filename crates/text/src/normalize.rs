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
    // Speed: ASCII runs are copied lower-cased without going through the
    // decomposer. An ASCII character is a starter (combining class 0) and
    // decomposes to itself, so NFD never moves anything across it: folding
    // the runs between ASCII characters separately gives the same string.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (head, tail) = rest.split_at(ascii);
        out.extend(head.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let other = tail.bytes().position(|b| b.is_ascii()).unwrap_or(tail.len());
        let (head, tail) = tail.split_at(other);
        out.extend(
            head.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
        rest = tail;
    }
    out
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

    /// Folding by definition, without the ASCII fast path.
    fn reference_fold(s: &str) -> String {
        s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Sergueï ÉTAT"), "serguei etat");
        // The ASCII fast path agrees with folding the whole string at once.
        for s in ["", "ABC", "e\u{301}Z", "Ωmega\u{345}\u{301}x", "a\u{301}\u{323}b", "İSTANBUL \u{212A}", "ǅ\u{300}"] {
            assert_eq!(fold(s), reference_fold(s), "{s:?}");
        }
        assert_eq!(nfc("e\u{301}"), "é");
    }

    proptest::proptest! {
        #[test]
        fn fold_fast_path_is_exact(s in "[a-zA-Z \u{300}-\u{36f}\u{c0}-\u{24f}\u{391}-\u{3c9}\u{1e00}-\u{1eff}\u{2126}\u{212a}]{0,24}") {
            proptest::prop_assert_eq!(fold(&s), reference_fold(&s));
        }

        #[test]
        fn fold_fast_path_is_exact_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold(&s), reference_fold(&s));
        }
    }
}
