//! Evaluation task `stories`: near-duplicate detection
//! ([`dossier_stories::DedupIndex`]) and story grouping
//! ([`dossier_stories::group_stories`]).
//!
//! **Sources** (read from `<data>`, skipped with a message when absent):
//! the gold article bodies of ScrapingHub's set
//! (`extraction/scrapinghub/ground-truth.json`, 181 pages, mostly English),
//! the 100 French Wikinews 2012 articles (`text/fr-news`), and, as a pool of
//! real page chrome, the `without` snippets of trafilatura's set
//! (`extraction/trafilatura/eval.json`: menus, footers, "read also" lines,
//! cookie notices cut from real pages).
//!
//! 1. **Duplicates set** (generated, seeded xorshift; nothing is tuned on
//!    it beyond the defaults documented in `dossier_stories::dedup`). The
//!    articles are shuffled and split:
//!    * 70 % are *originals*; each gets 1..=`--copies` copies, each copy made
//!      by a random subset of: other chrome (header lines and footer lines
//!      from the chrome pool, a "related" block of headlines of OTHER
//!      articles), dropping a sentence, inserting a sentence of another
//!      article, case and punctuation changes, truncating the last
//!      paragraph to its first half, replacing three words. Gold: every pair inside a family (original
//!      and its copies) is a duplicate pair.
//!    * 15 % form *template negatives*: two different articles wrapped in
//!      the same chrome (one site's template, different stories).
//!    * 15 % form *topic negatives*: an article split into its even and its
//!      odd paragraphs (same story, same names, different text).
//!
//!    The ScrapingHub pages also include eight pairs of different articles
//!    from one site. All documents are inserted in a shuffled order; the
//!    pairs inside the reported clusters are scored against the gold pairs
//!    (precision, recall), and so are the direct pairs of `duplicates_of`.
//! 2. **Stories.** No public story-similarity set is in `<data>` (SemEval
//!    2022 task 8 is absent; checked). The ScrapingHub pages were collected
//!    in the same days of November 2019 and several outlets cover the same
//!    events; the Wikinews articles span 2012. Story labels were written by
//!    hand for both (`crates/stories/data/story-labels.json`: groups of
//!    articles on one event, ambiguous articles left out of scoring).
//!    * *whole articles*: the 281 articles (title + body, NER entities,
//!      Wikinews dates) grouped by `group_stories`; pairwise precision,
//!      recall, F1 against the labels, with and without entities, and a
//!      sweep of `min_score` (printed only; the default is unchanged);
//!    * *split articles*: each article of 4+ paragraphs cut into its even
//!      and odd paragraphs, two reports of one story with little shared
//!      wording (a harder proxy for "another outlet's report").
//!
//!    Entities are the PER/ORG/LOC mentions of `dossier_ner::analyze`
//!    (language from `dossier_lang::identify`).
//! 3. **Throughput**: `--bench-docs` generated documents (collages of 8 to
//!    40 sentences drawn from all articles, 30 % of them edited copies of
//!    earlier ones), generated first, then inserted one by one into one
//!    `DedupIndex` on one thread; the insert loop is timed in wall time
//!    and in on-CPU time of the thread (the machine may be shared). The
//!    sentence pool is small (~10k sentences), so unrelated documents share
//!    sentences far more often than real articles do: a harsh case for the
//!    LSH candidate count. Pair precision/recall on
//!    this set is printed too. `--stories-bench N` times `group_stories`
//!    on the first N of them.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use dossier_stories::{group_stories_with, DedupConfig, DedupIndex, StoryConfig, StoryInput};
use serde_json::Value;

/// Options of the `stories` task.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Seed of every generated set.
    #[arg(long, default_value_t = 20_261_129)]
    seed: u64,
    /// Most copies per original in the duplicates set.
    #[arg(long, default_value_t = 3)]
    copies: usize,
    /// Documents in the deduplication benchmark (0 skips it).
    #[arg(long, default_value_t = 100_000)]
    bench_docs: usize,
    /// Documents of the benchmark also grouped into stories, timed (0 skips).
    #[arg(long, default_value_t = 0)]
    stories_bench: usize,
    /// Errors printed per kind.
    #[arg(long, default_value_t = 8)]
    show: usize,
    /// Override the smallest estimated Jaccard of a duplicate pair.
    #[arg(long)]
    min_jaccard: Option<f32>,
    /// Override the smallest estimated containment of a duplicate pair.
    #[arg(long)]
    containment: Option<f32>,
    /// Words per shingle (default: the library's).
    #[arg(long)]
    shingle: Option<usize>,
    /// Write the generated duplicates set here as JSON Lines
    /// ({"id","family","edits","text"}) for inspection.
    #[arg(long)]
    dump_set: Option<std::path::PathBuf>,
    /// Skip the story evaluation.
    #[arg(long)]
    no_stories: bool,
    /// Skip entity recognition in the story evaluation.
    #[arg(long)]
    no_ner: bool,
}

/// A tiny seeded xorshift64* generator: the sets must be identical on every
/// run and platform, and no statistical quality beyond that is needed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(dossier_stories::shingle::mix64(seed) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

