//! Document-level consistency after tagging: names from the shipped
//! gazetteers (countries, regions, big cities → LOC; organisations → ORG)
//! are tagged or completed where the model missed them; one type per name
//! within a document (majority of model confidence plus cue-word votes:
//! "groupe X" votes ORG, "M. X" votes PER; in French a company context —
//! "le fabricant X", "PDG de X", "les actions X", "X, le groupe …", "X est
//! une entreprise", and the names enumerated after such a noun — votes ORG
//! for the whole name, and a company's one-word name and the longer name it
//! opens share the organisation type; a name opened by an event head
//! ("Coupe du monde", "Traité de …") or right after a noun of event or
//! work ("l'ouragan X", "la vidéo « X »") votes MISC, no PER/ORG/LOC);
//! names tagged once are tagged at
//! every other occurrence; a surname alone ("Lavrov", "M. Lavrov") after a
//! full name ("Sergueï Lavrov") is a person; and a hyphenated compound of
//! known places ("Mali-Russie") yields one place per part. In edited news
//! (`modern`), a person's name also runs on over name particles ("María
//! Dolores de Cospedal", "Rami Abd al-Rahman"), the items of an enumeration
//! share the type of their majority (in French, names listed after "des
//! œuvres de" are persons, and a name after a lower-case geographic head,
//! "les îles Sanguinaires", is a place, the head included), a demonym alone is not a name, a name
//! followed by a titled apposition ("Barroso, le président de …") is a
//! person, a minister's portfolio ("ministre de la Santé") is no name, and
//! an organisation named alone elsewhere is split off the person's name it
//! was tagged with ("WikiLeaks Julian Assange"); names with an English
//! organisation head last ("Clark Art Institute") are organisations;
//! capitalised common terms ("Internet", "SMIC") are no names; in French,
//! an institution opened by a lower-case head ("l'université de Nantes",
//! "le parquet de Paris") is one organisation, the place inside included;
//! and no name ends with a preposition or an article ("Agence des").
//! Also in French edited news: no name opens with a lower-case common
//! word, "du"/"des" or a common-noun acronym ("l'entreprise américaine
//! Hewlett-Packard", "l'ONG Greenpeace"; "le gouvernement X" names a
//! person), names joined by "et de" are two names, "la ville / la prise /
//! les habitants de X" votes LOC, capitalised words right after a company
//! or medium noun are an organisation, a known company run on by a place
//! is one organisation ("Michelin Amérique du Nord"), "l'Impact de
//! Montréal" is one organisation, a known name of several words replaces
//! the model's shorter names inside it, and enumerations whose items
//! repeat their preposition ("du Monde, de Télérama, d'X") share a type,
//! a lone capitalised word usually written in lower case ("la
//! Constitution", "le Code") is no name unless it heads or names an
//! institution, "le maire / le préfet / l'aéroport de X" votes LOC, and a
//! company head reaches a one-word name across "de" and a noun ("la
//! société de mercenaires Wagner").
//! A known name that opens with an article is also found without it after
//! "du" / "au" / "des" / "aux" ("l'équipe du Point" → Le Point).
//! In French match reports, a town named as a player's club ("l'attaquant
//! de Lorient"), in a standing ("à trois longueurs de Liverpool") or beside
//! a score ("Lorient 1 - Lyon 0") is the club, an organisation, throughout,
//! and in such a report the author of a shot or a pass ("une frappe
//! d'Aouar") is a player, a person.
//! In French text, English connectors join one English name ("Food and
//! Chemical Toxicology"); products are no names of persons, organisations
//! or places: a name with a model code ("la Nintendo 3DS"), software with
//! its version ("Ubuntu 12.10"), a name given after "baptisé" or
//! "intitulé", after a noun of vehicle, star or prize ("la fusée Falcon",
//! "la planète X", "le prix Nobel", a vehicle's name keeping that type over
//! a place of the same name) and an English law ("… Act"); a compass point
//! before "de" ("le sud du Kouzbass") votes LOC; a lower-case geographic
//! head tagged inside the name ("l'océan Pacifique") makes a place, and
//! islands and mountains are named as a group across "de" ("les îles
//! d'Hyères"); a first name runs on over "de" ("Bertrand de Broc",
//! "Philippe de Gonneville"), and a person's name after "de" sheds the
//! complement that opens it ("du site de Jababeka David Quentin").
//! In French edited news, names run together or cut apart are mended: an
//! organisation's name that runs on over "de" and a place ends before "de"
//! when the document names it alone ("l'université Paris-8 de
//! Saint-Denis"), an unknown place tagged right before a person opens the
//! person's name ("Aung San Suu Kyi"), an organisation takes the first word
//! of a person's name after it when the next word is a first name, known or
//! given by an initial elsewhere ("RIA Novosti Valentine Sapounov", "V.
//! Sapounov"), an organisation runs on over an adjective of nationality
//! ("Parti communiste chinois"), a capitalised company head before a known
//! organisation is dropped ("Groupe France Télécom"), and an institution
//! head opening a person's name makes an organisation ("Fondation X");
//! "près de / au large de X" votes LOC; a numbered edition ("l'édition
//! 2012 du X"), an eponym of science ("le boson de Higgs") and a web
//! address after "site" vote MISC, and so does a listed website or wiki
//! project or a planet ("Wikipédia", "Neptune", `ner-misc-names.txt`), a
//! name alone in quotes after a determiner and a common noun ("sa
//! conférence de presse « X »"), a wrecked ship ("le naufrage de l'X"), a
//! sailing boat ("le skipper de X"), a known race, league or feast ("le
//! Vendée Globe", "la Premier League", also when only its end is tagged), a
//! name after a noun of thing across "de" and a noun ("l'accélérateur de
//! particules X") or in apposition to it ("un collisionneur, le X.");
//! a name in parentheses after a work is a work ("(Grundgesetz)"), so are
//! the names listed after "connu pour" ("connu pour Gladiator, Lincoln")
//! and a name in apposition to a work ("la série James Bond, Skyfall,"),
//! an eponym is a thing right after its noun even where the document makes
//! the name a person's ("le boson de Higgs" … "Peter Higgs");
//! a work or thing of several words then replaces the shorter names
//! tagged inside it elsewhere; a unit after a number ("0,04 UA") and a
//! side of a thing ("l'échangeur Sud") are no names.
//! First names come from the corpora and from a hand-written list of
//! common given names.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::label::{entities, Label, Type};
use crate::model::Lexicon;
use crate::resources::{class, cue, hash_extend, hash_tokens, Resources, MAX_GAZ_TOKENS};

/// The tagged tokens of one document, sentence by sentence.
pub struct DocTags<'a> {
    /// Token strings per sentence.
    pub sentences: Vec<Vec<&'a str>>,
    /// Labels and confidences per sentence, parallel to `sentences`.
    pub tags: Vec<Vec<(Label, f32)>>,
}

/// A name to propagate: its tokens, type and confidence.
type Candidate<'a> = (Vec<&'a str>, Type, f32);

fn key(tokens: &[&str]) -> String {
    tokens.join(" ")
}

fn is_cap(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// `t.to_lowercase()`, borrowed when lower-casing leaves every character
/// as it is (speed: no allocation for most words, in rules that look at
/// every token).
fn lower(t: &str) -> Cow<'_, str> {
    let unchanged = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    if t.chars().all(|c| if c.is_ascii() { !c.is_ascii_uppercase() } else { unchanged(c) }) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

/// A `&'static HashSet<&'static str>` of the lines of a data file
/// (comments and blank lines left out; `dossier_text::data_lines`),
/// embedded at build time and read once. `$path` is relative to this file.
macro_rules! data_word_set {
    ($path:literal) => {{
        static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
        SET.get_or_init(|| dossier_text::data_lines(include_str!($path)).collect())
    }};
}

/// Applies the document-level rules in place.
pub fn apply(doc: &mut DocTags<'_>, lexicon: &Lexicon, lang: &str) {
    apply_with(doc, lexicon, lang, true);
}

/// [`apply`] with the annotation conventions of the text: `modern`
/// (edited news, the shipped analysis) leaves titles out of a person's name
/// ("le président Emmanuel Macron" → "Emmanuel Macron"); the historical
/// newspaper corpora (NewsEye, HIPE) keep them in ("M. de Lasteyrie").
pub fn apply_with(doc: &mut DocTags<'_>, lexicon: &Lexicon, lang: &str, modern: bool) {
    // Folded once for both gazetteer passes (the tokens never change).
    let folded: Vec<Vec<String>> = doc.sentences.iter().map(|s| fold_tokens(s)).collect();
    for ((toks, folded), tags) in doc.sentences.iter().zip(&folded).zip(doc.tags.iter_mut()) {
        gazetteer_pass_folded(toks, folded, tags, lexicon, &HashSet::new());
    }
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        trim_sentence_initial_word(toks, tags, lexicon);
        if modern {
            join_name_particles(toks, tags, lexicon);
            if lang == "fr" {
                capitalised_word_before_person(toks, tags, lexicon, lang);
                english_connected_names(toks, tags);
                product_codes(toks, tags);
                foreign_articles_open_names(toks, tags);
            }
        }
    }
    split_name_of_place(doc);
    if lang == "fr" && modern {
        drop_heads_written_lower_elsewhere(doc);
    }
    if lang == "fr" && modern {
        if let Some(cues) = company_cues(lang) {
            for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
                names_after_company_nouns(toks, tags, cues);
                apposed_organisation_words(toks, tags);
                acronyms_after_chez(toks, tags);
                employers_after_staff_nouns(toks, tags);
            }
        }
    }
    let res = Resources::get();
    // Entities per sentence.
    let mut by_key: HashMap<String, [f32; 4]> = HashMap::new();
    let mut surnames: HashMap<String, f32> = HashMap::new();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            let score: f32 = tags.get(a..b).map_or(0.0, |s| s.iter().map(|x| x.1).sum::<f32>() / (b - a) as f32);
            let e = by_key.entry(key(span)).or_insert([0.0; 4]);
            e[type_index(ty)] += score;
            let first_common = span.first().is_some_and(|f| lexicon.contains(&f.to_lowercase()));
            if ty == Type::Per && b - a >= 2 && !first_common {
                if let Some(last) = span.last() {
                    if is_cap(last) && last.chars().count() > 2 {
                        let s = surnames.entry((*last).to_string()).or_insert(0.0);
                        *s = s.max(score);
                        // A surname of several words ("De Niro" of "Robert De Niro").
                        for k in 1..span.len().saturating_sub(1) {
                            if span.get(k).is_some_and(|t| is_cap(t)) {
                                let s = surnames.entry(key(&span[k..])).or_insert(0.0);
                                *s = s.max(score);
                            }
                        }
                    }
                }
            }
        }
    }
    // Cue words before every occurrence of a one-word name, tagged or not,
    // across lower-case modifiers ("groupe paramilitaire russe Wagner"); in
    // French, a company head also across "de" and a lower-case noun
    // ("la société de mercenaires Wagner", "le groupe de presse X"), where
    // no other cue counts ("le directeur de Renault").
    for toks in &doc.sentences {
        for (i, t) in toks.iter().enumerate() {
            if !is_cap(t) {
                continue;
            }
            let Some(e) = by_key.get_mut(*t) else { continue };
            let mut crossed_de = false;
            for k in (i.saturating_sub(4)..i).rev() {
                let Some(w) = toks.get(k) else { break };
                let lw = w.to_lowercase();
                match res.cue(lang, &lw) {
                    // "le chef de groupe X", "la directrice d'agence X": a
                    // title of the form "TITLE de HEAD" names a person.
                    cue::ORGHEAD
                        if !crossed_de
                            && k >= 2
                            && toks.get(k - 1).is_some_and(|d| matches!(*d, "de" | "d'" | "d’"))
                            && toks.get(k - 2).is_some_and(|t| res.cue(lang, &t.to_lowercase()) == cue::TITLE) =>
                    {
                        e[type_index(Type::Per)] += CUE_VOTE;
                        break;
                    }
                    cue::ORGHEAD if !crossed_de || COMPANY_HEADS.contains(&lw.as_str()) => {
                        e[type_index(Type::Org)] += CUE_VOTE;
                        break;
                    }
                    // "le premier Forum mondial": right before the name,
                    // "premier" is the ordinal; the title is "Premier
                    // ministre".
                    cue::TITLE if lang == "fr" && k + 1 == i && matches!(lw.as_str(), "premier" | "première") => break,
                    cue::TITLE if !crossed_de => {
                        e[type_index(Type::Per)] += CUE_VOTE;
                        break;
                    }
                    _ if w.chars().next().is_some_and(char::is_lowercase) && w.chars().count() > 3 => {}
                    _ if lang == "fr" && !crossed_de && k + 2 <= i && matches!(lw.as_str(), "de" | "d'" | "d’") => crossed_de = true,
                    _ => break,
                }
            }
        }
    }
    company_votes(doc, &mut by_key, lang);
    // One-word names that a sports context makes a club ("l'attaquant de
    // Lorient"): kept from the gazetteer's place type below.
    let mut clubs: HashSet<String> = HashSet::new();
    if lang == "fr" {
        place_noun_votes(doc, &mut by_key);
        context_votes(doc, &mut by_key);
        club_votes(doc, &mut by_key, &mut clubs);
    }
    event_votes(doc, &mut by_key, lang);
    if lang == "fr" {
        known_misc_votes(doc, &mut by_key);
    }
    let majority = |scores: &[f32; 4]| -> Type {
        let mut best = 0;
        for i in 1..4 {
            if scores[i] > scores[best] {
                best = i;
            }
        }
        Type::ALL[best]
    };
    // Target type per name: majority, surnames of people as people.
    let mut target: HashMap<String, (Type, f32)> = by_key
        .iter()
        .map(|(k, s)| (k.clone(), (majority(s), s.iter().fold(0f32, |m, x| m.max(*x)).min(1.0))))
        .collect();
    if lang == "fr" {
        company_first_words(&mut target, &surnames);
    }
    for (s, score) in &surnames {
        let prev = target.get(s).map(|t| t.0);
        if prev != Some(Type::Per) {
            target.insert(s.clone(), (Type::Per, *score));
        }
    }
    let mut person_surnames: HashSet<&str> = surnames.keys().map(String::as_str).collect();
    person_surnames.extend(clubs.iter().filter(|c| target.get(*c).is_some_and(|t| t.0 == Type::Org)).map(String::as_str));
    // A one-word name that a noun of work or vehicle makes a MISC ("la
    // fusée Falcon") keeps that type over a place of the same name.
    let misc_cued = |k: &String| by_key.get(k).is_some_and(|v| v[type_index(Type::Misc)] >= CUE_VOTE) && target.get(k).is_some_and(|t| t.0 == Type::Misc);
    person_surnames.extend(target.keys().filter(|k| !k.contains(' ') && misc_cued(k)).map(String::as_str));
    // Longest names first for propagation, indexed by their first token.
    // Speed: looked up at every untagged token (Fx hash).
    let mut by_first: FxHashMap<&str, Vec<Candidate<'_>>> = FxHashMap::default();
    for (k, (ty, score)) in &target {
        let toks: Vec<&str> = k.split(' ').collect();
        let Some(first) = toks.first().copied() else { continue };
        if !is_cap(first) || (toks.len() == 1 && lexicon.contains(&first.to_lowercase())) {
            continue;
        }
        by_first.entry(first).or_default().push((toks, *ty, *score));
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
    }
    for ((toks, folded), tags) in doc.sentences.iter().zip(&folded).zip(doc.tags.iter_mut()) {
        // Re-type existing entities.
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            if let Some(&(t, _)) = target.get(&key(span)) {
                if t != ty && ty != Type::Misc {
                    relabel(tags, a, b, t, None);
                }
            }
        }
        // Known names keep their gazetteer type (but a person's surname
        // stays a person: "Phoenix said" after "Joaquin Phoenix");
        // acronyms in parentheses.
        gazetteer_pass_folded(toks, folded, tags, lexicon, &person_surnames);
        acronyms_in_parentheses(toks, tags);
        // Propagate to untagged occurrences.
        let mut i = 0;
        while i < toks.len() {
            let mut step = 1;
            let opens = tags.get(i).is_some_and(|t| matches!(t.0, Label::O | Label::B(_)));
            if opens {
                if let Some(cands) = toks.get(i).and_then(|t| by_first.get(t)) {
                    for (seq, ty, score) in cands {
                        let end = i + seq.len();
                        let free = tags.get(i..end).is_some_and(|s| s.iter().all(|t| t.0 == Label::O));
                        // A work or event of several words (MISC here)
                        // also replaces the shorter names tagged inside
                        // it ("l'Empress of Ireland" tagged "Empress" and
                        // "Ireland" where "le naufrage de l'Empress of
                        // Ireland" names the ship).
                        let covers = *ty == Type::Misc
                            && seq.len() >= 2
                            && !free
                            && !tags.get(end).is_some_and(|t| matches!(t.0, Label::I(_)))
                            && !(tags.get(i).is_some_and(|t| t.0 == Label::B(Type::Misc))
                                && tags.get(i + 1..end).is_some_and(|s| s.iter().all(|t| t.0 == Label::I(Type::Misc))));
                        // "Le Goff est lancé" where "Le Goff" is a person of the
                        // document: the particle opening the sentence was left
                        // out and the rest tagged apart ("Goff").
                        let particle = *ty == Type::Per && !free && particle_opens_tagged_name(toks, tags, i, end);
                        if (free || covers || particle) && toks.get(i..end).is_some_and(|s| s == seq.as_slice()) {
                            relabel(tags, i, end, *ty, Some(score * 0.9));
                            step = seq.len();
                            break;
                        }
                    }
                }
            }
            i += step;
        }
    }
    if modern {
        // One-word names of organisations and places in this document.
        let others: HashMap<&str, Type> = target
            .iter()
            .filter(|(k, (t, _))| !k.contains(' ') && matches!(t, Type::Org | Type::Loc))
            .map(|(k, (t, _))| (k.as_str(), *t))
            .collect();
        for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
            split_leading_name(toks, tags, &others);
        }
    }
    if modern {
        for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
            trim_trailing_function_words(toks, tags);
            if lang == "fr" {
                trim_leading_lower_words(toks, tags, lexicon);
                split_coordinated_names(toks, tags);
                coordinated_places_before_parenthesised_place(toks, tags);
            }
        }
    }
    if lang == "fr" {
        for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
            extend_institution_names(toks, tags);
            if modern {
                run_on_to_defined_acronym(toks, tags);
            }
            if modern {
                drop_portfolios(toks, tags);
                lower_case_institutions(toks, tags);
            }
        }
    }
    let lower_here = if modern && lang == "fr" { lower_case_words(doc) } else { HashSet::new() };
    let initialled = if modern && lang == "fr" { initialled_surnames(doc) } else { HashSet::new() };
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        speaking_places_are_persons(toks, tags, lang);
        first_name_persons(toks, tags, lexicon);
        if modern {
            drop_leading_titles(toks, tags, lang);
            harmonise_lists(toks, tags);
            if lang == "fr" {
                single_names_coordinated_with_persons(toks, tags, lexicon);
                split_platform_accounts(toks, tags);
                employers_after_chez(toks, tags);
            }
            if lang == "fr" {
                author_lists(toks, tags);
                lower_case_places(toks, tags, lexicon);
                aged_persons(toks, tags, lexicon);
            }
            drop_demonyms(toks, tags);
            apposed_titles_make_persons(toks, tags, lang);
            head_last_organisations(toks, tags, lexicon);
            organisation_heads_in_persons(toks, tags, lang);
            join_name_particles(toks, tags, lexicon);
            if lang == "fr" {
                company_subsidiaries(toks, tags);
                word_of_place_organisations(toks, tags);
                names_after_contracted_articles(toks, tags);
            }
            drop_not_names(toks, tags, lang);
            if lang == "fr" {
                drop_lone_common_words(toks, tags, lexicon, &lower_here);
                drop_lone_directions(toks, tags);
                drop_units_after_numbers(toks, tags);
                nationality_ends_organisations(toks, tags);
                split_persons_off_titled_organisations(toks, tags);
                // Before the split of complements, which makes a place
                // right before a person on purpose ("du site de Jababeka
                // David Quentin").
                unknown_places_opening_persons(toks, tags);
                split_complements_off_persons(toks, tags, &initialled);
                place_headed_persons(toks, tags);
                trim_lower_tails_after_complements(toks, tags);
            }
        }
    }
    if modern && lang == "fr" {
        split_places_off_organisations(doc);
        drop_common_word_persons(doc, lexicon, &lower_here);
        drop_shouted_common_words(doc, lexicon, &lower_here);
        drop_phrases_written_lower_elsewhere(doc);
        drop_lone_heads_of_longer_names(doc);
        for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
            caption_places_before_dates(toks, tags);
            eponyms_at_their_noun(toks, tags);
            parenthesised_names_of_works(toks, tags);
        }
    }
}

/// "le Conseil national syrien … le chef du Conseil", "la Cour d'assises …
/// pas la Cour": an institution head alone (`ner-institutions.txt`) where
/// the document names an organisation of several words opening with it is
/// that organisation's short reference, no name of its own; it is dropped
/// (the full name carries the entity, and the lone head would stand apart
/// as an entity "Conseil" in the dossier). Where no longer name opens with
/// it ("le Parlement", "l'Assemblée" alone), it stays.
fn drop_lone_heads_of_longer_names(doc: &mut DocTags<'_>) {
    let heads = institution_heads();
    let mut opened: HashSet<&str> = HashSet::new();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty != Type::Org || b < a + 2 {
                continue;
            }
            if let Some(&w) = toks.get(a) {
                if is_cap(w) && heads.contains(&w.to_lowercase()) {
                    opened.insert(w);
                }
            }
        }
    }
    if opened.is_empty() {
        return;
    }
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty != Type::Org || b != a + 1 || !toks.get(a).is_some_and(|w| opened.contains(w)) {
                continue;
            }
            if let Some(t) = tags.get_mut(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// "DONNEZ, PARTAGEZ, INVESTISSEZ DANS LA LUTTE !": in a line written in
/// capitals, a one-word mention that is a common word (lexicon, lower case
/// elsewhere in the document, or an opening word such as an imperative of
/// `ner-opening-words.txt`) is no acronym and no name: it is dropped,
/// unless it is a known name.
fn drop_shouted_common_words(doc: &mut DocTags<'_>, lexicon: &Lexicon, lower_here: &HashSet<&str>) {
    let caps = |t: &str| t.chars().count() > 1 && t.chars().all(|c| !c.is_lowercase()) && t.chars().any(char::is_alphabetic);
    let word = |t: &str| t.chars().any(char::is_alphanumeric);
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, _) in entities(&labels) {
            let Some(&w) = toks.get(a) else { continue };
            if b != a + 1 || !caps(w) || w.chars().count() < 4 {
                continue;
            }
            // The nearest words on either side, over punctuation.
            let before = toks.get(..a).and_then(|s| s.iter().rev().find(|t| word(t)));
            let after = toks.get(b..).and_then(|s| s.iter().find(|t| word(t)));
            let shouted = before.is_some_and(|t| caps(t)) || after.is_some_and(|t| caps(t));
            let lw = w.to_lowercase();
            let common = lexicon.contains(&lw) || lower_here.contains(lw.as_str()) || opening_words().contains(lw.as_str());
            if shouted && common && known_name(&[w]).is_none() {
                if let Some(t) = tags.get_mut(a) {
                    t.0 = Label::O;
                }
            }
        }
    }
}

/// "Découverte du Boson de Higgs" in a headline where the text says "le
/// boson de Higgs": a capitalised common noun opening a name before "de"
/// is no part of the name when the same document writes the same words
/// with that noun in lower case; the name keeps what follows "de" (and its
/// article). Institution, place and company heads stay ("Cour de
/// cassation" … "cour de cassation").
fn drop_heads_written_lower_elsewhere(doc: &mut DocTags<'_>) {
    let mut lower: HashSet<(&str, &str, &str)> = HashSet::new();
    for toks in &doc.sentences {
        for w in toks.windows(3) {
            if let [h, d, n] = *w {
                if h.chars().next().is_some_and(char::is_lowercase) && is_de(d) {
                    lower.insert((h, d, n));
                }
            }
        }
    }
    if lower.is_empty() {
        return;
    }
    let cues = company_cues("fr");
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let (Some(&h), Some(&d), Some(&n)) = (toks.get(a), toks.get(a + 1), toks.get(a + 2)) else { continue };
            if b < a + 3 || !is_de(d) || !is_cap(h) || !h.chars().skip(1).all(char::is_lowercase) {
                continue;
            }
            let lh = h.to_lowercase();
            let head = institution_heads().contains(&lh)
                || lower_institution_heads().contains(lh.as_str())
                || place_heads().contains(lh.as_str())
                || cues.is_some_and(|c| c.contains_key(lh.as_str()));
            if head || !lower.contains(&(lh.as_str(), d, n)) {
                continue;
            }
            let mut s = a + 2;
            while s + 1 < b && toks.get(s).is_some_and(|t| matches!(t.to_lowercase().as_str(), "la" | "le" | "les" | "l'" | "l’")) {
                s += 1;
            }
            if !toks.get(s).is_some_and(|t| is_cap(t)) {
                continue;
            }
            for t in tags.iter_mut().take(s).skip(a) {
                t.0 = Label::O;
            }
            relabel(tags, s, b, ty, None);
        }
    }
}

/// "de", "du", "des", "d'": the word that joins a head to its complement.
fn is_de(t: &str) -> bool {
    matches!(t, "de" | "du" | "des" | "d'" | "d’")
}

/// Words of at least four letters this document writes in lower case
/// inside a sentence ("le forum … le Forum"): common words here, whatever
/// the lexicon says.
fn lower_case_words<'a>(doc: &DocTags<'a>) -> HashSet<&'a str> {
    doc.sentences
        .iter()
        .flat_map(|s| s.iter().skip(1))
        .filter(|t| t.len() >= 4 && t.chars().next().is_some_and(char::is_lowercase))
        .copied()
        .collect()
}

/// Words of the document's persons named with a first name or a word that
/// is no common word ("Enzo Le Fée"): a common word among them is a
/// surname here.
fn person_name_words<'a>(doc: &DocTags<'a>, lexicon: &Lexicon) -> HashSet<&'a str> {
    let names = first_names();
    let mut words = HashSet::new();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            let named = span.iter().any(|t| names.contains(t) || (is_cap(t) && !lexicon.contains(&t.to_lowercase())));
            if ty == Type::Per && b >= a + 2 && named {
                words.extend(span.iter().copied());
            }
        }
    }
    words
}

/// A "person" whose every word is a common word usually written in lower
/// case (in the lexicon, or in lower case elsewhere in the same document),
/// capitalised by style ("le Forum", "les Gilets Jaunes", "le Code"),
/// with no first name, no known name, no title before it ("M. Boulanger")
/// and no fuller person's name in the document that holds it ("Enzo Le
/// Fée" … "Le Fée"), names no one: it is dropped.
fn drop_common_word_persons(doc: &mut DocTags<'_>, lexicon: &Lexicon, lower_here: &HashSet<&str>) {
    let res = Resources::get();
    let names = first_names();
    let person_words = person_name_words(doc, lexicon);
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            if ty != Type::Per || b > a + 3 {
                continue;
            }
            let common = |t: &&str| {
                let lw = t.to_lowercase();
                (t.chars().count() >= 4 || b > a + 1)
                    && t.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                    && (lexicon.contains(&lw) || lower_here.contains(lw.as_str()))
                    && !names.contains(*t)
                    && !person_words.contains(*t)
            };
            let titled = a > 0 && toks.get(a - 1).is_some_and(|p| res.cue("fr", &p.to_lowercase()) == cue::TITLE);
            if span.iter().all(common) && !titled && known_name(span).is_none() {
                for t in tags.iter_mut().take(b).skip(a) {
                    t.0 = Label::O;
                }
            }
        }
    }
}

/// "le président de l'Assemblée Claude Bartolone", "le président du
/// Conseil des ministres Mario Monti": after a title and "de", an
/// organisation tagged with the person's name after it is cut before the
/// first name, and the rest is the person.
fn split_persons_off_titled_organisations(toks: &[&str], tags: &mut [(Label, f32)]) {
    let res = Resources::get();
    let names = first_names();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Org || b < a + 3 {
            continue;
        }
        // A title, then "de" / "du" / "de la" / "de l'" before the name.
        let mut k = a;
        while k > 0 && a - k < 3 && toks.get(k - 1).is_some_and(|t| matches!(t.to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "d’" | "la" | "l'" | "l’")) {
            k -= 1;
        }
        let titled = k < a && k > 0 && toks.get(k - 1).is_some_and(|t| res.cue("fr", &t.to_lowercase()) == cue::TITLE);
        if !titled {
            continue;
        }
        let Some(first) = (a + 1..b - 1).find(|&i| toks.get(i).is_some_and(|t| names.contains(t))) else { continue };
        let rest_names = toks.get(first + 1..b).is_some_and(|s| s.iter().all(|t| is_cap(t) && t.chars().skip(1).any(char::is_lowercase)));
        let org_cap = toks.get(first - 1).is_some_and(|t| t.chars().any(char::is_alphabetic));
        if rest_names && org_cap && known_name(toks.get(a..b).unwrap_or(&[])).is_none() {
            // "le président de la commission Denis Baupin": a complement
            // written in lower case names no organisation.
            let lower_only = toks.get(a..first).is_some_and(|s| s.iter().all(|t| !t.chars().any(char::is_uppercase)));
            if lower_only {
                for t in tags.iter_mut().take(first).skip(a) {
                    t.0 = Label::O;
                }
            } else {
                relabel(tags, a, first, Type::Org, None);
            }
            relabel(tags, first, b, Type::Per, None);
        }
    }
}

/// "le directeur du site de Jababeka David Quentin" tagged as one person:
/// after "de", a person's name of three words or more whose second word is
/// a known first name, its first word not one, opens with the complement
/// of the noun before it: that word is a place (or what the gazetteers
/// know it as), the rest the person. Right after an organisation tagged
/// apart, that word ends the organisation's name instead.
fn split_complements_off_persons(toks: &[&str], tags: &mut [(Label, f32)], initialled: &HashSet<(char, &str)>) {
    let names = first_names();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || b < a + 3 || a == 0 {
            continue;
        }
        let after_de = toks.get(a - 1).is_some_and(|t| matches!(*t, "de" | "d'" | "d’" | "du"));
        let first = toks.get(a).copied().unwrap_or("");
        let second = toks.get(a + 1).copied().unwrap_or("");
        let rest_names = toks.get(a + 2..b).is_some_and(|s| s.iter().all(|t| is_cap(t) && t.chars().skip(1).any(char::is_lowercase)));
        // The second word is a first name: a known one, or one whose
        // initial the document gives with the same surname ("V. Sapounov").
        let initial_elsewhere = || second.chars().next().zip(toks.get(b - 1)).is_some_and(|(c, last)| initialled.contains(&(c, *last)));
        let second_first_name = names.contains(second) || (b == a + 3 && initial_elsewhere());
        if !(is_cap(first) && !names.contains(first) && second_first_name && rest_names && known_name(toks.get(a..b).unwrap_or(&[])).is_none()) {
            continue;
        }
        // Right after an organisation's name ("l'agence RIA Novosti
        // Valentine Sapounov" tagged "RIA" + "Novosti Valentine …"), the
        // first word ends the organisation's name.
        let org_before = matches!(labels.get(a - 1), Some(Label::B(Type::Org) | Label::I(Type::Org)));
        if org_before {
            let mut s = a - 1;
            while s > 0 && labels.get(s) == Some(&Label::I(Type::Org)) {
                s -= 1;
            }
            relabel(tags, s, a + 1, Type::Org, None);
            relabel(tags, a + 1, b, Type::Per, None);
        } else if after_de {
            let ty = known_name(&[first]).unwrap_or(Type::Loc);
            relabel(tags, a, a + 1, ty, None);
            relabel(tags, a + 1, b, Type::Per, None);
        }
    }
}

