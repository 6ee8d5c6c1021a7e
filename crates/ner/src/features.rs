//! Feature extraction for the tagger: each token gets a list of hashed
//! feature ids (word forms in a window, shapes, affixes, casing in context,
//! sentence position, gazetteer matches, cue words, demonyms, the lexicon of
//! words usually written in lower case, word clusters where the model has
//! them; under the historical-newspaper conventions only, OCR-tolerant
//! features). Features of the previous labels are added by the decoder.



use crate::model::Lexicon;
use crate::resources::{self, hash_extend, Resources, MAX_GAZ_TOKENS};

/// FNV-1a step over bytes.
#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash of a template id and one string.
#[inline]
pub(crate) fn f1(t: u8, a: &str) -> u64 {
    fnv(0xcbf2_9ce4_8422_2325 ^ (u64::from(t) << 56), a.as_bytes())
}

/// Hash of a template id and two strings.
#[inline]
pub(crate) fn f2(t: u8, a: &str, b: &str) -> u64 {
    let h = fnv(0xcbf2_9ce4_8422_2325 ^ (u64::from(t) << 56), a.as_bytes());
    fnv((h ^ 0x1e).wrapping_mul(0x0100_0000_01b3), b.as_bytes())
}

/// Hash of a template id and three strings.
#[inline]
pub(crate) fn f3(t: u8, a: &str, b: &str, c: &str) -> u64 {
    let h = f2(t, a, b);
    fnv((h ^ 0x1e).wrapping_mul(0x0100_0000_01b3), c.as_bytes())
}

/// Hash of a template id and small integers.
#[inline]
pub(crate) fn fi(t: u8, v: &[u32]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ (u64::from(t) << 56);
    for x in v {
        h = fnv(h, &x.to_le_bytes());
    }
    h
}

/// What the features need to know about one token.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenInfo {
    pub lower: String,
    pub folded: String,
    pub shape: String,
    pub cap: bool,
    pub allcap: bool,
    pub cue: u8,
    pub demonym: bool,
    /// Gazetteer classes of a match starting here.
    pub gaz_b: u8,
    /// Gazetteer classes of a match covering this token, not at its start.
    pub gaz_i: u8,
    /// Common lower-case word written with a capital here.
    pub cap_common: bool,
    pub cluster: Option<u32>,
}

/// Short word shape: "Younous-Bek" → "Xx-Xx", "2025" → "d", "ONU" → "X".
fn shape(w: &str) -> String {
    // At most 8 bytes and one more character: one allocation.
    let mut s = String::with_capacity(12);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
        if s.len() > 8 {
            break;
        }
    }
    s
}

/// Language-specific knowledge the features consult.
pub(crate) struct Context<'a> {
    pub lang: &'a str,
    pub lexicon: &'a Lexicon,
    pub clusters: &'a crate::model::ClusterMap,
}

/// Per-token information for one sentence, for the domain whose salt is
/// `domain`.
pub(crate) fn token_infos(tokens: &[&str], ctx: &Context<'_>, _domain: u64) -> Vec<TokenInfo> {
    let res = Resources::get();
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|w| {
            // Typographic apostrophes read as the ASCII one: training text
            // mostly has "d'", pages mostly "d’".
            let unified;
            let w: &str = if w.contains(['’', 'ʼ', '‘']) {
                unified = w.replace(['’', 'ʼ', '‘'], "'");
                &unified
            } else {
                w
            };
            let lower = w.to_lowercase();
            let folded = resources::fold_word(w);
            let first = w.chars().next();
            let cap = first.is_some_and(char::is_uppercase);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let allcap = letters > 1 && w.chars().all(|c| !c.is_lowercase());
            let cue = res.cue(ctx.lang, &lower);
            let demonym = res.is_demonym(&folded);
            let cap_common = cap && ctx.lexicon.contains(&lower);
            // The form as written first (clusters of word vectors keep case:
            // "Rose" and "rose"), then lower-cased (clusters learnt here).
            let cluster = if ctx.clusters.is_empty() {
                None
            } else {
                ctx.clusters.get(w).or_else(|| if lower == w { None } else { ctx.clusters.get(&lower) })
            };
            TokenInfo { shape: shape(w), lower, folded, cap, allcap, cue, demonym, cap_common, cluster, ..Default::default() }
        })
        .collect();
    // Gazetteer: every match of 1..=MAX_GAZ_TOKENS tokens.
    for i in 0..infos.len() {
        let mut h = 0;
        for j in i..infos.len().min(i + MAX_GAZ_TOKENS) {
            h = hash_extend(h, j == i, &infos[j].folded);
            let c = res.name_classes(h);
            if c != 0 {
                infos[i].gaz_b |= c;
                for info in infos.iter_mut().take(j + 1).skip(i + 1) {
                    info.gaz_i |= c;
                }
            }
            if !res.name_continues(h) {
                break;
            }
        }
    }
    infos
}

