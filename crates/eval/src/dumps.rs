//! Evaluation task `dumps`: text-dump extraction
//! ([`dossier_extract::text_dump::extract`]).
//!
//! 1. **Seeds**: the five sample dumps against `gold/seeds.json`, one
//!    PASS/FAIL line per acceptance item (every gold body line is a
//!    paragraph of the text, no gold boilerplate line is, titles, authors,
//!    publication dates, datelines).
//! 2. **Dev set**: the pages of the public extraction sets rendered to text
//!    by `scripts/make-dump-devset.sh` (w3m) under `target/dump-devset`,
//!    their lines labelled automatically from the sets' gold:
//!    * ScrapingHub (gold `articleBody`): a line (whitespace collapsed, list
//!      marker dropped) of 4+ tokens is *body* when it occurs in the
//!      collapsed gold body, else *boilerplate*; a shorter line is *body*
//!      when it equals a whole gold paragraph, *unlabelled* when it only
//!      occurs inside one (a word that could be anywhere), else
//!      *boilerplate*.
//!    * trafilatura's set (with/without snippets): a line is *body* when it
//!      contains a `with` snippet or is a 30+ character part of one,
//!      *boilerplate* likewise for `without` snippets, else unlabelled
//!      (both: unlabelled).
//!
//!    A line is *kept* when the extracted text maps back onto it (offset
//!    map). Per-line figures over labelled lines:
//!    * body recall = body lines kept / body lines;
//!    * body precision = body lines kept / labelled lines kept;
//!    * boilerplate recall = boilerplate lines dropped / boilerplate lines;
//!    * boilerplate precision = boilerplate lines dropped / labelled lines
//!      dropped (how often a dropped line really was chrome).
//!
//!    Page-level scores in each set's own style are printed too: for
//!    trafilatura, its with/without snippet precision/recall (micro, as in
//!    its evaluate.py, on whitespace-normalised text); for ScrapingHub, its
//!    token-4-gram shingle precision/recall (per page, averaged).
//!    * pages with a hand-checked body (`crates/eval/unseen/gold`, see
//!      its README): labelled like ScrapingHub against that body, and
//!      reported on their own rows as well.
//! 3. **Throughput**: pages per second of `text_dump::extract` on one core
//!    over the dev set and the seeds, pages already in memory.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use dossier_extract::text_dump;
use dossier_extract::Extraction;
use dossier_text::normalize::{collapse_whitespace, is_space, nfc};
use serde_json::Value;

/// Options of the `dumps` task.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of the sample dumps (default: <data>/../seeds).
    #[arg(long)]
    seeds: Option<PathBuf>,
    /// Gold of the sample dumps (default: <data>/../gold/seeds.json).
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Dev set made by scripts/make-dump-devset.sh.
    #[arg(long, default_value = "target/dump-devset")]
    devset: PathBuf,
    /// Seconds spent measuring throughput (0 skips it).
    #[arg(long, default_value_t = 3.0)]
    bench_secs: f64,
    /// Print the N dev pages with the lowest body recall / boilerplate recall.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Print one page line by line (label, kept) and its metadata:
    /// `seed:<file>` or `<set>/<id>` as in the manifest.
    #[arg(long)]
    show: Option<String>,
    /// Write every dev-set line (set, id, lang, line number, label B/x/.,
    /// kept 1/0, text) to this TSV file, for error analysis.
    #[arg(long)]
    lines_tsv: Option<PathBuf>,
    /// Hand-checked gold whose article bodies label their dev pages.
    #[arg(long, default_value = "crates/eval/unseen/gold")]
    hand: PathBuf,
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let shared = data.join("..");
    let seeds_dir = args.seeds.clone().unwrap_or_else(|| shared.join("seeds"));
    let gold_path = args
        .gold
        .clone()
        .unwrap_or_else(|| shared.join("gold/seeds.json"));
    if let Some(which) = &args.show {
        return show(which, &seeds_dir, &args.devset, data, &args.hand);
    }
    let mut corpus: Vec<String> = Vec::new();
    println!("== dumps: seeds ({})", seeds_dir.display());
    if gold_path.is_file() && seeds_dir.is_dir() {
        seeds(&seeds_dir, &gold_path, &mut corpus)?;
    } else {
        println!(
            "skipped: {} or {} is absent",
            seeds_dir.display(),
            gold_path.display()
        );
    }
    println!();
    println!("== dumps: dev set ({})", args.devset.display());
    if args.devset.join("manifest.tsv").is_file() {
        devset(
            &args.devset,
            data,
            &args.hand,
            args.worst,
            args.lines_tsv.as_deref(),
            &mut corpus,
        )?;
    } else {
        println!(
            "skipped: {} is absent; run scripts/make-dump-devset.sh",
            args.devset.join("manifest.tsv").display()
        );
    }
    if args.bench_secs > 0.0 && !corpus.is_empty() {
        println!();
        throughput(&corpus, args.bench_secs);
    }
    Ok(())
}