/// "la Commission européenne de Bruxelles", "l'université Paris-8 de
/// Saint-Denis": an organisation's name that runs on over "de" and a place
/// (known, or tagged as a place alone in the document), when its words
/// before "de" (two or more) are a known organisation or are tagged as an
/// organisation alone elsewhere in the document, ends before "de"; the
/// place is a place of its own ("Université de Nantes", whose head alone
/// is no name, stays whole).
fn split_places_off_organisations(doc: &mut DocTags<'_>) {
    let mut orgs: HashSet<String> = HashSet::new();
    let mut places: HashSet<String> = HashSet::new();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            if ty == Type::Org && b >= a + 2 {
                orgs.insert(key(span));
            } else if ty == Type::Loc {
                places.insert(key(span));
            }
        }
    }
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty != Type::Org || b < a + 4 {
                continue;
            }
            let Some(k) = (a + 2..b - 1).rev().find(|&k| toks.get(k).is_some_and(|t| matches!(*t, "de" | "d'" | "d’"))) else { continue };
            let (Some(head), Some(place)) = (toks.get(a..k), toks.get(k + 1..b)) else { continue };
            let is_place = known_name(place) == Some(Type::Loc) || places.contains(&key(place));
            if !place.first().is_some_and(|t| is_cap(t)) || !is_place || known_name(toks.get(a..b).unwrap_or(&[])).is_some() {
                continue;
            }
            if known_name(head) == Some(Type::Org) || orgs.contains(&key(head)) {
                relabel(tags, a, k, Type::Org, None);
                if let Some(t) = tags.get_mut(k) {
                    t.0 = Label::O;
                }
                relabel(tags, k + 1, b, Type::Loc, None);
            }
        }
    }
}

/// "la lauréate Aung San Suu Kyi" tagged as the place "Aung San" and the
/// person "Suu Kyi": a place tagged right before a person's name, no word
/// between, that is no known place (gazetteer) opens the person's name.
fn unknown_places_opening_persons(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let spans = entities(&labels);
    for w in spans.windows(2) {
        let (Some(&(a, b, t1)), Some(&(c, d, t2))) = (w.first(), w.get(1)) else { continue };
        if t1 != Type::Loc || t2 != Type::Per || b != c {
            continue;
        }
        let words = toks.get(a..b).unwrap_or(&[]);
        if words.iter().all(|t| is_cap(t)) && known_name(words).is_none() && words.iter().all(|t| known_name(&[*t]).is_none()) {
            relabel(tags, a, d, Type::Per, None);
        }
    }
}

/// Persons named by an initial and a surname in the document ("V.
/// Sapounov"): (initial, surname).
fn initialled_surnames<'a>(doc: &DocTags<'a>) -> HashSet<(char, &'a str)> {
    let mut out = HashSet::new();
    for toks in &doc.sentences {
        for w in toks.windows(2) {
            let (Some(&i), Some(&s)) = (w.first(), w.get(1)) else { continue };
            let mut cs = i.chars();
            if let (Some(c), Some('.'), None) = (cs.next(), cs.next(), cs.next()) {
                if c.is_uppercase() && is_cap(s) && s.chars().count() > 2 {
                    out.insert((c, s));
                }
            }
        }
    }
    out
}

/// Capitalised common nouns that name one institution alone ("l'État",
/// `data/lang/fr/ner-institutions-alone.txt`).
fn institutions_alone() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-institutions-alone.txt")
}

/// A lone capitalised word usually written in lower case (in the lexicon,
/// or in lower case elsewhere in the same document: `lower_here`) ("la
/// Constitution", "le Code", "la Ville", "le Stade") tagged as an
/// organisation or a place names none in French edited news: it is dropped,
/// unless it is a known name (gazetteer, also after an article: "du Monde"
/// of "Le Monde") or an institution head that names its institution alone
/// ("le Conseil", "la Commission", `ner-institutions.txt`; "l'État",
/// `ner-institutions-alone.txt`), or follows a company or medium noun ("la
/// chaîne Histoire"). Acronyms and words of fewer than four letters stay.
fn drop_lone_common_words(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon, lower_here: &HashSet<&str>) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if b != a + 1 || !matches!(ty, Type::Org | Type::Loc) {
            continue;
        }
        let Some(&w) = toks.get(a) else { continue };
        let lw = w.to_lowercase();
        let titled = is_cap(w) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-') && w.chars().count() >= 4;
        if !titled || !(lexicon.contains(&lw) || lower_here.contains(lw.as_str())) || institution_heads().contains(&lw) || institutions_alone().contains(lw.as_str()) || known_name(&[w]).is_some() {
            continue;
        }
        if ["Le", "La", "Les", "L'"].iter().any(|art| known_name(&[*art, w]).is_some()) {
            continue;
        }
        // "la chaîne Histoire", "le magazine Challenges": a company or
        // medium noun right before makes it a name.
        let after_cue = a > 0
            && toks.get(a - 1).is_some_and(|p| company_cues("fr").is_some_and(|c| c.contains_key(p.to_lowercase().as_str())));
        // "Brut, le média social": an apposed organisation head too.
        if after_cue || apposed_organisation(toks, a + 1) {
            continue;
        }
        if let Some(t) = tags.get_mut(a) {
            t.0 = Label::O;
        }
    }
}

/// "le Parti communiste chinois" tagged "Parti communiste": an
/// organisation's name of two words or more runs on over a lower-case
/// adjective of nationality right after it.
fn nationality_ends_organisations(toks: &[&str], tags: &mut [(Label, f32)]) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Org || b < a + 2 || labels.get(b) != Some(&Label::O) {
            continue;
        }
        let adjective = toks.get(b).is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase) && res.is_demonym(&crate::resources::fold_word(t)));
        // An English name closed by its head ("… Facilities Council
        // britannique") takes no French adjective.
        let english_head = toks.get(b - 1).is_some_and(|t| is_cap(t) && res.cue("en", &lower(t)) == cue::ORGHEAD);
        if adjective && !english_head {
            relabel(tags, a, b + 1, Type::Org, None);
        }
    }
}

/// "à 0,04 UA de son étoile", "20 kWh": a short word in capitals right
/// after a number is a unit, no name.
fn drop_units_after_numbers(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, _) in entities(&labels) {
        if b != a + 1 || a == 0 {
            continue;
        }
        let number = toks.get(a - 1).is_some_and(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.')));
        let unit = toks.get(a).is_some_and(|t| (2..=3).contains(&t.chars().count()) && t.chars().any(char::is_uppercase) && t.chars().all(char::is_alphabetic));
        if number && unit {
            if let Some(t) = tags.get_mut(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// "aller dans le Sud", "un pays du Sud", "à l'Ouest": a compass word alone
/// after an article is a direction or a vague zone, no named place ("Nord"
/// is left alone: it is also a French département).
fn drop_lone_directions(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if b != a + 1 || !matches!(ty, Type::Loc | Type::Org) || a == 0 {
            continue;
        }
        let direction = toks.get(a).is_some_and(|t| matches!(*t, "Sud" | "Ouest" | "Est"));
        let article = ty == Type::Loc && toks.get(a - 1).is_some_and(|t| matches!(*t, "le" | "du" | "au" | "l'" | "l’" | "de"));
        // "l'échangeur Sud", "le pilier Sud": the side of a thing named
        // by the common noun before it.
        let side = toks.get(a - 1).is_some_and(|t| t.chars().count() >= 4 && t.chars().all(char::is_lowercase))
            && !toks.get(a - 1).is_some_and(|p| Resources::get().cue("fr", p) == cue::ORGHEAD || company_cues("fr").is_some_and(|c| c.contains_key(*p)));
        if direction && (article || side) {
            if let Some(t) = tags.get_mut(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// A person's name tagged with the organisation or place before it
/// ("fondateur de WikiLeaks Julian Assange"): when the first word is, in
/// this document, the one-word name of an organisation or a place
/// (`others`) and at least two capitalised words follow, it is split off
/// with its own type.
fn split_leading_name(toks: &[&str], tags: &mut [(Label, f32)], others: &HashMap<&str, Type>) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || b < a + 3 {
            continue;
        }
        let Some(&other) = toks.get(a).and_then(|t| others.get(t)) else { continue };
        if (a + 1..b).all(|k| toks.get(k).is_some_and(|t| is_cap(t))) {
            relabel(tags, a, a + 1, other, None);
            relabel(tags, a + 1, b, Type::Per, None);
        }
    }
}

/// A person's name does not hold an organisation head: a name of two
/// words or more tagged as a person with a capitalised head of either
/// language inside it ("Sorbonne Université", "Radio Nova"), or in French
/// opened by an institution head ("Fondation Wikimedia"), is an
/// organisation.
fn organisation_heads_in_persons(toks: &[&str], tags: &mut [(Label, f32)], lang: &str) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || b < a + 2 {
            continue;
        }
        let span = toks.get(a..b).unwrap_or(&[]);
        let head = span.iter().any(|t| {
            let l = t.to_lowercase();
            is_cap(t) && [lang, "en", "fr"].iter().any(|g| res.cue(g, &l) == cue::ORGHEAD)
        });
        // In French, an institution head opening the name ("Fondation
        // Wikimedia", `ner-institutions.txt`).
        let head = head || (lang == "fr" && span.first().is_some_and(|t| is_cap(t) && institution_heads().contains(lower(t).as_ref())));
        if head && !span.first().is_some_and(|f| first_names().contains(f)) {
            relabel(tags, a, b, Type::Org, None);
        }
    }
}

/// Names built the English way, the organisation head last ("Sterling &
/// Francine Clark Art Institute", "Clark Institute", "Harvard University",
/// "Massachusetts Institute of Technology"; heads are the English ORGHEAD
/// cue words; a head may also open the name before "of", "Journal of
/// Public Economics", and "of the" may join its words), are organisations as a whole, in English text and in the
/// French text that quotes them: a run of capitalised words (joined by
/// "&", "and", "of", "for") that ends in such a head, or continues after
/// it with "of …", is re-tagged as one organisation.
fn head_last_organisations(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let res = Resources::get();
    let label = |k: usize, tags: &[(Label, f32)]| tags.get(k).map_or(Label::O, |t| t.0);
    let mut i = 0;
    while i < toks.len() {
        let first = toks.get(i).copied().unwrap_or("");
        let starts = is_cap(first) && (i > 0 || !lexicon.contains(&first.to_lowercase())) && !matches!(label(i, tags), Label::I(_));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // A head that opens the name before "of" ("Journal of Public
        // Economics", "University of Chicago").
        let mut head_end = (toks.get(i + 1) == Some(&"of") && res.cue("en", &first.to_lowercase()) == cue::ORGHEAD).then_some(i + 1);
        while j < toks.len() && j < i + 10 {
            let w = toks.get(j).copied().unwrap_or("");
            if is_cap(w) {
                if res.cue("en", &w.to_lowercase()) == cue::ORGHEAD {
                    head_end = Some(j + 1);
                }
                j += 1;
            } else if matches!(w, "&" | "and" | "of" | "for")
                && (toks.get(j + 1).is_some_and(|t| is_cap(t)) || (w == "of" && toks.get(j + 1) == Some(&"the") && toks.get(j + 2).is_some_and(|t| is_cap(t))))
            {
                j += 1;
            } else if w == "the" && toks.get(j.wrapping_sub(1)) == Some(&"of") && toks.get(j + 1).is_some_and(|t| is_cap(t)) {
                // "European Journal of the History of Economic Thought".
                j += 1;
            } else {
                break;
            }
        }
        let end = match head_end {
            Some(h) if toks.get(h) == Some(&"of") => Some(j),
            h => h,
        };
        match end {
            Some(end) if !matches!(label(end, tags), Label::I(_)) => {
                relabel(tags, i, end, Type::Org, None);
                i = end;
            }
            _ => i = j,
        }
    }
}

/// Capitalised words that name no entity (`data/lang/<iso>/ner-not-names.txt`).
fn not_names(lang: &str) -> &'static HashSet<&'static str> {
    static FR: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    static NONE: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let read = |file: &'static str| dossier_text::data_lines(file).collect();
    match lang {
        "fr" => FR.get_or_init(|| read(include_str!("../../../data/lang/fr/ner-not-names.txt"))),
        "en" => EN.get_or_init(|| read(include_str!("../../../data/lang/en/ner-not-names.txt"))),
        _ => NONE.get_or_init(HashSet::new),
    }
}

/// A one-word mention that is a capitalised common term ("Internet",
/// "SMIC", "UTC", "Covid-19") is dropped.
fn drop_not_names(toks: &[&str], tags: &mut [(Label, f32)], lang: &str) {
    let words = not_names(lang);
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, _) in entities(&labels) {
        if b == a + 1 && toks.get(a).is_some_and(|t| words.contains(t.to_lowercase().as_str())) {
            if let Some(t) = tags.get_mut(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// A name does not end with a preposition or an article: "Agence des"
/// (of "Agence des participations de l'État") loses its "des", so that
/// the name can be run on from its last word.
/// A Roman ordinal as French writes centuries ("Xe", "XIXe", "Ier").
fn roman_ordinal(t: &str) -> bool {
    let digits = t.trim_end_matches(['e', 'r', 'è', 'm']);
    t.len() > digits.len() && !digits.is_empty() && digits.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

fn trim_trailing_function_words(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, _) in entities(&labels) {
        let mut e = b;
        // A century after the name ("la Toscane du Xe siècle").
        if e >= a + 3 && toks.get(e - 1).is_some_and(|t| roman_ordinal(t)) && toks.get(e - 2).is_some_and(|t| matches!(*t, "du" | "de" | "des")) {
            e -= 1;
        }
        while e > a + 1
            && toks.get(e - 1).is_some_and(|t| {
                matches!(t.to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "d’" | "la" | "le" | "les" | "l'" | "l’" | "et" | "of" | "the" | "and")
                    || (*t != "." && !t.chars().any(char::is_alphanumeric))
            })
        {
            e -= 1;
        }
        for t in tags.iter_mut().take(b).skip(e) {
            t.0 = Label::O;
        }
        // Nor does it open with a punctuation mark ("« Libération").
        let mut s = a;
        while s + 1 < e && toks.get(s).is_some_and(|t| !t.chars().any(char::is_alphanumeric)) {
            s += 1;
        }
        if s > a {
            for t in tags.iter_mut().take(s).skip(a) {
                t.0 = Label::O;
            }
            let ty = match tags.get(s).map(|t| t.0) {
                Some(Label::I(ty) | Label::B(ty)) => Some(ty),
                _ => None,
            };
            if let Some(ty) = ty {
                relabel(tags, s, e, ty, None);
            }
        }
    }
}

/// French names do not open with a lower-case common word: "l'entreprise
/// américaine Hewlett-Packard", "la chaîne Histoire", "le partenariat du
/// Monde" name "Hewlett-Packard", "Histoire", "Monde". Lower-case words of
/// at least four letters usually written in lower case (or adjectives of
/// nationality), and "du"/"des" before an organisation or a place, are
/// dropped from the start of a name when a capitalised word follows. Heads
/// that open a name by convention ("université de Nantes", "îles X",
/// `ner-institutions*.txt`, `ner-place-heads.txt`) and name particles stay.
fn trim_leading_lower_words(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc {
            continue;
        }
        let mut s = a;
        while s + 1 < b {
            let Some(&w) = toks.get(s) else { break };
            let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()) && not_names("fr").contains(w.to_lowercase().as_str());
            if acronym && toks.get(s + 1).is_some_and(|t| is_cap(t) || matches!(*t, "de" | "d'" | "d’")) {
                s += 1;
                continue;
            }
            if !w.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            let lw = w.to_lowercase();
            let function = (matches!(lw.as_str(), "du" | "des") && ty != Type::Per)
                || (s > a && matches!(lw.as_str(), "de" | "d'" | "d’") && toks.get(s - 1).is_some_and(|p| not_names("fr").contains(p.to_lowercase().as_str())));
            let common = w.chars().count() >= 4
                && w.chars().all(char::is_alphabetic)
                && (lexicon.contains(&lw) || res.is_demonym(&crate::resources::fold_word(w)))
                && !institution_heads().contains(&lw)
                && !lower_institution_heads().contains(lw.as_str())
                && !place_heads().contains(lw.as_str());
            if !(function || common) || !toks.get(s + 1).is_some_and(|t| is_cap(t)) {
                break;
            }
            s += 1;
        }
        // "le Groupe France Télécom": a capitalised company head before a
        // known organisation's name of two words or more is no part of it.
        if s == a
            && b >= a + 3
            && ty == Type::Org
            && toks.get(a).is_some_and(|w| is_cap(w) && COMPANY_HEADS.contains(&lower(w).as_ref()))
            && toks.get(a + 1..b).is_some_and(|r| known_name(r) == Some(Type::Org))
            && known_name(toks.get(a..b).unwrap_or(&[])).is_none()
        {
            s = a + 1;
        }
        let mut ty = ty;
        // "la Polonaise Agnieszka Radwanska": a capitalised nationality
        // noun before a first name and a surname.
        let determiner = a > 0 && toks.get(a - 1).is_some_and(|w| matches!(w.to_lowercase().as_str(), "le" | "la" | "l'" | "l’"));
        if s == a
            && b >= a + 3
            && toks.get(a).is_some_and(|w| is_cap(w) && res.is_demonym(&crate::resources::fold_word(w)) && known_name(&[w]).is_none())
            && (determiner || toks.get(a + 1).is_some_and(|w| first_names().contains(*w)))
            && toks.get(a + 1..b).is_some_and(|r| r.iter().all(|w| is_cap(w)))
        {
            s = a + 1;
            ty = Type::Per;
        }
        // "le gouvernement Papadimos": a government named after its head.
        if s > a
            && toks.get(s - 1).is_some_and(|w| w.to_lowercase() == "gouvernement")
            && b - s <= 2
            && toks.get(s..b).is_some_and(|r| r.iter().all(|w| is_cap(w)) && known_name(r).is_none())
        {
            ty = Type::Per;
        }
        if s > a {
            for t in tags.iter_mut().take(s).skip(a) {
                t.0 = Label::O;
            }
            relabel(tags, s, b, ty, None);
        }
    }
}

/// Two names joined by "et de" ("de la chaîne Histoire et de Ouest
/// France") are two names, unless the first opens with an institution head
/// ("ministère de la Culture et de la Communication").
fn split_coordinated_names(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc || b < a + 4 {
            continue;
        }
        let head = toks.get(a).map(|w| w.to_lowercase()).unwrap_or_default();
        if institution_heads().contains(&head) || lower_institution_heads().contains(head.as_str()) {
            continue;
        }
        let Some(k) = (a + 1..b - 2).find(|&k| {
            toks.get(k).is_some_and(|w| *w == "et")
                && toks.get(k + 1).is_some_and(|w| is_de(w))
                && toks.get(k + 2).is_some_and(|w| is_cap(w))
        }) else {
            continue;
        };
        for t in tags.iter_mut().take(k + 2).skip(k) {
            t.0 = Label::O;
        }
        relabel(tags, a, k, ty, None);
        relabel(tags, k + 2, b, ty, None);
    }
}

/// "l'Impact de Montréal", "la Bourse de Paris": an untagged capitalised
/// word inside a sentence, after an article, followed by "de" and a known
/// city or country tagged as a place, is one organisation with it (clubs,
/// exchanges, companies named after their town); compass words, event
/// heads and geographic heads are left alone ("le Nord de la France").
fn word_of_place_organisations(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let events = event_cues("fr");
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Loc || a < 3 {
            continue;
        }
        let (Some(&art), Some(&w), Some(&de)) = (toks.get(a - 3), toks.get(a - 2), toks.get(a - 1)) else { continue };
        let lw = w.to_lowercase();
        if de != "de"
            || !matches!(art.to_lowercase().as_str(), "le" | "la" | "l'" | "l’")
            || !is_cap(w)
            || w.chars().count() < 3
            || labels.get(a - 2) != Some(&Label::O)
            || COMPASS_WORDS.contains(&crate::resources::fold_word(w).as_str())
            || place_heads().contains(lw.as_str())
            || events.is_some_and(|(heads, _)| heads.iter().any(|h| h.first().is_some_and(|f| f.to_lowercase() == lw)))
            || known_name(toks.get(a..b).unwrap_or(&[])).is_none()
        {
            continue;
        }
        relabel(tags, a - 2, b, Type::Org, None);
    }
}

/// A minister's portfolio is part of a role, not a name: "le ministre de
/// la Santé", "la ministre des Affaires étrangères", "ministre délégué à
/// l'Industrie" (the ministry itself, "le ministère de la Santé", stays an
/// organisation).
fn drop_portfolios(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let lower = |k: usize| toks.get(k).map(|t| t.to_lowercase()).unwrap_or_default();
    for (a, b, _) in entities(&labels) {
        let mut k = a;
        // The article or contraction, then the preposition.
        if matches!(lower(k.wrapping_sub(1)).as_str(), "la" | "l'" | "l’") {
            k -= 1;
        }
        if !matches!(lower(k.wrapping_sub(1)).as_str(), "de" | "du" | "des" | "d'" | "d’" | "aux" | "au" | "à") {
            continue;
        }
        k -= 1;
        if matches!(lower(k.wrapping_sub(1)).as_str(), "délégué" | "déléguée" | "chargé" | "chargée") {
            k -= 1;
        }
        if matches!(lower(k.wrapping_sub(1)).as_str(), "ministre" | "ministres" | "vice-ministre" | "portefeuille") {
            for t in tags.iter_mut().take(b).skip(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// A name followed by an apposition opened by a title ("Barroso, le
/// président de la Commission") is a person, unless the gazetteers know it,
/// a word of it heads organisation names ("Radio Sawa, le chef du Conseil
/// …"), or a place preposition comes before it ("À Bouaké, le maire …").
fn apposed_titles_make_persons(toks: &[&str], tags: &mut [(Label, f32)], lang: &str) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Per || ty == Type::Misc || toks.get(b) != Some(&",") {
            continue;
        }
        let det = toks.get(b + 1).map(|t| t.to_lowercase()).unwrap_or_default();
        let title_at = if matches!(det.as_str(), "le" | "la" | "l'" | "l’" | "the") { b + 2 } else { b + 1 };
        let titled = toks.get(title_at).is_some_and(|t| res.cue(lang, &t.to_lowercase()) == cue::TITLE && t.chars().count() > 3);
        let name_like = toks.get(a..b).is_some_and(|s| s.iter().all(|t| is_cap(t) && res.cue(lang, &t.to_lowercase()) != cue::ORGHEAD));
        let placed = a > 0 && toks.get(a - 1).is_some_and(|t| matches!(res.cue(lang, &t.to_lowercase()), cue::LOCPREP | cue::ORGHEAD));
        let name_like = name_like && !placed;
        if titled && name_like && known_name(toks.get(a..b).unwrap_or(&[])).is_none() {
            relabel(tags, a, b, Type::Per, None);
        }
    }
}

/// Particles inside people's names, written apart ("María Dolores de
/// Cospedal", "Ludwig van Beethoven", "Oussama ben Laden"): the list the
/// extractor and the linker read too.
fn name_particles() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/mul/name-particles.txt")
}

/// Particles glued to the next name word by a hyphen ("Rami Abd al-Rahman").
const GLUED_PARTICLES: &[&str] = &["al-", "el-", "ad-", "ed-", "as-", "ash-", "az-", "ar-", "an-", "at-", "ben-", "bin-", "ibn-", "abu-", "bou-"];

/// A word that can only be part of a name here: capitalised, with lower
/// case after its first letter, not a word usually written in lower case,
/// and no place or organisation of the gazetteers.
fn unknown_name_word(t: &str, lexicon: &Lexicon) -> bool {
    is_cap(t)
        && t.chars().skip(1).any(char::is_lowercase)
        && !lexicon.contains(&t.to_lowercase())
        && Resources::get().name_classes(hash_tokens(std::iter::once(crate::resources::fold_word(t).as_str()))) == 0
}

/// A person's name runs on where the model stops early: over a particle
/// and the name after it ("María Dolores" + "de" + "Cospedal"), over a
/// hyphen-glued Arabic particle ("Rami Abd" + "al-Rahman"), and over one
/// more unknown capitalised word after a name of two words or more
/// (the second surname of "Leopoldo González Echenique").
fn join_name_particles(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let pers: Vec<(usize, usize)> = entities(&labels).into_iter().filter(|e| e.2 == Type::Per).map(|e| (e.0, e.1)).collect();
    let free = |k: usize, tags: &[(Label, f32)]| tags.get(k).is_some_and(|t| t.0 == Label::O);
    let mut done = 0;
    for (a, b) in pers {
        if a < done {
            continue;
        }
        let mut end = b;
        let mut took_plain = false;
        while let Some(&next) = toks.get(end) {
            let glued = GLUED_PARTICLES.iter().any(|p| {
                next.strip_prefix(p).is_some_and(|rest| is_cap(rest) && rest.chars().skip(1).any(char::is_lowercase))
            });
            if glued && free(end, tags) {
                end += 1;
                continue;
            }
            if name_particles().contains(next) && free(end, tags) {
                let k = end + 1;
                let Some(&name) = toks.get(k) else { break };
                match tags.get(k).map(|t| t.0) {
                    Some(Label::B(Type::Per)) => {
                        let mut e = k + 1;
                        while matches!(tags.get(e).map(|t| t.0), Some(Label::I(Type::Per))) {
                            e += 1;
                        }
                        end = e;
                        continue;
                    }
                    Some(Label::O) if unknown_name_word(name, lexicon) => {
                        end = k + 1;
                        continue;
                    }
                    // After a known first name alone, a surname that is
                    // also a common word ("Bertrand de Broc").
                    Some(Label::O)
                        if end == a + 1
                            && toks.get(a).is_some_and(|f| first_names().contains(f))
                            && name.chars().count() >= 3
                            && unknown_name_word(name, &Lexicon::default()) =>
                    {
                        end = k + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            if !took_plain && end - a >= 2 && free(end, tags) && unknown_name_word(next, lexicon) {
                took_plain = true;
                end += 1;
                continue;
            }
            break;
        }
        if end > b {
            relabel(tags, a, end, Type::Per, None);
        }
        done = end;
    }
}

/// French nouns of works whose "de" + names are their authors
/// (`data/lang/fr/ner-author-nouns.txt`).
fn author_nouns() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-author-nouns.txt")
}

/// The authors of works are people: the names enumerated after a noun of
/// works and "de" ("des œuvres de Bonnard, Corot, Degas et Monet", "les
/// romans de X et Y") are persons, unless the gazetteers know one as
/// another kind of name. This also settles a tie between the types of the
/// list's items, which [`harmonise_lists`] leaves alone. A work tagged
/// with its author ("Requiem de Verdi", "2ème Symphonie de Mahler") is cut
/// down to the author, and the items may repeat "de" ("de Verdi ou de
/// Brahms").
fn author_lists(toks: &[&str], tags: &mut [(Label, f32)]) {
    let nouns = author_nouns();
    // The work inside a tagged name: only its author is a name.
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc || b < a + 3 {
            continue;
        }
        let Some(k) = (a..b - 2).find(|&k| {
            toks.get(k).is_some_and(|t| nouns.contains(t.to_lowercase().as_str()))
                && toks.get(k + 1).is_some_and(|t| matches!(*t, "de" | "d'" | "d’"))
                && toks.get(k + 2).is_some_and(|t| is_cap(t))
        }) else {
            continue;
        };
        for t in tags.iter_mut().take(k + 2).skip(a) {
            t.0 = Label::O;
        }
        relabel(tags, k + 2, b, ty, None);
    }
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let ents: Vec<(usize, usize, Type)> = entities(&labels).into_iter().filter(|e| e.2 != Type::Misc).collect();
    let separator = |a: usize, b: usize| {
        let between = toks.get(a..b).unwrap_or(&[]);
        let joined = |t: &&str| matches!(t.to_lowercase().as_str(), "," | "et" | "ou");
        let de = |t: &&str| matches!(*t, "de" | "d'" | "d’");
        match between {
            [x, y] => joined(x) && (joined(y) || de(y)),
            [x] => joined(x),
            [x, y, z] => joined(x) && joined(y) && de(z),
            _ => false,
        }
    };
    let mut i = 0;
    while i < ents.len() {
        let mut j = i + 1;
        while j < ents.len() && separator(ents[j - 1].1, ents[j].0) {
            j += 1;
        }
        let a = ents[i].0;
        let cued = a >= 2
            && toks.get(a - 1).is_some_and(|t| matches!(t.to_lowercase().as_str(), "de" | "d'" | "d’"))
            && toks.get(a - 2).is_some_and(|t| nouns.contains(t.to_lowercase().as_str()));
        if cued {
            for &(a, b, ty) in &ents[i..j] {
                let known = known_name(toks.get(a..b).unwrap_or(&[]));
                if ty != Type::Per && known.is_none() {
                    relabel(tags, a, b, Type::Per, None);
                }
            }
        }
        i = j;
    }
}

/// French lower-case heads of geographic names
/// (`data/lang/fr/ner-place-heads.txt`).
/// "le Conseil de sécurité de l'ONU d'adopter …": after a capitalised
/// complement ("de l'ONU"), a further "de" and lower-case words only are
/// no part of an organisation's or place's name; they are cut. A
/// lower-case tail after a lower-case complement stays ("Conseil
/// supérieur de l'audiovisuel").
fn trim_lower_tails_after_complements(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if !matches!(ty, Type::Org | Type::Loc) {
            continue;
        }
        let Some(c) = (a + 1..b).rev().find(|&k| toks.get(k).is_some_and(|t| is_cap(t))) else { continue };
        let complement = toks.get(c - 1).is_some_and(|p| is_de(p) || matches!(*p, "la" | "le" | "les" | "l'" | "l’"));
        let tail = toks.get(c + 1..b).unwrap_or(&[]);
        let lower_tail = tail.len() >= 2
            && tail.first().is_some_and(|t| is_de(t))
            && tail.iter().all(|t| t.chars().next().is_some_and(char::is_lowercase));
        if complement && lower_tail {
            for t in tags.iter_mut().take(b).skip(c + 1) {
                t.0 = Label::O;
            }
        }
    }
}

/// English heads of geographic names (`data/lang/en/ner-place-heads.txt`).
fn english_place_heads() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/en/ner-place-heads.txt")
}

/// "Cape Canaveral", "Lac Léman", "Mont Ventoux" tagged as a person: a name
/// of several words opened by a capitalised geographic head (French heads
/// of `ner-place-heads.txt`, English ones of the English list) is a place,
/// unless the whole is a known name.
fn place_headed_persons(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || b < a + 2 {
            continue;
        }
        let Some(&first) = toks.get(a) else { continue };
        let lw = first.to_lowercase();
        let head = is_cap(first) && (place_heads().contains(lw.as_str()) || english_place_heads().contains(lw.as_str()));
        let named = toks.get(a + 1..b).is_some_and(|s| s.iter().any(|t| is_cap(t)));
        if head && named && known_name(toks.get(a..b).unwrap_or(&[])).is_none() {
            relabel(tags, a, b, Type::Loc, None);
        }
    }
}

/// Plural geographic heads that name a group as a whole across "de".
/// Heads of buildings whose "de X" names the town they stand in ("la
/// mosquée de Beaucaire": Beaucaire is the place), not the building.
const TOWN_BUILDING_HEADS: &[&str] = &["mosquée", "cathédrale", "basilique", "église", "synagogue"];

const GROUP_PLACE_HEADS: &[&str] = &["îles", "monts"];

fn place_heads() -> &'static FxHashSet<&'static str> {
    static HEADS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        let places = dossier_text::data_lines(include_str!("../../../data/lang/fr/ner-place-heads.txt"));
        places.chain(street_heads().iter().copied()).collect()
    })
}

/// Heads of street, station, airport and stadium names
/// (`data/lang/fr/ner-street-heads.txt`): also place heads, and a person's
/// name after one names the place ("la rue Victor Hugo").
fn street_heads() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-street-heads.txt")
}

