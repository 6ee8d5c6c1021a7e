//! Shipped lexical resources, embedded at build time: the place gazetteer
//! (`data/gazetteers/places.tsv`, built by `scripts/build-gazetteers.py`),
//! hand-written organisations and demonyms, and per-language cue words
//! (`data/lang/<iso>/ner-cues.tsv`).

use std::sync::OnceLock;

use dossier_text::normalize::fold;
use rustc_hash::{FxHashMap, FxHashSet};

const PLACES: &str = include_str!("../../../data/gazetteers/places.tsv");
const ORGANISATIONS: &str = include_str!("../../../data/gazetteers/organisations.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteers/demonyms.tsv");
/// Hand-written regions the built gazetteer lacks ("Tibet", "Acadie").
const REGIONS_EXTRA: &str = include_str!("../../../data/gazetteers/regions-extra.txt");
const CUES: &[(&str, &str)] = &[
    ("fr", include_str!("../../../data/lang/fr/ner-cues.tsv")),
    ("en", include_str!("../../../data/lang/en/ner-cues.tsv")),
];

/// Gazetteer classes, as bits.
pub mod class {
    /// Country or territory.
    pub const COUNTRY: u8 = 1;
    /// Continent, region, sea, river, mountains.
    pub const REGION: u8 = 2;
    /// City of at least a million people.
    pub const BIGCITY: u8 = 4;
    /// First-level administrative division.
    pub const SUBDIVISION: u8 = 8;
    /// City of at least 15,000 people.
    pub const CITY: u8 = 16;
    /// International organisation, institution or well-known group.
    pub const ORG: u8 = 32;
    /// Number of classes.
    pub const COUNT: usize = 6;
}

/// Cue-word classes.
pub mod cue {
    /// Not a cue word.
    pub const NONE: u8 = 0;
    /// Title or role before a person's name.
    pub const TITLE: u8 = 1;
    /// Head noun of an organisation name.
    pub const ORGHEAD: u8 = 2;
    /// Place preposition.
    pub const LOCPREP: u8 = 3;
    /// Verb of saying.
    pub const SPEECH: u8 = 4;
}

/// Maximum length, in tokens, of a gazetteer entry that is matched.
pub const MAX_GAZ_TOKENS: usize = 6;

/// Lexical resources shared by every language. Speed: the maps are looked
/// up for every token (several times for the gazetteer), so they use the
/// Fx hash rather than SipHash; they are built from shipped files only.
#[derive(Debug, Default)]
pub struct Resources {
    /// Hash of the folded token sequence → class bits.
    names: FxHashMap<u64, u8>,
    /// Hashes of the first tokens (all but the last) of every name of
    /// several tokens: where a sequence is none of them, no longer match
    /// starts with it.
    prefixes: FxHashSet<u64>,
    demonyms: FxHashSet<String>,
    /// Cue words per language.
    cues: Vec<(&'static str, FxHashMap<String, u8>)>,
}

/// Lower-cases and strips diacritics ([`dossier_text::normalize::fold`]),
/// with a fast path for ASCII words.
pub fn fold_word(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        fold(s)
    }
}