// ---------------------------------------------------------------- lines

/// One non-empty trimmed line of a dump: byte range and text.
struct RawLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Non-empty lines, trimmed the way the gold does (Unicode whitespace).
fn raw_lines(input: &str) -> Vec<RawLine<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in input.split('\n') {
        let start = pos + (raw.len() - raw.trim_start_matches(is_space).len());
        pos += raw.len() + 1;
        let text = raw.trim_matches(is_space);
        if !text.is_empty() {
            out.push(RawLine {
                start,
                end: start + text.len(),
                text,
            });
        }
    }
    out
}

/// For every line, whether the extracted text maps back onto it.
fn kept_lines(lines: &[RawLine<'_>], ex: &Extraction) -> Vec<bool> {
    let mut ranges = Vec::new();
    let mut offset = 0;
    for para in ex.text.split("\n\n") {
        if !para.is_empty() {
            if let Some(r) = ex.offsets.range_to_raw(offset, offset + para.len()) {
                ranges.push(r);
            }
        }
        offset += para.len() + 2;
    }
    ranges.sort_unstable();
    let mut kept = vec![false; lines.len()];
    let mut j = 0;
    for (i, l) in lines.iter().enumerate() {
        while j < ranges.len() && ranges[j].1 <= l.start {
            j += 1;
        }
        kept[i] = ranges
            .get(j)
            .is_some_and(|&(s, e)| s < l.end && e > l.start);
    }
    kept
}

/// The paragraphs of an extracted text.
fn paragraphs(text: &str) -> HashSet<&str> {
    text.split("\n\n").filter(|p| !p.is_empty()).collect()
}

// ---------------------------------------------------------------- seeds

fn seeds(dir: &Path, gold_path: &Path, corpus: &mut Vec<String>) -> Result<()> {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(gold_path).context("reading seeds gold")?)?;
    let docs = gold["documents"]
        .as_array()
        .context("gold has no documents")?;
    let mut checks: Vec<(String, bool, String)> = Vec::new();
    let (mut body_total, mut body_ok, mut boiler_total, mut boiler_in) = (0, 0, 0, 0);
    let mut missing_body = Vec::new();
    let mut leaked = Vec::new();
    for doc in docs {
        let file = doc["file"].as_str().unwrap_or("");
        let input = std::fs::read_to_string(dir.join(file))
            .with_context(|| format!("reading seed {file}"))?;
        let ex = text_dump::extract(&input);
        let paras = paragraphs(&ex.text);
        for l in doc["body_lines"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            body_total += 1;
            if paras.contains(l.trim_matches(is_space)) {
                body_ok += 1;
            } else {
                missing_body.push(format!("{file}: {}", short(l)));
            }
        }
        for l in doc["boilerplate_lines"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            boiler_total += 1;
            if paras.contains(l.trim_matches(is_space)) {
                boiler_in += 1;
                leaked.push(format!("{file}: {}", short(l)));
            }
        }
        for l in doc["metadata_lines"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if paras.contains(l.trim_matches(is_space)) {
                leaked.push(format!("{file} (metadata line): {}", short(l)));
            }
        }
        let m = &ex.metadata;
        let title = m.title.as_ref().map(|t| t.value.as_str());
        let gold_title = doc["title"].as_str();
        checks.push((
            format!("{file} title"),
            title == gold_title,
            format!("{title:?}"),
        ));
        let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
        let gold_authors: Vec<&str> = doc["author"].as_str().into_iter().collect();
        checks.push((
            format!("{file} author"),
            authors == gold_authors,
            format!("{authors:?}"),
        ));
        let got = m.published.as_ref();
        let ok = match doc["published"].as_object() {
            Some(p) => got.is_some_and(|d| {
                Some(d.value.as_str()) == p["value"].as_str()
                    && Some(d.precision.as_str()) == p["precision"].as_str()
                    && !d.estimated
            }),
            None => got.is_none_or(|d| d.estimated),
        };
        let shown = got.map(|d| {
            format!(
                "{} ({}, {:?}{})",
                d.value,
                d.precision.as_str(),
                d.evidence,
                if d.estimated { ", estimated" } else { "" }
            )
        });
        checks.push((format!("{file} published"), ok, format!("{shown:?}")));
        let dl = m.dateline.as_ref().map(|d| d.value.as_str());
        checks.push((
            format!("{file} dateline"),
            dl == doc["dateline"].as_str(),
            format!("{dl:?}"),
        ));
        corpus.push(input);
    }
    let line = |name: &str, ok: bool, detail: String| {
        println!("{} {name}: {detail}", if ok { "PASS" } else { "FAIL" })
    };
    line(
        "every gold body line is a paragraph",
        body_ok == body_total,
        format!("{body_ok}/{body_total}"),
    );
    for m in &missing_body {
        println!("     missing: {m}");
    }
    line(
        "no gold boilerplate line is a paragraph",
        boiler_in == 0,
        format!("{boiler_in}/{boiler_total} leaked"),
    );
    for m in &leaked {
        println!("     leaked: {m}");
    }
    for (kind, name) in [
        ("title", "titles"),
        ("author", "authors (or none)"),
        ("published", "publication dates (or none)"),
        ("dateline", "datelines (or none)"),
    ] {
        let of_kind: Vec<&(String, bool, String)> =
            checks.iter().filter(|c| c.0.ends_with(kind)).collect();
        let ok = of_kind.iter().filter(|c| c.1).count();
        line(name, ok == of_kind.len(), format!("{ok}/{}", of_kind.len()));
        for c in of_kind.iter().filter(|c| !c.1) {
            println!("     {}: got {}", c.0, c.2);
        }
    }
    Ok(())
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(70).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

// ---------------------------------------------------------------- dev set

/// Label of a dump line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Body,
    Boilerplate,
    Unlabelled,
}