/// A name right after a lower-case geographic head, or after the head and
/// "de" ("les îles Sanguinaires", "le mont Maudit", "l'île de Batz", "la
/// plage du Truquet", "le sentier de la Corniche"), is a place, the head
/// included.
fn lower_case_places(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let heads = place_heads();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        let head_at = |h: usize| toks.get(h).is_some_and(|t| heads.contains(t));
        let link = |k: usize| toks.get(k).is_some_and(|t| is_de(t));
        let article = |k: usize| toks.get(k).is_some_and(|t| matches!(*t, "la" | "l'" | "l’"));
        // "l'île Maurice", "l'île de Batz", "le sentier de la Corniche".
        // Across "de", the head is singular and the name is not a known
        // place or a town's compound name ("les plages de Lacanau", "la
        // plage de Vendays-Montalivet": the beaches of a town).
        // Islands and mountains are named as a group ("les îles d'Hyères",
        // "les monts d'Arrée"); a town's name is hyphenated, seldom one
        // that takes an article ("le massif du Mont-Blanc").
        let span = toks.get(a..b).unwrap_or(&[]);
        let linkable = |h: usize| {
            toks.get(h).is_some_and(|t| (!t.ends_with('s') || GROUP_PLACE_HEADS.contains(t)) && !TOWN_BUILDING_HEADS.contains(t))
                && known_name(span).is_none()
                && (!span.iter().any(|t| t.contains('-')) || toks.get(h + 1).is_some_and(|l| matches!(*l, "du" | "des")) || article(h + 2))
        };
        // "l'océan Pacifique" tagged whole, head included: a place.
        let opened = ty != Type::Misc
            && b >= a + 2
            && toks.get(a).is_some_and(|t| heads.contains(t))
            && toks.get(a + 1).is_some_and(|t| is_cap(t) && (!first_names().contains(t) || toks.get(a).is_some_and(|h| street_heads().contains(h))))
            && known_name(span).is_none();
        if opened {
            relabel(tags, a, b, Type::Loc, None);
            continue;
        }
        let head = a
            .checked_sub(1)
            .filter(|&h| head_at(h))
            .or_else(|| a.checked_sub(2).filter(|&h| head_at(h) && link(h + 1) && linkable(h)))
            .or_else(|| a.checked_sub(3).filter(|&h| head_at(h) && toks.get(h + 1) == Some(&"de") && article(h + 2) && linkable(h)));
        // A person's name after a head that is also a verb ("pointe
        // Philippe de Gonneville") stays a person.
        let person = ty == Type::Per
            && b >= a + 2
            && span.first().is_some_and(|f| first_names().contains(f))
            && !head.and_then(|h| toks.get(h)).is_some_and(|t| street_heads().contains(t));
        if let (Some(h), false) = (head, person) {
            if ty != Type::Misc {
                relabel(tags, h, b, Type::Loc, None);
            }
        }
    }
    // A head and a capitalised word the model left untagged ("Îles
    // Baléares", "le lac Titicaca").
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for h in 0..toks.len() {
        let Some(&w) = toks.get(h) else { continue };
        let Some(&next) = toks.get(h + 1) else { continue };
        if heads.contains(lower(w).as_ref())
            && labels.get(h) == Some(&Label::O)
            && labels.get(h + 1) == Some(&Label::O)
            && is_cap(next)
            && !first_names().contains(next)
            && next.chars().count() >= 3
            && next.chars().skip(1).all(char::is_lowercase)
            && !lexicon.contains(&next.to_lowercase())
        {
            relabel(tags, h, h + 2, Type::Loc, Some(0.6));
        }
    }
}

/// Items of one enumeration share a type: in a run of three names or more
/// separated only by commas and "et"/"ou" ("Milan, Giverny, Barcelone et
/// Londres"), the type of the items whose kind is sure (known to the
/// gazetteers, or shaped like a French town's name), when they agree, else
/// the type held by the most items (two at least, more than any other
/// type), is given to the others, unless the gazetteers know an item as
/// another kind of name.
fn harmonise_lists(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let ents = entities(&labels);
    let separator = |a: usize, b: usize| {
        let between = toks.get(a..b).unwrap_or(&[]);
        let plain = !between.is_empty() && between.len() <= 2 && between.iter().all(|t| matches!(t.to_lowercase().as_str(), "," | "et" | "ou" | "and" | "or"));
        // Each item repeats its preposition: "du Monde, de Télérama, d'X et de Y".
        let repeated = between.len() >= 2
            && between.len() <= 4
            && between.first().is_some_and(|t| matches!(*t, "," | "et"))
            && between.iter().skip(1).all(|t| matches!(*t, "et" | "de" | "du" | "des" | "d'" | "d’" | "la" | "le" | "les" | "l'" | "l’" | "à" | "au" | "aux"))
            && between.iter().any(|t| matches!(*t, "de" | "du" | "des" | "d'" | "d’" | "à" | "au" | "aux"));
        plain || repeated
    };
    let mut i = 0;
    while i < ents.len() {
        let mut j = i + 1;
        while j < ents.len() && separator(ents[j - 1].1, ents[j].0) {
            j += 1;
        }
        let group = &ents[i..j];
        if group.len() >= 3 {
            let count = |ty: Type| group.iter().filter(|e| e.2 == ty).count();
            let kinds = [Type::Per, Type::Loc, Type::Org];
            // Items whose kind is sure: known to the gazetteers, or shaped
            // like a French town's name ("Monthureux-sur-Saône").
            let sure: Vec<Type> = group
                .iter()
                .filter_map(|&(a, b, _)| {
                    let span = toks.get(a..b).unwrap_or(&[]);
                    known_name(span).or_else(|| (span.len() == 1 && span.first().is_some_and(|t| commune_like(t))).then_some(Type::Loc))
                })
                .filter(|t| kinds.contains(t))
                .collect();
            let anchored = sure.first().copied().filter(|f| sure.iter().all(|t| t == f));
            let top = anchored.unwrap_or_else(|| kinds.into_iter().max_by_key(|t| count(*t)).unwrap_or(Type::Per));
            if anchored.is_some() || (count(top) >= 2 && kinds.iter().all(|t| *t == top || count(*t) < count(top))) {
                for &(a, b, ty) in group {
                    let known = known_name(toks.get(a..b).unwrap_or(&[]));
                    if ty != top && ty != Type::Misc && known.is_none_or(|k| k == top) {
                        relabel(tags, a, b, top, None);
                    }
                }
            }
        }
        i = j;
    }
}

/// A demonym alone ("les Bulgares", "le Camerounais") names no entity; a
/// word that is also a country ("Suisse", "Argentine") is kept.
fn drop_demonyms(toks: &[&str], tags: &mut [(Label, f32)]) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        let Some(&word) = toks.get(a) else { continue };
        // A town's demonym that names a medium or a club after an article
        // ("Le Parisien") stays.
        let town = town_demonym(word) && !["Le", "La", "Les", "L'"].iter().any(|art| known_name(&[*art, word]).is_some());
        let demonym = res.is_demonym(&crate::resources::fold_word(word)) || town;
        if b != a + 1 || ty == Type::Misc || !demonym || known_name(&[word]).is_some() {
            continue;
        }
        if let Some(t) = tags.get_mut(a) {
            t.0 = Label::O;
        }
    }
}

/// A French demonym of a known town or region, made from its name with a
/// suffix ("Lyonnais" of Lyon, "Lorientais", "Marseillaise",
/// "Parisiens"): the gazetteers list countries' demonyms only.
fn town_demonym(word: &str) -> bool {
    if !is_cap(word) || word.contains('-') {
        return false;
    }
    const SUFFIXES: &[&str] = &["aise", "ais", "oise", "ois", "ienne", "ien", "aine", "ain"];
    // The word as it is, or without a plural "s" ("Parisiens"; "Lyonnais"
    // keeps its own "s").
    let stem = [Some(word), word.strip_suffix('s')]
        .into_iter()
        .flatten()
        .find_map(|w| SUFFIXES.iter().find_map(|s| w.strip_suffix(s)))
        .unwrap_or("");
    if stem.chars().count() < 3 {
        return false;
    }
    // Cities count here (a surname is no stem of a demonym).
    let places = class::COUNTRY | class::REGION | class::BIGCITY | class::SUBDIVISION | class::CITY;
    let place = |name: &str| {
        let folded = crate::resources::fold_word(name);
        Resources::get().name_classes(hash_tokens(std::iter::once(folded.as_str()))) & places != 0
    };
    // "Lyonn-ais" → "Lyon", "Marseill-ais" → "Marseille", "Paris-ien".
    let undoubled = {
        let mut c = stem.chars().rev();
        match (c.next(), c.next()) {
            (Some(x), Some(y)) if x == y => stem.get(..stem.len() - x.len_utf8()),
            _ => None,
        }
    };
    place(stem) || place(&format!("{stem}e")) || undoubled.is_some_and(place)
}

/// Places do not speak: a name tagged as a place right before a verb of
/// saying ("Wayne King said", "X a déclaré") or right after one ("…," said
/// Wayne King) is a person — unless it is a known country, region or big
/// city (metonymy: "Moscou a déclaré", "Washington said").
fn speaking_places_are_persons(toks: &[&str], tags: &mut [(Label, f32)], lang: &str) {
    let res = Resources::get();
    let speech = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let l = t.to_lowercase();
            res.cue(lang, &l) == cue::SPEECH && !matches!(l.as_str(), "a" | "selon" | "according")
        })
    };
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Loc {
            continue;
        }
        let aux_then_speech = toks.get(b).is_some_and(|t| matches!(t.to_lowercase().as_str(), "a" | "has" | "had")) && speech(b + 1);
        let speaks = speech(b) || aux_then_speech || (a > 0 && speech(a - 1));
        if !speaks {
            continue;
        }
        if known_name(toks.get(a..b).unwrap_or(&[])).is_none() && toks.get(a..b).is_some_and(|s| s.iter().all(|t| is_cap(t))) {
            relabel(tags, a, b, Type::Per, None);
        }
    }
}

/// The type the shipped gazetteers give a whole name (tokens folded), when
/// reliable enough to override the model (see [`gazetteer_type`]).
fn known_name(tokens: &[&str]) -> Option<Type> {
    let folded: Vec<String> = tokens.iter().map(|t| crate::resources::fold_word(t)).collect();
    let classes = Resources::get().name_classes(hash_tokens(folded.iter().map(String::as_str)));
    gazetteer_type(without_generic_subdivision(classes, &folded))
}

/// First names (`data/lang/mul/first-names.txt`, built from the training
/// corpora by `dossier-eval ner first-names`, the common given names of
/// `data/lang/mul/first-names-extra.txt`, written by hand, and the first
/// names of the Dicollecte dictionary, `first-names-dicollecte.txt`, built
/// by `scripts/build-lexicon-fr.py`).
fn first_names() -> &'static FxHashSet<&'static str> {
    static NAMES: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let built = dossier_text::data_lines(include_str!("../../../data/lang/mul/first-names.txt"));
        let extra = dossier_text::data_lines(include_str!("../../../data/lang/mul/first-names-extra.txt"));
        let dictionary = dossier_text::data_lines(include_str!("../../../data/lang/mul/first-names-dicollecte.txt"));
        built.chain(extra).chain(dictionary).collect()
    })
}

/// A known first name followed by capitalised words is a person: a place
/// or organisation so tagged ("Brad Pitt" as a place) is re-typed, and an
/// untagged "Phoebe Waller-Bridge" is tagged. Not when the first name is
/// itself a known country, region or big city ("Victoria Station"), or the
/// whole a known name.
fn first_name_persons(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let names = first_names();
    let known = |a: usize, b: usize| known_name(toks.get(a..b).unwrap_or(&[])).is_some();
    let name_word = |t: &str| is_cap(t) && t.chars().skip(1).any(char::is_lowercase) && !lexicon.contains(&t.to_lowercase());
    let mut i = 0;
    while i < toks.len() {
        let first = toks.get(i).copied().unwrap_or("");
        if !names.contains(first) || known(i, i + 1) {
            i += 1;
            continue;
        }
        match tags.get(i).map(|t| t.0) {
            Some(Label::B(ty)) if ty != Type::Misc => {
                let mut b = i + 1;
                while matches!(tags.get(b).map(|t| t.0), Some(Label::I(_))) {
                    b += 1;
                }
                // The first name tagged alone, its surname left out ("Loïc"
                // of "Loïc Prud’homme"): the name runs on.
                let mut e = b;
                if b == i + 1 {
                    while e < toks.len() && e < i + 4 && toks.get(e).is_some_and(|t| name_word(t)) && tags.get(e).is_some_and(|t| t.0 == Label::O) {
                        e += 1;
                    }
                }
                // A company or publisher bearing a person's name, right
                // after its noun ("les éditions Philippe Picquier").
                let company_named = i > 0
                    && company_cues("fr").is_some_and(|c| {
                        toks.get(i - 1).is_some_and(|t| matches!(c.get(t.to_lowercase().as_str()), Some(CompanyCue::Any | CompanyCue::Direct)))
                    });
                if e > b && !known(i, e) {
                    relabel(tags, i, e, Type::Per, None);
                } else if ty != Type::Per && !company_named && b >= i + 2 && (i + 1..b).all(|k| toks.get(k).is_some_and(|t| is_cap(t))) && !known(i, b) {
                    relabel(tags, i, b, Type::Per, None);
                } else if ty == Type::Org && !company_named && b == i + 3 && particle_surname(toks, i + 1) && !known(i, b) {
                    // "François d'Assise" tagged as an organisation: a
                    // first name, a particle and a capitalised name are a
                    // person (places keep theirs: "Charles de Gaulle").
                    relabel(tags, i, b, Type::Per, None);
                }
                i = e;
            }
            Some(Label::O) => {
                let mut b = i + 1;
                while b < toks.len() && b < i + 4 && toks.get(b).is_some_and(|t| name_word(t)) && tags.get(b).is_some_and(|t| t.0 == Label::O) {
                    b += 1;
                }
                // Over a particle: "Philippe de Gonneville", the surname
                // tagged alone (as a place) or not at all.
                // "du" too ("Ivan du Roy", "Joachim du Bellay").
                let particle = b == i + 1 && toks.get(b).is_some_and(|t| matches!(*t, "de" | "d'" | "d’" | "du")) && tags.get(b).is_some_and(|t| t.0 == Label::O);
                let surname = toks.get(b + 1).is_some_and(|t| name_word(t))
                    && matches!(tags.get(b + 1).map(|t| t.0), Some(Label::O | Label::B(Type::Per | Type::Loc | Type::Org)))
                    && !matches!(tags.get(b + 2).map(|t| t.0), Some(Label::I(_)));
                if particle && surname && !known(b + 1, b + 2) {
                    relabel(tags, i, b + 2, Type::Per, Some(0.6));
                    i = b + 2;
                    continue;
                }
                if b >= i + 2 && !known(i, b) {
                    relabel(tags, i, b, Type::Per, Some(0.6));
                }
                i = b.max(i + 1);
            }
            _ => i += 1,
        }
    }
}

/// A capitalised name particle at `i` ("Le", "De", "Van"), untagged, then
/// one name tagged exactly over `i + 1 .. end`.
fn particle_opens_tagged_name(toks: &[&str], tags: &[(Label, f32)], i: usize, end: usize) -> bool {
    end >= i + 2
        && tags.get(i).is_some_and(|t| t.0 == Label::O)
        && toks.get(i).is_some_and(|t| is_cap(t) && (matches!(*t, "Le" | "La") || name_particles().contains(t.to_lowercase().as_str())))
        && tags.get(i + 1).is_some_and(|t| matches!(t.0, Label::B(_)))
        && tags.get(i + 2..end).is_some_and(|s| s.iter().all(|t| matches!(t.0, Label::I(_))))
        && !tags.get(end).is_some_and(|t| matches!(t.0, Label::I(_)))
}

/// "de Gonneville", "d'Assise": a name particle, then a capitalised name
/// (at `k`, `k + 1`).
fn particle_surname(toks: &[&str], k: usize) -> bool {
    toks.get(k).is_some_and(|t| matches!(*t, "de" | "d'" | "d’" | "du")) && toks.get(k + 1).is_some_and(|t| is_cap(t) && t.chars().skip(1).any(char::is_lowercase))
}

/// A person's name does not include the titles before it: "U.S. President
/// Donald Trump" and "Washington Gov. Jay Inslee" name "Donald Trump" and
/// "Jay Inslee". The words up to the last title cue word are dropped when
/// at least two capitalised words remain.
fn drop_leading_titles(toks: &[&str], tags: &mut [(Label, f32)], lang: &str) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || b < a + 3 {
            continue;
        }
        let Some(last_title) = (a..b - 2).rev().find(|&k| toks.get(k).is_some_and(|t| res.cue(lang, &t.to_lowercase()) == cue::TITLE)) else {
            continue;
        };
        let rest = last_title + 1;
        if (rest..b).all(|k| toks.get(k).is_some_and(|t| is_cap(t))) {
            for t in tags.iter_mut().take(rest).skip(a) {
                t.0 = Label::O;
            }
            relabel(tags, rest, b, Type::Per, None);
        }
    }
}

/// French institution heads (`data/lang/fr/ner-institutions.txt`).
fn institution_heads() -> &'static HashSet<String> {
    static HEADS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        dossier_text::data_lines(include_str!("../../../data/lang/fr/ner-institutions.txt"))
            .map(str::to_string)
            .collect()
    })
}

/// French institution heads written in lower case before the name they
/// open (`data/lang/fr/ner-institutions-lower.txt`).
fn lower_institution_heads() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-institutions-lower.txt")
}

/// An institution named by a lower-case head, its complements and a
/// capitalised name ("l'université de Nantes", "le parquet de Paris", "le
/// tribunal de grande instance de Nanterre", "l'université Ouverte de
/// Catalogne") is one organisation, the name inside it included (outermost
/// name only): the model tags only the place. The run goes over
/// lower-case words and "de (la)" up to the first capitalised name after a
/// preposition, and stops at punctuation, verbs and function words. A
/// person's name right after the head names the institution too
/// ("l'hôpital Sao Joao"); after the head and an adjective, an organisation
/// tagged as such is left alone ("l'hôpital parisien de la
/// Pitié-Salpêtrière").
fn lower_case_institutions(toks: &[&str], tags: &mut [(Label, f32)]) {
    let heads = lower_institution_heads();
    let label = |k: usize, tags: &[(Label, f32)]| tags.get(k).map_or(Label::O, |t| t.0);
    let lower = |k: usize| toks.get(k).map(|t| t.to_lowercase()).unwrap_or_default();
    let word = |t: &str| t.chars().count() >= 2 && t.chars().all(|c| c.is_alphabetic() || c == '-');
    let mut k = 0;
    while k < toks.len() {
        let head = toks.get(k).copied().unwrap_or("");
        if !heads.contains(head) || label(k, tags) != Label::O {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        let mut found = None;
        let mut crossed_de = false;
        // Lower-case words crossed right after the head, before any "de".
        let mut adjective_run = false;
        while j < toks.len() && j < k + 8 {
            let w = lower(j);
            if matches!(w.as_str(), "de" | "du" | "des" | "d'" | "d’") && label(j, tags) == Label::O {
                let crossed_before = crossed_de;
                crossed_de = true;
                let mut p = j + 1;
                if matches!(lower(p).as_str(), "la" | "le" | "les" | "l'" | "l’") && label(p, tags) == Label::O {
                    p += 1;
                }
                let Some(&name) = toks.get(p) else { break };
                // "l'hôpital parisien de la Pitié-Salpêtrière": after a
                // head and an adjective that places or qualifies it, an
                // organisation tagged as such is named on its own.
                if adjective_run && !crossed_before && label(p, tags) == Label::B(Type::Org) {
                    break;
                }
                if is_cap(name) && word(name) {
                    let mut e = p + 1;
                    if matches!(label(p, tags), Label::B(_)) {
                        while matches!(label(e, tags), Label::I(_)) {
                            e += 1;
                        }
                    } else if label(p, tags) == Label::O {
                        while toks.get(e).is_some_and(|t| is_cap(t) && word(t)) && label(e, tags) == Label::O {
                            e += 1;
                        }
                    } else {
                        break;
                    }
                    found = Some(e);
                    break;
                }
                j = p;
                continue;
            }
            let Some(&t) = toks.get(j) else { break };
            // A place or organisation tagged right there ends the run
            // ("université" + "Ouverte de Catalogne").
            // So does a person's name right after the head: the
            // institution is named after the person ("l'hôpital Sao Joao",
            // "le musée Rodin").
            let person_after_head = j == k + 1 && label(j, tags) == Label::B(Type::Per);
            if (matches!(label(j, tags), Label::B(Type::Org) | Label::B(Type::Loc)) || person_after_head) && is_cap(t) {
                let mut e = j + 1;
                while matches!(label(e, tags), Label::I(_)) {
                    e += 1;
                }
                found = Some(e);
                break;
            }
            // Right after the head only adjectives run on ("tribunal
            // correctionnel"), not a verb ("le tribunal condamne X"); after
            // "de", nouns too ("préfecture de police de Paris").
            let adjective = ADJ_ENDINGS.iter().any(|e| w.ends_with(e)) || Resources::get().is_demonym(&crate::resources::fold_word(&w));
            if word(t)
                && label(j, tags) == Label::O
                && !NAME_STOPS.contains(&w.as_str())
                && (is_cap(t) || (t.chars().count() >= 3 && (crossed_de || adjective)))
            {
                adjective_run |= !crossed_de && !is_cap(t);
                j += 1;
                continue;
            }
            break;
        }
        match found {
            Some(e) => {
                relabel(tags, k, e, Type::Org, None);
                k = e;
            }
            None => k += 1,
        }
    }
}

/// Lower-case words that end a French name's run ("le ministère de la
/// Santé a …", "l'Institut qui …").
const NAME_STOPS: &[&str] = &[
    "a", "ont", "est", "sont", "était", "été", "avait", "avaient", "sera", "qui", "que", "qu'", "qu’", "dont", "où", "ce", "cette", "ces",
    "son", "sa", "ses", "leur", "leurs", "un", "une", "plus", "très", "tout", "tous", "toute", "toutes", "fait", "selon", "afin", "depuis",
];

/// Adjective endings that may follow a noun inside an institution's name
/// ("national", "financier", "médicale", "européenne", "maritime").
const ADJ_ENDINGS: &[&str] = &[
    "al", "ale", "ales", "aux", "aire", "aires", "ique", "iques", "ier", "ière", "iers", "ières", "el", "elle", "els", "elles", "if", "ive",
    "ifs", "ives", "ien", "ienne", "iens", "iennes", "éen", "éenne", "eur", "eure", "ime", "ain", "aine", "ais", "aise", "ic", "ère", "ères",
    "eux", "euse", "euses",
    // "agricole", "viticole" ("Mutualité sociale agricole").
    "cole", "coles",
];

/// Adjectives of colour, whose endings tell nothing: crossed between a
/// noun of thing and its name ("l'étoile naine orange X").
const COLOURS: &[&str] = &[
    "blanc", "blanche", "noir", "noire", "rouge", "bleu", "bleue", "vert", "verte", "jaune", "orange", "brun", "brune", "gris", "grise", "rose",
    "violet", "violette", "pourpre",
];

fn is_adjective_like(w: &str) -> bool {
    w.chars().count() >= 4 && w.chars().all(|c| c.is_lowercase() || c == '-') && ADJ_ENDINGS.iter().any(|e| w.ends_with(e)) && !NAME_STOPS.contains(&w)
}

/// An organisation name opened by an institution head ("Haute Autorité",
/// "Académie", "Institut national"; in lower case, "ministère", only where
/// the model opened the name with it; a capitalised head the model left
/// untagged inside a sentence, "l'Observatoire syrien des droits de
/// l'homme", when something follows it) runs on over lower-case
/// adjectives and "de (la) X" / "pour la X" complements, where the model
/// often stops early: "Académie d'agriculture", "Agence nationale de
/// sécurité du médicament et des produits de santé", "Université de
/// Nantes". The run stops at punctuation, verbs and other function words,
/// and takes in names tagged inside it (outermost name only).
fn extend_institution_names(toks: &[&str], tags: &mut [(Label, f32)]) {
    let heads = institution_heads();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    // The model's names, and capitalised heads it left untagged inside a
    // sentence ("de l'Observatoire syrien des droits de l'homme"); those
    // become names only if they run on.
    let mut names = entities(&labels);
    for (k, t) in toks.iter().enumerate().skip(1) {
        if labels.get(k) == Some(&Label::O) && is_cap(t) && heads.contains(&t.to_lowercase()) {
            names.push((k, k + 1, Type::Misc));
        }
    }
    names.sort_by_key(|n| n.0);
    for (a, b, ty) in names {
        if ty == Type::Per || (ty == Type::Misc && tags.get(a).is_some_and(|t| t.0 != Label::O)) {
            continue;
        }
        let first = toks.get(a).copied().unwrap_or("");
        let lead = matches!(first.to_lowercase().as_str(), "haute" | "haut" | "grand" | "grande");
        let head = if lead { a + 1 } else { a };
        // A lower-case head ("le ministère des Affaires") only where the
        // model itself opened the name with it.
        if head >= b || !toks.get(head).is_some_and(|h| heads.contains(&h.to_lowercase())) || (lead && !is_cap(first)) {
            continue;
        }
        let lower = |k: usize| toks.get(k).map(|t| t.to_lowercase()).unwrap_or_default();
        let free = |k: usize, tags: &[(Label, f32)]| tags.get(k).is_some_and(|t| t.0 == Label::O);
        let mut j = b;
        loop {
            if j >= b + 12 {
                break;
            }
            let w = lower(j);
            if is_adjective_like(&w) && free(j, tags) {
                j += 1;
                continue;
            }
            let w = if w == "et" && matches!(lower(j + 1).as_str(), "de" | "du" | "des" | "d'" | "d’") { lower(j + 1) } else { w };
            let prep_at = if lower(j) == "et" { j + 1 } else { j };
            // "Bureau national de vigilance contre l'antisémitisme": after a
            // capitalised head only, and over a common noun only.
            let against = w == "contre" && toks.get(head).is_some_and(|h| is_cap(h));
            if !(matches!(w.as_str(), "de" | "du" | "des" | "d'" | "d’" | "pour") || against) || !(j..=prep_at).all(|k| free(k, tags)) {
                break;
            }
            let mut k = prep_at + 1;
            if matches!(lower(k).as_str(), "la" | "le" | "les" | "l'" | "l’") && free(k, tags) {
                k += 1;
            }
            let Some(noun) = toks.get(k) else { break };
            let alpha = noun.chars().all(|c| c.is_alphabetic() || c == '-') && noun.chars().count() >= 2;
            if !alpha || NAME_STOPS.contains(&noun.to_lowercase().as_str()) {
                break;
            }
            if is_cap(noun) {
                if against {
                    break;
                }
                // A capitalised word: a name tagged here is taken in whole.
                let mut e = k + 1;
                if matches!(tags.get(k).map(|t| t.0), Some(Label::B(_))) {
                    while matches!(tags.get(e).map(|t| t.0), Some(Label::I(_))) {
                        e += 1;
                    }
                } else if !free(k, tags) {
                    break;
                }
                j = e;
            } else if free(k, tags) && noun.chars().count() >= 3 {
                j = k + 1;
            } else {
                break;
            }
        }
        if j > b {
            relabel(tags, a, j, Type::Org, None);
        }
    }
}

/// Where a company noun counts (`data/lang/fr/ner-company-cues.txt`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompanyCue {
    /// Before the name, across "de", in apposition and as predicate.
    Any,
    /// Only before "de" + name: a role a person holds ("PDG de HP").
    Of,
    /// Only right before the name ("les actions Samsung").
    Direct,
}

/// French nouns that make a name a company or a medium.
fn company_cues(lang: &str) -> Option<&'static FxHashMap<&'static str, CompanyCue>> {
    static FR: std::sync::OnceLock<FxHashMap<&'static str, CompanyCue>> = std::sync::OnceLock::new();
    (lang == "fr").then(|| {
        FR.get_or_init(|| {
            dossier_text::data_lines(include_str!("../../../data/lang/fr/ner-company-cues.txt"))
                .map(|l| match l.split_once(' ') {
                    Some((w, "direct")) => (w, CompanyCue::Direct),
                    Some((w, "de")) => (w, CompanyCue::Of),
                    _ => (l, CompanyCue::Any),
                })
                .collect()
        })
    })
}

/// Whether the tagged name `a..b` of a sentence stands in a company
/// context: right after a company noun, over up to three lower-case
/// modifiers ("le fabricant Bayer", "l'entreprise américaine X"); after
/// one across "de" ("filiale de Monsanto", "PDG de HP"); followed by one in
/// apposition ("X, le fabricant de …") or as predicate ("X est une
/// entreprise", "X n'est pas une entreprise").
fn company_context(toks: &[&str], a: usize, b: usize, cues: &FxHashMap<&str, CompanyCue>) -> bool {
    let low = |k: usize| toks.get(k).map(|t| t.to_lowercase()).unwrap_or_default();
    let cue = |k: usize| cues.get(low(k).as_str()).copied();
    // Before the name.
    let mut k = a;
    for _ in 0..4 {
        let Some(prev) = k.checked_sub(1) else { break };
        match cue(prev) {
            // "le chef de groupe Djamel X", "la directrice d'agence X": a
            // title of the form "TITLE de NOUN" names a person.
            Some(CompanyCue::Any | CompanyCue::Direct)
                if prev >= 2
                    && matches!(low(prev - 1).as_str(), "de" | "d'" | "d’")
                    && Resources::get().cue("fr", &low(prev - 2)) == cue::TITLE =>
            {
                return false
            }
            Some(CompanyCue::Any | CompanyCue::Direct) => return true,
            Some(CompanyCue::Of) => break,
            None => {}
        }
        let w = low(prev);
        if matches!(w.as_str(), "de" | "d'" | "d’" | "du") {
            return k == a && prev > 0 && matches!(cue(prev - 1), Some(CompanyCue::Any | CompanyCue::Of));
        }
        let word = toks.get(prev).copied().unwrap_or_default();
        if !(word.chars().next().is_some_and(char::is_lowercase) && word.chars().count() > 3) {
            break;
        }
        k = prev;
    }
    // After the name: ", (le|la|l'|un|une) NOUN" or "(n') est (pas) un(e) NOUN".
    let mut j = b;
    let apposition = low(j) == ",";
    if apposition {
        j += 1;
    } else {
        if low(j) == "n'" || low(j) == "n’" {
            j += 1;
        }
        if !matches!(low(j).as_str(), "est" | "était" | "reste" | "devient") {
            return false;
        }
        j += 1;
        if low(j) == "pas" {
            j += 1;
        }
    }
    if matches!(low(j).as_str(), "le" | "la" | "l'" | "l’" | "un" | "une" | "les" | "des") {
        j += 1;
    }
    cue(j) == Some(CompanyCue::Any)
}

fn staff_nouns() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-staff-nouns.txt")
}

/// "deux agents Enedis ont débranché": a capitalised word the model left
/// untagged right after a plural noun of staff
/// (`data/lang/fr/ner-staff-nouns.txt`), and not followed by another
/// capitalised word, is their employer, an organisation. A first name
/// ("les employés Jean et Marc") is left alone.
fn employers_after_staff_nouns(toks: &[&str], tags: &mut [(Label, f32)]) {
    for i in 1..toks.len() {
        let (Some(&prev), Some(&t)) = (toks.get(i - 1), toks.get(i)) else { continue };
        if !is_cap(t) || t.chars().count() < 2 || !t.chars().all(char::is_alphabetic) || tags.get(i).is_none_or(|g| g.0 != Label::O) {
            continue;
        }
        if !staff_nouns().contains(lower(prev).as_ref()) || toks.get(i + 1).is_some_and(|n| is_cap(n)) || first_names().contains(t) {
            continue;
        }
        relabel(tags, i, i + 1, Type::Org, Some(0.6));
    }
}