struct Article {
    key: String,
    title: String,
    date: Option<String>,
    /// Paragraphs of sentences.
    paras: Vec<Vec<String>>,
}

impl Article {
    fn text(&self) -> String {
        render(&self.paras)
    }
}

fn render(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Splits a paragraph after `.`, `!`, `?` (or `…`) followed by a space.
fn sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_end = false;
    for (i, c) in p.char_indices() {
        if prev_end && c == ' ' {
            let s = p[start..i].trim();
            if !s.is_empty() {
                out.push(s.to_owned());
            }
            start = i;
        }
        prev_end = matches!(c, '.' | '!' | '?' | '…');
    }
    let s = p[start..].trim();
    if !s.is_empty() {
        out.push(s.to_owned());
    }
    out
}

fn split_text(text: &str) -> Vec<Vec<String>> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(sentences)
        .collect()
}

struct Corpus {
    articles: Vec<Article>,
    chrome: Vec<String>,
    headlines: Vec<String>,
}

fn load(data: &Path) -> Result<Corpus> {
    let mut articles = Vec::new();
    let sh = data.join("extraction/scrapinghub/ground-truth.json");
    if sh.exists() {
        let v: Value = serde_json::from_slice(&std::fs::read(&sh)?)
            .with_context(|| sh.display().to_string())?;
        let mut items: Vec<(&String, &Value)> = v
            .as_object()
            .map(|o| o.iter().collect())
            .unwrap_or_default();
        items.sort_by(|a, b| a.0.cmp(b.0));
        for (id, item) in items {
            let body = item
                .get("articleBody")
                .and_then(Value::as_str)
                .unwrap_or("");
            let paras = split_text(body);
            let title = paras
                .first()
                .and_then(|p| p.first())
                .cloned()
                .unwrap_or_default();
            if !paras.is_empty() {
                articles.push(Article {
                    key: format!("sh:{}", id.get(..12).unwrap_or(id)),
                    title,
                    date: None,
                    paras,
                });
            }
        }
    } else {
        println!(
            "stories: {} absent, ScrapingHub bodies skipped",
            sh.display()
        );
    }
    let wn = data.join("text/fr-news/wikinews-fr-2012.jsonl");
    if wn.exists() {
        for (i, line) in std::fs::read_to_string(&wn)?.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let text = v.get("text").and_then(Value::as_str).unwrap_or("");
            let paras = split_text(text);
            if paras.is_empty() {
                continue;
            }
            articles.push(Article {
                key: format!("wn:{i:03}"),
                title: v
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
                date: v.get("date").and_then(Value::as_str).map(str::to_owned),
                paras,
            });
        }
    } else {
        println!(
            "stories: {} absent, Wikinews articles skipped",
            wn.display()
        );
    }
    let mut chrome = Vec::new();
    let tf = data.join("extraction/trafilatura/eval.json");
    if tf.exists() {
        let v: Value = serde_json::from_slice(&std::fs::read(&tf)?)
            .with_context(|| tf.display().to_string())?;
        for item in v.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            for s in item
                .get("without")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let s = s.as_str().unwrap_or("").trim();
                let words = s.split_whitespace().count();
                if (1..=30).contains(&words) {
                    chrome.push(s.to_owned());
                }
            }
        }
    } else {
        println!(
            "stories: {} absent, chrome made of headlines only",
            tf.display()
        );
    }
    let headlines: Vec<String> = articles
        .iter()
        .map(|a| {
            a.title
                .split_whitespace()
                .take(14)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if chrome.is_empty() {
        chrome = headlines.clone();
    }
    Ok(Corpus {
        articles,
        chrome,
        headlines,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
enum Edit {
    Chrome,
    DropSentence,
    InsertSentence,
    CasePunct,
    TruncateLast,
    ReplaceWords,
}

const EDITS: [Edit; 6] = [
    Edit::Chrome,
    Edit::DropSentence,
    Edit::InsertSentence,
    Edit::CasePunct,
    Edit::TruncateLast,
    Edit::ReplaceWords,
];

/// Lines of chrome: `n` lines from the pool (never from article `own`).
fn chrome_lines(c: &Corpus, rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .filter_map(|_| c.chrome.get(rng.below(c.chrome.len())).cloned())
        .collect()
}

fn related_block(c: &Corpus, rng: &mut Rng, own: usize) -> Vec<String> {
    let mut out = vec![if rng.chance(0.5) {
        "Related".to_owned()
    } else {
        "Lire aussi".to_owned()
    }];
    for _ in 0..rng.range(2, 5) {
        let k = rng.below(c.headlines.len());
        if k != own {
            if let Some(h) = c.headlines.get(k) {
                out.push(h.clone());
            }
        }
    }
    out
}

/// A page template: header lines, related block, footer lines.
struct Template {
    head: Vec<String>,
    related: Vec<String>,
    foot: Vec<String>,
}

fn template(c: &Corpus, rng: &mut Rng, own: usize) -> Template {
    let h = rng.range(2, 8);
    let f = rng.range(2, 6);
    Template {
        head: chrome_lines(c, rng, h),
        related: related_block(c, rng, own),
        foot: chrome_lines(c, rng, f),
    }
}

fn wrap(t: &Template, body: &str) -> String {
    let mut s = t.head.join("\n");
    s.push_str("\n\n");
    s.push_str(body);
    s.push_str("\n\n");
    s.push_str(&t.related.join("\n"));
    s.push('\n');
    s.push_str(&t.foot.join("\n"));
    s
}

fn random_sentence<'a>(c: &'a Corpus, rng: &mut Rng, own: usize) -> Option<&'a String> {
    let mut k = rng.below(c.articles.len());
    if k == own {
        k = (k + 1) % c.articles.len().max(1);
    }
    let a = c.articles.get(k)?;
    let p = a.paras.get(rng.below(a.paras.len()))?;
    p.get(rng.below(p.len()))
}

/// An edited copy of `paras` (article `own` of the corpus) and its edits.
fn make_copy(c: &Corpus, rng: &mut Rng, paras: &[Vec<String>], own: usize) -> (String, Vec<Edit>) {
    let mut edits: Vec<Edit> = EDITS
        .iter()
        .copied()
        .filter(|e| rng.chance(if *e == Edit::Chrome { 0.6 } else { 0.35 }))
        .collect();
    if edits.is_empty() {
        edits.push(EDITS[rng.below(EDITS.len())]);
    }
    let mut p: Vec<Vec<String>> = paras.to_vec();
    for e in &edits {
        match e {
            Edit::Chrome => {}
            Edit::DropSentence => {
                let total: usize = p.iter().map(Vec::len).sum();
                if total >= 3 {
                    let k = rng.below(p.len());
                    if let Some(par) = p.get_mut(k) {
                        if !par.is_empty() {
                            let i = rng.below(par.len());
                            par.remove(i);
                        }
                    }
                }
            }
            Edit::InsertSentence => {
                if let Some(s) = random_sentence(c, rng, own).cloned() {
                    let k = rng.below(p.len());
                    if let Some(par) = p.get_mut(k) {
                        let i = rng.below(par.len() + 1);
                        par.insert(i, s);
                    }
                }
            }
            Edit::CasePunct => {
                let k = rng.below(p.len());
                let upper = rng.chance(0.5);
                for (i, par) in p.iter_mut().enumerate() {
                    for s in par.iter_mut() {
                        let mut t = s
                            .replace(',', "")
                            .replace(['’', '\''], "'")
                            .replace(['“', '”', '«', '»'], "\"");
                        if i == k {
                            t = if upper {
                                t.to_uppercase()
                            } else {
                                t.to_lowercase()
                            };
                        }
                        *s = t;
                    }
                }
            }
            Edit::TruncateLast => {
                // The last paragraph is cut to its first half (sentences;
                // words when it is one sentence).
                if let Some(par) = p.last_mut() {
                    if par.len() >= 2 {
                        let keep = par.len().div_ceil(2);
                        par.truncate(keep);
                    } else if let Some(s) = par.first_mut() {
                        let words: Vec<&str> = s.split_whitespace().collect();
                        let keep = words.len().div_ceil(2);
                        *s = words.get(..keep).unwrap_or(&[]).join(" ");
                    }
                }
            }
            Edit::ReplaceWords => {
                for _ in 0..3 {
                    let Some(w) = random_sentence(c, rng, own).and_then(|s| {
                        s.split_whitespace()
                            .nth(rng.below(s.split_whitespace().count()))
                            .map(str::to_owned)
                    }) else {
                        continue;
                    };
                    let k = rng.below(p.len());
                    if let Some(par) = p.get_mut(k) {
                        let i = rng.below(par.len());
                        if let Some(s) = par.get_mut(i) {
                            let mut words: Vec<&str> = s.split_whitespace().collect();
                            let j = rng.below(words.len());
                            if let Some(slot) = words.get_mut(j) {
                                *slot = &w;
                            }
                            *s = words.join(" ");
                        }
                    }
                }
            }
        }
    }
    let body = render(&p);
    let text = if edits.contains(&Edit::Chrome) {
        wrap(&template(c, rng, own), &body)
    } else {
        body
    };
    (text, edits)
}

struct Doc {
    id: String,
    text: String,
    /// Family (gold duplicate group) of the document.
    family: usize,
    /// Edits of a copy (empty for an original or a negative).
    edits: Vec<Edit>,
}

/// The generated set: documents, the kind of each family, and the
/// known hard-negative pairs (ids).
struct DupSet {
    docs: Vec<Doc>,
    kinds: Vec<&'static str>,
    negatives: Vec<(String, String)>,
}

fn build_dup_set(c: &Corpus, args: &Args) -> DupSet {
    let mut rng = Rng::new(args.seed);
    let mut order: Vec<usize> = (0..c.articles.len()).collect();
    rng.shuffle(&mut order);
    let n = order.len();
    let n_orig = n * 70 / 100;
    let n_tmpl = n * 15 / 100;
    let mut docs = Vec::new();
    let mut family = 0usize;
    let mut kinds = Vec::new();
    for &k in order.iter().take(n_orig) {
        let Some(a) = c.articles.get(k) else { continue };
        docs.push(Doc {
            id: format!("{}#orig", a.key),
            text: a.text(),
            family,
            edits: Vec::new(),
        });
        for j in 0..rng.range(1, args.copies.max(1)) {
            let (text, edits) = make_copy(c, &mut rng, &a.paras, k);
            docs.push(Doc {
                id: format!("{}#copy{j}", a.key),
                text,
                family,
                edits,
            });
        }
        family += 1;
        kinds.push("family");
    }
    let mut negatives = Vec::new();
    let tmpl: Vec<usize> = order.iter().skip(n_orig).take(n_tmpl).copied().collect();
    for pair in tmpl.chunks(2) {
        let (Some(&x), Some(&y)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let t = template(c, &mut rng, x);
        if let (Some(a), Some(b)) = (c.articles.get(x), c.articles.get(y)) {
            negatives.push((format!("{}#tmpl", a.key), format!("{}#tmpl", b.key)));
        }
        for k in [x, y] {
            let Some(a) = c.articles.get(k) else { continue };
            docs.push(Doc {
                id: format!("{}#tmpl", a.key),
                text: wrap(&t, &a.text()),
                family,
                edits: Vec::new(),
            });
            family += 1;
            kinds.push("template");
        }
    }
    for &k in order.iter().skip(n_orig + n_tmpl) {
        let Some(a) = c.articles.get(k) else { continue };
        let (even, odd) = halves(&a.paras);
        negatives.push((format!("{}#even", a.key), format!("{}#odd", a.key)));
        for (h, paras) in [("even", even), ("odd", odd)] {
            if !paras.is_empty() {
                docs.push(Doc {
                    id: format!("{}#{h}", a.key),
                    text: render(&paras),
                    family,
                    edits: Vec::new(),
                });
                family += 1;
                kinds.push("topic");
            }
        }
    }
    DupSet {
        docs,
        kinds,
        negatives,
    }
}

/// Minimum, 1st, 5th, 10th percentiles and median of `v` (sorted here).
fn quantiles(v: &mut [f32]) -> String {
    v.sort_by(|a, b| a.total_cmp(b));
    let q = |p: f64| {
        v.get(((v.len().saturating_sub(1)) as f64 * p).round() as usize)
            .copied()
            .unwrap_or(f32::NAN)
    };
    format!(
        "min {:.2} p1 {:.2} p5 {:.2} p10 {:.2} median {:.2} max {:.2}",
        q(0.0),
        q(0.01),
        q(0.05),
        q(0.10),
        q(0.5),
        q(1.0)
    )
}

/// Even and odd paragraphs (a one-paragraph article is split by sentence).
fn halves(paras: &[Vec<String>]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    if paras.len() >= 2 {
        let even = paras.iter().step_by(2).cloned().collect();
        let odd = paras.iter().skip(1).step_by(2).cloned().collect();
        (even, odd)
    } else {
        let s: Vec<String> = paras.first().cloned().unwrap_or_default();
        (
            vec![s.iter().step_by(2).cloned().collect()],
            vec![s.iter().skip(1).step_by(2).cloned().collect()],
        )
    }
}

struct PairScore {
    tp: usize,
    fp: usize,
    gold: usize,
}

impl PairScore {
    fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn r(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
}

fn gold_pairs(families: &[usize]) -> usize {
    let mut size: HashMap<usize, usize> = HashMap::new();
    for &f in families {
        *size.entry(f).or_default() += 1;
    }
    size.values().map(|&s| s * (s - 1) / 2).sum()
}

/// Pairs within the predicted groups scored against the families.
fn score_groups(groups: &[Vec<usize>], families: &[usize]) -> (PairScore, Vec<(usize, usize)>) {
    let (mut tp, mut fp, mut wrong) = (0, 0, Vec::new());
    for g in groups {
        for (i, &a) in g.iter().enumerate() {
            for &b in g.iter().skip(i + 1) {
                if families.get(a) == families.get(b) {
                    tp += 1;
                } else {
                    fp += 1;
                    wrong.push((a, b));
                }
            }
        }
    }
    (
        PairScore {
            tp,
            fp,
            gold: gold_pairs(families),
        },
        wrong,
    )
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().filter(|c| *c != '\n').take(n).collect();
    if s.chars().count() > n {
        format!("{t}…")
    } else {
        t
    }
}

/// Runs the `stories` task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let corpus = load(data)?;
    if corpus.articles.len() < 4 {
        println!(
            "stories: skipped, fewer than 4 articles found under {}",
            data.display()
        );
        return Ok(());
    }
    println!(
        "stories: {} articles ({} chrome lines from trafilatura's set), seed {}",
        corpus.articles.len(),
        corpus.chrome.len(),
        args.seed
    );
    println!("dedup thresholds: {:?}", dedup_config(&args));
    duplicates(&corpus, &args);
    if !args.no_stories {
        stories(&corpus, &args);
    }
    if args.bench_docs > 0 {
        bench(&corpus, &args);
    }
    Ok(())
}

fn dedup_config(args: &Args) -> DedupConfig {
    let mut cfg = DedupConfig::default();
    if let Some(j) = args.min_jaccard {
        cfg.min_jaccard = j;
    }
    if let Some(c) = args.containment {
        cfg.containment = c;
    }
    if let Some(k) = args.shingle {
        cfg.shingle_size = k;
    }
    cfg
}

fn duplicates(c: &Corpus, args: &Args) {
    let DupSet {
        mut docs,
        kinds,
        negatives,
    } = build_dup_set(c, args);
    if let Some(path) = &args.dump_set {
        let lines: Vec<String> = docs
            .iter()
            .map(|d| {
                serde_json::json!({
                    "id": d.id,
                    "family": d.family,
                    "edits": d.edits.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>(),
                    "text": d.text,
                })
                .to_string()
            })
            .collect();
        match std::fs::write(path, lines.join("\n") + "\n") {
            Ok(()) => println!("duplicates set written to {}", path.display()),
            Err(e) => println!("could not write {}: {e}", path.display()),
        }
    }
    let mut rng = Rng::new(args.seed ^ 0xd0c5);
    rng.shuffle(&mut docs);
    let fams = kinds.len();
    let n_copies = docs.iter().filter(|d| !d.edits.is_empty()).count();
    println!("\n== Duplicates (re-wrapped set) ==");
    println!(
        "{} documents: {} families ({} copies), {} template negatives, {} topic negatives",
        docs.len(),
        kinds.iter().filter(|k| **k == "family").count(),
        n_copies,
        kinds.iter().filter(|k| **k == "template").count(),
        kinds.iter().filter(|k| **k == "topic").count(),
    );
    let _ = fams;
    let mut ix = DedupIndex::with_config(dedup_config(args));
    let t0 = Instant::now();
    for d in &docs {
        ix.insert(&d.id, &d.text);
    }
    let took = t0.elapsed();
    let pos: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let families: Vec<usize> = docs.iter().map(|d| d.family).collect();
    let clusters: Vec<Vec<usize>> = ix
        .clusters()
        .iter()
        .map(|g| {
            g.iter()
                .filter_map(|id| pos.get(id.as_str()).copied())
                .collect()
        })
        .collect();
    let (s, wrong) = score_groups(&clusters, &families);
    println!(
        "clusters: pairs {} predicted, {} gold; precision {:.4}  recall {:.4}  (targets P >= 0.98, R >= 0.95)",
        s.tp + s.fp,
        s.gold,
        s.p(),
        s.r()
    );
    // Direct pairs.
    let mut dtp = 0;
    let mut dfp = 0;
    for (i, d) in docs.iter().enumerate() {
        for (o, _) in ix.duplicates_of(&d.id) {
            if let Some(&j) = pos.get(o.as_str()) {
                if j > i {
                    if families.get(i) == families.get(j) {
                        dtp += 1;
                    } else {
                        dfp += 1;
                    }
                }
            }
        }
    }
    let ds = PairScore {
        tp: dtp,
        fp: dfp,
        gold: s.gold,
    };
    println!(
        "direct pairs (duplicates_of): precision {:.4}  recall {:.4}",
        ds.p(),
        ds.r()
    );
    println!(
        "insert time {:.1} ms for {} documents",
        took.as_secs_f64() * 1e3,
        docs.len()
    );

    // Recall per edit on (original, copy) pairs.
    let mut root: HashMap<usize, usize> = HashMap::new();
    for (ci, g) in clusters.iter().enumerate() {
        for &m in g {
            root.insert(m, ci);
        }
    }
    let orig_of: HashMap<usize, usize> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.id.ends_with("#orig"))
        .map(|(i, d)| (d.family, i))
        .collect();
    let mut per: HashMap<Edit, (usize, usize)> = HashMap::new();
    let mut missed = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if d.edits.is_empty() {
            continue;
        }
        let Some(&o) = orig_of.get(&d.family) else {
            continue;
        };
        let ok = root.contains_key(&i) && root.get(&i) == root.get(&o);
        for e in &d.edits {
            let slot = per.entry(*e).or_default();
            slot.1 += 1;
            if ok {
                slot.0 += 1;
            }
        }
        if !ok {
            missed.push((o, i));
        }
    }
    // Score distributions (estimated containment) of gold and negative pairs.
    let mut pos_c: Vec<f32> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if d.edits.is_empty() {
            continue;
        }
        let Some(o) = orig_of.get(&d.family).and_then(|&o| docs.get(o)) else {
            continue;
        };
        if let Some((_, cont)) = ix.similarity(&o.id, &d.id) {
            pos_c.push(cont);
        }
        let _ = i;
    }
    let neg: Vec<(f32, f32)> = negatives
        .iter()
        .filter_map(|(a, b)| ix.similarity(a, b))
        .collect();
    let mut neg_c: Vec<f32> = neg.iter().map(|x| x.1).collect();
    let mut neg_j: Vec<f32> = neg.iter().map(|x| x.0).collect();
    println!(
        "containment of (original, copy) pairs: {}",
        quantiles(&mut pos_c)
    );
    println!(
        "containment of {} hard-negative pairs: {}",
        neg_c.len(),
        quantiles(&mut neg_c)
    );
    println!(
        "Jaccard of the hard-negative pairs: {}",
        quantiles(&mut neg_j)
    );
    let mut per: Vec<_> = per.into_iter().collect();
    per.sort();
    let line: Vec<String> = per
        .iter()
        .map(|(e, (ok, n))| format!("{e:?} {:.3} ({ok}/{n})", *ok as f64 / (*n).max(1) as f64))
        .collect();
    println!(
        "recall of (original, copy) by edit present: {}",
        line.join(", ")
    );
    for (o, i) in missed.iter().take(args.show) {
        let (Some(a), Some(b)) = (docs.get(*o), docs.get(*i)) else {
            continue;
        };
        let (j, cont) = ix.similarity(&a.id, &b.id).unwrap_or((0.0, 0.0));
        println!(
            "  missed {} ({} words) ~ {} ({} words) {:?}: J {j:.2} containment {cont:.2}",
            b.id,
            b.text.split_whitespace().count(),
            a.id,
            a.text.split_whitespace().count(),
            b.edits
        );
    }
    for (a, b) in wrong.iter().take(args.show) {
        let (Some(a), Some(b)) = (docs.get(*a), docs.get(*b)) else {
            continue;
        };
        let (j, cont) = ix.similarity(&a.id, &b.id).unwrap_or((0.0, 0.0));
        println!(
            "  false pair {} ~ {} (J {j:.2} containment {cont:.2}): {:?} | {:?}",
            a.id,
            b.id,
            short(&a.text, 80),
            short(&b.text, 80)
        );
    }
}