/// Gold of one dev page.
enum Gold {
    /// ScrapingHub: collapsed body, its collapsed paragraphs, raw body.
    Body {
        body: String,
        paras: HashSet<String>,
        raw: String,
        title: Option<String>,
    },
    /// trafilatura: collapsed with / without snippets, and the page's
    /// metadata gold where it has some (title, authors, date).
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
        meta: Option<MetaGold>,
    },
}

/// trafilatura's metadata gold of one page (present on 851 pages).
struct MetaGold {
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
}

fn norm(s: &str) -> String {
    collapse_whitespace(&nfc(s))
}

/// Drops a list marker a text browser adds ("• ", "* ", "1. ").
fn strip_marker(s: &str) -> &str {
    let t = s
        .trim_start_matches(['•', '*', '◦', '□', '■', '▪', '-', '–', '·', '○', '●'])
        .trim_start_matches(is_space);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        if let Some(rest) = t.get(digits..).and_then(|r| r.strip_prefix(". ")) {
            return rest;
        }
    }
    t
}

fn word_tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn label(line: &str, gold: &Gold) -> Label {
    let n = norm(strip_marker(line));
    if n.is_empty() {
        return Label::Unlabelled;
    }
    match gold {
        Gold::Body {
            body, paras, title, ..
        } => {
            let tokens = word_tokens(&n).len();
            if tokens == 0
                || title
                    .as_ref()
                    .is_some_and(|t| n.contains(t.as_str()) && !body.contains(t.as_str()))
            {
                Label::Unlabelled
            } else if tokens >= 4 {
                if body.contains(&n) {
                    Label::Body
                } else {
                    Label::Boilerplate
                }
            } else if paras.contains(&n) {
                Label::Body
            } else if body.contains(&n) {
                Label::Unlabelled
            } else {
                Label::Boilerplate
            }
        }
        Gold::Snippets { with, without, .. } => {
            let hit = |snips: &[String]| {
                snips
                    .iter()
                    .any(|s| n.contains(s.as_str()) || (n.chars().count() >= 30 && s.contains(&n)))
            };
            match (hit(with), hit(without)) {
                (true, false) => Label::Body,
                (false, true) => Label::Boilerplate,
                _ => Label::Unlabelled,
            }
        }
    }
}

