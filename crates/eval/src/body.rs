//! Evaluation task `body`: main-text extraction from HTML on
//!
//! * the ScrapingHub article-extraction benchmark
//!   (`extraction/scrapinghub`), scored exactly as its `evaluate.py`
//!   (SOURCE.txt): `\w+` tokens, 4-gram shingle multisets, per-page TP/FP/FN
//!   normalised to sum 1, mean precision over pages with a prediction, mean
//!   recall over pages with gold, F1 from the two means, accuracy = token
//!   lists equal;
//! * trafilatura's evaluation set (`extraction/trafilatura`): "with" and
//!   "without" snippets, whitespace-normalised case-sensitive substring
//!   tests, micro-averaged (tests/eval_common.py), overall and on the French
//!   pages of `french.txt`; plus title, author and date accuracy on the
//!   pages that carry that gold.
//!
//! Our row times `Html::parse_document` + extraction on one thread with the
//! pages already decoded in memory. `--peer` runs trafilatura 2.3 through
//! `scripts/peers/trafilatura_run.py` (in `target/peers-venv`, made by
//! `scripts/peers/setup.sh`), which times its `extract()` alone, and scores
//! its JSON output with the same scorers here.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};
use dossier_document::{PageKind, RawPage};
use regex::Regex;
use serde_json::Value;

/// Options of the `body` task.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Also run trafilatura on the same pages.
    #[arg(long)]
    peer: bool,
    /// Python of the peers' virtual environment.
    #[arg(long, default_value = "target/peers-venv/bin/python")]
    peer_python: PathBuf,
    /// The peer runner script.
    #[arg(long, default_value = "scripts/peers/trafilatura_run.py")]
    peer_script: PathBuf,
    /// Reuse peer results already written under target/peers (no rerun).
    #[arg(long)]
    peer_cached: bool,
    /// Only this set: "scrapinghub" or "trafilatura".
    #[arg(long)]
    set: Option<String>,
    /// Write our extractions (JSON) into this folder for inspection.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Print the N worst pages of ours per set.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Timing repetitions (the best run is reported).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

/// One page with its decoded HTML.
struct Page {
    id: String,
    url: Option<String>,
    html: String,
}

/// What an extractor returned for a page.
#[derive(Debug, Clone, Default)]
struct Output {
    text: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    /// Where each author was read from (ours only; for `--dump`).
    author_evidence: Vec<String>,
    date: Option<String>,
}

fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("open {}", path.display()))?;
    let mut d = flate2::read::GzDecoder::new(f);
    let mut out = Vec::new();
    d.read_to_end(&mut out)
        .with_context(|| format!("gunzip {}", path.display()))?;
    Ok(out)
}

fn decode(bytes: Vec<u8>, source: &str, url: Option<String>) -> String {
    let raw = RawPage {
        source: source.to_string(),
        url,
        fetched_at: None,
        kind: PageKind::Html,
        declared_charset: None,
        bytes,
    };
    dossier_ingest::decode(&raw).text
}

