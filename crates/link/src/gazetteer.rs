//! Lookups in the shipped gazetteers (`data/gazetteers/`, made for the
//! NER crate): places (name → tier, ISO code), organisations (name → id)
//! and demonyms (adjective → country code). Keys are folded names.
//!
//! Cities in the shipped `places.tsv` carry their GeoNames id and
//! coordinates; countries, regions and subdivisions carry an ISO 3166 code
//! or a region id only.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::words::key;

const PLACES: &str = include_str!("../../../data/gazetteers/places.tsv");
const ORGANISATIONS: &str = include_str!("../../../data/gazetteers/organisations.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteers/demonyms.tsv");

/// One place entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `country`, `region`, `bigcity`, `subdivision` or `city`.
    pub tier: &'static str,
    /// ISO 3166-1 alpha-2 (countries, cities), ISO 3166-2 (subdivisions)
    /// or a region id (`africa`, `sahel`).
    pub code: &'static str,
    /// GeoNames id (cities).
    pub geonames_id: Option<u64>,
    /// Latitude and longitude (cities).
    pub coordinates: Option<(f64, f64)>,
}

impl Place {
    /// The ISO 3166-1 country code, when the entry has one.
    pub fn country(&self) -> Option<String> {
        match self.tier {
            "region" => None,
            _ => {
                let cc: String = self.code.chars().take_while(|c| *c != '-').collect();
                (cc.len() == 2 && cc.chars().all(|c| c.is_ascii_uppercase())).then_some(cc)
            }
        }
    }

    /// True when the code identifies the place itself (countries, regions,
    /// subdivisions), not only the country it is in.
    pub fn is_identifying(&self) -> bool {
        matches!(self.tier, "country" | "region" | "subdivision")
    }

    /// How sure a name-only match is: countries and regions are rarely
    /// anything else; small towns often share names with other things.
    pub fn confidence(&self) -> f32 {
        match self.tier {
            "country" => 0.95,
            "region" => 0.9,
            "bigcity" => 0.85,
            "subdivision" => 0.7,
            _ => 0.6,
        }
    }
}

struct Tables {
    places: HashMap<String, Place>,
    orgs: HashMap<String, &'static str>,
    demonyms: HashMap<String, &'static str>,
}

fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut places = HashMap::new();
        for r in rows(PLACES) {
            if let [name, tier, code, rest @ ..] = r.as_slice() {
                let geonames_id = rest.first().and_then(|g| g.parse().ok());
                let coordinates = match rest.get(1..3) {
                    Some([lat, lon]) => lat.parse().ok().zip(lon.parse().ok()),
                    _ => None,
                };
                places.entry(key(name)).or_insert(Place { tier, code, geonames_id, coordinates });
            }
        }
        let mut orgs = HashMap::new();
        for r in rows(ORGANISATIONS) {
            if let [name, id, ..] = r.as_slice() {
                orgs.entry(key(name)).or_insert(*id);
            }
        }
        let mut demonyms = HashMap::new();
        for r in rows(DEMONYMS) {
            if let [form, code, ..] = r.as_slice() {
                demonyms.entry(key(form)).or_insert(*code);
            }
        }
        Tables { places, orgs, demonyms }
    })
}

/// The place a folded name denotes, if any.
pub fn place(name_key: &str) -> Option<&'static Place> {
    tables().places.get(name_key)
}

/// The organisation id of a folded name, if any.
pub fn organisation(name_key: &str) -> Option<&'static str> {
    tables().orgs.get(name_key).copied()
}

/// The country code of a demonym ("russe", "maliennes"), if any.
pub fn demonym(word_key: &str) -> Option<&'static str> {
    let t = tables();
    t.demonyms
        .get(word_key)
        .or_else(|| word_key.strip_suffix('s').and_then(|w| t.demonyms.get(w)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let p = place(&key("Guinée équatoriale")).expect("country");
        assert_eq!(p.tier, "country");
        assert_eq!(p.country().as_deref(), Some("GQ"));
        assert!(place("zzzz-not-a-place").is_none());
        assert_eq!(organisation(&key("ONU")), organisation(&key("Nations unies")));
        assert_eq!(demonym("russes"), Some("RU"));
        let city = place(&key("Bamako")).expect("city");
        assert_eq!(city.geonames_id, Some(2460596));
        let (lat, lon) = city.coordinates.expect("coordinates");
        assert!((lat - 12.6).abs() < 0.1 && (lon + 7.98).abs() < 0.1);
        assert_eq!(p.geonames_id, None);
    }
}