/// "idem chez PSA", "chez EDF": an acronym the model left untagged right
/// after "chez" is an employer or a seller, an organisation (people are
/// not named by acronyms; "chez M. X" has a dot, roman numerals are left
/// out).
fn acronyms_after_chez(toks: &[&str], tags: &mut [(Label, f32)]) {
    for i in 1..toks.len() {
        let (Some(&prev), Some(&t)) = (toks.get(i - 1), toks.get(i)) else { continue };
        if !prev.eq_ignore_ascii_case("chez") || tags.get(i).is_none_or(|g| g.0 != Label::O) {
            continue;
        }
        let n = t.chars().count();
        let acronym = (2..=6).contains(&n) && t.chars().all(|c| c.is_uppercase()) && !t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M' | 'D'));
        // Not a name run on over several tokens ("chez PSA Peugeot").
        if acronym && tags.get(i + 1).is_none_or(|g| !matches!(g.0, Label::I(_))) && !toks.get(i + 1).is_some_and(|n| is_cap(n)) {
            relabel(tags, i, i + 1, Type::Org, Some(0.6));
        }
    }
}

/// Nouns of periodicals (`data/lang/fr/ner-periodical-nouns.txt`): a name
/// right after one is the medium, even where the model took it for a work.
fn periodical_nouns() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-periodical-nouns.txt")
}

/// Capitalised words the model left untagged right after a company or
/// medium noun, over at most two lower-case modifiers ("le quotidien
/// français Libération", "l'équipementier X"), are an organisation.
fn names_after_company_nouns(toks: &[&str], tags: &mut [(Label, f32)], cues: &FxHashMap<&str, CompanyCue>) {
    let free = |k: usize, tags: &[(Label, f32)]| tags.get(k).is_some_and(|t| t.0 == Label::O);
    let mut i = 0;
    while i < toks.len() {
        let w = toks.get(i).map_or(Cow::Borrowed(""), |t| lower(t));
        if !matches!(cues.get(w.as_ref()), Some(CompanyCue::Any | CompanyCue::Direct)) || !free(i, tags) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < i + 3 && toks.get(k).is_some_and(|t| t.chars().count() >= 4 && t.chars().all(|c| c.is_lowercase() || c == '-')) && free(k, tags) {
            k += 1;
        }
        let mut e = k;
        while e < k + 4 && toks.get(e).is_some_and(|t| is_cap(t) && t.chars().any(char::is_alphabetic)) && free(e, tags) {
            e += 1;
        }
        // "dans la revue Nature.", "le quotidien Metro": a name the model
        // took for a work right after a noun of periodical
        // ([`periodical_nouns`]) is the medium (an organisation).
        if e == k && periodical_nouns().contains(w.as_ref()) && tags.get(k).is_some_and(|t| t.0 == Label::B(Type::Misc)) {
            let mut m = k + 1;
            while tags.get(m).is_some_and(|t| t.0 == Label::I(Type::Misc)) {
                m += 1;
            }
            relabel(tags, k, m, Type::Org, None);
            i = m;
            continue;
        }
        let next_free_cap = toks.get(e).is_some_and(|t| is_cap(t)) && !free(e, tags);
        if e > k && !next_free_cap && known_name(toks.get(k..e).unwrap_or(&[])) != Some(Type::Loc) && !first_names().contains(toks.get(k).copied().unwrap_or("")) {
            relabel(tags, k, e, Type::Org, Some(0.6));
        }
        i = e.max(i + 1);
    }
}

/// A tagged name in a company context ([`company_context`]), and the names
/// enumerated with it ("les entreprises Lime et Bird"), vote ORG for that
/// name in the whole document, whatever its length and the model's type.
fn company_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>, lang: &str) {
    let Some(cues) = company_cues(lang) else { return };
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let names: Vec<(usize, usize, Type)> = entities(&labels).into_iter().filter(|e| e.2 != Type::Misc).collect();
        let mut cued = vec![false; names.len()];
        for (n, &(a, b, _)) in names.iter().enumerate() {
            // Enumerated after a cued name, tagged or not ("les entreprises
            // Lime et Bird").
            let listed = a >= 2 && toks.get(a - 1).is_some_and(|t| matches!(*t, "et" | "," | "ou"));
            let joined = listed
                && ((n > 0 && cued.get(n - 1) == Some(&true) && names.get(n - 1).is_some_and(|p| p.1 + 1 == a))
                    || (toks.get(a - 2).is_some_and(|t| is_cap(t)) && company_context(toks, a - 2, a - 1, cues)));
            if joined || company_context(toks, a, b, cues) {
                if let Some(c) = cued.get_mut(n) {
                    *c = true;
                }
                if let Some(span) = toks.get(a..b) {
                    by_key.entry(key(span)).or_insert([0.0; 4])[type_index(Type::Org)] += CUE_VOTE;
                }
            }
        }
    }
}

/// French nouns whose "de X" complement is a place
/// (`data/lang/fr/ner-place-nouns.txt`).
fn place_nouns() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-place-nouns.txt")
}

/// A name right after "NOUN de" where the noun takes a place ("la ville
/// de X", "la prise de X", "les habitants de X") votes LOC for that name
/// across the document, unless it opens with a known first name.
fn place_noun_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>) {
    let nouns = place_nouns();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty == Type::Misc || a < 2 || b > a + 2 {
                continue;
            }
            let de = toks.get(a - 1).is_some_and(|t| matches!(*t, "de" | "d'" | "d’"));
            let noun = toks.get(a - 2).is_some_and(|t| nouns.contains(t.to_lowercase().as_str()));
            let first = toks.get(a).copied().unwrap_or("");
            if ((de && noun) || compass_part_of(toks, a)) && !first_names().contains(first) {
                if let Some(span) = toks.get(a..b) {
                    by_key.entry(key(span)).or_insert([0.0; 4])[type_index(Type::Loc)] += CUE_VOTE;
                }
            }
        }
    }
}

/// "dans le sud du Kouzbass", "à l'est de la Chine": a compass point with
/// its article, then "de"/"du", names a part of a place. The article
/// keeps out the verb "est" ("le constat est du professeur X").
fn compass_part_of(toks: &[&str], a: usize) -> bool {
    let Some(k) = a.checked_sub(1) else { return false };
    // "à l'est de la Chine": over the article of the name.
    let k = if k >= 1 && toks.get(k).is_some_and(|t| matches!(*t, "la" | "l'" | "l’")) && toks.get(k - 1).is_some_and(|t| matches!(*t, "de" | "d'" | "d’")) { k - 1 } else { k };
    let link = toks.get(k).is_some_and(|t| matches!(*t, "de" | "du" | "d'" | "d’"));
    let compass = k >= 2
        && toks.get(k - 1).is_some_and(|t| t.split('-').all(|p| COMPASS_WORDS.contains(&p)))
        && toks.get(k - 2).is_some_and(|t| matches!(t.to_lowercase().as_str(), "le" | "l'" | "l’" | "au" | "du"));
    link && compass
}

/// French verbs and participles of residence or location whose "à X"
/// complement is a place ("situé à X", "né à X", "habite à X").
const LOCATED_AT: &[&str] = &[
    "situé", "située", "situés", "situées", "basé", "basée", "basés", "basées", "né", "née", "nés", "nées", "habite",
    "habitent", "habitait", "habitaient", "vit", "vivent", "vivait", "vivaient", "installé", "installée", "installés",
    "installées", "réfugié", "réfugiée", "réfugiés", "réfugiées", "domicilié", "domiciliée", "domiciliés", "réside",
    "résident", "résidait", "résidant", "implanté", "implantée", "implantés", "implantées", "localisé", "localisée",
];

/// A hyphenated name joined by a French toponymic connector, capitalised
/// at both ends ("Monthureux-sur-Saône", "Teste-de-Buch",
/// "Châlons-en-Champagne"): the shape of French place names.
fn commune_like(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['-', '‑']).collect();
    parts.len() >= 3
        && parts.first().is_some_and(|p| is_cap(p) && p.chars().count() >= 2)
        && parts.last().is_some_and(|p| is_cap(p) && p.chars().count() >= 2)
        && parts[1..parts.len() - 1]
            .iter()
            .any(|p| matches!(*p, "sur" | "sous" | "lès" | "lez" | "en" | "de" | "du" | "des" | "aux" | "le" | "la" | "les" | "d'" | "d’"))
}

/// An age right after a name: "X, 37 ans," / "X (8 ans)" / "X, 10 mois."
/// (the age closed by punctuation, so that "Fukushima, 10 ans après" is
/// no age).
fn aged(toks: &[&str], b: usize) -> bool {
    // Checked in order, cheapest first: this runs at every token.
    toks.get(b).is_some_and(|t| matches!(*t, "," | "("))
        && toks.get(b + 1).is_some_and(|t| (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit()))
        && toks.get(b + 2).is_some_and(|t| ["an", "ans", "mois"].iter().any(|u| t.eq_ignore_ascii_case(u)))
        && toks.get(b + 3).is_none_or(|t| matches!(*t, "," | ")" | "." | ";" | ":"))
}

/// "marié à X", "l'épouse de X", "le fils de X": X is a person.
fn kin_of(toks: &[&str], a: usize) -> bool {
    let word = |k: usize| toks.get(k).map(|t| t.to_lowercase()).unwrap_or_default();
    let married = a >= 2 && word(a - 1) == "à" && matches!(word(a - 2).as_str(), "marié" | "mariée" | "fiancé" | "fiancée");
    let kin = a >= 2
        && matches!(word(a - 1).as_str(), "de" | "d'" | "d’")
        && matches!(
            word(a - 2).as_str(),
            "épouse" | "époux" | "mari" | "femme" | "veuve" | "veuf" | "fils" | "fille" | "frère" | "sœur" | "père" | "mère" | "neveu" | "nièce" | "cousin" | "cousine" | "petit-fils" | "petite-fille" | "compagne" | "compagnon"
        );
    married || kin
}

/// "situé à X", "né à X", and "à X où …" / "à X, où …": X is a place.
fn located_at(toks: &[&str], a: usize, b: usize) -> bool {
    if a == 0 || toks.get(a - 1).is_none_or(|t| *t != "à") {
        return false;
    }
    let verb = a >= 2 && toks.get(a - 2).is_some_and(|t| LOCATED_AT.contains(&t.to_lowercase().as_str()));
    let where_ = toks.get(b).is_some_and(|t| *t == "où") || (toks.get(b).is_some_and(|t| *t == ",") && toks.get(b + 1).is_some_and(|t| *t == "où"));
    verb || where_
}

/// "X, l'armée israélienne", "X, le parti de …", "X, la chaîne qatarie":
/// an apposition opened by an organisation head names an organisation.
fn apposed_organisation(toks: &[&str], b: usize) -> bool {
    let res = Resources::get();
    toks.get(b).is_some_and(|t| *t == ",")
        && toks.get(b + 1).is_some_and(|t| matches!(t.to_lowercase().as_str(), "le" | "la" | "l'" | "l’"))
        && toks.get(b + 2).is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase) && res.cue("fr", t) == cue::ORGHEAD)
}

/// "Chez Brut, le média social", "Vécu, le média des gilets jaunes": a
/// capitalised word the model left untagged inside a sentence, followed by
/// an apposition opened by an organisation head, is an organisation's name
/// even when it is also a common word.
fn apposed_organisation_words(toks: &[&str], tags: &mut [(Label, f32)]) {
    for i in 1..toks.len() {
        // Cheapest test first: this runs at every token.
        if toks.get(i + 1) != Some(&",") || tags.get(i).is_none_or(|t| t.0 != Label::O) || !toks.get(i).is_some_and(|t| is_cap(t) && t.chars().count() >= 2) {
            continue;
        }
        // Not right after a sentence break nor inside a run of capitals.
        if toks.get(i - 1).is_some_and(|p| (is_cap(p) && !opening_words().contains(p.to_lowercase().as_str())) || matches!(*p, "." | "!" | "?" | ":" | "«" | "\"" | "“")) {
            continue;
        }
        if apposed_organisation(toks, i + 1) {
            relabel(tags, i, i + 1, Type::Org, Some(0.8));
        }
    }
}

/// French context cues around a name, each voting for the name across the
/// document: an age right after it ("Zakaria Shehab, 37 ans", "Nour (8
/// ans)") votes PER; a verb of residence before "à", or "où" after it
/// ("situé à X", "à X où il s'était réfugié"), votes LOC; an apposition
/// opened by an organisation head ("Tsahal, l'armée israélienne") votes
/// ORG.
fn context_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>) {
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty == Type::Misc {
                continue;
            }
            let vote = if aged(toks, b) || kin_of(toks, a) {
                Type::Per
            } else if located_at(toks, a, b) || (b == a + 1 && toks.get(a).is_some_and(|t| commune_like(t))) {
                Type::Loc
            } else if apposed_organisation(toks, b) {
                Type::Org
            } else {
                continue;
            };
            if let Some(span) = toks.get(a..b) {
                by_key.entry(key(span)).or_insert([0.0; 4])[type_index(vote)] += CUE_VOTE;
            }
        }
    }
}

/// "l'équipe du Point", "le partenariat du Monde", "il confie au Figaro",
/// "un éditorial des Échos": French contracts "de le" / "à le" / "de les"
/// / "à les" into "du" / "au" / "des" / "aux", so a known organisation
/// whose name opens with the article ("Le Point", "Les Échos") is written
/// without it. Capitalised words (up to three) after such a contraction
/// that make a known organisation once the article is put back are tagged
/// as that organisation, unless they sit inside a longer name.
fn names_after_contracted_articles(toks: &[&str], tags: &mut [(Label, f32)]) {
    for i in 1..toks.len() {
        let article = match toks.get(i - 1).copied() {
            Some("du" | "au") => "Le",
            Some("des" | "aux") => "Les",
            _ => continue,
        };
        if !toks.get(i).is_some_and(|t| is_cap(t)) {
            continue;
        }
        let label = |k: usize, tags: &[(Label, f32)]| tags.get(k).map_or(Label::O, |t| t.0);
        if matches!(label(i, tags), Label::I(_)) {
            continue;
        }
        for len in (1..=3usize).rev() {
            let end = i + len;
            let Some(words) = toks.get(i..end) else { continue };
            if matches!(label(end, tags), Label::I(_)) || !words.iter().all(|w| is_cap(w) || w.chars().next().is_some_and(char::is_lowercase)) {
                continue;
            }
            // The model's own name here must lie within the span.
            if (i + 1..end).any(|k| matches!(label(k, tags), Label::B(_))) {
                continue;
            }
            let mut name = Vec::with_capacity(len + 1);
            name.push(article);
            name.extend_from_slice(words);
            if known_name(&name) == Some(Type::Org) {
                relabel(tags, i, end, Type::Org, None);
                break;
            }
        }
    }
}

/// French nouns of a player's or a coach's role whose "de X" complement is
/// a sports club ("l'attaquant de Lorient", "l'entraîneur de Lyon").
const CLUB_ROLES: &[&str] = &[
    "attaquant", "attaquants", "attaquante", "milieu", "milieux", "défenseur", "défenseurs", "défenseure", "gardien", "gardienne", "buteur",
    "buteuse", "entraîneur", "entraîneure", "entraîneuse", "ailier", "ailiers", "latéral", "avant-centre", "capitaine", "joueur", "joueurs",
    "joueuse", "joueuses", "supporters", "supporteurs", "coéquipier", "coéquipiers", "recrue", "meneur", "pivot", "demi",
];

/// A one-word name is a sports club in a match report when it is the
/// complement of a player's role ("le milieu de Leicester Wilfred Ndidi",
/// `CLUB_ROLES`), of a gap in a standing ("à trois longueurs de
/// Liverpool", "3 points de X") or stands on either side of a score
/// ("Lorient 1 - Lyon 0", "Lorient 1-0 Lyon"): each such context votes ORG
/// for the name across the document, and the name is recorded in `clubs`
/// (towns named in the gazetteer keep the club type).
fn club_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>, clubs: &mut HashSet<String>) {
    let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|c| c.is_ascii_digit());
    let score = |t: &str| t.split_once(['-', '–']).is_some_and(|(x, y)| digits(x) && digits(y));
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty == Type::Misc || b != a + 1 {
                continue;
            }
            let word = |k: usize| toks.get(k).copied().unwrap_or("");
            let de = a >= 2 && matches!(word(a - 1), "de" | "d'" | "d’");
            let role = de && CLUB_ROLES.contains(&word(a - 2).to_lowercase().as_str());
            let gap = de
                && a >= 3
                && matches!(word(a - 2), "points" | "point" | "pts" | "longueurs" | "longueur" | "unités")
                && (digits(word(a - 3)) || matches!(word(a - 3), "deux" | "trois" | "quatre" | "cinq" | "six" | "sept" | "huit" | "neuf" | "dix" | "un" | "une"));
            // "X 1 - 0 Y" / "X 1-0 Y" and "X 1 - Y 0".
            let dash = |t: &str| matches!(t, "-" | "–");
            let after = (digits(word(b)) && dash(word(b + 1)) && (digits(word(b + 2)) || is_cap(word(b + 2)))) || score(word(b));
            let before = (a >= 2 && digits(word(a - 1)) && dash(word(a - 2)) && (a < 3 || digits(word(a - 3)) || is_cap(word(a - 3))))
                || (a >= 1 && score(word(a - 1)) && a >= 2 && is_cap(word(a - 2)))
                || (a >= 3 && dash(word(a - 1)) && digits(word(a - 2)) && is_cap(word(a - 3)) && digits(word(b)));
            if role || gap || after || before {
                let k = word(a).to_string();
                by_key.entry(k.clone()).or_insert([0.0; 4])[type_index(Type::Org)] += CUE_VOTE;
                clubs.insert(k);
            }
        }
    }
    if clubs.is_empty() {
        return;
    }
    // In a match report, the author of a shot or a pass is a player ("une
    // frappe d'Aouar", "sur une passe de Morel", "carton jaune pour X").
    // Tagged or not where the cue stands, the name is tagged elsewhere.
    for toks in &doc.sentences {
        for a in 2..toks.len() {
            let word = |k: usize| toks.get(k).copied().unwrap_or("");
            let w = word(a);
            if !is_cap(w) || clubs.contains(w) {
                continue;
            }
            let action = matches!(word(a - 1), "de" | "d'" | "d’") && PLAYER_ACTIONS.contains(&word(a - 2).to_lowercase().as_str());
            let booked = word(a - 1) == "pour" && matches!(word(a - 2).to_lowercase().as_str(), "jaune" | "rouge");
            if !(action || booked) || known_name(&[w]).is_some() {
                continue;
            }
            if let Some(e) = by_key.get_mut(w) {
                e[type_index(Type::Per)] += CUE_VOTE;
            }
        }
    }
}

/// French nouns of a player's action in a match whose "de X" complement is
/// the player ("une frappe d'Aouar", "la passe de Morel"); read only in a
/// match report, where "frappe" is no air strike.
const PLAYER_ACTIONS: &[&str] = &[
    "frappe", "frappes", "tir", "tirs", "passe", "passes", "reprise", "coup-franc", "penalty", "centre", "tête", "doublé", "triplé",
    "remplacement", "sortie", "entrée", "entree", "parade", "dribble", "débordement", "une-deux", "intervention", "faute",
];

/// Capitalised words the model left untagged (or took for another kind of
/// name, MISC) right before an age ("trois
/// filles Aseel (11 ans), Nour (8 ans)") are a person's name (up to three
/// words, none usually written in lower case).
fn aged_persons(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    for b in 1..toks.len() {
        if !aged(toks, b) {
            continue;
        }
        let name_word = |k: usize| {
            toks.get(k).is_some_and(|t| is_cap(t) && t.chars().count() >= 2 && !lexicon.contains(&t.to_lowercase()))
                && tags.get(k).is_some_and(|t| matches!(t.0, Label::O | Label::B(Type::Misc) | Label::I(Type::Misc)))
        };
        let mut a = b;
        while a > 0 && b - a < 3 && name_word(a - 1) {
            a -= 1;
        }
        // Not the first word of the sentence alone: it may be any word.
        if a < b && !(a == 0 && b == 1) {
            relabel(tags, a, b, Type::Per, Some(0.6));
        }
    }
}

/// A known company's name run on by a place or another name with no word
/// between ("Michelin Amérique du Nord", "Google France") is one
/// organisation (a subsidiary); a person's name that opens with a known
/// company's name ("Peugeot Citroën") is an organisation.
fn company_subsidiaries(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let ents = entities(&labels);
    for (n, &(a, b, ty)) in ents.iter().enumerate() {
        let Some(span) = toks.get(a..b) else { continue };
        if ty == Type::Org && known_name(span) == Some(Type::Org) {
            if let Some(&(c, d, Type::Loc)) = ents.get(n + 1) {
                if c == b {
                    relabel(tags, a, d, Type::Org, None);
                }
            }
        } else if ty == Type::Per && b >= a + 2 && known_name(span).is_none() && known_name(&span[..1]) == Some(Type::Org) {
            relabel(tags, a, b, Type::Org, None);
        }
    }
}

/// French heads of event, treaty and work names, and the nouns before
/// such a name (`data/lang/fr/ner-events.txt`): (heads as token lists,
/// nouns before).
fn event_cues(lang: &str) -> Option<&'static (Vec<Vec<&'static str>>, HashSet<&'static str>)> {
    static FR: std::sync::OnceLock<(Vec<Vec<&'static str>>, HashSet<&'static str>)> = std::sync::OnceLock::new();
    (lang == "fr").then(|| {
        FR.get_or_init(|| {
            let mut heads = Vec::new();
            let mut before = HashSet::new();
            for l in dossier_text::data_lines(include_str!("../../../data/lang/fr/ner-events.txt")) {
                // "NOUN de before" lines: the nouns before "de" (see
                // `eponym_nouns`).
                if l.ends_with(" de before") {
                    continue;
                }
                match l.strip_suffix(" before") {
                    Some(w) => {
                        before.insert(w);
                    }
                    None => heads.push(l.split(' ').collect()),
                }
            }
            (heads, before)
        })
    })
}

/// A name opened by an event head ("Coupe du monde", "Grand Chelem",
/// "Traité de Lisbonne"), an English law's name ("Patriot Act"), or a name
/// right after a noun of event or work, over an opening quote and
/// adjectives ("l'ouragan Sandy", "la vidéo « Collateral Murder »")
/// names no person, organisation or place: it votes MISC in the whole
/// document, so that the name is not scored as PER/ORG/LOC anywhere.
fn event_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>, lang: &str) {
    let Some((heads, before)) = event_cues(lang) else { return };
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        // Software named with its version, tagged or not ("Ubuntu 12.10",
        // "12.04 LTS"): a product.
        for (k, t) in toks.iter().enumerate() {
            if !is_version(t) {
                continue;
            }
            let before_version = k.checked_sub(1).and_then(|e| {
                let mut s = e;
                while s > 0 && matches!(labels.get(s), Some(Label::I(_))) {
                    s -= 1;
                }
                toks.get(s..k).filter(|n| n.first().is_some_and(|f| is_cap(f)))
            });
            let after_version = toks.get(k + 1..k + 2).filter(|n| n.iter().all(|a| a.chars().count() >= 2 && a.chars().all(char::is_uppercase)));
            for name in before_version.into_iter().chain(after_version) {
                by_key.entry(key(name)).or_insert([0.0; 4])[type_index(Type::Misc)] += CUE_VOTE;
            }
        }
        // An eponym's name, whatever the model made of it ("le naufrage de
        // l'Empress of Ireland" tagged "Empress" and "Ireland" apart, or
        // not at all): its capitalised words, joined by English "of", vote
        // MISC, so that the whole name is a thing wherever it occurs.
        // Where the last name after a noun of work ends.
        let mut work_end = None;
        // The sentence's words in lower case, made once for the heads'
        // look-ups below (each entity tries every head at three places).
        let lowered: Vec<Cow<'_, str>> = toks.iter().map(|t| lower(t)).collect();
        for a in 0..toks.len() {
            if matches!(labels.get(a), Some(Label::I(_))) || !toks.get(a).is_some_and(|t| is_cap(t)) || !after_eponym_noun(toks, a) {
                continue;
            }
            let mut e = a + 1;
            loop {
                if toks.get(e).is_some_and(|t| is_cap(t)) {
                    e += 1;
                } else if toks.get(e) == Some(&"of") && toks.get(e + 1).is_some_and(|t| is_cap(t)) {
                    e += 2;
                } else {
                    break;
                }
            }
            if let Some(span) = toks.get(a..e) {
                by_key.entry(key(span)).or_insert([0.0; 4])[type_index(Type::Misc)] += CUE_VOTE;
            }
        }
        for (a, b, ty) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            if ty == Type::Misc {
                continue;
            }
            // The head may run on past the tagged words ("le Forum mondial
            // de …" tagged "Forum" alone).
            // It may also open one or two words before them and end
            // inside them ("en Premier League" tagged "League" alone).
            let headed = heads.iter().any(|h| {
                (a.saturating_sub(2)..=a).any(|j| {
                    j + h.len() > a && lowered.get(j..j + h.len()).is_some_and(|s| h.iter().zip(s).all(|(w, t)| *t == *w))
                })
            });
            let mut k = a;
            if k > 0 && toks.get(k - 1).is_some_and(|t| matches!(*t, "«" | "\"" | "“")) {
                k -= 1;
            }
            // Over one or two adjectives ("le télescope spatial Kepler").
            for _ in 0..2 {
                if k > 1 && toks.get(k - 1).is_some_and(|t| is_adjective_like(t) || COLOURS.contains(t)) {
                    k -= 1;
                }
            }
            let noun_at = |j: usize| j > 0 && toks.get(j - 1).is_some_and(|t| before.contains(lower(t).as_ref()));
            // Over "de" and a lower-case noun ("l'accélérateur de
            // particules LHC"); not after "projet" or "prix" ("le projet de
            // loi Macron", "le prix de vente X" name no project, no prize).
            let over_de = |j: usize| {
                j >= 3
                    && toks.get(j - 1).is_some_and(|t| t.chars().count() >= 3 && t.chars().all(char::is_lowercase))
                    && toks.get(j - 2).is_some_and(|t| matches!(*t, "de" | "d'" | "d’"))
                    && noun_at(j - 2)
                    && !toks.get(j - 3).is_some_and(|t| matches!(lower(t).as_ref(), "projet" | "projets" | "prix" | "opération" | "opérations"))
            };
            // In apposition, the name closing its clause ("un
            // collisionneur de particules, le LHC.").
            let apposed = k >= 3
                && toks.get(k - 1).is_some_and(|t| matches!(*t, "le" | "la" | "l'" | "l’"))
                && toks.get(k - 2) == Some(&",")
                && toks.get(b).is_some_and(|t| matches!(*t, "," | "." | ";" | ":" | ")"));
            let after_noun = noun_at(k) || over_de(k) || (apposed && (noun_at(k - 2) || over_de(k - 2)));
            // An English law: "Stop Online Piracy Act", "Patriot Act".
            let law = span.len() >= 2 && span.last() == Some(&"Act");
            // A website named by its address after "site" ("le site
            // Planethunters.org"); a site named otherwise may be a medium
            // ("le site France Info").
            let website = k > 0 && toks.get(k - 1).is_some_and(|t| matches!(lower(t).as_ref(), "site" | "sites")) && span.last().is_some_and(|t| domain_name(t));
            // A code name in quotes after a version ("la 13.04 « Raring
            // Ringtail »", "12.04 LTS « Precise Pangolin »").
            let quoted = a > 0 && toks.get(a - 1).is_some_and(|t| matches!(*t, "«" | "\"" | "“"));
            let caps = |t: &&str| t.chars().count() >= 2 && t.chars().all(char::is_uppercase);
            let code_name = quoted
                && a >= 2
                && (toks.get(a - 2).is_some_and(|t| is_version(t)) || (a >= 3 && toks.get(a - 2).is_some_and(caps) && toks.get(a - 3).is_some_and(|t| is_version(t))));
            // A name in apposition right after a work named by its noun
            // ("la série James Bond, Skyfall, effectue …"): another work.
            let apposed_to_work = a >= 1
                && toks.get(a - 1) == Some(&",")
                && work_end == Some(a - 1)
                && toks.get(b).is_some_and(|t| matches!(*t, "," | "."));
            if headed || after_noun || law || numbered_edition_of(toks, a) || after_eponym_noun(toks, a) || website || code_name || quoted_title(toks, a, b) || known_for(toks, a) || apposed_to_work {
                // An address outweighs "site" as a medium noun, which votes
                // ORG (`ner-company-cues.txt`).
                let vote = if website { 2.0 * CUE_VOTE } else { CUE_VOTE };
                by_key.entry(key(span)).or_insert([0.0; 4])[type_index(Type::Misc)] += vote;
            }
            if after_noun {
                work_end = Some(b);
            }
        }
    }
}

/// Websites, wiki projects and planets named as such (`ner-misc-names.txt`),
/// folded.
fn known_misc_names() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-misc-names.txt")
}

/// "Wikipédia", "Wikidata": a name of a website or wiki project of
/// `ner-misc-names.txt` is a work (MISC) in the whole document, whatever
/// the model and the other cues say (it "acts" in news: "Wikipédia
/// proteste"), so its vote outweighs every occurrence and cue.
fn known_misc_votes(doc: &DocTags<'_>, by_key: &mut HashMap<String, [f32; 4]>) {
    let names = known_misc_names();
    let first_letters: Vec<char> = {
        let mut v: Vec<char> = names.iter().filter_map(|n| n.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, _) in entities(&labels) {
            let Some(span) = toks.get(a..b) else { continue };
            // Speed: fold (allocate) only names whose first letter opens a
            // listed name.
            let opens_listed = span.first().and_then(|f| f.chars().next()).is_some_and(|c| !c.is_ascii() || first_letters.contains(&c.to_ascii_lowercase()));
            if span.len() > 4 || !opens_listed {
                continue;
            }
            let folded = fold_tokens(span).join(" ");
            if names.contains(folded.as_str()) {
                by_key.entry(key(span)).or_insert([0.0; 4])[type_index(Type::Misc)] += 100.0 * CUE_VOTE;
            }
        }
    }
}

/// "John Logan (connu pour Gladiator, Lincoln)": the names listed right
/// after "connu pour" / "célèbre pour" (over one adverb, "connue notamment
/// pour") are what someone is known for, works, no person, organisation
/// or place.
fn known_for(toks: &[&str], a: usize) -> bool {
    let mut k = a;
    for _ in 0..6 {
        if k < 2 {
            return false;
        }
        match toks.get(k - 1).copied() {
            Some("pour") => {
                let mut j = k - 2;
                if j >= 1 && toks.get(j).is_some_and(|t| matches!(*t, "notamment" | "surtout" | "aussi" | "également")) {
                    j -= 1;
                }
                return toks.get(j).is_some_and(|t| matches!(lower(t).as_ref(), "connu" | "connue" | "connus" | "connues" | "célèbre" | "célèbres"));
            }
            // An earlier item of the list: back to its first word.
            Some("," | "et") => {
                let mut j = k - 1;
                while j > 0 && toks.get(j - 1).is_some_and(|t| is_cap(t)) {
                    j -= 1;
                }
                if j == k - 1 {
                    return false;
                }
                k = j;
            }
            _ => return false,
        }
    }
    false
}

/// Nouns of groups and accounts that no cue list holds, before a quoted
/// name of an organisation ("le collectif « X »", "la liste « X »", "le
/// compte « X »").
const GROUP_NOUNS: &[&str] = &[
    "collectif", "collectifs", "liste", "listes", "coalition", "groupement", "formation", "équipe", "compte", "comptes", "page", "blog", "marque",
    "enseigne", "label", "bande", "troupe", "cercle", "amicale", "coordination", "intersyndicale",
];

/// Determiners before a common noun.
const DETERMINERS: &[&str] = &["le", "la", "l'", "l’", "les", "un", "une", "des", "du", "de", "d'", "d’", "sa", "son", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "notre", "votre"];

