//! Entity linking over a set of articles: the actors of a dossier.
//!
//! * [`resolve`] turns documents with entity mentions ([`DocInput`]) into a
//!   [`Dossier`]: one [`Entity`] per actor, resolved within each article
//!   (full name ↔ surname ↔ "M. X" ↔ title + name) and across articles
//!   (accent/case variants, acronyms defined by "Name (ACR)", gazetteer ids,
//!   unambiguous surnames), each merge with its reason; roles stated in
//!   apposition with their evidence; places linked to the shipped gazetteer;
//!   optional links to a user knowledge file ([`load_kb`]).
//! * [`Quote`]s: direct quotations with their speaker resolved to an entity.
//! * [`Dossier::add_document`] adds one article: the per-article analysis of
//!   earlier articles is kept and only the cross-article merge (a linear pass
//!   over per-article entities with hash maps) is redone, which gives the
//!   same result as [`resolve`] over all articles.
//!
//! Languages are data: cue words come from `data/lang/<iso>/link/lexicon.tsv`.

#![deny(missing_docs)]

mod gazetteer;
mod kb;
mod lexicon;
mod local;
mod merge;
mod quotes;
mod words;

use dossier_document::Mention;
use dossier_text::Span;
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use kb::{load_kb, parse_kb, Kb, KbEntry};

/// Errors of this crate (reading a knowledge file).
#[derive(Debug, Error)]
pub enum LinkError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line of the knowledge file is malformed.
    #[error("{path}, line {line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One article as the linker needs it. Spans are byte ranges into `text`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocInput {
    /// Document id (reported in every mention, role and quote).
    pub id: String,
    /// Clean text.
    pub text: String,
    /// ISO 639-1 language ("" when unknown).
    pub language: String,
    /// Entity mentions (PER, ORG, LOC; others are ignored).
    pub mentions: Vec<Mention>,
    /// Sentences (paragraph lines are used when empty).
    pub sentences: Vec<Span>,
    /// Headline, for display only (prepend it to `text` to analyse it).
    pub title: Option<String>,
}

/// Entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Place.
    #[serde(rename = "LOC")]
    Loc,
}

impl EntityType {
    /// Parses `PER`, `ORG`, `LOC` (and common long forms).
    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "per" | "person" | "human" | "people" => Some(EntityType::Per),
            "org" | "organisation" | "organization" | "company" | "group" => Some(EntityType::Org),
            "loc" | "gpe" | "place" | "location" | "country" | "city" => Some(EntityType::Loc),
            _ => None,
        }
    }

    /// `PER`, `ORG` or `LOC`.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
        }
    }
}

/// A mention of an entity in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRef {
    /// Document id.
    pub doc: String,
    /// Byte span in the document text.
    pub span: Span,
    /// The text at the span.
    pub text: String,
}

/// A role stated in apposition, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role ("porte-parole du Kremlin").
    pub text: String,
    /// Document id.
    pub doc: String,
    /// The sentence it was read from.
    pub sentence: Span,
    /// The role's own span.
    pub span: Span,
}

/// A link to the place gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceLink {
    /// The gazetteer name matched (folded).
    pub matched: String,
    /// `country`, `region`, `bigcity`, `subdivision` or `city`.
    pub tier: String,
    /// ISO code or region id from the gazetteer.
    pub code: String,
    /// ISO 3166-1 alpha-2 country, when known.
    pub country: Option<String>,
    /// GeoNames id (cities).
    pub geonames_id: Option<u64>,
    /// Latitude, longitude (cities).
    pub coordinates: Option<(f64, f64)>,
    /// Confidence of a name-only match, in `[0, 1]`.
    pub confidence: f32,
}

/// A link to an entry of the user's knowledge file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbLink {
    /// The entry's id.
    pub id: String,
    /// The name that matched.
    pub matched: String,
    /// 0.9 when the canonical name matched, lower for an alias.
    pub confidence: f32,
}