// Template ids.
const T_BIAS: u8 = 1;
const T_W: u8 = 2;
const T_FORM: u8 = 3;
const T_WM1: u8 = 4;
const T_WP1: u8 = 5;
const T_WM2: u8 = 6;
const T_WP2: u8 = 7;
const T_PRE: u8 = 8;
const T_SUF: u8 = 9;
const T_SHAPE: u8 = 10;
const T_SHAPE_M1: u8 = 11;
const T_SHAPE_P1: u8 = 12;
const T_SHAPE3: u8 = 13;
const T_BI_M1: u8 = 14;
const T_BI_P1: u8 = 15;
const T_POS: u8 = 16;
const T_CAPCOMMON: u8 = 17;
const T_GAZ: u8 = 18;
const T_GAZ_M1: u8 = 19;
const T_GAZ_P1: u8 = 20;
const T_CUE: u8 = 21;
const T_CUE_M1: u8 = 22;
const T_CUE_M2: u8 = 23;
const T_CUE_P1: u8 = 24;
const T_DEMONYM: u8 = 25;
const T_TITLECASE: u8 = 26;
const T_CLUSTER: u8 = 27;
/// Bit where a cluster id's coarse part starts (see [`token_features`]).
pub(crate) const COARSE_SHIFT: u32 = 16;
const T_CLUSTER_M1: u8 = 28;
const T_CLUSTER_P1: u8 = 29;
const T_LEN: u8 = 30;
const T_CAPCOMMON_P1: u8 = 31;
const T_DEMONYM_P1: u8 = 32;
pub(crate) const T_P1: u8 = 40;
/// Salt of a domain's copies of the features.
pub(crate) const T_DOMAIN: u8 = 44;
pub(crate) const T_P1_W: u8 = 42;
pub(crate) const T_P1_SHAPE: u8 = 43;
const T_OCR: u8 = 33;

/// The domain whose OCR-tolerant and cluster features fire: OCRed
/// historical newspapers under the NewsEye/HIPE conventions.
pub(crate) const HISTORICAL_DOMAIN: &str = "newseye";

/// Salt of [`HISTORICAL_DOMAIN`].
fn historical_salt() -> u64 {
    static S: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *S.get_or_init(|| f1(T_DOMAIN, HISTORICAL_DOMAIN))
}

/// True when `domain` is the salt of [`HISTORICAL_DOMAIN`].
fn is_historical(domain: u64) -> bool {
    domain != 0 && domain == historical_salt()
}

/// OCR-tolerant features (historical domain only): the word rejoined across
/// a line-end hyphen ("Ver¬" + "sailles" → "versailles", on both halves),
/// the accent-folded word and its character trigrams, which survive a
/// misread letter or an old spelling better than the whole word.
fn ocr_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let Some(t) = infos.get(i) else { return };
    let strip = |x: &str| x.trim_end_matches(['¬', '-']).to_string();
    if t.lower.ends_with('¬') {
        if let Some(n) = infos.get(i + 1) {
            let joined = strip(&t.folded) + &n.folded;
            out.push(f1(T_OCR, &joined));
            out.push(f2(T_OCR, "head", &joined));
        }
    }
    if let Some(p) = i.checked_sub(1).and_then(|k| infos.get(k)).filter(|p| p.lower.ends_with('¬')) {
        let joined = strip(&p.folded) + &t.folded;
        out.push(f1(T_OCR, &joined));
        out.push(f2(T_OCR, "tail", &joined));
        out.push(fi(T_OCR, &[7, u32::from(p.cap), u32::from(t.cap)]));
    }
    out.push(fi(T_OCR, &[8, u32::from(t.lower.ends_with('¬'))]));
    out.push(f2(T_OCR, "fold", &t.folded));
    let chars: Vec<char> = format!("^{}$", t.folded).chars().collect();
    for w in chars.windows(3) {
        let g: String = w.iter().collect();
        out.push(f2(T_OCR, "g3", &g));
    }
}

