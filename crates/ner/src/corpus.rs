//! Readers for the public NER corpora under `../shared/data/ner` (Sequoia-NE,
//! NewsEye/HIPE-2022, Europeana, UNER, GUM), all turned into documents of
//! sentences of surface tokens with BIO labels over PER/ORG/LOC/MISC.

use std::io::Read;
use std::path::Path;

use crate::label::{Label, Type};

/// One sentence: surface tokens and their labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Surface tokens.
    pub tokens: Vec<String>,
    /// One label per token.
    pub labels: Vec<Label>,
}

/// A document: an id and its sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusDoc {
    /// Document id (or a pseudo-document id for sets without documents).
    pub id: String,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

/// Errors while reading a corpus file.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file could not be read.
    #[error("reading {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads a file, gunzipping it when its name ends in `.gz`.
pub fn read_text(path: &Path) -> Result<String, CorpusError> {
    let io = |source| CorpusError::Io { path: path.display().to_string(), source };
    let bytes = std::fs::read(path).map_err(io)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).map_err(io)?;
        Ok(s)
    } else {
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn map_type(t: &str) -> Option<Type> {
    match t {
        "PER" | "PERS" => Some(Type::Per),
        "ORG" => Some(Type::Org),
        "LOC" => Some(Type::Loc),
        "MISC" | "PROD" | "EVE" | "HumanProd" => Some(Type::Misc),
        _ => None,
    }
}

/// Parses an IOB2 tag ("B-PER", "I-LOC", "O"); unknown types give `O`.
fn parse_bio(tag: &str) -> Label {
    let (bi, ty) = match tag.split_once('-') {
        Some(p) => p,
        None => return Label::O,
    };
    match (bi, map_type(ty)) {
        ("B", Some(t)) => Label::B(t),
        ("I", Some(t)) => Label::I(t),
        _ => Label::O,
    }
}

/// Repairs a label sequence so that every `I-X` follows `B-X` or `I-X`.
pub fn repair_bio(labels: &mut [Label]) {
    let mut prev = Label::O;
    for l in labels.iter_mut() {
        if let Label::I(t) = *l {
            if !matches!(prev, Label::B(p) | Label::I(p) if p == t) {
                *l = Label::B(t);
            }
        }
        prev = *l;
    }
}

/// Sequoia (CoNLL-U Plus, original files): named entities from column 11
/// (`.final` NE categories), flattened to the outermost contiguous spans,
/// on surface tokens (multiword range lines such as "du" replace their
/// syntactic words).
pub fn read_sequoia(path: &Path) -> Result<Vec<CorpusDoc>, CorpusError> {
    let text = read_text(path)?;
    let mut docs: Vec<CorpusDoc> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut sent_id = String::new();
    let flush = |block: &mut Vec<&str>, sent_id: &str, docs: &mut Vec<CorpusDoc>| {
        if block.is_empty() {
            return;
        }
        let s = sequoia_sentence(block);
        block.clear();
        // sent_id "annodis.er_00123" -> genre/document prefix "annodis.er".
        let doc = sent_id.rsplit_once('_').map_or(sent_id, |(d, _)| d).to_string();
        match docs.last_mut() {
            Some(d) if d.id == doc => d.sentences.push(s),
            _ => docs.push(CorpusDoc { id: doc, sentences: vec![s] }),
        }
    };
    for line in text.lines() {
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            sent_id = id.trim().to_string();
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            flush(&mut block, &sent_id, &mut docs);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &sent_id, &mut docs);
    Ok(docs)
}

fn sequoia_sentence(lines: &[&str]) -> Sentence {
    // Syntactic words: (id, form, annotation column); ranges: (first, last, form).
    let mut words: Vec<(usize, &str, &str)> = Vec::new();
    let mut ranges: Vec<(usize, usize, &str)> = Vec::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(form)) = (cols.first(), cols.get(1)) else { continue };
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
                ranges.push((a, b, form));
            }
        } else if let Ok(n) = id.parse::<usize>() {
            words.push((n, form, cols.get(10).copied().unwrap_or("*")));
        }
    }
    // Annotations: id -> (category, word ids).
    let mut ann: Vec<(String, Option<String>, Vec<usize>)> = Vec::new();
    for &(n, _, col) in &words {
        if col == "*" || col == "_" {
            continue;
        }
        for part in col.split(';') {
            let (key, cat) = match part.split_once(':') {
                Some((k, rest)) => (k, rest.split('|').nth(1).map(str::to_string)),
                None => (part, None),
            };
            match ann.iter_mut().find(|a| a.0 == key) {
                Some(a) => {
                    if a.1.is_none() {
                        a.1 = cat;
                    }
                    a.2.push(n);
                }
                None => ann.push((key.to_string(), cat, vec![n])),
            }
        }
    }
    let mut spans: Vec<(usize, usize, Type)> = Vec::new();
    for (_, cat, ids) in &ann {
        let Some(cat) = cat else { continue };
        let Some(ty) = cat.strip_prefix("NE-").and_then(|c| c.strip_suffix(".final")) else { continue };
        let Some(ty) = map_type(ty) else { continue };
        let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else { continue };
        if last + 1 - first != ids.len() {
            continue; // discontinuous
        }
        spans.push((first, last, ty));
    }
    // Outermost spans only.
    let all = spans.clone();
    spans.retain(|s| !all.iter().any(|o| o != s && o.0 <= s.0 && s.1 <= o.1 && (o.1 - o.0) > (s.1 - s.0)));
    // Surface tokens.
    let mut tokens = Vec::new();
    let mut word_to_surface = std::collections::HashMap::new();
    let mut w = 0;
    while w < words.len() {
        let (n, form, _) = words[w];
        if let Some(&(a, b, rform)) = ranges.iter().find(|r| r.0 == n) {
            let idx = tokens.len();
            tokens.push(rform.to_string());
            while w < words.len() && words[w].0 <= b {
                word_to_surface.insert(words[w].0, idx);
                w += 1;
            }
            let _ = a;
        } else {
            word_to_surface.insert(n, tokens.len());
            tokens.push(form.to_string());
            w += 1;
        }
    }
    let mut labels = vec![Label::O; tokens.len()];
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    for (first, last, ty) in spans {
        let (Some(&a), Some(&b)) = (word_to_surface.get(&first), word_to_surface.get(&last)) else { continue };
        if !matches!(labels.get(a..=b), Some(ls) if ls.iter().all(|l| *l == Label::O)) {
            continue;
        }
        for (k, l) in labels.iter_mut().enumerate().take(b + 1).skip(a) {
            *l = if k == a { Label::B(ty) } else { Label::I(ty) };
        }
    }
    Sentence { tokens, labels }
}

