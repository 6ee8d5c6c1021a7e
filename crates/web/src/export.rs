//! Exports: JSON Lines of articles, CSV of entities and events.
//!
//! CSV fields are quoted when needed (RFC 4180), and a field starting with
//! `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheets do not
//! run page text as a formula.

use std::io::Write;

use dossier_store::Store;

use crate::knowledge::{EntitySummary, EventView};

/// One CSV field.
pub fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn csv_line(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Entities as CSV: id, type, name, aliases (`|`-separated), articles, mentions.
pub fn entities_csv(entities: &[EntitySummary]) -> String {
    let mut out = csv_line(&["id", "type", "name", "aliases", "articles", "mentions"]);
    for e in entities {
        out.push_str(&csv_line(&[
            &e.id,
            &e.kind,
            &e.name,
            &e.aliases.join("|"),
            &e.articles.to_string(),
            &e.mentions.to_string(),
        ]));
    }
    out
}

/// Events as CSV: date, precision, type, label, article, entities.
pub fn events_csv(events: &[EventView]) -> String {
    let mut out = csv_line(&["date", "precision", "type", "label", "article", "entities"]);
    for e in events {
        out.push_str(&csv_line(&[
            &e.date,
            &e.precision,
            &e.kind,
            &e.label,
            &e.doc_id,
            &e.entities.join("|"),
        ]));
    }
    out
}

/// Every stored document as one JSON object per line.
pub fn articles_jsonl(
    store: &Store,
    out: &mut impl Write,
) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    let mut n = 0;
    for s in store.list()? {
        if let Some(doc) = store.get(&s.id)? {
            serde_json::to_writer(&mut *out, &doc)?;
            out.write_all(b"\n")?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_guards() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-1,2"), "\"'-1,2\"");
    }
}
