//! Training from the public corpora in `../shared/data` (never the test
//! splits): which files make the French and English training sets, the
//! lexicon of words usually written in lower case, and the training call.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::corpus::{self, CorpusDoc, CorpusError};
use crate::label::Type;
use crate::model::{self, Clusters, Example, Lexicon, Model};

/// The training files for `lang`, relative to the data folder, with their
/// reader. Test splits are never listed here.
/// A corpus reader.
pub type Reader = fn(&Path) -> Result<Vec<CorpusDoc>, CorpusError>;

/// The training files for `lang`, relative to the data folder, with their
/// reader and domain (annotation conventions: `modern` for contemporary
/// edited text, which the shipped analysis uses; `newseye` and `europeana`
/// for OCRed historical newspapers). Test splits are never listed here.
pub fn training_files(lang: &str) -> Vec<(&'static str, Reader, &'static str)> {
    match lang {
        "fr" => vec![
            ("ner/sequoia-ne/sequoia-ud.parseme.frsemcor.train.gz", corpus::read_sequoia, "modern"),
            ("ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev", corpus::read_sequoia, "modern"),
            ("ner/newseye-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv", corpus::read_hipe, "newseye"),
            ("ner/newseye-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv", corpus::read_hipe, "newseye"),
            ("ner/europeana-fr/enp_FR.bnf.bio.gz", corpus::read_europeana, "europeana"),
            // English names under permissive licences (GUM news, academic,
            // court, interview; CC BY): capitalisation and name patterns
            // transfer across languages (validated on Sequoia dev and
            // NewsEye dev2). Share-alike sets (UNER, GUM bio/voyage) are
            // kept out of the French model.
            ("ner/gum-en/gum-news-train.bio", corpus::read_conll, "english"),
            ("ner/gum-en/gum-news-dev.bio", corpus::read_conll, "english"),
            ("ner/gum-en/gum-by-train.bio", corpus::read_conll, "english"),
            ("ner/gum-en/gum-by-dev.bio", corpus::read_conll, "english"),
        ],
        "en" => vec![
            ("ner/uner-en-ewt/en_ewt-ud-dev.iob2", corpus::read_conll, "uner"),
            ("ner/gum-en/gum-news-train.bio", corpus::read_conll, "modern"),
            ("ner/gum-en/gum-news-dev.bio", corpus::read_conll, "modern"),
            ("ner/gum-en/gum-by-train.bio", corpus::read_conll, "modern"),
            ("ner/gum-en/gum-by-dev.bio", corpus::read_conll, "modern"),
            ("ner/gum-en/gum-bysa-train.bio", corpus::read_conll, "modern"),
            ("ner/gum-en/gum-bysa-dev.bio", corpus::read_conll, "modern"),
        ],
        _ => Vec::new(),
    }
}

/// Unlabelled text files used for the lexicon (JSON Lines with a `text`).
pub fn unlabelled_files(lang: &str) -> Vec<&'static str> {
    match lang {
        "fr" => vec!["text/fr-news/wikinews-fr-2012.jsonl"],
        _ => Vec::new(),
    }
}

