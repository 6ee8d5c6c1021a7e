//! Direct quotations (« », “ ”, " ") and their speakers.
//!
//! A quotation is kept only when something names who said it: a verb of
//! saying after it with a name, "M. X", a pronoun ("a-t-il ajouté", "he
//! said") or a role ("a déclaré le ministre"); a verb of saying before it in
//! the same sentence ("M. X a affirmé que … « … »", "Selon X, « … »"); another
//! quotation of the same sentence that has a speaker; the reported speech of
//! the previous sentence continued with a pronoun; a caption line naming
//! a person right after a quotation that stands as its own paragraph; or,
//! for a quotation standing as a sentence of its own, the person who is
//! the subject of the sentence before it in the paragraph. A speaker
//! after the verb may be in apposition ("a admis l'entraîneur X") or a
//! named organisation with its article ("estime la préfecture du Gard").
//! Quoted words with none of these (scare quotes: le "néocolonialisme") are
//! not attributed quotations and are left out.

use dossier_text::Span;

use crate::lexicon::class;
use crate::local::{DocState, QuoteCand, View};
use crate::words::{key, words, Word};
use crate::EntityType;

/// Longest quotation considered, in bytes (bounded work per quote).
const MAX_QUOTE: usize = 4000;
/// Words after a quotation in which the verb of saying must appear.
const VERB_WINDOW: usize = 8;
/// Words after a quotation in which the speaker's name must appear.
const NAME_WINDOW: usize = 16;
/// Most words between two quotations of one paragraph for the second to
/// continue the first's speaker (the attribution between them).
const MAX_ATTRIBUTION_WORDS: usize = 30;
/// Entity index of a speaker who is not named ("a spokesperson said"): a
/// pronoun right after points to nobody named.
const UNNAMED: usize = usize::MAX;
/// How far back (bytes) a pronoun may point to the last speaker.
const PRONOUN_REACH: usize = 1200;

/// A pair of quotation marks: the marks' spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marks {
    pub open: Span,
    pub close: Span,
}