/// NewsEye in HIPE-2022 TSV: column NE-COARSE-LIT, sentences ended by the
/// `EndOfSentence` flag, documents by `# hipe2022:document_id`. An
/// apostrophe token glued to the word before it is merged into that word
/// ("l" + "’" → "l’"), as the tokeniser of this crate does.
pub fn read_hipe(path: &Path) -> Result<Vec<CorpusDoc>, CorpusError> {
    let text = read_text(path)?;
    let mut docs: Vec<CorpusDoc> = Vec::new();
    let mut cur = Sentence::default();
    let mut glue_prev = false;
    let end_sentence = |docs: &mut Vec<CorpusDoc>, cur: &mut Sentence| {
        if !cur.tokens.is_empty() {
            repair_bio(&mut cur.labels);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(cur));
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        if n == 0 && line.starts_with("TOKEN") {
            continue;
        }
        if !line.contains('\t') {
            if let Some(id) = line.strip_prefix("# hipe2022:document_id = ") {
                end_sentence(&mut docs, &mut cur);
                docs.push(CorpusDoc { id: id.trim().to_string(), sentences: Vec::new() });
                glue_prev = false;
            }
            continue;
        }
        if docs.is_empty() {
            docs.push(CorpusDoc { id: "doc".into(), sentences: Vec::new() });
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let token = cols.first().copied().unwrap_or("");
        let label = parse_bio(cols.get(1).copied().unwrap_or("O"));
        let misc = cols.last().copied().unwrap_or("");
        let is_apos = matches!(token, "'" | "’");
        if is_apos && glue_prev {
            if let Some(last) = cur.tokens.last_mut() {
                last.push_str(token);
            }
        } else {
            cur.tokens.push(token.to_string());
            cur.labels.push(label);
        }
        glue_prev = misc.contains("NoSpaceAfter") && !is_apos;
        if misc.contains("EndOfSentence") {
            end_sentence(&mut docs, &mut cur);
            glue_prev = false;
        }
    }
    end_sentence(&mut docs, &mut cur);
    Ok(docs)
}

/// Europeana (one "TOKEN TAG" per line, IOB1 with I- only, no sentence
/// boundaries): cut into pseudo-sentences after `.`, `!`, `?` and at most
/// every 60 tokens, in pseudo-documents of 40 sentences.
pub fn read_europeana(path: &Path) -> Result<Vec<CorpusDoc>, CorpusError> {
    let text = read_text(path)?;
    let mut sentences = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
        if tok.is_empty() {
            continue;
        }
        let ty = tag.strip_prefix("I-").or_else(|| tag.strip_prefix("B-")).and_then(map_type);
        let label = match (ty, cur.labels.last()) {
            (None, _) => Label::O,
            (Some(t), Some(Label::B(p) | Label::I(p))) if *p == t && !tag.starts_with("B-") => Label::I(t),
            (Some(t), _) => Label::B(t),
        };
        cur.tokens.push(tok.to_string());
        cur.labels.push(label);
        let end = matches!(tok, "." | "!" | "?") && label == Label::O;
        if end || cur.tokens.len() >= 60 {
            sentences.push(std::mem::take(&mut cur));
        }
    }
    if !cur.tokens.is_empty() {
        sentences.push(cur);
    }
    Ok(sentences
        .chunks(40)
        .enumerate()
        .map(|(i, c)| CorpusDoc { id: format!("europeana-{i}"), sentences: c.to_vec() })
        .collect())
}

