//! Evaluation task `timeline`: the events and timeline of the dossier built
//! from the seed pages (real pipeline: extract → language → NER → link →
//! events), scored against `../shared/gold/seeds-dossier.json`:
//!
//! * a gold event is found when a timeline entry gives one of its times at
//!   the gold precision (the entry's point, or any of its times' points) and
//!   names at least one of its participants (case and accents ignored; an
//!   entity's aliases count); each entry matches at most one gold event;
//! * entries matching no gold event are counted;
//! * order: the matched entries' order on the timeline is compared with
//!   `timeline_order` (number of pairs in the wrong order).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dossier_document::{PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_ner::NerStage;
use dossier_text::normalize::fold;
use serde_json::Value;

/// Options of the `timeline` task.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of seed pages (default: the repository's examples/seeds).
    #[arg(long, default_value = "examples/seeds")]
    seeds: PathBuf,
    /// Print every timeline entry.
    #[arg(long)]
    verbose: bool,
}

pub(crate) fn precision_of(point: &str) -> &'static str {
    match point.len() {
        4 => "year",
        7 => "month",
        10 => "day",
        _ => "minute",
    }
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let gold_path = data.join("../gold/seeds-dossier.json");
    let Ok(gold_text) = std::fs::read_to_string(&gold_path) else {
        println!("timeline: skipped, {} is absent", gold_path.display());
        return Ok(());
    };
    let gold: Value = serde_json::from_str(&gold_text).context("parsing seeds-dossier.json")?;
    let pipeline = Pipeline::new(vec![
        Box::new(ExtractStage),
        Box::new(LanguageStage),
        Box::new(NerStage::default()),
    ])?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&args.seeds)
        .with_context(|| format!("reading {}", args.seeds.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    let mut short_of = HashMap::new();
    for f in &files {
        let raw = RawPage {
            source: f.display().to_string(),
            url: None,
            fetched_at: None,
            kind: PageKind::Text,
            declared_charset: None,
            bytes: std::fs::read(f)?,
        };
        let doc = pipeline.run(&raw).map_err(|e| anyhow::anyhow!("{e}"))?;
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        short_of.insert(doc.id.clone(), name.get(..3).unwrap_or("").to_string());
        docs.push(doc);
    }
    let dossier = dossier_report::resolve(&docs, None);
    let report = dossier_report::report(&docs, &dossier);

    let order: Vec<String> = gold["timeline_order"]
        .as_array()
        .map(|o| {
            o.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let gold_events = gold["events"].as_array().cloned().unwrap_or_default();
    let rank = |id: &str| {
        order
            .iter()
            .position(|o| o == id)
            .map(|i| format!("{i:08}"))
    };
    let s = score_timeline(&report, &gold_events, &rank, &short_of, args.verbose);
    println!(
        "timeline: gold events found {}/{} (target ≥ 8), entries matching no gold event {} (target ≤ 3), \
         matched pairs out of gold order {}",
        s.found, s.gold, s.unmatched, s.inversions
    );
    Ok(())
}

/// What [`score_timeline`] measured.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimelineScore {
    /// Gold events found on the timeline.
    pub found: usize,
    /// Gold events.
    pub gold: usize,
    /// Timeline entries.
    pub entries: usize,
    /// Timeline entries matching no gold event.
    pub unmatched: usize,
    /// Pairs of matched entries whose timeline order disagrees with the gold
    /// ranks (pairs of equal rank are not counted).
    pub inversions: usize,
}

/// Scores a report's timeline against gold events (seeds-dossier.json
/// shape). `rank` gives a gold event's sort key (None: unranked);
/// `short_of` maps document ids to the names used in the gold's `docs` —
/// when a gold event lists `docs`, a matching entry must cite one of them.
pub fn score_timeline(
    report: &dossier_report::Report,
    gold_events: &[Value],
    rank: &dyn Fn(&str) -> Option<String>,
    short_of: &HashMap<String, String>,
    verbose: bool,
) -> TimelineScore {
    // Names each entity id answers to.
    let names_of = |id: &str| -> Vec<String> {
        report
            .entities
            .iter()
            .filter(|e| e.id == id)
            .flat_map(|e| std::iter::once(fold(&e.name)).chain(e.aliases.iter().map(|a| fold(a))))
            .collect()
    };
    let mut used = vec![false; report.timeline.len()];
    let mut matched: Vec<(String, usize)> = Vec::new();
    for g in gold_events {
        let gid = g["id"].as_str().unwrap_or("");
        let times: Vec<(String, String)> = g["time"]
            .as_array()
            .map(|ts| {
                ts.iter()
                    .map(|t| {
                        (
                            t["value"].as_str().unwrap_or("").to_string(),
                            t["precision"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let parts: Vec<String> = g["participants"]
            .as_array()
            .map(|p| p.iter().filter_map(|x| x.as_str()).map(fold).collect())
            .unwrap_or_default();
        let docs: Vec<&str> = g["docs"]
            .as_array()
            .map(|d| d.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let hit = report.timeline.iter().enumerate().find(|(i, t)| {
            if used[*i] {
                return false;
            }
            let cited = docs.is_empty()
                || t.cites.iter().any(|c| {
                    short_of
                        .get(&c.doc)
                        .is_some_and(|s| docs.contains(&s.as_str()))
                });
            let mut points: Vec<&str> = vec![t.point.as_str()];
            points.extend(t.times.iter().map(|x| x.point.as_str()));
            let time_ok = times
                .iter()
                .any(|(v, p)| points.iter().any(|pt| pt == v && precision_of(pt) == p));
            let who_ok = t.participants.iter().any(|(id, name)| {
                let mut names = names_of(id);
                names.push(fold(name));
                names.iter().any(|n| parts.contains(n))
            });
            cited && time_ok && who_ok
        });
        match hit {
            Some((i, _)) => {
                used[i] = true;
                matched.push((gid.to_string(), i));
                if verbose {
                    println!("found   {gid:<24} -> timeline #{i}");
                }
            }
            None => detail!("MISSED  {gid:<24} ({:?}, {:?})", times, parts),
        }
    }
    let unmatched = used.iter().filter(|u| !**u).count();
    let mut inversions = 0;
    for (a, (ga, ia)) in matched.iter().enumerate() {
        for (gb, ib) in matched.iter().skip(a + 1) {
            let (Some(ra), Some(rb)) = (rank(ga), rank(gb)) else {
                continue;
            };
            if ra != rb && ia != ib && (ra < rb) != (ia < ib) {
                inversions += 1;
            }
        }
    }
    if verbose {
        for (i, t) in report.timeline.iter().enumerate() {
            let who: Vec<&str> = t.participants.iter().map(|p| p.1.as_str()).collect();
            let docs: Vec<&str> = t
                .cites
                .iter()
                .filter_map(|c| short_of.get(&c.doc).map(String::as_str))
                .collect();
            println!(
                "#{i:<2} {:<11} {:<9} {:<10} {} {:?}{}",
                t.point,
                t.precision,
                t.kind.as_str(),
                who.join(", "),
                docs,
                if used[i] {
                    ""
                } else {
                    "   (matches no gold event)"
                }
            );
        }
    }
    TimelineScore {
        found: matched.len(),
        gold: gold_events.len(),
        entries: report.timeline.len(),
        unmatched,
        inversions,
    }
}