/// Static features of token `i`, appended to `out`.
///
/// With a non-zero `domain` salt, the most convention-laden features (word
/// forms, shapes, cue context) are also emitted in a copy specific to the
/// domain (feature augmentation for domain adaptation, Daumé 2007), so that
/// corpora with different annotation conventions share what they agree on.
/// Word clusters fire wherever the model has them; the OCR-tolerant
/// features only under the historical-newspaper domain, so they cannot
/// change modern analysis.
pub(crate) fn token_features(infos: &[TokenInfo], i: usize, titlecase: bool, domain: u64, out: &mut Vec<u64>) {
    let Some(t) = infos.get(i) else { return };
    let get = |k: isize| -> Option<&TokenInfo> {
        if k < 0 {
            None
        } else {
            infos.get(k as usize)
        }
    };
    let ii = i as isize;
    let w = |k: isize| get(k).map_or(if k < 0 { "<s>" } else { "</s>" }, |x| x.lower.as_str());
    let sh = |k: isize| get(k).map_or("<>", |x| x.shape.as_str());
    out.push(f1(T_BIAS, ""));
    out.push(f1(T_W, &t.lower));
    out.push(f1(T_FORM, &t.shape));
    out.push(f2(T_FORM, &t.lower, &t.shape));
    out.push(f1(T_WM1, w(ii - 1)));
    out.push(f1(T_WP1, w(ii + 1)));
    out.push(f1(T_WM2, w(ii - 2)));
    out.push(f1(T_WP2, w(ii + 2)));
    out.push(f3(T_SHAPE3, sh(ii - 1), &t.shape, sh(ii + 1)));
    out.push(fi(T_CUE_M1, &[u32::from(get(ii - 1).map_or(0, |p| p.cue)), u32::from(t.cap)]));
    if domain != 0 {
        let n = out.len();
        for k in 0..n {
            if let Some(f) = out.get(k).copied() {
                out.push(f ^ domain);
            }
        }
    }
    // Prefixes and suffixes of 1 to 4 characters.
    let lower = t.lower.as_str();
    for (k, (b, c)) in lower.char_indices().take(4).enumerate() {
        let end = b + c.len_utf8();
        out.push(fi(T_PRE, &[k as u32 + 1]) ^ f1(T_PRE, lower.get(..end).unwrap_or("")));
    }
    for (k, (b, _)) in lower.char_indices().rev().take(4).enumerate() {
        out.push(fi(T_SUF, &[k as u32 + 1]) ^ f1(T_SUF, lower.get(b..).unwrap_or("")));
    }
    out.push(f1(T_SHAPE, &t.shape));
    out.push(f1(T_SHAPE_M1, sh(ii - 1)));
    out.push(f1(T_SHAPE_P1, sh(ii + 1)));
    out.push(f2(T_BI_M1, w(ii - 1), &t.lower));
    out.push(f2(T_BI_P1, &t.lower, w(ii + 1)));
    // Sentence position: first token, or first after an opening mark.
    let first = i == 0 || (i == 1 && get(0).is_some_and(|p| !p.shape.contains(['x', 'X', 'd'])));
    out.push(fi(T_POS, &[u32::from(first), u32::from(t.cap)]));
    out.push(fi(T_CAPCOMMON, &[u32::from(t.cap_common), u32::from(first), u32::from(t.allcap)]));
    if let Some(p) = get(ii + 1) {
        out.push(fi(T_CAPCOMMON_P1, &[u32::from(p.cap_common), u32::from(p.cap), u32::from(t.cap)]));
    }
    out.push(fi(T_LEN, &[t.lower.chars().count().min(12) as u32, u32::from(t.allcap)]));
    for c in 0..resources::class::COUNT {
        let bit = 1u8 << c;
        if t.gaz_b & bit != 0 {
            out.push(fi(T_GAZ, &[c as u32, 0, u32::from(t.cap)]));
        }
        if t.gaz_i & bit != 0 {
            out.push(fi(T_GAZ, &[c as u32, 1, u32::from(t.cap)]));
        }
        if get(ii - 1).is_some_and(|p| (p.gaz_b | p.gaz_i) & bit != 0) {
            out.push(fi(T_GAZ_M1, &[c as u32]));
        }
        if get(ii + 1).is_some_and(|p| p.gaz_b & bit != 0) {
            out.push(fi(T_GAZ_P1, &[c as u32]));
        }
    }
    out.push(fi(T_CUE, &[u32::from(t.cue)]));
    out.push(fi(T_CUE_M2, &[u32::from(get(ii - 2).map_or(0, |p| p.cue)), u32::from(t.cap)]));
    out.push(fi(T_CUE_P1, &[u32::from(get(ii + 1).map_or(0, |p| p.cue))]));
    if t.demonym {
        out.push(fi(T_DEMONYM, &[u32::from(t.cap)]));
    }
    if get(ii + 1).is_some_and(|p| p.demonym) {
        out.push(fi(T_DEMONYM_P1, &[u32::from(t.cap)]));
    }
    out.push(fi(T_TITLECASE, &[u32::from(titlecase), u32::from(t.cap)]));
    // Word clusters, where the model has them: an id, and above
    // `COARSE_SHIFT` a coarser cluster plus one (0: none).
    if let Some(c) = t.cluster {
        out.push(fi(T_CLUSTER, &[c]));
        out.push(fi(T_CLUSTER, &[c, u32::from(t.cap)]));
        if c >> COARSE_SHIFT != 0 {
            out.push(fi(T_CLUSTER, &[c >> COARSE_SHIFT, u32::from(t.cap), 1]));
        }
    }
    if let Some(c) = get(ii - 1).and_then(|p| p.cluster) {
        out.push(fi(T_CLUSTER_M1, &[c]));
    }
    if let Some(c) = get(ii + 1).and_then(|p| p.cluster) {
        out.push(fi(T_CLUSTER_P1, &[c]));
    }
    if !is_historical(domain) {
        return;
    }
    ocr_features(infos, i, out);
}

