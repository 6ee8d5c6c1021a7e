//! Tokeniser and sentence splitter, one linear pass each, driven by
//! per-language data files (`data/lang/<iso>/abbreviations.txt`,
//! `elisions.txt`, `clitics.txt`, embedded at build time).
//!
//! Hand-written rather than taken from a crate: the Unicode word-boundary
//! crates split French elisions and hyphenated names the wrong way for NER
//! ("l'Afrique" must give `l'` + `Afrique`, "Al-Qaïda" must stay whole) and
//! know nothing of title abbreviations such as `M.` or `Mgr`.
//!
//! Every token and sentence is a [`Span`] of byte offsets into the text, on
//! character boundaries. Spaces (no-break spaces included) are never part
//! of a token; every token lies inside exactly one sentence.

use std::collections::HashSet;
use std::sync::OnceLock;

use dossier_text::data_lines;
use dossier_text::normalize::is_space;
use dossier_text::Span;

/// The data files of one language, embedded in the binary. Adding a
/// language means adding its files and one row here.
const LANGUAGE_FILES: &[(&str, &str, &str, &str)] = &[
    (
        "fr",
        include_str!("../../../data/lang/fr/abbreviations.txt"),
        include_str!("../../../data/lang/fr/elisions.txt"),
        include_str!("../../../data/lang/fr/clitics.txt"),
    ),
    (
        "en",
        include_str!("../../../data/lang/en/abbreviations.txt"),
        include_str!("../../../data/lang/en/elisions.txt"),
        include_str!("../../../data/lang/en/clitics.txt"),
    ),
];

/// Tokenisation rules of one language, read from its data files.
#[derive(Debug, Default)]
pub struct LanguageRules {
    code: &'static str,
    abbreviations: HashSet<&'static str>,
    elisions: HashSet<&'static str>,
    /// Word-final clitics with a plain ASCII apostrophe (`'s`, `n't`).
    clitics: Vec<&'static str>,
}

impl LanguageRules {
    fn from_files(
        code: &'static str,
        abbr: &'static str,
        elis: &'static str,
        clit: &'static str,
    ) -> Self {
        LanguageRules {
            code,
            abbreviations: data_lines(abbr).collect(),
            elisions: data_lines(elis).collect(),
            clitics: data_lines(clit).collect(),
        }
    }

    /// The rules for ISO 639-1 `lang`; languages without data files get
    /// generic rules (no abbreviations, elisions or clitics).
    pub fn for_language(lang: &str) -> &'static LanguageRules {
        static ALL: OnceLock<Vec<LanguageRules>> = OnceLock::new();
        static GENERIC: OnceLock<LanguageRules> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            LANGUAGE_FILES
                .iter()
                .map(|(c, a, e, k)| LanguageRules::from_files(c, a, e, k))
                .collect()
        });
        all.iter()
            .find(|r| r.code == lang)
            .unwrap_or_else(|| GENERIC.get_or_init(LanguageRules::default))
    }

    /// The language code these rules are for (`""` for the generic rules).
    pub fn code(&self) -> &'static str {
        self.code
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
            || (word.chars().any(char::is_uppercase)
                && self.abbreviations.contains(word.to_lowercase().as_str()))
    }

    fn is_elision(&self, word: &str) -> bool {
        if self.elisions.is_empty() || word.len() > 8 {
            return false;
        }
        self.elisions.contains(word) || self.elisions.contains(word.to_lowercase().as_str())
    }
}

/// Tokens and sentences of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Sentences, in order, each covering its first to its last token.
    pub sentences: Vec<Span>,
    /// Tokens, in order.
    pub tokens: Vec<Span>,
    /// For each sentence, the range of its tokens in `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

/// Tokenises `text` and splits it into sentences with the rules of `lang`.
pub fn segment(text: &str, lang: &str) -> Segmentation {
    let rules = LanguageRules::for_language(lang);
    let tokens = tokenize_with(text, rules);
    let sentence_tokens = split_sentences(text, &tokens);
    let sentences = sentence_tokens
        .iter()
        .filter_map(|r| {
            let first = tokens.get(r.start)?;
            let last = tokens.get(r.end.checked_sub(1)?)?;
            Some(Span::new(first.start, last.end))
        })
        .collect();
    Segmentation {
        sentences,
        tokens,
        sentence_tokens,
    }
}

