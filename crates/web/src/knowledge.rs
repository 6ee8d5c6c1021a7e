//! What the pages know across documents: entities and events.
//!
//! The pages read cross-document knowledge only through [`Knowledge`], so
//! that entity linking and event extraction, when they land, plug in by
//! implementing it (or by filling [`Catalog`]'s `events`) without touching
//! the templates. Until then [`Catalog::load`] provides *provisional*
//! entities: mentions of the NER layer grouped by folded surface text and
//! type over all documents (`PER:serguei lavrov`), and events from
//! `dossier-events` (trigger-based extraction over the sentence layer, with
//! the provisional entities as actors, merged across articles and placed on
//! a timeline at their own precision).

use std::collections::{BTreeMap, HashMap};

use dossier_document::{DateValue, Document};
use dossier_search::{fold_key, provisional_entities, site_of};
use dossier_text::Span;
use serde::Serialize;

/// A place's country and coordinates (latitude, longitude), from the
/// gazetteer.
pub type PlaceInfo = (Option<String>, Option<(f64, f64)>);

/// An entity as listed (entity list, CSV export, facets).
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    /// Stable id used in URLs (`TYPE:folded name` for provisional ones).
    pub id: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    pub kind: String,
    /// Preferred name.
    pub name: String,
    /// Other printed forms.
    pub aliases: Vec<String>,
    /// Articles naming it.
    pub articles: usize,
    /// Mentions in all.
    pub mentions: usize,
}

/// Everything the entity page shows.
#[derive(Debug, Clone, Serialize)]
pub struct EntityDetail {
    /// The summary.
    pub summary: EntitySummary,
    /// Printed forms with their mention counts, most frequent first.
    pub names: Vec<(String, usize)>,
    /// Roles or descriptions, when known (empty for provisional entities).
    pub roles: Vec<String>,
    /// An identifier in a knowledge base (e.g. Wikidata), when linked.
    pub linked_id: Option<String>,
    /// A place's country and coordinates, from the gazetteer.
    pub place: Option<PlaceInfo>,
    /// Ids of the articles naming it, in publication order.
    pub articles: Vec<String>,
    /// Entities named in the same articles: (id, name, kind, shared articles).
    pub cooccurring: Vec<(String, String, String, usize)>,
}

/// An event on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// When (ISO prefix at its precision).
    pub date: String,
    /// `year`, `month`, `day`, `minute`.
    pub precision: String,
    /// Event type.
    pub kind: String,
    /// One-line description.
    pub label: String,
    /// Article it was read from.
    pub doc_id: String,
    /// The sentence(s) it was read from, in the article's clean text.
    pub span: Option<Span>,
    /// Entity ids taking part.
    pub entities: Vec<String>,
    /// Names of the participants and place, for display.
    pub names: Vec<String>,
    /// The evidence sentence as printed.
    pub excerpt: String,
    /// Number of reports merged into this event.
    pub reports: usize,
}

/// Cross-document knowledge. Implementations must be cheap to query: the
/// pages call these per request.
pub trait Knowledge: Send + Sync {
    /// All entities, most mentioned first.
    fn entities(&self) -> Vec<EntitySummary>;
    /// One entity by id.
    fn entity(&self, id: &str) -> Option<EntityDetail>;
    /// The entity the mention at `span` (bytes of the clean text) of
    /// document `doc_id` belongs to.
    fn entity_of_mention(
        &self,
        doc_id: &str,
        span: Span,
        kind: &str,
        surface: &str,
    ) -> Option<String>;
    /// Quotations attributed to an entity: (article id, sentence span, quoted text).
    fn quotes_of(&self, _entity: &str) -> Vec<(String, Option<Span>, String)> {
        Vec::new()
    }
    /// A short description of where the knowledge comes from (shown on pages).
    fn provenance(&self) -> &'static str {
        "provisional: names grouped by printed form (case and accents folded) and type"
    }
    /// Events, in date order.
    fn events(&self) -> Vec<EventView>;
    /// The story an article belongs to: (story id, the other articles).
    fn story_of(&self, _doc_id: &str) -> Option<(String, Vec<String>)> {
        None
    }
    /// Near-duplicate copies of an article (other article ids).
    fn copies_of(&self, _doc_id: &str) -> Vec<String> {
        Vec::new()
    }
}