/// CoNLL-style BIO files (UNER: `index TOKEN TAG …`; GUM: `TOKEN TAG`):
/// a line is a token when it has a TAB; blank lines end sentences;
/// `# newdoc id` / `# doc_id` start documents.
pub fn read_conll(path: &Path) -> Result<Vec<CorpusDoc>, CorpusError> {
    let text = read_text(path)?;
    let mut docs: Vec<CorpusDoc> = vec![CorpusDoc { id: "doc".into(), sentences: Vec::new() }];
    let mut cur = Sentence::default();
    let flush = |docs: &mut Vec<CorpusDoc>, cur: &mut Sentence| {
        if !cur.tokens.is_empty() {
            repair_bio(&mut cur.labels);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(cur));
            }
        }
    };
    for line in text.lines() {
        if !line.contains('\t') {
            let doc = line.strip_prefix("# newdoc id = ").or_else(|| line.strip_prefix("# doc_id = "));
            if let Some(id) = doc {
                flush(&mut docs, &mut cur);
                docs.push(CorpusDoc { id: id.trim().to_string(), sentences: Vec::new() });
            } else if line.trim().is_empty() {
                flush(&mut docs, &mut cur);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (tok, tag) = if cols.len() >= 3 && cols[0].chars().all(|c| c.is_ascii_digit()) {
            (cols[1], cols[2])
        } else {
            (cols[0], cols.get(1).copied().unwrap_or("O"))
        };
        cur.tokens.push(tok.to_string());
        cur.labels.push(parse_bio(tag));
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Labels a document from a list of the names it holds (distant
/// supervision from an entity-level gold: every name of every entity
/// annotated in the article, with its type). The text is tokenised and
/// split as the analysis does; each occurrence of a name's tokens, at token
/// boundaries and letter for letter, is labelled, longer names first, never
/// overlapping an earlier one. Tokens no name covers are `O`: the list is
/// taken as complete, as the annotators of the hand-checked sets wrote it.
pub fn label_from_names(text: &str, lang: &str, names: &[(String, Type)]) -> Vec<Sentence> {
    let seg = dossier_lang::segment(text, lang);
    let words = |t: &str| -> Vec<String> {
        let s = dossier_lang::segment(t, lang);
        s.tokens.iter().filter_map(|sp| sp.slice(t)).map(str::to_string).collect()
    };
    let mut forms: Vec<(Vec<String>, Type)> =
        names.iter().map(|(n, t)| (words(n), *t)).filter(|(w, _)| !w.is_empty()).collect();
    // Longest first; ties keep the list's order (stable sort).
    forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let mut out = Vec::new();
    for r in &seg.sentence_tokens {
        let tokens: Vec<String> = seg
            .tokens
            .get(r.clone())
            .unwrap_or(&[])
            .iter()
            .filter_map(|sp| sp.slice(text))
            .map(str::to_string)
            .collect();
        let mut labels = vec![Label::O; tokens.len()];
        for (form, ty) in &forms {
            let n = form.len();
            let mut i = 0;
            while i + n <= tokens.len() {
                let free = labels[i..i + n].iter().all(|l| *l == Label::O);
                if free && tokens[i..i + n] == form[..] {
                    labels[i] = Label::B(*ty);
                    for l in &mut labels[i + 1..i + n] {
                        *l = Label::I(*ty);
                    }
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
        out.push(Sentence { tokens, labels });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequoia_ranges_and_nesting() {
        let lines = [
            "1-2\tAu\t_\t_\t_\t_\t_\t_\t_\t_\t*\t*",
            "1\tà\tà\tADP\t_\t_\t0\tx\t_\t_\t*\t*",
            "2\tle\tle\tDET\t_\t_\t0\tx\t_\t_\t*\t*",
            "3\tMali\tMali\tPROPN\t_\t_\t0\tx\t_\t_\t1:PROPN|NE-LOC.final|_\t*",
            "4\tBanque\tb\tNOUN\t_\t_\t0\tx\t_\t_\t2:PROPN|NE-ORG.final|_\t*",
            "5\tde\tde\tADP\t_\t_\t0\tx\t_\t_\t2\t*",
            "6\tFrance\tF\tPROPN\t_\t_\t0\tx\t_\t_\t2;3:PROPN|NE-LOC.final|_\t*",
        ];
        let s = sequoia_sentence(&lines);
        assert_eq!(s.tokens, ["Au", "Mali", "Banque", "de", "France"]);
        use Label::*;
        assert_eq!(s.labels, [O, B(Type::Loc), B(Type::Org), I(Type::Org), I(Type::Org)]);
    }

    #[test]
    fn bio_repair() {
        let mut l = vec![Label::O, Label::I(Type::Per), Label::I(Type::Per), Label::I(Type::Loc)];
        repair_bio(&mut l);
        assert_eq!(l, [Label::O, Label::B(Type::Per), Label::I(Type::Per), Label::B(Type::Loc)]);
    }

    #[test]
    fn names_label_their_occurrences_longest_first() {
        let names = vec![
            ("Paris".to_string(), Type::Loc),
            ("Paris Saint-Germain".to_string(), Type::Org),
            ("Kylian Mbappé".to_string(), Type::Per),
            ("Mbappé".to_string(), Type::Per),
        ];
        let s = label_from_names("Kylian Mbappé quitte le Paris Saint-Germain. Mbappé vit à Paris.", "fr", &names);
        assert_eq!(s.len(), 2);
        let tags = |s: &Sentence| s.tokens.iter().zip(&s.labels).map(|(t, l)| format!("{t}/{l:?}")).collect::<Vec<_>>().join(" ");
        assert_eq!(
            tags(&s[0]),
            "Kylian/B(Per) Mbappé/I(Per) quitte/O le/O Paris/B(Org) Saint-Germain/I(Org) ./O"
        );
        assert_eq!(tags(&s[1]), "Mbappé/B(Per) vit/O à/O Paris/B(Loc) ./O");
    }
}
