//! The tagger: an averaged perceptron over hashed features with greedy
//! left-to-right BIO decoding (previous labels are features), its training
//! loop and its compact file format. A model may carry specialists: taggers
//! that replace it under one domain's conventions (e.g. `newseye`), so that
//! a tagger for OCRed historical text ships without changing modern analysis.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::sync::Arc;

use crate::features::{self, f1, f2, fi, token_features, token_infos, Context, TokenInfo};
use crate::label::{Label, N_LABELS};

/// Word → cluster id, as training builds it.
pub type Clusters = rustc_hash::FxHashMap<String, u32>;

/// Word clusters as the tagger holds them, looked up for every token: the
/// (word, id) pairs in word order, in one text arena (to write the model
/// back), and an index from each word's 64-bit hash to its id. No string
/// per entry: a map of 480,000 `String`s took some 80 MB and its scattered
/// keys slowed the look-up. Two words of the list sharing a hash (odds
/// about 10⁻⁸ for 480,000 words) would share the later one's id.
#[derive(Debug, Default, Clone)]
pub(crate) struct ClusterMap {
    text: String,
    ends: Vec<u32>,
    ids: Vec<u32>,
    index: IdMap<u32>,
}

impl ClusterMap {
    /// From (word, id) pairs, kept in the order given.
    fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, u32)>) -> ClusterMap {
        let mut m = ClusterMap::default();
        for (w, id) in pairs {
            m.push(w, id);
        }
        m
    }

    /// From a training map, in word order.
    pub(crate) fn from_map(map: &Clusters) -> ClusterMap {
        let mut pairs: Vec<(&str, u32)> = map.iter().map(|(w, c)| (w.as_str(), *c)).collect();
        pairs.sort_unstable();
        ClusterMap::from_pairs(pairs.into_iter())
    }

    fn push(&mut self, w: &str, id: u32) {
        self.text.push_str(w);
        self.ends.push(self.text.len() as u32);
        self.ids.push(id);
        self.index.insert(word_hash(w), id);
    }

    /// The cluster of `w`, as written.
    pub(crate) fn get(&self, w: &str) -> Option<u32> {
        if self.ids.is_empty() {
            return None;
        }
        self.index.get(&word_hash(w)).copied()
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// True without any word.
    pub(crate) fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The (word, id) pairs in their stored order.
    fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).zip(self.ids.iter().copied()).map(|((a, b), id)| (self.text.get(a as usize..b as usize).unwrap_or(""), id))
    }
}

/// 64-bit FNV-1a of a word's bytes, then mixed (splitmix64's finaliser)
/// so that [`IdMap`]'s identity hasher sees well-spread bits.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Feature ids are already hashes: the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Words usually written in lower case (lower-cased), looked up for most
/// tokens: Fx-hashed, as the words are short and not adversarial.
pub type Lexicon = rustc_hash::FxHashSet<String>;

/// Errors reading or writing a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Input/output error.
    #[error("model i/o: {0}")]
    Io(#[from] std::io::Error),
    /// Not a model file, or a version this code cannot read.
    #[error("not a dossier NER model file (or unsupported version)")]
    Format,
}

const MAGIC: &[u8; 8] = b"DNERv001";

/// A trained tagger for one language.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// ISO 639-1 code.
    pub lang: String,
    /// Weights per feature, quantised to 16 bits (a row is a multiple of
    /// `scale`): half the memory of `f32` rows, so more of the table stays
    /// in cache during tagging, which is dominated by these look-ups.
    weights: IdMap<[i16; N_LABELS]>,
    /// The value of one quantum of `weights`.
    scale: f32,
    /// Words usually written in lower case (lower-cased). Shared with the
    /// specialists when theirs is the same (it holds some 440,000 words).
    pub(crate) lexicon: Arc<Lexicon>,
    /// Word → cluster id, learnt from unlabelled text or read from a
    /// cluster file.
    pub(crate) clusters: ClusterMap,
    /// Taggers that replace this one under a domain's conventions.
    specialists: Vec<(String, Model)>,
}

