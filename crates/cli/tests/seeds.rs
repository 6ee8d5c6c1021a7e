//! The Foundation acceptance checks on the bundled seeds, against
//! `../shared/gold/seeds.json` (skipped with a message when absent).

mod common;

use common::{dossier, repo_root, shared, stdout};
use serde_json::Value;

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_string()).collect()
}

#[test]
fn seeds_match_gold() {
    let Some(shared) = shared() else { return };
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(shared.join("gold/seeds.json")).unwrap()).unwrap();
    let seeds = repo_root().join("examples/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut args = vec!["extract".to_string()];
    args.extend(files.iter().map(|p| p.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    let out = dossier(&repo_root(), &args);
    assert!(out.status.success());
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 5);

    let mut problems = Vec::new();
    for g in gold["documents"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let rec = records.iter().find(|r| r["source"].as_str().unwrap().ends_with(file)).unwrap();
        let text = rec["text"].as_str().unwrap();
        let text_lines = lines(text);
        let paras = paragraphs(text);
        for body in g["body_lines"].as_array().unwrap() {
            let body = body.as_str().unwrap().trim();
            if !text_lines.iter().any(|l| l == body) {
                problems.push(format!("{file}: body line missing: {body}"));
            }
        }
        for bp in g["boilerplate_lines"].as_array().unwrap() {
            let bp = bp.as_str().unwrap().trim();
            if paras.iter().any(|p| p == bp) {
                problems.push(format!("{file}: boilerplate kept: {bp}"));
            }
        }
        for meta in g["metadata_lines"].as_array().unwrap() {
            let meta = meta.as_str().unwrap().trim();
            if text_lines.iter().any(|l| l == meta) {
                problems.push(format!("{file}: metadata line left in text: {meta}"));
            }
        }
        if rec["title"] != g["title"] {
            problems.push(format!("{file}: title {} != {}", rec["title"], g["title"]));
        }
        if text_lines.iter().any(|l| Some(l.as_str()) == g["title"].as_str()) {
            problems.push(format!("{file}: title repeated in text"));
        }
        if rec["author"] != g["author"] {
            problems.push(format!("{file}: author {} != {}", rec["author"], g["author"]));
        }
        if rec["dateline"] != g["dateline"] {
            problems.push(format!("{file}: dateline {} != {}", rec["dateline"], g["dateline"]));
        }
        if rec["language"] != "fr" {
            problems.push(format!("{file}: language {}", rec["language"]));
        }
        let published = &rec["published"];
        match (&g["published"], &g["published_estimate"]) {
            (Value::Object(gp), _) => {
                let value = published["value"].as_str().unwrap_or("");
                let ok = if gp["precision"] == "minute" {
                    // Day or minute precision accepted; the day must agree.
                    value.get(..10) == gp["value"].as_str().and_then(|v| v.get(..10))
                } else {
                    published["value"] == gp["value"] && published["precision"] == gp["precision"]
                };
                if !ok || published["estimated"] == true {
                    problems.push(format!("{file}: published {published} != {}", g["published"]));
                }
            }
            (_, Value::Object(est)) => {
                if !published.is_null() {
                    // An estimate must be flagged and agree with the body.
                    let value = published["value"].as_str().unwrap_or("");
                    let not_before = est["not_before"].as_str().unwrap_or("");
                    let not_after = est["not_after"].as_str().unwrap_or("9999");
                    let prefix_ok = not_before.get(..value.len()).is_some_and(|nb| value >= nb)
                        && not_after.get(..value.len()).is_none_or(|na| value <= na);
                    if published["estimated"] != true || !prefix_ok {
                        problems.push(format!("{file}: published {published} is not a sound flagged estimate"));
                    }
                }
            }
            _ => {
                if !published.is_null() {
                    problems.push(format!("{file}: published should be null, got {published}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}
