//! Assembles a [`Report`] from analysed documents and resolved entities and
//! quotes: events per article (with resolved actors), merged across
//! articles, the timeline, relations, stories and duplicates.

use std::collections::{BTreeMap, HashMap};

use dossier_document::Document;
use dossier_events::{ActorMention, EventDoc};
use dossier_stories::{group_stories, DedupIndex, StoryInput};
use dossier_text::{CharIndex, Span};

use crate::model::*;

/// An entity as resolved across documents (by `dossier-link`).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedEntity {
    /// Stable id.
    pub id: String,
    /// `PER`, `ORG`, `LOC`.
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other forms.
    pub aliases: Vec<String>,
    /// Roles: (role, doc id, byte span of its evidence).
    pub roles: Vec<(String, String, Span)>,
    /// Linked id (knowledge file, gazetteer).
    pub linked_id: Option<String>,
    /// The gazetteer place of a location.
    pub place: Option<PlaceInfo>,
    /// Why merged.
    pub merge_reasons: Vec<String>,
    /// Mentions: (doc id, byte span).
    pub mentions: Vec<(String, Span)>,
}

/// A quote with its resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedQuote {
    /// Document id.
    pub doc: String,
    /// Byte span of the quoted words.
    pub span: Span,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Speech verb.
    pub verb: Option<String>,
}

/// Per-document helpers: sentences and byte → code-point conversion.
struct DocIndex<'a> {
    doc: &'a Document,
    sentences: Vec<Span>,
    chars: CharIndex,
}

impl<'a> DocIndex<'a> {
    fn new(doc: &'a Document) -> Self {
        let sentences = doc.layers.sentences.clone().unwrap_or_else(|| {
            // No sentence layer: one "sentence" per paragraph.
            let text = doc.text();
            let mut out = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                let end = start + part.len();
                if !part.trim().is_empty() {
                    out.push(Span::new(start, end));
                }
                start = end + 2;
            }
            out
        });
        DocIndex { doc, chars: CharIndex::new(doc.text()), sentences }
    }

    /// The citation of the sentence holding byte offset `at`.
    fn cite(&self, at: usize) -> Option<Citation> {
        let i = self.sentences.partition_point(|s| s.end <= at).min(self.sentences.len().checked_sub(1)?);
        let s = self.sentences.get(i)?;
        Some(Citation {
            doc: self.doc.id.clone(),
            sentence: i,
            start: self.chars.char_offset(s.start),
            end: self.chars.char_offset(s.end),
        })
    }
}

fn outlet(doc: &Document) -> Option<String> {
    if let Some(s) = &doc.metadata.site_name {
        return Some(s.value.clone());
    }
    let url = doc.url.as_deref()?;
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.trim_start_matches("www.").to_string())
}