/// One document as the listing pages need it (no text).
#[derive(Debug, Clone)]
pub struct DocInfo {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<DateValue>,
    /// Language.
    pub language: Option<String>,
    /// Site/outlet.
    pub site: Option<String>,
    /// First author.
    pub author: Option<String>,
    /// Characters of clean text.
    pub chars: usize,
    /// Provisional entity ids named in it, with mention counts.
    pub entities: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Default)]
struct ProvEntity {
    kind: String,
    names: BTreeMap<String, usize>,
    docs: Vec<usize>,
    mentions: usize,
}

/// The documents' listing data plus provisional knowledge built from them.
#[derive(Default)]
pub struct Catalog {
    /// Documents in publication order (undated last).
    pub docs: Vec<DocInfo>,
    by_id: HashMap<String, usize>,
    entities: BTreeMap<String, ProvEntity>,
    /// Events (none until an event stage provides them).
    pub events: Vec<EventView>,
}

/// Provisional id of a (type, name) pair.
pub fn provisional_id(kind: &str, name: &str) -> String {
    format!("{kind}:{}", fold_key(name))
}

impl Catalog {
    /// Builds the catalogue from documents (any order).
    pub fn load(docs: impl IntoIterator<Item = Document>) -> Self {
        let mut c = Catalog::default();
        let mut mentions = Vec::new();
        for doc in docs {
            mentions.extend(event_mentions(&doc));
            c.add(&doc);
        }
        c.finish();
        c.events = events_from(mentions);
        c
    }

    fn add(&mut self, doc: &Document) {
        let idx = self.docs.len();
        let mut entities = Vec::new();
        for e in provisional_entities(doc) {
            let id = format!("{}:{}", e.kind, e.key);
            let p = self
                .entities
                .entry(id.clone())
                .or_insert_with(|| ProvEntity {
                    kind: e.kind.clone(),
                    ..Default::default()
                });
            for s in &e.spans {
                if let Some(t) = s.slice(doc.text()) {
                    *p.names
                        .entry(dossier_text::normalize::collapse_whitespace(t))
                        .or_insert(0) += 1;
                }
            }
            p.docs.push(idx);
            p.mentions += e.count;
            entities.push((id, e.count));
        }
        let m = &doc.metadata;
        self.docs.push(DocInfo {
            id: doc.id.clone(),
            title: m.title.as_ref().map(|t| t.value.clone()),
            published: m.published.clone(),
            language: m.language.as_ref().map(|l| l.value.clone()),
            site: site_of(doc),
            author: m.authors.first().map(|a| a.value.clone()),
            chars: doc.text().chars().count(),
            entities,
        });
    }

    fn finish(&mut self) {
        // Publication order; undated last; ties by id for stable pages.
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by(|&a, &b| {
            let (da, db) = (&self.docs[a], &self.docs[b]);
            let key = |d: &DocInfo| d.published.as_ref().map(|p| p.value.clone());
            match (key(da), key(db)) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| da.id.cmp(&db.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => da.id.cmp(&db.id),
            }
        });
        let mut new_pos = vec![0; order.len()];
        for (pos, &old) in order.iter().enumerate() {
            new_pos[old] = pos;
        }
        let old_docs = std::mem::take(&mut self.docs);
        let mut slots: Vec<Option<DocInfo>> = old_docs.into_iter().map(Some).collect();
        self.docs = order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        for e in self.entities.values_mut() {
            for d in &mut e.docs {
                *d = new_pos.get(*d).copied().unwrap_or(*d);
            }
            e.docs.sort_unstable();
            e.docs.dedup();
        }
        self.by_id = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
    }

