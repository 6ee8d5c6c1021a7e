//! `dossier-eval dossier`: entity resolution across articles and attributed
//! quotes, scored on the seeds against `../shared/gold/seeds-dossier.json`.
//!
//! Each page goes through the real pipeline (extraction, language, NER via
//! `dossier_document::Pipeline`); the headline's mentions (tagged by the
//! NER stage with the body as context) are prepended to the body
//! ("title\n\nbody") so that names in headlines are linked too. Then `dossier_link::resolve` builds the dossier.
//!
//! Scores:
//! - **Entities**: every predicted mention whose text (article stripped,
//!   folded) is the name or an alias of exactly one gold entity listed for
//!   that document is an item; items are grouped by gold entity and by
//!   predicted entity. We report pairwise P/R/F1 over item pairs and B³
//!   P/R/F1 (the headline figure is pairwise F1). Mentions that name no gold
//!   entity are not scored (the gold lists the dossier's actors, not every
//!   mention). Gold (entity, document) pairs with no item are listed as
//!   missed.
//! - **Quotes**: a predicted quote matches a gold quote of the same
//!   document when their texts, normalised (folded, quote marks and
//!   apostrophes unified, whitespace collapsed), contain one another; it is
//!   right when its speaker's name or an alias equals the gold speaker
//!   (folded). Recall = gold quotes matched with the right speaker / gold;
//!   precision = predicted quotes matching a gold quote with the right
//!   speaker / predicted.
//!
//! `--pages FILE|DIR…` runs the same on other pages (HTML, .html.gz or text
//! dumps), unscored, and prints what was found.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dossier_document::{Document, Mention, PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_link::{DocInput, Dossier};
use dossier_ner::NerStage;
use dossier_text::normalize::fold;
use dossier_text::Span;
use serde_json::Value;

/// Options of `dossier-eval dossier`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of the sample pages.
    #[arg(long, default_value = "examples/seeds")]
    pub seeds: PathBuf,
    /// Cross-document gold (default: <data>/../gold/seeds-dossier.json).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// Other pages (files or folders) to run on, unscored.
    #[arg(long, num_args = 1..)]
    pub pages: Vec<PathBuf>,
    /// At most this many of `--pages`.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Knowledge file (CSV or JSON Lines) to link entities to.
    #[arg(long)]
    pub kb: Option<PathBuf>,
    /// Print every entity and quote found.
    #[arg(long)]
    pub show: bool,
    /// Print the dossier as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also time linking the seeds copied N times (ids made distinct).
    #[arg(long)]
    pub bench: Option<usize>,
}

/// Reads a page (HTML, .gz, or a text dump).
pub fn read_page(path: &Path) -> Result<RawPage> {
    let mut bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path.to_string_lossy().to_lowercase();
    if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
        bytes = out;
    }
    let html = name.contains(".htm") || bytes.iter().take(512).any(|&b| b == b'<');
    Ok(RawPage {
        source: path.display().to_string(),
        url: None,
        fetched_at: None,
        kind: if html { PageKind::Html } else { PageKind::Text },
        declared_charset: None,
        bytes,
    })
}

/// Runs the pipeline on one page and builds the linker's input, with the
/// headline analysed (with the body as context) and prepended.
pub fn doc_input(pipeline: &Pipeline, raw: &RawPage, id: &str) -> Result<DocInput> {
    Ok(input_of(&run_page(pipeline, raw)?, id))
}

/// Runs the pipeline on one page, the failing stage named in the error.
pub fn run_page(pipeline: &Pipeline, raw: &RawPage) -> Result<Document> {
    pipeline.run(raw).map_err(|e| {
        anyhow::anyhow!(
            "{}: {} stage: {}",
            raw.source,
            e.stage,
            e.diagnostic.message
        )
    })
}

/// The linker's input for an analysed document, with the headline
/// analysed (with the body as context) and prepended.
pub fn input_of(doc: &Document, id: &str) -> DocInput {
    let lang = doc
        .metadata
        .language
        .as_ref()
        .map(|l| l.value.clone())
        .unwrap_or_default();
    let title = doc.metadata.title.as_ref().map(|t| t.value.clone());
    let body = doc.text().to_string();
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // The NER stage's headline mentions (the headline tagged with its
    // body as context), as `dossier analyze` prints them.
    if let (Some(t), Some(heads)) = (title.as_deref(), doc.layers.title_mentions.as_deref()) {
        text.push_str(t);
        text.push_str("\n\n");
        sentences.push(Span::new(0, t.len()));
        mentions.extend(heads.iter().cloned());
    }
    let off = text.len();
    text.push_str(&body);
    let shift = |s: Span| Span::new(s.start + off, s.end + off);
    sentences.extend(doc.layers.sentences.iter().flatten().map(|s| shift(*s)));
    mentions.extend(doc.layers.mentions.iter().flatten().map(|m| Mention {
        span: shift(m.span),
        ..m.clone()
    }));
    DocInput {
        id: id.to_string(),
        text,
        language: lang,
        mentions,
        sentences,
        title,
    }
}