/// Tokenises `text` with the rules of `lang`.
pub fn tokenize(text: &str, lang: &str) -> Vec<Span> {
    tokenize_with(text, LanguageRules::for_language(lang))
}

/// Apostrophes, and the acute accent typed for one ("Le Cléac´h",
/// "l´homme").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '´')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Characters that may separate groups of three digits ("1 000").
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// A cursor over the characters of a text with their byte offsets.
struct Chars<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
}

impl Chars<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn slice(&self, i: usize, j: usize) -> &str {
        self.text.get(self.byte(i)..self.byte(j)).unwrap_or("")
    }
    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }
}

fn tokenize_with(text: &str, rules: &LanguageRules) -> Vec<Span> {
    let cs = Chars {
        text,
        chars: text.char_indices().collect(),
    };
    let n = cs.chars.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let Some(c) = cs.at(i) else { break };
        if is_space(c) {
            i += 1;
        } else if c.is_ascii_digit() {
            i = scan_number(&cs, i, &mut out);
        } else if is_word_char(c) {
            i = scan_word(&cs, i, rules, &mut out);
        } else if let Some(j) = detached_clitic(&cs, i, rules) {
            // "what 's", "it 's": a clitic written apart is still one token.
            out.push(Span::new(cs.byte(i), cs.byte(j)));
            i = j;
        } else {
            // Punctuation: runs of the same mark (`...`, `--`, `!!`) stay together.
            let mut j = i + 1;
            if matches!(c, '.' | '-' | '!' | '?' | '=' | '*' | '_') {
                while cs.at(j) == Some(c) {
                    j += 1;
                }
            }
            out.push(Span::new(cs.byte(i), cs.byte(j)));
            i = j;
        }
    }
    out
}