    /// A document's listing data.
    pub fn doc(&self, id: &str) -> Option<&DocInfo> {
        self.by_id.get(id).and_then(|&i| self.docs.get(i))
    }

    fn summary(&self, id: &str, e: &ProvEntity) -> EntitySummary {
        let names = ranked_names(e);
        EntitySummary {
            id: id.to_string(),
            kind: e.kind.clone(),
            name: names.first().map(|n| n.0.clone()).unwrap_or_default(),
            aliases: names.iter().skip(1).map(|n| n.0.clone()).collect(),
            articles: e.docs.len(),
            mentions: e.mentions,
        }
    }
}

/// The event reports of one document, with its provisional entities as
/// actors; none without sentences.
pub(crate) fn event_mentions(doc: &Document) -> Vec<(dossier_events::EventMention, String)> {
    let Some(sentences) = doc.layers.sentences.as_deref() else {
        return Vec::new();
    };
    let text = doc.text();
    let actors: Vec<dossier_events::ActorMention> = crate::render::clean_mentions(doc)
        .into_iter()
        .filter(|(_, k)| matches!(*k, "PER" | "ORG" | "LOC"))
        .filter_map(|(span, kind)| {
            let surface = dossier_text::normalize::collapse_whitespace(span.slice(text)?);
            Some(dossier_events::ActorMention {
                span,
                kind: kind.to_string(),
                entity: provisional_id(kind, &surface),
                name: surface,
            })
        })
        .collect();
    let lang = doc
        .metadata
        .language
        .as_ref()
        .map(|l| l.value.as_str())
        .unwrap_or("");
    let ed = dossier_events::EventDoc {
        doc_id: &doc.id,
        text,
        lang,
        published: doc.metadata.published.as_ref(),
        sentences,
        actors: &actors,
    };
    dossier_events::extract(&ed)
        .into_iter()
        .map(|m| {
            let excerpt = m.sentence.slice(text).unwrap_or("").to_string();
            (m, excerpt)
        })
        .collect()
}

/// Merges reports into events and lays them on the timeline.
fn events_from(mentions: Vec<(dossier_events::EventMention, String)>) -> Vec<EventView> {
    let excerpts: HashMap<(String, usize), String> = mentions
        .iter()
        .map(|(m, e)| ((m.doc_id.clone(), m.sentence.start), e.clone()))
        .collect();
    let merged = dossier_events::merge(mentions.into_iter().map(|(m, _)| m).collect());
    dossier_events::timeline(&merged)
        .into_iter()
        .map(|t| {
            let first = t.event.sources.first();
            let mut entities: Vec<String> = t
                .event
                .participants
                .iter()
                .map(|p| p.entity.clone())
                .collect();
            let mut names: Vec<String> = t
                .event
                .participants
                .iter()
                .map(|p| p.name.clone())
                .collect();
            if let Some(p) = &t.event.place {
                entities.push(p.entity.clone());
                names.push(format!("@ {}", p.name));
            }
            EventView {
                date: t.point.clone(),
                precision: t.precision.clone(),
                kind: t.event.kind.as_str().to_string(),
                label: first.map(|s| s.trigger_text.clone()).unwrap_or_default(),
                doc_id: first.map(|s| s.doc_id.clone()).unwrap_or_default(),
                span: first.map(|s| s.sentence),
                entities,
                names,
                excerpt: first
                    .and_then(|s| excerpts.get(&(s.doc_id.clone(), s.sentence.start)).cloned())
                    .unwrap_or_default(),
                reports: t.event.sources.len(),
            }
        })
        .collect()
}