fn entities_of(text: &str, use_ner: bool) -> Vec<String> {
    if !use_ner {
        return Vec::new();
    }
    let lang = dossier_lang::identify(text).map(|l| l.code).unwrap_or("en");
    let a = dossier_ner::analyze(text, lang);
    a.mentions
        .iter()
        .filter_map(|m| m.span.slice(text).map(str::to_owned))
        .collect()
}

/// Hand-written story labels (see the file's "about").
const STORY_LABELS: &str = include_str!("../../stories/data/story-labels.json");

struct Labels {
    story: HashMap<String, String>,
    ambiguous: std::collections::HashSet<String>,
}

fn labels() -> Labels {
    let v: Value = serde_json::from_str(STORY_LABELS).unwrap_or(Value::Null);
    let mut story = HashMap::new();
    if let Some(groups) = v.get("groups").and_then(Value::as_object) {
        for (name, members) in groups {
            for m in members.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(m) = m.as_str() {
                    story.insert(m.to_owned(), name.clone());
                }
            }
        }
    }
    let ambiguous = v
        .get("ambiguous")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Labels { story, ambiguous }
}

/// Pairwise scores of `groups` against `gold` (story label per document),
/// ignoring every pair that involves an excluded document.
fn score_stories(
    groups: &[Vec<usize>],
    gold: &[String],
    excluded: &[bool],
) -> (PairScore, Vec<(usize, usize)>) {
    let ok = |i: usize| !excluded.get(i).copied().unwrap_or(true);
    let (mut tp, mut fp, mut wrong) = (0, 0, Vec::new());
    for g in groups {
        for (i, &a) in g.iter().enumerate() {
            for &b in g.iter().skip(i + 1) {
                if !ok(a) || !ok(b) {
                    continue;
                }
                if gold.get(a) == gold.get(b) {
                    tp += 1;
                } else {
                    fp += 1;
                    wrong.push((a, b));
                }
            }
        }
    }
    let mut size: HashMap<&str, usize> = HashMap::new();
    for (i, l) in gold.iter().enumerate() {
        if ok(i) {
            *size.entry(l.as_str()).or_default() += 1;
        }
    }
    let gold_pairs = size.values().map(|&s| s * (s - 1) / 2).sum();
    (
        PairScore {
            tp,
            fp,
            gold: gold_pairs,
        },
        wrong,
    )
}