/// Numbers: "1 000", "3,5", "12.30", dates "23/06/2025", "2025-06-23",
/// and digits glued to letters ("7h44", "1er", "20km").
fn scan_number(cs: &Chars<'_>, start: usize, out: &mut Vec<Span>) -> usize {
    let digits = |mut j: usize| {
        while cs.is(j, |c| c.is_ascii_digit()) {
            j += 1;
        }
        j
    };
    let mut i = digits(start);
    let first_group = i - start;
    let mut grouped = first_group <= 3;
    loop {
        let sep = cs.at(i);
        match sep {
            Some('.' | ',' | '/' | ':' | '-') if cs.is(i + 1, |c| c.is_ascii_digit()) => {
                grouped = false;
                i = digits(i + 1);
            }
            Some(s) if grouped && is_group_space(s) => {
                let j = digits(i + 1);
                let next_ok = !cs.is(j, is_word_char);
                if j - (i + 1) == 3 && next_ok {
                    i = j;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    while cs.is(i, is_word_char) {
        i += 1;
    }
    out.push(Span::new(cs.byte(start), cs.byte(i)));
    i
}

/// "N'Djamena", "N'Golo", "N'Diaye", "M'Jid", "M'Vila": in names of
/// African and Maghrebi origin, a capital N or M and an apostrophe open the
/// name; it is no elided "ne" or "me", which is never followed by a capital
/// and then a lower-case letter ("N'est", "N'EST", "M'a").
fn african_n_name(cs: &Chars<'_>, start: usize, apostrophe: usize) -> bool {
    apostrophe == start + 1
        && matches!(cs.at(start), Some('N' | 'M'))
        && cs.is(apostrophe + 1, char::is_uppercase)
        && cs.is(apostrophe + 2, char::is_lowercase)
}

fn scan_word(cs: &Chars<'_>, start: usize, rules: &LanguageRules, out: &mut Vec<Span>) -> usize {
    let mut i = start;
    loop {
        while cs.is(i, is_word_char) {
            i += 1;
        }
        let Some(next) = cs.at(i) else { break };
        if is_apostrophe(next) {
            let word = cs.slice(start, i);
            if rules.is_elision(word) && !african_n_name(cs, start, i) {
                // "l'", "jusqu’": the elided word keeps its apostrophe.
                out.push(Span::new(cs.byte(start), cs.byte(i + 1)));
                return i + 1;
            }
            if !cs.is(i + 1, is_word_char) {
                break;
            }
            if let Some(split) = clitic_split(cs, start, i, rules) {
                out.push(Span::new(cs.byte(start), cs.byte(split)));
                let mut j = i + 1;
                while cs.is(j, is_word_char) {
                    j += 1;
                }
                out.push(Span::new(cs.byte(split), cs.byte(j)));
                return j;
            }
            // "aujourd'hui", "O'Brien".
            i += 1;
            continue;
        }
        if is_hyphen(next) && cs.is(i + 1, is_word_char) {
            // "Younous-Bek", "Al-Qaïda", "a-t-il".
            i += 1;
            continue;
        }
        if next == '.' {
            let word = cs.slice(start, i);
            let single_upper = {
                let mut it = word.chars();
                matches!((it.next(), it.next()), (Some(c), None) if c.is_uppercase())
            };
            if single_upper && cs.is(i + 1, char::is_alphabetic) && cs.at(i + 2) == Some('.') {
                // Acronyms with dots: "U.S.", "U.S.A."
                let mut j = i + 1;
                while cs.is(j, char::is_alphabetic) && cs.at(j + 1) == Some('.') {
                    j += 2;
                }
                out.push(Span::new(cs.byte(start), cs.byte(j)));
                return j;
            }
            if single_upper || rules.is_abbreviation(word) {
                // Initials ("J.") and abbreviations ("M.", "Mgr.").
                out.push(Span::new(cs.byte(start), cs.byte(i + 1)));
                return i + 1;
            }
            if cs.is(i + 1, |c| c.is_lowercase() || c.is_ascii_digit()) && !word.is_empty() {
                // Host names and file names: "lemonde.fr".
                i += 1;
                continue;
            }
        }
        break;
    }
    out.push(Span::new(cs.byte(start), cs.byte(i)));
    i
}

/// The end of a clitic that opens with the apostrophe at `i` and stands
/// apart from the word before it (`'s`, `'re` after a space), if one does.
fn detached_clitic(cs: &Chars<'_>, i: usize, rules: &LanguageRules) -> Option<usize> {
    if !cs.is(i, is_apostrophe) || (i > 0 && !cs.is(i - 1, is_space)) {
        return None;
    }
    let mut j = i + 1;
    while cs.is(j, is_word_char) {
        j += 1;
    }
    let tail = cs.slice(i + 1, j).to_lowercase();
    let known = rules.clitics.iter().any(|c| c.strip_prefix('\'').is_some_and(|rest| rest == tail));
    (j > i + 1 && known).then_some(j)
}

/// Where an English-style clitic starts in the word `start..apos` + `'…`,
/// if the text after the apostrophe completes one ("do|n't", "John|'s").
fn clitic_split(cs: &Chars<'_>, start: usize, apos: usize, rules: &LanguageRules) -> Option<usize> {
    if rules.clitics.is_empty() {
        return None;
    }
    let mut j = apos + 1;
    while cs.is(j, is_word_char) {
        j += 1;
    }
    let tail = cs.slice(apos + 1, j).to_lowercase();
    for clitic in &rules.clitics {
        if let Some(rest) = clitic.strip_prefix('\'') {
            if tail == rest && apos > start {
                return Some(apos);
            }
        } else if let Some((head, rest)) = clitic.split_once('\'') {
            // "n't": the head letters belong to the clitic.
            let head_len = head.chars().count();
            if tail == rest
                && apos > start + head_len
                && cs.slice(apos - head_len, apos).to_lowercase() == head
            {
                return Some(apos - head_len);
            }
        }
    }
    None
}

fn is_terminator(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "'" | "’" | ")" | "]" | "›")
}

fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '«' | '“' | '"' | '(' | '[' | '-' | '—' | '–' | '‹' | '¿' | '¡'
            )
    })
}