/// Per-line counts.
#[derive(Default, Clone, Copy)]
struct Counts {
    pages: usize,
    body: usize,
    body_kept: usize,
    boiler: usize,
    boiler_kept: usize,
    // trafilatura snippets (micro)
    with_found: usize,
    with_total: usize,
    without_found: usize,
    without_total: usize,
    // ScrapingHub shingles (sum of per-page P and R, and page counts)
    sh_p: f64,
    sh_p_n: usize,
    sh_r: f64,
    sh_r_n: usize,
    // per-page recalls (macro averages)
    page_body_recall: f64,
    page_body_n: usize,
    page_boiler_recall: f64,
    page_boiler_n: usize,
    // metadata against trafilatura's gold
    meta_pages: usize,
    title_gold: usize,
    title_exact: usize,
    title_overlap: usize,
    author_gold: usize,
    author_found: usize,
    author_none_gold: usize,
    author_spurious: usize,
    date_gold: usize,
    date_day: usize,
    date_wrong: usize,
    date_none_gold: usize,
    date_spurious: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.pages += o.pages;
        self.body += o.body;
        self.body_kept += o.body_kept;
        self.boiler += o.boiler;
        self.boiler_kept += o.boiler_kept;
        self.with_found += o.with_found;
        self.with_total += o.with_total;
        self.without_found += o.without_found;
        self.without_total += o.without_total;
        self.sh_p += o.sh_p;
        self.sh_p_n += o.sh_p_n;
        self.sh_r += o.sh_r;
        self.sh_r_n += o.sh_r_n;
        self.page_body_recall += o.page_body_recall;
        self.page_body_n += o.page_body_n;
        self.page_boiler_recall += o.page_boiler_recall;
        self.page_boiler_n += o.page_boiler_n;
        self.meta_pages += o.meta_pages;
        self.title_gold += o.title_gold;
        self.title_exact += o.title_exact;
        self.title_overlap += o.title_overlap;
        self.author_gold += o.author_gold;
        self.author_found += o.author_found;
        self.author_none_gold += o.author_none_gold;
        self.author_spurious += o.author_spurious;
        self.date_gold += o.date_gold;
        self.date_day += o.date_day;
        self.date_wrong += o.date_wrong;
        self.date_none_gold += o.date_none_gold;
        self.date_spurious += o.date_spurious;
    }

    fn body_recall(&self) -> f64 {
        ratio(self.body_kept, self.body)
    }

    fn boiler_recall(&self) -> f64 {
        ratio(self.boiler - self.boiler_kept, self.boiler)
    }

    fn print(&self, name: &str) {
        let kept = self.body_kept + self.boiler_kept;
        let dropped = (self.body - self.body_kept) + (self.boiler - self.boiler_kept);
        println!(
            "{name:<22} pages {:>4} | lines body {:>6} boilerplate {:>6} | body recall {:.3} body precision {:.3} | boilerplate recall {:.3} boilerplate precision {:.3}",
            self.pages,
            self.body,
            self.boiler,
            self.body_recall(),
            ratio(self.body_kept, kept),
            self.boiler_recall(),
            ratio(self.boiler - self.boiler_kept, dropped),
        );
        println!(
            "{:<22} per-page means: body recall {:.3} ({} pages with body lines), boilerplate recall {:.3} ({} pages)",
            "",
            self.page_body_recall / self.page_body_n.max(1) as f64,
            self.page_body_n,
            self.page_boiler_recall / self.page_boiler_n.max(1) as f64,
            self.page_boiler_n
        );
        if self.meta_pages > 0 {
            println!(
                "{:<22} metadata vs trafilatura gold ({} pages): title exact {}/{} (overlapping {}), author found {}/{} (spurious on {}/{} without), date day {}/{} (wrong {}, spurious on {}/{} without)",
                "",
                self.meta_pages,
                self.title_exact,
                self.title_gold,
                self.title_overlap,
                self.author_found,
                self.author_gold,
                self.author_spurious,
                self.author_none_gold,
                self.date_day,
                self.date_gold,
                self.date_wrong,
                self.date_spurious,
                self.date_none_gold
            );
        }
        if self.with_total > 0 {
            let (tp, fn_, fp) = (
                self.with_found,
                self.with_total - self.with_found,
                self.without_found,
            );
            let p = ratio(tp, tp + fp);
            let r = ratio(tp, tp + fn_);
            println!(
                "{:<22} snippets (trafilatura style): precision {p:.3} recall {r:.3} F1 {:.3} (with {}/{}, without found {}/{})",
                "",
                f1(p, r),
                self.with_found,
                self.with_total,
                self.without_found,
                self.without_total
            );
        }
        if self.sh_r_n > 0 {
            let p = if self.sh_p_n > 0 {
                self.sh_p / self.sh_p_n as f64
            } else {
                0.0
            };
            let r = self.sh_r / self.sh_r_n as f64;
            println!(
                "{:<22} shingles (ScrapingHub style): precision {p:.3} recall {r:.3} F1 {:.3}",
                "",
                f1(p, r)
            );
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// ScrapingHub's per-page shingle precision and recall (token 4-grams,
/// multiset; see SOURCE.txt): `(precision, recall)`, `None` where the
/// benchmark leaves the page out.
fn shingle_scores(gold: &str, pred: &str) -> (Option<f64>, Option<f64>) {
    fn shingles(s: &str) -> HashMap<Vec<&str>, usize> {
        let t = word_tokens(s);
        let mut m = HashMap::new();
        if t.is_empty() {
            return m;
        }
        if t.len() < 4 {
            *m.entry(t).or_insert(0) += 1;
            return m;
        }
        for w in t.windows(4) {
            *m.entry(w.to_vec()).or_insert(0) += 1;
        }
        m
    }
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &t) in &g {
        let q = p.get(k).copied().unwrap_or(0);
        tp += t.min(q) as f64;
        fn_ += t.saturating_sub(q) as f64;
    }
    for (k, &q) in &p {
        let t = g.get(k).copied().unwrap_or(0);
        fp += q.saturating_sub(t) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        tp /= sum;
        fp /= sum;
        fn_ /= sum;
    }
    let precision = if fp == 0.0 && fn_ == 0.0 {
        Some(1.0)
    } else if tp + fp > 0.0 {
        Some(tp / (tp + fp))
    } else {
        None
    };
    let recall = if fp == 0.0 && fn_ == 0.0 {
        Some(1.0)
    } else if tp + fn_ > 0.0 {
        Some(tp / (tp + fn_))
    } else {
        None
    };
    (precision, recall)
}

/// Compares the extracted metadata with trafilatura's gold.
fn score_meta(c: &mut Counts, g: &MetaGold, ex: &Extraction) {
    c.meta_pages = 1;
    let m = &ex.metadata;
    if let Some(gt) = &g.title {
        c.title_gold = 1;
        if let Some(t) = m.title.as_ref().map(|t| norm(&t.value)) {
            c.title_exact = usize::from(&t == gt);
            c.title_overlap =
                usize::from(!t.is_empty() && (gt.contains(&t) || t.contains(gt.as_str())));
        }
    }
    let ours: Vec<String> = m.authors.iter().map(|a| a.value.to_lowercase()).collect();
    if g.authors.is_empty() {
        c.author_none_gold = 1;
        c.author_spurious = usize::from(!ours.is_empty());
    } else {
        c.author_gold = 1;
        let gold: Vec<String> = g.authors.iter().map(|a| a.to_lowercase()).collect();
        c.author_found = usize::from(ours.iter().any(|o| {
            gold.iter()
                .any(|g| g.contains(o.as_str()) || o.contains(g.as_str()))
        }));
    }
    let day = m
        .published
        .as_ref()
        .and_then(|d| d.day())
        .filter(|_| m.published.as_ref().is_some_and(|d| !d.estimated));
    match &g.date {
        Some(gd) => {
            c.date_gold = 1;
            match day {
                Some(d) if d == gd => c.date_day = 1,
                Some(_) => c.date_wrong = 1,
                None => {}
            }
        }
        None => {
            c.date_none_gold = 1;
            c.date_spurious = usize::from(day.is_some());
        }
    }
}

struct Page {
    set: String,
    /// Labelled from a hand-checked body.
    hand: bool,
    id: String,
    lang: String,
    path: PathBuf,
    gold: Gold,
}

/// Titles and bodies checked by hand (`crates/eval/unseen/gold`), by page
/// URL: on these pages lines are labelled against the whole article (as
/// for ScrapingHub) instead of trafilatura's snippets; a line holding the
/// title is left unlabelled (it goes to metadata, as in the seeds' gold).
fn hand_bodies(dir: &Path) -> HashMap<String, (String, String)> {
    let mut out = HashMap::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.filter_map(|e| e.ok()) {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if let (Some(url), Some(title), Some(body)) =
            (v["url"].as_str(), v["title"].as_str(), v["body"].as_str())
        {
            out.insert(url.to_string(), (norm(title), body.to_string()));
        }
    }
    out
}

fn load_pages(devset: &Path, data: &Path, hand_dir: &Path) -> Result<Vec<Page>> {
    let manifest = std::fs::read_to_string(devset.join("manifest.tsv"))?;
    let sh_path = data.join("extraction/scrapinghub/ground-truth.json");
    let sh: Value = if sh_path.is_file() {
        serde_json::from_str(&std::fs::read_to_string(&sh_path)?)?
    } else {
        Value::Null
    };
    let tr_path = data.join("extraction/trafilatura/eval.json");
    let tr: Value = if tr_path.is_file() {
        serde_json::from_str(&std::fs::read_to_string(&tr_path)?)?
    } else {
        Value::Null
    };
    let tr_by_key: HashMap<&str, &Value> = tr
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| Some((e["key"].as_str()?, e)))
        .collect();
    let hand = hand_bodies(hand_dir);
    let mut pages = Vec::new();
    for row in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = row.split('\t').collect();
        let [set, id, lang, path, key] = f.as_slice() else {
            continue;
        };
        let gold = match *set {
            "scrapinghub" => {
                let Some(raw) = sh[*key]["articleBody"].as_str() else {
                    continue;
                };
                Gold::Body {
                    body: norm(raw),
                    paras: raw.lines().map(norm).filter(|p| !p.is_empty()).collect(),
                    raw: raw.to_string(),
                    title: None,
                }
            }
            "trafilatura" if hand.contains_key(*key) => {
                let (title, raw) = hand[*key].clone();
                Gold::Body {
                    body: norm(&raw),
                    paras: raw.lines().map(norm).filter(|p| !p.is_empty()).collect(),
                    raw,
                    title: Some(title),
                }
            }
            s if s.starts_with("unseen-") => {
                // A page of a hand-checked set (`crates/eval/unseen/<set>`):
                // lines labelled against its whole checked body.
                let file = hand_dir.parent().unwrap_or(hand_dir).join(key);
                let Ok(text) = std::fs::read_to_string(&file) else {
                    continue;
                };
                let v: Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", file.display()))?;
                let raw = v["body"].as_str().unwrap_or("").to_string();
                Gold::Body {
                    body: norm(&raw),
                    paras: raw.lines().map(norm).filter(|p| !p.is_empty()).collect(),
                    title: v["title"].as_str().map(norm),
                    raw,
                }
            }
            "trafilatura" => {
                let Some(e) = tr_by_key.get(key) else {
                    continue;
                };
                let get = |k: &str| -> Vec<String> {
                    e[k].as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(norm)
                        .filter(|s| !s.is_empty())
                        .collect()
                };
                let has_meta = e.get("title").is_some()
                    || e.get("author").is_some()
                    || e.get("date").is_some();
                let nonempty = |v: &Value| v.as_str().map(norm).filter(|s| !s.is_empty());
                let authors = match &e["author"] {
                    Value::Array(a) => a.iter().filter_map(nonempty).collect(),
                    v => nonempty(v).into_iter().collect(),
                };
                let meta = has_meta.then(|| MetaGold {
                    title: nonempty(&e["title"]),
                    authors,
                    date: nonempty(&e["date"]),
                });
                Gold::Snippets {
                    with: get("with"),
                    without: get("without"),
                    meta,
                }
            }
            _ => continue,
        };
        let mut lang = lang.to_string();
        if lang.is_empty() {
            if let Gold::Body { raw, .. } = &gold {
                lang = dossier_lang::identify(raw)
                    .filter(|i| i.reliable)
                    .map(|i| i.code.to_string())
                    .unwrap_or_default();
            }
        }
        let hand = *set == "trafilatura" && hand.contains_key(*key);
        pages.push(Page {
            set: set.to_string(),
            hand,
            id: id.to_string(),
            lang,
            path: devset.join(path),
            gold,
        });
    }
    Ok(pages)
}