/// Words usually written in lower case: seen at least twice in lower case
/// away from the start of a sentence, and at least three times as often in
/// lower case as capitalised there.
pub fn build_lexicon<'a>(sentences: impl Iterator<Item = &'a [String]>) -> Lexicon {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for s in sentences {
        for (i, t) in s.iter().enumerate() {
            if i == 0 {
                continue;
            }
            let Some(c) = t.chars().next() else { continue };
            if !c.is_alphabetic() {
                continue;
            }
            let e = counts.entry(t.to_lowercase()).or_insert((0, 0));
            if c.is_lowercase() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    counts.into_iter().filter(|(_, (l, u))| *l >= 2 && *l >= 3 * *u).map(|(w, _)| w).collect()
}

/// The dictionary of common words merged into the learnt lexicon, relative
/// to the repository root (built by `scripts/build-lexicon-fr.py`).
pub fn dictionary_file(lang: &str) -> Option<&'static str> {
    match lang {
        "fr" => Some("data/lang/fr/common-words.txt.gz"),
        _ => None,
    }
}

/// The words of a word list: one a line, `#` comments and blank lines skipped.
pub fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Word clusters learnt from running text: each word seen at least
/// `min_count` times is described by the counts of its left and right
/// neighbours among the most frequent words (other neighbours by shape),
/// and the words are grouped by spherical k-means into `k` clusters.
/// (A light stand-in for Brown clusters; linear in the text per pass.)
pub fn learn_clusters<'a>(sentences: impl Iterator<Item = &'a [String]> + Clone, k: usize, min_count: u32) -> HashMap<String, u32> {
    let mut freq: HashMap<String, u32> = HashMap::new();
    for s in sentences.clone() {
        for t in s {
            *freq.entry(t.to_lowercase()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&String, &u32)> = freq.iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let n_ctx = 600usize;
    let ctx_id: HashMap<&str, usize> = by_freq.iter().take(n_ctx).enumerate().map(|(i, (w, _))| (w.as_str(), i)).collect();
    let vocab: Vec<&str> = by_freq.iter().filter(|(_, c)| **c >= min_count).map(|(w, _)| w.as_str()).collect();
    if vocab.len() < k || k == 0 {
        return HashMap::new();
    }
    let word_id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    // Context dimension of a neighbour: frequent word, or a shape bucket.
    let dims = 2 * (n_ctx + 4);
    let dim_of = |t: &str| -> usize {
        let l = t.to_lowercase();
        if let Some(&i) = ctx_id.get(l.as_str()) {
            return i;
        }
        let c = t.chars().next();
        n_ctx + match c {
            Some(c) if c.is_uppercase() => 0,
            Some(c) if c.is_lowercase() => 1,
            Some(c) if c.is_ascii_digit() => 2,
            _ => 3,
        }
    };
    let mut vecs: Vec<HashMap<usize, f32>> = vec![HashMap::new(); vocab.len()];
    for s in sentences {
        for (i, t) in s.iter().enumerate() {
            let Some(&w) = word_id.get(t.to_lowercase().as_str()) else { continue };
            let left = if i == 0 { n_ctx + 3 } else { s.get(i - 1).map_or(n_ctx + 3, |x| dim_of(x)) };
            let right = s.get(i + 1).map_or(n_ctx + 3, |x| dim_of(x)) + n_ctx + 4;
            if let Some(v) = vecs.get_mut(w) {
                *v.entry(left).or_insert(0.0) += 1.0;
                *v.entry(right).or_insert(0.0) += 1.0;
            }
        }
    }
    let sparse: Vec<Vec<(usize, f32)>> = vecs
        .into_iter()
        .map(|v| {
            let mut e: Vec<(usize, f32)> = v.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
            // Sorted first: the norm's sum (hence the clusters) must not
            // depend on the hash map's iteration order.
            e.sort_by_key(|x| x.0);
            let norm = e.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
            for x in e.iter_mut() {
                x.1 /= norm;
            }
            e.sort_by_key(|x| x.0);
            e
        })
        .collect();
    // Initial centroids: words spread over the frequency ranking.
    let mut cent: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut d = vec![0f32; dims];
            if let Some(v) = sparse.get(c * vocab.len() / k) {
                for &(i, x) in v {
                    if let Some(slot) = d.get_mut(i) {
                        *slot = x;
                    }
                }
            }
            d
        })
        .collect();
    let mut assign = vec![0u32; sparse.len()];
    for _ in 0..12 {
        for (w, v) in sparse.iter().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0u32);
            for (c, cv) in cent.iter().enumerate() {
                let s: f32 = v.iter().map(|&(i, x)| x * cv.get(i).copied().unwrap_or(0.0)).sum();
                if s > best.0 {
                    best = (s, c as u32);
                }
            }
            assign[w] = best.1;
        }
        for cv in cent.iter_mut() {
            cv.iter_mut().for_each(|x| *x = 0.0);
        }
        for (w, v) in sparse.iter().enumerate() {
            if let Some(cv) = cent.get_mut(assign[w] as usize) {
                for &(i, x) in v {
                    if let Some(slot) = cv.get_mut(i) {
                        *slot += x;
                    }
                }
            }
        }
        for cv in cent.iter_mut() {
            let norm = cv.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                cv.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    vocab.iter().zip(assign).map(|(w, c)| ((*w).to_string(), c)).collect()
}

/// Extracts the `text` field of each JSON line (a minimal reader: the
/// field is a JSON string; escapes are decoded).
fn jsonl_texts(content: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in content.lines() {
        let Some(pos) = line.find("\"text\": \"").map(|p| p + 9).or_else(|| line.find("\"text\":\"").map(|p| p + 8)) else {
            continue;
        };
        let mut s = String::new();
        let mut chars = line.get(pos..).unwrap_or("").chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                            s.push(ch);
                        }
                    }
                    Some(other) => s.push(other),
                    None => break,
                },
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

/// Reads a word-cluster file (`word<TAB>fine<TAB>coarse` lines, `#`
/// comments, gzipped or not; built by `scripts/build-word-clusters.py`)
/// into the model's cluster ids: the fine id, and the coarse id plus one
/// above [`crate::features::COARSE_SHIFT`].
pub fn read_word_clusters(path: &Path) -> Result<Clusters, CorpusError> {
    let text = corpus::read_text(path)?;
    let mut out = Clusters::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(w), Some(f), c) = (cols.next(), cols.next().and_then(|f| f.parse::<u32>().ok()), cols.next().and_then(|c| c.parse::<u32>().ok())) else {
            continue;
        };
        let coarse = c.map_or(0, |c| (c + 1) << crate::features::COARSE_SHIFT);
        out.insert(w.to_string(), (f & 0xffff) | coarse);
    }
    Ok(out)
}