/// Runs our extractor over pages on this thread; returns outputs and the
/// best time over `repeat` runs (seconds).
fn run_ours(pages: &[Page], repeat: usize) -> (Vec<Output>, f64) {
    let mut best = f64::INFINITY;
    let mut outs = Vec::new();
    for _ in 0..repeat.max(1) {
        outs.clear();
        let t0 = Instant::now();
        for p in pages {
            let ex = dossier_extract::html::extract(&p.html, p.url.as_deref());
            outs.push(ex);
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }

    let outputs = outs
        .into_iter()
        .map(|ex| Output {
            text: Some(ex.text),
            title: ex.metadata.title.map(|t| t.value),
            author_evidence: ex.metadata.authors.iter().map(|a| a.evidence.to_string()).collect(),
            authors: ex.metadata.authors.into_iter().map(|a| a.value).collect(),
            date: ex
                .metadata
                .published
                .and_then(|d| d.day().map(str::to_string)),
        })
        .collect();
    (outputs, best)
}

/// Runs the peer script and reads its JSON: outputs by page id, seconds.
fn run_peer(args: &Args, data: &Path, set: &str) -> Result<(HashMap<String, Output>, f64, String)> {
    let out = PathBuf::from(format!("target/peers/trafilatura-{set}.json"));
    if !(args.peer_cached && out.exists()) {
        if !args.peer_python.exists() {
            anyhow::bail!(
                "{} not found: run scripts/peers/setup.sh",
                args.peer_python.display()
            );
        }
        let status = Command::new(&args.peer_python)
            .arg(&args.peer_script)
            .arg("--data")
            .arg(data)
            .arg("--set")
            .arg(set)
            .arg("--out")
            .arg(&out)
            .status()
            .context("running the trafilatura peer")?;
        anyhow::ensure!(status.success(), "peer script failed");
    }
    let v: Value = serde_json::from_slice(&std::fs::read(&out)?)?;
    let secs = v["seconds"].as_f64().unwrap_or(f64::NAN);
    let tool = v["tool"].as_str().unwrap_or("trafilatura").to_string();
    let mut map = HashMap::new();
    if let Some(res) = v["results"].as_object() {
        for (k, r) in res {
            let o = if r.is_null() {
                Output::default()
            } else {
                Output {
                    text: r["text"].as_str().map(str::to_string),
                    title: r["title"].as_str().map(str::to_string),
                    authors: r["author"]
                        .as_str()
                        .map(split_gold_authors)
                        .unwrap_or_default(),
                    author_evidence: Vec::new(),
                    date: r["date"].as_str().map(|d| d.chars().take(10).collect()),
                }
            };
            map.insert(k.clone(), o);
        }
    }
    Ok((map, secs, tool))
}

// ---------------------------------------------------------------- ScrapingHub

/// Scores of the ScrapingHub benchmark.
#[derive(Debug, Clone, Copy)]
struct ShScore {
    precision: f64,
    recall: f64,
    f1: f64,
    accuracy: f64,
}

fn sh_tokens(re: &Regex, text: &str) -> Vec<String> {
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

fn sh_shingles(tokens: &[String]) -> HashMap<Vec<&str>, usize> {
    let mut m = HashMap::new();
    if tokens.is_empty() {
        return m;
    }
    if tokens.len() < 4 {
        *m.entry(tokens.iter().map(String::as_str).collect())
            .or_insert(0) += 1;
        return m;
    }
    for w in tokens.windows(4) {
        *m.entry(w.iter().map(String::as_str).collect()).or_insert(0) += 1;
    }
    m
}

/// Per page (tp, fp, fn) normalised to sum 1 (evaluate.py).
pub(crate) fn sh_page(re: &Regex, gold: &str, pred: &str) -> (f64, f64, f64, bool) {
    let gt = sh_tokens(re, gold);
    let pt = sh_tokens(re, pred);
    let gs = sh_shingles(&gt);
    let ps = sh_shingles(&pt);
    let (mut tp, mut fp, mut fnn) = (0f64, 0f64, 0f64);
    let keys: HashSet<&Vec<&str>> = gs.keys().chain(ps.keys()).collect();
    for k in keys {
        let t = *gs.get(k).unwrap_or(&0) as f64;
        let p = *ps.get(k).unwrap_or(&0) as f64;
        tp += t.min(p);
        fp += (p - t).max(0.0);
        fnn += (t - p).max(0.0);
    }
    let s = tp + fp + fnn;
    if s > 0.0 {
        tp /= s;
        fp /= s;
        fnn /= s;
    }
    (tp, fp, fnn, gt == pt)
}

fn sh_score(re: &Regex, golds: &[String], preds: &[String]) -> (ShScore, Vec<f64>) {
    let mut ps = Vec::new();
    let mut rs = Vec::new();
    let mut acc = 0usize;
    let mut per_page_f1 = Vec::new();
    for (g, p) in golds.iter().zip(preds) {
        let (tp, fp, fnn, eq) = sh_page(re, g, p);
        if eq {
            acc += 1;
        }
        let prec = if fp == 0.0 && fnn == 0.0 {
            Some(1.0)
        } else if tp == 0.0 && fp == 0.0 {
            Some(0.0)
        } else {
            Some(tp / (tp + fp))
        };
        let rec = if fp == 0.0 && fnn == 0.0 {
            Some(1.0)
        } else if tp == 0.0 && fnn == 0.0 {
            Some(0.0)
        } else {
            Some(tp / (tp + fnn))
        };
        if tp + fp > 0.0 {
            ps.push(prec.unwrap_or(0.0));
        }
        if tp + fnn > 0.0 {
            rs.push(rec.unwrap_or(0.0));
        }
        let (pp, rr) = (prec.unwrap_or(0.0), rec.unwrap_or(0.0));
        per_page_f1.push(if pp + rr > 0.0 {
            2.0 * pp * rr / (pp + rr)
        } else {
            0.0
        });
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let precision = mean(&ps);
    let recall = mean(&rs);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = if golds.is_empty() {
        0.0
    } else {
        acc as f64 / golds.len() as f64
    };
    (
        ShScore {
            precision,
            recall,
            f1,
            accuracy,
        },
        per_page_f1,
    )
}

fn scrapinghub(data: &Path, args: &Args) -> Result<()> {
    let dir = data.join("extraction/scrapinghub");
    if !dir.join("ground-truth.json").exists() {
        println!("scrapinghub: {} absent, skipped", dir.display());
        return Ok(());
    }
    let gold: BTreeMap<String, Value> =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
    let mut pages = Vec::new();
    let mut golds = Vec::new();
    for (id, g) in &gold {
        let bytes = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        let url = g["url"].as_str().map(str::to_string);
        pages.push(Page {
            id: id.clone(),
            url: url.clone(),
            html: decode(bytes, id, url),
        });
        golds.push(g["articleBody"].as_str().unwrap_or("").to_string());
    }
    let re = Regex::new(r"\w+")?;
    let (outs, secs) = run_ours(&pages, args.repeat);
    let preds: Vec<String> = outs
        .iter()
        .map(|o| o.text.clone().unwrap_or_default())
        .collect();
    let (s, per_page) = sh_score(&re, &golds, &preds);
    println!(
        "ScrapingHub article-extraction benchmark: {} pages",
        pages.len()
    );
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "extractor", "precision", "recall", "F1", "accuracy", "pages/s"
    );
    println!(
        "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>10.1}",
        "dossier",
        s.precision,
        s.recall,
        s.f1,
        s.accuracy,
        pages.len() as f64 / secs
    );
    // The target sits at the third decimal: the exact figure.
    println!("dossier F1 to five places: {:.5}", s.f1);
    if args.peer {
        match run_peer(args, data, "scrapinghub") {
            Ok((map, psecs, tool)) => {
                let ppreds: Vec<String> = pages
                    .iter()
                    .map(|p| {
                        map.get(&p.id)
                            .and_then(|o| o.text.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                let (ps, _) = sh_score(&re, &golds, &ppreds);
                println!(
                    "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>10.1}",
                    tool,
                    ps.precision,
                    ps.recall,
                    ps.f1,
                    ps.accuracy,
                    pages.len() as f64 / psecs
                );
            }
            Err(e) => println!("peer: {e:#}"),
        }
    }
    if args.worst > 0 {
        let mut idx: Vec<usize> = (0..pages.len()).collect();
        idx.sort_by(|&a, &b| {
            per_page[a]
                .partial_cmp(&per_page[b])
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for &i in idx.iter().take(args.worst) {
            println!(
                "  worst F1 {:.3} {} {}",
                per_page[i],
                pages[i].id,
                pages[i].url.as_deref().unwrap_or("")
            );
        }
    }
    if let Some(dir) = &args.dump {
        dump(dir, "scrapinghub", &pages, &outs)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- trafilatura

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
    fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn snippet_counts(text: Option<&str>, with: &[String], without: &[String]) -> Counts {
    let Some(text) = text else {
        return Counts {
            tp: 0,
            fp: 0,
            fn_: with.len(),
            tn: without.len(),
        };
    };
    let t = norm_ws(text);
    let mut c = Counts::default();
    for w in with {
        if t.contains(&norm_ws(w)) {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for w in without {
        if t.contains(&norm_ws(w)) {
            c.fp += 1;
        } else {
            c.tn += 1;
        }
    }
    c
}

/// Letters and digits only, lower-cased, accents removed, "ß" as "ss".
fn squash(s: &str) -> String {
    dossier_text::normalize::fold(s)
        .replace('ß', "ss")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Post-nominal degrees and suffixes that a comma sets after a name
/// ("Jane Doe, PhD"): not names of their own.
const POST_NOMINALS: [&str; 12] = ["phd", "ph.d.", "md", "m.d.", "mba", "msc", "ma", "ba", "bsc", "jr", "jr.", "sr."];

/// Gold author strings into names: "Von A und B", "A; B", "A, B & C",
/// "A And B For The Outlet", "dsw / DPA", "A, PhD".
fn split_gold_authors(s: &str) -> Vec<String> {
    let mut parts = vec![s.to_string()];
    for sep in [";", " & ", " and ", " und ", " et ", ", ", "|", "/"] {
        parts = parts
            .iter()
            .flat_map(|p| split_ci(p, sep))
            .collect();
    }
    parts
        .into_iter()
        .map(|p| {
            let mut p = p.trim().to_string();
            let lower = p.to_lowercase();
            for pre in ["by ", "von ", "par ", "por "] {
                if lower.starts_with(pre) && p.is_char_boundary(pre.len()) {
                    p = p[pre.len()..].trim().to_string();
                    break;
                }
            }
            // "Jane Doe for The Daily Planet": the outlet is not a name.
            if let Some(pos) = p.to_ascii_lowercase().find(" for ") {
                p.truncate(pos);
            }
            p.trim().to_string()
        })
        .filter(|p| !p.is_empty() && !POST_NOMINALS.contains(&p.to_lowercase().as_str()))
        .collect()
}

/// `s` split at `sep`, ASCII case-insensitively ("A and B", "A And B").
fn split_ci(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut start = 0;
    for (pos, _) in lower.match_indices(sep) {
        if pos >= start {
            out.push(s[start..pos].to_string());
            start = pos + sep.len();
        }
    }
    out.push(s[start..].to_string());
    out
}

/// Folded words of a name, each followed by one space and the whole
/// preceded by one (" jane doe "); invisible format characters (soft
/// hyphens) are dropped, other non-alphanumerics separate words.
fn word_key(s: &str) -> String {
    let mut out = String::from(" ");
    for c in dossier_text::normalize::fold(s).replace('ß', "ss").chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}') {
            continue;
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Two names match when they are equal after folding (case, accents,
/// punctuation and spaces aside), or when the whole words of the shorter
/// (at least four letters) occur in order in the longer: "Jens Bergmann"
/// in "Interview: Jens Bergmann". A match never cuts a word ("Anna" is
/// not in "Hanna Schmidt").
fn names_match(a: &str, b: &str) -> bool {
    let (sa, sb) = (squash(a), squash(b));
    if sa.len() < 2 || sb.len() < 2 {
        return false;
    }
    if sa == sb {
        return true;
    }
    let (ka, kb) = (word_key(a), word_key(b));
    (sa.len() >= 4 && kb.contains(&ka)) || (sb.len() >= 4 && ka.contains(&kb))
}

/// Metadata tallies over the pages that carry gold.
#[derive(Debug, Default)]
struct MetaScore {
    title_n: usize,
    title_ok: usize,
    date_n: usize,
    date_ok: usize,
    author_pred: usize,
    author_pred_ok: usize,
    author_gold: usize,
    author_gold_found: usize,
    /// Names predicted on pages whose gold names at least one author, and
    /// how many of them match a gold name.
    author_pred_on_gold: usize,
    author_pred_on_gold_ok: usize,
    /// Pages whose gold author is empty, and the names predicted on them.
    author_empty_pages: usize,
    author_pred_on_empty: usize,
}

fn meta_score(golds: &[Value], outs: &[Output]) -> MetaScore {
    let mut m = MetaScore::default();
    for (g, o) in golds.iter().zip(outs) {
        if let Some(t) = g
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
        {
            m.title_n += 1;
            if o.title.as_deref().is_some_and(|p| norm_ws(p) == norm_ws(t)) {
                m.title_ok += 1;
            }
        }
        if let Some(d) = g
            .get("date")
            .and_then(Value::as_str)
            .filter(|d| !d.is_empty())
        {
            m.date_n += 1;
            if o.date.as_deref() == Some(d) {
                m.date_ok += 1;
            }
        }
        if let Some(a) = g.get("author") {
            let gold_names: Vec<String> = match a {
                Value::String(s) => split_gold_authors(s),
                Value::Array(v) => v
                    .iter()
                    .filter_map(Value::as_str)
                    .flat_map(split_gold_authors)
                    .collect(),
                _ => Vec::new(),
            };
            let ok = o
                .authors
                .iter()
                .filter(|p| gold_names.iter().any(|g| names_match(p, g)))
                .count();
            m.author_pred += o.authors.len();
            m.author_pred_ok += ok;
            if gold_names.is_empty() {
                m.author_empty_pages += 1;
                m.author_pred_on_empty += o.authors.len();
            } else {
                m.author_pred_on_gold += o.authors.len();
                m.author_pred_on_gold_ok += ok;
            }
            m.author_gold += gold_names.len();
            m.author_gold_found += gold_names
                .iter()
                .filter(|g| o.authors.iter().any(|p| names_match(p, g)))
                .count();
        }
    }
    m
}

fn trafilatura_set(data: &Path, args: &Args) -> Result<()> {
    let dir = data.join("extraction/trafilatura");
    if !dir.join("eval.json").exists() {
        println!("trafilatura set: {} absent, skipped", dir.display());
        return Ok(());
    }
    let entries: Vec<Value> = serde_json::from_slice(&std::fs::read(dir.join("eval.json"))?)?;
    let french: HashSet<String> = std::fs::read_to_string(dir.join("french.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    let mut pages = Vec::new();
    let mut golds = Vec::new();
    for e in entries {
        let Some(rel) = e["page"].as_str() else {
            continue;
        };
        let path = dir.join(rel);
        if !path.exists() {
            continue;
        }
        let bytes = gunzip(&path)?;
        let url = e["url"].as_str().map(str::to_string);
        pages.push(Page {
            id: rel.to_string(),
            url: url.clone(),
            html: decode(bytes, rel, url),
        });
        golds.push(e);
    }
    let is_fr: Vec<bool> = golds
        .iter()
        .map(|g| g["file"].as_str().is_some_and(|f| french.contains(f)))
        .collect();
    let score = |outs: &[Output]| -> (Counts, Counts, Vec<Counts>) {
        let mut all = Counts::default();
        let mut fr = Counts::default();
        let mut per = Vec::new();
        for (i, (g, o)) in golds.iter().zip(outs).enumerate() {
            let c = snippet_counts(o.text.as_deref(), &crate::ner::strs(&g["with"]), &crate::ner::strs(&g["without"]));
            all.add(c);
            if is_fr[i] {
                fr.add(c);
            }
            per.push(c);
        }
        (all, fr, per)
    };
    let (outs, secs) = run_ours(&pages, args.repeat);
    let (all, fr, per) = score(&outs);
    let nfr = is_fr.iter().filter(|&&f| f).count();
    println!(
        "trafilatura evaluation set: {} pages ({} French)",
        pages.len(),
        nfr
    );
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "extractor", "precision", "recall", "accuracy", "F1", "F1 (fr)", "P/R (fr)", "pages/s"
    );
    let row = |name: &str, all: &Counts, fr: &Counts, pps: f64| {
        println!(
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>4.2}/{:.2} {:>10.1}",
            name,
            all.precision(),
            all.recall(),
            all.accuracy(),
            all.f1(),
            fr.f1(),
            fr.precision(),
            fr.recall(),
            pps
        );
    };
    row("dossier", &all, &fr, pages.len() as f64 / secs);
    println!("dossier F1 to five places: {:.5} (French {:.5})", all.f1(), fr.f1());
    let ms = meta_score(&golds, &outs);
    let mut peer_ms = None;
    if args.peer {
        match run_peer(args, data, "trafilatura") {
            Ok((map, psecs, tool)) => {
                let pouts: Vec<Output> = pages
                    .iter()
                    .map(|p| map.get(&p.id).cloned().unwrap_or_default())
                    .collect();
                let (pall, pfr, _) = score(&pouts);
                row(&tool, &pall, &pfr, pages.len() as f64 / psecs);
                peer_ms = Some((tool, meta_score(&golds, &pouts)));
            }
            Err(e) => println!("peer: {e:#}"),
        }
    }
    println!("metadata on pages with gold (title: exact after whitespace normalisation; date: day; authors: names)");
    println!(
        "{:<22} {:>12} {:>12} {:>12} {:>12}",
        "extractor", "title acc", "date acc", "author P", "author R"
    );
    let mrow = |name: &str, m: &MetaScore| {
        println!(
            "{:<22} {:>5.3} ({:>3}) {:>5.3} ({:>3}) {:>5.3} ({:>3}) {:>5.3} ({:>3})",
            name,
            ratio(m.title_ok, m.title_n),
            m.title_n,
            ratio(m.date_ok, m.date_n),
            m.date_n,
            ratio(m.author_pred_ok, m.author_pred),
            m.author_pred,
            ratio(m.author_gold_found, m.author_gold),
            m.author_gold
        );
    };
    mrow("dossier", &ms);
    if let Some((tool, m)) = &peer_ms {
        mrow(tool, m);
    }
    println!("authors on the pages with a gold author (gold names at least one; recall is the same as above, empty golds hold no names), and names predicted where the gold author is empty");
    println!(
        "{:<22} {:>12} {:>12} {:>24}",
        "extractor", "author P", "author R", "names on empty-gold pages"
    );
    let arow = |name: &str, m: &MetaScore| {
        println!(
            "{:<22} {:>5.3} ({:>3}) {:>5.3} ({:>3}) {:>12} (of {} pages)",
            name,
            ratio(m.author_pred_on_gold_ok, m.author_pred_on_gold),
            m.author_pred_on_gold,
            ratio(m.author_gold_found, m.author_gold),
            m.author_gold,
            m.author_pred_on_empty,
            m.author_empty_pages
        );
    };
    arow("dossier", &ms);
    if let Some((tool, m)) = &peer_ms {
        arow(tool, m);
    }
    if args.worst > 0 {
        let mut idx: Vec<usize> = (0..pages.len()).collect();
        idx.sort_by_key(|&i| std::cmp::Reverse(per[i].fp + per[i].fn_));
        for &i in idx.iter().take(args.worst) {
            println!("  worst fp {} fn {} {}", per[i].fp, per[i].fn_, pages[i].id);
        }
    }
    if let Some(d) = &args.dump {
        dump(d, "trafilatura", &pages, &outs)?;
    }
    Ok(())
}

fn dump(dir: &Path, set: &str, pages: &[Page], outs: &[Output]) -> Result<()> {
    let dir = dir.join(set);
    std::fs::create_dir_all(&dir)?;
    for (p, o) in pages.iter().zip(outs) {
        let name: String =
            p.id.chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
        let v = serde_json::json!({
            "id": p.id, "url": p.url, "title": o.title, "authors": o.authors, "author_evidence": o.author_evidence, "date": o.date, "text": o.text,
        });
        std::fs::write(
            dir.join(format!("{name}.json")),
            serde_json::to_vec_pretty(&v)?,
        )?;
    }
    Ok(())
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let set = args.set.as_deref();
    if set.is_none() || set == Some("scrapinghub") {
        scrapinghub(data, &args)?;
    }
    if set.is_none() || set == Some("trafilatura") {
        trafilatura_set(data, &args)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrapinghub_scoring_special_cases() {
        let re = Regex::new(r"\w+").unwrap();
        let (s, _) = sh_score(&re, &["a b c d e".into()], &["a b c d e".into()]);
        assert!((s.f1 - 1.0).abs() < 1e-9 && (s.accuracy - 1.0).abs() < 1e-9);
        // Empty prediction: left out of precision, recall 0.
        let (s, _) = sh_score(
            &re,
            &["a b c d e".into(), "x y z w".into()],
            &["a b c d e".into(), String::new()],
        );
        assert!((s.precision - 1.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        // Short texts make one shingle.
        let (tp, fp, fnn, _) = sh_page(&re, "a b", "a b");
        assert_eq!((tp, fp, fnn), (1.0, 0.0, 0.0));
    }

    #[test]
    fn snippets_are_whitespace_normalised() {
        let c = snippet_counts(
            Some("Hello\n\n  world. Bye"),
            &["Hello world.".into()],
            &["Bye".into(), "No".into()],
        );
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (1, 0, 1, 1));
        let c = snippet_counts(None, &["a".into()], &["b".into()]);
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (0, 1, 0, 1));
    }

    #[test]
    fn author_names() {
        assert_eq!(
            split_gold_authors("Von Roland Brockmann und Sebastian Drescher"),
            vec!["Roland Brockmann", "Sebastian Drescher"]
        );
        assert!(names_match("Loïc Le Clerc", "Loic le clerc"));
        assert!(!names_match("Jane", ""));
        // "And" in capitals, a slash, an outlet after "for", a degree.
        assert_eq!(
            split_gold_authors("Glen Owen And Brendan Carlin For The Mail On Sunday"),
            vec!["Glen Owen", "Brendan Carlin"]
        );
        assert_eq!(split_gold_authors("dsw / DPA"), vec!["dsw", "DPA"]);
        assert_eq!(split_gold_authors("Devon Gorry, PhD"), vec!["Devon Gorry"]);
        assert_eq!(split_gold_authors("Par Jean Dupont"), vec!["Jean Dupont"]);
        // Whole words only; soft hyphens do not split a word.
        assert!(names_match("Jens Bergmann", "Interview: Jens Bergmann"));
        assert!(!names_match("Anna", "Hanna Schmidt"));
        assert!(names_match("Guido Beyss", "Guido Beyß"));
        assert!(names_match("Mat\u{ad}thi\u{ad}as Lauerer", "Matthias Lauerer"));
    }
}