/// Labels of one sentence with a confidence per token.
pub type Tagged = Vec<(Label, f32)>;

impl Model {
    /// An empty model (tags nothing).
    pub fn empty(lang: &str) -> Self {
        Model { lang: lang.to_string(), ..Default::default() }
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// The tagger used under `domain`: its specialist, or this model.
    pub fn for_domain(&self, domain: &str) -> &Model {
        self.specialists.iter().find(|(d, _)| d == domain).map_or(self, |(_, m)| m)
    }

    /// Domains with a specialist.
    pub fn specialist_domains(&self) -> Vec<&str> {
        self.specialists.iter().map(|(d, _)| d.as_str()).collect()
    }

    /// Makes `model` (itself without specialists) this model's tagger under
    /// `domain`, replacing any previous one.
    pub fn set_specialist(&mut self, domain: &str, mut model: Model) {
        model.specialists.clear();
        self.specialists.retain(|(d, _)| d != domain);
        self.specialists.push((domain.to_string(), model));
    }

    fn context(&self) -> Context<'_> {
        Context { lang: &self.lang, lexicon: &self.lexicon, clusters: &self.clusters }
    }

    /// Tags one sentence of tokens (Viterbi over first-order label
    /// transitions).
    pub fn tag(&self, tokens: &[&str]) -> Tagged {
        self.tag_in(tokens, DEFAULT_DOMAIN)
    }

    /// Tags one sentence with the conventions of a training domain
    /// (`modern`, `newseye`, `europeana`, `en`; `""` for none).
    pub fn tag_in(&self, tokens: &[&str], domain: &str) -> Tagged {
        let spec = self.for_domain(domain);
        if !std::ptr::eq(spec, self) {
            return spec.tag_in(tokens, domain);
        }
        if self.weights.is_empty() {
            return tokens.iter().map(|_| (Label::O, 1.0)).collect();
        }
        let salt = domain_salt(domain);
        let infos = token_infos(tokens, &self.context(), salt);
        let titlecase = features::is_titlecase(&infos);
        let mut feats = Vec::with_capacity(64);
        let mut lattice = Vec::with_capacity(infos.len());
        let trans = transitions(salt, |f| self.row(f));
        for i in 0..infos.len() {
            feats.clear();
            token_features(&infos, i, titlecase, salt, &mut feats);
            let stat = self.scores(&feats);
            lattice.push(local_scores(&infos, i, salt, &stat, &trans, |f| self.row(f)));
        }
        viterbi(&lattice)
    }

    /// The weights of feature `f`, if it has any.
    fn row(&self, f: u64) -> Option<[f32; N_LABELS]> {
        self.weights.get(&f).map(|r| r.map(|q| f32::from(q) * self.scale))
    }