/// Finds pairs of quotation marks within each paragraph line; quotations
/// inside another quotation are dropped (the outer one is kept).
pub(crate) fn find_quotes(text: &str) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut guil: Option<Span> = None;
    let mut curly: Option<Span> = None;
    let mut straight: Option<Span> = None;
    // A « opening its paragraph and never closed there: in French, a
    // quotation running over several paragraphs opens each of them with «
    // and closes only the last; each paragraph is a quotation up to its end
    // (the closing mark is then the empty span at the paragraph's end).
    let open_paragraph = |out: &mut Vec<Marks>, guil: Option<Span>, end: usize| {
        if let Some(o) = guil {
            let line_start = text.get(..o.start).and_then(|t| t.rfind('\n')).map_or(0, |p| p + 1);
            if text.get(line_start..o.start).is_some_and(|lead| lead.trim().is_empty()) {
                out.push(Marks { open: o, close: Span::new(end, end) });
            }
        }
    };
    for (i, c) in text.char_indices() {
        let here = Span::new(i, i + c.len_utf8());
        match c {
            '\n' => {
                open_paragraph(&mut out, guil, i);
                guil = None;
                curly = None;
                straight = None;
            }
            '«' => guil = Some(here),
            '»' => {
                if let Some(o) = guil.take() {
                    out.push(Marks { open: o, close: here });
                }
            }
            '“' => curly = Some(here),
            '”' => {
                if let Some(o) = curly.take() {
                    out.push(Marks { open: o, close: here });
                }
            }
            // A curly quotation closed by a straight mark (“ … "), when no
            // curly closing mark follows in the paragraph.
            '"' if curly.is_some() && straight.is_none() && !text[i..].split('\n').next().unwrap_or("").contains('”') => {
                if let Some(o) = curly.take() {
                    out.push(Marks { open: o, close: here });
                }
            }
            '"' => match straight.take() {
                Some(o) => out.push(Marks { open: o, close: here }),
                None => straight = Some(here),
            },
            _ => {}
        }
    }
    open_paragraph(&mut out, guil, text.len());
    out.retain(|m| m.close.start - m.open.end <= MAX_QUOTE);
    out.sort_by_key(|m| (m.open.start, std::cmp::Reverse(m.close.end)));
    let mut kept: Vec<Marks> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_some_and(|k| k.close.end >= m.close.end) {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// The quoted words: inside the marks, trimmed of spaces and of a trailing
/// comma ("We will," he said).
fn content(view: &View<'_>, m: &Marks) -> Option<Span> {
    let inner = view.text.get(m.open.end..m.close.start)?;
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim().trim_end_matches([',', ' ', '\u{a0}']).trim_end();
    if !t.chars().any(char::is_alphabetic) {
        return None;
    }
    let s = m.open.end + lead;
    Some(Span::new(s, s + t.len()))
}

/// A short quoted phrase whose every word is capitalised ("Parasite",
/// "Le Monde", "CBS This Morning") names a work or an outlet: not a quote.
fn is_title(view: &View<'_>, span: Span) -> bool {
    let ws = words(view.text, span);
    let content: Vec<&Word<'_>> = ws.iter().filter(|w| !view.lex.is(w.text, class::FUNCTION | class::DET) || w.is_capitalised()).collect();
    !content.is_empty() && ws.len() <= 4 && content.iter().all(|w| w.is_capitalised())
}

/// One quoted word («atrocité», "l'agression", "honored") is a scare quote
/// or a word taken up, not a quotation; elided articles do not count.
fn is_single_word(view: &View<'_>, span: Span) -> bool {
    words(view.text, span).iter().filter(|w| !w.text.ends_with(['\'', '’'])).count() <= 1
}

/// Strips a pronoun suffix: "a-t-il" → ("a", true), "ajoute-t-elle" → ("ajoute", true).
fn split_pronoun(word: &str) -> (&str, bool) {
    for suf in ["-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles", "-on"] {
        if word.len() > suf.len() && word.to_lowercase().ends_with(suf) {
            return (word.get(..word.len() - suf.len()).unwrap_or(word), true);
        }
    }
    (word, false)
}

struct Ctx<'a, 'b> {
    view: &'a View<'b>,
    st: &'a DocState,
    /// Insides of all quotations: names there are quoted, not speakers.
    quoted: Vec<Span>,
}

#[derive(Debug, Clone)]
struct Cue {
    entity: usize,
    mention: Option<Span>,
    verb: Option<String>,
    how: &'static str,
    /// Where it was established (a pronoun reaches back this far only).
    at: usize,
}

impl Ctx<'_, '_> {
    fn is_speech(&self, w: &Word<'_>) -> bool {
        let (base, _) = split_pronoun(w.text);
        self.view.lex.is(base, class::SPEECH)
    }

    /// True when the mention can be a speaker: outside quotations and not
    /// the complement of a preposition ("fondé par X", "un proche de X").
    fn speaker_like(&self, span: Span) -> bool {
        if self.quoted.iter().any(|q| q.contains(&span)) {
            return false;
        }
        let line = self.view.line_at(span.start);
        let before = words(self.view.text, Span::new(line.start.max(span.start.saturating_sub(32)), span.start));
        let lex = self.view.lex;
        let prep = |w: &Word<'_>| {
            let c = lex.classes(w.text);
            c & class::CONTRACTED != 0 || (c & class::FUNCTION != 0 && c & class::DET == 0) || ((w.text.ends_with('\'') || w.text.ends_with('’')) && c & class::DET == 0)
        };
        let n = before.len();
        let last = n.checked_sub(1).and_then(|i| before.get(i));
        let second = n.checked_sub(2).and_then(|i| before.get(i));
        let complement = last.is_some_and(&prep) || (last.is_some_and(|w| lex.is(w.text, class::DET)) && second.is_some_and(prep));
        !complement
    }

    /// First mention of a type inside `range` that can be a speaker.
    fn first_mention(&self, range: Span, kind: EntityType) -> Option<(usize, Span)> {
        self.st
            .mentions
            .iter()
            .find(|m| m.kind == kind && m.span.start >= range.start && m.span.end <= range.end && self.speaker_like(m.span))
            .map(|m| (m.entity, m.span))
    }

    /// Last mention of a type inside `range` that can be a speaker.
    fn last_mention(&self, range: Span, kind: EntityType) -> Option<(usize, Span)> {
        self.st
            .mentions
            .iter()
            .rev()
            .find(|m| m.kind == kind && m.span.start >= range.start && m.span.end <= range.end && self.speaker_like(m.span))
            .map(|m| (m.entity, m.span))
    }

    /// The entity of the article whose role (in apposition) is the role
    /// phrase starting at word `i` ("le ministre de la Santé" matches a role
    /// "ministre de la Santé", not "Premier ministre"), mentioned before `before`.
    fn by_role(&self, ws: &[Word<'_>], i: usize, before: usize) -> Option<(usize, Span)> {
        let phrase: Vec<String> = ws.iter().skip(i).take(3).map(|w| key(w.text)).collect();
        let mut best: Option<(usize, Span)> = None;
        for (e, ent) in self.st.entities.iter().enumerate() {
            let fits = ent.roles.iter().any(|r| {
                let rw: Vec<String> = words(&r.text, Span::new(0, r.text.len())).iter().take(3).map(|w| key(w.text)).collect();
                let n = rw.len().min(phrase.len());
                n >= 1 && rw.get(..n) == phrase.get(..n) && (n >= 2 || rw.len() == phrase.len())
            });
            if !fits {
                continue;
            }
            let last = ent.mentions.iter().filter_map(|&i| self.st.mentions.get(i)).map(|m| m.span).rfind(|s| s.start < before);
            if let Some(s) = last {
                if best.is_none_or(|b| b.1.start < s.start) {
                    best = Some((e, s));
                }
            }
        }
        best
    }

    /// The named speaker after a verb of saying (words `ws`, verb at `vi`,
    /// names looked for up to `end`): `Err(())` when the subject is an
    /// unnamed noun phrase ("a ajouté un proche du ministre", "selon une
    /// source"), which names nobody even if a name follows.
    fn named_after(&self, ws: &[Word<'_>], vi: usize, end: usize) -> Result<Option<(usize, Span)>, ()> {
        let lex = self.view.lex;
        let verb_end = ws.get(vi).map_or(end, |w| w.span.end);
        let source = ws.get(vi).is_some_and(|w| lex.is(w.text, class::SOURCE));
        let range = Span::new(verb_end, end.max(verb_end));
        let per = if source {
            // "selon X", "according to X": the name after the preposition.
            self.st
                .mentions
                .iter()
                .find(|m| m.kind == EntityType::Per && range.contains(&m.span) && !self.quoted.iter().any(|q| q.contains(&m.span)))
                .map(|m| (m.entity, m.span))
        } else {
            self.first_mention(range, EntityType::Per)
        };
        let per_start = per.map_or(usize::MAX, |p| p.1.start);
        for (i, w) in ws.iter().enumerate().skip(vi + 1).take(5) {
            if w.span.start >= per_start {
                break;
            }
            let after_prep = i > 0 && ws.get(i - 1).is_some_and(|p| lex.is(p.text, class::FUNCTION | class::CONTRACTED) && !lex.is(p.text, class::DET));
            if lex.is(w.text, class::DET) && !after_prep {
                let next = ws.get(i + 1);
                let role = next.is_some_and(|n| lex.is(n.text, class::ROLE));
                let named = next.is_some_and(|n| n.span.start >= per_start || n.is_capitalised());
                // "estime la préfecture du Gard": the noun phrase is itself
                // a named organisation (the caller falls back to it).
                let organisation = next.is_some_and(|n| self.st.mentions.iter().any(|m| m.kind == EntityType::Org && (m.span.start == n.span.start || m.span.start == w.span.start)));
                if !role && !named && !organisation && !self.apposition(ws, i, per_start) {
                    return Err(());
                }
                break;
            }
        }
        if per.is_none() {
            // "selon un proche d'Edouard Philippe": a name that is only a
            // complement, after an unnamed subject.
            let any = self.st.mentions.iter().any(|m| m.kind == EntityType::Per && m.span.start >= verb_end && m.span.end <= end);
            if any {
                return Err(());
            }
        }
        Ok(per)
    }

    /// True when the noun phrase opened by the determiner at `det` is in
    /// apposition to the name starting at `per_start` ("a admis
    /// l'entraîneur mancunien Ole Solskjaer"): at most three words between
    /// them, none of them a preposition, a comma or a verb of saying. "un
    /// proche du ministre X" is no apposition: X is a complement.
    fn apposition(&self, ws: &[Word<'_>], det: usize, per_start: usize) -> bool {
        let lex = self.view.lex;
        let Some(d) = ws.get(det) else { return false };
        let between: Vec<&Word<'_>> = ws.iter().skip(det + 1).take_while(|w| w.span.start < per_start).collect();
        let gap = self.view.slice(Span::new(d.span.end, per_start.max(d.span.end)));
        per_start != usize::MAX
            && (1..=3).contains(&between.len())
            && !gap.contains([',', ';', ':', '(', '.'])
            && between.iter().all(|w| !lex.is(w.text, class::FUNCTION | class::CONTRACTED | class::DET) && !self.is_speech(w) && !w.text.ends_with(['\'', '’']))
    }

    /// The last speaker, if named recently enough for a pronoun to point
    /// back to it.
    /// Without a recent speaker, falls back to the subject of the nearest
    /// sentence before (its first person named outside quotes and not as a
    /// complement), within the same reach.
    fn antecedent(&self, last: Option<&Cue>, at: usize) -> Option<Cue> {
        let recent = self.nearest_subject(at);
        if let Some(l) = last.filter(|l| at.saturating_sub(l.at) <= PRONOUN_REACH) {
            // A person named since the last speaker is nearer ("… said X.
            // Y, the nominee, … He said …" is Y).
            // Also after an unnamed speaker, when the new name is in a later
            // sentence than that speaker's ("selon un proche de X" is not X).
            let later = |r: &Cue| r.at > l.at && self.view.sentence_at(r.at) != self.view.sentence_at(l.at);
            if let Some(r) = recent.filter(|r| r.entity != l.entity && later(r)) {
                return Some(r);
            }
            return (l.entity != UNNAMED).then(|| l.clone());
        }
        recent
    }

    /// The subject of the nearest sentence before `at` naming a person (its
    /// first person named outside quotes and not as a complement), within
    /// a pronoun's reach.
    fn nearest_subject(&self, at: usize) -> Option<Cue> {
        let here = self.view.sentence_at(at);
        let mut end = here.start.min(at);
        let floor = at.saturating_sub(PRONOUN_REACH);
        // The quote's own sentence first (text before the quote), then back.
        let mut range = Span::new(here.start.min(at), at);
        for _ in 0..12 {
            if let Some((e, s)) = self.first_mention(range, EntityType::Per) {
                return Some(Cue { entity: e, mention: Some(s), verb: None, how: "pronoun", at: s.start });
            }
            if end == 0 || end <= floor {
                break;
            }
            // The sentence ending before `end` (skipping the spaces and
            // line breaks between sentences).
            let gap = self.view.text.get(..end).map_or(0, |t| t.len() - t.trim_end().len());
            let Some(last_char) = end.checked_sub(gap + 1) else { break };
            let prev = self.view.sentence_at(last_char);
            if prev.start >= end {
                break;
            }
            range = Span::new(prev.start, end);
            end = prev.start;
        }
        None
    }

    /// A verb of saying right after the quotation, with its subject;
    /// `Err(())` when the subject is an unnamed noun phrase.
    fn after(&self, m: &Marks, limit: usize, last: Option<&Cue>) -> Result<Option<Cue>, ()> {
        let range = Span::new(m.close.end, limit.max(m.close.end));
        let ws = words(self.view.text, range);
        let Some(vi) = ws.iter().take(VERB_WINDOW).position(|w| self.is_speech(w)) else { return Ok(None) };
        let Some(verb) = ws.get(vi) else { return Ok(None) };
        let name_end = ws.get(NAME_WINDOW.min(ws.len()).saturating_sub(1)).map_or(range.end, |w| w.span.end);
        let verb_text = split_pronoun(verb.text).0.to_string();
        let at = m.open.start;
        let lex = self.view.lex;
        // A name before the verb ("…", Peskov said).
        if let Some((e, s)) = self.first_mention(Span::new(range.start, verb.span.start), EntityType::Per) {
            return Ok(Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "after", at }));
        }
        // A pronoun subject ("a-t-il ajouté", "qu'il a qualifié", "he said").
        let pron_before = split_pronoun(verb.text).1 || ws.iter().take(vi).rev().take(3).any(|w| split_pronoun(w.text).1 || lex.is(w.text, class::PRONOUN));
        if pron_before {
            return Ok(self.antecedent(last, at).map(|l| Cue { verb: Some(verb_text), how: "pronoun", at, ..l }));
        }
        if let Some((e, s)) = self.named_after(&ws, vi, name_end)? {
            return Ok(Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "after", at }));
        }
        if ws.get(vi + 1).is_some_and(|w| lex.is(w.text, class::PRONOUN)) {
            return Ok(self.antecedent(last, at).map(|l| Cue { verb: Some(verb_text), how: "pronoun", at, ..l }));
        }
        // A role a few words on, maybe after an adverbial ("a déclaré à
        // cette occasion le ministre").
        if let Some(i) = ws.iter().skip(vi + 1).take(6).position(|w| lex.is(w.text, class::ROLE)) {
            return Ok(self.by_role(&ws, vi + 1 + i, m.open.start).map(|(e, s)| Cue { entity: e, mention: Some(s), verb: Some(verb_text.clone()), how: "role", at }));
        }
        Ok(self.first_mention(Span::new(range.start, name_end), EntityType::Org).map(|(e, s)| Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "after", at }))
    }

    /// A verb of saying before the quotation in its sentence.
    fn before(&self, sent: Span, from: usize, m: &Marks, last: Option<&Cue>) -> Option<Cue> {
        let mut range = Span::new(from.min(m.open.start), m.open.start);
        // Never reach back over the end of a sentence the splitter missed.
        let seg = self.view.slice(range);
        if let Some(p) = [". ", "! ", "? "].iter().filter_map(|e| seg.rfind(e)).max() {
            range = Span::new(range.start + p + 2, range.end);
        }
        let ws = words(self.view.text, range);
        let colon = self.view.slice(range).trim_end().ends_with(':');
        let at = m.open.start;
        let vi = ws.iter().rposition(|w| self.is_speech(w));
        let Some(vi) = vi else {
            if colon {
                if let Some((e, s)) = self.last_mention(range, EntityType::Per) {
                    return Some(Cue { entity: e, mention: Some(s), verb: None, how: "before", at });
                }
            }
            return None;
        };
        let verb = ws.get(vi)?;
        let verb_text = split_pronoun(verb.text).0.to_string();
        let completive = ws.get(vi + 1).is_some_and(|w| self.view.lex.is(w.text, class::COMP));
        let subject = Span::new(sent.start.min(verb.span.start), verb.span.start);
        let subject_name = self.last_mention(subject, EntityType::Per);
        let pron = split_pronoun(verb.text).1
            || ws.iter().take(vi).rev().take(3).any(|w| self.view.lex.is(w.text, class::PRONOUN) || split_pronoun(w.text).1);
        // With a subject before the verb ("He said the state was …", "X
        // told NBC the number …") the words after the verb are its object,
        // not an inverted subject; "selon X" names its source after it.
        let source = self.view.lex.is(verb.text, class::SOURCE);
        if !completive && (source || (subject_name.is_none() && !pron)) {
            match self.named_after(&ws, vi, m.open.start) {
                Err(()) => return None,
                Ok(Some((e, s))) => return Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "before", at }),
                Ok(None) => {}
            }
        }
        if let Some((e, s)) = subject_name {
            return Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "before", at });
        }
        if pron {
            let l = self.antecedent(last, at)?;
            return Some(Cue { verb: Some(verb_text), how: "pronoun", at, ..l });
        }
        let (e, s) = self.last_mention(subject, EntityType::Org).or_else(|| self.first_mention(Span::new(verb.span.end, m.open.start), EntityType::Org))?;
        Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "before", at })
    }

    /// Reported speech in a sentence without quotation: "X a souligné que …".
    fn speech_act(&self, sent: Span, last: Option<&Cue>) -> Option<Cue> {
        let ws = words(self.view.text, sent);
        let lex = self.view.lex;
        // A finite verb of saying: not an infinitive after a preposition ("à dire").
        let vi = ws.iter().enumerate().position(|(i, w)| {
            self.is_speech(w) && !(i > 0 && ws.get(i - 1).is_some_and(|p| lex.is(p.text, class::FUNCTION) && !lex.is(p.text, class::DET | class::PRONOUN)))
        })?;
        let verb = ws.get(vi)?;
        let verb_text = split_pronoun(verb.text).0.to_string();
        if let Some((e, s)) = self.last_mention(Span::new(sent.start, verb.span.start), EntityType::Per) {
            return Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "continuation", at: s.start });
        }
        let after_end = ws.get((vi + 6).min(ws.len().saturating_sub(1))).map_or(sent.end, |w| w.span.end);
        if let Some((e, s)) = self.first_mention(Span::new(verb.span.end, after_end), EntityType::Per) {
            return Some(Cue { entity: e, mention: Some(s), verb: Some(verb_text), how: "continuation", at: s.start });
        }
        let pron = split_pronoun(verb.text).1 || ws.iter().take(vi).rev().take(3).any(|w| self.view.lex.is(w.text, class::PRONOUN));
        if pron {
            let l = self.antecedent(last, sent.start)?;
            return Some(Cue { verb: Some(verb_text), how: "continuation", at: sent.start, ..l });
        }
        // "A spokesperson for X said …": an unnamed subject opens the sentence.
        let unnamed = vi <= 20
            && ws.iter().take(3.min(vi)).collect::<Vec<_>>().windows(2).any(|p| lex.is(p[0].text, class::DET) && !p[1].is_capitalised());
        unnamed.then_some(Cue { entity: UNNAMED, mention: None, verb: Some(verb_text), how: "unnamed", at: sent.start })
    }

    /// A verb of saying set inside the quotation between commas: « A,
    /// affirme-t-elle. B » or « A, explique X, B ».
    fn incise(&self, m: &Marks, last: Option<&Cue>) -> Option<Cue> {
        let inner = Span::new(m.open.end, m.close.start.max(m.open.end));
        let ws = words(self.view.text, inner);
        for (i, w) in ws.iter().enumerate().take(80) {
            if !self.is_speech(w) || i == 0 {
                continue;
            }
            let prev_end = ws.get(i - 1).map_or(inner.start, |p| p.span.end);
            if !self.view.slice(Span::new(prev_end, w.span.start)).contains(',') {
                continue;
            }
            let verb_text = split_pronoun(w.text).0.to_string();
            if split_pronoun(w.text).1 {
                let l = self.antecedent(last, m.open.start)?;
                return Some(Cue { verb: Some(verb_text), how: "incise", at: m.open.start, ..l });
            }
            let next = ws.get(i + 1)?;
            let mention = self.st.mentions.iter().find(|x| x.kind == EntityType::Per && x.span.start == next.span.start)?;
            return Some(Cue { entity: mention.entity, mention: Some(mention.span), verb: Some(verb_text), how: "incise", at: m.open.start });
        }
        None
    }

    /// A quotation standing as a sentence of its own, with no attribution,
    /// right after a sentence of the same paragraph whose subject is a
    /// person ("Mathieu Rigouste s'interroge sur … . « L'objet … »") or a
    /// pronoun pointing back to one ("Il évoque … . « On en a peu parlé. »"):
    /// the paragraph's speaker goes on speaking.
    fn topic(&self, m: &Marks, unit: Span, last: Option<&Cue>) -> Option<Cue> {
        let lead = self.view.slice(Span::new(unit.start.min(m.open.start), m.open.start));
        let starts_upper = self.view.text.get(m.open.end..).and_then(|t| t.trim_start().chars().next()).is_some_and(char::is_uppercase);
        // Nothing said around it either (", peut-on lire dans Les Échos").
        let tail = self.view.slice(Span::new(m.close.end, unit.end.max(m.close.end)));
        if lead.chars().any(char::is_alphanumeric) || tail.chars().any(char::is_alphanumeric) || !starts_upper {
            return None;
        }
        // Nobody else is named in the quotation's own sentence.
        let named_here = self.st.mentions.iter().any(|x| x.kind == EntityType::Per && unit.contains(&x.span) && !self.quoted.iter().any(|q| q.contains(&x.span)));
        if named_here {
            return None;
        }
        let gap = self.view.text.get(..unit.start).map_or(0, |t| t.len() - t.trim_end().len());
        let prev = self.view.sentence_at(unit.start.checked_sub(gap + 1)?);
        if prev.start >= unit.start || self.view.line_at(prev.start) != self.view.line_at(m.open.start) {
            return None;
        }
        if self.first_mention(prev, EntityType::Per).is_some() {
            return self.subject(prev);
        }
        let opens_with_pronoun = words(self.view.text, prev).first().is_some_and(|w| self.view.lex.is(w.text, class::PRONOUN));
        if opens_with_pronoun {
            return self.antecedent(last, m.open.start).map(|l| Cue { verb: None, how: "topic", at: m.open.start, ..l });
        }
        None
    }

    /// The person a sentence is about: the first one named in it (outside
    /// quotations, not as a complement) within its first six words.
    fn subject(&self, sent: Span) -> Option<Cue> {
        let (e, s) = self.first_mention(sent, EntityType::Per)?;
        let word_no = words(self.view.text, Span::new(sent.start, s.start.max(sent.start))).len();
        (word_no <= 6).then_some(Cue { entity: e, mention: Some(s), verb: None, how: "topic", at: s.start })
    }

    /// A quotation that is a whole paragraph, with no attribution: it goes
    /// on the speaker of the quotation paragraph before it (`prev`, maybe
    /// past a short heading), or is said by the person the paragraph
    /// before it is about (the subject of its first sentence, or a person
    /// named in its last one): a testimony laid out as paragraphs of quotes.
    fn paragraph_quote(&self, m: &Marks, prev: Option<&(Span, Cue)>) -> Option<Cue> {
        let line = self.view.line_at(m.open.start);
        let whole = |l: Span, m: &Marks| {
            let lead = self.view.slice(Span::new(l.start, m.open.start.max(l.start)));
            let tail = self.view.slice(Span::new(m.close.end.min(l.end), l.end));
            !lead.chars().any(char::is_alphanumeric) && !tail.chars().any(char::is_alphanumeric)
        };
        if !whole(line, m) {
            return None;
        }
        let mut before = self.previous_line(line)?;
        // A short heading between two quotation paragraphs is skipped.
        let heading = |l: Span| l.len() <= 80 && !self.view.slice(l).trim_end().ends_with(['.', '!', '?', '»', '"', '”', ':']);
        if heading(before) {
            before = self.previous_line(before)?;
        }
        if let Some((pline, cue)) = prev {
            if *pline == before {
                return Some(Cue { how: "continuation", at: m.open.start, ..cue.clone() });
            }
        }
        if self.view.slice(before).trim_start().starts_with(['«', '“', '"']) {
            return None;
        }
        let first = self.view.sentence_at(before.start);
        if let Some(cue) = self.subject(Span::new(first.start, first.end.min(before.end))) {
            return Some(cue);
        }
        let last = self.view.sentence_at(before.end.saturating_sub(1));
        let (e, s) = self.last_mention(Span::new(last.start.max(before.start), before.end), EntityType::Per)?;
        Some(Cue { entity: e, mention: Some(s), verb: None, how: "topic", at: s.start })
    }

    /// The non-empty paragraph line before `line`.
    fn previous_line(&self, line: Span) -> Option<Span> {
        let head = self.view.text.get(..line.start)?;
        let end = head.trim_end().len();
        (end > 0).then(|| self.view.line_at(end - 1))
    }

    /// A caption line naming the speaker after a quotation standing alone.
    fn caption(&self, m: &Marks) -> Option<Cue> {
        let line = self.view.line_at(m.open.start);
        let before = self.view.slice(Span::new(line.start, m.open.start)).trim();
        let after = self.view.slice(Span::new(m.close.end, line.end.max(m.close.end)));
        if !before.is_empty() || after.chars().any(char::is_alphanumeric) || line.end < m.close.end {
            return None;
        }
        let rest = self.view.text.get(line.end..)?;
        let skip = rest.len() - rest.trim_start().len();
        let next = self.view.line_at(line.end + skip);
        if next.start <= line.start || next.len() > 300 {
            return None;
        }
        let lead = self.view.slice(next).len() - self.view.slice(next).trim_start_matches(['-', '—', '–', ' ', '\u{a0}']).len();
        let (e, s) = self.first_mention(next, EntityType::Per)?;
        (s.start <= next.start + lead).then_some(Cue { entity: e, mention: Some(s), verb: None, how: "caption", at: s.start })
    }
}