fn f1(s: &PairScore) -> f64 {
    if s.p() + s.r() > 0.0 {
        2.0 * s.p() * s.r() / (s.p() + s.r())
    } else {
        0.0
    }
}

fn stories(c: &Corpus, args: &Args) {
    println!("\n== Stories ==");
    println!(
        "No public story-similarity set under the data folder (SemEval-2022 task 8 absent). Scored against story labels \
         written by hand (crates/stories/data/story-labels.json: 27 stories of 2+ articles among the 281 articles, \
         25 ambiguous articles left out of scoring; not a blind annotation)."
    );
    let lab = labels();
    let label_of = |key: &str| {
        lab.story
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    };
    let cfg = StoryConfig::default();
    let ner_t = Instant::now();
    let ents: Vec<Vec<String>> = c
        .articles
        .iter()
        .map(|a| entities_of(&format!("{}\n\n{}", a.title, a.text()), !args.no_ner))
        .collect();
    if !args.no_ner {
        println!(
            "(entities of the whole articles from dossier-ner: {:.1} s)",
            ner_t.elapsed().as_secs_f64()
        );
    }

    let run = |inputs: &[StoryInput],
               gold: &[String],
               excluded: &[bool],
               label: &str,
               cfg: &StoryConfig,
               show: bool| {
        let t = Instant::now();
        let st = group_stories_with(inputs, cfg);
        let took = t.elapsed();
        let pos: HashMap<&str, usize> = inputs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let groups: Vec<Vec<usize>> = st
            .iter()
            .map(|s| {
                s.members
                    .iter()
                    .filter_map(|id| pos.get(id.as_str()).copied())
                    .collect()
            })
            .collect();
        let (s, wrong) = score_stories(&groups, gold, excluded);
        println!(
            "{label}: {} docs, {} gold pairs: pairwise P {:.3} R {:.3} F1 {:.3} ({} predicted pairs, {:.1} ms)",
            inputs.len(),
            s.gold,
            s.p(),
            s.r(),
            f1(&s),
            s.tp + s.fp,
            took.as_secs_f64() * 1e3
        );
        if show {
            for (a, b) in wrong.iter().take(args.show) {
                let (Some(x), Some(y)) = (inputs.get(*a), inputs.get(*b)) else {
                    continue;
                };
                println!(
                    "  wrongly joined {} ~ {}: {:?} | {:?}",
                    x.id,
                    y.id,
                    short(&x.text, 60),
                    short(&y.text, 60)
                );
            }
            // Missed gold pairs.
            let mut group_of = vec![usize::MAX; inputs.len()];
            for (gi, g) in groups.iter().enumerate() {
                for &m in g {
                    if let Some(slot) = group_of.get_mut(m) {
                        *slot = gi;
                    }
                }
            }
            let mut missed = 0;
            for i in 0..inputs.len() {
                for j in i + 1..inputs.len() {
                    let ex = excluded.get(i).copied().unwrap_or(true)
                        || excluded.get(j).copied().unwrap_or(true);
                    if !ex && gold.get(i) == gold.get(j) && group_of.get(i) != group_of.get(j) {
                        missed += 1;
                        if missed <= args.show {
                            let (Some(x), Some(y)) = (inputs.get(i), inputs.get(j)) else {
                                continue;
                            };
                            println!(
                                "  missed {} ~ {} ({}): {:?} | {:?}",
                                x.id,
                                y.id,
                                gold.get(i).map(String::as_str).unwrap_or(""),
                                short(&x.text, 50),
                                short(&y.text, 50)
                            );
                        }
                    }
                }
            }
        }
    };

    // A. Whole articles, hand labels.
    let mut inputs = Vec::new();
    let mut gold = Vec::new();
    let mut excluded = Vec::new();
    for (a, e) in c.articles.iter().zip(&ents) {
        inputs.push(StoryInput {
            id: a.key.clone(),
            text: format!("{}\n\n{}", a.title, a.text()),
            entities: e.clone(),
            date: a.date.clone(),
        });
        gold.push(label_of(&a.key));
        excluded.push(lab.ambiguous.contains(&a.key));
    }
    run(
        &inputs,
        &gold,
        &excluded,
        "whole articles, text + entities + dates",
        &cfg,
        true,
    );
    let plain: Vec<StoryInput> = inputs
        .iter()
        .map(|d| StoryInput {
            entities: Vec::new(),
            ..d.clone()
        })
        .collect();
    run(
        &plain,
        &gold,
        &excluded,
        "whole articles, text + dates (no entities)",
        &cfg,
        false,
    );
    for ms in [0.2f32, 0.25, 0.35, 0.4] {
        let c2 = StoryConfig {
            min_score: ms,
            ..cfg.clone()
        };
        run(
            &inputs,
            &gold,
            &excluded,
            &format!("  (sweep) min_score {ms:.2}"),
            &c2,
            false,
        );
    }

    // B. Split articles: each article of 4+ paragraphs as two reports.
    let mut inputs = Vec::new();
    let mut gold = Vec::new();
    let mut excluded = Vec::new();
    for (a, e) in c.articles.iter().zip(&ents) {
        let parts: Vec<(String, String)> = if a.paras.len() >= 4 {
            let (even, odd) = halves(&a.paras);
            vec![
                (format!("{}#even", a.key), render(&even)),
                (format!("{}#odd", a.key), render(&odd)),
            ]
        } else {
            vec![(a.key.clone(), a.text())]
        };
        for (id, text) in parts {
            let entities = if args.no_ner {
                Vec::new()
            } else {
                entities_of(&text, true)
            };
            let _ = e;
            inputs.push(StoryInput {
                id,
                text,
                entities,
                date: a.date.clone(),
            });
            gold.push(label_of(&a.key));
            excluded.push(lab.ambiguous.contains(&a.key));
        }
    }
    run(
        &inputs,
        &gold,
        &excluded,
        "split articles (even/odd paragraphs as two reports), text + entities + dates",
        &cfg,
        false,
    );
    let plain: Vec<StoryInput> = inputs
        .iter()
        .map(|d| StoryInput {
            entities: Vec::new(),
            ..d.clone()
        })
        .collect();
    run(
        &plain,
        &gold,
        &excluded,
        "split articles, text + dates (no entities)",
        &cfg,
        false,
    );
}