    /// The summed weights of a token's static features: added up in
    /// quanta (exact integers), converted once.
    fn scores(&self, feats: &[u64]) -> [f32; N_LABELS] {
        let mut s = [0i32; N_LABELS];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += i32::from(*b);
                }
            }
        }
        s.map(|q| q as f32 * self.scale)
    }

    /// Writes the model (gzip-compressed, weights quantised to 16 bits).
    pub fn write(&self, w: impl Write) -> Result<(), ModelError> {
        let mut z = flate2::write::GzEncoder::new(w, flate2::Compression::best());
        z.write_all(MAGIC)?;
        self.write_body(&mut z)?;
        // Specialists follow (files without them end here).
        z.write_all(&(self.specialists.len() as u64).to_le_bytes())?;
        for (domain, m) in &self.specialists {
            write_str(&mut z, domain)?;
            m.write_body(&mut z)?;
        }
        z.finish()?;
        Ok(())
    }

    fn write_body(&self, z: &mut impl Write) -> Result<(), ModelError> {
        let mut z = z;
        write_str(&mut z, &self.lang)?;
        z.write_all(&self.scale.to_le_bytes())?;
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        z.write_all(&(keys.len() as u64).to_le_bytes())?;
        for k in keys {
            z.write_all(&k.to_le_bytes())?;
            if let Some(row) = self.weights.get(k) {
                for q in row {
                    z.write_all(&q.to_le_bytes())?;
                }
            }
        }
        let mut lex: Vec<&String> = self.lexicon.iter().collect();
        lex.sort();
        z.write_all(&(lex.len() as u64).to_le_bytes())?;
        for w in lex {
            write_str(&mut z, w)?;
        }
        // In word order, as every cluster map is built.
        z.write_all(&(self.clusters.len() as u64).to_le_bytes())?;
        for (w, c) in self.clusters.iter() {
            write_str(&mut z, w)?;
            z.write_all(&c.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(r: impl Read) -> Result<Self, ModelError> {
        // Decompressed whole, then parsed from memory: the body is many
        // small pieces (a length, then a word), and a specialist's lexicon
        // is compared with the tagger's as bytes.
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(r).read_to_end(&mut raw)?;
        let mut z: &[u8] = &raw;
        let mut magic = [0u8; 8];
        z.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(ModelError::Format);
        }
        let (mut model, lexicon_bytes) = Self::read_body(&mut z, None)?;
        // Specialists, absent from older files.
        let mut first = [0u8; 8];
        let n = match z.read_exact(&mut first) {
            Ok(()) => usize::try_from(u64::from_le_bytes(first)).ok().filter(|&n| n < 64).ok_or(ModelError::Format)?,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(e.into()),
        };
        for _ in 0..n {
            let domain = read_str(&mut z)?;
            let (m, _) = Self::read_body(&mut z, Some((lexicon_bytes, &model.lexicon)))?;
            model.specialists.push((domain, m));
        }
        Ok(model)
    }

    /// Reads one tagger; with `shared` (the tagger's lexicon and its bytes
    /// in the file), a lexicon written with the same bytes is that one,
    /// shared rather than read again. Returns the tagger and the bytes of
    /// its lexicon section.
    fn read_body<'a>(z: &mut &'a [u8], shared: Option<(&[u8], &Arc<Lexicon>)>) -> Result<(Self, &'a [u8]), ModelError> {
        let lang = read_str(z)?;
        let scale = f32::from_le_bytes(read_arr(z)?);
        let n = read_len(z)?;
        let mut weights = IdMap::default();
        weights.reserve(n.min(1 << 24));
        for _ in 0..n {
            let k = u64::from_le_bytes(read_arr(z)?);
            let mut row = [0i16; N_LABELS];
            for q in row.iter_mut() {
                *q = i16::from_le_bytes(read_arr(z)?);
            }
            weights.insert(k, row);
        }
        let section: &'a [u8] = z;
        // A section starting with the same bytes as the shared one is that
        // section (a count, then exactly that many words).
        let lexicon = match shared {
            Some((bytes, lexicon)) if z.starts_with(bytes) => {
                *z = z.get(bytes.len()..).unwrap_or_default();
                Arc::clone(lexicon)
            }
            _ => {
                let n = read_len(z)?;
                let mut words = Lexicon::with_capacity_and_hasher(n.min(1 << 22), Default::default());
                for _ in 0..n {
                    words.insert(read_str(z)?);
                }
                Arc::new(words)
            }
        };
        let section = section.get(..section.len() - z.len()).unwrap_or_default();
        let n = read_len(z)?;
        // Read in place, in the word order files are written in (one that
        // is not is put in it).
        let mut clusters = ClusterMap::default();
        clusters.index.reserve(n);
        clusters.ends.reserve_exact(n);
        clusters.ids.reserve_exact(n);
        let mut ordered = true;
        let mut prev = 0..0;
        for _ in 0..n {
            let w = read_str_ref(z)?;
            let id = u32::from_le_bytes(read_arr(z)?);
            ordered &= clusters.text.get(prev.clone()).is_none_or(|p| p < w);
            prev = clusters.text.len()..clusters.text.len() + w.len();
            clusters.push(w, id);
        }
        if !ordered {
            let map: Clusters = clusters.iter().map(|(w, c)| (w.to_string(), c)).collect();
            clusters = ClusterMap::from_map(&map);
        }
        Ok((Model { lang, weights, scale, lexicon, clusters, specialists: Vec::new() }, section))
    }
}

