//! Evaluation task `dates`: publication dates on htmldate's evaluation set
//! (`dates/htmldate`: gold.json + pages/*.html.gz, see its SOURCE.txt).
//!
//! Scoring follows htmldate's comparison: per gold entry (a page annotated
//! under two URLs counts twice), the exact day must equal the gold day;
//! entries whose gold is null always count as errors. Accuracy is printed
//! per subset ("default", "mediacloud_2020") and overall, with pages/s on
//! one core (pages decoded in memory first; timed: the whole finder, which
//! reads the source without a DOM). `--peer` runs htmldate 1.11 (extensive and fast modes) through
//! `scripts/peers/htmldate_run.py` in `target/peers-venv` on the same pages.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dossier_dates::html::{find_with, Options};
use dossier_document::{PageKind, RawPage};
use serde_json::Value;

/// Options of the `dates` task.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Also run htmldate (extensive and fast) on the same pages.
    #[arg(long)]
    peer: bool,
    /// Python of the peers' virtual environment.
    #[arg(long, default_value = "target/peers-venv/bin/python")]
    peer_python: PathBuf,
    /// The peer runner script.
    #[arg(long, default_value = "scripts/peers/htmldate_run.py")]
    peer_script: PathBuf,
    /// Give each page's URL to the finders (htmldate's own comparison does not).
    #[arg(long)]
    with_url: bool,
    /// Only this subset: "default" or "mediacloud_2020".
    #[arg(long)]
    subset: Option<String>,
    /// Print up to N wrong or missing answers of ours.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Write our answers (page key -> value, evidence) as JSON to this file.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Print every candidate seen on these pages (comma-separated keys).
    #[arg(long)]
    explain: Option<String>,
    /// Timing repetitions (the best run is reported).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

struct Page {
    key: String,
    url: Option<String>,
    set: String,
    gold: Option<String>,
    /// How many gold entries share this page.
    weight: usize,
    html: String,
}

fn load(dir: &Path, subset: Option<&str>) -> Result<Vec<Page>> {
    let gold_path = dir.join("gold.json");
    let gold: BTreeMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .with_context(|| format!("reading {}", gold_path.display()))?,
    )?;
    let mut pages = Vec::new();
    for (key, e) in gold {
        let set = e
            .get("set")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if subset.is_some_and(|s| s != set) {
            continue;
        }
        let Some(rel) = e.get("page").and_then(Value::as_str) else {
            continue;
        };
        let path = dir.join(rel);
        let Ok(file) = std::fs::File::open(&path) else {
            eprintln!("dates: missing page {}", path.display());
            continue;
        };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .with_context(|| format!("gunzip {}", path.display()))?;
        let url = e.get("url").and_then(Value::as_str).map(str::to_string);
        let raw = RawPage {
            source: key.clone(),
            url: url.clone(),
            fetched_at: None,
            kind: PageKind::Html,
            declared_charset: None,
            bytes,
        };
        let html = dossier_ingest::decode(&raw).text;
        let weight = 1 + e
            .get("other_urls")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let gold = e.get("date").and_then(Value::as_str).map(str::to_string);
        pages.push(Page {
            key,
            url,
            set,
            gold,
            weight,
            html,
        });
    }
    Ok(pages)
}

#[derive(Default, Clone, Copy)]
struct Tally {
    entries: usize,
    correct: usize,
    found: usize,
}

fn tally<'a>(pages: &[Page], answer: impl Fn(&Page) -> Option<&'a str>) -> BTreeMap<String, Tally> {
    let mut t: BTreeMap<String, Tally> = BTreeMap::new();
    for p in pages {
        let a = answer(p);
        for set in [p.set.as_str(), "all"] {
            let e = t.entry(set.to_string()).or_default();
            e.entries += p.weight;
            if a.is_some() {
                e.found += p.weight;
            }
            if a.is_some() && a == p.gold.as_deref() {
                e.correct += p.weight;
            }
        }
    }
    t
}

struct PeerRun {
    seconds: f64,
    results: BTreeMap<String, Option<String>>,
}