/// "sa conférence de presse « Nintendo Direct »", "le célèbre « X »",
/// "le thème « Époques et styles »": the name `a..b`, alone between quotes
/// right after a determiner and a lower-case common noun or adjective,
/// titles a work, a programme or a slogan. Not after a noun that heads or
/// cues an organisation or a title ("le parti « X »", "le journal « X »",
/// "le président « X »").
fn quoted_title(toks: &[&str], a: usize, b: usize) -> bool {
    if a < 3 || !toks.get(a - 1).is_some_and(|t| matches!(*t, "«" | "“")) || !toks.get(b).is_some_and(|t| matches!(*t, "»" | "”")) {
        return false;
    }
    let Some(noun) = toks.get(a - 2) else { return false };
    if noun.chars().count() < 4 || !noun.chars().all(|c| c.is_lowercase() || c == '-') || NAME_STOPS.contains(noun) {
        return false;
    }
    let res = Resources::get();
    if res.cue("fr", noun) != cue::NONE || company_cues("fr").is_some_and(|c| c.contains_key(noun)) || GROUP_NOUNS.contains(noun) {
        return false;
    }
    // Also over one adverb or adjective before it ("son désormais célèbre
    // « X »").
    let det = |k: usize| toks.get(k).is_some_and(|d| DETERMINERS.contains(&lower(d).as_ref()));
    det(a - 3) || (a >= 4 && toks.get(a - 3).is_some_and(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase) && !NAME_STOPS.contains(w)) && det(a - 4))
}

/// A web address without its scheme: "Planethunters.org", "arXiv.org".
fn domain_name(t: &str) -> bool {
    t.rsplit_once('.').is_some_and(|(host, tld)| !host.is_empty() && (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()))
}

/// Nouns whose "de X" complement is a name lent to a thing, no entity:
/// "le boson de Higgs", "le théorème de Fermat"
/// (`ner-events.txt`, lines "NOUN de before").
fn eponym_nouns() -> &'static HashSet<&'static str> {
    static NOUNS: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    NOUNS.get_or_init(|| {
        dossier_text::data_lines(include_str!("../../../data/lang/fr/ner-events.txt")).filter_map(|l| l.strip_suffix(" de before")).collect()
    })
}

/// A name right after an eponym noun and "de" / "d'" ("le boson de
/// Higgs").
fn after_eponym_noun(toks: &[&str], a: usize) -> bool {
    // Also over an article: "le naufrage du Titanic", "de l'Empress".
    let mut k = a;
    if k >= 2 && toks.get(k - 1).is_some_and(|t| matches!(*t, "l'" | "l’" | "la")) && toks.get(k - 2) == Some(&"de") {
        k -= 1;
    }
    k >= 2
        && toks.get(k - 1).is_some_and(|t| matches!(*t, "de" | "d'" | "d’") || (k == a && *t == "du"))
        && toks.get(k - 2).is_some_and(|t| eponym_nouns().contains(lower(t).as_ref()))
}

/// "l'édition 2012-2013 du Vendée Globe", "la 3e édition du …", "cette
/// édition du …": a name after an edition that is numbered (a year, an
/// ordinal) or pointed at names a recurring event (a newspaper's edition,
/// "l'édition du Monde", is neither numbered nor pointed at).
fn numbered_edition_of(toks: &[&str], a: usize) -> bool {
    let mut k = a;
    if k >= 1 && toks.get(k - 1).is_some_and(|t| matches!(*t, "du" | "des")) {
        k -= 1;
    } else if k >= 2 && toks.get(k - 1).is_some_and(|t| matches!(*t, "la" | "l'" | "l’")) && toks.get(k - 2) == Some(&"de") {
        k -= 2;
    } else {
        return false;
    }
    // A year or a season, one token or split at its dash ("2012-2013").
    let year = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '–'));
    let end = k;
    while k >= 1 && end - k < 3 && toks.get(k - 1).is_some_and(|t| year(t)) {
        k -= 1;
    }
    let dated = k < end;
    if k == 0 || !toks.get(k - 1).is_some_and(|t| matches!(lower(t).as_ref(), "édition" | "éditions")) {
        return false;
    }
    let ordinal = |t: &str| {
        let l = t.to_lowercase();
        (l.chars().next().is_some_and(|c| c.is_ascii_digit()) && (l.ends_with('e') || l.ends_with("ème") || l.ends_with("er") || l.ends_with("re")))
            || matches!(l.as_str(), "première" | "deuxième" | "troisième" | "dernière" | "prochaine" | "précédente" | "nouvelle" | "cette")
    };
    dated || (k >= 2 && toks.get(k - 2).is_some_and(|t| ordinal(t)))
}

/// A company and its longer name share their type: when a one-word name
/// ("Samsung") and a longer name opened by it ("Samsung Electronics") are
/// both in the document and one of them is an organisation, the other one
/// tagged as a person is the organisation too — unless the word is a
/// person's surname in the document (`surnames`), or the longer name goes
/// on with two capitalised words, a first name or a person's name of the
/// document (a person's name after the organisation's, "WikiLeaks Julian
/// Assange", is split elsewhere).
fn company_first_words(target: &mut HashMap<String, (Type, f32)>, surnames: &HashMap<String, f32>) {
    let mut to_org: Vec<String> = Vec::new();
    for (k, (ty, _)) in target.iter() {
        let Some((first, rest)) = k.split_once(' ') else { continue };
        let names = folded_first_names();
        let person_after = rest.split(' ').filter(|w| is_cap(w)).count() >= 2;
        if surnames.contains_key(first) || person_after || target.get(rest).is_some_and(|t| t.0 == Type::Per) || rest.split(' ').any(|w| names.contains(&crate::resources::fold_word(w))) {
            continue;
        }
        let Some((short, _)) = target.get(first) else { continue };
        match (*ty, *short) {
            (Type::Org, Type::Per) => to_org.push(first.to_string()),
            (Type::Per, Type::Org) => to_org.push(k.clone()),
            _ => {}
        }
    }
    for k in to_org {
        if let Some(t) = target.get_mut(&k) {
            t.0 = Type::Org;
        }
    }
}

/// Weight of a cue word's vote, against model confidences in `[0, 1]` per
/// occurrence: a syntactic cue is stronger evidence than one guess.
const CUE_VOTE: f32 = 4.0;

/// Company heads whose cue vote reaches a name across "de" and a noun
/// ("la société de mercenaires Wagner").
const COMPANY_HEADS: &[&str] = &["société", "groupe", "compagnie", "entreprise"];

fn type_index(t: Type) -> usize {
    Type::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

/// The entity type a gazetteer match gives, if it is reliable enough to
/// override or complete the model: organisations → ORG; countries,
/// regions, first-level subdivisions ("Québec", "Corse-du-Sud") and big
/// cities → LOC (countries stay LOC when they act).
fn gazetteer_type(classes: u8) -> Option<Type> {
    if classes & class::ORG != 0 {
        // Political unions are both regions and organisations: ORG.
        Some(Type::Org)
    } else if classes & (class::COUNTRY | class::REGION | class::BIGCITY | class::SUBDIVISION) != 0 {
        Some(Type::Loc)
    } else {
        None
    }
}

/// Compass words: some first-level subdivisions are called only that
/// ("Sud", "Nord-Ouest", "Centre"), but in running text the word is part of
/// another name ("Europe du Sud") far more often.
const COMPASS_WORDS: &[&str] = &["nord", "sud", "est", "ouest", "centre", "central", "centrale", "north", "south", "east", "west", "eastern", "western", "northern", "southern"];

/// Known first names, folded (see [`first_names`]).
fn folded_first_names() -> &'static HashSet<String> {
    static NAMES: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| first_names().iter().map(|n| crate::resources::fold_word(n)).collect())
}

/// `classes` without the subdivision bit when the name (folded tokens) is
/// one word made only of compass words, or a known first name (the
/// municipality of Paul, Cape Verde, is not what "Paul" names in news).
fn without_generic_subdivision<S: AsRef<str>>(classes: u8, folded: &[S]) -> u8 {
    if classes & class::SUBDIVISION == 0 {
        return classes;
    }
    let generic = match folded {
        [one] => one.as_ref().split('-').all(|p| COMPASS_WORDS.contains(&p)) || folded_first_names().contains(one.as_ref()),
        _ => false,
    };
    if generic {
        classes & !class::SUBDIVISION
    } else {
        classes
    }
}

/// Gazetteer matches in one sentence: untagged capitalised matches are
/// tagged, model mentions that are a prefix of a longer match are extended,
/// and model mentions that are exactly a match take its type.
#[cfg(test)]
fn gazetteer_pass(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon, surnames: &HashSet<&str>) {
    gazetteer_pass_folded(toks, &fold_tokens(toks), tags, lexicon, surnames);
}

/// The folded tokens of a sentence (see [`crate::resources::fold_word`]).
fn fold_tokens(toks: &[&str]) -> Vec<String> {
    toks.iter().map(|t| crate::resources::fold_word(t)).collect()
}

/// [`gazetteer_pass`] with the sentence's tokens already folded.
fn gazetteer_pass_folded(toks: &[&str], folded: &[String], tags: &mut [(Label, f32)], lexicon: &Lexicon, surnames: &HashSet<&str>) {
    let res = Resources::get();
    let mut i = 0;
    while i < toks.len() {
        // Longest reliable match starting at i. A name that opens with an
        // article ("Le Monde", "La Poste") needs the word after it
        // capitalised: "Le monde entier" is no newspaper.
        let article_first = matches!(folded.get(i).map(String::as_str), Some("le" | "la" | "les" | "l'" | "l’" | "the"));
        let next_cap = toks.get(i + 1).is_some_and(|t| is_cap(t));
        let mut best: Option<(usize, Type)> = None;
        let mut h = 0;
        // Speed: no look-up where the article rules every match out.
        let lookups = if article_first && !next_cap { i } else { toks.len().min(i + MAX_GAZ_TOKENS) };
        for j in i..lookups {
            h = hash_extend(h, j == i, folded.get(j).map_or("", String::as_str));
            let classes = without_generic_subdivision(res.name_classes(h), folded.get(i..=j).unwrap_or(&[]));
            if let Some(t) = gazetteer_type(classes) {
                best = Some((j + 1, t));
            }
            if !res.name_continues(h) {
                break;
            }
        }
        let first = toks.get(i).copied().unwrap_or("");
        let single = best.is_some_and(|(e, _)| e == i + 1);
        let all_caps = first.chars().count() > 1 && first.chars().all(|c| !c.is_lowercase());
        // A common word in a line written in capitals ("UN MOUVEMENT
        // NATIONAL") is no acronym.
        let caps_word = |k: usize| toks.get(k).is_some_and(|t| t.chars().count() > 1 && t.chars().all(|c| c.is_uppercase()));
        let shouted = all_caps && ((i > 0 && caps_word(i - 1)) || caps_word(i + 1)) && lexicon.contains(&first.to_lowercase());
        let single_common = single
            && (!all_caps || shouted)
            && (lexicon.contains(&first.to_lowercase()) || first.chars().count() < 3 || surnames.contains(first));
        let Some((end, ty)) = best.filter(|_| is_cap(first) && !single_common) else {
            i += 1;
            continue;
        };
        let label = |k: usize| tags.get(k).map_or(Label::O, |t| t.0);
        let starts_entity = matches!(label(i), Label::B(_));
        let inside_other = matches!(label(i), Label::I(_));
        // Where the model's entity starting at i ends.
        let mut model_end = i;
        if starts_entity {
            model_end = i + 1;
            while matches!(label(model_end), Label::I(_)) {
                model_end += 1;
            }
        }
        let free_after = (model_end.max(i)..end).all(|k| label(k) == Label::O);
        let continues = matches!(label(end), Label::I(_));
        if inside_other || continues {
            i += 1;
            continue;
        }
        if !starts_entity && free_after {
            relabel(tags, i, end, ty, Some(0.7));
        } else if starts_entity && model_end == end {
            let cur = label(i).entity_type();
            if cur != Some(ty) {
                let s = tags.get(i).map_or(0.7, |t| t.1);
                relabel(tags, i, end, ty, Some(s));
            }
        } else if starts_entity && model_end < end && free_after {
            let s = tags.get(i).map_or(0.7, |t| t.1);
            relabel(tags, i, end, ty, Some(s));
        } else if end >= i + 2 {
            // A known name of several words over the model's shorter names,
            // all inside it ("PSA" + "Peugeot Citroën", "Air" + "France").
            relabel(tags, i, end, ty, Some(0.7));
        } else {
            i += 1;
            continue;
        }
        i = end;
    }
}

/// "Wagner du Mali" tagged as one name while "Wagner" is a name on its own
/// elsewhere in the document, and "Mali" a known place: two names.
fn split_name_of_place(doc: &mut DocTags<'_>) {
    let mut alone: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (toks, tags) in doc.sentences.iter().zip(&doc.tags) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, _) in entities(&labels) {
            if b == a + 1 {
                if let Some(t) = toks.get(a) {
                    alone.insert(t);
                }
            }
        }
    }
    for (toks, tags) in doc.sentences.iter().zip(doc.tags.iter_mut()) {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if b < a + 3 || !toks.get(a).is_some_and(|t| alone.contains(t)) {
                continue;
            }
            let prep = toks.get(a + 1).map(|t| t.to_lowercase()).unwrap_or_default();
            if !matches!(prep.as_str(), "de" | "du" | "des" | "d'" | "d’" | "of") {
                continue;
            }
            let rest = toks.get(a + 2..b).unwrap_or(&[]);
            if known_name(rest) == Some(Type::Loc) {
                relabel(tags, a, a + 1, ty, None);
                if let Some(t) = tags.get_mut(a + 1) {
                    t.0 = Label::O;
                }
                relabel(tags, a + 2, b, Type::Loc, None);
            }
        }
    }
}

/// A name does not start with a word that is capitalised only because it
/// opens the sentence: for a person's name any common word ("Après Wagner"
/// → "Wagner"; short words such as "Le" of "Le Pen" are left alone), for
/// any name a preposition, conjunction or adverb of
/// `data/lang/mul/ner-opening-words.txt` ("Selon Médiamétrie" →
/// "Médiamétrie"; organisations do start with common nouns: "Banque
/// mondiale"). Such a word tagged alone ("Partagez") is dropped.
fn trim_sentence_initial_word(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    if let Some(&(0, b, ty)) = entities(&labels).first() {
        let first = toks.first().copied().unwrap_or("");
        let lower = first.to_lowercase();
        // A geographic head opening the sentence ("Îles Baléares : …") is
        // the name's own first word.
        let head = place_heads().contains(lower.as_str()) || english_place_heads().contains(lower.as_str());
        let common = ty == Type::Per && first.chars().count() >= 4 && lexicon.contains(&lower) && !head;
        if b >= 2 && (common || opening_words().contains(lower.as_str())) {
            if let Some(t) = tags.get_mut(0) {
                t.0 = Label::O;
            }
            relabel(tags, 1, b, ty, None);
        } else if b == 1 && opening_words().contains(lower.as_str()) {
            // Tagged alone ("Partagez", "Selon"): no name at all.
            if let Some(t) = tags.get_mut(0) {
                t.0 = Label::O;
            }
        }
    }
}

/// A capitalised common word right before a person's name, inside the
/// sentence, is the name's first word: mid-sentence, only a name's word
/// is capitalised ("rappelle Ana Sofia Cardenal", "selon Roman
/// Bornstein", where "ana" and "roman" are also common words). Not a
/// title or role ("le Président Macron" keeps its title out), a demonym
/// ("le Français Jean Dupont"), a word after a determiner, or one after
/// a mark that opens a sentence-like unit (quote, colon, dash, bracket).
fn capitalised_word_before_person(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon, lang: &str) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Per || a < 2 {
            continue;
        }
        let (Some(&word), Some(&before)) = (toks.get(a - 1), toks.get(a - 2)) else { continue };
        let lower = word.to_lowercase();
        let untagged = tags.get(a - 1).is_some_and(|t| t.0 == Label::O);
        let letters = word.chars().count() >= 3 && word.chars().all(char::is_alphabetic);
        let after_word = before.chars().next().is_some_and(char::is_alphabetic) && !before.ends_with(['\'', '’']);
        let det = matches!(before.to_lowercase().as_str(), "le" | "la" | "les" | "un" | "une" | "des" | "du" | "ce" | "cet" | "cette" | "the" | "a" | "an");
        if untagged
            && letters
            && is_cap(word)
            && !word.chars().all(char::is_uppercase)
            && after_word
            && !det
            && lexicon.contains(&lower)
            && res.cue(lang, &lower) == cue::NONE
            && !res.is_demonym(&dossier_text::normalize::fold(word))
            && !opening_words().contains(lower.as_str())
        {
            let score = tags.get(a).map(|t| t.1);
            relabel(tags, a - 1, b, Type::Per, score);
        }
    }
}

/// A product's model code: letters in capitals and digits ("3DS", "A380",
/// "NK603"), no lower-case letter (no ordinal or unit: "15e", "20km").
fn is_model_code(t: &str) -> bool {
    let n = t.chars().count();
    (2..=8).contains(&n)
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(|c| c.is_ascii_uppercase())
        && !t.chars().any(|c| c.is_lowercase())
}

/// A version number ("12.10", "4.2"): a French text writes no decimal with
/// a point, and dates and times are written otherwise.
fn is_version(t: &str) -> bool {
    t.split_once('.').is_some_and(|(a, b)| {
        (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
    })
}

/// Products named with their model code ("la Nintendo 3DS", "l'Airbus
/// A380", "Unity 3D") are no organisation, person or place: the name and
/// the code are one MISC name (the brand alone elsewhere keeps its type).
fn product_codes(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc {
            continue;
        }
        let code = toks.get(b).is_some_and(|t| is_model_code(t)) && tags.get(b).is_some_and(|t| t.0 == Label::O);
        if code {
            relabel(tags, a, b + 1, Type::Misc, None);
        }
    }
}

/// In French text, "and", "&", "for" and "of" (with an optional "the"
/// after them) between capitalised words are no French words: they join
/// the words of one English name ("Food and Chemical Toxicology", "Allen
/// Institute for Artificial Intelligence", "History of Political
/// Economy"), which the model cuts at the connector. The run of
/// capitalised words is tagged as one name: an organisation (such names
/// are mostly journals, institutes and foundations), or a place when only
/// places were tagged in it ("Isle of Man"), or no new type when a part is
/// a work or event (MISC). Not across a name that runs on outside the
/// run, not two known places ("Louisiana and New York"), and not two
/// persons joined by "and" ("Simon and Garfunkel").
fn english_connected_names(toks: &[&str], tags: &mut [(Label, f32)]) {
    let word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            is_cap(t) && t.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.') && !opening_words().contains(t.to_lowercase().as_str())
        })
    };
    let connector = |k: usize| toks.get(k).is_some_and(|t| matches!(*t, "and" | "&" | "for" | "of"));
    let label = |k: usize, tags: &[(Label, f32)]| tags.get(k).map_or(Label::O, |t| t.0);
    let mut i = 0;
    while i < toks.len() {
        if !word(i) || matches!(label(i, tags), Label::I(_)) {
            i += 1;
            continue;
        }
        // Segments of capitalised words, and the connectors between them.
        let mut segments = vec![(i, i)];
        let mut j = i;
        loop {
            while word(j) {
                j += 1;
            }
            if let Some(last) = segments.last_mut() {
                last.1 = j;
            }
            let mut k = j;
            if !connector(k) {
                break;
            }
            k += 1;
            if toks.get(k) == Some(&"the") {
                k += 1;
            }
            if !word(k) {
                break;
            }
            segments.push((k, k));
            j = k;
        }
        let end = j;
        if segments.len() < 2 || matches!(label(end, tags), Label::I(_)) {
            i = end.max(i + 1);
            continue;
        }
        let types: Vec<Type> = (i..end).filter_map(|k| match label(k, tags) {
            Label::B(t) | Label::I(t) => Some(t),
            Label::O => None,
        }).collect();
        let all_of = |ty: Type| !types.is_empty() && types.iter().all(|t| *t == ty);
        let known_places = segments.iter().filter(|s| known_name(toks.get(s.0..s.1).unwrap_or(&[])) == Some(Type::Loc)).count();
        let and_joined = (i..end).any(|k| matches!(toks.get(k), Some(&"and") | Some(&"&")));
        let persons = segments.iter().all(|s| (s.0..s.1).all(|k| matches!(label(k, tags), Label::B(Type::Per) | Label::I(Type::Per))));
        // Words in capitals ("HYDROXYCHLOROQUINE & AZITHROMYCIN") shout
        // common words as often as they write names.
        let shouted = segments.iter().any(|s| (s.0..s.1).all(|k| toks.get(k).is_some_and(|t| !t.chars().skip(1).any(char::is_lowercase))));
        if known_places >= 2 || (and_joined && persons) || shouted || types.contains(&Type::Misc) {
            i = end;
            continue;
        }
        let ty = if all_of(Type::Loc) { Type::Loc } else { Type::Org };
        let score = if types.is_empty() { Some(0.6) } else { None };
        relabel(tags, i, end, ty, score);
        i = end;
    }
}

fn opening_words() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/mul/ner-opening-words.txt")
}

/// An untagged all-capital acronym alone in parentheses after a
/// description ("la télévision nationale (ORTM)") names an organisation.
fn acronyms_in_parentheses(toks: &[&str], tags: &mut [(Label, f32)]) {
    for i in 1..toks.len().saturating_sub(1) {
        let (Some(&open), Some(&word), Some(&close)) = (toks.get(i - 1), toks.get(i), toks.get(i + 1)) else { continue };
        let n = word.chars().count();
        let acronym = (2..=8).contains(&n) && word.chars().all(|c| c.is_uppercase());
        // After a description, not after a time or a figure ("16:50 (UTC)").
        let after_words = i >= 2 && toks.get(i - 2).is_some_and(|t| t.chars().any(char::is_alphabetic));
        if open == "(" && close == ")" && acronym && after_words && tags.get(i).is_some_and(|t| t.0 == Label::O) {
            relabel(tags, i, i + 1, Type::Org, Some(0.6));
        }
    }
}

/// "le boson de Higgs" where "Peter Higgs" makes "Higgs" a person in the
/// rest of the document: right after an eponym noun and "de", the name is
/// the thing's, not the person's, at that occurrence (`ner-events.txt`).
fn eponyms_at_their_noun(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Misc && after_eponym_noun(toks, a) {
            relabel(tags, a, b, Type::Misc, None);
        }
    }
}

/// "la Loi fondamentale (Grundgesetz)": a name alone in parentheses right
/// after a work or thing (MISC) gives its other name (original, short),
/// a work or thing too.
fn parenthesised_names_of_works(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc || a < 2 || toks.get(a - 1) != Some(&"(") || toks.get(b) != Some(&")") {
            continue;
        }
        if matches!(labels.get(a - 2), Some(Label::B(Type::Misc) | Label::I(Type::Misc))) {
            relabel(tags, a, b, Type::Misc, None);
        }
    }
}

/// "À Ploumanac’h, Lannion et Pommerit-Jaudy (Côtes-d’Armor)": two
/// one-word names joined by "et" and followed by a place in parentheses
/// (the French way of giving a commune its département or country) are
/// two places, not one organisation.
fn coordinated_places_before_parenthesised_place(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc || b != a + 3 || toks.get(a + 1) != Some(&"et") {
            continue;
        }
        if !(toks.get(a).is_some_and(|w| is_cap(w)) && toks.get(a + 2).is_some_and(|w| is_cap(w))) {
            continue;
        }
        if toks.get(b) != Some(&"(") || labels.get(b + 1) != Some(&Label::B(Type::Loc)) {
            continue;
        }
        let mut e = b + 2;
        while labels.get(e) == Some(&Label::I(Type::Loc)) {
            e += 1;
        }
        if toks.get(e) != Some(&")") {
            continue;
        }
        relabel(tags, a, a + 1, Type::Loc, None);
        if let Some(t) = tags.get_mut(a + 1) {
            t.0 = Label::O;
        }
        relabel(tags, a + 2, a + 3, Type::Loc, None);
    }
}

/// "l'Enseignement supérieur" when the same document also writes
/// "l'enseignement supérieur": a capitalised word followed only by
/// lower-case words, all written in lower case (and untagged) elsewhere in
/// the document, is a common phrase, not a name. Institution, place and
/// company heads keep their names ("Caisse de grève", "Conseil
/// constitutionnel" … "le conseil constitutionnel").
fn drop_phrases_written_lower_elsewhere(doc: &mut DocTags<'_>) {
    let cues = company_cues("fr");
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (si, (toks, tags)) in doc.sentences.iter().zip(doc.tags.iter()).enumerate() {
        let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
        for (a, b, ty) in entities(&labels) {
            if ty == Type::Misc || b < a + 2 {
                continue;
            }
            let Some(&h) = toks.get(a) else { continue };
            let title = |w: &str| is_cap(w) && w.chars().skip(1).all(char::is_lowercase);
            let span = &toks[a..b];
            // "Caisse de grève" or, every word capitalised, "Gilets Jaunes"
            // ("les gilets jaunes" elsewhere).
            let rest_lower = span[1..].iter().all(|w| w.chars().next().is_some_and(char::is_lowercase));
            if !title(h) || !(rest_lower || span.iter().all(|w| title(w))) {
                continue;
            }
            let lh = h.to_lowercase();
            let head = institution_heads().contains(&lh)
                || lower_institution_heads().contains(lh.as_str())
                || place_heads().contains(lh.as_str())
                || cues.is_some_and(|c| c.contains_key(lh.as_str()));
            if head {
                continue;
            }
            let lower: Vec<String> = span.iter().map(|w| w.to_lowercase()).collect();
            let n = lower.len();
            let lower_elsewhere = doc.sentences.iter().zip(doc.tags.iter()).any(|(ot, og)| {
                (0..=ot.len().saturating_sub(n)).any(|k| {
                    ot.get(k..k + n).is_some_and(|w| w.iter().zip(&lower).all(|(x, y)| *x == y.as_str()))
                        && og.iter().skip(k).take(n).all(|t| t.0 == Label::O)
                })
            });
            if lower_elsewhere {
                found.push((si, a, b));
            }
        }
    }
    for (si, a, b) in found {
        if let Some(tags) = doc.tags.get_mut(si) {
            for t in tags.iter_mut().take(b).skip(a) {
                t.0 = Label::O;
            }
        }
    }
}

/// "Conférence de presse … - Gennevilliers - 28 avril 2019": in a photo
/// caption a one-word name set between dashes right before the date is
/// where the picture was taken.
fn caption_places_before_dates(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let dash = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "-" | "–" | "—"));
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Loc || ty == Type::Misc || b != a + 1 || a == 0 {
            continue;
        }
        if !dash(toks.get(a - 1)) || !dash(toks.get(b)) {
            continue;
        }
        let day = toks.get(b + 1).is_some_and(|w| !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()));
        let month = toks.get(b + 2).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "janvier" | "février" | "mars" | "avril" | "mai" | "juin" | "juillet" | "août" | "septembre" | "octobre" | "novembre" | "décembre"
            )
        });
        if day && month {
            relabel(tags, a, b, Type::Loc, None);
        }
    }
}

/// "Willian et David Luiz sont à l'isolement": a one-word name, unknown to
/// the gazetteers and the lexicon, coordinated by "et" with a person named
/// by a known first name and a surname, is a person too (the model often
/// types lone foreign names as organisations). Not after a preposition of
/// place ("à Lannion et …").
fn single_names_coordinated_with_persons(toks: &[&str], tags: &mut [(Label, f32)], lexicon: &Lexicon) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    let ents = entities(&labels);
    for pair in ents.windows(2) {
        let (x, y) = (pair[0], pair[1]);
        if x.1 + 1 != y.0 || toks.get(x.1) != Some(&"et") {
            continue;
        }
        for (single, per) in [(x, y), (y, x)] {
            if per.2 != Type::Per || per.1 < per.0 + 2 || !toks.get(per.0).is_some_and(|f| first_names().contains(f)) {
                continue;
            }
            if single.1 != single.0 + 1 || !matches!(single.2, Type::Org | Type::Loc) {
                continue;
            }
            let Some(&word) = toks.get(single.0) else { continue };
            if !is_cap(word) || !word.chars().skip(1).all(char::is_lowercase) || lexicon.contains(&word.to_lowercase()) || known_name(&[word]).is_some() {
                continue;
            }
            let before = x.0.checked_sub(1).and_then(|k| toks.get(k)).map(|t| t.to_lowercase()).unwrap_or_default();
            if matches!(before.as_str(), "à" | "en" | "de" | "du" | "des" | "d'" | "d’" | "dans" | "vers" | "depuis" | "au" | "aux") {
                continue;
            }
            relabel(tags, single.0, single.1, Type::Per, None);
        }
    }
}

/// "l'Association catholique contre la torture et la peine de mort (ACAT)":
/// an organisation name followed by lower-case words and then an acronym
/// in parentheses opening with the name's initial runs on to the
/// parenthesis: the acronym defines the whole phrase before it. The words
/// crossed are untagged lower-case words, never verbs or pronouns.
fn run_on_to_defined_acronym(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Org {
            continue;
        }
        let Some(initial) = toks.get(a).and_then(|w| w.chars().next()).filter(|c| c.is_uppercase()) else { continue };
        let mut j = b;
        while j < b + 10 {
            let Some(&t) = toks.get(j) else { break };
            if t == "(" {
                let acronym = toks.get(j + 1).is_some_and(|w| {
                    let n = w.chars().count();
                    (2..=8).contains(&n) && w.chars().all(|c| c.is_uppercase()) && w.starts_with(initial)
                });
                if j > b && acronym && toks.get(j + 2) == Some(&")") && !toks.get(j - 1).is_some_and(|w| is_de(w)) {
                    relabel(tags, a, j, Type::Org, None);
                }
                break;
            }
            let word = t.chars().next().is_some_and(char::is_lowercase)
                && t.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
                && !NAME_STOPS.contains(&lower(t).as_ref());
            if !word || tags.get(j).is_none_or(|x| x.0 != Label::O) {
                break;
            }
            j += 1;
        }
    }
}

/// "la page Facebook Vécu", "le compte Twitter X": after a noun of an
/// account, a known platform run together with the name after it is two
/// organisations, the platform and the account.
fn split_platform_accounts(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty == Type::Misc || b < a + 2 || a == 0 {
            continue;
        }
        let account = toks.get(a - 1).is_some_and(|w| matches!(*w, "page" | "compte" | "chaîne" | "groupe" | "profil"));
        if !account || known_name(toks.get(a..a + 1).unwrap_or(&[])) != Some(Type::Org) || !toks.get(a + 1).is_some_and(|w| is_cap(w)) {
            continue;
        }
        if known_name(toks.get(a..b).unwrap_or(&[])).is_some() {
            continue;
        }
        relabel(tags, a, a + 1, Type::Org, None);
        relabel(tags, a + 1, b, Type::Org, None);
    }
}

/// "Ivan Du Roy et Ludo Symbille, journalistes chez Bastamag": after a
/// role noun (a title cue, singular or plural) and "chez", a name tagged as
/// a place is the employer, an organisation, unless the gazetteers know it
/// as a place.
fn employers_after_chez(toks: &[&str], tags: &mut [(Label, f32)]) {
    let res = Resources::get();
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        if ty != Type::Loc || a < 2 || toks.get(a - 1) != Some(&"chez") {
            continue;
        }
        let role = toks.get(a - 2).map(|w| w.to_lowercase()).unwrap_or_default();
        let singular = role.strip_suffix('s').unwrap_or(&role);
        if res.cue("fr", &role) != cue::TITLE && res.cue("fr", singular) != cue::TITLE {
            continue;
        }
        if known_name(toks.get(a..b).unwrap_or(&[])) == Some(Type::Loc) {
            continue;
        }
        relabel(tags, a, b, Type::Org, None);
    }
}

fn relabel(tags: &mut [(Label, f32)], a: usize, b: usize, ty: Type, score: Option<f32>) {
    for (k, t) in tags.iter_mut().enumerate().take(b).skip(a) {
        t.0 = if k == a { Label::B(ty) } else { Label::I(ty) };
        if let Some(s) = score {
            t.1 = s;
        }
    }
}

/// Capitalised definite articles of other languages
/// (`data/lang/fr/ner-foreign-articles.txt`).
fn foreign_articles() -> &'static HashSet<&'static str> {
    data_word_set!("../../../data/lang/fr/ner-foreign-articles.txt")
}