fn write_str(w: &mut impl Write, s: &str) -> std::io::Result<()> {
    w.write_all(&(s.len() as u32).to_le_bytes())?;
    w.write_all(s.as_bytes())
}

fn read_arr<const N: usize>(r: &mut impl Read) -> Result<[u8; N], ModelError> {
    let mut b = [0u8; N];
    r.read_exact(&mut b)?;
    Ok(b)
}

fn read_len(r: &mut impl Read) -> Result<usize, ModelError> {
    let n = u64::from_le_bytes(read_arr(r)?);
    usize::try_from(n).ok().filter(|&n| n < (1 << 28)).ok_or(ModelError::Format)
}

/// A string of `z`, borrowed.
fn read_str_ref<'a>(z: &mut &'a [u8]) -> Result<&'a str, ModelError> {
    let n = u32::from_le_bytes(read_arr(z)?) as usize;
    let (b, rest) = z.split_at_checked(n).ok_or(ModelError::Format)?;
    *z = rest;
    std::str::from_utf8(b).map_err(|_| ModelError::Format)
}

fn read_str(r: &mut impl Read) -> Result<String, ModelError> {
    let n = u32::from_le_bytes(read_arr(r)?) as usize;
    if n > 1 << 20 {
        return Err(ModelError::Format);
    }
    let mut b = vec![0u8; n];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(|_| ModelError::Format)
}

/// The domain the shipped analysis uses: modern edited text.
pub const DEFAULT_DOMAIN: &str = "modern";

/// Salt of a domain's feature copies (0 for none).
pub(crate) fn domain_salt(domain: &str) -> u64 {
    if domain.is_empty() {
        0
    } else {
        f1(features::T_DOMAIN, domain)
    }
}

/// Transition features: the previous label alone.
fn transition_features(prev: Label, domain: u64, out: &mut Vec<u64>) {
    let f = fi(features::T_P1, &[prev.index() as u32]);
    out.push(f);
    if domain != 0 {
        out.push(f ^ domain);
    }
}