fn pipeline() -> Result<Pipeline> {
    Ok(Pipeline::new(vec![
        Box::new(ExtractStage),
        Box::new(LanguageStage),
        Box::new(NerStage::default()),
    ])?)
}

fn norm_quote(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '«' | '»' | '“' | '”' | '"' => ' ',
            c => c,
        })
        .collect();
    fold(&mapped)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folded name without a leading article.
fn norm_name(s: &str) -> String {
    let f = norm_quote(s);
    for art in ["le ", "la ", "les ", "l'", "the "] {
        if let Some(r) = f.strip_prefix(art) {
            return r.trim().to_string();
        }
    }
    f
}

pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn show(d: &Dossier) {
    for e in &d.entities {
        let roles: Vec<&str> = e.roles.iter().map(|r| r.text.as_str()).collect();
        let place = e
            .place
            .as_ref()
            .map(|p| format!(" place={}:{} ({:.2})", p.tier, p.code, p.confidence))
            .unwrap_or_default();
        println!(
            "  {} [{}] {:?} aliases={:?} docs={:?} roles={:?}{}{}",
            e.id,
            e.kind.as_str(),
            e.name,
            e.aliases,
            e.docs,
            roles,
            place,
            e.kb.as_ref()
                .map(|k| format!(" kb={}", k.id))
                .unwrap_or_default()
        );
        for m in &e.merges {
            println!("      merge: {m}");
        }
    }
    for q in &d.quotes {
        println!(
            "  quote {} [{}] {:?} ({:?}, {}) «{}»",
            q.doc,
            q.cue,
            q.speaker_name.as_deref().unwrap_or("?"),
            q.verb.as_deref().unwrap_or("-"),
            q.speaker.as_deref().unwrap_or("-"),
            q.text
        );
    }
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let p = pipeline()?;
    let kb = match &args.kb {
        Some(path) => Some(dossier_link::load_kb(path)?),
        None => None,
    };
    let new_dossier = || match &kb {
        Some(k) => Dossier::with_kb(k.clone()),
        None => Dossier::new(),
    };
    // Seeds.
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&args.seeds) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let gold_path = args
        .gold
        .clone()
        .unwrap_or_else(|| data.join("../gold/seeds-dossier.json"));
    if files.is_empty() {
        println!("seeds: skipped ({} has no pages)", args.seeds.display());
    } else {
        let mut inputs = Vec::new();
        for f in &files {
            let id: String = f
                .file_name()
                .map(|n| n.to_string_lossy().chars().take(3).collect())
                .unwrap_or_default();
            inputs.push(doc_input(&p, &read_page(f)?, &id)?);
        }
        let t0 = std::time::Instant::now();
        let mut d = new_dossier();
        d.add_documents(&inputs);
        let el = t0.elapsed();
        println!(
            "== dossier: {} seed pages, {} entities, {} quotes ({:.1} ms to link)",
            inputs.len(),
            d.entities.len(),
            d.quotes.len(),
            el.as_secs_f64() * 1e3
        );
        if args.show {
            show(&d);
        }
        if args.json {
            println!("{}", serde_json::to_string_pretty(&d)?);
        }
        match std::fs::read_to_string(&gold_path) {
            Ok(g) => {
                score(&d, &serde_json::from_str(&g)?);
            }
            Err(_) => println!("seeds: not scored ({} not found)", gold_path.display()),
        }
        if let Some(n) = args.bench {
            let many: Vec<DocInput> = (0..n)
                .flat_map(|i| {
                    inputs.iter().map(move |x| DocInput {
                        id: format!("{}-{i}", x.id),
                        ..x.clone()
                    })
                })
                .collect();
            let t0 = std::time::Instant::now();
            let mut big = new_dossier();
            big.add_documents(&many);
            let batch = t0.elapsed();
            let extra = DocInput {
                id: "extra".into(),
                ..inputs[0].clone()
            };
            let t1 = std::time::Instant::now();
            big.add_document(&extra);
            let one = t1.elapsed();
            println!("bench: {} documents linked in {:.2} s ({} entities, {} quotes); adding one more: {:.2} s", many.len(), batch.as_secs_f64(), big.entities.len(), big.quotes.len(), one.as_secs_f64());
        }
    }
    // Other pages, unscored.
    if !args.pages.is_empty() {
        let mut paths = Vec::new();
        for p in &args.pages {
            if p.is_dir() {
                let mut v: Vec<PathBuf> = std::fs::read_dir(p)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file())
                    .collect();
                v.sort();
                paths.extend(v);
            } else if p.is_file() {
                paths.push(p.clone());
            } else {
                println!("pages: skipped {} (absent)", p.display());
            }
        }
        paths.truncate(args.limit);
        let mut inputs = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            match read_page(path).and_then(|raw| doc_input(&p, &raw, &format!("p{i:03}"))) {
                Ok(x) => {
                    println!(
                        "p{i:03} = {} ({}, {} mentions)",
                        path.display(),
                        x.language,
                        x.mentions.len()
                    );
                    inputs.push(x);
                }
                Err(e) => println!("skipped {}: {e}", path.display()),
            }
        }
        let mut d = new_dossier();
        d.add_documents(&inputs);
        let merged = d.entities.iter().filter(|e| e.docs.len() > 1).count();
        println!(
            "== pages: {} documents, {} entities ({} in several documents), {} quotes",
            inputs.len(),
            d.entities.len(),
            merged,
            d.quotes.len()
        );
        show(&d);
    }
    Ok(())
}