/// Attributes the quotations of one article to its local entities.
pub(crate) fn attribute(view: &View<'_>, st: &DocState) -> Vec<QuoteCand> {
    let marks = find_quotes(view.text);
    let quoted = marks.iter().map(|m| Span::new(m.open.end, m.close.start)).collect();
    let ctx = Ctx { view, st, quoted };
    // Units: the sentences; a quotation belongs to the sentence holding its
    // opening mark, or to the one starting just inside it (splitters often
    // leave the opening mark out).
    let qunits: Vec<Span> = marks
        .iter()
        .map(|m| {
            let line = view.line_at(m.open.start);
            let inside = view.sentences.iter().find(|s| s.start <= m.open.start && m.open.start < s.end);
            let after = view.sentences.iter().find(|s| s.start <= m.open.end && m.open.end < s.end);
            match (inside, after) {
                (Some(s), _) => *s,
                (None, Some(s)) => *s,
                _ => line,
            }
        })
        .collect();
    let mut units: Vec<Span> = view.sentences.clone();
    units.extend(qunits.iter().copied());
    units.sort();
    units.dedup();
    let mut out = Vec::new();
    let mut last: Option<Cue> = None;
    let mut prev_act: Option<(Span, Cue)> = None;
    let mut covered = 0usize;
    let mut prev_quote: Option<(usize, Cue)> = None;
    // The last paragraph line holding an attributed quotation, and its cue.
    let mut prev_paragraph: Option<(Span, Cue)> = None;
    for unit in units {
        let group: Vec<Marks> = marks.iter().zip(&qunits).filter(|(_, u)| **u == unit).map(|(m, _)| *m).collect();
        if group.is_empty() {
            if unit.end <= covered {
                continue;
            }
            let act = ctx.speech_act(unit, last.as_ref());
            if let Some(a) = &act {
                last = Some(a.clone());
            }
            prev_act = act.filter(|a| a.entity != UNNAMED).map(|a| (unit, a));
            continue;
        }
        covered = covered.max(unit.end);
        let mut cues: Vec<Option<Cue>> = Vec::with_capacity(group.len());
        for (i, m) in group.iter().enumerate() {
            let close_sent = view.sentence_at(m.close.start);
            let line = view.line_at(m.close.start);
            let next_open = group.get(i + 1).map_or(usize::MAX, |n| n.open.start);
            let limit = close_sent.end.max(m.close.end).min(line.end).min(next_open);
            let from = if i == 0 { unit.start } else { group.get(i - 1).map_or(unit.start, |p| p.close.end) };
            let cue = match ctx.after(m, limit, last.as_ref()) {
                Ok(Some(c)) => Some(c),
                Ok(None) => ctx.before(unit, from, m, last.as_ref()),
                Err(()) => {
                    last = Some(Cue { entity: UNNAMED, mention: None, verb: None, how: "unnamed", at: m.open.start });
                    None
                }
            };
            cues.push(cue);
        }
        // Quotations of one sentence share its speaker.
        for i in 0..cues.len() {
            if cues.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let later = cues.iter().skip(i + 1).flatten().next().cloned();
            let earlier = cues.iter().take(i).flatten().last().cloned();
            if let Some(c) = later.or(earlier) {
                if let Some(slot) = cues.get_mut(i) {
                    *slot = Some(Cue { how: "same-sentence", ..c });
                }
            }
        }
        if cues.iter().all(Option::is_none) {
            if let Some(a) = ctx.speech_act(unit, None).filter(|a| a.entity == UNNAMED) {
                last = Some(a);
            }
        }
        for (m, cue) in group.iter().zip(cues) {
            let cue = cue.or_else(|| {
                let (pspan, act) = prev_act.as_ref()?;
                let same_para = view.line_at(pspan.start) == view.line_at(m.open.start);
                let pron = words(view.text, Span::new(unit.start, m.open.start)).iter().any(|w| view.lex.is(w.text, class::PRONOUN));
                (same_para && pron).then(|| Cue { how: "continuation", ..act.clone() })
            });
            let cue = cue.or_else(|| ctx.incise(m, last.as_ref()));
            let cue = cue.or_else(|| ctx.caption(m));
            // A quotation that follows an attributed one in the same
            // paragraph, with only the attribution between them.
            let cue = cue.or_else(|| {
                let (prev_close, c) = prev_quote.as_ref()?;
                let between = Span::new((*prev_close).min(m.open.start), m.open.start);
                let same_para = view.line_at(*prev_close) == view.line_at(m.open.start);
                // Nobody else named between them, and no one named in a new
                // sentence that would introduce the second quotation.
                let seg = view.slice(between);
                let new_sentence = [". ", "! ", "? ", ": "].iter().filter_map(|e| seg.find(e)).min().map_or(usize::MAX, |p| between.start + p);
                let others = st.mentions.iter().any(|x| {
                    between.contains(&x.span) && x.entity != c.entity && (x.kind == EntityType::Per || (x.kind == EntityType::Org && x.span.start > new_sentence))
                });
                // The attribution between them ("said X, a teacher who …")
                // may be long, but holds no other verb of saying.
                let between_words = words(view.text, between);
                let verbs = between_words.iter().filter(|w| ctx.is_speech(w)).count();
                (same_para && !others && verbs <= 1 && between_words.len() <= MAX_ATTRIBUTION_WORDS).then(|| Cue { how: "continuation", ..c.clone() })
            });
            let cue = cue.or_else(|| ctx.topic(m, unit, last.as_ref()));
            let cue = cue.or_else(|| ctx.paragraph_quote(m, prev_paragraph.as_ref()));
            let Some(cue) = cue.filter(|c| c.entity != UNNAMED) else { continue };
            let Some(span) = content(view, m) else { continue };
            if is_title(view, span) {
                continue;
            }
            // A single quoted word is no quotation, but its speaker is the
            // one the next quotations go on with.
            if !is_single_word(view, span) {
                out.push(QuoteCand {
                    span,
                    text: view.slice(span).to_string(),
                    sentence: unit,
                    speaker: Some(cue.entity),
                    speaker_mention: cue.mention,
                    verb: cue.verb.clone(),
                    cue: cue.how.to_string(),
                });
            }
            prev_quote = Some((m.close.end, cue.clone()));
            prev_paragraph = Some((view.line_at(m.open.start), cue.clone()));
            last = Some(cue);
        }
        prev_act = None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_marks() {
        let t = "a « b » c “d” \"e\" « \"f\" g »\n\"h";
        let q = find_quotes(t);
        let inner: Vec<&str> = q.iter().map(|m| &t[m.open.end..m.close.start]).collect();
        assert_eq!(inner, [" b ", "d", "e", " \"f\" g "]);
        // A « opening a paragraph and left open runs to the paragraph's end;
        // one opened inside a sentence and left open is no quotation.
        let t = "\u{ab} Un. Deux\nTrois \u{ab} quatre\n\u{ab} Cinq";
        let inner: Vec<&str> = find_quotes(t).iter().map(|m| &t[m.open.end..m.close.start]).collect();
        assert_eq!(inner, [" Un. Deux", " Cinq"]);
    }

    #[test]
    fn pronoun_suffixes() {
        assert_eq!(split_pronoun("a-t-il"), ("a", true));
        assert_eq!(split_pronoun("ajoute-t-elle"), ("ajoute", true));
        assert_eq!(split_pronoun("porte-parole"), ("porte-parole", false));
    }
}