/// Weights of the transition features, per previous label.
fn transitions(domain: u64, weight: impl Fn(u64) -> Option<[f32; N_LABELS]>) -> [[f32; N_LABELS]; N_LABELS] {
    let mut out = [[0f32; N_LABELS]; N_LABELS];
    let mut feats = Vec::with_capacity(2);
    for (p, row) in out.iter_mut().enumerate() {
        feats.clear();
        transition_features(Label::from_index(p), domain, &mut feats);
        for f in &feats {
            if let Some(w) = weight(*f) {
                for (a, b) in row.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
    }
    out
}

/// Features of the previous label with token `i` (transition features
/// included when `with_transition`).
fn dynamic_features(infos: &[TokenInfo], i: usize, prev: Label, domain: u64, out: &mut Vec<u64>) {
    transition_features(prev, domain, out);
    lexical_dynamic_features(infos, i, prev, domain, out);
}

/// Features of the previous label combined with token `i`.
fn lexical_dynamic_features(infos: &[TokenInfo], i: usize, prev: Label, domain: u64, out: &mut Vec<u64>) {
    if let Some(base) = lexical_bases(infos, i) {
        lexical_with_prev(base, prev, domain, out);
    }
}

/// The token parts of the previous-label features, hashed once per token.
fn lexical_bases(infos: &[TokenInfo], i: usize) -> Option<[u64; 2]> {
    let t = infos.get(i)?;
    Some([f1(features::T_P1_W, &t.lower), f2(features::T_P1_SHAPE, &t.shape, if t.cap { "C" } else { "c" })])
}

/// Combines the token parts with the previous label (and domain).
fn lexical_with_prev(base: [u64; 2], prev: Label, domain: u64, out: &mut Vec<u64>) {
    let mix = u64::from(prev.index() as u32 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let start = out.len();
    out.push(base[0] ^ mix);
    out.push(base[1] ^ mix);
    if domain != 0 {
        let end = out.len();
        for k in start..end {
            if let Some(f) = out.get(k).copied() {
                out.push(f ^ domain);
            }
        }
    }
}

/// Scores of every (previous label, label) pair at token `i`: the static
/// scores plus the weights of the previous-label features.
fn local_scores(
    infos: &[TokenInfo],
    i: usize,
    domain: u64,
    stat: &[f32; N_LABELS],
    trans: &[[f32; N_LABELS]; N_LABELS],
    weight: impl Fn(u64) -> Option<[f32; N_LABELS]>,
) -> [[f32; N_LABELS]; N_LABELS] {
    let mut out = [*stat; N_LABELS];
    let mut dyn_feats = Vec::with_capacity(4);
    let base = lexical_bases(infos, i);
    for (p, row) in out.iter_mut().enumerate() {
        if let Some(t) = trans.get(p) {
            for (a, b) in row.iter_mut().zip(t) {
                *a += b;
            }
        }
        dyn_feats.clear();
        if let Some(b) = base {
            lexical_with_prev(b, Label::from_index(p), domain, &mut dyn_feats);
        }
        for f in &dyn_feats {
            if let Some(w) = weight(*f) {
                for (a, b) in row.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
    }
    out
}

/// The labels that may come before each label in a BIO sequence, as a
/// range of indices: every label before `O` and `B-X`, `B-X` and `I-X`
/// before `I-X` (the test `bio_predecessors_are_ranges` checks this against
/// [`Label::may_follow`]). Speed: Viterbi then visits the allowed pairs
/// alone, in index order, without testing each.
fn allowed_before() -> impl Fn(usize) -> std::ops::Range<usize> {
    |y| match Label::from_index(y) {
        Label::I(t) => Label::B(t).index()..Label::I(t).index() + 1,
        _ => 0..N_LABELS,
    }
}

/// Best BIO-valid label sequence through the lattice, with a confidence
/// per token from max-marginals: the margin between the best sequence and
/// the best sequence with another label at that token.
fn viterbi(lattice: &[[[f32; N_LABELS]; N_LABELS]]) -> Tagged {
    let n = lattice.len();
    if n == 0 {
        return Vec::new();
    }
    let before: [std::ops::Range<usize>; N_LABELS] = std::array::from_fn(allowed_before());
    let mut delta = vec![[f32::NEG_INFINITY; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for y in 0..N_LABELS {
        if before[y].contains(&0) {
            delta[0][y] = lattice[0][0][y];
        }
    }
    for i in 1..n {
        let prev = delta[i - 1];
        let local = &lattice[i];
        for y in 0..N_LABELS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            // An unreachable previous label (-inf) never wins: its sum is
            // -inf, never greater than `best`.
            for p in before[y].clone() {
                let s = prev[p] + local[p][y];
                if s > best.0 {
                    best = (s, p as u8);
                }
            }
            delta[i][y] = best.0;
            back[i][y] = best.1;
        }
    }
    // Backward pass: best completion from (i, y) to the end, each label's
    // candidates taken in the order of `z`.
    let mut beta = vec![[0f32; N_LABELS]; n];
    for i in (0..n - 1).rev() {
        let next = &lattice[i + 1];
        let next_beta = beta[i + 1];
        let mut best = [f32::NEG_INFINITY; N_LABELS];
        for z in 0..N_LABELS {
            for y in before[z].clone() {
                best[y] = best[y].max(next[y][z] + next_beta[z]);
            }
        }
        beta[i] = best;
    }
    let mut y = (0..N_LABELS).fold(0, |b, k| if delta[n - 1][k] > delta[n - 1][b] { k } else { b });
    let mut path = vec![0usize; n];
    for i in (0..n).rev() {
        path[i] = y;
        y = usize::from(back[i][y]);
    }
    path.iter()
        .enumerate()
        .map(|(i, &y)| {
            let m = |k: usize| delta[i][k] + beta[i][k];
            let other = (0..N_LABELS).filter(|&k| k != y).map(m).fold(f32::NEG_INFINITY, f32::max);
            let margin = if other.is_finite() { m(y) - other } else { 10.0 };
            (Label::from_index(y), 1.0 / (1.0 + (-margin).exp()))
        })
        .collect()
}

/// One training sentence.
#[derive(Debug, Clone)]
pub struct Example {
    /// Training domain (annotation conventions), e.g. `modern`; "" for none.
    pub domain: String,
    /// Tokens.
    pub tokens: Vec<String>,
    /// Gold labels.
    pub labels: Vec<Label>,
}

/// Trains an averaged perceptron on `examples` for `epochs` passes.
pub fn train(
    lang: &str,
    examples: &[Example],
    lexicon: Lexicon,
    clusters: Clusters,
    epochs: usize,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let mut model = Model { lang: lang.to_string(), lexicon: Arc::new(lexicon), clusters: ClusterMap::from_map(&clusters), ..Model::default() };
    // Static features, computed once.
    let ctx = model.context();
    let statics: Vec<(Vec<TokenInfo>, Vec<Vec<u64>>, u64)> = examples
        .iter()
        .map(|ex| {
            let toks: Vec<&str> = ex.tokens.iter().map(String::as_str).collect();
            let salt = domain_salt(&ex.domain);
            let infos = token_infos(&toks, &ctx, salt);
            let tc = features::is_titlecase(&infos);
            let feats = (0..infos.len())
                .map(|i| {
                    let mut v = Vec::with_capacity(64);
                    token_features(&infos, i, tc, salt, &mut v);
                    v
                })
                .collect();
            (infos, feats, salt)
        })
        .collect();
    let mut w: IdMap<[f32; N_LABELS]> = IdMap::default();
    let mut acc: IdMap<[f32; N_LABELS]> = IdMap::default();
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut feats = Vec::with_capacity(80);
    for epoch in 0..epochs {
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let (mut correct, mut total) = (0usize, 0usize);
        for &e in &order {
            let (Some(ex), Some((infos, stat, salt))) = (examples.get(e), statics.get(e)) else { continue };
            let salt = *salt;
            let trans = transitions(salt, |f| w.get(&f).copied());
            let lattice: Vec<_> = stat
                .iter()
                .enumerate()
                .map(|(i, fs)| {
                    let mut s = [0f32; N_LABELS];
                    for f in fs {
                        if let Some(row) = w.get(f) {
                            for (a, b) in s.iter_mut().zip(row) {
                                *a += b;
                            }
                        }
                    }
                    local_scores(infos, i, salt, &s, &trans, |f| w.get(&f).copied())
                })
                .collect();
            let guess: Vec<Label> = viterbi(&lattice).into_iter().map(|x| x.0).collect();
            let mut update = |feats: &[u64], label: Label, delta: f32| {
                let l = label.index();
                for f in feats {
                    w.entry(*f).or_insert([0.0; N_LABELS])[l] += delta;
                    acc.entry(*f).or_insert([0.0; N_LABELS])[l] += c * delta;
                }
            };
            for (i, gold) in ex.labels.iter().enumerate() {
                let pred = guess.get(i).copied().unwrap_or(Label::O);
                let gp = if i == 0 { Label::O } else { ex.labels.get(i - 1).copied().unwrap_or(Label::O) };
                let pp = if i == 0 { Label::O } else { guess.get(i - 1).copied().unwrap_or(Label::O) };
                total += 1;
                if pred == *gold {
                    correct += 1;
                }
                if pred != *gold {
                    if let Some(s) = stat.get(i) {
                        update(s, *gold, 1.0);
                        update(s, pred, -1.0);
                    }
                }
                if pred != *gold || gp != pp {
                    feats.clear();
                    dynamic_features(infos, i, gp, salt, &mut feats);
                    update(&feats, *gold, 1.0);
                    feats.clear();
                    dynamic_features(infos, i, pp, salt, &mut feats);
                    update(&feats, pred, -1.0);
                }
            }
            c += 1.0;
        }
        progress(epoch, correct as f64 / total.max(1) as f64);
    }
    for (f, row) in w.iter_mut() {
        if let Some(a) = acc.get(f) {
            for (x, y) in row.iter_mut().zip(a) {
                *x -= y / c;
            }
        }
    }
    w.retain(|_, row| row.iter().any(|x| x.abs() > 1e-3));
    (model.weights, model.scale) = quantise(&w);
    model
}

/// Weights quantised to 16 bits, with the value of one quantum: the
/// largest weight in absolute value maps to 32767.
fn quantise(w: &IdMap<[f32; N_LABELS]>) -> (IdMap<[i16; N_LABELS]>, f32) {
    let max = w.values().flat_map(|r| r.iter()).fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let rows = w.iter().map(|(f, row)| (*f, row.map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16))).collect();
    (rows, scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Type;

    fn ex(s: &str, labels: &[Label]) -> Example {
        Example { domain: DEFAULT_DOMAIN.into(), tokens: s.split(' ').map(str::to_string).collect(), labels: labels.to_vec() }
    }

    #[test]
    fn bio_predecessors_are_ranges() {
        let before = allowed_before();
        for y in 0..N_LABELS {
            let allowed: Vec<usize> = (0..N_LABELS).filter(|&p| Label::from_index(y).may_follow(Label::from_index(p))).collect();
            assert_eq!(allowed, before(y).collect::<Vec<_>>(), "{:?}", Label::from_index(y));
        }
    }

    #[test]
    fn learns_a_handful_of_sentences_and_round_trips() {
        use Label::*;
        let (p, l, o) = (Type::Per, Type::Loc, Type::Org);
        let data = vec![
            ex("Jean Dupont est allé à Bamako .", &[B(p), I(p), O, O, O, B(l), O]),
            ex("Marie Curie vit à Paris .", &[B(p), I(p), O, O, B(l), O]),
            ex("Le groupe Wagner quitte le Mali .", &[O, O, B(o), O, O, B(l), O]),
            ex("Paul Martin travaille pour Renault .", &[B(p), I(p), O, O, B(o), O]),
        ];
        let m = train("fr", &data, Lexicon::default(), Clusters::default(), 10, |_, _| {});
        for e in &data {
            let toks: Vec<&str> = e.tokens.iter().map(String::as_str).collect();
            let got: Vec<Label> = m.tag(&toks).into_iter().map(|x| x.0).collect();
            assert_eq!(got, e.labels);
        }
        let mut buf = Vec::new();
        m.write(&mut buf).unwrap();
        let m2 = Model::read(&buf[..]).unwrap();
        assert_eq!(m2.n_features(), m.n_features());
        let toks = ["Marie", "Curie", "vit", "à", "Paris", "."];
        let a: Vec<Label> = m.tag(&toks).into_iter().map(|x| x.0).collect();
        let b: Vec<Label> = m2.tag(&toks).into_iter().map(|x| x.0).collect();
        assert_eq!(a, b);
        assert!(Model::read(&b"garbage"[..]).is_err());
    }

    #[test]
    fn word_clusters_round_trip_in_word_order() {
        let ex = |t: &[&str]| Example { domain: "modern".into(), tokens: t.iter().map(|w| w.to_string()).collect(), labels: vec![Label::O; t.len()] };
        let clusters: Clusters = [("Paris", 4), ("rose", 1), ("Rose", 2), ("à", 9)].into_iter().map(|(w, c)| (w.to_string(), c)).collect();
        let m = train("fr", &[ex(&["à", "Paris"])], Lexicon::default(), clusters, 1, |_, _| {});
        assert_eq!((m.clusters.get("Rose"), m.clusters.get("rose"), m.clusters.get("Lyon")), (Some(2), Some(1), None));
        let mut a = Vec::new();
        m.write(&mut a).unwrap();
        let back = Model::read(&a[..]).unwrap();
        let pairs: Vec<(&str, u32)> = back.clusters.iter().collect();
        assert_eq!(pairs, [("Paris", 4), ("Rose", 2), ("rose", 1), ("à", 9)]);
        assert_eq!(back.clusters.get("à"), Some(9));
        let mut b = Vec::new();
        back.write(&mut b).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn specialists_replace_the_tagger_under_their_domain_only() {
        use Label::*;
        let (p, l) = (Type::Per, Type::Loc);
        let modern = vec![ex("Jean Dupont est allé à Bamako .", &[B(p), I(p), O, O, O, B(l), O])];
        // The specialist learns the opposite reading of the same words.
        let hist: Vec<Example> = vec![Example { domain: "newseye".into(), ..ex("Jean Dupont est allé à Bamako .", &[B(l), I(l), O, O, O, B(p), O]) }];
        let mut base = train("fr", &modern, Lexicon::default(), Clusters::default(), 10, |_, _| {});
        let spec = train("fr", &hist, Lexicon::default(), Clusters::default(), 10, |_, _| {});
        base.set_specialist("newseye", spec);
        let toks: Vec<&str> = modern[0].tokens.iter().map(String::as_str).collect();
        let labels = |m: &Model, d: &str| -> Vec<Label> { m.tag_in(&toks, d).into_iter().map(|x| x.0).collect() };
        assert_eq!(labels(&base, "modern"), modern[0].labels);
        assert_eq!(labels(&base, "newseye"), hist[0].labels);
        let mut buf = Vec::new();
        base.write(&mut buf).unwrap();
        let back = Model::read(&buf[..]).unwrap();
        assert_eq!(back.specialist_domains(), ["newseye"]);
        assert_eq!(labels(&back, "modern"), modern[0].labels);
        assert_eq!(labels(&back, "newseye"), hist[0].labels);
        // A file without specialists (older format) still reads.
        let mut plain = Vec::new();
        train("fr", &modern, Lexicon::default(), Clusters::default(), 2, |_, _| {}).write(&mut plain).unwrap();
        assert!(Model::read(&plain[..]).unwrap().specialist_domains().is_empty());
        // A truncated file is an error, not a panic.
        assert!(Model::read(&buf[..buf.len() / 2]).is_err());
    }

    #[test]
    fn a_specialist_with_the_same_lexicon_shares_it_once_read() {
        let lex: Lexicon = ["le", "président"].iter().map(|w| w.to_string()).collect();
        let data = vec![ex("Jean Dupont", &[Label::B(Type::Per), Label::I(Type::Per)])];
        let mut base = train("fr", &data, lex.clone(), Clusters::default(), 2, |_, _| {});
        base.set_specialist("newseye", train("fr", &data, lex.clone(), Clusters::default(), 2, |_, _| {}));
        let mut other = train("fr", &data, lex, Clusters::default(), 2, |_, _| {});
        other.set_specialist("newseye", train("fr", &data, Lexicon::default(), Clusters::default(), 2, |_, _| {}));
        let read = |m: &Model| {
            let mut buf = Vec::new();
            m.write(&mut buf).unwrap();
            Model::read(&buf[..]).unwrap()
        };
        let back = read(&base);
        assert!(Arc::ptr_eq(&back.lexicon, &back.for_domain("newseye").lexicon));
        let back = read(&other);
        assert!(!Arc::ptr_eq(&back.lexicon, &back.for_domain("newseye").lexicon));
        assert!(back.for_domain("newseye").lexicon.is_empty());
    }
}
