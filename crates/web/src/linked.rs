//! [`Knowledge`] from the linked dossier (`dossier-report`: entities
//! resolved across documents by `dossier-link`, with aliases, roles, links
//! to a knowledge base, quotes; events merged across articles on a
//! timeline). Used by the server when it can be built; the provisional
//! [`crate::Catalog`] knowledge is the fallback.

use std::collections::{BTreeSet, HashMap};

use dossier_document::Document;
use dossier_text::Span;

use crate::knowledge::{EntityDetail, EntitySummary, EventView, Knowledge};

/// Knowledge read from the assembled report.
pub struct LinkedKnowledge {
    entities: Vec<EntityDetail>,
    by_id: HashMap<String, usize>,
    /// (doc, start, end) of a mention -> entity id.
    mentions: HashMap<(String, usize, usize), String>,
    events: Vec<EventView>,
    quotes: HashMap<String, Vec<(String, Option<Span>, String)>>,
    /// Article -> (story id, other articles of the story).
    stories: HashMap<String, (String, Vec<String>)>,
    /// Article -> its near-duplicate copies.
    copies: HashMap<String, Vec<String>>,
}

impl LinkedKnowledge {
    /// Resolves the entities of `docs` and assembles the report (no
    /// knowledge base). Cost: one pass of linking and event extraction.
    pub fn build(docs: &[Document]) -> Self {
        let dossier = dossier_report::resolve(docs, None);
        let report = dossier_report::report(docs, &dossier);
        let mut mentions = HashMap::new();
        for e in &dossier.entities {
            for m in &e.mentions {
                mentions.insert((m.doc.clone(), m.span.start, m.span.end), e.id.clone());
            }
        }
        // Citations give sentence indices; pages anchor sentences by byte span.
        let docs_by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
        let articles_by_id: HashMap<&str, &dossier_report::Article> =
            report.articles.iter().map(|a| (a.id.as_str(), a)).collect();
        let sentence_span = |doc: &str, idx: usize| -> Option<Span> {
            docs_by_id.get(doc)?.layers.sentences.as_ref()?.get(idx).copied()
        };
        let sentence_text = |doc: &str, idx: usize| -> String {
            articles_by_id.get(doc).and_then(|a| a.sentences.get(idx).cloned()).unwrap_or_default()
        };
        // Co-occurrence over articles.
        let mut per_article: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in report.entities.iter().enumerate() {
            for a in &e.articles {
                per_article.entry(a.as_str()).or_default().push(i);
            }
        }
        let order: HashMap<&str, usize> = report
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let entities: Vec<EntityDetail> = report
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut co: HashMap<usize, usize> = HashMap::new();
                for a in &e.articles {
                    for &j in per_article.get(a.as_str()).into_iter().flatten() {
                        if j != i {
                            *co.entry(j).or_insert(0) += 1;
                        }
                    }
                }
                let mut cooccurring: Vec<(String, String, String, usize)> = co
                    .into_iter()
                    .filter_map(|(j, n)| {
                        let o = report.entities.get(j)?;
                        Some((o.id.clone(), o.name.clone(), o.kind.clone(), n))
                    })
                    .collect();
                cooccurring.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.1.cmp(&b.1)));
                cooccurring.truncate(40);
                let mut articles = e.articles.clone();
                articles.sort_by_key(|a| order.get(a.as_str()).copied().unwrap_or(usize::MAX));
                let roles: BTreeSet<String> = e.roles.iter().map(|r| r.role.clone()).collect();
                let mut names = vec![(e.name.clone(), e.mentions)];
                names.extend(
                    e.aliases
                        .iter()
                        .filter(|a| **a != e.name)
                        .map(|a| (a.clone(), 0)),
                );
                EntityDetail {
                    summary: EntitySummary {
                        id: e.id.clone(),
                        kind: e.kind.clone(),
                        name: e.name.clone(),
                        aliases: e
                            .aliases
                            .iter()
                            .filter(|a| **a != e.name)
                            .cloned()
                            .collect(),
                        articles: e.articles.len(),
                        mentions: e.mentions,
                    },
                    names,
                    roles: roles.into_iter().collect(),
                    linked_id: e.linked_id.clone(),
                    place: e.place.as_ref().map(|p| (p.country.clone(), p.coordinates)),
                    articles,
                    cooccurring,
                }
            })
            .collect();
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.summary.id.clone(), i))
            .collect();
        let events = report
            .timeline
            .iter()
            .map(|t| {
                let cite = t.cites.first();
                let mut ids: Vec<String> = t.participants.iter().map(|p| p.0.clone()).collect();
                let mut names: Vec<String> = t.participants.iter().map(|p| p.1.clone()).collect();
                if let Some((id, name)) = &t.place {
                    ids.push(id.clone());
                    names.push(format!("@ {name}"));
                }
                EventView {
                    date: t.point.clone(),
                    precision: t.precision.clone(),
                    kind: t.kind.as_str().to_string(),
                    label: t.triggers.join(", "),
                    doc_id: cite.map(|c| c.doc.clone()).unwrap_or_default(),
                    span: cite.and_then(|c| sentence_span(&c.doc, c.sentence)),
                    entities: ids,
                    names,
                    excerpt: cite
                        .map(|c| sentence_text(&c.doc, c.sentence))
                        .unwrap_or_default(),
                    reports: t.cites.len(),
                }
            })
            .collect();
        let mut quotes: HashMap<String, Vec<(String, Option<Span>, String)>> = HashMap::new();
        for q in &report.quotes {
            if let Some(speaker) = &q.speaker {
                quotes.entry(speaker.clone()).or_default().push((
                    q.cite.doc.clone(),
                    sentence_span(&q.cite.doc, q.cite.sentence),
                    q.text.clone(),
                ));
            }
        }
        let mut stories = HashMap::new();
        for st in &report.stories {
            for a in &st.articles {
                let others: Vec<String> = st.articles.iter().filter(|x| *x != a).cloned().collect();
                stories.insert(a.clone(), (st.id.clone(), others));
            }
        }
        let mut copies = HashMap::new();
        for group in &report.duplicates {
            for a in group {
                copies.insert(a.clone(), group.iter().filter(|x| *x != a).cloned().collect());
            }
        }
        LinkedKnowledge {
            entities,
            by_id,
            mentions,
            events,
            quotes,
            stories,
            copies,
        }
    }

    /// Number of resolved entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when no entity was resolved (e.g. no mention layer).
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