/// On-CPU seconds of this thread (Linux `/proc/thread-self/schedstat`),
/// which unlike wall time does not count time lost to other processes.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Sentences with 6+ words from all articles.
fn sentence_pool(c: &Corpus) -> Vec<&str> {
    c.articles
        .iter()
        .flat_map(|a| a.paras.iter().flatten())
        .filter(|s| s.split_whitespace().count() >= 6)
        .map(String::as_str)
        .collect()
}

fn collage(pool: &[&str], seed: u64) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    let n = rng.range(8, 40);
    let mut paras = Vec::new();
    let mut cur = Vec::new();
    for _ in 0..n {
        if let Some(s) = pool.get(rng.below(pool.len())) {
            cur.push((*s).to_owned());
        }
        if cur.len() >= rng.range(2, 4) {
            paras.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    paras
}

fn bench(c: &Corpus, args: &Args) {
    println!("\n== Deduplication throughput (one thread) ==");
    let pool = sentence_pool(c);
    if pool.is_empty() {
        println!("skipped: no sentences");
        return;
    }
    let mut rng = Rng::new(args.seed ^ 0xbe4c);
    let mut families: Vec<usize> = Vec::with_capacity(args.bench_docs);
    let mut originals: Vec<u64> = Vec::new();
    let mut texts: Vec<String> = Vec::with_capacity(args.bench_docs);
    let gen = Instant::now();
    for _ in 0..args.bench_docs {
        let (text, fam) = if !originals.is_empty() && rng.chance(0.3) {
            let f = rng.below(originals.len());
            let paras = collage(&pool, originals.get(f).copied().unwrap_or(0));
            (make_copy(c, &mut rng, &paras, usize::MAX).0, f)
        } else {
            let seed = rng.next();
            originals.push(seed);
            (render(&collage(&pool, seed)), originals.len() - 1)
        };
        texts.push(text);
        families.push(fam);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("g{i}")).collect();
    println!(
        "generated {} documents ({:.0} MB, {} originals, {} edited copies) in {:.1} s",
        texts.len(),
        bytes as f64 / 1e6,
        originals.len(),
        texts.len() - originals.len(),
        gen.elapsed().as_secs_f64()
    );
    let mut ix = DedupIndex::with_config(dedup_config(args));
    let cpu0 = thread_cpu_seconds();
    let t = Instant::now();
    for (id, text) in ids.iter().zip(texts.iter()) {
        ix.insert(id, text);
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => format!(
            "{:.2} s on-CPU ({:.0} docs/s)",
            b - a,
            args.bench_docs as f64 / (b - a).max(1e-9)
        ),
        _ => "on-CPU time unavailable".to_owned(),
    };
    println!(
        "DedupIndex::insert x {}: {:.2} s wall = {:.0} docs/s, {:.1} MB/s; {}",
        args.bench_docs,
        secs,
        args.bench_docs as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9),
        cpu
    );
    let keep: Vec<StoryInput> = ids
        .iter()
        .zip(texts)
        .take(args.stories_bench)
        .map(|(id, text)| StoryInput {
            id: id.clone(),
            text,
            entities: Vec::new(),
            date: None,
        })
        .collect();
    let st = ix.stats();
    println!(
        "work: {} signatures, {} bucket entries walked, {} candidates verified ({:.1}/doc), {} pairs accepted",
        st.signatures,
        st.walked,
        st.verified,
        st.verified as f64 / st.docs.max(1) as f64,
        st.pairs
    );
    let t = Instant::now();
    let clusters: Vec<Vec<usize>> = ix
        .clusters()
        .iter()
        .map(|g| {
            g.iter()
                .filter_map(|id| id.get(1..).and_then(|n| n.parse().ok()))
                .collect()
        })
        .collect();
    let (s, _) = score_groups(&clusters, &families);
    println!(
        "clusters() {:.2} s: {} clusters; pairs precision {:.4} recall {:.4} ({} gold pairs)",
        t.elapsed().as_secs_f64(),
        clusters.len(),
        s.p(),
        s.r(),
        s.gold
    );
    if !keep.is_empty() {
        let cpu0 = thread_cpu_seconds();
        let t = Instant::now();
        let st = group_stories_with(&keep, &StoryConfig::default());
        let cpu = match (cpu0, thread_cpu_seconds()) {
            (Some(a), Some(b)) => format!("{:.2} s on-CPU", b - a),
            _ => "on-CPU time unavailable".to_owned(),
        };
        println!(
            "group_stories on {} documents: {:.2} s wall, {cpu} ({} stories, {} of 2+ documents)",
            keep.len(),
            t.elapsed().as_secs_f64(),
            st.len(),
            st.iter().filter(|s| s.members.len() > 1).count()
        );
    }
}
