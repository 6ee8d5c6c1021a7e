//! What the pages know across documents: entities and events.
//!
//! The pages read cross-document knowledge only through [`Knowledge`], so
//! that entity linking and event extraction, when they land, plug in by
//! implementing it (or by filling [`Catalog`]'s `events`) without touching
//! the templates. Until then [`Catalog::load`] provides *provisional*
//! entities: mentions of the NER layer grouped by folded surface text and
//! type over all documents (`PER:serguei lavrov`), and no events.

use std::collections::{BTreeMap, HashMap};

use dossier_document::{DateValue, Document};
use dossier_search::{fold_key, provisional_entities, site_of};
use dossier_text::Span;
use serde::Serialize;

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
}

/// Cross-document knowledge. Implementations must be cheap to query: the
/// pages call these per request.
pub trait Knowledge: Send + Sync {
    /// All entities, most mentioned first.
    fn entities(&self) -> Vec<EntitySummary>;
    /// One entity by id.
    fn entity(&self, id: &str) -> Option<EntityDetail>;
    /// The entity a mention of document `doc_id` belongs to.
    fn entity_of_mention(&self, doc_id: &str, kind: &str, surface: &str) -> Option<String>;
    /// Events, in date order.
    fn events(&self) -> Vec<EventView>;
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
        for doc in docs {
            c.add(&doc);
        }
        c.finish();
        c
    }

    fn add(&mut self, doc: &Document) {
        let idx = self.docs.len();
        let mut entities = Vec::new();
        for e in provisional_entities(doc) {
            let id = format!("{}:{}", e.kind, e.key);
            let p = self.entities.entry(id.clone()).or_insert_with(|| ProvEntity { kind: e.kind.clone(), ..Default::default() });
            for s in &e.spans {
                if let Some(t) = s.slice(doc.text()) {
                    *p.names.entry(dossier_text::normalize::collapse_whitespace(t)).or_insert(0) += 1;
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
        self.docs = order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect();
        for e in self.entities.values_mut() {
            for d in &mut e.docs {
                *d = new_pos.get(*d).copied().unwrap_or(*d);
            }
            e.docs.sort_unstable();
            e.docs.dedup();
        }
        self.by_id = self.docs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
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

fn ranked_names(e: &ProvEntity) -> Vec<(String, usize)> {
    let mut names: Vec<(String, usize)> = e.names.iter().map(|(n, c)| (n.clone(), *c)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names
}

impl Knowledge for Catalog {
    fn entities(&self) -> Vec<EntitySummary> {
        let mut all: Vec<EntitySummary> = self.entities.iter().map(|(id, e)| self.summary(id, e)).collect();
        all.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then_with(|| a.id.cmp(&b.id)));
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
                let name = ranked_names(o).first().map(|x| x.0.clone()).unwrap_or_default();
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
            articles: e.docs.iter().filter_map(|&d| self.docs.get(d).map(|x| x.id.clone())).collect(),
            cooccurring,
        })
    }

    fn entity_of_mention(&self, _doc_id: &str, kind: &str, surface: &str) -> Option<String> {
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
                ms.push(Mention { span: Span::new(at, at + name.len()), kind: kind.to_string(), score: 1.0 });
            }
        }
        d.layers.mentions = Some(ms);
        d.metadata.title = Some(Evidenced::new(id.to_string(), id));
        d.metadata.published =
            date.map(|v| DateValue { value: v.into(), precision: Precision::Day, evidence: v.into(), estimated: false });
        d
    }

    #[test]
    fn groups_across_documents() {
        let c = Catalog::load([
            doc("b", "Assimi Goïta à Bamako", &[("Assimi Goïta", "PER"), ("Bamako", "LOC")], Some("2025-02-01")),
            doc("a", "ASSIMI GOITA", &[("ASSIMI GOITA", "PER")], Some("2025-01-01")),
            doc("c", "rien", &[], None),
        ]);
        assert_eq!(c.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        let e = c.entity("PER:assimi goita").unwrap();
        assert_eq!(e.articles, ["a", "b"]);
        assert_eq!(e.names.len(), 2);
        assert_eq!(e.cooccurring[0].0, "LOC:bamako");
        assert_eq!(c.entity_of_mention("b", "PER", "Assimi  Goïta").as_deref(), Some("PER:assimi goita"));
        assert_eq!(c.entities()[0].id, "PER:assimi goita");
    }
}