/// Builds the report.
pub fn assemble(docs: &[Document], entities: &[ResolvedEntity], quotes: &[ResolvedQuote]) -> Report {
    let indexes: HashMap<&str, DocIndex> = docs.iter().map(|d| (d.id.as_str(), DocIndex::new(d))).collect();
    let cite = |doc: &str, at: usize| indexes.get(doc).and_then(|ix| ix.cite(at));

    // Mention → entity, for events.
    let mut actors_by_doc: HashMap<&str, Vec<ActorMention>> = HashMap::new();
    for e in entities {
        for (doc, span) in &e.mentions {
            actors_by_doc.entry(doc.as_str()).or_default().push(ActorMention {
                span: *span,
                kind: e.kind.clone(),
                entity: e.id.clone(),
                name: e.name.clone(),
            });
        }
    }
    for v in actors_by_doc.values_mut() {
        v.sort_by_key(|a| (a.span.start, a.span.end));
    }

    // Events, per document then merged.
    let mut mentions = Vec::new();
    for doc in docs {
        let Some(ix) = indexes.get(doc.id.as_str()) else { continue };
        let lang = doc.metadata.language.as_ref().map_or("", |l| l.value.as_str());
        let actors = actors_by_doc.get(doc.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let published = doc.metadata.published.as_ref().filter(|p| !p.estimated);
        let ed = EventDoc { doc_id: &doc.id, text: doc.text(), lang, published, sentences: &ix.sentences, actors };
        mentions.extend(dossier_events::extract(&ed));
    }
    let events = dossier_events::merge(mentions);
    let timeline: Vec<TimelineItem> = dossier_events::timeline(&events)
        .into_iter()
        .map(|t| {
            let e = t.event;
            TimelineItem {
                id: e.id.clone(),
                point: t.point,
                precision: t.precision,
                kind: e.kind,
                participants: e.participants.iter().map(|p| (p.entity.clone(), p.name.clone())).collect(),
                place: e.place.as_ref().map(|p| (p.entity.clone(), p.name.clone())),
                times_disagree: e.times_disagree(),
                times: e.times.clone(),
                triggers: e.sources.iter().map(|s| s.trigger_text.clone()).collect(),
                cites: e.sources.iter().filter_map(|s| cite(&s.doc_id, s.sentence.start)).collect(),
            }
        })
        .collect();

    // Relations: pairs of participants of each dated event.
    let mut relations: BTreeMap<(String, String, String), Relation> = BTreeMap::new();
    for item in &timeline {
        for (i, a) in item.participants.iter().enumerate() {
            for b in item.participants.iter().skip(i + 1) {
                let (x, y) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                let key = (x.0.clone(), y.0.clone(), item.kind.as_str().to_string());
                let r = relations.entry(key).or_insert_with(|| Relation {
                    source: x.0.clone(),
                    target: y.0.clone(),
                    kind: item.kind,
                    points: Vec::new(),
                    events: Vec::new(),
                    cites: Vec::new(),
                });
                r.points.push(item.point.clone());
                r.events.push(item.id.clone());
                r.cites.extend(item.cites.iter().cloned());
            }
        }
    }

    // Duplicates and stories.
    let mut dedup = DedupIndex::new();
    for d in docs {
        dedup.insert(&d.id, d.text());
    }
    let duplicates: Vec<Vec<String>> = dedup.clusters().into_iter().filter(|c| c.len() > 1).collect();
    let duplicate_of: HashMap<&str, &str> = duplicates
        .iter()
        .flat_map(|c| c.iter().skip(1).map(move |m| (m.as_str(), c[0].as_str())))
        .collect();
    let mut entities_by_doc: HashMap<&str, Vec<String>> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind != "LOC") {
        for (doc, _) in &e.mentions {
            let v = entities_by_doc.entry(doc.as_str()).or_default();
            if !v.contains(&e.id) {
                v.push(e.id.clone());
            }
        }
    }
    let story_inputs: Vec<StoryInput> = docs
        .iter()
        .map(|d| StoryInput {
            id: d.id.clone(),
            text: d.text().to_string(),
            entities: entities_by_doc.get(d.id.as_str()).cloned().unwrap_or_default(),
            date: d.metadata.published.as_ref().map(|p| p.value.clone()),
        })
        .collect();
    let stories: Vec<StoryGroup> = group_stories(&story_inputs)
        .into_iter()
        .filter(|s| s.members.len() > 1)
        .map(|s| StoryGroup { id: s.id, articles: s.members, entities: s.entities, first: s.first_date, last: s.last_date })
        .collect();
    let story_of: HashMap<&str, &str> =
        stories.iter().flat_map(|s| s.articles.iter().map(move |a| (a.as_str(), s.id.as_str()))).collect();

    // Articles, by date (undated last).
    let mut articles: Vec<Article> = docs
        .iter()
        .map(|d| {
            let m = &d.metadata;
            let sentences = indexes
                .get(d.id.as_str())
                .map(|ix| ix.sentences.iter().map(|s| d.slice(*s).to_string()).collect())
                .unwrap_or_default();
            Article {
                id: d.id.clone(),
                title: m.title.as_ref().map(|t| t.value.clone()),
                source: d.source.clone(),
                url: d.url.clone(),
                outlet: outlet(d),
                published: m.published.clone(),
                language: m.language.as_ref().map(|l| l.value.clone()),
                authors: m.authors.iter().map(|a| a.value.clone()).collect(),
                story: story_of.get(d.id.as_str()).map(|s| s.to_string()),
                duplicate_of: duplicate_of.get(d.id.as_str()).map(|s| s.to_string()),
                sentences,
            }
        })
        .collect();
    articles.sort_by(|a, b| {
        let ka = a.published.as_ref().map(|p| p.value.clone());
        let kb = b.published.as_ref().map(|p| p.value.clone());
        (ka.is_none(), ka, &a.source).cmp(&(kb.is_none(), kb, &b.source))
    });

    // Entities, most mentioned first.
    let mut cards: Vec<Entity> = entities
        .iter()
        .map(|e| {
            let mut docs_seen: Vec<String> = Vec::new();
            let mut cites = Vec::new();
            for (doc, span) in &e.mentions {
                if !docs_seen.contains(doc) {
                    docs_seen.push(doc.clone());
                    cites.extend(cite(doc, span.start));
                }
            }
            Entity {
                id: e.id.clone(),
                kind: e.kind.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                roles: e
                    .roles
                    .iter()
                    .filter_map(|(role, doc, span)| Some(Role { role: role.clone(), cite: cite(doc, span.start)? }))
                    .collect(),
                linked_id: e.linked_id.clone(),
                place: e.place.clone(),
                merge_reasons: e.merge_reasons.clone(),
                articles: docs_seen,
                mentions: e.mentions.len(),
                cites,
            }
        })
        .collect();
    cards.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)));

    let names: HashMap<&str, &str> = entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let mut quote_items: Vec<Quote> = quotes
        .iter()
        .filter_map(|q| {
            let doc = indexes.get(q.doc.as_str())?.doc;
            Some(Quote {
                speaker: q.speaker.clone(),
                speaker_name: q.speaker.as_deref().and_then(|s| names.get(s)).map(|s| s.to_string()),
                verb: q.verb.clone(),
                text: doc.slice(q.span).to_string(),
                cite: cite(&q.doc, q.span.start)?,
            })
        })
        .collect();
    let speaker_rank: HashMap<&str, usize> = cards.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    quote_items.sort_by_key(|q| {
        (q.speaker.as_deref().and_then(|s| speaker_rank.get(s).copied()).unwrap_or(usize::MAX), q.cite.clone())
    });

    let mut outlets: Vec<String> = articles.iter().filter_map(|a| a.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    for a in &articles {
        *languages.entry(a.language.clone().unwrap_or_else(|| "?".into())).or_default() += 1;
    }
    let dated: Vec<&str> = articles.iter().filter_map(|a| a.published.as_ref().map(|p| p.value.as_str())).collect();
    let overview = Overview {
        articles: articles.len(),
        outlets: outlets.len(),
        languages: languages.into_iter().collect(),
        from: dated.iter().min().map(|s| s.to_string()),
        to: dated.iter().max().map(|s| s.to_string()),
        undated: articles.len() - dated.len(),
    };

    Report {
        format_version: REPORT_FORMAT_VERSION,
        overview,
        articles,
        entities: cards,
        timeline,
        quotes: quote_items,
        relations: relations.into_values().collect(),
        stories,
        duplicates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::{DateValue, Evidenced, Precision};
    use dossier_text::OffsetMap;

    fn doc(id: &str, text: &str, date: &str) -> Document {
        let mut d = Document::from_parts(id.into(), format!("{id}.txt"), text.into());
        let _ = d.offsets == OffsetMap::default();
        d.metadata.language = Some(Evidenced::new("fr".into(), "test"));
        d.metadata.title = Some(Evidenced::new(format!("Titre {id}"), "test"));
        let (y, m, dd) = (date[..4].parse().unwrap(), date[5..7].parse().unwrap(), date[8..10].parse().unwrap());
        d.metadata.published = Some(DateValue::from_parts(y, m, dd, None, Precision::Day, date));
        let mut sentences = Vec::new();
        let mut start = 0;
        for part in text.split_inclusive(". ") {
            sentences.push(Span::new(start, start + part.trim_end().len()));
            start += part.len();
        }
        d.layers.sentences = Some(sentences);
        d
    }

    fn entity(id: &str, kind: &str, name: &str, docs: &[&Document]) -> ResolvedEntity {
        let mentions = docs
            .iter()
            .flat_map(|d| {
                d.text().match_indices(name).map(|(i, _)| (d.id.clone(), Span::new(i, i + name.len()))).collect::<Vec<_>>()
            })
            .collect();
        ResolvedEntity {
            id: id.into(),
            kind: kind.into(),
            name: name.into(),
            aliases: vec![],
            roles: vec![],
            linked_id: None,
            place: None,
            merge_reasons: vec![],
            mentions,
        }
    }

    #[test]
    fn every_citation_points_at_an_existing_sentence() {
        let a = doc("aaaa1111", "Jeanne Roy a rencontré Paul Amar lundi à Lyon. Le temps était doux. ", "2024-05-08");
        let b = doc("bbbb2222", "La rencontre entre Jeanne Roy et Paul Amar a eu lieu le 6 mai 2024 à Lyon. Rien d'autre. ", "2024-05-09");
        let entities = vec![
            entity("per:jeanne-roy", "PER", "Jeanne Roy", &[&a, &b]),
            entity("per:paul-amar", "PER", "Paul Amar", &[&a, &b]),
            entity("loc:lyon", "LOC", "Lyon", &[&a, &b]),
        ];
        let quotes = vec![ResolvedQuote { doc: a.id.clone(), span: Span::new(0, 10), speaker: Some("per:jeanne-roy".into()), verb: None }];
        let docs = vec![a, b];
        let r = assemble(&docs, &entities, &quotes);
        assert_eq!(r.overview.articles, 2);
        assert!(!r.timeline.is_empty(), "{r:#?}");
        // Both reports of the meeting merge into one event on 2024-05-06.
        let meeting = &r.timeline[0];
        assert_eq!(meeting.point, "2024-05-06");
        assert_eq!(meeting.cites.len(), 2);
        let mut all: Vec<&Citation> = Vec::new();
        all.extend(r.timeline.iter().flat_map(|t| &t.cites));
        all.extend(r.entities.iter().flat_map(|e| &e.cites));
        all.extend(r.quotes.iter().map(|q| &q.cite));
        all.extend(r.relations.iter().flat_map(|x| &x.cites));
        assert!(!all.is_empty());
        for c in all {
            let art = r.articles.iter().find(|a| a.id == c.doc).expect("cited article exists");
            let sentence = art.sentences.get(c.sentence).expect("cited sentence exists");
            let doc = docs.iter().find(|d| d.id == c.doc).unwrap();
            let text: String = doc.text().chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(&text, sentence);
        }
        assert!(crate::html(&r).contains("href=\"#s-aaaa1111-0\""));
        assert!(crate::markdown(&r).contains("## Timeline"));
        let back: Report = serde_json::from_str(&crate::json(&r)).unwrap();
        assert_eq!(back, r);
        // The documented schema's required keys are what we print.
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../docs/report.schema.json")).unwrap();
        let printed: serde_json::Value = serde_json::from_str(&crate::json(&r)).unwrap();
        for key in schema["required"].as_array().unwrap() {
            assert!(printed.get(key.as_str().unwrap()).is_some(), "missing {key}");
        }
        for (key, _) in printed.as_object().unwrap() {
            assert!(schema["properties"].get(key).is_some(), "undocumented {key}");
        }
        for (key, _) in printed["timeline"][0].as_object().unwrap() {
            assert!(schema["properties"]["timeline"]["items"]["properties"].get(key).is_some(), "undocumented timeline.{key}");
        }
    }
}
