//! Cross-article merge: the per-article entities of every document are
//! joined (union–find) by evidence, each join with its reason:
//!
//! * same folded name ("accent/case variant" when the spellings differ);
//! * a person's bare surname, when exactly one full name in the dossier
//!   has it (never when two first names share the surname);
//! * an acronym defined anywhere by "Name (ACR)";
//! * the same id in the shipped organisations list or the same country /
//!   region / subdivision in the place gazetteer;
//! * descriptive organisation names that differ only in word order.
//!
//! One linear pass over the per-article entities with hash maps, so it is
//! cheap to redo when an article is added.

use std::collections::HashMap;

use crate::gazetteer;
use crate::kb::Kb;
use crate::lexicon::{class, Lexicon};
use crate::local::DocState;
use crate::words::{is_acronym, key, slug};
use crate::{AcronymDef, Entity, EntityType, MentionRef, PlaceLink, Quote, Role};

pub(crate) struct MergeOut {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub acronyms: Vec<AcronymDef>,
}

struct Uf {
    parent: Vec<usize>,
}

impl Uf {
    fn find(&mut self, mut x: usize) -> usize {
        // Iterative with path halving: no recursion.
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = gp;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(hi) {
            *slot = lo;
        }
        true
    }
}

/// What the merge needs to know of one per-article entity.
struct Node {
    doc: usize,
    local: usize,
    key: String,
    kind: EntityType,
    full: bool,
    ambiguous: bool,
    surname: Option<String>,
    /// The first name as written.
    name: String,
}

fn majority(votes: &[(EntityType, usize)]) -> Option<EntityType> {
    let mut best: Option<(EntityType, usize)> = None;
    for &(k, n) in votes {
        if best.is_none_or(|b| n > b.1) {
            best = Some((k, n));
        }
    }
    best.map(|b| b.0)
}

fn votes_of(kinds: impl Iterator<Item = EntityType>) -> Vec<(EntityType, usize)> {
    let mut v: Vec<(EntityType, usize)> = Vec::new();
    for k in kinds {
        match v.iter_mut().find(|x| x.0 == k) {
            Some(x) => x.1 += 1,
            None => v.push((k, 1)),
        }
    }
    v
}