/// True when token `k` is a straight quote with a space before it and
/// none before the next token: an opening quote, though the same mark
/// also closes.
fn opens_next(text: &str, tokens: &[Span], k: usize) -> bool {
    let gap = |a: usize, b: usize| -> &str {
        let from = tokens.get(a).map_or(0, |s| s.end);
        let to = tokens.get(b).map_or(from, |s| s.start);
        text.get(from..to).unwrap_or("")
    };
    matches!(tokens.get(k).and_then(|s| s.slice(text)), Some("\"" | "'"))
        && k > 0
        && !gap(k - 1, k).is_empty()
        && k + 1 < tokens.len()
        && gap(k, k + 1).is_empty()
}

/// True when the text between tokens `a` and `b` holds a line break.
fn newline_between(text: &str, tokens: &[Span], a: usize, b: usize) -> bool {
    let gap_start = tokens.get(a).map_or(0, |s| s.end);
    let gap_end = tokens.get(b).map_or(gap_start, |s| s.start);
    text.get(gap_start..gap_end)
        .is_some_and(|g| g.contains('\n'))
}

/// Splits a token sequence into sentences: after a terminator (`.`, `!`,
/// `?`, `…`, plus closing quotes) followed by a capital, digit or opening
/// mark, and at every line break.
fn split_sentences(text: &str, tokens: &[Span]) -> Vec<std::ops::Range<usize>> {
    let tok = |k: usize| tokens.get(k).and_then(|s| s.slice(text)).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        let mut end = k + 1;
        let mut boundary = false;
        if is_terminator(tok(k)) {
            // Closing quotes and brackets after the terminator stay with it;
            // a straight quote set apart from it and glued to the next
            // word opens the next sentence (`fin. "Début`).
            while end < tokens.len()
                && is_closing(tok(end))
                && !newline_between(text, tokens, end - 1, end)
                && !opens_next(text, tokens, end)
            {
                end += 1;
            }
            boundary = end >= tokens.len() || starts_sentence(tok(end));
        }
        if !boundary && end < tokens.len() {
            boundary = newline_between(text, tokens, end - 1, end);
        }
        if boundary || end >= tokens.len() {
            out.push(start..end);
            start = end;
        }
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn toks(text: &str, lang: &str) -> Vec<String> {
        tokenize(text, lang)
            .iter()
            .map(|s| s.slice(text).unwrap().to_string())
            .collect()
    }

    fn sents(text: &str, lang: &str) -> Vec<String> {
        segment(text, lang)
            .sentences
            .iter()
            .map(|s| s.slice(text).unwrap().to_string())
            .collect()
    }

    #[test]
    fn french_elisions() {
        assert_eq!(
            toks("l'Afrique d’Assimi", "fr"),
            ["l'", "Afrique", "d’", "Assimi"]
        );
        assert_eq!(
            toks("jusqu'à qu'il J'ai", "fr"),
            ["jusqu'", "à", "qu'", "il", "J'", "ai"]
        );
        assert_eq!(toks("aujourd'hui", "fr"), ["aujourd'hui"]);
        assert_eq!(toks("l´homme Le Cléac´h", "fr"), ["l´", "homme", "Le", "Cléac´h"]);
        assert_eq!(toks("L’ONU", "fr"), ["L’", "ONU"]);
    }

    #[test]
    fn african_n_names_are_no_elisions() {
        assert_eq!(
            toks("N'Golo Kanté à N’Djamena", "fr"),
            ["N'Golo", "Kanté", "à", "N’Djamena"]
        );
        assert_eq!(toks("N'est-ce pas N'EST n'Ai", "fr"), ["N'", "est-ce", "pas", "N'", "EST", "n'", "Ai"]);
        assert_eq!(toks("M’Jid El Guerrab M'a", "fr"), ["M’Jid", "El", "Guerrab", "M'", "a"]);
    }

    #[test]
    fn hyphenated_names_stay_whole() {
        assert_eq!(
            toks("Younous-Bek Evkourov et Al-Qaïda.", "fr"),
            ["Younous-Bek", "Evkourov", "et", "Al-Qaïda", "."]
        );
        assert_eq!(
            toks("a-t-il dit - non", "fr"),
            ["a-t-il", "dit", "-", "non"]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            toks("M. Lavrov et Mme Diop, Dr. X", "fr"),
            ["M.", "Lavrov", "et", "Mme", "Diop", ",", "Dr.", "X"]
        );
        assert_eq!(
            toks("J. R. R. Tolkien", "fr"),
            ["J.", "R.", "R.", "Tolkien"]
        );
        assert_eq!(toks("the U.S. army", "en"), ["the", "U.S.", "army"]);
        assert_eq!(
            sents("Il a vu M. Lavrov. Puis Mgr. Dupont est venu. Fin", "fr"),
            ["Il a vu M. Lavrov.", "Puis Mgr. Dupont est venu.", "Fin"]
        );
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(
            toks("1 000 soldats, 3,5 %", "fr"),
            ["1 000", "soldats", ",", "3,5", "%"]
        );
        assert_eq!(
            toks("1\u{a0}200\u{a0}hommes", "fr"),
            ["1\u{a0}200", "hommes"]
        );
        assert_eq!(
            toks("en 2021 300 soldats", "fr"),
            ["en", "2021", "300", "soldats"]
        );
        assert_eq!(
            toks("le 23/06/2025 à 7h44", "fr"),
            ["le", "23/06/2025", "à", "7h44"]
        );
        assert_eq!(toks("2025-06-23", "fr"), ["2025-06-23"]);
    }

    #[test]
    fn quotes_and_sentences() {
        let t = "« Nous restons », a dit M. Peskov. “Oui.” Il part.\nTitre sans point\n\nAutre";
        assert_eq!(toks("« Nous »", "fr"), ["«", "Nous", "»"]);
        assert_eq!(
            sents(t, "fr"),
            [
                "« Nous restons », a dit M. Peskov.",
                "“Oui.”",
                "Il part.",
                "Titre sans point",
                "Autre"
            ]
        );
        assert_eq!(
            sents("Quoi ? » dit-il. Bon", "fr"),
            ["Quoi ? » dit-il.", "Bon"]
        );
        assert_eq!(
            sents("du Mali.\n\n\"La présence\"", "fr"),
            ["du Mali.", "\"La présence\""]
        );
    }

    #[test]
    fn a_straight_quote_opens_or_closes_by_its_spaces() {
        assert_eq!(
            sents("Il a dit non. \"Jamais\", a-t-il ajouté. Fin.", "fr"),
            ["Il a dit non.", "\"Jamais\", a-t-il ajouté.", "Fin."]
        );
        assert_eq!(
            sents("Il a dit \"non.\" Puis il est parti.", "fr"),
            ["Il a dit \"non.\"", "Puis il est parti."]
        );
    }

    #[test]
    fn english_clitics() {
        assert_eq!(toks("don't John's", "en"), ["do", "n't", "John", "'s"]);
        assert_eq!(toks("what 's it 're 'quoted'", "en"), ["what", "'s", "it", "'re", "'", "quoted", "'"]);
        assert_eq!(toks("il 's", "fr"), ["il", "'", "s"]);
        assert_eq!(toks("O'Brien", "en"), ["O'Brien"]);
    }

    #[test]
    fn nbsp_is_space() {
        assert_eq!(
            toks("Mali\u{a0}: oui\u{202f}!", "fr"),
            ["Mali", ":", "oui", "!"]
        );
        assert!(tokenize("", "fr").is_empty());
        assert!(segment(" \n ", "fr").sentences.is_empty());
    }

    proptest! {
        #[test]
        fn tokens_inside_sentences_on_boundaries(s in "[a-zA-Zé0-9 .,'’«»!?\\-\u{a0}\n]{0,80}", fr in any::<bool>()) {
            let lang = if fr { "fr" } else { "en" };
            let seg = segment(&s, lang);
            let mut covered = 0;
            for (sent, range) in seg.sentences.iter().zip(&seg.sentence_tokens) {
                prop_assert!(sent.slice(&s).is_some());
                for t in &seg.tokens[range.clone()] {
                    prop_assert!(t.slice(&s).is_some());
                    prop_assert!(!t.is_empty());
                    prop_assert!(sent.contains(t));
                    covered += 1;
                }
            }
            prop_assert_eq!(covered, seg.tokens.len());
            for w in seg.tokens.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,60}") {
            let seg = segment(&s, "fr");
            for t in &seg.tokens {
                prop_assert!(t.slice(&s).is_some());
            }
        }
    }
}