/// "le quotidien El Punt Avui", "The Hollywood Reporter": in French text, a
/// capitalised article of another language right before a tagged name opens
/// that name (titles of newspapers, bands, works); the model tags the name
/// without it. "Il" opens a sentence as the French pronoun, so it counts
/// only inside a sentence.
fn foreign_articles_open_names(toks: &[&str], tags: &mut [(Label, f32)]) {
    let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
    for (a, b, ty) in entities(&labels) {
        let Some(prev) = a.checked_sub(1) else { continue };
        let Some(&art) = toks.get(prev) else { continue };
        if !foreign_articles().contains(art) || labels.get(prev) != Some(&Label::O) {
            continue;
        }
        let opens_sentence = prev == 0 || toks.get(prev - 1).is_some_and(|t| !t.chars().any(char::is_alphanumeric));
        if art == "Il" && opens_sentence {
            continue;
        }
        // "by the FDA": before an acronym the article is the running
        // text's (an English sentence quoted), no part of a title.
        let acronym = toks.get(a).is_some_and(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase));
        if acronym {
            continue;
        }
        relabel(tags, prev, b, ty, None);
    }
}

/// For a hyphenated token whose parts are all known places while the whole
/// is not ("Mali-Russie"), the byte ranges (relative to the token) and
/// type of each part.
pub fn split_compound(token: &str) -> Option<Vec<(usize, usize)>> {
    if !token.contains('-') {
        return None;
    }
    let res = Resources::get();
    let places = class::COUNTRY | class::REGION | class::BIGCITY;
    let fold = dossier_text::normalize::fold;
    if res.name_classes(hash_tokens(std::iter::once(fold(token).as_str()))) != 0 {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for part in token.split('-') {
        let end = start + part.len();
        if part.is_empty() || !is_cap(part) || res.name_classes(hash_tokens(std::iter::once(fold(part).as_str()))) & places == 0 {
            return None;
        }
        out.push((start, end));
        start = end + 1;
    }
    if country_named_with_its_city(token) {
        return None;
    }
    (out.len() >= 2).then_some(out)
}

/// "Guinée-Conakry", "Congo-Brazzaville": a country followed by one of its
/// cities (never itself a country or region) is one place, the country told
/// apart by its capital, not two places as in "Mali-Russie".
fn country_named_with_its_city(token: &str) -> bool {
    let res = Resources::get();
    let fold = dossier_text::normalize::fold;
    let classes = |p: &str| res.name_classes(hash_tokens(std::iter::once(fold(p).as_str())));
    let mut parts = token.split('-');
    let (Some(country), Some(city), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let (c1, c2) = (classes(country), classes(city));
    c1 & class::COUNTRY != 0 && c1 & class::BIGCITY == 0 && c2 & (class::BIGCITY | class::CITY) != 0 && c2 & (class::COUNTRY | class::REGION) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels a sentence rule leaves on `toks` first tagged `labels`.
    fn labels_after(rule: impl Fn(&[&str], &mut [(Label, f32)]), toks: &[&str], labels: &[Label]) -> Vec<Label> {
        let mut tags: Vec<(Label, f32)> = labels.iter().map(|l| (*l, 0.9)).collect();
        rule(toks, &mut tags);
        tags.iter().map(|t| t.0).collect()
    }
    use std::collections::HashSet;

    #[test]
    fn lower_is_to_lowercase() {
        for t in ["", "été", "Été", "ÉTÉ", "l'", "ΟΔΟΣ", "İstanbul", "ǅ", "Ⓐ", "ß", "x2"] {
            assert_eq!(lower(t), t.to_lowercase(), "{t}");
            assert_eq!(matches!(lower(t), Cow::Borrowed(_)), t == t.to_lowercase(), "{t}");
        }
    }

    #[test]
    fn a_foreign_article_opens_the_name_after_it() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["le", "quotidien", "El", "Punt", "Avui", "."];
        let mut tags = vec![o, o, o, (B(org), 0.9), (I(org), 0.9), o];
        foreign_articles_open_names(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0, tags[4].0), (B(org), I(org), I(org)));
        // "Il" opening a sentence is the French pronoun.
        let toks = ["Il", "Corriere", "a", "écrit"];
        let mut tags = vec![o, (B(org), 0.9), o, o];
        foreign_articles_open_names(&toks, &mut tags);
        assert_eq!((tags[0].0, tags[1].0), (O, B(org)));
        let toks = ["selon", "Il", "Corriere", ","];
        let mut tags = vec![o, o, (B(org), 0.9), o];
        foreign_articles_open_names(&toks, &mut tags);
        assert_eq!((tags[1].0, tags[2].0), (B(org), I(org)));
    }

    #[test]
    fn a_foreign_article_stays_out_of_an_acronym() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["approved", "by", "The", "FDA", "."];
        let mut tags = vec![o, o, o, (B(org), 0.9), o];
        foreign_articles_open_names(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0), (O, B(org)));
    }

    #[test]
    fn a_lower_case_complement_before_a_person_is_no_organisation() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let per = Type::Per;
        let toks = ["président", "de", "la", "commission", "Denis", "Baupin", "("];
        let mut tags = vec![o, o, o, (B(org), 0.9), (I(org), 0.9), (I(org), 0.9), o];
        split_persons_off_titled_organisations(&toks, &mut tags);
        assert_eq!((tags[3].0, tags[4].0, tags[5].0), (O, B(per), I(per)));
        // A capitalised organisation keeps its type.
        let toks = ["président", "du", "Conseil", "Mario", "Monti", "a"];
        let mut tags = vec![o, o, (B(org), 0.9), (I(org), 0.9), (I(org), 0.9), o];
        split_persons_off_titled_organisations(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0, tags[4].0), (B(org), B(per), I(per)));
    }

    #[test]
    fn a_first_name_particle_and_name_tagged_organisation_is_a_person() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let per = Type::Per;
        let lexicon = Lexicon::default();
        let toks = ["titre", "que", "François", "d'", "Assise", "»"];
        let mut tags = vec![o, o, (B(org), 0.9), (I(org), 0.9), (I(org), 0.9), o];
        first_name_persons(&toks, &mut tags, &lexicon);
        assert_eq!((tags[2].0, tags[3].0, tags[4].0), (B(per), I(per), I(per)));
        // A place of that shape keeps its type.
        let toks = ["aéroport", "Charles", "de", "Gaulle", "."];
        let mut tags = vec![o, (B(Type::Loc), 0.9), (I(Type::Loc), 0.9), (I(Type::Loc), 0.9), o];
        first_name_persons(&toks, &mut tags, &lexicon);
        assert_eq!(tags[1].0, B(Type::Loc));
    }

    #[test]
    fn a_lone_head_of_a_longer_name_in_the_document_is_dropped() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let mut doc = DocTags {
            sentences: vec![vec!["le", "Conseil", "national", "syrien", "."], vec!["le", "chef", "du", "Conseil", "a"], vec!["le", "Parlement", "a"]],
            tags: vec![vec![o, (B(org), 0.9), (I(org), 0.9), (I(org), 0.9), o], vec![o, o, o, (B(org), 0.9), o], vec![o, (B(org), 0.9), o]],
        };
        drop_lone_heads_of_longer_names(&mut doc);
        assert_eq!(doc.tags[0][1].0, B(org));
        assert_eq!(doc.tags[1][3].0, O);
        // No longer name opens with "Parlement": it stays.
        assert_eq!(doc.tags[2][1].0, B(org));
    }

    #[test]
    fn an_untagged_mutual_insurer_runs_over_its_adjectives() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["par", "la", "Mutualité", "sociale", "agricole", "("];
        let mut tags = vec![o; 6];
        extend_institution_names(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0, tags[4].0, tags[5].0), (B(org), I(org), I(org), O));
        let toks = ["de", "l'", "Église", "catholique", "lorsque"];
        let mut tags = vec![o; 5];
        extend_institution_names(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0, tags[4].0), (B(org), I(org), O));
    }

    #[test]
    fn a_particle_opening_a_sentence_joins_the_person_of_the_document() {
        use Label::*;
        let o = (O, 0.9);
        let per = Type::Per;
        let lexicon = Lexicon::default();
        let mut doc = DocTags {
            sentences: vec![vec!["Sortie", "de", "Le", "Goff", ",", "."], vec!["Le", "Goff", "est", "lancé"]],
            tags: vec![vec![o, o, (B(per), 0.9), (I(per), 0.9), o, o], vec![o, (B(Type::Org), 0.9), o, o]],
        };
        apply(&mut doc, &lexicon, "fr");
        assert_eq!((doc.tags[1][0].0, doc.tags[1][1].0), (B(per), I(per)));
    }

    #[test]
    fn a_name_right_after_journal_is_a_medium() {
        let cues = company_cues("fr").expect("French company cues");
        assert!(company_context(&["dans", "le", "journal", "Plos", "Medicine", ":"], 3, 5, cues));
        assert!(!company_context(&["dans", "le", "livre", "Plos", "Medicine", ":"], 3, 5, cues));
    }

    #[test]
    fn an_untagged_name_after_a_staff_noun_is_the_employer() {
        use Label::*;
        let toks = ["deux", "agents", "Enedis", "ont"];
        assert_eq!(labels_after(employers_after_staff_nouns, &toks, &[O, O, O, O]), vec![O, O, B(Type::Org), O]);
        let toks = ["les", "employés", "Jean", "et"];
        assert_eq!(labels_after(employers_after_staff_nouns, &toks, &[O, O, O, O]), vec![O, O, O, O]);
    }

    #[test]
    fn an_untagged_acronym_after_chez_is_an_organisation() {
        use Label::*;
        let toks = ["idem", "chez", "PSA", "où"];
        assert_eq!(labels_after(acronyms_after_chez, &toks, &[O, O, O, O]), vec![O, O, B(Type::Org), O]);
        let toks = ["chez", "Louis", "XIV", "."];
        assert_eq!(labels_after(acronyms_after_chez, &toks, &[O, O, O, O]), vec![O, O, O, O]);
        let toks = ["né", "chez", "VI", "."];
        assert_eq!(labels_after(acronyms_after_chez, &toks, &[O, O, O, O]), vec![O, O, O, O]);
    }

    #[test]
    fn a_work_right_after_a_periodical_noun_is_the_medium() {
        use Label::*;
        let cues = company_cues("fr").expect("French company cues");
        let rule = |t: &[&str], g: &mut [(Label, f32)]| names_after_company_nouns(t, g, cues);
        let toks = ["dans", "la", "revue", "Nature", "."];
        assert_eq!(labels_after(rule, &toks, &[O, O, O, B(Type::Misc), O]), vec![O, O, O, B(Type::Org), O]);
        // A website or a programme stays a work.
        let toks = ["sur", "le", "site", "Doctissimo", "."];
        assert_eq!(labels_after(rule, &toks, &[O, O, O, B(Type::Misc), O]), vec![O, O, O, B(Type::Misc), O]);
        let toks = ["dans", "le", "magazine", "Capital", "."];
        assert_eq!(labels_after(rule, &toks, &[O, O, O, B(Type::Misc), O]), vec![O, O, O, B(Type::Misc), O]);
    }

    #[test]
    fn a_name_after_a_role_and_chez_is_an_employer() {
        use Label::*;
        let o = (O, 0.9);
        let toks = [",", "journalistes", "chez", "Bastamag", ","];
        let mut tags = vec![o, o, o, (B(Type::Loc), 0.9), o];
        employers_after_chez(&toks, &mut tags);
        assert_eq!(tags[3].0, B(Type::Org));
        let toks = ["on", "dîne", "chez", "Bastamag", ","];
        let mut tags = vec![o, o, o, (B(Type::Loc), 0.9), o];
        employers_after_chez(&toks, &mut tags);
        assert_eq!(tags[3].0, B(Type::Loc));
    }

    #[test]
    fn a_platform_run_together_with_its_account_is_split() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["la", "page", "Facebook", "Vécu", ","];
        let mut tags = vec![o, o, (B(org), 0.9), (I(org), 0.9), o];
        split_platform_accounts(&toks, &mut tags);
        assert_eq!((tags[2].0, tags[3].0), (B(org), B(org)));
    }

    #[test]
    fn a_capitalised_phrase_written_lower_case_elsewhere_is_no_name() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let mut doc = DocTags {
            sentences: vec![vec!["des", "Gilets", "Jaunes", "."], vec!["les", "gilets", "jaunes", "défilent"]],
            tags: vec![vec![o, (B(org), 0.6), (I(org), 0.6), o], vec![o, o, o, o]],
        };
        drop_phrases_written_lower_elsewhere(&mut doc);
        assert_eq!((doc.tags[0][1].0, doc.tags[0][2].0), (O, O));
    }

    #[test]
    fn a_first_name_runs_on_over_du_to_the_surname() {
        use Label::*;
        let o = (O, 0.9);
        let lexicon = Lexicon::default();
        let toks = ["confirme", "Ivan", "du", "Roy", "«"];
        let mut tags = vec![o, o, o, (B(Type::Per), 0.55), o];
        first_name_persons(&toks, &mut tags, &lexicon);
        assert_eq!((tags[1].0, tags[2].0, tags[3].0), (B(Type::Per), I(Type::Per), I(Type::Per)));
    }

    #[test]
    fn a_place_of_worship_is_named_by_the_name_right_after_it() {
        use Label::*;
        let o = (O, 0.9);
        let lexicon = Lexicon::default();
        let toks = ["la", "mosquée", "Al-Aqsa", ","];
        let mut tags = vec![o, o, (B(Type::Org), 0.6), o];
        lower_case_places(&toks, &mut tags, &lexicon);
        assert_eq!((tags[1].0, tags[2].0), (B(Type::Loc), I(Type::Loc)));
        // "de" + a town: the town alone is the place.
        let toks = ["la", "mosquée", "de", "Beaucaire", "("];
        let mut tags = vec![o, o, o, (B(Type::Loc), 0.9), o];
        lower_case_places(&toks, &mut tags, &lexicon);
        assert_eq!((tags[1].0, tags[3].0), (O, B(Type::Loc)));
    }

    #[test]
    fn an_organisation_runs_on_to_the_acronym_defining_it() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["l'", "Association", "catholique", "contre", "la", "torture", "et", "la", "peine", "de", "mort", "(", "ACAT", ")", ","];
        let mut tags = vec![o, (B(org), 0.6), (I(org), 0.6), o, o, o, o, o, o, o, o, o, (B(org), 0.9), o, o];
        run_on_to_defined_acronym(&toks, &mut tags);
        assert_eq!((tags[3].0, tags[10].0, tags[11].0, tags[12].0), (I(org), I(org), O, B(org)));
        // Another initial, or a verb on the way: left alone.
        let toks = ["l'", "Association", "catholique", "a", "dit", "(", "ACAT", ")"];
        let mut tags = vec![o, (B(org), 0.6), (I(org), 0.6), o, o, o, (B(org), 0.9), o];
        run_on_to_defined_acronym(&toks, &mut tags);
        assert_eq!(tags[3].0, O);
        let toks = ["l'", "Association", "catholique", "contre", "la", "torture", "(", "CGT", ")"];
        let mut tags = vec![o, (B(org), 0.6), (I(org), 0.6), o, o, o, o, (B(org), 0.9), o];
        run_on_to_defined_acronym(&toks, &mut tags);
        assert_eq!(tags[3].0, O);
    }

    #[test]
    fn a_lone_name_coordinated_with_a_person_is_a_person() {
        use Label::*;
        let o = (O, 0.9);
        let lexicon = Lexicon::default();
        let toks = ["car", "Willian", "et", "David", "Luiz", "sont"];
        let mut tags = vec![o, (B(Type::Org), 0.6), o, (B(Type::Per), 0.9), (I(Type::Per), 0.9), o];
        single_names_coordinated_with_persons(&toks, &mut tags, &lexicon);
        assert_eq!(tags[1].0, B(Type::Per));
        // After a preposition of place it stays.
        let toks = ["à", "Willian", "et", "David", "Luiz", "sont"];
        let mut tags = vec![o, (B(Type::Loc), 0.6), o, (B(Type::Per), 0.9), (I(Type::Per), 0.9), o];
        single_names_coordinated_with_persons(&toks, &mut tags, &lexicon);
        assert_eq!(tags[1].0, B(Type::Loc));
    }

    #[test]
    fn an_institution_runs_on_over_contre_and_a_common_noun() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["le", "Bureau", "national", "de", "vigilance", "contre", "l'", "antisémitisme", ","];
        let mut tags = vec![o, (B(org), 0.6), (I(org), 0.6), o, o, o, o, o, o];
        extend_institution_names(&toks, &mut tags);
        assert_eq!((tags[5].0, tags[7].0, tags[8].0), (I(org), I(org), O));
        // Not over a name: "la Commission contre la France".
        let toks = ["la", "Commission", "contre", "la", "France"];
        let mut tags = vec![o, (B(org), 0.6), o, o, (B(Type::Loc), 0.9)];
        extend_institution_names(&toks, &mut tags);
        assert_eq!(tags[2].0, O);
    }

    #[test]
    fn coordinated_names_before_a_parenthesised_place_are_places() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["À", "Ploumanac’h", ",", "Lannion", "et", "Pommerit-Jaudy", "(", "Côtes-d’Armor", ")", "et"];
        let org = Type::Org;
        let loc = Type::Loc;
        let mut tags = vec![o, (B(loc), 0.9), o, (B(org), 0.6), (I(org), 0.6), (I(org), 0.6), o, (B(loc), 0.9), o, o];
        coordinated_places_before_parenthesised_place(&toks, &mut tags);
        assert_eq!((tags[3].0, tags[4].0, tags[5].0), (B(loc), O, B(loc)));
        // Without the parenthesised place the name is left alone.
        let toks = ["chez", "Marks", "et", "Spencer", "à", "Paris"];
        let mut tags = vec![o, (B(org), 0.6), (I(org), 0.6), (I(org), 0.6), o, (B(loc), 0.9)];
        coordinated_places_before_parenthesised_place(&toks, &mut tags);
        assert_eq!(tags[2].0, I(org));
    }

    #[test]
    fn a_phrase_written_lower_case_elsewhere_is_no_name() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let mut doc = DocTags {
            sentences: vec![
                vec!["L'", "Enseignement", "supérieur", "aide", "la", "CGT"],
                vec!["pour", "l'", "enseignement", "supérieur", "."],
            ],
            tags: vec![
                vec![o, (B(org), 0.6), (I(org), 0.6), o, o, (B(org), 0.9)],
                vec![o, o, o, o, o],
            ],
        };
        drop_phrases_written_lower_elsewhere(&mut doc);
        assert_eq!((doc.tags[0][1].0, doc.tags[0][2].0, doc.tags[0][5].0), (O, O, B(org)));
        // Not written lower case elsewhere: kept.
        let mut doc = DocTags {
            sentences: vec![vec!["L'", "Enseignement", "supérieur", "aide"], vec!["l'", "enseignement", "est", "libre"]],
            tags: vec![vec![o, (B(org), 0.6), (I(org), 0.6), o], vec![o, o, o, o]],
        };
        drop_phrases_written_lower_elsewhere(&mut doc);
        assert_eq!(doc.tags[0][1].0, B(org));
    }

    #[test]
    fn a_name_between_dashes_before_a_date_is_a_place() {
        use Label::*;
        let o = (O, 0.9);
        let org = Type::Org;
        let toks = ["collectif", "-", "Gennevilliers", "-", "28", "avril", "2019"];
        let mut tags = vec![o, o, (B(org), 0.6), o, o, o, o];
        caption_places_before_dates(&toks, &mut tags);
        assert_eq!(tags[2].0, B(Type::Loc));
        let toks = ["collectif", "-", "Gennevilliers", "-", "le", "collectif"];
        let mut tags = vec![o, o, (B(org), 0.6), o, o, o];
        caption_places_before_dates(&toks, &mut tags);
        assert_eq!(tags[2].0, B(org));
    }

    #[test]
    fn institution_head_does_not_run_over_a_verb() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["le", "tribunal", "condamne", "Yassin", "E", ","];
        let mut tags = vec![o, o, o, (B(Type::Org), 0.5), (I(Type::Org), 0.5), o];
        lower_case_institutions(&toks, &mut tags);
        assert_eq!(tags[1].0, O);
        let toks = ["le", "tribunal", "correctionnel", "de", "Nîmes", "a"];
        let mut tags = vec![o, o, o, o, (B(Type::Loc), 0.9), o];
        lower_case_institutions(&toks, &mut tags);
        assert_eq!(tags[1].0, B(Type::Org));
        assert_eq!(tags[4].0, I(Type::Org));
    }

    #[test]
    fn a_preposition_opening_the_sentence_is_not_part_of_a_name() {
        use Label::*;
        let o = (O, 0.9);
        let lexicon = Lexicon::default();
        let toks = ["Selon", "Médiamétrie", ",", "entre"];
        let mut tags = vec![(B(Type::Org), 0.6), (I(Type::Org), 0.6), o, o];
        trim_sentence_initial_word(&toks, &mut tags, &lexicon);
        assert_eq!((tags[0].0, tags[1].0), (O, B(Type::Org)));
        // An organisation's own first word stays.
        let toks = ["Banque", "mondiale", "a"];
        let mut tags = vec![(B(Type::Org), 0.6), (I(Type::Org), 0.6), o];
        trim_sentence_initial_word(&toks, &mut tags, &["banque".to_string()].into_iter().collect());
        assert_eq!(tags[0].0, B(Type::Org));
        // An opening word tagged alone.
        let toks = ["Partagez", "cet", "article"];
        let mut tags = vec![(B(Type::Org), 0.6), o, o];
        trim_sentence_initial_word(&toks, &mut tags, &lexicon);
        assert_eq!(tags[0].0, O);
    }

    #[test]
    fn lists_follow_their_sure_items() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["de", "Monthureux-sur-Saône", ",", "Lamarche", ",", "Vittel", "et", "Ainvelle"];
        let mut tags = vec![o, (B(Type::Per), 0.6), o, (B(Type::Per), 0.6), o, (B(Type::Per), 0.6), o, (B(Type::Per), 0.6)];
        harmonise_lists(&toks, &mut tags);
        assert!([1, 3, 5, 7].iter().all(|&k| tags[k].0 == B(Type::Loc)));
    }

    #[test]
    fn persons_of_common_words_only_are_dropped() {
        use Label::*;
        let o = (O, 0.9);
        let lexicon: Lexicon = ["forum", "gilets", "jaunes", "boulanger", "le", "fée"].iter().map(|w| w.to_string()).collect();
        let s1 = ["le", "Forum", "a", "ouvert", "."];
        let s2 = ["les", "Gilets", "Jaunes", "et", "le", "président", "Boulanger", "."];
        let s3 = ["Enzo", "Le", "Fée", "marque", ";", "Le", "Fée", "sourit"];
        let mut doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec(), s3.to_vec()],
            tags: vec![
                vec![o, (B(Type::Per), 0.6), o, o, o],
                vec![o, (B(Type::Per), 0.6), (I(Type::Per), 0.6), o, o, o, (B(Type::Per), 0.6), o],
                vec![(B(Type::Per), 0.9), (I(Type::Per), 0.9), (I(Type::Per), 0.9), o, o, (B(Type::Per), 0.6), (I(Type::Per), 0.6), o],
            ],
        };
        let lower = lower_case_words(&doc);
        drop_common_word_persons(&mut doc, &lexicon, &lower);
        assert_eq!(doc.tags[0][1].0, O);
        assert_eq!((doc.tags[1][1].0, doc.tags[1][2].0), (O, O));
        // After a title, and as the surname of a fuller name, it stays.
        assert_eq!(doc.tags[1][6].0, B(Type::Per));
        assert_eq!(doc.tags[2][5].0, B(Type::Per));
        // A word the document writes in lower case elsewhere.
        let s1 = ["le", "Globe", "arrive", "."];
        let s2 = ["autour", "du", "globe", "."];
        let mut doc = DocTags { sentences: vec![s1.to_vec(), s2.to_vec()], tags: vec![vec![o, (B(Type::Per), 0.6), o, o], vec![o; 4]] };
        let lower = lower_case_words(&doc);
        drop_common_word_persons(&mut doc, &Lexicon::default(), &lower);
        assert_eq!(doc.tags[0][1].0, O);
    }

    #[test]
    fn a_capitalised_common_word_before_a_person_inside_the_sentence_is_its_first_name() {
        use Label::*;
        let o = (O, 0.9);
        let per = |k: usize| if k == 0 { (B(Type::Per), 0.7) } else { (I(Type::Per), 0.7) };
        let lexicon: Lexicon = ["ana", "président", "français", "roman"].iter().map(|w| w.to_string()).collect();
        let toks = ["rappelle", "Ana", "Sofia", "Cardenal", "."];
        let mut tags = vec![o, o, per(0), per(1), o];
        capitalised_word_before_person(&toks, &mut tags, &lexicon, "fr");
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), I(Type::Per), O]);
        // A title, a demonym after its article, a word opening the sentence
        // or following a quotation mark stay out.
        for toks in [["dit", "Président", "Jean", "Dupont"], ["le", "Français", "Jean", "Dupont"], ["«", "Roman", "Jean", "Dupont"]] {
            let mut tags = vec![o, o, per(0), per(1)];
            capitalised_word_before_person(&toks, &mut tags, &lexicon, "fr");
            assert_eq!(tags[1].0, O, "{toks:?}");
        }
        let toks = ["Roman", "Jean", "Dupont"];
        let mut tags = vec![o, per(0), per(1)];
        capitalised_word_before_person(&toks, &mut tags, &lexicon, "fr");
        assert_eq!(tags[0].0, O);
    }

    #[test]
    fn a_head_written_in_lower_case_elsewhere_leaves_the_name() {
        use Label::*;
        let o = (O, 0.9);
        let mut doc = DocTags {
            sentences: vec![
                vec!["découverte", "du", "Boson", "de", "Ziggs"],
                vec!["le", "boson", "de", "Ziggs", "existe"],
                vec!["la", "Cour", "de", "cassation", "et", "la", "cour", "de", "cassation"],
            ],
            tags: vec![
                vec![o, o, (B(Type::Org), 0.6), (I(Type::Org), 0.6), (I(Type::Org), 0.6)],
                vec![o, o, o, (B(Type::Per), 0.6), o],
                vec![o, (B(Type::Org), 0.6), (I(Type::Org), 0.6), (I(Type::Org), 0.6), o, o, o, o, o],
            ],
        };
        drop_heads_written_lower_elsewhere(&mut doc);
        let got: Vec<Label> = doc.tags[0].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, B(Type::Org)]);
        assert_eq!(doc.tags[2][1].0, B(Type::Org));
    }

    #[test]
    fn lower_tails_after_a_capitalised_complement_are_cut() {
        use Label::*;
        let o = (O, 0.9);
        let org = |k: usize| if k == 0 { (B(Type::Org), 0.6) } else { (I(Type::Org), 0.6) };
        let toks = ["le", "Conseil", "de", "sécurité", "de", "l'", "ONU", "d'", "adopter", "."];
        let mut tags = vec![o, org(0), org(1), org(2), org(3), org(4), org(5), org(6), org(7), o];
        trim_lower_tails_after_complements(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Org), I(Type::Org), I(Type::Org), I(Type::Org), I(Type::Org), I(Type::Org), O, O, O]);
        // After a lower-case complement, the tail is part of the name.
        let toks = ["Conseil", "supérieur", "de", "l'", "audiovisuel"];
        let mut tags = vec![org(0), org(1), org(2), org(3), org(4)];
        trim_lower_tails_after_complements(&toks, &mut tags);
        assert_eq!(tags[4].0, I(Type::Org));
    }

    #[test]
    fn shouted_common_words_are_no_names() {
        use Label::*;
        let o = (O, 0.9);
        let toks = vec!["DONNEZ", ",", "PARTAGEZ", ",", "AIDEZ", "LA", "CGT"];
        let mut doc = DocTags { sentences: vec![toks], tags: vec![vec![o, o, (B(Type::Org), 0.6), o, o, o, (B(Type::Org), 0.6)]] };
        let lower = lower_case_words(&doc);
        drop_shouted_common_words(&mut doc, &Lexicon::default(), &lower);
        assert_eq!(doc.tags[0][2].0, O);
        assert_eq!(doc.tags[0][6].0, B(Type::Org));
    }

    #[test]
    fn names_opened_by_a_geographic_head_are_places() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["de", "Cape", "Zorglub", "et", "du", "Lac", "Bidule", "avec", "Marc", "Zorglub"];
        let per = |k: u8| if k == 0 { (B(Type::Per), 0.6) } else { (I(Type::Per), 0.6) };
        let mut tags = vec![o, per(0), per(1), o, o, per(0), per(1), o, per(0), per(1)];
        place_headed_persons(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Loc), I(Type::Loc), O, O, B(Type::Loc), I(Type::Loc), O, B(Type::Per), I(Type::Per)]);
    }

    #[test]
    fn a_person_is_cut_off_an_organisation_after_a_title() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["le", "président", "de", "l'", "Assemblée", "Claude", "Bartolone", "a"];
        let mut tags = vec![o, o, o, o, (B(Type::Org), 0.6), (I(Type::Org), 0.6), (I(Type::Org), 0.6), o];
        split_persons_off_titled_organisations(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, B(Type::Org), B(Type::Per), I(Type::Per), O]);
        // Without a title before it, a name given to an institution stays.
        let toks = ["au", "lycée", "de", "l'", "Institut", "Claude", "Bernard", "a"];
        let mut tags = vec![o, o, o, o, (B(Type::Org), 0.6), (I(Type::Org), 0.6), (I(Type::Org), 0.6), o];
        split_persons_off_titled_organisations(&toks, &mut tags);
        assert_eq!(tags[5].0, I(Type::Org));
    }

    #[test]
    fn names_neither_open_nor_end_with_punctuation() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["du", "PIB", "»", ";"];
        let mut tags = vec![o, (B(Type::Org), 0.6), (I(Type::Org), 0.6), o];
        trim_trailing_function_words(&toks, &mut tags);
        assert_eq!((tags[1].0, tags[2].0), (B(Type::Org), O));
        let toks = ["«", "Libération", "titre"];
        let mut tags = vec![(B(Type::Org), 0.6), (I(Type::Org), 0.6), o];
        trim_trailing_function_words(&toks, &mut tags);
        assert_eq!((tags[0].0, tags[1].0), (O, B(Type::Org)));
        // The full stop of an initial stays.
        let toks = ["Yassin", "E", ".", "a"];
        let mut tags = vec![(B(Type::Per), 0.6), (I(Type::Per), 0.6), (I(Type::Per), 0.6), o];
        trim_trailing_function_words(&toks, &mut tags);
        assert_eq!(tags[2].0, I(Type::Per));
    }

    #[test]
    fn small_name_fixes() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["la", "Toscane", "du", "Xe", "siècle"];
        let mut tags = vec![o, (B(Type::Loc), 0.9), (I(Type::Loc), 0.9), (I(Type::Loc), 0.9), o];
        trim_trailing_function_words(&toks, &mut tags);
        assert_eq!(tags[2].0, O);
        assert!(roman_ordinal("XIXe") && roman_ordinal("Ier") && !roman_ordinal("Xavier") && !roman_ordinal("e"));
        let toks = ["à", "Sorbonne", "Université", "et"];
        let mut tags = vec![o, (B(Type::Per), 0.6), (I(Type::Per), 0.6), o];
        organisation_heads_in_persons(&toks, &mut tags, "fr");
        assert_eq!(tags[1].0, B(Type::Org));
        let toks = ["UN", "MOUVEMENT", "NATIONAL"];
        let mut tags = vec![o, o, o];
        let lexicon: Lexicon = ["un".to_string()].into_iter().collect();
        gazetteer_pass(&toks, &mut tags, &lexicon, &HashSet::new());
        assert_eq!(tags[0].0, O);
    }

    #[test]
    fn a_first_name_tagged_alone_runs_on_over_its_surname() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["de", "Loïc", "Prud’homme", "lors"];
        let mut tags = vec![o, (B(Type::Loc), 0.6), o, o];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), O]);
    }

    #[test]
    fn town_demonyms() {
        for w in ["Lyonnais", "Marseillaise", "Parisiens", "Lorientais"] {
            assert!(town_demonym(w), "{w}");
        }
        assert!(!town_demonym("Calais") && !town_demonym("Lyon") && !town_demonym("Dupont"));
    }

    #[test]
    fn ages_make_persons() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["trois", "filles", "Aseel", "(", "11", "ans", ")", ",", "Nour", "(", "8", "ans", ")", "et", "Fadi", ",", "5", "ans", "."];
        let mut tags = vec![o; toks.len()];
        tags[2] = (B(Type::Org), 0.5);
        aged_persons(&toks, &mut tags, &Lexicon::default());
        assert_eq!(tags[8].0, B(Type::Per));
        assert_eq!(tags[14].0, B(Type::Per));
        // Not an age: "10 ans après".
        assert!(!aged(&["Fukushima", ",", "10", "ans", "après"], 1));
        // The age votes PER for a name the model typed otherwise.
        let mut doc = DocTags { sentences: vec![toks.to_vec()], tags: vec![tags] };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][2].0, B(Type::Per));
    }

    #[test]
    fn residence_and_apposition_votes() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = vec!["le", "camp", ",", "situé", "à", "Jabalia", ",", "est", "plein"];
        let s2 = vec!["La", "veille", ",", "Tsahal", ",", "l'", "armée", "israélienne", ",", "a", "frappé", "Jabalia"];
        let s3 = vec!["les", "pompiers", "de", "Monthureux-sur-Saône", "sont", "venus"];
        let mut doc = DocTags {
            sentences: vec![s1, s2, s3],
            tags: vec![
                vec![o, o, o, o, o, (B(Type::Per), 0.7), o, o, o],
                vec![o, o, o, (B(Type::Per), 0.7), o, o, o, o, o, o, o, (B(Type::Per), 0.7)],
                vec![o, o, o, (B(Type::Per), 0.7), o, o],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][5].0, B(Type::Loc));
        assert_eq!(doc.tags[1][11].0, B(Type::Loc));
        assert_eq!(doc.tags[1][3].0, B(Type::Org));
        assert_eq!(doc.tags[2][3].0, B(Type::Loc));
        assert!(commune_like("Châlons-en-Champagne") && !commune_like("Jean-Marie") && !commune_like("Assor-Doukhan"));
    }

    #[test]
    fn geographic_heads_across_de() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["sur", "le", "sentier", "de", "la", "Corniche", "et", "l'", "île", "de", "Batz"];
        let mut tags = vec![o, o, o, o, o, (B(Type::Org), 0.6), o, o, o, o, (B(Type::Loc), 0.8)];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Loc), I(Type::Loc), I(Type::Loc), I(Type::Loc), O, O, B(Type::Loc), I(Type::Loc), I(Type::Loc)]);
    }

    #[test]
    fn surname_and_propagation() {
        use Label::*;
        let s1 = vec!["Sergueï", "Lavrov", "à", "Bamako"];
        let s2 = vec!["M.", "Lavrov", "quitte", "Bamako"];
        let mut doc = DocTags {
            sentences: vec![s1, s2],
            tags: vec![
                vec![(B(Type::Per), 0.9), (I(Type::Per), 0.9), (O, 0.9), (B(Type::Loc), 0.9)],
                vec![(O, 0.9), (B(Type::Org), 0.6), (O, 0.9), (O, 0.9)],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[1][1].0, B(Type::Per));
        assert_eq!(doc.tags[1][3].0, B(Type::Loc));
    }

    #[test]
    fn name_of_place_and_initial_word() {
        use Label::*;
        let mut doc = DocTags {
            sentences: vec![vec!["Après", "Wagner", ",", "départ"], vec!["le", "groupe", "Wagner", "du", "Mali"]],
            tags: vec![
                vec![(B(Type::Per), 0.9), (I(Type::Per), 0.9), (O, 0.9), (O, 0.9)],
                vec![(O, 0.9), (O, 0.9), (B(Type::Org), 0.9), (I(Type::Org), 0.9), (I(Type::Org), 0.9)],
            ],
        };
        let lexicon: Lexicon = ["après".to_string()].into_iter().collect();
        apply(&mut doc, &lexicon, "fr");
        assert_eq!(doc.tags[0][0].0, O);
        assert_eq!(doc.tags[0][1].0, B(Type::Org));
        assert_eq!(doc.tags[1][2].0, B(Type::Org));
        assert_eq!(doc.tags[1][3].0, O);
        assert_eq!(doc.tags[1][4].0, B(Type::Loc));
    }

    #[test]
    fn institution_names_run_on_over_complements() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["l'", "Académie", "d'", "agriculture", "a", "publié", "un", "avis"];
        let mut tags = vec![o, (B(Type::Org), 0.9), o, o, o, o, o, o];
        extend_institution_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Org), I(Type::Org), I(Type::Org), O, O, O, O]);

        let toks = ["la", "Haute", "Autorité", "pour", "la", "transparence", "de", "la", "vie", "publique", "(", "HATVP", ")"];
        let mut tags = vec![o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), o, o, o, o, o, o, o, o, (B(Type::Org), 0.9), o];
        extend_institution_names(&toks, &mut tags);
        assert_eq!(tags[9].0, I(Type::Org));
        assert_eq!(tags[10].0, O);

        // A place named in the complement is taken in; a verb stops the run.
        let toks = ["l'", "Université", "de", "Nantes", "a", "fermé"];
        let mut tags = vec![o, (B(Type::Org), 0.9), o, (B(Type::Loc), 0.9), o, o];
        extend_institution_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Org), I(Type::Org), I(Type::Org), O, O]);

        // Not every organisation: no institution head, no run.
        let toks = ["Wagner", "de", "la", "région"];
        let mut tags = vec![(B(Type::Org), 0.9), o, o, o];
        extend_institution_names(&toks, &mut tags);
        assert_eq!(tags[1].0, O);
    }

    #[test]
    fn places_that_speak_are_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["\"", "said", "Wayne", "King", ",", "while", "Russia", "said", "no"];
        let mut tags = vec![p(O), p(O), p(B(Type::Loc)), p(I(Type::Loc)), p(O), p(O), p(B(Type::Loc)), p(O), p(O)];
        speaking_places_are_persons(&toks, &mut tags, "en");
        assert_eq!(tags[2].0, B(Type::Per));
        assert_eq!(tags[6].0, B(Type::Loc), "a country speaking is metonymy");
    }

    #[test]
    fn first_names_make_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["Nick", "Pitt", "and", "Paul", "Waller-Bridge", "won"];
        let mut tags = vec![p(B(Type::Loc)), p(I(Type::Loc)), p(O), p(O), p(O), p(O)];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [B(Type::Per), I(Type::Per), O, B(Type::Per), I(Type::Per), O]);
        // A first name alone, or before a common word, is left alone.
        let toks = ["Eric", "said", "Mark", "Today"];
        let mut tags = vec![p(O), p(O), p(O), p(O)];
        let lexicon: Lexicon = ["today".to_string()].into_iter().collect();
        first_name_persons(&toks, &mut tags, &lexicon);
        assert!(tags.iter().all(|t| t.0 == O));
    }

    #[test]
    fn dictionary_first_names_make_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        // "Anatole" and "Aliénor" are first names of the Dicollecte list only.
        let toks = ["selon", "Anatole", "Brunetière", "et", "Aliénor", "Quentel", "."];
        let mut tags = vec![p(O), p(B(Type::Loc)), p(I(Type::Loc)), p(O), p(O), p(O), p(O)];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), O, B(Type::Per), I(Type::Per), O]);
    }

    #[test]
    fn common_given_names_make_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        // First names of the hand-written list, absent from the corpora.
        let toks = ["avec", "Alfredo", "Pérez", "Rubalcaba", "(", "PSOE", ")"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(I(Type::Org)), p(I(Type::Org)), p(O), p(B(Type::Org)), p(O)];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), I(Type::Per), O, B(Type::Org), O]);
    }

    #[test]
    fn company_head_across_a_noun() {
        use Label::*;
        let p = |l| (l, 0.9);
        let mut doc = DocTags {
            sentences: vec![
                vec!["la", "société", "de", "mercenaires", "Wagner", "est", "là"],
                vec!["Wagner", "a", "dit", "non"],
                vec!["le", "directeur", "de", "Renault"],
            ],
            tags: vec![
                vec![p(O), p(O), p(O), p(O), p(B(Type::Per)), p(O), p(O)],
                vec![p(B(Type::Per)), p(O), p(O), p(O)],
                vec![p(O), p(O), p(O), p(B(Type::Org))],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][4].0, B(Type::Org));
        assert_eq!(doc.tags[1][0].0, B(Type::Org));
        assert_eq!(doc.tags[2][3].0, B(Type::Org));
    }

    #[test]
    fn mayor_of_a_place() {
        use Label::*;
        let p = |l| (l, 0.9);
        let mut doc = DocTags {
            sentences: vec![vec!["Antoni", "Pastor", ",", "député-maire", "de", "Manacor", "."]],
            tags: vec![vec![p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O), p(B(Type::Per)), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][5].0, B(Type::Loc));
    }

    #[test]
    fn surname_of_several_words() {
        use Label::*;
        let p = |l| (l, 0.9);
        let mut doc = DocTags {
            sentences: vec![vec!["Robert", "De", "Niro", "won"], vec!["De", "Niro", "spoke"]],
            tags: vec![vec![p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per)), p(O)], vec![p(B(Type::Loc)), p(I(Type::Loc)), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "en");
        assert_eq!(doc.tags[1][0].0, B(Type::Per));
        assert_eq!(doc.tags[1][1].0, I(Type::Per));
    }

    #[test]
    fn titles_before_a_name_are_not_the_name() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["U.S.", "President", "Donald", "Trump", "said"];
        let mut tags = vec![p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per)), p(I(Type::Per)), p(O)];
        drop_leading_titles(&toks, &mut tags, "en");
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Per), I(Type::Per), O]);
        // A single name word after the title stays as it was.
        let toks = ["President", "Macron"];
        let mut tags = vec![p(B(Type::Per)), p(I(Type::Per))];
        drop_leading_titles(&toks, &mut tags, "en");
        assert_eq!(tags[0].0, B(Type::Per));
    }

    #[test]
    fn names_run_on_over_particles() {
        use Label::*;
        let p = |l| (l, 0.9);
        // Particle and a name tagged apart.
        let toks = ["avec", "María", "Dolores", "de", "Cospedal", ","];
        let mut tags = vec![p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(B(Type::Per)), p(O)];
        join_name_particles(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), I(Type::Per), I(Type::Per), O]);
        // A glued Arabic particle, and a second surname left untagged.
        let toks = ["Rami", "Abd", "al-Rahman", "a", "dit"];
        let mut tags = vec![p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O)];
        join_name_particles(&toks, &mut tags, &Lexicon::default());
        assert_eq!(tags[2].0, I(Type::Per));
        assert_eq!(tags[3].0, O);
        let toks = ["nomma", "Leopoldo", "González", "Echenique", "comme", "président"];
        let mut tags = vec![p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O)];
        join_name_particles(&toks, &mut tags, &Lexicon::default());
        assert_eq!(tags[3].0, I(Type::Per));
        assert_eq!(tags[4].0, O);
        // Not over a known place, nor over a common word.
        let toks = ["Jean", "Dupont", "de", "Paris", "et", "Pierre", "Durand", "Lundi"];
        let mut tags = vec![p(B(Type::Per)), p(I(Type::Per)), p(O), p(B(Type::Loc)), p(O), p(B(Type::Per)), p(I(Type::Per)), p(O)];
        let lexicon: Lexicon = ["lundi".to_string()].into_iter().collect();
        join_name_particles(&toks, &mut tags, &lexicon);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [B(Type::Per), I(Type::Per), O, B(Type::Loc), O, B(Type::Per), I(Type::Per), O]);
        // After a first name alone, a surname that is also a common word.
        let toks = ["Bertrand", "de", "Broc", "et", "Zorglub", "de", "Broc"];
        let mut tags = vec![p(B(Type::Per)), p(O), p(O), p(O), p(B(Type::Per)), p(O), p(O)];
        let lexicon: Lexicon = ["broc".to_string()].into_iter().collect();
        join_name_particles(&toks, &mut tags, &lexicon);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [B(Type::Per), I(Type::Per), I(Type::Per), O, B(Type::Per), O, O]);
    }

    #[test]
    fn list_items_share_the_majority_type() {
        use Label::*;
        let toks = ["de", "Bonnard", ",", "Corot", ",", "Degas", "et", "Zorglub", "."];
        assert_eq!(labels_after(harmonise_lists, &toks, &[O, B(Type::Per), O, B(Type::Org), O, B(Type::Per), O, B(Type::Loc), O]), [O, B(Type::Per), O, B(Type::Per), O, B(Type::Per), O, B(Type::Per), O]);
        let p = |l| (l, 0.9);
        // A tie, or too short a list, or a known country: unchanged.
        let toks = ["Zorglub", ",", "Bidule", ",", "Machin", "et", "Truc"];
        let mut tags = vec![p(B(Type::Per)), p(O), p(B(Type::Org)), p(O), p(B(Type::Per)), p(O), p(B(Type::Org))];
        harmonise_lists(&toks, &mut tags);
        assert_eq!(tags[2].0, B(Type::Org));
        let toks = ["Zorglub", ",", "Bidule", "et", "Truc"];
        let mut tags = vec![p(B(Type::Per)), p(O), p(B(Type::Org)), p(O), p(B(Type::Loc))];
        harmonise_lists(&toks, &mut tags);
        assert_eq!(tags[2].0, B(Type::Org));
        let toks = ["Bidule", "et", "Truc"];
        let mut tags = vec![p(B(Type::Per)), p(O), p(B(Type::Org))];
        harmonise_lists(&toks, &mut tags);
        assert_eq!(tags[2].0, B(Type::Org));
        let toks = ["Renault", ",", "Peugeot", ",", "Citroën", "et", "France"];
        let mut tags = vec![p(B(Type::Org)), p(O), p(B(Type::Org)), p(O), p(B(Type::Org)), p(O), p(B(Type::Loc))];
        harmonise_lists(&toks, &mut tags);
        assert_eq!(tags[6].0, B(Type::Loc));
    }

    #[test]
    fn lone_common_words_are_not_names() {
        use Label::*;
        let p = |l| (l, 0.9);
        let lexicon: Lexicon = ["constitution", "conseil", "monde", "la", "du", "état"].iter().map(|s| s.to_string()).collect();
        let toks = ["la", "Constitution", "du", "Monde", "le", "Conseil", "CONSTITUTION", "la", "Constitution", "française", "l'", "État"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(O), p(B(Type::Org)), p(O), p(B(Type::Org)), p(B(Type::Org)), p(O), p(B(Type::Org)), p(I(Type::Org)), p(O), p(B(Type::Org))];
        drop_lone_common_words(&toks, &mut tags, &lexicon, &HashSet::new());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, B(Type::Org), O, B(Type::Org), B(Type::Org), O, B(Type::Org), I(Type::Org), O, B(Type::Org)]);
        // After a medium or company noun, the word is a name.
        let lexicon: Lexicon = ["histoire".to_string()].into_iter().collect();
        let toks = ["la", "chaîne", "Histoire", "et", "l'", "Histoire"];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(O), p(O), p(B(Type::Org))];
        drop_lone_common_words(&toks, &mut tags, &lexicon, &HashSet::new());
        assert_eq!(tags[2].0, B(Type::Org));
        assert_eq!(tags[5].0, O);
        // A word the same document writes in lower case elsewhere.
        let toks = ["le", "Rivage", "en", "parle"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(O), p(O)];
        drop_lone_common_words(&toks, &mut tags, &Lexicon::default(), &["rivage"].into_iter().collect());
        assert_eq!(tags[1].0, O);
    }

    #[test]
    fn demonyms_alone_are_not_names() {
        use Label::*;
        let toks = ["les", "Camerounais", "et", "la", "Suisse", "et", "les", "Maliens"];
        assert_eq!(labels_after(drop_demonyms, &toks, &[O, B(Type::Org), O, O, B(Type::Loc), O, O, B(Type::Per)]), [O, O, O, O, B(Type::Loc), O, O, O]);
    }

    #[test]
    fn subdivisions_are_places_but_not_compass_words() {
        assert_eq!(known_name(&["Québec"]), Some(Type::Loc));
        assert_eq!(known_name(&["Corse-du-Sud"]), Some(Type::Loc));
        assert_eq!(known_name(&["Sud"]), None);
        assert_eq!(known_name(&["Nord-Ouest"]), None);
        assert_eq!(known_name(&["Paul"]), None);
    }

    #[test]
    fn organisation_before_a_person_is_split_off() {
        use Label::*;
        let p = |l| (l, 0.9);
        let mut doc = DocTags {
            sentences: vec![vec!["WikiLeaks", "publie"], vec!["fondateur", "de", "WikiLeaks", "Julian", "Assange"], vec!["Jean", "Paul", "Dupont"]],
            tags: vec![
                vec![p(B(Type::Org)), p(O)],
                vec![p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per))],
                vec![p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per))],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        let got: Vec<Label> = doc.tags[1].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Org), B(Type::Per), I(Type::Per)]);
        assert_eq!(doc.tags[2][1].0, I(Type::Per));
    }

    #[test]
    fn organisations_with_the_head_last() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["du", "Sterling", "&", "Francine", "Clark", "Art", "Institute", "exposés", "au", "Massachusetts", "Institute", "of", "Technology", "et", "Jean", "Dupont"];
        let mut tags = vec![p(O); toks.len()];
        tags[1] = p(B(Type::Org));
        tags[3] = p(I(Type::Org));
        tags[4] = p(I(Type::Org));
        tags[5] = p(B(Type::Per));
        tags[6] = p(I(Type::Per));
        tags[14] = p(B(Type::Per));
        tags[15] = p(I(Type::Per));
        head_last_organisations(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let org = |n: usize| std::iter::once(B(Type::Org)).chain(std::iter::repeat_n(I(Type::Org), n - 1));
        let mut want = vec![O];
        want.extend(org(6));
        want.extend([O, O]);
        want.extend(org(4));
        want.extend([O, B(Type::Per), I(Type::Per)]);
        assert_eq!(got, want);
    }

    #[test]
    fn common_capitalised_terms_are_not_names() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["sur", "Internet", "à", "16:50", "UTC", "avec", "Orange"];
        let mut tags = vec![p(O), p(B(Type::Per)), p(O), p(O), p(B(Type::Org)), p(O), p(B(Type::Org))];
        drop_not_names(&toks, &mut tags, "fr");
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, O, O, B(Type::Org)]);
    }

    #[test]
    fn lower_case_institutions_are_organisations() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["le", "tribunal", "de", "grande", "instance", "de", "Nanterre", "a", "jugé"];
        let mut tags = vec![p(O), p(O), p(O), p(O), p(O), p(O), p(B(Type::Loc)), p(O), p(O)];
        lower_case_institutions(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let i = I(Type::Org);
        assert_eq!(got, [O, B(Type::Org), i, i, i, i, i, O, O]);
        let toks = ["l'", "université", "Ouverte", "de", "Catalogne", "et", "le", "ministère", "de", "la", "Santé"];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(I(Type::Org)), p(I(Type::Org)), p(O), p(O), p(O), p(O), p(O), p(B(Type::Org))];
        lower_case_institutions(&toks, &mut tags);
        // A name tagged right after the head is taken in.
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got[..6], [O, B(Type::Org), I(Type::Org), I(Type::Org), I(Type::Org), O]);
        assert_eq!(tags[7].0, B(Type::Org));
        assert_eq!(tags[10].0, I(Type::Org));
        // A person's name right after the head names the institution.
        let toks = ["à", "l'", "hôpital", "Zao", "Zoao", ","];
        let mut tags = vec![p(O), p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(O)];
        lower_case_institutions(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Org), I(Type::Org), I(Type::Org), O]);
        // After an adjective, an organisation tagged as such stays alone;
        // a place is taken in.
        let toks = ["l'", "hôpital", "parisien", "de", "la", "Zitié", "et", "le", "musée", "de", "Zointe"];
        let mut tags = vec![p(O), p(O), p(O), p(O), p(O), p(B(Type::Org)), p(O), p(O), p(O), p(O), p(B(Type::Loc))];
        lower_case_institutions(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, O, B(Type::Org), O, O, B(Type::Org), I(Type::Org), I(Type::Org)]);
        // No capitalised name: nothing.
        let toks = ["le", "tribunal", "de", "commerce", "a", "jugé"];
        let mut tags = vec![p(O); toks.len()];
        lower_case_institutions(&toks, &mut tags);
        assert!(tags.iter().all(|t| t.0 == O));
    }

    #[test]
    fn names_opening_with_an_article_need_a_capital_after_it() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["selon", "Le", "Monde", "."];
        let mut tags = vec![p(O); toks.len()];
        gazetteer_pass(&toks, &mut tags, &Lexicon::default(), &HashSet::new());
        assert_eq!(tags[1].0, B(Type::Org));
        assert_eq!(tags[2].0, I(Type::Org));
        let toks = ["Le", "monde", "entier", "."];
        let mut tags = vec![p(O); toks.len()];
        gazetteer_pass(&toks, &mut tags, &Lexicon::default(), &HashSet::new());
        assert!(tags.iter().all(|t| t.0 == O));
    }

    #[test]
    fn names_do_not_end_with_function_words() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["l'", "Agence", "des", "participations", "de", "l'", "Etat"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(I(Type::Org)), p(O), p(O), p(O), p(B(Type::Loc))];
        trim_trailing_function_words(&toks, &mut tags);
        assert_eq!(tags[2].0, O);
        extend_institution_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let i = I(Type::Org);
        assert_eq!(got, [O, B(Type::Org), i, i, i, i, i]);
    }

    #[test]
    fn untagged_institution_heads_run_on() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["de", "l'", "Observatoire", "syrien", "des", "droits", "de", "l'", "homme", "."];
        let mut tags = vec![o; toks.len()];
        extend_institution_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let i = I(Type::Org);
        assert_eq!(got, [O, O, B(Type::Org), i, i, i, i, i, i, O]);
        // A head alone stays untagged.
        let toks = ["à", "l'", "Institut", "."];
        let mut tags = vec![o; toks.len()];
        extend_institution_names(&toks, &mut tags);
        assert!(tags.iter().all(|t| t.0 == O));
    }

    #[test]
    fn portfolios_are_not_names() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["le", "ministre", "de", "la", "Santé", "et", "le", "ministère", "de", "la", "Santé"];
        let mut tags = vec![o, o, o, o, (B(Type::Org), 0.9), o, o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), (I(Type::Org), 0.9), (I(Type::Org), 0.9)];
        drop_portfolios(&toks, &mut tags);
        assert_eq!(tags[4].0, O);
        assert_eq!(tags[7].0, B(Type::Org));
        let toks = ["ministre", "déléguée", "à", "l'", "Industrie"];
        let mut tags = vec![o, o, o, o, (B(Type::Org), 0.9)];
        drop_portfolios(&toks, &mut tags);
        assert_eq!(tags[4].0, O);
    }

    #[test]
    fn lower_case_ministry_runs_on() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["le", "ministère", "des", "Affaires", "étrangères", "a", "dit"];
        let mut tags = vec![o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), (I(Type::Org), 0.9), o, o, o];
        extend_institution_names(&toks, &mut tags);
        assert_eq!(tags[4].0, I(Type::Org));
        assert_eq!(tags[5].0, O);
    }

    #[test]
    fn apposed_titles() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["Zorglub", ",", "le", "président", "de", "la", "Commission", "et", "Paris", ",", "la", "capitale"];
        let mut tags = vec![(B(Type::Loc), 0.9), o, o, o, o, o, (B(Type::Org), 0.9), o, (B(Type::Loc), 0.9), o, o, o];
        apposed_titles_make_persons(&toks, &mut tags, "fr");
        assert_eq!(tags[0].0, B(Type::Per));
        assert_eq!(tags[8].0, B(Type::Loc));
        let toks = ["à", "Radio", "Sawa", ",", "le", "chef", "et", "à", "Bouaké", ",", "le", "maire"];
        let mut tags = vec![o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), o, o, o, o, o, (B(Type::Loc), 0.9), o, o, o];
        apposed_titles_make_persons(&toks, &mut tags, "fr");
        assert_eq!(tags[1].0, B(Type::Org));
        assert_eq!(tags[8].0, B(Type::Loc));
    }

    #[test]
    fn acronyms_in_parentheses_after_words_only() {
        use Label::*;
        let o = (O, 0.9);
        let toks = ["la", "télévision", "(", "ORTM", ")", "à", "16:50", "(", "UTC", ")"];
        let mut tags = vec![o; toks.len()];
        acronyms_in_parentheses(&toks, &mut tags);
        assert_eq!(tags[3].0, B(Type::Org));
        assert_eq!(tags[8].0, O);
    }

    #[test]
    fn compounds_of_places() {
        assert_eq!(split_compound("Mali-Russie"), Some(vec![(0, 4), (5, 11)]));
        assert_eq!(split_compound("Younous-Bek"), None);
        assert_eq!(split_compound("Russie"), None);
        // A country told apart by its capital is one place.
        assert_eq!(split_compound("Guinée-Conakry"), None);
        assert!(country_named_with_its_city("Guinée-Conakry"));
        assert!(!country_named_with_its_city("Mali-Russie"));
    }
    fn tag_all(sentences: Vec<Vec<&str>>, tags: Vec<Vec<Label>>) -> DocTags<'_> {
        DocTags { sentences, tags: tags.into_iter().map(|s| s.into_iter().map(|l| (l, 0.9)).collect()).collect() }
    }

    #[test]
    fn company_contexts_make_organisations() {
        use Label::*;
        let per = B(Type::Per);
        // A company noun before the name, a role noun across "de", a
        // predicate, an enumeration after a company noun.
        let mut doc = tag_all(
            vec![
                vec!["le", "fabricant", "Zorblax", "vend"],
                vec!["Zorblax", "annonce"],
                vec!["le", "PDG", "de", "Kwantor", "parle"],
                vec!["le", "PDG", "Jemmy", "Kwantis", "parle"],
                vec!["Plimbo", "n'", "est", "pas", "une", "entreprise"],
                vec!["les", "entreprises", "Lime", "et", "Brodo", "partent"],
            ],
            vec![
                vec![O, O, per, O],
                vec![per, O],
                vec![O, O, O, per, O],
                vec![O, O, per, I(Type::Per), O],
                vec![per, O, O, O, O, O],
                vec![O, O, O, O, per, O],
            ],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][2].0, B(Type::Org));
        assert_eq!(doc.tags[1][0].0, B(Type::Org));
        assert_eq!(doc.tags[2][3].0, B(Type::Org));
        assert_eq!(doc.tags[3][2].0, per, "a role noun right before a name is a person's title");
        assert_eq!(doc.tags[4][0].0, B(Type::Org));
        assert_eq!(doc.tags[5][4].0, B(Type::Org));
    }

    #[test]
    fn company_and_its_longer_name_share_the_type() {
        use Label::*;
        let mut doc = tag_all(
            vec![
                vec!["les", "actions", "Zorblax", "baissent"],
                vec!["Zorblax", "Electronics", "perd"],
                vec!["Kwantor", "Industries", "recrute"],
                vec!["Kwantor", "annonce"],
            ],
            vec![
                vec![O, O, B(Type::Per), O],
                vec![B(Type::Per), I(Type::Per), O],
                vec![B(Type::Org), I(Type::Org), O],
                vec![B(Type::Per), O],
            ],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][2].0, B(Type::Org));
        assert_eq!(doc.tags[1][0].0, B(Type::Org));
        assert_eq!(doc.tags[3][0].0, B(Type::Org));
        // A person's name after the organisation's is not retyped.
        let mut doc = tag_all(
            vec![vec!["de", "Wikilox", "Julius", "Assanto"], vec!["Wikilox", "publie"], vec!["Julius", "Assanto", "part"]],
            vec![
                vec![O, B(Type::Per), I(Type::Per), I(Type::Per)],
                vec![B(Type::Org), O],
                vec![B(Type::Per), I(Type::Per), O],
            ],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[2][0].0, B(Type::Per));
        assert_eq!(doc.tags[0][2].0, B(Type::Per), "not one organisation \"Wikilox Julius Assanto\"");
    }
    #[test]
    fn events_and_works_are_no_organisations() {
        use Label::*;
        let org = B(Type::Org);
        let mut doc = tag_all(
            vec![
                vec!["la", "Coupe", "du", "Monde", "commence"],
                vec!["l'", "ouragan", "Zandy", "arrive"],
                vec!["Zandy", "frappe"],
                vec!["la", "vidéo", "«", "Colla", "Murdo", "»"],
                vec!["la", "Ligue", "du", "Nord", "vote"],
                vec!["la", "capsule", "Zragon", "décolle"],
                vec!["la", "Loi", "fondamentale", "dit"],
            ],
            vec![
                vec![O, org, I(Type::Org), I(Type::Org), O],
                vec![O, O, org, O],
                vec![org, O],
                vec![O, O, O, org, I(Type::Org), O],
                vec![O, org, I(Type::Org), I(Type::Org), O],
                vec![O, O, B(Type::Per), O],
                vec![O, org, I(Type::Org), O],
            ],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][1].0, B(Type::Misc));
        assert_eq!(doc.tags[1][2].0, B(Type::Misc));
        assert_eq!(doc.tags[2][0].0, B(Type::Misc));
        assert_eq!(doc.tags[3][3].0, B(Type::Misc));
        assert_eq!(doc.tags[4][1].0, org);
        assert_eq!(doc.tags[5][2].0, B(Type::Misc));
        assert_eq!(doc.tags[6][1].0, B(Type::Misc));
        // A known place's name given to a ship keeps the ship's type; a
        // plural noun counts too.
        let mut doc = tag_all(
            vec![vec!["le", "paquebot", "France", "arrive"], vec!["les", "fusées", "Zitan", "décollent"]],
            vec![vec![O, O, B(Type::Loc), O], vec![O, O, B(Type::Per), O]],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][2].0, B(Type::Misc));
        assert_eq!(doc.tags[1][2].0, B(Type::Misc));
        // A name given to a thing or a work.
        let mut doc = tag_all(
            vec![vec!["la", "série", "est", "baptisée", "«", "Zeurope", "»"], vec!["un", "rapport", "intitulé", "Zorglub", "Zorg"]],
            vec![vec![O, O, O, O, O, B(Type::Loc), O], vec![O, O, O, B(Type::Per), I(Type::Per)]],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][5].0, B(Type::Misc));
        assert_eq!(doc.tags[1][3].0, B(Type::Misc));
        // Prizes.
        let mut doc = tag_all(vec![vec!["le", "prix", "Zobel", "de", "la", "paix"]], vec![vec![O, O, B(Type::Org), O, O, O]]);
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][2].0, B(Type::Misc));
        // English laws.
        let mut doc = tag_all(vec![vec!["le", "Zorglub", "Piracy", "Act", "a"]], vec![vec![O, B(Type::Per), I(Type::Per), I(Type::Per), O]]);
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][1].0, B(Type::Misc));
        // Over adjectives; stars and planets.
        let mut doc = tag_all(
            vec![vec!["le", "télescope", "spatial", "Zepler", "a"], vec!["la", "planète", "Zatooine", "est"]],
            vec![vec![O, O, O, B(Type::Per), O], vec![O, O, B(Type::Org), O]],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][3].0, B(Type::Misc));
        assert_eq!(doc.tags[1][2].0, B(Type::Misc));
    }
    #[test]
    fn authors_of_works_are_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        // A tie that harmonise_lists leaves alone.
        let toks = ["œuvres", "de", "Zorglub", ",", "Bidule", ",", "Machin", "et", "Truc"];
        let mut tags = vec![p(O), p(O), p(B(Type::Per)), p(O), p(B(Type::Org)), p(O), p(B(Type::Per)), p(O), p(B(Type::Org))];
        author_lists(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Per), O, B(Type::Per), O, B(Type::Per), O, B(Type::Per)]);
        // Without the noun of works: unchanged.
        let toks = ["usines", "de", "Zorglub", "et", "Bidule"];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(O), p(B(Type::Org))];
        author_lists(&toks, &mut tags);
        assert_eq!(tags[2].0, B(Type::Org));
    }
    #[test]
    fn lower_case_geographic_heads_open_places() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["des", "îles", "Zanguines", ",", "Mont", "Zorglub"];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(O), p(O), p(B(Type::Per))];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Loc), I(Type::Loc), O, O, B(Type::Per)]);
        // A head and a name both left untagged, the head capitalised too.
        let toks = ["Îles", "Zanguines", ":", "le", "lac", "Zorglub"];
        let mut tags = vec![p(O); 6];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [B(Type::Loc), I(Type::Loc), O, O, B(Type::Loc), I(Type::Loc)]);
        // Streets and stadiums, a person's name included.
        let toks = ["la", "rue", "Victor", "Zugo", "et", "le", "quai", "de", "Zalmy"];
        let mut tags = vec![p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O), p(O), p(B(Type::Loc))];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Loc), I(Type::Loc), I(Type::Loc), O, O, B(Type::Loc), I(Type::Loc), I(Type::Loc)]);
    }
    #[test]
    fn geographic_heads_inside_names_and_across_de() {
        use Label::*;
        let p = |l| (l, 0.9);
        let (bl, il) = (B(Type::Loc), I(Type::Loc));
        // The head tagged inside the name: a place whatever the type.
        let toks = ["dans", "l'", "océan", "Zorglub", ","];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(I(Type::Org)), p(O)];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, bl, il, O]);
        // Islands named as a group, and a hyphenated name after "du".
        let toks = ["les", "îles", "d'", "Zanguines", "et", "le", "massif", "du", "Zorg-Blanc", "."];
        let mut tags = vec![p(O), p(O), p(O), p(B(Type::Loc)), p(O), p(O), p(O), p(O), p(B(Type::Org)), p(O)];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, bl, il, il, O, O, bl, il, il, O]);
        // Caves.
        let toks = ["la", "grotte", "d'", "Zanguines"];
        let mut tags = vec![p(O), p(O), p(O), p(B(Type::Org))];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, bl, il, il]);
        // The beaches of a town, or a hyphenated town after a bare "de",
        // stay the town.
        let toks = ["les", "plages", "de", "Zanguines", "et", "la", "plage", "de", "Zorg-Blanc"];
        let mut tags = vec![p(O), p(O), p(O), p(bl), p(O), p(O), p(O), p(O), p(bl)];
        lower_case_places(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, bl, O, O, O, O, bl]);
    }
    #[test]
    fn compass_points_open_places() {
        assert!(compass_part_of(&["dans", "le", "sud", "du", "Zorglub"], 4));
        assert!(compass_part_of(&["à", "l'", "est", "de", "la", "Zorglub"], 5));
        assert!(!compass_part_of(&["le", "constat", "est", "du", "Zorglub"], 4));
        let mut by_key = HashMap::new();
        let doc = DocTags {
            sentences: vec![vec!["dans", "le", "sud", "du", "Zorglub", "."]],
            tags: vec![vec![(Label::O, 0.9), (Label::O, 0.9), (Label::O, 0.9), (Label::O, 0.9), (Label::B(Type::Org), 0.9), (Label::O, 0.9)]],
        };
        place_noun_votes(&doc, &mut by_key);
        assert!(by_key.get("Zorglub").is_some_and(|v| v[type_index(Type::Loc)] > 0.0));
    }
    #[test]
    fn towns_in_match_reports_are_clubs() {
        use Label::*;
        let p = |l| (l, 0.9);
        let loc = B(Type::Loc);
        let mut doc = DocTags {
            sentences: vec![vec!["Lorient", "1", "-", "Lyon", "0"], vec!["Lyon", "attaque", "."], vec!["L'", "attaquant", "de", "Zorglubie", "tire"], vec!["Zorglubie", "recule"]],
            tags: vec![vec![p(loc), p(O), p(O), p(loc), p(O)], vec![p(loc), p(O), p(O)], vec![p(O), p(O), p(O), p(loc), p(O)], vec![p(loc), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        let org = B(Type::Org);
        assert_eq!(doc.tags[0][0].0, org);
        assert_eq!(doc.tags[0][3].0, org);
        assert_eq!(doc.tags[1][0].0, org);
        assert_eq!(doc.tags[3][0].0, org);
        // A player named after a shot in the match report.
        let mut doc = DocTags {
            sentences: vec![vec!["l'", "attaquant", "de", "Zorglubie", "tire"], vec!["une", "frappe", "de", "Bidule", "."], vec!["Bidule", "tire"]],
            tags: vec![vec![p(O), p(O), p(O), p(loc), p(O)], vec![p(O), p(O), p(O), p(loc), p(O)], vec![p(loc), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[2][0].0, B(Type::Per));
        // Without a sports context the town stays a place.
        let mut doc = DocTags { sentences: vec![vec!["Lyon", "attaque", "."], vec!["le", "maire", "de", "Lyon"]], tags: vec![vec![p(loc), p(O), p(O)], vec![p(O), p(O), p(O), p(loc)]] };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][0].0, loc);
    }
    #[test]
    fn media_after_contracted_articles() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["l'", "équipe", "du", "Point", "et", "du", "Monde", "diplomatique", "au", "Zorglub"];
        let mut tags = vec![p(O); toks.len()];
        names_after_contracted_articles(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let org = B(Type::Org);
        assert_eq!(got, [O, O, O, org, O, O, org, I(Type::Org), O, O]);
    }
    #[test]
    fn english_heads_open_names_before_of() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["le", "Journal", "of", "Public", "Economics", "et", "le", "European", "Journal", "of", "the", "History", "of", "Economic", "Thought"];
        let mut tags = vec![p(O); toks.len()];
        tags[3].0 = B(Type::Per);
        head_last_organisations(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        let (b, i) = (B(Type::Org), I(Type::Org));
        assert_eq!(got, [O, b, i, i, i, O, O, b, i, i, i, i, i, i, i]);
    }
    #[test]
    fn works_tagged_with_their_authors() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["la", "2ème", "Symphonie", "de", "Zorglub", ",", "le", "Requiem", "de", "Bidule", "ou", "de", "Machin"];
        let mut tags = vec![p(O); toks.len()];
        tags[1].0 = B(Type::Org);
        for t in &mut tags[2..5] {
            t.0 = I(Type::Org);
        }
        tags[7].0 = B(Type::Per);
        tags[8].0 = I(Type::Per);
        tags[9].0 = I(Type::Per);
        tags[12].0 = B(Type::Loc);
        author_lists(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, B(Type::Per), O, O, O, O, B(Type::Per), O, O, B(Type::Per)]);
    }
    #[test]
    fn orchestras_are_organisations() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["le", "Zorglub", "Symphony", "et", "le", "Bidule", "Philharmonic", "Orchestra"];
        let mut tags = vec![p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per))];
        organisation_heads_in_persons(&toks, &mut tags, "fr");
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Org), I(Type::Org), O, O, B(Type::Org), I(Type::Org), I(Type::Org)]);
        // A French institution head opening the name.
        let toks = ["la", "Fondation", "Zikimedia", "est"];
        let mut tags = vec![p(O), p(B(Type::Per)), p(I(Type::Per)), p(O)];
        organisation_heads_in_persons(&toks, &mut tags, "fr");
        assert_eq!(tags[1].0, B(Type::Org));
    }
    #[test]
    fn english_company_heads_close_names() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["la", "banque", "Zorglub", "Investment", "and", "Securities", "a"];
        let mut tags = vec![p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O)];
        head_last_organisations(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Org), I(Type::Org), I(Type::Org), I(Type::Org), O]);
    }
    #[test]
    fn apposed_heads_make_organisations() {
        use Label::*;
        let toks = ["Chez", "Brut", ",", "le", "média", "social", ".", "Paris", ",", "la", "ville"];
        assert_eq!(labels_after(apposed_organisation_words, &toks, &vec![O; toks.len()]), [O, B(Type::Org), O, O, O, O, O, O, O, O, O]);
    }
    #[test]
    fn titles_of_company_heads_name_persons() {
        let cues = company_cues("fr").unwrap();
        let toks = ["le", "chef", "de", "groupe", "Zorglub", "Bidule", "a"];
        assert!(!company_context(&toks, 4, 6, cues));
        let toks = ["le", "groupe", "Zorglub", "Bidule", "a"];
        assert!(company_context(&toks, 2, 4, cues));
        // Websites, reviews and publishers named right after their noun.
        for noun in ["site", "revue", "éditeur", "éditions"] {
            let toks = ["le", noun, "Zorglub", "a"];
            assert!(company_context(&toks, 2, 3, cues), "{noun}");
        }
        // Agencies, the name left untagged by the model.
        let toks = ["l'", "agence", "américaine", "Zoody's", "a"];
        let mut tags = vec![(Label::O, 0.9); toks.len()];
        names_after_company_nouns(&toks, &mut tags, cues);
        assert_eq!(tags[3].0, Label::B(Type::Org));
    }
    #[test]
    fn products_with_codes_and_versions_are_misc() {
        use Label::*;
        let p = |l| (l, 0.9);
        assert!(is_model_code("3DS") && is_model_code("A380") && !is_model_code("15e") && !is_model_code("2024") && !is_model_code("CoV-2"));
        assert!(is_version("12.10") && !is_version("12.10.2012") && !is_version("3,5") && !is_version("12"));
        let toks = ["la", "Zintendo", "3DS", "et", "Paris", "15e"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(O), p(O), p(B(Type::Loc)), p(O)];
        product_codes(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Misc), I(Type::Misc), O, B(Type::Loc), O]);
        // Software named with its version, tagged there or not, is a
        // product throughout, and so is an acronym after the version.
        let mut doc = tag_all(
            vec![vec!["Zubuntu", "est", "libre", "en", "ZTS"], vec!["le", "système", "Zubuntu", "12.10", "sort"], vec!["la", "version", "12.04", "ZTS"]],
            vec![vec![B(Type::Per), O, O, O, B(Type::Org)], vec![O, O, O, O, O], vec![O, O, O, O]],
        );
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][0].0, B(Type::Misc));
        assert_eq!(doc.tags[0][4].0, B(Type::Misc));
    }
    #[test]
    fn geographic_heads_opening_sentences_stay() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["Îles", "Zaléares", ":", "le", "parti"];
        let mut tags = vec![p(B(Type::Per)), p(I(Type::Per)), p(O), p(O), p(O)];
        let lexicon: Lexicon = ["îles".to_string()].into_iter().collect();
        trim_sentence_initial_word(&toks, &mut tags, &lexicon);
        assert_eq!(tags[0].0, B(Type::Per));
        place_headed_persons(&toks, &mut tags);
        assert_eq!(tags[0].0, B(Type::Loc));
        assert_eq!(tags[1].0, I(Type::Loc));
    }
    #[test]
    fn first_names_run_over_particles() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["pointe", "Philippe", "de", "Zonneville", ",", "le", "maire", "de", "Jean", "de", "Paris"];
        let mut tags = vec![p(O), p(O), p(O), p(B(Type::Loc)), p(O), p(O), p(O), p(O), p(O), p(O), p(B(Type::Loc))];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, B(Type::Per), I(Type::Per), I(Type::Per), O, O, O, O, O, O, B(Type::Loc)]);
        // A publisher bearing a person's name stays an organisation.
        let toks = ["éditions", "Philippe", "Zicquier", ",", "Paris"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(I(Type::Org)), p(O), p(B(Type::Loc))];
        first_name_persons(&toks, &mut tags, &Lexicon::default());
        assert_eq!(tags[1].0, B(Type::Org));
    }
    #[test]
    fn complements_split_off_persons() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["du", "site", "de", "Zababeka", "David", "Zuentin", ",", "de", "Jean", "Zupont", "Zorg"];
        let mut tags = vec![p(O), p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per)), p(O), p(O), p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per))];
        split_complements_off_persons(&toks, &mut tags, &HashSet::new());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, B(Type::Loc), B(Type::Per), I(Type::Per), O, O, B(Type::Per), I(Type::Per), I(Type::Per)]);
        // An agency's name run into the person's after it.
        // An agency's name run into the person's after it, the first name
        // given by an initial elsewhere ("V. Zapounov").
        let toks = ["l'", "agence", "ZIA", "Zovosti", "Xalentine", "Zapounov", ","];
        let mut tags = vec![p(O), p(O), p(B(Type::Org)), p(B(Type::Per)), p(I(Type::Per)), p(I(Type::Per)), p(O)];
        split_complements_off_persons(&toks, &mut tags, &HashSet::new());
        assert_eq!(tags[3].0, B(Type::Per));
        let doc = DocTags { sentences: vec![vec!["V.", "Zapounov"], vec!["X.", "Zapounov", "dit"]], tags: vec![] };
        split_complements_off_persons(&toks, &mut tags, &initialled_surnames(&doc));
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Org), I(Type::Org), B(Type::Per), I(Type::Per), O]);
    }
    #[test]
    fn places_split_off_organisations() {
        use Label::*;
        let p = |l| (l, 0.9);
        let (bo, io) = (B(Type::Org), I(Type::Org));
        let s1 = ["l'", "université", "Zorg-8", "de", "Paris", "."];
        let s2 = ["l'", "université", "Zorg-8", "est", "en", "grève"];
        let s3 = ["l'", "Université", "de", "Paris"];
        let mut doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec(), s3.to_vec()],
            tags: vec![vec![p(O), p(bo), p(io), p(io), p(io), p(O)], vec![p(O), p(bo), p(io), p(O), p(O), p(O)], vec![p(O), p(bo), p(io), p(io)]],
        };
        split_places_off_organisations(&mut doc);
        let got: Vec<Label> = doc.tags[0].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, bo, io, O, B(Type::Loc), O]);
        let got: Vec<Label> = doc.tags[2].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, bo, io, io]);
    }
    #[test]
    fn websites_editions_and_eponyms_vote_misc() {
        use Label::*;
        let p = |l| (l, 0.9);
        let s1 = ["grâce", "au", "site", "Zorg.org", "et", "au", "site", "Zinfo", ",", "la", "12.04", "LTS", "«", "Zrecise", "Zangolin", "»"];
        let s2 = ["l'", "édition", "2012", "du", "Zendée", "Zlobe", "et", "le", "boson", "de", "Ziggs"];
        let doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec()],
            tags: vec![
                vec![p(O), p(O), p(O), p(B(Type::Org)), p(O), p(O), p(O), p(B(Type::Org)), p(O), p(O), p(O), p(O), p(O), p(B(Type::Org)), p(I(Type::Org)), p(O)],
                vec![p(O), p(O), p(O), p(O), p(B(Type::Loc)), p(I(Type::Loc)), p(O), p(O), p(O), p(O), p(B(Type::Per))],
            ],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("Zorg.org") && misc("Zendée Zlobe") && misc("Ziggs") && misc("Zrecise Zangolin"));
        assert!(!misc("Zinfo"));
    }
    #[test]
    fn wiki_projects_are_works_whatever_they_do() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = ["Wikipédia", "proteste", "contre", "la", "loi"];
        let s2 = ["La", "Fondation", "Wikimedia", "lance", "Wikidata", "pour", "Wikipédia", "."];
        let mut doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec()],
            tags: vec![
                vec![(B(Type::Org), 0.9), o, o, o, o],
                vec![o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), o, (B(Type::Loc), 0.9), o, (B(Type::Org), 0.9), o],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][0].0, B(Type::Misc));
        assert_eq!((doc.tags[1][4].0, doc.tags[1][6].0), (B(Type::Misc), B(Type::Misc)));
        // The foundation that runs them stays an organisation.
        assert_eq!((doc.tags[1][1].0, doc.tags[1][2].0), (B(Type::Org), I(Type::Org)));
        // So is a planet.
        let mut doc = DocTags { sentences: vec![vec!["la", "taille", "de", "Neptune"]], tags: vec![vec![o, o, o, (B(Type::Loc), 0.9)]] };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][3].0, B(Type::Misc));
    }
    #[test]
    fn a_wrecked_ship_is_a_thing_wherever_it_is_named() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = ["le", "Titanic", "et", "l'", "Empress", "of", "Ireland", "au", "Québec"];
        let s2 = ["le", "naufrage", "de", "l'", "Empress", "of", "Ireland", "et", "les", "naufrages", "du", "Titanic"];
        let mut doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec()],
            tags: vec![
                vec![o, (B(Type::Org), 0.9), o, o, (B(Type::Org), 0.9), o, (B(Type::Loc), 0.9), o, (B(Type::Loc), 0.9)],
                vec![o, o, o, o, o, o, (B(Type::Loc), 0.9), o, o, o, o, (B(Type::Org), 0.9)],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        let got: Vec<Label> = doc.tags[0].iter().map(|t| t.0).collect();
        let (bm, im) = (B(Type::Misc), I(Type::Misc));
        assert_eq!(got, [O, bm, O, O, bm, im, im, O, B(Type::Loc)]);
        let got: Vec<Label> = doc.tags[1].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, bm, im, im, O, O, O, O, bm]);
        // Also where its first word alone is already a thing ("l'Empress"
        // named alone more often than as an organisation).
        let s3 = ["de", "l'", "Empress", "en", "passant", "et", "l'", "Empress", "à", "quai"];
        let mut doc = DocTags {
            sentences: vec![s2.to_vec(), s3.to_vec()],
            tags: vec![
                vec![o, o, o, o, (B(Type::Org), 0.9), o, (B(Type::Loc), 0.9), o, o, o, o, (B(Type::Org), 0.9)],
                vec![o, o, (B(Type::Org), 0.2), o, o, o, o, (B(Type::Org), 0.2), o, o],
            ],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        let got: Vec<Label> = doc.tags[0].iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, O, O, bm, im, im, O, O, O, O, bm]);
    }
    #[test]
    fn quoted_titles_after_a_common_noun_vote_misc() {
        use Label::*;
        let o = (O, 0.9);
        let org = (B(Type::Org), 0.9);
        let io = (I(Type::Org), 0.9);
        let s1 = ["sa", "conférence", "de", "presse", "«", "Zintendo", "Zirect", "»", "et", "le", "parti", "«", "Zenaissance", "»"];
        let s2 = ["pour", "«", "Les", "Zechos", "»", "et", "a", "rejoint", "«", "Zorizons", "»", "et", "le", "collectif", "«", "Zous", "»"];
        let doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec()],
            tags: vec![vec![o, o, o, o, o, org, io, o, o, o, o, o, org, o], vec![o, o, org, io, o, o, o, o, o, org, o, o, o, o, o, org, o]],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("Zintendo Zirect"));
        // Over an adverb before the noun.
        let s3 = ["son", "désormais", "célèbre", "«", "Zallo", "Zlace", "»"];
        let doc = DocTags { sentences: vec![s3.to_vec()], tags: vec![vec![o, o, o, o, org, io, o]] };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        assert!(by_key.get("Zallo Zlace").is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE));
        // Not after an organisation head, a preposition or a verb.
        assert!(!misc("Zenaissance") && !misc("Les Zechos") && !misc("Zorizons") && !misc("Zous"));
    }
    #[test]
    fn instruments_named_over_a_complement_or_in_apposition_vote_misc() {
        use Label::*;
        let o = (O, 0.9);
        let org = (B(Type::Org), 0.9);
        let s1 = ["l'", "accélérateur", "de", "particules", "ZHC", "et", "un", "collisionneur", "de", "particules", ",", "le", "ZZHC", "."];
        let s2 = ["le", "projet", "de", "loi", "Zacron", "et", "le", "détecteur", ",", "la", "ZASA", "a", "dit"];
        let doc = DocTags {
            sentences: vec![s1.to_vec(), s2.to_vec()],
            tags: vec![vec![o, o, o, o, org, o, o, o, o, o, o, o, org, o], vec![o, o, o, o, (B(Type::Per), 0.9), o, o, o, o, o, org, o, o]],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("ZHC") && misc("ZZHC"));
        // Not a law's namesake; not the subject of the next clause.
        assert!(!misc("Zacron") && !misc("ZASA"));
    }
    #[test]
    fn a_name_apposed_to_a_work_is_a_work() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = ["la", "série", "Zames", "Zond", ",", "Zkyfall", ",", "effectue", "et", "Zondres", ",", "Zaris", ","];
        let doc = DocTags {
            sentences: vec![s1.to_vec()],
            tags: vec![vec![o, o, (B(Type::Per), 0.9), (I(Type::Per), 0.9), o, (B(Type::Org), 0.9), o, o, o, (B(Type::Loc), 0.9), o, (B(Type::Loc), 0.9), o]],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("Zames Zond") && misc("Zkyfall"));
        assert!(!misc("Zondres") && !misc("Zaris"));
    }
    #[test]
    fn what_someone_is_known_for_is_a_work() {
        let toks = ["John", "Logan", "(", "connu", "pour", "Zladiator", ",", "Zincoln", "et", "Zhe", "Zaviator", ")"];
        assert!(known_for(&toks, 5) && known_for(&toks, 7) && known_for(&toks, 9));
        assert!(!known_for(&toks, 0));
        let toks = ["connue", "notamment", "pour", "Zesla", "et", "il", "a", "vu", "Zarie"];
        assert!(known_for(&toks, 3) && !known_for(&toks, 8));
        let toks = ["il", "vote", "pour", "Zacron"];
        assert!(!known_for(&toks, 3));
    }
    #[test]
    fn an_eponym_is_a_thing_where_its_noun_names_it() {
        use Label::*;
        let toks = ["le", "boson", "de", "Ziggs", "et", "Peter", "Ziggs"];
        let (bp, ip) = (B(Type::Per), I(Type::Per));
        let got = labels_after(eponyms_at_their_noun, &toks, &[O, O, O, bp, O, bp, ip]);
        assert_eq!(got, [O, O, O, B(Type::Misc), O, bp, ip]);
    }
    #[test]
    fn a_star_is_named_over_its_colour() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = ["son", "étoile", "naine", "orange", "Zalpha", "Zentauri", "B", "."];
        let doc = DocTags { sentences: vec![s1.to_vec()], tags: vec![vec![o, o, o, o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), (I(Type::Org), 0.9), o]] };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        assert!(by_key.get("Zalpha Zentauri B").is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE));
    }
    #[test]
    fn a_name_in_parentheses_after_a_work_is_its_other_name() {
        use Label::*;
        let toks = ["la", "Loi", "fondamentale", "(", "Zrundgesetz", ")", "et", "Zerlin", "(", "Zallemagne", ")"];
        let (bm, im, bl) = (B(Type::Misc), I(Type::Misc), B(Type::Loc));
        let got = labels_after(parenthesised_names_of_works, &toks, &[O, bm, im, O, bl, O, O, bl, O, bl, O]);
        assert_eq!(got, [O, bm, im, O, bm, O, O, bl, O, bl, O]);
    }
    #[test]
    fn races_and_boats_of_sailing_vote_misc() {
        use Label::*;
        let o = (O, 0.9);
        let s1 = ["abandonner", "le", "Vendée", "Globe", ",", "le", "skipper", "de", "Zroupe", "Zel", "va", "bien"];
        let doc = DocTags {
            sentences: vec![s1.to_vec()],
            tags: vec![vec![o, o, (B(Type::Loc), 0.9), (I(Type::Loc), 0.9), o, o, o, o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), o, o]],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("Vendée Globe") && misc("Zroupe Zel"));
        // A competition's head may open before the tagged words.
        let s2 = ["en", "Premier", "League", ",", "le", "Boxing", "Day", "et", "le", "Tour", "de", "Zrance"];
        let doc = DocTags {
            sentences: vec![s2.to_vec()],
            tags: vec![vec![o, o, (B(Type::Per), 0.9), o, o, (B(Type::Org), 0.9), (I(Type::Org), 0.9), o, o, o, o, (B(Type::Loc), 0.9)]],
        };
        let mut by_key = HashMap::new();
        event_votes(&doc, &mut by_key, "fr");
        let misc = |k: &str| by_key.get(k).is_some_and(|v: &[f32; 4]| v[type_index(Type::Misc)] >= CUE_VOTE);
        assert!(misc("League") && misc("Boxing Day"));
        // A place after a head that ends before it stays.
        assert!(!misc("Zrance"));
    }
    #[test]
    fn web_addresses() {
        assert!(domain_name("Planethunters.org") && domain_name("arXiv.org"));
        assert!(!domain_name("M.") && !domain_name("Zorg") && !domain_name("3.5") && !domain_name(".org"));
    }
    #[test]
    fn eponyms_name_no_entity() {
        let toks = ["le", "boson", "de", "Ziggs", "et", "le", "théorème", "d'", "Zermat", ",", "la", "ville", "de", "Zaris"];
        assert!(after_eponym_noun(&toks, 3));
        assert!(after_eponym_noun(&toks, 8));
        assert!(!after_eponym_noun(&toks, 13));
    }
    #[test]
    fn numbered_editions_name_events() {
        let toks = ["l'", "édition", "2012-2013", "du", "Zendée", "Zlobe", ",", "la", "3e", "édition", "de", "la", "Zête", "et", "l'", "édition", "du", "Zonde"];
        assert!(numbered_edition_of(&toks, 4));
        assert!(numbered_edition_of(&toks, 12));
        assert!(!numbered_edition_of(&toks, 17));
    }
    #[test]
    fn units_after_numbers_are_no_names() {
        use Label::*;
        let toks = ["à", "0,04", "UA", "de", "la", "ZUA"];
        assert_eq!(labels_after(drop_units_after_numbers, &toks, &[O, O, B(Type::Org), O, O, B(Type::Org)]), [O, O, O, O, O, B(Type::Org)]);
    }
    #[test]
    fn nationality_adjectives_end_organisations() {
        use Label::*;
        let toks = ["du", "Parti", "communiste", "chinois", "et", "Zorg", "chinois"];
        assert_eq!(labels_after(nationality_ends_organisations, &toks, &[O, B(Type::Org), I(Type::Org), O, O, B(Type::Org), O]), [O, B(Type::Org), I(Type::Org), I(Type::Org), O, B(Type::Org), O]);
        let toks = ["le", "Zorg", "Council", "britannique"];
        assert_eq!(labels_after(nationality_ends_organisations, &toks, &[O, B(Type::Org), I(Type::Org), O])[3], O);
    }
    #[test]
    fn company_heads_before_known_organisations_are_dropped() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["le", "Groupe", "France", "Télécom", "a"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(I(Type::Org)), p(I(Type::Org)), p(O)];
        trim_leading_lower_words(&toks, &mut tags, &Lexicon::default());
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, B(Type::Org), I(Type::Org), O]);
        // Not before an unknown name.
        let toks = ["le", "Groupe", "Zorg", "Zing", "a"];
        let mut tags = vec![p(O), p(B(Type::Org)), p(I(Type::Org)), p(I(Type::Org)), p(O)];
        trim_leading_lower_words(&toks, &mut tags, &Lexicon::default());
        assert_eq!(tags[1].0, B(Type::Org));
    }
    #[test]
    fn sides_of_things_are_no_names() {
        use Label::*;
        let toks = ["de", "l'", "échangeur", "Sud", "et", "le", "syndicat", "Sud"];
        assert_eq!(labels_after(drop_lone_directions, &toks, &[O, O, O, B(Type::Org), O, O, O, B(Type::Org)]), [O, O, O, O, O, O, O, B(Type::Org)]);
    }
    #[test]
    fn unknown_places_open_persons() {
        use Label::*;
        let toks = ["la", "lauréate", "Zung", "Zan", "Zuu", "Zyi", "."];
        assert_eq!(labels_after(unknown_places_opening_persons, &toks, &[O, O, B(Type::Loc), I(Type::Loc), B(Type::Per), I(Type::Per), O]), [O, O, B(Type::Per), I(Type::Per), I(Type::Per), I(Type::Per), O]);
    }
    #[test]
    fn english_connectors_join_names() {
        use Label::*;
        let p = |l| (l, 0.9);
        let (bo, io) = (B(Type::Org), I(Type::Org));
        let toks = ["La", "revue", "Food", "and", "Chemical", "Toxicology", "a", "publié"];
        let mut tags = vec![p(O), p(O), p(bo), p(O), p(B(Type::Per)), p(I(Type::Per)), p(O), p(O)];
        english_connected_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, O, bo, io, io, io, O, O]);
        // Untagged, with "of the"; a sentence-initial preposition stays out.
        let toks = ["Selon", "History", "of", "the", "Political", "Economy", ",", "Zorglub", "Inc", "."];
        let mut tags = vec![p(O); toks.len()];
        english_connected_names(&toks, &mut tags);
        let got: Vec<Label> = tags.iter().map(|t| t.0).collect();
        assert_eq!(got, [O, bo, io, io, io, io, O, O, O, O]);
        // Two persons joined by "and" stay two.
        let toks = ["Zorglub", "Bidule", "and", "Machin", "Truc"];
        let per = [p(B(Type::Per)), p(I(Type::Per)), p(O), p(B(Type::Per)), p(I(Type::Per))];
        let mut tags = per.to_vec();
        english_connected_names(&toks, &mut tags);
        assert_eq!(tags, per.to_vec());
        // Nor do words in capitals.
        let toks = ["ZORGLUB", "&", "BIDULE"];
        let mut tags = vec![p(O), p(O), p(bo)];
        english_connected_names(&toks, &mut tags);
        assert_eq!(tags[0].0, O);
    }
    #[test]
    fn lone_directions_are_no_places() {
        use Label::*;
        let toks = ["dans", "le", "Sud", "et", "le", "Nord"];
        assert_eq!(labels_after(drop_lone_directions, &toks, &[O, O, B(Type::Loc), O, O, B(Type::Loc)]), [O, O, O, O, O, B(Type::Loc)]);
    }
    #[test]
    fn nouns_of_groups_of_people_are_no_names() {
        use Label::*;
        let p = |l| (l, 0.9);
        let toks = ["les", "Harkis", "et", "les", "Pieds-Noirs"];
        let mut tags = vec![p(O), p(B(Type::Per)), p(O), p(O), p(B(Type::Org))];
        drop_not_names(&toks, &mut tags, "fr");
        assert!(tags.iter().all(|t| t.0 == O));
    }
    #[test]
    fn consultations_and_world_forums_are_events() {
        use Label::*;
        let p = |l| (l, 0.9);
        let org = B(Type::Org);
        let io = I(Type::Org);
        let mut doc = DocTags {
            sentences: vec![vec!["les", "États", "généraux", "de", "l'", "Éducation", "ont", "lieu"], vec!["le", "Forum", "mondial", "de", "Zorglub"]],
            tags: vec![vec![p(O), p(org), p(io), p(io), p(io), p(io), p(O), p(O)], vec![p(O), p(org), p(io), p(io), p(io)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert_eq!(doc.tags[0][1].0, B(Type::Misc));
        assert_eq!(doc.tags[1][1].0, B(Type::Misc));
        // The head's first word tagged alone, its lower-case rest untagged.
        let mut doc = DocTags {
            sentences: vec![vec!["le", "Forum", "mondial", "de", "la", "langue", "s'", "ouvre"], vec!["le", "Forum", "court", "."]],
            tags: vec![vec![p(O), p(B(Type::Per)), p(O), p(O), p(O), p(O), p(O), p(O)], vec![p(O), p(B(Type::Per)), p(O), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert!(doc.tags.iter().all(|s| s.iter().all(|t| !matches!(t.0, B(Type::Per) | I(Type::Per)))));
        // "premier" right before the name is the ordinal, no title.
        let mut doc = DocTags {
            sentences: vec![vec!["le", "premier", "Forum", "mondial", "de", "la", "langue"], vec!["le", "Forum", "court", "."]],
            tags: vec![vec![p(O), p(O), p(B(Type::Per)), p(O), p(O), p(O), p(O)], vec![p(O), p(B(Type::Per)), p(O), p(O)]],
        };
        apply(&mut doc, &Lexicon::default(), "fr");
        assert!(doc.tags.iter().all(|s| s.iter().all(|t| !matches!(t.0, B(Type::Per) | I(Type::Per)))));
    }
}
