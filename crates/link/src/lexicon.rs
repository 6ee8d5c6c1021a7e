//! Per-language cue words for linking and quote attribution, read from
//! `data/lang/<iso>/link/lexicon.tsv` (embedded at build time). Adding a
//! language adds a file and one line in [`FILES`], never code paths.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded lexicon files, by ISO 639-1 code.
const FILES: &[(&str, &str)] = &[
    ("fr", include_str!("../../../data/lang/fr/link/lexicon.tsv")),
    ("en", include_str!("../../../data/lang/en/link/lexicon.tsv")),
];

/// Word classes, as bits (a word may be in several classes).
pub mod class {
    /// Civil title before a name ("M.", "Mrs").
    pub const HONORIFIC: u16 = 1;
    /// Head noun of a role or title ("ministre", "spokesman").
    pub const ROLE: u16 = 2;
    /// Verb form or cue of saying.
    pub const SPEECH: u16 = 4;
    /// Subject pronoun pointing back to a speaker.
    pub const PRONOUN: u16 = 8;
    /// Determiner or article.
    pub const DET: u16 = 16;
    /// Small word inside names ("de", "of").
    pub const FUNCTION: u16 = 32;
    /// Relative role noun ("homologue"): not kept as a role.
    pub const RELATIONAL: u16 = 64;
    /// Auxiliary verb ("a", "has").
    pub const AUX: u16 = 128;
    /// Complementizer introducing reported speech ("que", "that").
    pub const COMP: u16 = 256;
    /// Preposition fused with an article ("du", "aux"): a complement marker.
    pub const CONTRACTED: u16 = 512;
    /// "selon", "according (to)": the name after it is the source.
    pub const SOURCE: u16 = 1024;
}

/// Cue words of one language (or of all, for languages without a file).
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashMap<String, u16>,
}

impl Lexicon {
    fn parse(files: &[&str]) -> Lexicon {
        let mut words: HashMap<String, u16> = HashMap::new();
        for file in files {
            for line in file.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let mut parts = line.split('\t');
                let (Some(word), Some(cls)) = (parts.next(), parts.next()) else { continue };
                let bit = match cls.trim() {
                    "HONORIFIC" => class::HONORIFIC,
                    "ROLE" => class::ROLE,
                    "SPEECH" => class::SPEECH,
                    "PRONOUN" => class::PRONOUN,
                    "DET" => class::DET,
                    "FUNCTION" => class::FUNCTION,
                    "RELATIONAL" => class::RELATIONAL,
                    "AUX" => class::AUX,
                    "COMP" => class::COMP,
                    "CONTRACTED" => class::CONTRACTED,
                    "SOURCE" => class::SOURCE,
                    _ => continue,
                };
                *words.entry(normalise(word.trim())).or_insert(0) |= bit;
            }
        }
        Lexicon { words }
    }

    /// The lexicon for `lang`; languages without a file get the union of
    /// all shipped files (cue words rarely collide across languages).
    pub fn for_language(lang: &str) -> &'static Lexicon {
        static ALL: OnceLock<Vec<(&'static str, Lexicon)>> = OnceLock::new();
        static UNION: OnceLock<Lexicon> = OnceLock::new();
        let all = ALL.get_or_init(|| FILES.iter().map(|(l, f)| (*l, Lexicon::parse(&[f]))).collect());
        match all.iter().find(|(l, _)| *l == lang) {
            Some((_, lex)) => lex,
            None => UNION.get_or_init(|| Lexicon::parse(&FILES.iter().map(|(_, f)| *f).collect::<Vec<_>>())),
        }
    }

    /// Class bits of a word (0 when unknown).
    pub fn classes(&self, word: &str) -> u16 {
        self.words.get(&normalise(word)).copied().unwrap_or(0)
    }

    /// True when `word` has class bit `c`.
    pub fn is(&self, word: &str, c: u16) -> bool {
        self.classes(word) & c != 0
    }
}

/// Lower-cases and turns typographic apostrophes into ASCII ones.
pub fn normalise(word: &str) -> String {
    word.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_load() {
        let fr = Lexicon::for_language("fr");
        assert!(fr.is("déclaré", class::SPEECH));
        assert!(fr.is("M.", class::HONORIFIC));
        assert!(fr.is("Ministre", class::ROLE));
        assert!(fr.is("l’", class::DET));
        let en = Lexicon::for_language("en");
        assert!(en.is("said", class::SPEECH));
        let xx = Lexicon::for_language("xx");
        assert!(xx.is("said", class::SPEECH) && xx.is("déclaré", class::SPEECH));
    }
}
