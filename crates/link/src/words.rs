//! A small word scanner over a range of the clean text, and the name
//! normalisation used for matching (keys, acronyms, initials).
//!
//! Hand-written rather than reusing `dossier_lang::tokenize` because the
//! linker needs words with French elisions split off ("l'Africa" → "l'",
//! "Africa") and hyphenated verb–pronoun forms kept whole ("a-t-il"),
//! over arbitrary sub-ranges, in one linear pass.

use dossier_text::normalize::fold;
use dossier_text::Span;

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: &'a str,
    /// True when a '.' follows immediately ("M.").
    pub dot: bool,
}

impl Word<'_> {
    /// True when the first letter is upper-case.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Elided prefixes split off before an apostrophe.
fn is_elision(prefix: &str) -> bool {
    matches!(
        prefix.to_lowercase().as_str(),
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu" | "quoiqu"
    )
}

/// The words of `text[range]`: runs of letters and digits, with inner
/// hyphens and dots of abbreviations kept; elided prefixes ("l'", "d’")
/// become words of their own (apostrophe included).
pub fn words<'a>(text: &'a str, range: Span) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let Some(slice) = text.get(range.start..range.end) else { return out };
    let mut start: Option<usize> = None;
    let mut iter = slice.char_indices().peekable();
    let push = |out: &mut Vec<Word<'a>>, s: usize, e: usize| {
        if let Some(t) = slice.get(s..e) {
            let dot = slice.get(e..).is_some_and(|r| r.starts_with('.'));
            out.push(Word { span: Span::new(range.start + s, range.start + e), text: t, dot });
        }
    };
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let joins = next.is_some_and(char::is_alphanumeric);
            if c == '-' && joins {
                continue;
            }
            if is_apostrophe(c) && joins {
                let prefix = slice.get(s..i).unwrap_or("");
                if is_elision(prefix) {
                    push(&mut out, s, i + c.len_utf8());
                    start = None;
                    continue;
                }
                // An apostrophe inside a name ("O'Brien", "Côte d'Ivoire"
                // is split above): keep the word whole.
                continue;
            }
            push(&mut out, s, i);
            start = None;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, slice.len());
    }
    out
}

/// The matching key of a name: folded (lower case, no accents), typographic
/// apostrophes and dashes made ASCII, whitespace collapsed.
pub fn key(name: &str) -> String {
    let mapped: String = name
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    fold(&mapped).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for an acronym: 2–8 characters, letters all upper-case, at least
/// one letter ("AES", "ONU", "G5", "EI").
pub fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&n)
        && letters >= 1
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '-')
}

/// True for an initial such as "S." or "J-P".
pub fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 2 && letters.iter().all(|c| c.is_uppercase()) && word.chars().count() <= 4
}

/// A URL-safe slug of a key ("sergei lavrov" → "sergei-lavrov").
pub fn slug(key: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in key.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(t: &str) -> Vec<&str> {
        words(t, Span::new(0, t.len())).iter().map(|w| w.text).collect()
    }

    #[test]
    fn splits_elisions_keeps_hyphens() {
        assert_eq!(texts("l'Africa Corps, a-t-il dit"), ["l'", "Africa", "Corps", "a-t-il", "dit"]);
        assert_eq!(texts("d’Al-Qaïda (AES)."), ["d’", "Al-Qaïda", "AES"]);
        assert_eq!(texts("O'Brien"), ["O'Brien"]);
        let w = words("M. Dupont", Span::new(0, 9));
        assert!(w[0].dot && !w[1].dot);
    }

    #[test]
    fn keys_and_acronyms() {
        assert_eq!(key("Sergueï  Lavrov"), key("SERGUEI LAVROV"));
        assert_eq!(key("l’État"), "l'etat");
        assert!(is_acronym("AES") && is_acronym("G5") && !is_acronym("Mali") && !is_acronym("A"));
        assert!(is_initial("S.") && !is_initial("Serge"));
        assert_eq!(slug("al-qaida ok"), "al-qaida-ok");
    }

    proptest! {
        #[test]
        fn words_are_in_range(s in "\\PC{0,60}", a in 0usize..70, b in 0usize..70) {
            let r = Span::new(a, b);
            for w in words(&s, r) {
                prop_assert!(r.contains(&w.span));
                prop_assert_eq!(w.span.slice(&s), Some(w.text));
            }
        }
    }
}
