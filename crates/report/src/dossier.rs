//! From stored documents to a report: entity resolution and quotes by
//! `dossier-link`, then [`assemble`](crate::assemble).

use std::collections::BTreeSet;

use dossier_document::Document;
use dossier_link::{DocInput, Dossier, Kb};
use dossier_text::normalize::fold;

use crate::{assemble, PlaceInfo, Report, ResolvedEntity, ResolvedQuote};

/// The linker's input for a document (its mention and sentence layers).
pub fn doc_input(doc: &Document) -> DocInput {
    DocInput {
        id: doc.id.clone(),
        text: doc.text().to_string(),
        language: doc.metadata.language.as_ref().map(|l| l.value.clone()).unwrap_or_default(),
        mentions: doc.layers.mentions.clone().unwrap_or_default(),
        sentences: doc.layers.sentences.clone().unwrap_or_default(),
        title: doc.metadata.title.as_ref().map(|t| t.value.clone()),
    }
}

/// Resolves the entities and quotes of `docs` (optionally against a
/// knowledge file).
pub fn resolve(docs: &[Document], kb: Option<&Kb>) -> Dossier {
    let mut dossier = match kb {
        Some(kb) => Dossier::with_kb(kb.clone()),
        None => Dossier::new(),
    };
    // One batch: per-article analysis in parallel, one cross-article merge.
    let inputs: Vec<DocInput> = docs.iter().map(doc_input).collect();
    dossier.add_documents(&inputs);
    dossier
}

/// Ids of the documents naming an entity called `name` (name or alias;
/// case and accents ignored).
pub fn docs_naming(dossier: &Dossier, name: &str) -> BTreeSet<String> {
    let key = fold(name.trim());
    dossier
        .entities
        .iter()
        .filter(|e| fold(&e.name) == key || e.aliases.iter().any(|a| fold(a) == key))
        .flat_map(|e| e.docs.iter().cloned())
        .collect()
}

/// The report of `docs`: resolution, then events, timeline, stories.
pub fn report(docs: &[Document], dossier: &Dossier) -> Report {
    let entities: Vec<ResolvedEntity> = dossier
        .entities
        .iter()
        .map(|e| ResolvedEntity {
            id: e.id.clone(),
            kind: e.kind.as_str().to_string(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            roles: e.roles.iter().map(|r| (r.text.clone(), r.doc.clone(), r.span)).collect(),
            linked_id: e
                .kb
                .as_ref()
                .map(|k| k.id.clone())
                .or_else(|| e.place.as_ref().map(|p| match p.geonames_id {
                    Some(id) => format!("geonames:{id}"),
                    None => format!("{}:{}", p.tier, p.code),
                }))
                .or_else(|| e.org_id.clone()),
            place: e.place.as_ref().map(|p| PlaceInfo {
                tier: p.tier.clone(),
                country: p.country.clone(),
                geonames_id: p.geonames_id,
                coordinates: p.coordinates,
                confidence: p.confidence,
            }),
            merge_reasons: e.merges.clone(),
            mentions: e.mentions.iter().map(|m| (m.doc.clone(), m.span)).collect(),
        })
        .collect();
    let quotes: Vec<ResolvedQuote> = dossier
        .quotes
        .iter()
        .map(|q| ResolvedQuote { doc: q.doc.clone(), span: q.span, speaker: q.speaker.clone(), verb: q.verb.clone() })
        .collect();
    assemble(docs, &entities, &quotes)
}