/// True when most words of the sentence are capitalised (a headline).
pub(crate) fn is_titlecase(infos: &[TokenInfo]) -> bool {
    let words = infos.iter().filter(|t| t.shape.contains(['x', 'X'])).count();
    let caps = infos.iter().filter(|t| t.cap).count();
    words >= 3 && caps * 10 >= words * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(tokens: &[&str], i: usize, domain: &str) -> Vec<u64> {
        let lexicon = Lexicon::default();
        let clusters = crate::model::ClusterMap::from_map(&[("paris".to_string(), 3)].into_iter().collect());
        let ctx = Context { lang: "fr", lexicon: &lexicon, clusters: &clusters };
        let salt = crate::model::domain_salt(domain);
        let infos = token_infos(tokens, &ctx, salt);
        let mut out = Vec::new();
        token_features(&infos, i, false, salt, &mut out);
        out
    }

    #[test]
    fn ocr_features_only_in_the_historical_domain() {
        let toks = ["à", "Ver¬", "sailles", "et", "Paris"];
        let modern = feats(&toks, 2, "modern");
        let hist = feats(&toks, 2, HISTORICAL_DOMAIN);
        let joined = f1(T_OCR, "versailles");
        assert!(hist.contains(&joined) && !modern.contains(&joined));
        // Both halves of the hyphenated word see the rejoined word.
        assert!(feats(&toks, 1, HISTORICAL_DOMAIN).contains(&joined));
        assert!(hist.contains(&f2(T_OCR, "g3", "sai")));
        assert!(!modern.iter().any(|f| *f == f2(T_OCR, "g3", "sai")));
    }

    #[test]
    fn cluster_features_wherever_the_model_has_clusters() {
        let toks = ["à", "Ver¬", "sailles", "et", "Paris"];
        // "Paris" is found lower-cased: its cluster fires in every domain.
        let cl = fi(T_CLUSTER, &[3]);
        for domain in [HISTORICAL_DOMAIN, "modern", ""] {
            assert!(feats(&toks, 4, domain).contains(&cl), "{domain}");
        }
        // A form as written wins over its lower case, and a coarse cluster
        // (above COARSE_SHIFT) adds its own feature.
        let lexicon = Lexicon::default();
        let coarse = (4 + 1) << COARSE_SHIFT;
        let clusters =
            crate::model::ClusterMap::from_map(&[("rose".to_string(), 1), ("Rose".to_string(), 2 | coarse)].into_iter().collect());
        let ctx = Context { lang: "fr", lexicon: &lexicon, clusters: &clusters };
        let infos = token_infos(&["Rose", "rose"], &ctx, 0);
        assert_eq!(infos[0].cluster, Some(2 | coarse));
        assert_eq!(infos[1].cluster, Some(1));
        let mut out = Vec::new();
        token_features(&infos, 0, false, 0, &mut out);
        assert!(out.contains(&fi(T_CLUSTER, &[5, 1, 1])));
        // No clusters, no cluster feature.
        let none = crate::model::ClusterMap::default();
        let ctx = Context { lang: "fr", lexicon: &lexicon, clusters: &none };
        assert_eq!(token_infos(&["Paris"], &ctx, 0)[0].cluster, None);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Younous-Bek"), "Xx-Xx");
        assert_eq!(shape("2025"), "d");
        assert_eq!(shape("ONU"), "X");
    }
}
