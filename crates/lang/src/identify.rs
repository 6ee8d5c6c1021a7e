//! Language identification with `whatlang` (trigram profiles for ~70
//! languages), mapped to ISO 639-1 codes.

use whatlang::{Detector, Lang};

/// The language of a text with the detector's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Identified {
    /// ISO 639-1 code (`fr`, `en`, …).
    pub code: &'static str,
    /// Confidence in `[0, 1]`.
    pub confidence: f64,
    /// True when whatlang judged the guess reliable.
    pub reliable: bool,
}

/// Identifies the language of `text`; `None` for text too short or without
/// letters. The first 600 bytes are tried first and accepted when whatlang
/// finds them reliable; otherwise the first 2,000 bytes decide (ample for
/// trigram identification, and it bounds the cost on long pages).
pub fn identify(text: &str) -> Option<Identified> {
    let short = sample(text, 600);
    if short.len() < text.len() {
        if let Some(found) = detect(short).filter(|f| f.reliable && f.confidence >= 0.9) {
            return Some(found);
        }
    }
    detect(sample(text, 2_000))
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
    if sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(2)
        .is_none()
    {
        return None;
    }
    let info = Detector::new().detect(sample)?;
    let code = iso639_1(info.lang())?;
    Some(Identified {
        code,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
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
}
