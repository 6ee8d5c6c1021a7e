//! Story grouping: [`group_stories`] puts articles that report the same
//! story into one [`Story`].
//!
//! **Similarity.** Each text becomes a TF-IDF vector over its *content
//! words* (folded tokens of 3+ characters that are not digits-only and not
//! French/English function words), weight `(1 + ln tf) · ln((N+1)/(df+1))`,
//! L2-normalised over all its terms (terms of one article only are kept in
//! the norm but not stored: they cannot be shared). The cosine of two
//! articles is computed by scattering one vector into a dense array over
//! term ids and reading the other's terms from it. Two articles are linked
//! when
//!
//! * their dates, when both are known, are at most `window_days` apart
//!   (default 7; a month- or year-precise date counts as its whole interval,
//!   see [`crate::day`]), and
//! * `cosine ≥ min_cosine` (default 0.10: entities alone never link), and
//! * `cosine + entity_weight · overlap ≥ min_score` (defaults 0.25 and
//!   0.30), where `overlap` is the share of the smaller entity set found in
//!   the other (0 when either article has no entity keys).
//!
//! Stories are the connected components of these links (union-find; single
//! link, so a long chain of pairwise-close reports forms one story).
//!
//! **Near-linear.** Pairs are never enumerated exhaustively: each article
//! is indexed under its `block_terms` heaviest terms that occur in at least
//! two articles, and under its entity keys; keys held by more than
//! `max_posting` articles (words and entities too common to identify a
//! story) are skipped, and only articles sharing at least
//! `min_shared_keys` keys are compared (two reports of one story share
//! several rare names and words; a single shared word is not enough to be
//! worth a comparison). Cost: `O(N · keys · max_posting)` counter updates
//! and far fewer vector comparisons.

use std::collections::HashMap;

use ahash::{AHashMap, AHashSet};

use crate::day;
use crate::shingle::{for_each_token, mix64, token_hash};
use crate::unionfind::UnionFind;

/// One article to group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryInput {
    /// Caller's id of the article.
    pub id: String,
    /// Clean article text (title may be included).
    pub text: String,
    /// Entity keys (ids or names; compared after folding case and accents).
    pub entities: Vec<String>,
    /// Publication date as `DateValue::value` (`2025`, `2025-06`,
    /// `2025-06-23`, `2025-06-23T00:53`); None or unreadable: no window.
    pub date: Option<String>,
}

/// A group of articles reporting one story.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Story {
    /// Id of the representative article: the earliest dated one, else the
    /// first in input order.
    pub id: String,
    /// Member ids in input order (the representative included).
    pub members: Vec<String>,
    /// Entity keys given for at least two members (all given ones for a
    /// single article), most shared first, at most 10.
    pub entities: Vec<String>,
    /// Earliest and latest member dates as given (None when none is dated).
    pub first_date: Option<String>,
    /// See `first_date`.
    pub last_date: Option<String>,
}

/// Thresholds of [`group_stories_with`]; see the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryConfig {
    /// Heaviest shared terms used as blocking keys per article (default 12).
    pub block_terms: usize,
    /// Keys held by more articles than this are not used (default 300).
    pub max_posting: usize,
    /// Blocking keys two articles must share to be compared (default 2).
    pub min_shared_keys: usize,
    /// Heaviest terms kept in each article's vector (default: all). A
    /// smaller value bounds the cost of a comparison on very large batches;
    /// the cosine is then a lower bound of the full one.
    pub vector_terms: usize,
    /// Largest gap in days between two dated articles of one story (7).
    pub window_days: i64,
    /// Smallest text cosine of a link (0.10).
    pub min_cosine: f32,
    /// Weight of the entity overlap (0.25).
    pub entity_weight: f32,
    /// Smallest combined score of a link (0.30).
    pub min_score: f32,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            block_terms: 12,
            max_posting: 300,
            min_shared_keys: 2,
            vector_terms: usize::MAX,
            window_days: 7,
            min_cosine: 0.10,
            entity_weight: 0.25,
            min_score: 0.30,
        }
    }
}

/// Groups `docs` into stories with the default thresholds. Every article
/// is in exactly one story; stories are ordered by their first member.
pub fn group_stories(docs: &[StoryInput]) -> Vec<Story> {
    group_stories_with(docs, &StoryConfig::default())
}