/// What [`score`] measured.
#[derive(Debug, Default, Clone, Copy)]
pub struct DossierScore {
    /// Scored mentions (items).
    pub items: usize,
    /// Pairwise precision and recall over item pairs.
    pub pairwise: (f64, f64),
    /// B³ precision and recall.
    pub b_cubed: (f64, f64),
    /// Gold (entity, document) pairs, and those with a scored mention.
    pub entity_docs: (usize, usize),
    /// Predicted quotes, those right (text and speaker).
    pub quotes_predicted: (usize, usize),
    /// Gold quotes, those found with the right speaker.
    pub quotes_gold: (usize, usize),
}

/// Scores a dossier against gold in the shape of seeds-dossier.json
/// (entities with `docs`, quotes with `doc`), printing the details.
pub fn score(d: &Dossier, gold: &Value) -> DossierScore {
    // ---- entities
    let empty = Vec::new();
    let gents = gold["entities"].as_array().unwrap_or(&empty);
    let mut names_of: Vec<(String, Vec<String>, HashSet<String>)> = Vec::new();
    for g in gents {
        let name = g["name"].as_str().unwrap_or("").to_string();
        let mut forms: Vec<String> = vec![norm_name(&name)];
        forms.extend(
            g["aliases"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .filter_map(Value::as_str)
                .map(norm_name),
        );
        let docs: HashSet<String> = g["docs"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        names_of.push((name, forms, docs));
    }
    // items: (gold index, predicted entity index, doc)
    let mut items: Vec<(usize, usize, String, String)> = Vec::new();
    for (ei, e) in d.entities.iter().enumerate() {
        for m in &e.mentions {
            let n = norm_name(&m.text);
            let hits: Vec<usize> = names_of
                .iter()
                .enumerate()
                .filter(|(_, g)| g.2.contains(&m.doc) && g.1.contains(&n))
                .map(|(i, _)| i)
                .collect();
            if let [gi] = hits.as_slice() {
                items.push((*gi, ei, m.doc.clone(), m.text.clone()));
            }
        }
    }
    let n = items.len();
    let (mut tp, mut pred_pairs, mut gold_pairs) = (0usize, 0usize, 0usize);
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&items[i], &items[j]);
            let same_g = a.0 == b.0;
            let same_p = a.1 == b.1;
            tp += (same_g && same_p) as usize;
            pred_pairs += same_p as usize;
            gold_pairs += same_g as usize;
        }
    }
    let (pp, pr) = (ratio(tp, pred_pairs), ratio(tp, gold_pairs));
    // B³
    let mut gcount: HashMap<usize, usize> = HashMap::new();
    let mut pcount: HashMap<usize, usize> = HashMap::new();
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    for it in &items {
        *gcount.entry(it.0).or_default() += 1;
        *pcount.entry(it.1).or_default() += 1;
        *both.entry((it.0, it.1)).or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for it in &items {
        let c = both[&(it.0, it.1)] as f64;
        bp += c / pcount[&it.1] as f64;
        br += c / gcount[&it.0] as f64;
    }
    let (bp, br) = if n == 0 {
        (0.0, 0.0)
    } else {
        (bp / n as f64, br / n as f64)
    };
    println!(
        "entities: {} scored mentions of {} gold entities",
        n,
        gents.len()
    );
    println!(
        "  pairwise  P {:.3}  R {:.3}  F1 {:.3}   (target F1 >= 0.95)",
        pp,
        pr,
        f1(pp, pr)
    );
    println!("  B-cubed   P {:.3}  R {:.3}  F1 {:.3}", bp, br, f1(bp, br));
    // Misses: gold entities split over several predicted entities; predicted
    // entities holding several gold entities; gold (entity, doc) not found.
    let mut split: BTreeMap<usize, HashSet<usize>> = BTreeMap::new();
    let mut merged: BTreeMap<usize, HashSet<usize>> = BTreeMap::new();
    let mut found: HashSet<(usize, String)> = HashSet::new();
    for it in &items {
        split.entry(it.0).or_default().insert(it.1);
        merged.entry(it.1).or_default().insert(it.0);
        found.insert((it.0, it.2.clone()));
    }
    for (g, ps) in &split {
        if ps.len() > 1 {
            let names: Vec<String> = ps
                .iter()
                .map(|&p| format!("{} {:?}", d.entities[p].id, d.entities[p].docs))
                .collect();
            detail!(
                "  split: gold '{}' over {}",
                names_of[*g].0,
                names.join(" | ")
            );
        }
    }
    for (p, gs) in &merged {
        if gs.len() > 1 {
            let names: Vec<&str> = gs.iter().map(|&g| names_of[g].0.as_str()).collect();
            detail!("  merged: {} holds gold {:?}", d.entities[*p].id, names);
        }
    }
    let mut missing = Vec::new();
    for (gi, g) in names_of.iter().enumerate() {
        let mut docs: Vec<&String> = g.2.iter().collect();
        docs.sort();
        for doc in docs {
            if !found.contains(&(gi, doc.clone())) {
                missing.push(format!("{}@{}", g.0, doc));
            }
        }
    }
    let total_pairs: usize = names_of.iter().map(|g| g.2.len()).sum();
    println!(
        "  gold (entity, doc) pairs with a scored mention: {}/{}",
        total_pairs - missing.len(),
        total_pairs
    );
    if !missing.is_empty() {
        detail!("  not found: {}", missing.join(", "));
    }
    // ---- quotes
    let gq = gold["quotes"].as_array().unwrap_or(&empty);
    let speaker_ok = |q: &dossier_link::Quote, gold_speaker: &str| {
        let gs = norm_name(gold_speaker);
        q.speaker
            .as_deref()
            .and_then(|id| d.entity(id))
            .is_some_and(|e| {
                norm_name(&e.name) == gs || e.aliases.iter().any(|a| norm_name(a) == gs)
            })
    };
    let text_match = |q: &dossier_link::Quote, g: &Value| {
        let (a, b) = (
            norm_quote(&q.text),
            norm_quote(g["quote"].as_str().unwrap_or("")),
        );
        g["doc"].as_str() == Some(q.doc.as_str())
            && !a.is_empty()
            && !b.is_empty()
            && (a.contains(&b) || b.contains(&a))
    };
    let mut recalled = 0;
    for g in gq {
        let hit = d
            .quotes
            .iter()
            .filter(|q| text_match(q, g))
            .collect::<Vec<_>>();
        let ok = hit
            .iter()
            .any(|q| speaker_ok(q, g["speaker"].as_str().unwrap_or("")));
        if ok {
            recalled += 1;
        } else {
            let got: Vec<String> = hit
                .iter()
                .map(|q| format!("{:?} via {}", q.speaker_name, q.cue))
                .collect();
            detail!(
                "  quote missed: {} {:?} «{}» got {:?}",
                g["doc"].as_str().unwrap_or(""),
                g["speaker"].as_str().unwrap_or(""),
                g["quote"].as_str().unwrap_or(""),
                got
            );
        }
    }
    let mut precise = 0;
    for q in &d.quotes {
        let ok = gq
            .iter()
            .any(|g| text_match(q, g) && speaker_ok(q, g["speaker"].as_str().unwrap_or("")));
        if ok {
            precise += 1;
        } else {
            detail!(
                "  quote extra: {} {:?} via {} «{}»",
                q.doc, q.speaker_name, q.cue, q.text
            );
        }
    }
    let (qp, qr) = (ratio(precise, d.quotes.len()), ratio(recalled, gq.len()));
    println!(
        "quotes: P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}   (targets P >= 0.9, R >= 0.9)",
        qp,
        precise,
        d.quotes.len(),
        qr,
        recalled,
        gq.len(),
        f1(qp, qr)
    );
    DossierScore {
        items: n,
        pairwise: (pp, pr),
        b_cubed: (bp, br),
        entity_docs: (total_pairs, total_pairs - missing.len()),
        quotes_predicted: (d.quotes.len(), precise),
        quotes_gold: (gq.len(), recalled),
    }
}
