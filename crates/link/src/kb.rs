//! User knowledge files (`--kb FILE`): known entities with an id, a type and
//! names, as CSV (`id,type,names` header, names separated by `|`) or JSON
//! Lines (`{"id": …, "type": …, "names": […]}`), e.g. a watch list or an
//! export of Wikidata / OpenSanctions entities. Entities of the dossier whose
//! names match (folded) are linked to the entry's id.
//!
//! The CSV reader is a small hand-written RFC 4180 line reader (quoted
//! fields, doubled quotes; no newlines inside fields), because the format is
//! three columns and the `csv` crate is not among the workspace's
//! dependencies.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::words::{is_acronym, key};
use crate::{EntityType, KbLink, LinkError};

/// One known entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbEntry {
    /// The user's id (a Wikidata QID, an OpenSanctions id, …).
    pub id: String,
    /// Its type, when given and recognised.
    pub kind: Option<EntityType>,
    /// Its names.
    pub names: Vec<String>,
}

/// A loaded knowledge file, indexed by folded name.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    /// The entries, in file order.
    pub entries: Vec<KbEntry>,
    index: HashMap<String, Vec<usize>>,
}

#[derive(Deserialize)]
struct JsonEntry {
    id: serde_json::Value,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    name: Option<String>,
}

/// Splits one CSV line into fields.
fn csv_fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            ',' => {
                out.push(std::mem::take(&mut field));
                at_start = true;
            }
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    out.push(field);
    Ok(out)
}

impl Kb {
    fn from_entries(entries: Vec<KbEntry>) -> Kb {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for n in &e.names {
                let k = key(n);
                if !k.is_empty() {
                    let v = index.entry(k).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        Kb { entries, index }
    }

    fn ids_for(&self, name: &str, kind: EntityType) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .index
            .get(&key(name))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i))
            .filter(|e| e.kind.is_none_or(|k| k == kind))
            .map(|e| e.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Links an entity by its canonical name, else by its aliases (a
    /// person's single-word aliases, such as a bare surname, are not used).
    /// An ambiguous match (several ids) links nothing.
    pub fn link(&self, kind: EntityType, name: &str, aliases: &[String]) -> Option<KbLink> {
        if let [id] = self.ids_for(name, kind).as_slice() {
            return Some(KbLink { id: (*id).to_string(), matched: name.to_string(), confidence: 0.9 });
        }
        let mut found: Vec<(&str, &str)> = Vec::new();
        for a in aliases {
            let single = a.split_whitespace().count() < 2;
            if kind == EntityType::Per && single {
                continue;
            }
            if is_acronym(a) && kind == EntityType::Per {
                continue;
            }
            for id in self.ids_for(a, kind) {
                if !found.iter().any(|f| f.0 == id) {
                    found.push((id, a));
                }
            }
        }
        match found.as_slice() {
            [(id, a)] => Some(KbLink { id: (*id).to_string(), matched: (*a).to_string(), confidence: 0.7 }),
            _ => None,
        }
    }
}

/// Parses a knowledge file's content; `label` names it in errors.
pub fn parse_kb(content: &str, label: &str) -> Result<Kb, LinkError> {
    let err = |line: usize, message: String| LinkError::Format { path: label.to_string(), line, message };
    let first = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut entries = Vec::new();
    if first.trim_start().starts_with('{') {
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let e: JsonEntry = serde_json::from_str(line).map_err(|e| err(n + 1, e.to_string()))?;
            let id = match e.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let mut names = e.names;
            names.extend(e.name);
            entries.push(KbEntry { id, kind: e.kind.as_deref().and_then(EntityType::parse), names });
        }
        return Ok(Kb::from_entries(entries));
    }
    let mut lines = content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((hn, header)) = lines.next() else { return Ok(Kb::default()) };
    let cols: Vec<String> = csv_fields(header.trim_start_matches('\u{feff}')).map_err(|m| err(hn + 1, m))?.iter().map(|c| c.trim().to_lowercase()).collect();
    let col = |name: &str| cols.iter().position(|c| c == name);
    let (Some(ci), Some(cn)) = (col("id"), col("names").or_else(|| col("name"))) else {
        return Err(err(hn + 1, "the header must name the columns id and names (and optionally type)".into()));
    };
    let ct = col("type");
    for (n, line) in lines {
        let f = csv_fields(line).map_err(|m| err(n + 1, m))?;
        let id = f.get(ci).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).ok_or_else(|| err(n + 1, "missing id".into()))?;
        let names: Vec<String> = f.get(cn).map(|s| s.split('|').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()).unwrap_or_default();
        let kind = ct.and_then(|c| f.get(c)).and_then(|t| EntityType::parse(t));
        entries.push(KbEntry { id, kind, names });
    }
    Ok(Kb::from_entries(entries))
}

/// Loads a knowledge file (CSV or JSON Lines, told apart by content).
pub fn load_kb(path: impl AsRef<Path>) -> Result<Kb, LinkError> {
    let path = path.as_ref();
    let label = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|source| LinkError::Io { path: label.clone(), source })?;
    parse_kb(&content, &label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_jsonl() {
        let csv = "id,type,names\nQ1,PER,\"Jean Dupont|J. Dupont\"\nQ2,ORG,Acme Corp|ACME\n";
        let kb = parse_kb(csv, "t.csv").unwrap();
        assert_eq!(kb.entries.len(), 2);
        let l = kb.link(EntityType::Per, "Jean DUPONT", &[]).unwrap();
        assert_eq!(l.id, "Q1");
        assert!(kb.link(EntityType::Org, "Jean Dupont", &[]).is_none());
        let l = kb.link(EntityType::Org, "Acme Corporation", &["ACME".into()]).unwrap();
        assert_eq!((l.id.as_str(), l.confidence), ("Q2", 0.7));
        let jl = "{\"id\":\"x1\",\"type\":\"person\",\"names\":[\"Ana Lima\"]}\n{\"id\":7,\"names\":[\"Lima\"]}\n";
        let kb = parse_kb(jl, "t.jsonl").unwrap();
        assert_eq!(kb.link(EntityType::Per, "Ana Lima", &[]).unwrap().id, "x1");
        assert_eq!(kb.link(EntityType::Loc, "Lima", &[]).unwrap().id, "7");
        // A bare surname alias of a person is not enough.
        assert!(kb.link(EntityType::Per, "Pedro Lima", &["Lima".into()]).is_none());
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(matches!(parse_kb("a,b\n1,2", "x"), Err(LinkError::Format { .. })));
        assert!(matches!(parse_kb("{nope", "x"), Err(LinkError::Format { line: 1, .. })));
        assert!(matches!(parse_kb("id,names\n\"Q1,a", "x"), Err(LinkError::Format { line: 2, .. })));
        assert!(matches!(load_kb("/nonexistent/kb.csv"), Err(LinkError::Io { .. })));
    }
}