const STOPWORDS: &str = "les des une que qui dans pour par sur avec est sont pas plus ont ete etait aux \
    ses son sa leur leurs cette ces mais ainsi tout tous toute toutes elle elles ils nous vous lui \
    ont avait avaient fait faire etre avoir entre apres avant depuis dont comme aussi encore tres \
    selon sans sous vers chez lors alors donc car deja meme autre autres quelques plusieurs peut \
    doit ete sera seront serait notamment egalement contre ceux celle celui cela ceci quand comment \
    the and for that with this from are was were has have had not but its his her their they them \
    been will would could should which who whom what when where there than then also into about \
    after before over under more most other such only some any all can may our out said says \
    one two new just like very because while during being does did him she you your year years";

/// Hashes of the stop-word list (folded, as tokens).
fn stopwords() -> AHashSet<u64> {
    STOPWORDS.split_whitespace().filter_map(token_hash).collect()
}

/// Sparse L2-normalised vector over term ids, sorted by term.
type Vector = Vec<(u32, f32)>;

fn overlap(a: &[u64], b: &[u64]) -> f32 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n as f32 / small as f32
}

fn entity_key(e: &str) -> Option<u64> {
    let mut h = 0x0e47_17e5u64;
    let mut any = false;
    for_each_token(e, |t| {
        any = true;
        h = mix64(h ^ t.hash);
    });
    any.then_some(h)
}