/// Hashes the folded tokens of a name (FNV-1a with a separator).
pub fn hash_tokens<'a>(tokens: impl Iterator<Item = &'a str>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for (i, t) in tokens.enumerate() {
        if i > 0 {
            h = (h ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for b in t.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Continues [`hash_tokens`] with one more token.
pub fn hash_extend(h: u64, first: bool, token: &str) -> u64 {
    let mut h = if first { 0xcbf2_9ce4_8422_2325u64 } else { (h ^ 0x1f).wrapping_mul(0x0100_0000_01b3) };
    for b in token.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

impl Resources {
    /// The resources, loaded once.
    pub fn get() -> &'static Resources {
        static R: OnceLock<Resources> = OnceLock::new();
        R.get_or_init(Resources::load)
    }

    fn load() -> Resources {
        let mut r = Resources::default();
        let mut add = |name: &str, bits: u8| {
            let toks = dossier_lang::tokenize(name, "fr");
            if toks.is_empty() || toks.len() > MAX_GAZ_TOKENS {
                return;
            }
            let folded: Vec<String> = toks.iter().filter_map(|s| s.slice(name)).map(fold).collect();
            let h = hash_tokens(folded.iter().map(String::as_str));
            *r.names.entry(h).or_insert(0) |= bits;
            for k in 1..folded.len() {
                r.prefixes.insert(hash_tokens(folded.iter().take(k).map(String::as_str)));
            }
        };
        for row in rows(PLACES) {
            let bits = match row.get(1).copied() {
                Some("country") => class::COUNTRY,
                Some("region") => class::REGION,
                Some("bigcity") => class::BIGCITY,
                Some("subdivision") => class::SUBDIVISION,
                Some("city") => class::CITY,
                _ => continue,
            };
            if let Some(name) = row.first() {
                add(name, bits);
            }
        }
        for row in rows(REGIONS_EXTRA) {
            if let Some(name) = row.first() {
                add(name, class::REGION);
            }
        }
        for row in rows(ORGANISATIONS) {
            if let Some(name) = row.first() {
                add(name, class::ORG);
            }
        }
        for row in rows(DEMONYMS) {
            if let Some(name) = row.first() {
                r.demonyms.insert(fold(name));
            }
        }
        for (lang, file) in CUES {
            let map = rows(file)
                .filter_map(|row| {
                    let class = match row.get(1).copied()? {
                        "TITLE" => cue::TITLE,
                        "ORGHEAD" => cue::ORGHEAD,
                        "LOCPREP" => cue::LOCPREP,
                        "SPEECH" => cue::SPEECH,
                        _ => return None,
                    };
                    Some((row.first()?.to_lowercase(), class))
                })
                .collect();
            r.cues.push((lang, map));
        }
        r
    }

    /// Class bits of the name whose folded tokens hash to `h` (0 if none).
    pub fn name_classes(&self, h: u64) -> u8 {
        self.names.get(&h).copied().unwrap_or(0)
    }

    /// True when some name of more tokens starts with the folded tokens
    /// hashed to `h` ([`hash_tokens`], [`hash_extend`]): a search for
    /// longer matches may stop where this is false (speed).
    pub fn name_continues(&self, h: u64) -> bool {
        self.prefixes.contains(&h)
    }

    /// True when the folded word is a demonym or nationality adjective
    /// (plural `-s` accepted), also a hyphenated compound of them whose
    /// first parts may be combining forms in `-o` ("franco-marocain",
    /// "israélo-palestiniens").
    pub fn is_demonym(&self, folded: &str) -> bool {
        let one = |w: &str| self.demonyms.contains(w) || w.strip_suffix('s').is_some_and(|s| s.len() > 2 && self.demonyms.contains(s));
        if one(folded) {
            return true;
        }
        if !folded.contains('-') {
            return false;
        }
        let mut parts = folded.split('-').collect::<Vec<_>>();
        let Some(last) = parts.pop() else { return false };
        !parts.is_empty() && one(last) && parts.iter().all(|p| one(p) || (p.len() >= 3 && p.ends_with('o')))
    }

    /// The cue class of a lower-cased word in `lang`.
    pub fn cue(&self, lang: &str, lower: &str) -> u8 {
        self.cues.iter().find(|(l, _)| *l == lang).and_then(|(_, m)| m.get(lower)).copied().unwrap_or(cue::NONE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_places_and_orgs() {
        let r = Resources::get();
        let h = |s: &str| hash_tokens(s.split(' '));
        assert!(r.name_classes(h("mali")) & class::COUNTRY != 0);
        assert!(r.name_classes(h("onu")) & class::ORG != 0);
        assert!(r.name_classes(h("afrique de l' ouest")) & class::REGION != 0);
        // A hand-written region (regions-extra.txt).
        assert!(r.name_classes(h("tibet")) & class::REGION != 0);
        assert!(r.name_continues(h("afrique de l'")) && r.name_continues(h("afrique")));
        assert!(!r.name_continues(h("afrique de l' ouest zzz")) && !r.name_continues(h("zzzz")));
        // Families of organisations: publishers, media, public bodies, NGOs, unions, chains.
        for org in ["springer", "gallimard", "liberation", "cnrs", "attac", "solidaires", "burger king", "ansar eddine", "aqmi"] {
            assert!(r.name_classes(h(org)) & class::ORG != 0, "{org}");
        }
        assert!(r.is_demonym("maliens"));
        assert!(r.is_demonym("franco-marocain") && r.is_demonym("israelo-palestiniens"));
        assert!(!r.is_demonym("jean-marie") && !r.is_demonym("mali-russie"));
        assert_eq!(r.cue("fr", "ministère"), cue::ORGHEAD);
    }
}