/// Trains on examples without lexicon or clusters (tests, experiments).
pub fn train_examples(lang: &str, examples: &[Example], epochs: usize) -> Model {
    model::train(lang, examples, Lexicon::default(), Clusters::default(), epochs, |_, _| {})
}

/// What a training run used.
#[derive(Debug, Default)]
pub struct TrainReport {
    /// (file, sentences, tokens) per training file read.
    pub files: Vec<(String, usize, usize)>,
    /// Files that were missing.
    pub missing: Vec<String>,
    /// Lexicon size.
    pub lexicon: usize,
    /// Words of the dictionary that the texts had not put in the lexicon.
    pub dictionary: usize,
    /// Words with a cluster.
    pub clusters: usize,
    /// Lines of the unlabelled files left out (evaluation articles).
    pub held_out: usize,
}

/// Trains the model for `lang` from the corpora under `data`, leaving out
/// files whose path contains one of `skip`, with `n_clusters` word
/// clusters (0 for none). `held_out` names lines of the unlabelled files
/// (path under `data`, 0-based line) that must not be read at all: the
/// articles of evaluation sets, which the lexicon and the clusters would
/// otherwise have seen. The words of `dictionary` (a word list, gzipped
/// or not), when given, join the lexicon: the texts alone miss most common
/// words, which pages then capitalise at a line start or in a heading.
/// `extra` adds labelled documents read elsewhere (a name for the report,
/// the documents, their domain), e.g. articles labelled from a
/// hand-checked entity list by [`corpus::label_from_names`].
#[allow(clippy::too_many_arguments)]
pub fn train_model(
    data: &Path,
    lang: &str,
    epochs: usize,
    skip: &[String],
    n_clusters: usize,
    held_out: &HashSet<(String, usize)>,
    dictionary: Option<&Path>,
    extra: Vec<(String, Vec<CorpusDoc>, String)>,
    word_clusters: Option<Clusters>,
    progress: impl FnMut(usize, f64),
) -> Result<(Model, TrainReport), CorpusError> {
    let mut report = TrainReport::default();
    let mut examples = Vec::new();
    for (name, docs, domain) in extra {
        let (mut ns, mut nt) = (0, 0);
        for s in docs.into_iter().flat_map(|d| d.sentences) {
            ns += 1;
            nt += s.tokens.len();
            examples.push(Example { domain: domain.clone(), tokens: s.tokens, labels: s.labels });
        }
        report.files.push((name, ns, nt));
    }
    for (file, reader, domain) in training_files(lang) {
        if skip.iter().any(|s| !s.is_empty() && file.contains(s.as_str())) {
            continue;
        }
        let path = data.join(file);
        if !path.is_file() {
            report.missing.push(file.to_string());
            continue;
        }
        let docs = reader(&path)?;
        let (mut ns, mut nt) = (0, 0);
        for d in docs {
            for s in d.sentences {
                ns += 1;
                nt += s.tokens.len();
                examples.push(Example { domain: domain.into(), tokens: s.tokens, labels: s.labels });
            }
        }
        report.files.push((file.to_string(), ns, nt));
    }
    let mut unlabelled: Vec<Vec<String>> = Vec::new();
    for file in unlabelled_files(lang) {
        let path = data.join(file);
        let Ok(content) = std::fs::read_to_string(&path) else {
            report.missing.push(file.to_string());
            continue;
        };
        let kept = content
            .lines()
            .enumerate()
            .filter(|(i, _)| !held_out.contains(&(file.to_string(), *i)))
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n");
        report.held_out += content.lines().count() - kept.lines().count();
        for text in jsonl_texts(&kept) {
            let seg = dossier_lang::segment(&text, lang);
            for r in &seg.sentence_tokens {
                let toks = seg.tokens.get(r.clone()).unwrap_or(&[]);
                unlabelled.push(toks.iter().filter_map(|s| s.slice(&text)).map(str::to_string).collect());
            }
        }
    }
    let mut lexicon = build_lexicon(
        examples.iter().map(|e| e.tokens.as_slice()).chain(unlabelled.iter().map(Vec::as_slice)),
    );
    if let Some(path) = dictionary {
        let text = corpus::read_text(path)?;
        let before = lexicon.len();
        lexicon.extend(word_list(&text).map(str::to_lowercase));
        report.dictionary = lexicon.len() - before;
    }
    report.lexicon = lexicon.len();
    let clusters = if let Some(c) = word_clusters {
        c
    } else if n_clusters > 0 {
        learn_clusters(examples.iter().map(|e| e.tokens.as_slice()).chain(unlabelled.iter().map(Vec::as_slice)), n_clusters, 3).into_iter().collect()
    } else {
        Clusters::default()
    };
    report.clusters = clusters.len();
    let model = model::train(lang, &examples, lexicon, clusters, epochs, progress);
    Ok((model, report))
}