/// One actor of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: type + slug of the folded canonical name ("per:sergei-lavrov").
    pub id: String,
    /// Type (majority of its mentions).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Fullest form of the name.
    pub name: String,
    /// Every other surface form.
    pub aliases: Vec<String>,
    /// Documents it is mentioned in, in first-seen order.
    pub docs: Vec<String>,
    /// Its mentions.
    pub mentions: Vec<MentionRef>,
    /// Roles in apposition.
    pub roles: Vec<Role>,
    /// Why each merge was made.
    pub merges: Vec<String>,
    /// Gazetteer link (places).
    pub place: Option<PlaceLink>,
    /// Organisation id from the shipped organisations list.
    pub org_id: Option<String>,
    /// Link to the user's knowledge file.
    pub kb: Option<KbLink>,
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Document id.
    pub doc: String,
    /// The quoted words (inside the marks).
    pub text: String,
    /// Span of the quoted words.
    pub span: Span,
    /// The sentence holding the opening mark.
    pub sentence: Span,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Speaker's canonical name.
    pub speaker_name: Option<String>,
    /// The mention the speaker was read from (for pronouns: the antecedent's last mention).
    pub speaker_mention: Option<Span>,
    /// The verb of saying, when there is one.
    pub verb: Option<String>,
    /// How the speaker was found: `after`, `before`, `pronoun`, `role`,
    /// `continuation`, `caption`, `same-sentence`.
    pub cue: String,
}

/// An acronym defined in the corpus by "Name (ACR)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcronymDef {
    /// The acronym.
    pub acronym: String,
    /// The expansion as written.
    pub expansion: String,
    /// Document id.
    pub doc: String,
    /// The evidence span ("Alliance des États du Sahel (AES)").
    pub span: Span,
}

/// The resolved dossier.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Dossier {
    /// Entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Attributed quotations, in document order.
    pub quotes: Vec<Quote>,
    /// Acronym definitions found.
    pub acronyms: Vec<AcronymDef>,
    #[serde(skip)]
    state: Vec<local::DocState>,
    #[serde(skip)]
    kb: Option<Kb>,
}

impl Dossier {
    /// An empty dossier.
    pub fn new() -> Dossier {
        Dossier::default()
    }

    /// An empty dossier whose entities are linked to `kb`.
    pub fn with_kb(kb: Kb) -> Dossier {
        Dossier { kb: Some(kb), ..Dossier::default() }
    }

    /// Adds one article. Its own analysis (mentions, roles, acronym
    /// definitions, quotes) is computed once and kept; the cross-article
    /// merge is redone over the kept per-article entities, so the result
    /// equals [`resolve`] over all articles. A document with an id already
    /// present replaces the earlier one.
    pub fn add_document(&mut self, doc: &DocInput) {
        let st = local::analyse(doc);
        self.state.retain(|s| s.id != doc.id);
        self.state.push(st);
        self.rebuild();
    }

    /// Adds several articles (analysed in parallel), merging once at the end.
    pub fn add_documents(&mut self, docs: &[DocInput]) {
        use rayon::prelude::*;
        let analysed: Vec<local::DocState> = docs.par_iter().map(local::analyse).collect();
        // A later copy of an id replaces an earlier one.
        let mut last_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, st) in analysed.iter().enumerate() {
            last_of.insert(st.id.as_str(), i);
        }
        self.state.retain(|s| !last_of.contains_key(s.id.as_str()));
        let keep: Vec<bool> = analysed.iter().enumerate().map(|(i, st)| last_of.get(st.id.as_str()) == Some(&i)).collect();
        self.state.extend(analysed.into_iter().zip(keep).filter(|(_, k)| *k).map(|(st, _)| st));
        self.rebuild();
    }

    fn rebuild(&mut self) {
        let out = merge::merge(&self.state, self.kb.as_ref());
        self.entities = out.entities;
        self.quotes = out.quotes;
        self.acronyms = out.acronyms;
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity a mention (document id, span) belongs to.
    pub fn entity_of(&self, doc: &str, span: Span) -> Option<&Entity> {
        self.entities.iter().find(|e| e.mentions.iter().any(|m| m.doc == doc && m.span == span))
    }
}

/// Resolves the entities and quotes of a set of articles.
pub fn resolve(docs: &[DocInput]) -> Dossier {
    let mut d = Dossier::new();
    d.add_documents(docs);
    d
}

/// [`resolve`], linking entities to a knowledge file.
pub fn resolve_with_kb(docs: &[DocInput], kb: Kb) -> Dossier {
    let mut d = Dossier::with_kb(kb);
    d.add_documents(docs);
    d
}

#[cfg(test)]
mod tests;