/// Scores one page: counts and the per-line labels and kept flags.
fn score_page(input: &str, page: &Page) -> (Counts, Vec<Label>, Vec<bool>, Extraction) {
    let ex = text_dump::extract(input);
    let lines = raw_lines(input);
    let kept = kept_lines(&lines, &ex);
    let labels: Vec<Label> = lines.iter().map(|l| label(l.text, &page.gold)).collect();
    let mut c = Counts {
        pages: 1,
        ..Default::default()
    };
    for (lab, k) in labels.iter().zip(&kept) {
        match lab {
            Label::Body => {
                c.body += 1;
                c.body_kept += usize::from(*k);
            }
            Label::Boilerplate => {
                c.boiler += 1;
                c.boiler_kept += usize::from(*k);
            }
            Label::Unlabelled => {}
        }
    }
    if c.body > 0 {
        c.page_body_recall = c.body_kept as f64 / c.body as f64;
        c.page_body_n = 1;
    }
    if c.boiler > 0 {
        c.page_boiler_recall = (c.boiler - c.boiler_kept) as f64 / c.boiler as f64;
        c.page_boiler_n = 1;
    }
    if let Gold::Snippets { meta: Some(g), .. } = &page.gold {
        score_meta(&mut c, g, &ex);
    }
    match &page.gold {
        Gold::Snippets { with, without, .. } => {
            let out = norm(&ex.text);
            c.with_total = with.len();
            c.with_found = with.iter().filter(|s| out.contains(s.as_str())).count();
            c.without_total = without.len();
            c.without_found = without.iter().filter(|s| out.contains(s.as_str())).count();
        }
        Gold::Body { raw, .. } => {
            let (p, r) = shingle_scores(raw, &ex.text);
            if let Some(p) = p {
                c.sh_p = p;
                c.sh_p_n = 1;
            }
            if let Some(r) = r {
                c.sh_r = r;
                c.sh_r_n = 1;
            }
        }
    }
    (c, labels, kept, ex)
}