/// Training corpora whose person names give the first-name list (never a
/// test split; no share-alike set): Sequoia-NE train/dev (LGPL-LR),
/// Europeana French (CC0), NewsEye French dev (CC BY 4.0), GUM news and CC
/// BY genres (annotations CC BY 4.0).
const FIRST_NAME_SOURCES: &[(&str, Reader)] = &[
    ("ner/sequoia-ne/sequoia-ud.parseme.frsemcor.train.gz", corpus::read_sequoia),
    ("ner/sequoia-ne/sequoia-ud.parseme.frsemcor.dev", corpus::read_sequoia),
    ("ner/europeana-fr/enp_FR.bnf.bio.gz", corpus::read_europeana),
    ("ner/newseye-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv", corpus::read_hipe),
    ("ner/newseye-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv", corpus::read_hipe),
    ("ner/gum-en/gum-news-train.bio", corpus::read_conll),
    ("ner/gum-en/gum-news-dev.bio", corpus::read_conll),
    ("ner/gum-en/gum-by-train.bio", corpus::read_conll),
    ("ner/gum-en/gum-by-dev.bio", corpus::read_conll),
];


/// First names: the first word of person names of two or more words, seen
/// at least twice, capitalised, never the first word of a place or an
/// organisation, and not a word usually written in lower case. Returns the
/// sorted names and the files read.
pub fn first_names(data: &Path) -> (Vec<String>, Vec<String>) {
    let mut per: HashMap<String, u32> = HashMap::new();
    let mut other: HashSet<String> = HashSet::new();
    let mut files = Vec::new();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for (file, reader) in FIRST_NAME_SOURCES {
        let Ok(docs) = reader(&data.join(file)) else { continue };
        files.push((*file).to_string());
        for d in docs {
            for s in d.sentences {
                for (a, b, ty) in crate::label::entities(&s.labels) {
                    let Some(first) = s.tokens.get(a) else { continue };
                    if ty == Type::Per && b - a >= 2 {
                        *per.entry(first.clone()).or_insert(0) += 1;
                    } else if ty != Type::Per {
                        other.insert(first.clone());
                    }
                }
                sentences.push(s.tokens);
            }
        }
    }
    let lexicon = build_lexicon(sentences.iter().map(Vec::as_slice));
    let res = crate::resources::Resources::get();
    let mut names: Vec<String> = per
        .into_iter()
        .filter(|(w, n)| {
            *n >= 2
                && w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !other.contains(w)
                && !lexicon.contains(&w.to_lowercase())
                && ["fr", "en"].iter().all(|l| res.cue(l, &w.to_lowercase()) == crate::resources::cue::NONE)
        })
        .map(|(w, _)| w)
        .collect();
    names.sort();
    (names, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_keeps_lower_case_words() {
        let s: Vec<Vec<String>> = vec![
            vec!["x", "le", "Mali", "président", "Paris"],
            vec!["x", "le", "Président", "président", "président"],
        ]
        .into_iter()
        .map(|v| v.into_iter().map(String::from).collect())
        .collect();
        let lex = build_lexicon(s.iter().map(Vec::as_slice));
        assert!(lex.contains("le") && lex.contains("président"));
        assert!(!lex.contains("mali"));
    }

    #[test]
    fn word_list_skips_comments_and_blank_lines() {
        let words: Vec<&str> = word_list("# header\n\nabaisse\n  été \n").collect();
        assert_eq!(words, ["abaisse", "été"]);
    }

    #[test]
    fn word_cluster_files_give_fine_and_coarse_ids() {
        let dir = std::env::temp_dir().join(format!("dossier-clusters-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.tsv");
        std::fs::write(&path, "# header\nParis\t7\t2\nrose\t3\nbad line\n").unwrap();
        let c = read_word_clusters(&path).unwrap();
        assert_eq!(c.get("Paris"), Some(&(7 | (3 << crate::features::COARSE_SHIFT))));
        assert_eq!(c.get("rose"), Some(&3));
        assert_eq!(c.len(), 2);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn jsonl_text_field() {
        let t = jsonl_texts("{\"title\": \"a\", \"text\": \"Le \\\"Mali\\\"\\nfin \\u00e9\"}\n");
        assert_eq!(t, ["Le \"Mali\"\nfin é"]);
    }
}