/// [`group_stories`] with explicit thresholds.
pub fn group_stories_with(docs: &[StoryInput], cfg: &StoryConfig) -> Vec<Story> {
    let n = docs.len();
    let stop = stopwords();

    // 1. Term counts per document (term hashes mapped to dense ids) and
    //    document frequencies.
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut ids: AHashMap<u64, u32> = AHashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut buf: Vec<u32> = Vec::new();
    for d in docs {
        buf.clear();
        for_each_token(&d.text, |t| {
            if t.chars >= 3 && !t.numeric && !stop.contains(&t.hash) {
                let next = ids.len() as u32;
                buf.push(*ids.entry(t.hash).or_insert(next));
            }
        });
        if df.len() < ids.len() {
            df.resize(ids.len(), 0);
        }
        buf.sort_unstable();
        let mut tc: Vec<(u32, u32)> = Vec::new();
        for &h in &buf {
            match tc.last_mut() {
                Some((t, c)) if *t == h => *c += 1,
                _ => tc.push((h, 1)),
            }
        }
        for &(t, _) in &tc {
            if let Some(x) = df.get_mut(t as usize) {
                *x += 1;
            }
        }
        tc.shrink_to_fit();
        counts.push(tc);
    }
    drop(ids);

    // 2. TF-IDF vectors (normalised over all terms, stored for terms seen
    //    in two or more documents: the others cannot match).
    let nf = (n + 1) as f32;
    let mut vecs: Vec<Vector> = Vec::with_capacity(n);
    let mut keys: Vec<Vec<u64>> = Vec::with_capacity(n);
    for tc in counts.iter_mut() {
        let mut norm = 0.0f32;
        let mut v: Vector = Vec::with_capacity(tc.len());
        for &(t, c) in tc.iter() {
            let dfi = df.get(t as usize).copied().unwrap_or(1);
            let w = (1.0 + (c as f32).ln()) * (nf / (dfi as f32 + 1.0)).ln();
            norm += w * w;
            if dfi >= 2 && w > 0.0 {
                v.push((t, w));
            }
        }
        *tc = Vec::new();
        let norm = norm.sqrt();
        if norm > 0.0 {
            for x in &mut v {
                x.1 /= norm;
            }
        }
        // Heaviest first: the first `block_terms` are the blocking keys, the
        // first `vector_terms` the stored vector.
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        keys.push(v.iter().take(cfg.block_terms).map(|&(t, _)| mix64(t as u64 ^ 0x7e77_0000_0000)).collect());
        v.truncate(cfg.vector_terms.max(1));
        v.sort_unstable_by_key(|x| x.0);
        v.shrink_to_fit();
        vecs.push(v);
    }
    drop(counts);

    // Entities and dates.
    let ents: Vec<Vec<u64>> = docs
        .iter()
        .map(|d| {
            let mut e: Vec<u64> = d.entities.iter().filter_map(|s| entity_key(s)).collect();
            e.sort_unstable();
            e.dedup();
            e
        })
        .collect();
    let days: Vec<Option<(i64, i64)>> =
        docs.iter().map(|d| d.date.as_deref().and_then(day::day_interval)).collect();
    for (k, e) in keys.iter_mut().zip(ents.iter()) {
        k.extend_from_slice(e);
    }

    // 3. Postings and candidate pairs.
    let mut postings: AHashMap<u64, Vec<u32>> = AHashMap::new();
    for (i, k) in keys.iter().enumerate() {
        for &key in k {
            postings.entry(key).or_default().push(i as u32);
        }
    }
    let mut uf = UnionFind::default();
    for _ in 0..n {
        uf.push();
    }
    // Shared-key counters for the current article (reset by stamp).
    let mut stamp: Vec<u32> = vec![u32::MAX; n];
    let mut shared: Vec<u16> = vec![0; n];
    let need = cfg.min_shared_keys.max(1);
    let mut cands: Vec<u32> = Vec::new();
    // Article i's vector scattered into a dense array over term ids, so
    // that a comparison is one pass over the candidate's terms.
    let mut dense: Vec<f32> = vec![0.0; df.len()];
    for (i, k) in keys.iter().enumerate() {
        cands.clear();
        for key in k {
            let Some(post) = postings.get(key) else { continue };
            if post.len() > cfg.max_posting {
                continue;
            }
            for &j in post {
                let ju = j as usize;
                if ju <= i {
                    continue;
                }
                let (Some(st), Some(cnt)) = (stamp.get_mut(ju), shared.get_mut(ju)) else { continue };
                if *st != i as u32 {
                    *st = i as u32;
                    *cnt = 0;
                }
                *cnt = cnt.saturating_add(1);
                if *cnt as usize == need {
                    cands.push(j);
                }
            }
        }
        let vi: &[(u32, f32)] = vecs.get(i).map(Vec::as_slice).unwrap_or(&[]);
        if !cands.is_empty() {
            for &(t, w) in vi {
                if let Some(x) = dense.get_mut(t as usize) {
                    *x = w;
                }
            }
        }
        for &j in &cands {
            let ju = j as usize;
            if let (Some(Some(a)), Some(Some(b))) = (days.get(i), days.get(ju)) {
                if day::gap(*a, *b) > cfg.window_days {
                    continue;
                }
            }
            let Some(vb) = vecs.get(ju) else { continue };
            let cos: f32 = vb.iter().map(|&(t, w)| dense.get(t as usize).copied().unwrap_or(0.0) * w).sum();
            if cos < cfg.min_cosine {
                continue;
            }
            let ov = match (ents.get(i), ents.get(ju)) {
                (Some(a), Some(b)) => overlap(a, b),
                _ => 0.0,
            };
            if cos + cfg.entity_weight * ov >= cfg.min_score {
                uf.union(i as u32, j);
            }
        }
        if !cands.is_empty() {
            for &(t, _) in vi {
                if let Some(x) = dense.get_mut(t as usize) {
                    *x = 0.0;
                }
            }
        }
    }

    // 4. Components -> stories.
    let mut groups: HashMap<u32, Vec<usize>> = HashMap::new();
    for i in 0..n {
        groups.entry(uf.find(i as u32)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_unstable_by_key(|g| g.first().copied().unwrap_or(0));
    groups.into_iter().filter_map(|g| make_story(docs, &days, &g)).collect()
}

fn make_story(docs: &[StoryInput], days: &[Option<(i64, i64)>], g: &[usize]) -> Option<Story> {
    let first = *g.first()?;
    let dated: Vec<(usize, (i64, i64))> =
        g.iter().filter_map(|&i| days.get(i).copied().flatten().map(|d| (i, d))).collect();
    let earliest = dated.iter().min_by_key(|(i, d)| (d.0, *i)).map(|x| x.0);
    let latest = dated.iter().max_by_key(|(i, d)| (d.1, std::cmp::Reverse(*i))).map(|x| x.0);
    let rep = earliest.unwrap_or(first);
    let date_of = |i: Option<usize>| i.and_then(|i| docs.get(i)).and_then(|d| d.date.clone());

    // Entities: counted once per member by folded key, shown as first given.
    let mut seen: AHashMap<u64, (usize, usize, &str)> = AHashMap::new();
    for (order, &i) in g.iter().enumerate() {
        let Some(d) = docs.get(i) else { continue };
        let mut mine: AHashSet<u64> = AHashSet::new();
        for e in &d.entities {
            if let Some(k) = entity_key(e) {
                if mine.insert(k) {
                    let slot = seen.entry(k).or_insert((0, order * 10_000 + mine.len(), e.as_str()));
                    slot.0 += 1;
                }
            }
        }
    }
    let need = if g.len() > 1 { 2 } else { 1 };
    let mut ents: Vec<(usize, usize, &str)> = seen.into_values().filter(|x| x.0 >= need).collect();
    ents.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Some(Story {
        id: docs.get(rep)?.id.clone(),
        members: g.iter().filter_map(|&i| docs.get(i).map(|d| d.id.clone())).collect(),
        entities: ents.into_iter().take(10).map(|x| x.2.to_owned()).collect(),
        first_date: date_of(earliest),
        last_date: date_of(latest),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(id: &str, text: &str, ents: &[&str], date: Option<&str>) -> StoryInput {
        StoryInput {
            id: id.into(),
            text: text.into(),
            entities: ents.iter().map(|s| s.to_string()).collect(),
            date: date.map(str::to_owned),
        }
    }

    fn corpus() -> Vec<StoryInput> {
        vec![
            doc("a1", "Coup d'État au Niger : des militaires ont renversé le président Mohamed Bazoum à Niamey, \
                 la garde présidentielle retient le chef de l'État.", &["Niger", "Mohamed Bazoum", "Niamey"], Some("2023-07-26")),
            doc("a2", "Niamey : la garde présidentielle a séquestré Mohamed Bazoum ; les militaires putschistes \
                 annoncent à la télévision avoir renversé le président.", &["Niamey", "Bazoum"], Some("2023-07-27")),
            doc("b1", "La finale de la Coupe du monde de rugby s'est jouée samedi au Stade de France : \
                 l'Afrique du Sud bat la Nouvelle-Zélande.", &["Stade de France", "Afrique du Sud"], Some("2023-10-28")),
            doc("b2", "Rugby : l'Afrique du Sud remporte la Coupe du monde face à la Nouvelle-Zélande au Stade de France, \
                 quatrième titre mondial.", &["Afrique du Sud", "Nouvelle-Zélande"], Some("2023-10-29")),
            doc("c1", "Les marchés européens ont terminé en baisse, la banque centrale relevant ses taux.", &[], None),
            doc("x", "", &[], None),
        ]
    }

    #[test]
    fn groups_same_story() {
        let s = group_stories(&corpus());
        let members: Vec<Vec<&str>> = s.iter().map(|x| x.members.iter().map(String::as_str).collect()).collect();
        assert!(members.contains(&vec!["a1", "a2"]), "{members:?}");
        assert!(members.contains(&vec!["b1", "b2"]), "{members:?}");
        assert!(members.contains(&vec!["c1"]));
        assert!(members.contains(&vec!["x"]));
        let niger = s.iter().find(|x| x.id == "a1").unwrap();
        assert_eq!(niger.first_date.as_deref(), Some("2023-07-26"));
        assert_eq!(niger.last_date.as_deref(), Some("2023-07-27"));
        assert!(niger.entities.contains(&"Niamey".to_string()));
    }

    #[test]
    fn window_splits() {
        let mut c = corpus();
        if let Some(d) = c.get_mut(1) {
            d.date = Some("2024-03-01".into());
        }
        let s = group_stories(&c);
        assert!(s.iter().all(|x| x.members.len() == 1 || x.members[0] != "a1"));
        // A month-precise date overlapping the window keeps the link.
        if let Some(d) = c.get_mut(1) {
            d.date = Some("2023-07".into());
        }
        let s = group_stories(&c);
        assert!(s.iter().any(|x| x.members == vec!["a1".to_string(), "a2".to_string()]));
    }

    #[test]
    fn empty_input() {
        assert!(group_stories(&[]).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn partition_of_inputs(texts in proptest::collection::vec((any::<String>(), proptest::option::of("[0-9]{4}(-[0-9]{2}){0,2}")), 0..10)) {
            let docs: Vec<StoryInput> = texts.iter().enumerate()
                .map(|(i, (t, d))| StoryInput { id: i.to_string(), text: t.clone(), entities: vec![t.chars().take(5).collect()], date: d.clone() })
                .collect();
            let s = group_stories(&docs);
            let total: usize = s.iter().map(|x| x.members.len()).sum();
            prop_assert_eq!(total, docs.len());
        }
    }
}