fn devset(
    devset: &Path,
    data: &Path,
    hand: &Path,
    worst: usize,
    lines_tsv: Option<&Path>,
    corpus: &mut Vec<String>,
) -> Result<()> {
    use std::fmt::Write as _;
    let mut tsv = String::new();
    let pages = load_pages(devset, data, hand)?;
    let mut all = Counts::default();
    let mut fr = Counts::default();
    let (mut hand_fr, mut hand_all) = (Counts::default(), Counts::default());
    let mut by_set: Vec<(String, Counts)> = Vec::new();
    let mut per_page: Vec<(String, Counts)> = Vec::new();
    let mut unseen: Vec<(String, Counts)> = Vec::new();
    let mut no_text = 0;
    for page in &pages {
        let Ok(input) = std::fs::read_to_string(&page.path) else {
            continue;
        };
        let (c, labels, kept, ex) = score_page(&input, page);
        // Lines of blind pages are never written out.
        if lines_tsv.is_some() && !page.set.starts_with("unseen-blind") {
            for (n, ((l, lab), k)) in raw_lines(&input).iter().zip(&labels).zip(&kept).enumerate() {
                let lab = match lab {
                    Label::Body => 'B',
                    Label::Boilerplate => 'x',
                    Label::Unlabelled => '.',
                };
                let text = l.text.replace('\t', " ");
                let _ = writeln!(
                    tsv,
                    "{}\t{}\t{}\t{n}\t{lab}\t{}\t{text}",
                    page.set,
                    page.id,
                    page.lang,
                    u8::from(*k)
                );
            }
        }
        // Pages of the later hand-checked sets are reported apart, by set
        // only (one of them is blind): never in the development totals.
        if page.set.starts_with("unseen-") {
            match unseen.iter_mut().find(|(s, _)| *s == page.set) {
                Some((_, s)) => s.add(&c),
                None => unseen.push((page.set.clone(), c)),
            }
            continue;
        }
        no_text += usize::from(ex.text.is_empty());
        all.add(&c);
        if page.lang == "fr" {
            fr.add(&c);
        }
        if page.hand {
            hand_all.add(&c);
            if page.lang.starts_with("fr") {
                hand_fr.add(&c);
            }
        }
        match by_set.iter_mut().find(|(s, _)| *s == page.set) {
            Some((_, s)) => s.add(&c),
            None => by_set.push((page.set.clone(), c)),
        }
        per_page.push((format!("{}/{} ({})", page.set, page.id, page.lang), c));
        corpus.push(input);
    }
    if let Some(path) = lines_tsv {
        std::fs::write(path, tsv).with_context(|| format!("writing {}", path.display()))?;
    }
    println!("labels: see the doc comment of crates/eval/src/dumps.rs; {} pages, {no_text} with an empty text", pages.len());
    fr.print("french pages");
    if hand_all.pages > 0 {
        hand_fr.print("french, hand-checked");
        hand_all.print("all hand-checked");
    }
    for (name, c) in &by_set {
        c.print(name);
    }
    all.print("all pages");
    if !unseen.is_empty() {
        println!("pages of the later hand-checked sets (crates/eval/unseen/<set>; dev-web and dev-web2 were used for NER rules and, since the eighteenth session, for text-dump rules; the blind sets are blind):");
        for (name, c) in &unseen {
            c.print(name);
        }
    }
    if worst > 0 {
        per_page.sort_by(|a, b| {
            a.1.body_recall()
                .partial_cmp(&b.1.body_recall())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        println!("lowest body recall:");
        for (name, c) in per_page.iter().filter(|(_, c)| c.body > 0).take(worst) {
            println!(
                "  {name}: {}/{} body kept, {}/{} boilerplate kept",
                c.body_kept, c.body, c.boiler_kept, c.boiler
            );
        }
        per_page.sort_by(|a, b| {
            a.1.boiler_recall()
                .partial_cmp(&b.1.boiler_recall())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        println!("lowest boilerplate recall:");
        for (name, c) in per_page.iter().filter(|(_, c)| c.boiler > 0).take(worst) {
            println!(
                "  {name}: {}/{} body kept, {}/{} boilerplate kept",
                c.body_kept, c.body, c.boiler_kept, c.boiler
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- show

fn show(which: &str, seeds_dir: &Path, devset: &Path, data: &Path, hand: &Path) -> Result<()> {
    let (input, page) = if let Some(file) = which.strip_prefix("seed:") {
        (std::fs::read_to_string(seeds_dir.join(file))?, None)
    } else {
        let pages = load_pages(devset, data, hand)?;
        let page = pages
            .into_iter()
            .find(|p| format!("{}/{}", p.set, p.id) == which)
            .context("no such dev page")?;
        (std::fs::read_to_string(&page.path)?, Some(page))
    };
    let (labels, kept, ex) = match &page {
        Some(p) => {
            let (_, labels, kept, ex) = score_page(&input, p);
            (labels, kept, ex)
        }
        None => {
            let ex = text_dump::extract(&input);
            let lines = raw_lines(&input);
            let kept = kept_lines(&lines, &ex);
            (vec![Label::Unlabelled; lines.len()], kept, ex)
        }
    };
    for ((l, lab), k) in raw_lines(&input).iter().zip(&labels).zip(&kept) {
        let lab = match lab {
            Label::Body => "B",
            Label::Boilerplate => "x",
            Label::Unlabelled => ".",
        };
        let mark = if *k { "KEEP" } else { "    " };
        let t: String = l.text.chars().take(150).collect();
        println!("{lab} {mark} {t}");
    }
    println!("metadata: {}", serde_json::to_string_pretty(&ex.metadata)?);
    for d in &ex.diagnostics {
        println!("diagnostic: {} {}", d.code, d.message);
    }
    Ok(())
}

// ---------------------------------------------------------------- speed

/// CPU seconds this process has used (user + system), from
/// `/proc/self/stat` (Linux; `None` elsewhere). Used so that the figure
/// stays meaningful when other jobs share the machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses).
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux configuration in use.
    Some((utime + stime) / 100.0)
}

fn throughput(corpus: &[String], secs: f64) {
    let bytes: usize = corpus.iter().map(String::len).sum();
    // Warm up (lexicon parse, caches).
    for p in corpus.iter().take(20) {
        std::hint::black_box(text_dump::extract(p));
    }
    let t0 = Instant::now();
    let c0 = cpu_seconds();
    let mut pages = 0usize;
    let mut rounds = 0usize;
    while t0.elapsed().as_secs_f64() < secs || rounds == 0 {
        for p in corpus {
            std::hint::black_box(text_dump::extract(p));
        }
        pages += corpus.len();
        rounds += 1;
    }
    let el = t0.elapsed().as_secs_f64();
    let cpu = c0
        .zip(cpu_seconds())
        .map(|(a, b)| b - a)
        .filter(|c| *c > 0.0);
    println!(
        "== dumps: throughput (one thread{}): {} pages ({:.1} MB) x {rounds} rounds in {el:.2} s wall = {:.0} pages/s, {:.1} MB/s",
        if cfg!(debug_assertions) { ", DEBUG build: use --release for real figures" } else { "" },
        corpus.len(),
        bytes as f64 / 1e6,
        pages as f64 / el,
        (bytes * rounds) as f64 / 1e6 / el
    );
    if let Some(cpu) = cpu {
        println!(
            "   per CPU second ({cpu:.2} s CPU; differs from wall time when other jobs share the cores): {:.0} pages/s, {:.1} MB/s",
            pages as f64 / cpu,
            (bytes * rounds) as f64 / 1e6 / cpu
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_against_a_gold_body() {
        let raw = "First paragraph of the article body here.\n\nShort Head\n\nSecond one.";
        let gold = Gold::Body {
            body: norm(raw),
            paras: raw.lines().map(norm).filter(|p| !p.is_empty()).collect(),
            raw: raw.into(),
            title: None,
        };
        assert_eq!(label("First paragraph of the article", &gold), Label::Body);
        assert_eq!(label("• Short Head", &gold), Label::Body);
        assert_eq!(label("Head", &gold), Label::Unlabelled);
        assert_eq!(
            label("Subscribe to our newsletter today", &gold),
            Label::Boilerplate
        );
        assert_eq!(label("Menu", &gold), Label::Boilerplate);
    }

    #[test]
    fn labels_against_snippets() {
        let gold = Gold::Snippets {
            with: vec!["a long snippet of body text that spans two lines of the dump".into()],
            without: vec!["Read more".into()],
            meta: None,
        };
        assert_eq!(
            label("a long snippet of body text that spans", &gold),
            Label::Body
        );
        assert_eq!(label("a long snippet", &gold), Label::Unlabelled);
        assert_eq!(label("Read more about it", &gold), Label::Boilerplate);
        assert_eq!(label("Other", &gold), Label::Unlabelled);
    }

    #[test]
    fn shingles_match_the_benchmark_rules() {
        assert_eq!(
            shingle_scores("a b c d e", "a b c d e"),
            (Some(1.0), Some(1.0))
        );
        let (p, r) = shingle_scores("a b c d e", "a b c d");
        assert_eq!(p, Some(1.0));
        assert!((r.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(shingle_scores("a b c d", ""), (None, Some(0.0)));
    }

    #[test]
    fn kept_lines_follow_the_offset_map() {
        let input = "Menu\nFirst paragraph of the article, long enough to be prose here.\n\
                     Second paragraph of the article, also long enough to be prose.\n";
        let ex = text_dump::extract(input);
        let lines = raw_lines(input);
        let kept = kept_lines(&lines, &ex);
        assert_eq!(kept.len(), 3);
        assert!(!kept[0]);
    }
}
