//! Provisional entities: the mentions of one document grouped by folded
//! surface text and type, until cross-document entity linking lands.

use std::collections::BTreeMap;

use dossier_document::Document;
use dossier_text::normalize::{collapse_whitespace, fold};
use dossier_text::Span;

/// One provisional entity of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRef {
    /// The key it is grouped under: `fold_key(name)`.
    pub key: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    pub kind: String,
    /// The most frequent printed form (first seen on ties).
    pub name: String,
    /// Number of mentions.
    pub count: usize,
    /// Where each mention is in the clean text.
    pub spans: Vec<Span>,
}

/// The grouping key of a name: whitespace collapsed, case and accents folded.
pub fn fold_key(name: &str) -> String {
    fold(&collapse_whitespace(name))
}

/// The document's mentions grouped by (type, folded text), in order of first
/// appearance. Empty when the mention layer is absent.
pub fn provisional_entities(doc: &Document) -> Vec<EntityRef> {
    let Some(mentions) = doc.layers.mentions.as_ref() else {
        return Vec::new();
    };
    let mut order: Vec<(String, String)> = Vec::new();
    // (type, folded text) -> (spans, printed forms with counts)
    type Group = (Vec<Span>, Vec<(String, usize)>);
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for m in mentions {
        let Some(surface) = m.span.slice(doc.text()) else {
            continue;
        };
        let printed = collapse_whitespace(surface);
        if printed.is_empty() {
            continue;
        }
        let key = (m.kind.clone(), fold(&printed));
        let entry = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            (Vec::new(), Vec::new())
        });
        entry.0.push(m.span);
        match entry.1.iter_mut().find(|(n, _)| *n == printed) {
            Some((_, c)) => *c += 1,
            None => entry.1.push((printed, 1)),
        }
    }
    order
        .into_iter()
        .filter_map(|key| {
            let (spans, names) = groups.remove(&key)?;
            let mut best: Option<&(String, usize)> = None;
            for n in &names {
                if best.is_none_or(|b| n.1 > b.1) {
                    best = Some(n);
                }
            }
            let name = best.map(|b| b.0.clone()).unwrap_or_default();
            Some(EntityRef {
                key: key.1,
                kind: key.0,
                name,
                count: spans.len(),
                spans,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::Mention;

    #[test]
    fn groups_by_folded_text_and_type() {
        let text = "Sergueï Lavrov a vu SERGUEI LAVROV. Mali, Mali.".to_string();
        let mut d = Document::from_parts("x".into(), "s".into(), text);
        let m = |s, e, k: &str| Mention {
            span: Span::new(s, e),
            kind: k.into(),
            score: 1.0,
        };
        d.layers.mentions = Some(vec![
            m(0, 15, "PER"),
            m(21, 35, "PER"),
            m(37, 41, "LOC"),
            m(43, 47, "LOC"),
            m(0, 99, "PER"),
        ]);
        let e = provisional_entities(&d);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].key, "serguei lavrov");
        assert_eq!(e[0].count, 2);
        assert_eq!(e[0].name, "Sergueï Lavrov");
        assert_eq!(e[1].name, "Mali");
    }
}