impl Knowledge for LinkedKnowledge {
    fn story_of(&self, doc_id: &str) -> Option<(String, Vec<String>)> {
        self.stories.get(doc_id).cloned()
    }

    fn copies_of(&self, doc_id: &str) -> Vec<String> {
        self.copies.get(doc_id).cloned().unwrap_or_default()
    }

    fn entities(&self) -> Vec<EntitySummary> {
        let mut all: Vec<EntitySummary> = self.entities.iter().map(|e| e.summary.clone()).collect();
        crate::knowledge::sort_by_prominence(&mut all);
        all
    }

    fn entity(&self, id: &str) -> Option<EntityDetail> {
        self.by_id
            .get(id)
            .and_then(|&i| self.entities.get(i))
            .cloned()
    }

    fn entity_of_mention(
        &self,
        doc_id: &str,
        span: Span,
        _kind: &str,
        _surface: &str,
    ) -> Option<String> {
        self.mentions
            .get(&(doc_id.to_string(), span.start, span.end))
            .cloned()
    }

    fn events(&self) -> Vec<EventView> {
        self.events.clone()
    }

    fn quotes_of(&self, entity: &str) -> Vec<(String, Option<Span>, String)> {
        self.quotes.get(entity).cloned().unwrap_or_default()
    }

    fn provenance(&self) -> &'static str {
        "entities resolved across articles (dossier-link), events merged across articles (dossier-events)"
    }
}