fn run_peer(args: &Args, dir: &Path) -> Result<BTreeMap<String, PeerRun>> {
    if !args.peer_python.exists() {
        anyhow::bail!(
            "{} not found: create the venv (scripts/peers/setup.sh, or python3 -m venv target/peers-venv && target/peers-venv/bin/pip install 'htmldate==1.11.*')",
            args.peer_python.display()
        );
    }
    let mut cmd = Command::new(&args.peer_python);
    cmd.arg(&args.peer_script).arg("--data").arg(dir);
    if args.with_url {
        cmd.arg("--with-url");
    }
    let out = cmd.output().context("running the htmldate peer")?;
    if !out.status.success() {
        anyhow::bail!(
            "htmldate peer failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: Value = serde_json::from_slice(&out.stdout).context("reading the peer's JSON")?;
    let mut runs = BTreeMap::new();
    if let Some(modes) = v.get("modes").and_then(Value::as_object) {
        for (mode, m) in modes {
            let seconds = m.get("seconds").and_then(Value::as_f64).unwrap_or(f64::NAN);
            let results = m
                .get("results")
                .and_then(Value::as_object)
                .map(|r| {
                    r.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().map(str::to_string)))
                        .collect()
                })
                .unwrap_or_default();
            runs.insert(mode.clone(), PeerRun { seconds, results });
        }
    }
    Ok(runs)
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let dir = data.join("dates").join("htmldate");
    if !dir.join("gold.json").exists() {
        println!("dates: {} not found; skipped", dir.display());
        return Ok(());
    }
    let pages = load(&dir, args.subset.as_deref())?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "dates: {} pages ({:.1} MB decoded) from {}",
        pages.len(),
        bytes as f64 / 1e6,
        dir.display()
    );

    // One core: a plain loop. Best of `repeat` runs.
    let opts = Options::default();
    let mut ours: Vec<Option<dossier_document::DateValue>> = Vec::new();
    let mut best_total = Duration::MAX;
    for _ in 0..args.repeat.max(1) {
        let mut results = Vec::with_capacity(pages.len());
        let t0 = Instant::now();
        for p in &pages {
            let url = if args.with_url {
                p.url.as_deref()
            } else {
                None
            };
            results.push(find_with(&p.html, url, &opts).published);
        }
        best_total = best_total.min(t0.elapsed());
        ours = results;
    }
    let answers: BTreeMap<&str, Option<&str>> = pages
        .iter()
        .zip(&ours)
        .map(|(p, d)| (p.key.as_str(), d.as_ref().and_then(|d| d.day())))
        .collect();
    let ours_t = tally(&pages, |p| answers.get(p.key.as_str()).copied().flatten());

    let peer = if args.peer {
        match run_peer(&args, &dir) {
            Ok(r) => Some(r),
            Err(e) => {
                println!("dates: peer not run: {e:#}");
                None
            }
        }
    } else {
        None
    };
    let mut columns: Vec<(String, BTreeMap<String, Tally>, Option<f64>)> = Vec::new();
    let n = pages.len() as f64;
    columns.push(("dossier".into(), ours_t, Some(n / best_total.as_secs_f64())));
    if let Some(runs) = &peer {
        for mode in ["extensive", "fast"] {
            if let Some(r) = runs.get(mode) {
                let t = tally(&pages, |p| r.results.get(&p.key).and_then(|v| v.as_deref()));
                columns.push((
                    format!("htmldate {mode}"),
                    t,
                    Some(r.results.len() as f64 / r.seconds),
                ));
            }
        }
    }

    println!();
    print!("{:<18}{:>8}", "set", "entries");
    for (name, _, _) in &columns {
        print!("{name:>20}");
    }
    println!();
    let sets: Vec<String> = columns
        .first()
        .map(|c| c.1.keys().cloned().collect())
        .unwrap_or_default();
    for set in sets
        .iter()
        .filter(|s| *s != "all")
        .chain(std::iter::once(&"all".to_string()))
    {
        let entries = columns
            .first()
            .and_then(|c| c.1.get(set))
            .map_or(0, |t| t.entries);
        print!("{set:<18}{entries:>8}");
        for (_, t, _) in &columns {
            let t = t.get(set).copied().unwrap_or_default();
            let acc = t.correct as f64 / t.entries.max(1) as f64;
            print!("{:>20}", format!("{acc:.3} ({}/{})", t.correct, t.entries));
        }
        println!();
    }
    print!("{:<26}", "pages/s (1 core)");
    for (_, _, pps) in &columns {
        print!("{:>20}", pps.map_or("-".into(), |v| format!("{v:.0}")));
    }
    println!();
    println!(
        "dossier timing: {:.3}s for {} pages ({:.1} MB/s of HTML)",
        best_total.as_secs_f64(),
        pages.len(),
        bytes as f64 / 1e6 / best_total.as_secs_f64()
    );
    if let Some(runs) = &peer {
        if let (Some(ext), Some(pps)) = (runs.get("extensive"), columns.first().and_then(|c| c.2)) {
            println!(
                "speed ratio vs htmldate extensive: {:.1}x",
                pps / (ext.results.len() as f64 / ext.seconds)
            );
        }
        if let (Some(fast), Some(pps)) = (runs.get("fast"), columns.first().and_then(|c| c.2)) {
            println!(
                "speed ratio vs htmldate fast: {:.1}x",
                pps / (fast.results.len() as f64 / fast.seconds)
            );
        }
    }

    if let Some(keys) = &args.explain {
        for key in keys.split(',') {
            let Some(p) = pages.iter().find(|p| p.key == key) else {
                continue;
            };
            let url = if args.with_url {
                p.url.as_deref()
            } else {
                None
            };
            println!(
                "\n== {} gold={}",
                p.key,
                p.gold.as_deref().unwrap_or("null")
            );
            for line in dossier_dates::html::explain(&p.html, url, &opts) {
                println!("  {line}");
            }
        }
    }
    if let Some(path) = &args.dump {
        let map: serde_json::Map<String, Value> = pages
            .iter()
            .zip(&ours)
            .map(|(p, d)| {
                let v = d.as_ref().map_or(
                    Value::Null,
                    |d| serde_json::json!({"value": d.value, "evidence": d.evidence}),
                );
                (p.key.clone(), v)
            })
            .collect();
        std::fs::write(path, serde_json::to_string_pretty(&Value::Object(map))?)?;
    }
    if args.errors > 0 {
        println!();
        let mut shown = 0;
        for (p, d) in pages.iter().zip(&ours) {
            let day = d.as_ref().and_then(|d| d.day());
            if day.is_some() && day == p.gold.as_deref() {
                continue;
            }
            println!(
                "{} [{}] {} gold={} ours={} evidence={:?}",
                p.key,
                p.set,
                p.url.as_deref().unwrap_or("-"),
                p.gold.as_deref().unwrap_or("null"),
                d.as_ref().map_or("none", |d| d.value.as_str()),
                d.as_ref().map_or("", |d| d.evidence.as_str())
            );
            shown += 1;
            if shown >= args.errors {
                break;
            }
        }
    }
    Ok(())
}
