//! `dossier report` on the ingested seeds: the three formats, and every
//! citation resolving to an existing sentence.

mod common;

use std::collections::HashSet;

use common::{dossier, repo_root, stdout};
use serde_json::Value;

#[test]
fn report_formats_and_citations_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("examples/seeds");
    let out = dossier(dir.path(), &["ingest", seeds.to_str().unwrap(), "--no-table"]);
    assert!(out.status.success());

    let md = dossier(dir.path(), &["report", "--format", "md"]);
    assert!(md.status.success(), "{}", String::from_utf8_lossy(&md.stderr));
    let md = stdout(&md);
    for section in ["## Sources", "## Actors", "## Timeline", "## Quotes", "## Relations"] {
        assert!(md.contains(section), "missing {section}");
    }

    // JSON: every citation points at a sentence that exists, and the
    // sentence text is what the offsets cover.
    let json = dossier(dir.path(), &["report", "--format", "json"]);
    let r: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(r["overview"]["articles"], 5);
    let mut cites: Vec<&Value> = Vec::new();
    for t in r["timeline"].as_array().unwrap() {
        cites.extend(t["cites"].as_array().unwrap());
    }
    for e in r["entities"].as_array().unwrap() {
        cites.extend(e["cites"].as_array().unwrap());
        for role in e["roles"].as_array().unwrap() {
            cites.push(&role["cite"]);
        }
    }
    for q in r["quotes"].as_array().unwrap() {
        cites.push(&q["cite"]);
    }
    assert!(cites.len() > 20, "too few citations: {}", cites.len());
    for c in &cites {
        let doc = c["doc"].as_str().unwrap();
        let art = r["articles"].as_array().unwrap().iter().find(|a| a["id"] == doc).expect("cited article");
        let sentence = art["sentences"][c["sentence"].as_u64().unwrap() as usize].as_str().expect("cited sentence");
        assert!(!sentence.is_empty());
        let show = dossier(dir.path(), &["show", doc, "--json"]);
        let rec: Value = serde_json::from_str(&stdout(&show)).unwrap();
        let text: String = rec["text"]
            .as_str()
            .unwrap()
            .chars()
            .skip(c["start"].as_u64().unwrap() as usize)
            .take((c["end"].as_u64().unwrap() - c["start"].as_u64().unwrap()) as usize)
            .collect();
        assert_eq!(text, sentence);
    }

    // HTML: self-contained, no script, every citation link has its target.
    let html_path = dir.path().join("report.html");
    let html = dossier(dir.path(), &["report", "--format", "html", "--output", html_path.to_str().unwrap()]);
    assert!(html.status.success());
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(!html.contains("<script"));
    let ids: HashSet<&str> = html.split("id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    let hrefs: Vec<&str> = html.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(!hrefs.is_empty());
    for h in hrefs {
        assert!(ids.contains(h), "citation #{h} has no target");
    }

    // Filters: an entity, a date range.
    let lavrov = dossier(dir.path(), &["report", "--format", "json", "--entity", "Lavrov"]);
    let r: Value = serde_json::from_str(&stdout(&lavrov)).unwrap();
    assert_eq!(r["overview"]["articles"], 2, "Lavrov is named in two seeds");
    let june = dossier(dir.path(), &["report", "--format", "json", "--from", "2025-06-01", "--to", "2025-06-30"]);
    let r: Value = serde_json::from_str(&stdout(&june)).unwrap();
    assert_eq!(r["overview"]["articles"], 2, "000 (2025-06) and 004 (2025-06-23)");
    let entities = stdout(&dossier(dir.path(), &["export", "entities"]));
    assert!(entities.starts_with("id,type,name,aliases,articles,mentions"));
    assert!(entities.lines().any(|l| l.starts_with("per:assimi-goita,PER,Assimi Goïta")), "{entities}");
    let events = stdout(&dossier(dir.path(), &["export", "events"]));
    assert!(events.lines().count() > 5);
    let articles = stdout(&dossier(dir.path(), &["export", "articles"]));
    assert_eq!(articles.lines().count(), 5);
    let graph = dossier(dir.path(), &["report", "--format", "graph"]);
    let g: Value = serde_json::from_str(&stdout(&graph)).unwrap();
    assert!(g["edges"].as_array().is_some_and(|e| !e.is_empty()));
}