pub(crate) fn merge(states: &[DocState], kb: Option<&Kb>) -> MergeOut {
    let mut nodes: Vec<Node> = Vec::new();
    let mut base: Vec<usize> = Vec::with_capacity(states.len());
    for (d, st) in states.iter().enumerate() {
        base.push(nodes.len());
        for (l, e) in st.entities.iter().enumerate() {
            let kinds = e.mentions.iter().filter_map(|&i| st.mentions.get(i)).map(|m| m.kind);
            let kind = majority(&votes_of(kinds)).unwrap_or(EntityType::Org);
            nodes.push(Node { doc: d, local: l, key: e.key.clone(), kind, full: e.full, ambiguous: e.ambiguous, surname: e.surname.clone(), name: e.name.clone() });
        }
    }
    let mut uf = Uf { parent: (0..nodes.len()).collect() };
    let mut reasons: Vec<(usize, String)> = Vec::new();
    let doc_id = |n: &Node| states.get(n.doc).map_or("", |s| s.id.as_str()).to_string();

    // Same folded name.
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (g, n) in nodes.iter().enumerate() {
        if n.ambiguous {
            continue;
        }
        match by_key.get(n.key.as_str()) {
            None => {
                by_key.insert(&n.key, g);
            }
            Some(&f) => {
                let Some(first) = nodes.get(f) else { continue };
                if uf.union(f, g) {
                    let why = if first.name != n.name {
                        format!("accent/case variant: '{}' ({}) ~ '{}' ({})", n.name, doc_id(n), first.name, doc_id(first))
                    } else {
                        format!("same name: '{}' in {} and {}", n.name, doc_id(first), doc_id(n))
                    };
                    let why = if first.kind != n.kind { format!("{why}; tagged {} there and {} here", first.kind.as_str(), n.kind.as_str()) } else { why };
                    reasons.push((g, why));
                }
            }
        }
    }
    // Bare surnames: only when one full name in the dossier has it, and no
    // organisation or place has that name.
    let mut surname_to_full: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, n) in nodes.iter().enumerate() {
        if n.full && n.kind == EntityType::Per {
            if let Some(s) = &n.surname {
                let mut keys = vec![s.clone()];
                if let Some(last) = s.split(' ').next_back().filter(|l| l != s) {
                    keys.push(last.to_string());
                }
                for k in keys {
                    let v = surname_to_full.entry(k).or_default();
                    if !v.iter().any(|&x| nodes.get(x).is_some_and(|o| o.key == n.key)) {
                        v.push(g);
                    }
                }
            }
        }
    }
    let non_person: std::collections::HashSet<&str> = nodes.iter().filter(|n| n.kind != EntityType::Per).map(|n| n.key.as_str()).collect();
    for (g, n) in nodes.iter().enumerate() {
        if n.full || n.ambiguous || n.kind != EntityType::Per || non_person.contains(n.key.as_str()) {
            continue;
        }
        if let Some([f]) = surname_to_full.get(&n.key).map(Vec::as_slice) {
            if uf.union(*f, g) {
                let full = nodes.get(*f).map_or(String::new(), |x| x.name.clone());
                reasons.push((g, format!("surname of: '{}' ({}) is the only person named {} in the dossier, '{}'", n.name, doc_id(n), n.name, full)));
            }
        }
    }
    // Acronyms defined by "Name (ACR)".
    let mut acronyms: Vec<AcronymDef> = Vec::new();
    let mut key_nodes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, n) in nodes.iter().enumerate() {
        key_nodes.entry(n.key.as_str()).or_default().push(g);
    }
    for st in states {
        for (def, exp_key) in &st.acronyms {
            acronyms.push(def.clone());
            let a = key_nodes.get(key(&def.acronym).as_str()).cloned().unwrap_or_default();
            let b = key_nodes.get(exp_key.as_str()).cloned().unwrap_or_default();
            if let Some(&first) = b.first() {
                for g in a.into_iter().chain(b) {
                    if uf.union(first, g) {
                        reasons.push((g, format!("acronym defined by '{} ({})' in {}", def.expansion, def.acronym, def.doc)));
                    }
                }
            }
        }
    }
    // Gazetteer ids.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (g, n) in nodes.iter().enumerate() {
        let id = match n.kind {
            EntityType::Org => gazetteer::organisation(&n.key).map(|i| format!("org:{i}")),
            EntityType::Loc => gazetteer::place(&n.key).filter(|p| p.is_identifying()).map(|p| format!("place:{}:{}", p.tier, p.code)),
            EntityType::Per => None,
        };
        let Some(id) = id else { continue };
        match by_id.get(&id) {
            None => {
                by_id.insert(id, g);
            }
            Some(&f) => {
                if uf.union(f, g) {
                    let other = nodes.get(f).map_or(String::new(), |x| x.name.clone());
                    reasons.push((g, format!("gazetteer id {}: '{}' ~ '{}'", id.rsplit(':').next().unwrap_or(&id), n.name, other)));
                }
            }
        }
    }
    // Descriptive organisation names in another word order.
    let lex = Lexicon::for_language("");
    let mut by_bag: HashMap<String, usize> = HashMap::new();
    for (g, n) in nodes.iter().enumerate() {
        if n.kind != EntityType::Org || !n.name.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let mut bag: Vec<String> = n.key.split([' ', '\'']).filter(|w| !w.is_empty() && !lex.is(w, class::FUNCTION | class::DET)).map(str::to_string).collect();
        if bag.len() < 2 {
            continue;
        }
        bag.sort();
        let b = bag.join(" ");
        match by_bag.get(&b) {
            None => {
                by_bag.insert(b, g);
            }
            Some(&f) => {
                if uf.union(f, g) {
                    let other = nodes.get(f).map_or(String::new(), |x| x.name.clone());
                    reasons.push((g, format!("word-order variant: '{}' ~ '{}'", n.name, other)));
                }
            }
        }
    }

    // Components → entities, in order of first mention.
    let mut comp: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for g in 0..nodes.len() {
        let r = uf.find(g);
        let c = *comp.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        if let Some(m) = members.get_mut(c) {
            m.push(g);
        }
    }
    let mut reasons_by_comp: Vec<Vec<String>> = vec![Vec::new(); members.len()];
    for (g, r) in reasons {
        if let Some(c) = comp.get(&uf.find(g)).copied() {
            if let Some(v) = reasons_by_comp.get_mut(c) {
                v.push(r);
            }
        }
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(members.len());
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut node_entity: Vec<usize> = vec![usize::MAX; nodes.len()];
    for (c, ms) in members.iter().enumerate() {
        let mut mentions: Vec<(usize, &crate::local::LocalMention)> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        let mut role_seen: std::collections::HashSet<(String, String)> = std::collections::HashSet::new();
        let mut merges: Vec<String> = Vec::new();
        for &g in ms {
            let Some(n) = nodes.get(g) else { continue };
            let Some(st) = states.get(n.doc) else { continue };
            let Some(le) = st.entities.get(n.local) else { continue };
            for &i in &le.mentions {
                if let Some(m) = st.mentions.get(i) {
                    mentions.push((n.doc, m));
                }
            }
            for r in &le.roles {
                if role_seen.insert((r.doc.clone(), key(&r.text))) {
                    roles.push(r.clone());
                }
            }
            merges.extend(le.reasons.iter().cloned());
        }
        merges.extend(reasons_by_comp.get(c).cloned().unwrap_or_default());
        if mentions.is_empty() {
            continue;
        }
        mentions.sort_by_key(|(d, m)| (*d, m.span.start));
        let kind = majority(&votes_of(mentions.iter().map(|(_, m)| m.kind))).unwrap_or(EntityType::Org);
        // Canonical name: persons by the fullest name; others prefer a
        // written-out name to an acronym, then the most frequent form.
        let mut forms: Vec<(String, usize, usize)> = Vec::new(); // (display, count, first order)
        for (o, (_, m)) in mentions.iter().enumerate() {
            match forms.iter_mut().find(|f| f.0 == m.display) {
                Some(f) => f.1 += 1,
                None => forms.push((m.display.clone(), 1, o)),
            }
        }
        let score = |f: &(String, usize, usize)| {
            let toks = f.0.split_whitespace().count();
            let accents = f.0.chars().filter(|c| !c.is_ascii()).count();
            let mixed = f.0.chars().any(char::is_lowercase);
            let acr = is_acronym(&f.0);
            match kind {
                EntityType::Per => (toks, f.1, accents, mixed as usize, usize::MAX - f.2),
                _ => (!acr as usize, f.1, mixed as usize, accents, usize::MAX - f.2),
            }
        };
        let name = forms.iter().max_by_key(|f| score(f)).map(|f| f.0.clone()).unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        let mut alias_seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (_, m) in &mentions {
            for a in [Some(m.text.trim().to_string()), Some(m.display.clone()), m.extra_alias.clone()].into_iter().flatten() {
                if a != name && !a.is_empty() && alias_seen.insert(a.clone()) {
                    aliases.push(a);
                }
            }
        }
        let mut docs: Vec<String> = Vec::new();
        let mut last_doc = usize::MAX;
        for (d, _) in &mentions {
            // Mentions are sorted by document: each document once.
            if *d != last_doc {
                last_doc = *d;
                if let Some(st) = states.get(*d) {
                    docs.push(st.id.clone());
                }
            }
        }
        let base_id = format!("{}:{}", kind.as_str().to_lowercase(), slug(&key(&name)));
        let n = used_ids.entry(base_id.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base_id } else { format!("{base_id}~{n}") };
        let place = (kind == EntityType::Loc)
            .then(|| {
                std::iter::once(&name).chain(aliases.iter()).find_map(|a| {
                    let k = key(a);
                    gazetteer::place(&k).map(|p| PlaceLink {
                        matched: k,
                        tier: p.tier.to_string(),
                        code: p.code.to_string(),
                        country: p.country(),
                        geonames_id: p.geonames_id,
                        coordinates: p.coordinates,
                        confidence: p.confidence(),
                    })
                })
            })
            .flatten();
        let org_id = (kind == EntityType::Org)
            .then(|| std::iter::once(&name).chain(aliases.iter()).find_map(|a| gazetteer::organisation(&key(a)).map(str::to_string)))
            .flatten();
        let kb_link = kb.and_then(|kb| kb.link(kind, &name, &aliases));
        let refs: Vec<MentionRef> = mentions
            .iter()
            .map(|(d, m)| MentionRef { doc: states.get(*d).map_or(String::new(), |s| s.id.clone()), span: m.span, text: m.text.clone() })
            .collect();
        let idx = entities.len();
        for &g in ms {
            if let Some(slot) = node_entity.get_mut(g) {
                *slot = idx;
            }
        }
        entities.push(Entity { id, kind, name, aliases, docs, mentions: refs, roles, merges, place, org_id, kb: kb_link });
    }
    // Order by first mention (document order, then position), keeping the
    // node → entity map in step.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    let doc_index: HashMap<&str, usize> = states.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let first_of = |e: &Entity| e.mentions.first().map_or((usize::MAX, 0), |m| (doc_index.get(m.doc.as_str()).copied().unwrap_or(usize::MAX), m.span.start));
    order.sort_by_key(|&i| entities.get(i).map(first_of));
    let mut new_pos = vec![0usize; entities.len()];
    for (p, &i) in order.iter().enumerate() {
        if let Some(slot) = new_pos.get_mut(i) {
            *slot = p;
        }
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities: Vec<Entity> = order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect();
    for e in node_entity.iter_mut() {
        if let Some(p) = new_pos.get(*e) {
            *e = *p;
        }
    }

    let mut quotes = Vec::new();
    for (d, st) in states.iter().enumerate() {
        let b = base.get(d).copied().unwrap_or(0);
        for q in &st.quotes {
            let ent = q.speaker.and_then(|l| b.checked_add(l)).and_then(|g| node_entity.get(g)).and_then(|&i| entities.get(i));
            quotes.push(Quote {
                doc: st.id.clone(),
                text: q.text.clone(),
                span: q.span,
                sentence: q.sentence,
                speaker: ent.map(|e| e.id.clone()),
                speaker_name: ent.map(|e| e.name.clone()),
                speaker_mention: q.speaker_mention,
                verb: q.verb.clone(),
                cue: q.cue.clone(),
            });
        }
    }
    MergeOut { entities, quotes, acronyms }
}
