//! Language identification: a count of function words for texts where one
//! language clearly dominates, else `whatlang` (trigram profiles for ~70
//! languages); ISO 639-1 codes.

use std::collections::HashMap;
use std::sync::OnceLock;

use whatlang::{Detector, Lang};

/// The language of a text with the detector's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Identified {
    /// ISO 639-1 code (`fr`, `en`, …).
    pub code: &'static str,
    /// Confidence in `[0, 1]`.
    pub confidence: f64,
    /// True when the guess is reliable (whatlang's judgement, or a clear
    /// majority of one language's function words).
    pub reliable: bool,
    /// What decided.
    pub method: Method,
}

/// How a language was identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// One language's function words clearly dominate the text.
    FunctionWords,
    /// whatlang's trigram profiles.
    Whatlang,
}

impl Method {
    /// A short name for evidence strings.
    pub fn name(self) -> &'static str {
        match self {
            Method::FunctionWords => "function words",
            Method::Whatlang => "whatlang",
        }
    }
}

/// Identifies the language of `text`; `None` for text too short or without
/// letters. The first 600 bytes are read first: when one language's
/// function words clearly dominate them ([`by_function_words`]) it is the
/// answer; else whatlang reads them and is believed when it finds them
/// reliable; otherwise whatlang reads the first 2,000 bytes (ample for
/// trigram identification, and it bounds the cost on long pages).
pub fn identify(text: &str) -> Option<Identified> {
    let short = sample(text, 600);
    if let Some(found) = by_function_words(short) {
        return Some(found);
    }
    if short.len() < text.len() {
        if let Some(found) = detect(short).filter(|f| f.reliable && f.confidence >= 0.9) {
            return Some(found);
        }
    }
    detect(sample(text, 2_000))
}

/// Languages of the function-word lists, by bit.
struct FunctionWords {
    codes: Vec<&'static str>,
    words: HashMap<&'static str, u16>,
}

fn function_words() -> &'static FunctionWords {
    static LISTS: OnceLock<FunctionWords> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut codes = Vec::new();
        let mut words: HashMap<&'static str, u16> = HashMap::new();
        for line in dossier_text::data_lines(include_str!("../../../data/lang/mul/function-words.tsv")) {
            let Some((code, list)) = line.split_once('\t') else { continue };
            let Some(bit) = u16::try_from(codes.len()).ok().filter(|&b| b < 16) else { break };
            codes.push(code.trim());
            for w in list.split_whitespace() {
                *words.entry(w).or_default() |= 1 << bit;
            }
        }
        FunctionWords { codes, words }
    })
}

/// The language whose function words clearly dominate `sample`: at least
/// 10 of them, 12 % of its words, and four times as many as any other
/// list's. The fast path of [`identify`]: whatlang's cost per call is
/// fixed (it scores the text's trigrams against some forty Latin-script
/// profiles) and was a fifth of `dossier extract`'s time on text dumps;
/// counting a hundred words against one table decides most pages in
/// languages with lists. Hand-written because no crate offers this
/// shortcut; texts it cannot decide go to whatlang.
fn by_function_words(sample: &str) -> Option<Identified> {
    let lists = function_words();
    let mut counts = [0u32; 16];
    let mut words = 0u32;
    let mut lower = String::new();
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(&bits) = lists.words.get(key) {
            for (k, c) in counts.iter_mut().enumerate() {
                *c += u32::from(bits >> k & 1);
            }
        }
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
    let second = counts.iter().enumerate().filter(|&(k, _)| k != best).map(|(_, &c)| c).max().unwrap_or(0);
    if top < 10 || top * 100 < words * 12 || top < 4 * second.max(1) {
        return None;
    }
    Some(Identified {
        code: lists.codes.get(best)?,
        confidence: 1.0 - f64::from(second) / f64::from(top),
        reliable: true,
        method: Method::FunctionWords,
    })
}

/// The first `max` bytes of `text`, cut on a character boundary.
fn sample(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn detect(sample: &str) -> Option<Identified> {
    sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(2)?;
    let info = Detector::new().detect(sample)?;
    let code = iso639_1(info.lang())?;
    Some(Identified {
        code,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
        method: Method::Whatlang,
    })
}

/// Maps whatlang's ISO 639-3 languages to ISO 639-1 where one exists.
fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Fra => "fr",
        Eng => "en",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Rus => "ru",
        Ukr => "uk",
        Ara => "ar",
        Tur => "tr",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Ces => "cs",
        Slk => "sk",
        Ron => "ro",
        Hun => "hu",
        Ell => "el",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Heb => "he",
        Hin => "hi",
        Ben => "bn",
        Urd => "ur",
        Pes => "fa",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Cat => "ca",
        Epo => "eo",
        Lat => "la",
        Afr => "af",
        Aka => "ak",
        Amh => "am",
        Aze => "az",
        Bel => "be",
        Guj => "gu",
        Hye => "hy",
        Jav => "jv",
        Kan => "kn",
        Kat => "ka",
        Khm => "km",
        Mal => "ml",
        Mar => "mr",
        Mkd => "mk",
        Mya => "my",
        Nep => "ne",
        Ori => "or",
        Pan => "pa",
        Sin => "si",
        Sna => "sn",
        Tam => "ta",
        Tel => "te",
        Tgl => "tl",
        Tuk => "tk",
        Uzb => "uz",
        Yid => "yi",
        Zul => "zu",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english() {
        let fr = identify(
            "Le Kremlin a dit lundi vouloir renforcer ses liens militaires avec l'Afrique.",
        )
        .unwrap();
        assert_eq!(fr.code, "fr");
        let en = identify(
            "The Kremlin said on Monday it wanted to strengthen military ties with Africa.",
        )
        .unwrap();
        assert_eq!(en.code, "en");
        assert!(identify("12 34 !!").is_none());
    }

    #[test]
    fn function_words_decide_clear_texts_only() {
        let fr = "Le président de la République a annoncé lundi que les troupes seront retirées avant la fin \
                  de l'année. Il a expliqué dans un entretien que cette décision est le fruit d'une longue \
                  réflexion avec ses alliés, mais les critiques sont nombreuses et très vives sur le terrain.";
        let found = by_function_words(fr).unwrap();
        assert_eq!((found.code, found.method), ("fr", Method::FunctionWords));
        let en = "The president said on Monday that the troops would be withdrawn before the end of the year. \
                  He explained in an interview that this decision was the result of long talks with the allies, \
                  and that they have been consulted at every step.";
        assert_eq!(by_function_words(en).map(|f| f.code), Some("en"));
        // Too few function words, or two lists close to each other: whatlang decides.
        assert!(by_function_words("Kremlin, Mali, Wagner : les faits").is_none());
        let mixed = "the troops and the allies of the president les troupes et les alliés du président dans le pays \
                     with the army pour la paix the end of the year cette année est the last one des choses";
        assert!(by_function_words(mixed).is_none());
        // A Catalan text is not taken for French or Spanish.
        let ca = "El govern ha anunciat que les tropes es retiraran abans de final d'any. El president ha explicat \
                  en una entrevista que aquesta decisió és fruit d'una llarga reflexió amb els aliats, però les \
                  crítiques són nombroses i molt vives al territori, també entre els seus.";
        assert_ne!(identify(ca).map(|f| f.code), Some("fr"));
    }
}
