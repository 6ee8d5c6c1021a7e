//! Per-article analysis, computed once per document and kept by the
//! [`crate::Dossier`]: mentions cleaned into names (honorifics, titles,
//! articles and descriptors set apart), names recovered after honorifics,
//! acronym definitions, persons clustered within the article (full name ↔
//! surname ↔ "M. X" ↔ title + name), roles in apposition, and quotations
//! attributed to the article's local entities.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_document::Mention;
use dossier_text::Span;

use crate::gazetteer;
use crate::lexicon::{class, Lexicon};
use crate::quotes;
use crate::words::{is_acronym, is_initial, key, words, Word};
use crate::{AcronymDef, DocInput, EntityType, Role};

const PARTICLES: &str = include_str!("../../../data/lang/mul/name-particles.txt");

fn is_particle(word: &str) -> bool {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    let p = P.get_or_init(|| {
        dossier_text::data_lines(PARTICLES).map(str::to_lowercase).collect()
    });
    let w = word.to_lowercase();
    p.contains(&w)
}

/// A mention after cleaning.
#[derive(Debug, Clone)]
pub(crate) struct LocalMention {
    pub span: Span,
    /// The text at the span.
    pub text: String,
    pub kind: EntityType,
    /// The name without honorific, title, article or descriptor.
    pub display: String,
    /// Where `display` is.
    pub name_span: Span,
    pub key: String,
    /// "M. Peskov" / "général Assimi Goïta" when the text around says so.
    pub extra_alias: Option<String>,
    pub honorific: bool,
    /// Index of its local entity.
    pub entity: usize,
}

/// An entity within one article.
#[derive(Debug, Clone)]
pub(crate) struct LocalEntity {
    pub key: String,
    /// The name as first written.
    pub name: String,
    /// Full person name (first name + surname).
    pub full: bool,
    /// A surname shared by several full names of the article.
    pub ambiguous: bool,
    /// Folded surname, for persons.
    pub surname: Option<String>,
    pub mentions: Vec<usize>,
    pub reasons: Vec<String>,
    pub roles: Vec<Role>,
}

/// A quotation attributed within the article.
#[derive(Debug, Clone)]
pub(crate) struct QuoteCand {
    pub span: Span,
    pub text: String,
    pub sentence: Span,
    pub speaker: Option<usize>,
    pub speaker_mention: Option<Span>,
    pub verb: Option<String>,
    pub cue: String,
}

/// Everything kept about one article.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocState {
    pub id: String,
    pub mentions: Vec<LocalMention>,
    pub entities: Vec<LocalEntity>,
    /// Definitions with the folded key of their expansion.
    pub acronyms: Vec<(AcronymDef, String)>,
    pub quotes: Vec<QuoteCand>,
}

/// Read-only view of the article shared by the analysis steps.
pub(crate) struct View<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub lex: &'static Lexicon,
    /// Sentences, sorted, valid.
    pub sentences: Vec<Span>,
}

impl View<'_> {
    /// The sentence holding byte `pos` (or the paragraph line around it).
    pub fn sentence_at(&self, pos: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        match self.sentences.get(i) {
            Some(s) if s.start <= pos => *s,
            _ => self.line_at(pos),
        }
    }

    /// The paragraph line holding byte `pos`.
    pub fn line_at(&self, pos: usize) -> Span {
        let pos = pos.min(self.text.len());
        let start = self.text.get(..pos).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = self.text.get(pos..).and_then(|t| t.find('\n')).map_or(self.text.len(), |i| pos + i);
        Span::new(start, end)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(self.text).unwrap_or("")
    }
}

fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if text.len() > start {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Analyses one article.
pub(crate) fn analyse(doc: &DocInput) -> DocState {
    let text = doc.text.as_str();
    let lex = Lexicon::for_language(&doc.language);
    let mut sentences: Vec<Span> = doc.sentences.iter().copied().filter(|s| s.slice(text).is_some() && !s.is_empty()).collect();
    sentences.sort();
    sentences.dedup();
    // Overlapping sentences would break the binary search: keep the first.
    let mut clean: Vec<Span> = Vec::with_capacity(sentences.len());
    for s in sentences {
        if clean.last().is_none_or(|l: &Span| l.end <= s.start) {
            clean.push(s);
        }
    }
    if clean.is_empty() {
        clean = lines(text);
    }
    // A sentence never crosses a paragraph break.
    let clean: Vec<Span> = clean
        .into_iter()
        .flat_map(|s| lines(s.slice(text).unwrap_or("")).into_iter().map(move |l| Span::new(s.start + l.start, s.start + l.end)))
        .filter(|s| s.slice(text).is_some_and(|t| t.chars().any(char::is_alphanumeric)))
        .collect();
    let view = View { id: &doc.id, text, lex, sentences: clean };

    let raw = recover_mentions(&view, &doc.mentions);
    let mut mentions: Vec<LocalMention> = raw.iter().filter_map(|(span, kind)| clean_mention(&view, *span, *kind)).collect();
    let acronyms = acronym_definitions(&view, &mut mentions);
    let entities = cluster(&mut mentions);
    let mut st = DocState { id: doc.id.clone(), mentions, entities, acronyms, quotes: Vec::new() };
    for i in 0..st.mentions.len() {
        let Some(m) = st.mentions.get(i) else { continue };
        if m.kind != EntityType::Per {
            continue;
        }
        let ent = m.entity;
        let roles = roles_of(&view, m.name_span);
        if let Some(e) = st.entities.get_mut(ent) {
            for r in roles {
                if !e.roles.iter().any(|x| key(&x.text) == key(&r.text)) {
                    e.roles.push(r);
                }
            }
        }
    }
    st.quotes = quotes::attribute(&view, &st);
    st
}

/// Input mentions with valid spans and known types, plus persons named
/// after an honorific the tagger missed ("M. Diop"), sorted, without
/// overlaps (the longer mention wins).
fn recover_mentions(view: &View<'_>, input: &[Mention]) -> Vec<(Span, EntityType)> {
    let text = view.text;
    let mut out: Vec<(Span, EntityType)> = input
        .iter()
        .filter(|m| m.span.slice(text).is_some() && !m.span.is_empty())
        .filter_map(|m| EntityType::parse(&m.kind).map(|k| (m.span, k)))
        .collect();
    let all = words(text, Span::new(0, text.len()));
    let mut i = 0;
    while i < all.len() {
        let Some(w) = all.get(i) else { break };
        let single = w.text.chars().count() == 1;
        if w.is_capitalised() && view.lex.is(w.text, class::HONORIFIC) && (w.dot || !single) {
            let mut j = i + 1;
            let mut end = None;
            let mut prev_end = w.span.end;
            while let Some(n) = all.get(j) {
                let gap = view.slice(Span::new(prev_end, n.span.start));
                let gap_ok = gap.chars().all(|c| c == ' ' || c == '.' || c == '\u{a0}') && gap.len() <= 3;
                if !gap_ok || !n.is_capitalised() || view.lex.is(n.text, class::HONORIFIC) || j - i > 4 {
                    break;
                }
                end = Some(n.span);
                prev_end = n.span.end;
                j += 1;
            }
            if let (Some(first), Some(last)) = (all.get(i + 1), end) {
                let span = Span::new(first.span.start, last.end);
                let mut found = false;
                for m in out.iter_mut() {
                    if m.0.overlaps(&span) {
                        found = true;
                        if m.1 != EntityType::Per && m.0.start >= span.start {
                            m.1 = EntityType::Per;
                        }
                    }
                }
                if !found {
                    out.push((span, EntityType::Per));
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    // Descriptive organisation names followed by a nationality adjective
    // ("ministère de la Défense russe").
    for m in out.iter_mut() {
        if m.1 != EntityType::Org {
            continue;
        }
        let first_lower = view.slice(m.0).chars().next().is_some_and(char::is_lowercase);
        if !first_lower {
            continue;
        }
        let rest = text.get(m.0.end..).unwrap_or("");
        if !rest.starts_with(' ') {
            continue;
        }
        let w: String = rest.chars().skip(1).take_while(|c| c.is_alphabetic()).collect();
        if !w.is_empty() && gazetteer::demonym(&key(&w)).is_some() {
            m.0 = Span::new(m.0.start, m.0.end + 1 + w.len());
        }
    }
    out.sort_by_key(|m| (m.0.start, std::cmp::Reverse(m.0.end)));
    let mut kept: Vec<(Span, EntityType)> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_some_and(|k| k.0.overlaps(&m.0)) {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// Splits a mention into its name and what surrounds it.
fn clean_mention(view: &View<'_>, span: Span, kind: EntityType) -> Option<LocalMention> {
    let lex = view.lex;
    let ws = words(view.text, span);
    let mut a = 0;
    let mut honorific = false;
    match kind {
        EntityType::Per => {
            while let Some(w) = ws.get(a) {
                let c = lex.classes(w.text);
                let strip = c & (class::DET | class::ROLE | class::RELATIONAL) != 0 || (c & class::HONORIFIC != 0 && (w.dot || w.text.chars().count() > 1)) || !w.is_capitalised();
                if !strip || a + 1 >= ws.len() {
                    break;
                }
                honorific |= c & class::HONORIFIC != 0;
                a += 1;
            }
        }
        EntityType::Org | EntityType::Loc => {
            while let Some(w) = ws.get(a) {
                if a + 1 < ws.len() && lex.is(w.text, class::DET) {
                    a += 1;
                } else {
                    break;
                }
            }
            // "groupe paramilitaire russe Wagner" → "Wagner", but not
            // "ministère russe de la Défense".
            if kind == EntityType::Org && ws.get(a).is_some_and(|w| !w.is_capitalised()) {
                if let Some(c) = ws.iter().skip(a).position(|w| w.is_capitalised()).map(|p| p + a) {
                    let before_ok = ws.get(c.saturating_sub(1)).is_some_and(|p| !lex.is(p.text, class::FUNCTION | class::DET));
                    let after_caps = ws.iter().skip(c).all(|w| w.is_capitalised() || lex.is(w.text, class::FUNCTION));
                    if c > a && before_ok && after_caps {
                        a = c;
                    }
                }
            }
        }
    }
    let mut b = ws.len();
    if kind == EntityType::Per {
        while b > a + 1 && ws.get(b - 1).is_some_and(|w| !w.is_capitalised()) {
            b -= 1;
        }
    }
    let (first, last) = (ws.get(a)?, ws.get(b.checked_sub(1)?)?);
    if first.span.start >= last.span.end {
        return None;
    }
    let name_span = Span::new(first.span.start, last.span.end);
    let display = view.slice(name_span).to_string();
    let k = key(&display);
    if k.is_empty() || !display.chars().any(char::is_alphabetic) {
        return None;
    }
    // What precedes the mention in its sentence: "M." or a title.
    let sent = view.sentence_at(span.start);
    let before = words(view.text, Span::new(sent.start.min(span.start), span.start));
    let mut extra_alias = None;
    if let Some(p) = before.last() {
        let gap = view.slice(Span::new(p.span.end, span.start));
        let adjacent = gap.chars().all(|c| c == ' ' || c == '.' || c == '\u{a0}') && gap.len() <= 2;
        if adjacent && p.is_capitalised() && lex.is(p.text, class::HONORIFIC) && (p.dot || p.text.chars().count() > 1) {
            honorific = true;
            extra_alias = Some(format!("{}{} {display}", p.text, if p.dot { "." } else { "" }));
        } else if adjacent && kind == EntityType::Per && lex.is(p.text, class::ROLE) {
            extra_alias = Some(format!("{} {display}", p.text));
        }
    }
    if extra_alias.is_none() && name_span.start > span.start {
        // The tagger's span held the title or honorific ("général X").
        let whole = view.slice(span);
        let first = whole.split_whitespace().next().unwrap_or("");
        if lex.is(first, class::ROLE | class::HONORIFIC) {
            extra_alias = Some(whole.to_string());
        }
    }
    if honorific && extra_alias.is_none() {
        extra_alias = Some(view.slice(span).to_string());
    }
    Some(LocalMention {
        span,
        text: view.slice(span).to_string(),
        kind,
        display,
        name_span,
        key: k,
        extra_alias,
        honorific,
        entity: usize::MAX,
    })
}

/// "Name (ACR)" definitions. The expansion is the mention just before the
/// parenthesis, or the words before it whose initials spell the acronym.
fn acronym_definitions(view: &View<'_>, mentions: &mut Vec<LocalMention>) -> Vec<(AcronymDef, String)> {
    let text = view.text;
    let mut out = Vec::new();
    let mut added = Vec::new();
    for (p, _) in text.match_indices('(') {
        let Some(rest) = text.get(p + 1..) else { continue };
        let Some(close) = rest.char_indices().take(14).find(|(_, c)| *c == ')').map(|(i, _)| i) else { continue };
        let inner_raw = rest.get(..close).unwrap_or("");
        let inner = inner_raw.trim();
        if !is_acronym(inner) {
            continue;
        }
        let end = p + 1 + close + 1;
        let before = text.get(..p).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
        let bend = before.len();
        let by_mention = mentions.iter().find(|m| m.span.end == bend && !is_acronym(&m.display)).map(|m| (m.span, m.display.clone(), m.kind));
        let (exp_span, exp, kind) = match by_mention {
            Some(x) => x,
            None => {
                let sent = view.sentence_at(p);
                let ws: Vec<Word<'_>> = words(text, Span::new(sent.start.min(bend), bend));
                let letters: String = key(inner).chars().filter(|c| c.is_alphanumeric()).collect();
                let mut found = None;
                for k in 1..=ws.len().min(12) {
                    let tail = ws.get(ws.len() - k..).unwrap_or(&[]);
                    let Some(first) = tail.first() else { continue };
                    if !first.is_capitalised() || view.lex.is(first.text, class::FUNCTION | class::DET) {
                        continue;
                    }
                    let initials: String = tail
                        .iter()
                        .filter(|w| !view.lex.is(w.text, class::FUNCTION | class::DET))
                        .filter_map(|w| key(w.text).chars().next())
                        .collect();
                    if initials == letters {
                        let span = Span::new(first.span.start, bend);
                        found = Some((span, view.slice(span).to_string(), EntityType::Org));
                        break;
                    }
                }
                match found {
                    Some(f) => f,
                    None => continue,
                }
            }
        };
        let acr_start = p + 1 + (inner_raw.len() - inner_raw.trim_start().len());
        let acr_span = Span::new(acr_start, acr_start + inner.len());
        if !mentions.iter().any(|m| m.span.overlaps(&acr_span)) {
            added.push(LocalMention {
                span: acr_span,
                text: inner.to_string(),
                kind,
                display: inner.to_string(),
                name_span: acr_span,
                key: key(inner),
                extra_alias: None,
                honorific: false,
                entity: usize::MAX,
            });
        }
        let def = AcronymDef { acronym: inner.to_string(), expansion: exp.clone(), doc: view.id.to_string(), span: Span::new(exp_span.start, end) };
        out.push((def, key(&exp)));
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
    out
}

fn surname_of(tokens: &[&str]) -> Option<String> {
    // "Younous-Bek Evkurov" → "evkurov"; "Jean de La Fontaine" → "de la fontaine".
    let rest = tokens.get(1..)?;
    if rest.is_empty() {
        return None;
    }
    Some(key(&rest.join(" ")))
}

fn is_full_name(tokens: &[&str]) -> bool {
    // Lower-case words other than name particles ("Hartley of Zoe") mean
    // the tagger's span is not one person's name.
    let lower_ok = tokens.iter().all(|t| t.chars().next().is_none_or(|c| !c.is_lowercase()) || is_particle(t));
    tokens.len() >= 2 && lower_ok && tokens.first().is_some_and(|f| !is_particle(f) && !is_initial(f))
}

/// Groups the article's mentions into local entities.
fn cluster(mentions: &mut [LocalMention]) -> Vec<LocalEntity> {
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let new_entity = |entities: &mut Vec<LocalEntity>, m: &LocalMention, full: bool, surname: Option<String>| {
        entities.push(LocalEntity { key: m.key.clone(), name: m.display.clone(), full, ambiguous: false, surname, mentions: Vec::new(), reasons: Vec::new(), roles: Vec::new() });
        entities.len() - 1
    };
    // 1. Full person names.
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.kind != EntityType::Per {
            continue;
        }
        let toks: Vec<&str> = m.display.split_whitespace().collect();
        if !is_full_name(&toks) {
            continue;
        }
        let e = match by_key.get(&m.key) {
            Some(&e) => e,
            None => {
                let e = new_entity(&mut entities, m, true, surname_of(&toks));
                by_key.insert(m.key.clone(), e);
                e
            }
        };
        m.entity = e;
        if let Some(ent) = entities.get_mut(e) {
            ent.mentions.push(i);
        }
    }
    // Surname → full-name entities of this article.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (e, ent) in entities.iter().enumerate() {
        if let Some(f) = ent.key.split(' ').next().filter(|f| f.chars().count() > 2) {
            by_first.entry(f.to_string()).or_default().push(e);
        }
        if let Some(s) = &ent.surname {
            by_surname.entry(s.clone()).or_default().push(e);
            if let Some(last) = s.split(' ').next_back().filter(|l| *l != s) {
                by_surname.entry(last.to_string()).or_default().push(e);
            }
        }
    }
    // 2. Surnames, "M. X", initials; then every other mention by key.
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.entity != usize::MAX {
            continue;
        }
        if m.kind == EntityType::Per {
            let toks: Vec<&str> = m.display.split_whitespace().collect();
            let (skey, initial) = match toks.first() {
                Some(f) if toks.len() >= 2 && is_initial(f) => (surname_of(&toks).unwrap_or_default(), key(f).chars().next()),
                _ => (m.key.clone(), None),
            };
            let mut cands: Vec<usize> = by_surname.get(&skey).cloned().unwrap_or_default();
            if let Some(ini) = initial {
                cands.retain(|&e| entities.get(e).is_some_and(|x| x.key.starts_with(ini)));
            }
            let mut by_first_name = false;
            if cands.is_empty() && initial.is_none() && !m.honorific {
                // "Marie-Pierre" for "Marie-Pierre Dausse" (features, reportages).
                cands = by_first.get(&skey).cloned().unwrap_or_default();
                by_first_name = true;
            }
            cands.sort_unstable();
            cands.dedup();
            if let [e] = cands.as_slice() {
                let full_name = entities.get(*e).map(|x| x.name.clone()).unwrap_or_default();
                let reason = if m.honorific {
                    format!("M. X honorific: '{}' is the surname of '{}' in document", m.extra_alias.clone().unwrap_or_else(|| m.text.clone()), full_name)
                } else if by_first_name {
                    format!("first name of: '{}' is the first name of '{}' in document", m.display, full_name)
                } else if initial.is_some() {
                    format!("initial: '{}' matches '{}' in document", m.display, full_name)
                } else {
                    format!("surname of: '{}' is the surname of '{}' in document", m.display, full_name)
                };
                m.entity = *e;
                if let Some(ent) = entities.get_mut(*e) {
                    ent.mentions.push(i);
                    if !ent.reasons.contains(&reason) {
                        ent.reasons.push(reason);
                    }
                }
                continue;
            }
            if cands.len() > 1 {
                let amb_key = format!("?{}", m.key);
                let e = match by_key.get(&amb_key) {
                    Some(&e) => e,
                    None => {
                        let e = new_entity(&mut entities, m, false, Some(m.key.clone()));
                        if let Some(ent) = entities.get_mut(e) {
                            ent.ambiguous = true;
                        }
                        by_key.insert(amb_key, e);
                        e
                    }
                };
                m.entity = e;
                if let Some(ent) = entities.get_mut(e) {
                    ent.mentions.push(i);
                }
                continue;
            }
        }
        let e = match by_key.get(&m.key) {
            Some(&e) => e,
            None => {
                let surname = (m.kind == EntityType::Per).then(|| m.key.clone());
                let e = new_entity(&mut entities, m, false, surname);
                by_key.insert(m.key.clone(), e);
                e
            }
        };
        m.entity = e;
        if let Some(ent) = entities.get_mut(e) {
            ent.mentions.push(i);
        }
    }
    entities
}

/// Characters that end an apposition.
fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '«' | '»' | '"' | '“' | '”' | '–' | '—' | '.' | '\n' | '!' | '?')
}

/// Roles of the person mentioned at `span`, from appositions in its sentence:
/// "le porte-parole du Kremlin, Dmitri Peskov", "Abdoulaye Diop, le chef de
/// la diplomatie malienne,", "le général Assimi Goïta".
pub(crate) fn roles_of(view: &View<'_>, span: Span) -> Vec<Role> {
    let lex = view.lex;
    let sent = view.sentence_at(span.start);
    let mut out = Vec::new();
    let push = |out: &mut Vec<Role>, s: usize, e: usize| {
        let text = view.slice(Span::new(s, e)).trim();
        let n = text.split_whitespace().count();
        if text.is_empty() || n > 12 {
            return;
        }
        let first = text.split_whitespace().next().unwrap_or("");
        if lex.is(first, class::RELATIONAL) {
            return;
        }
        let start = s + (view.slice(Span::new(s, e)).len() - view.slice(Span::new(s, e)).trim_start().len());
        out.push(Role { text: text.to_string(), doc: view.id.to_string(), sentence: sent, span: Span::new(start, start + text.len()) });
    };
    // Title right before the name: "le général X", "le président malien X".
    let before = words(view.text, Span::new(sent.start.min(span.start), span.start));
    let mut k = before.len();
    let mut title_at = None;
    let mut steps = 0;
    while k > 0 && steps < 5 {
        let Some(w) = before.get(k - 1) else { break };
        let gap_end = before.get(k).map_or(span.start, |n| n.span.start);
        if view.slice(Span::new(w.span.end, gap_end)).chars().any(|c| !(c == ' ' || c == '\u{a0}' || c == '-')) {
            break;
        }
        let c = lex.classes(w.text);
        if c & class::ROLE != 0 {
            title_at = Some(k - 1);
            break;
        }
        if w.is_capitalised() || c & (class::DET | class::SPEECH | class::AUX) != 0 {
            break;
        }
        k -= 1;
        steps += 1;
    }
    let mut left_edge = span.start;
    if let Some(t) = title_at {
        if let Some(w) = before.get(t) {
            let det_before = t == 0 || before.get(t - 1).is_some_and(|d| lex.is(d.text, class::DET | class::ROLE));
            if det_before {
                push(&mut out, w.span.start, span.start);
                left_edge = before.get(t.wrapping_sub(1)).filter(|d| lex.is(d.text, class::DET)).map_or(w.span.start, |d| d.span.start);
            }
        }
    }
    // "<role>, Name": a comma right before the name (or its title).
    let pre = view.slice(Span::new(sent.start.min(left_edge), left_edge));
    let trimmed = pre.trim_end();
    if let Some(seg) = trimmed.strip_suffix(',') {
        let cut = seg.char_indices().rev().find(|(_, c)| is_clause_mark(*c)).map_or(0, |(i, c)| i + c.len_utf8());
        let seg_start = sent.start + cut;
        let seg_end = sent.start + seg.len();
        let ws = words(view.text, Span::new(seg_start, seg_end));
        for (i, w) in ws.iter().enumerate() {
            let c = lex.classes(w.text);
            if c & class::RELATIONAL != 0 {
                break;
            }
            let det = i == 0 || ws.get(i - 1).is_some_and(|d| lex.is(d.text, class::DET));
            if c & class::ROLE != 0 && det {
                push(&mut out, w.span.start, seg_end);
                break;
            }
        }
    }
    // "Name, <role>,": a comma right after the name.
    let post = view.slice(Span::new(span.end, sent.end.max(span.end)));
    if let Some(rest) = post.strip_prefix(',') {
        let base = span.end + 1;
        let ws = words(view.text, Span::new(base, base + rest.len()));
        let mut i = 0;
        if ws.first().is_some_and(|w| lex.is(w.text, class::DET)) {
            i = 1;
        }
        if let Some(w) = ws.get(i) {
            let gap = view.slice(Span::new(base, w.span.start));
            if gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\'' || c == '’' || c.is_alphabetic()) && lex.is(w.text, class::ROLE) {
                let start = w.span.start;
                let after = view.text.get(start..sent.end.max(start)).unwrap_or("");
                let mut end = start + after.char_indices().find(|(_, c)| is_clause_mark(*c)).map_or(after.len(), |(i, _)| i);
                // Text glued to the next line of a caption ("étrangèresConférence").
                let seg = view.text.get(start..end).unwrap_or("");
                let mut prev: Option<char> = None;
                for (j, c) in seg.char_indices() {
                    if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
                        end = start + j;
                        break;
                    }
                    prev = Some(c);
                }
                push(&mut out, start, end);
            }
        }
    }
    out
}