fn ranked_names(e: &ProvEntity) -> Vec<(String, usize)> {
    let mut names: Vec<(String, usize)> = e.names.iter().map(|(n, c)| (n.clone(), *c)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names
}

/// Orders entities most prominent first: more articles, then more
/// mentions, then id (stable across runs).
pub(crate) fn sort_by_prominence(all: &mut [EntitySummary]) {
    all.sort_by(|a, b| {
        b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then_with(|| a.id.cmp(&b.id))
    });
}

impl Knowledge for Catalog {
    fn entities(&self) -> Vec<EntitySummary> {
        let mut all: Vec<EntitySummary> = self
            .entities
            .iter()
            .map(|(id, e)| self.summary(id, e))
            .collect();
        sort_by_prominence(&mut all);
        all
    }

    fn entity(&self, id: &str) -> Option<EntityDetail> {
        let e = self.entities.get(id)?;
        let mut co: HashMap<&str, usize> = HashMap::new();
        for &d in &e.docs {
            if let Some(doc) = self.docs.get(d) {
                for (other, _) in &doc.entities {
                    if other != id {
                        *co.entry(other.as_str()).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut cooccurring: Vec<(String, String, String, usize)> = co
            .into_iter()
            .filter_map(|(oid, n)| {
                let o = self.entities.get(oid)?;
                let name = ranked_names(o)
                    .first()
                    .map(|x| x.0.clone())
                    .unwrap_or_default();
                Some((oid.to_string(), name, o.kind.clone(), n))
            })
            .collect();
        cooccurring.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        cooccurring.truncate(40);
        Some(EntityDetail {
            summary: self.summary(id, e),
            names: ranked_names(e),
            roles: Vec::new(),
            linked_id: None,
            place: None,
            articles: e
                .docs
                .iter()
                .filter_map(|&d| self.docs.get(d).map(|x| x.id.clone()))
                .collect(),
            cooccurring,
        })
    }

    fn entity_of_mention(
        &self,
        _doc_id: &str,
        _span: Span,
        kind: &str,
        surface: &str,
    ) -> Option<String> {
        let id = provisional_id(kind, surface);
        self.entities.contains_key(&id).then_some(id)
    }

    fn events(&self) -> Vec<EventView> {
        let mut ev = self.events.clone();
        ev.sort_by(|a, b| a.date.cmp(&b.date));
        ev
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::{Evidenced, Mention, Precision};

    fn doc(id: &str, text: &str, names: &[(&str, &str)], date: Option<&str>) -> Document {
        let mut d = Document::from_parts(id.into(), "s".into(), text.into());
        let mut ms = Vec::new();
        for (name, kind) in names {
            if let Some(at) = text.find(name) {
                ms.push(Mention {
                    span: Span::new(at, at + name.len()),
                    kind: kind.to_string(),
                    score: 1.0,
                });
            }
        }
        d.layers.mentions = Some(ms);
        d.metadata.title = Some(Evidenced::new(id.to_string(), id));
        d.metadata.published = date.map(|v| DateValue {
            value: v.into(),
            precision: Precision::Day,
            evidence: v.into(),
            estimated: false,
        });
        d
    }

    #[test]
    fn groups_across_documents() {
        let c = Catalog::load([
            doc(
                "b",
                "Assimi Goïta à Bamako",
                &[("Assimi Goïta", "PER"), ("Bamako", "LOC")],
                Some("2025-02-01"),
            ),
            doc(
                "a",
                "ASSIMI GOITA",
                &[("ASSIMI GOITA", "PER")],
                Some("2025-01-01"),
            ),
            doc("c", "rien", &[], None),
        ]);
        assert_eq!(
            c.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        let e = c.entity("PER:assimi goita").unwrap();
        assert_eq!(e.articles, ["a", "b"]);
        assert_eq!(e.names.len(), 2);
        assert_eq!(e.cooccurring[0].0, "LOC:bamako");
        assert_eq!(
            c.entity_of_mention("b", Span::new(0, 13), "PER", "Assimi  Goïta")
                .as_deref(),
            Some("PER:assimi goita")
        );
        assert_eq!(c.entities()[0].id, "PER:assimi goita");
    }
}
