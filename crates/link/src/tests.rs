//! Tests of the merge rules, roles and quote patterns on sentences written
//! for them, and invariants (no panic, valid spans, incremental = batch).

use dossier_document::Mention;
use dossier_text::Span;
use proptest::prelude::*;

use super::*;

/// A document whose mentions are every whole-word occurrence of the given
/// names, longest names first (so "Jean Martin" is not also "Martin").
fn doc(id: &str, lang: &str, text: &str, names: &[(&str, &str)]) -> DocInput {
    let mut names: Vec<&(&str, &str)> = names.iter().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    let mut mentions: Vec<Mention> = Vec::new();
    for (name, kind) in names {
        for (i, _) in text.match_indices(name) {
            let span = Span::new(i, i + name.len());
            let before_ok = text[..i].chars().last().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[span.end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok && !mentions.iter().any(|m| m.span.overlaps(&span)) {
                mentions.push(Mention { span, kind: kind.to_string(), score: 0.9 });
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    DocInput { id: id.into(), text: text.into(), language: lang.into(), mentions, sentences: Vec::new(), title: None }
}

fn by_name<'a>(d: &'a Dossier, name: &str) -> &'a Entity {
    d.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}: {:#?}", d.entities.iter().map(|e| &e.name).collect::<Vec<_>>()))
}

fn entity_of_text<'a>(d: &'a Dossier, doc: &str, text: &str) -> Vec<&'a Entity> {
    d.entities.iter().filter(|e| e.mentions.iter().any(|m| m.doc == doc && m.text == text)).collect()
}

#[test]
fn surname_joins_full_name_in_document() {
    let d = resolve(&[doc("a", "fr", "Jean Martin est arrivé à Lyon.\nMartin a ensuite parlé.", &[("Jean Martin", "PER"), ("Martin", "PER"), ("Lyon", "LOC")])]);
    let e = by_name(&d, "Jean Martin");
    assert_eq!(e.mentions.len(), 2);
    assert!(e.merges.iter().any(|m| m.starts_with("surname of")), "{:?}", e.merges);
}

#[test]
fn honorific_joins_even_when_untagged() {
    // "Durand" after "M." is not tagged: the honorific rule recovers it.
    let d = resolve(&[doc("a", "fr", "Paul Durand dirige l'usine.\nM. Durand a refusé.", &[("Paul Durand", "PER")])]);
    let e = by_name(&d, "Paul Durand");
    assert_eq!(e.mentions.len(), 2);
    assert!(e.aliases.iter().any(|a| a == "M. Durand"), "{:?}", e.aliases);
    assert!(e.merges.iter().any(|m| m.starts_with("M. X honorific")));
}

#[test]
fn different_first_names_stay_apart_and_bare_surname_is_ambiguous() {
    let t = "Marie Dubois et Pierre Dubois sont venus.\nDubois a parlé.";
    let d = resolve(&[doc("a", "fr", t, &[("Marie Dubois", "PER"), ("Pierre Dubois", "PER"), ("Dubois", "PER")])]);
    assert_eq!(by_name(&d, "Marie Dubois").mentions.len(), 1);
    assert_eq!(by_name(&d, "Pierre Dubois").mentions.len(), 1);
    assert_ne!(by_name(&d, "Marie Dubois").id, by_name(&d, "Pierre Dubois").id);
    let bare = entity_of_text(&d, "a", "Dubois");
    assert_eq!(bare.len(), 1);
    assert_eq!(bare[0].mentions.len(), 1);
}

#[test]
fn title_and_name_are_one_person_with_a_role() {
    let t = "Le général Amadou Traoré a inspecté les troupes.\nAmadou Traoré est reparti.";
    let d = resolve(&[doc("a", "fr", t, &[("général Amadou Traoré", "PER"), ("Amadou Traoré", "PER")])]);
    let e = by_name(&d, "Amadou Traoré");
    assert_eq!(e.mentions.len(), 2);
    assert!(e.roles.iter().any(|r| r.text == "général"), "{:?}", e.roles);
}

#[test]
fn acronym_defined_in_one_document_links_another() {
    let a = doc("a", "fr", "Les pays de la Communauté des États côtiers (CEC) se sont réunis.", &[("Communauté des États côtiers", "ORG"), ("CEC", "ORG")]);
    let b = doc("b", "fr", "La CEC a publié un communiqué.", &[("CEC", "ORG")]);
    let d = resolve(&[a, b]);
    let e = by_name(&d, "Communauté des États côtiers");
    assert_eq!(e.docs, ["a", "b"]);
    assert!(e.merges.iter().any(|m| m.starts_with("acronym defined by 'Communauté des États côtiers (CEC)'")), "{:?}", e.merges);
}

#[test]
fn acronym_by_initials_without_a_tagged_expansion() {
    let a = doc("a", "fr", "Il a rejoint l'Alliance pour la Démocratie Nouvelle (ADN) hier.", &[]);
    let d = resolve(&[a]);
    assert_eq!(d.acronyms.len(), 1);
    assert_eq!(d.acronyms[0].expansion, "Alliance pour la Démocratie Nouvelle");
}

#[test]
fn accent_and_case_variants_merge_across_documents() {
    let a = doc("a", "fr", "Sergueï Ivanov est à Moscou.", &[("Sergueï Ivanov", "PER"), ("Moscou", "LOC")]);
    let b = doc("b", "fr", "MOSCOU - Serguei Ivanov a parlé.", &[("Serguei Ivanov", "PER"), ("MOSCOU", "LOC")]);
    let d = resolve(&[a, b]);
    let p = by_name(&d, "Sergueï Ivanov");
    assert_eq!(p.docs, ["a", "b"]);
    assert!(p.merges.iter().any(|m| m.starts_with("accent/case variant")));
    assert!(p.aliases.contains(&"Serguei Ivanov".to_string()));
    let m = by_name(&d, "Moscou");
    assert_eq!(m.docs, ["a", "b"]);
    assert_eq!(m.place.as_ref().and_then(|p| p.country.as_deref()), Some("RU"));
}

#[test]
fn bare_surname_across_documents_only_when_unambiguous() {
    let a = doc("a", "fr", "Jean Martin est ministre.", &[("Jean Martin", "PER")]);
    let b = doc("b", "fr", "Martin est reparti.", &[("Martin", "PER")]);
    let d = resolve(&[a.clone(), b.clone()]);
    assert_eq!(by_name(&d, "Jean Martin").docs, ["a", "b"]);
    // A second Martin makes the bare surname ambiguous.
    let c = doc("c", "fr", "Paul Martin est député.", &[("Paul Martin", "PER")]);
    let d = resolve(&[a, b, c]);
    assert_eq!(by_name(&d, "Jean Martin").docs, ["a"]);
    assert_eq!(by_name(&d, "Paul Martin").docs, ["c"]);
}

#[test]
fn gazetteer_ids_merge_names_in_two_languages() {
    let a = doc("a", "fr", "La Russie et l'ONU.", &[("Russie", "LOC"), ("ONU", "ORG")]);
    let b = doc("b", "en", "Russia and the United Nations.", &[("Russia", "LOC"), ("United Nations", "ORG")]);
    let d = resolve(&[a, b]);
    let r = by_name(&d, "Russie");
    assert_eq!(r.docs, ["a", "b"]);
    assert!(r.merges.iter().any(|m| m.starts_with("gazetteer id")));
    assert_eq!(entity_of_text(&d, "a", "ONU")[0].id, entity_of_text(&d, "b", "United Nations")[0].id);
}

#[test]
fn descriptors_and_articles_are_set_apart() {
    let a = doc("a", "fr", "Le groupe paramilitaire Wagner part. Le Kremlin confirme.", &[("groupe paramilitaire Wagner", "ORG"), ("Le Kremlin", "ORG")]);
    let b = doc("b", "fr", "Wagner reste. Kremlin muet.", &[("Wagner", "ORG"), ("Kremlin", "ORG")]);
    let d = resolve(&[a, b]);
    assert_eq!(by_name(&d, "Wagner").docs, ["a", "b"]);
    assert_eq!(by_name(&d, "Kremlin").docs, ["a", "b"]);
}

#[test]
fn type_votes_absorb_a_mistagged_mention() {
    let a = doc("a", "fr", "Acme recrute. Acme paie.", &[("Acme", "ORG")]);
    let b = doc("b", "fr", "Acme ferme.", &[("Acme", "PER")]);
    let d = resolve(&[a, b]);
    let e = by_name(&d, "Acme");
    assert_eq!(e.kind, EntityType::Org);
    assert_eq!(e.docs, ["a", "b"]);
}

#[test]
fn ids_are_stable_and_incremental_equals_batch() {
    let a = doc("a", "fr", "Jean Martin est à Paris.", &[("Jean Martin", "PER"), ("Paris", "LOC")]);
    let b = doc("b", "fr", "« Tout va bien », a déclaré Jean Martin.\nM. Martin est reparti.", &[("Jean Martin", "PER")]);
    let c = doc("c", "en", "John Smith visited Paris.", &[("John Smith", "PER"), ("Paris", "LOC")]);
    let batch = resolve(&[a.clone(), b.clone(), c.clone()]);
    let mut inc = Dossier::new();
    inc.add_document(&a);
    let id_before = by_name(&inc, "Jean Martin").id.clone();
    inc.add_document(&b);
    inc.add_document(&c);
    assert_eq!(by_name(&inc, "Jean Martin").id, id_before);
    assert_eq!(id_before, "per:jean-martin");
    assert_eq!(batch.entities, inc.entities);
    assert_eq!(batch.quotes, inc.quotes);
    // Re-adding a document replaces it.
    inc.add_document(&c);
    assert_eq!(batch.entities, inc.entities);
}

#[test]
fn roles_in_apposition() {
    let t = "Le porte-parole du gouvernement, Jean Martin, est arrivé.\nPaul Kone, le chef de la diplomatie ivoirienne, a répondu.\nSon homologue ghanéen, Kofi Mensah, était là.";
    let d = resolve(&[doc("a", "fr", t, &[("Jean Martin", "PER"), ("Paul Kone", "PER"), ("Kofi Mensah", "PER")])]);
    let role = |n: &str| by_name(&d, n).roles.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
    assert_eq!(role("Jean Martin"), ["porte-parole du gouvernement"]);
    assert_eq!(role("Paul Kone"), ["chef de la diplomatie ivoirienne"]);
    assert!(role("Kofi Mensah").is_empty());
    let r = &by_name(&d, "Jean Martin").roles[0];
    assert_eq!(r.span.slice(t), Some("porte-parole du gouvernement"));
    assert_eq!(r.doc, "a");
}

#[test]
fn english_role_before_name() {
    let t = "The spokesman, John Smith, declined to comment.";
    let d = resolve(&[doc("a", "en", t, &[("John Smith", "PER")])]);
    assert_eq!(by_name(&d, "John Smith").roles[0].text, "spokesman");
}

#[test]
fn knowledge_file_links_entities() {
    let kb = parse_kb("id,type,names\nQ1,PER,Jean Martin|J. Martin\nQ2,LOC,Paris\n", "kb.csv").unwrap();
    let d = resolve_with_kb(&[doc("a", "fr", "Jean Martin est à Paris.", &[("Jean Martin", "PER"), ("Paris", "LOC")])], kb);
    assert_eq!(by_name(&d, "Jean Martin").kb.as_ref().map(|k| k.id.as_str()), Some("Q1"));
    assert_eq!(by_name(&d, "Paris").kb.as_ref().map(|k| k.id.as_str()), Some("Q2"));
}

fn quotes_of(text: &str, lang: &str, names: &[(&str, &str)]) -> (Dossier, Vec<(String, String, String)>) {
    let mut input = doc("a", lang, text, names);
    // The sentences of the real splitter, as in the pipeline.
    input.sentences = dossier_ner::analyze(text, lang).sentences;
    let d = resolve(&[input]);
    let q = d.quotes.iter().map(|q| (q.text.clone(), q.speaker_name.clone().unwrap_or_default(), q.cue.clone())).collect();
    (d, q)
}

#[test]
fn quote_then_verb_and_name() {
    let (d, q) = quotes_of("« Nous tiendrons nos engagements », a déclaré la ministre Claire Roux, mardi.", "fr", &[("Claire Roux", "PER")]);
    assert_eq!(q, [("Nous tiendrons nos engagements".into(), "Claire Roux".into(), "after".into())]);
    assert_eq!(d.quotes[0].verb.as_deref(), Some("déclaré"));
    assert!(d.quotes[0].sentence.contains(&d.quotes[0].span));
}

#[test]
fn split_quote_with_inverted_pronoun() {
    let t = "Claire Roux a parlé aux élus.\n« Le budget est prêt », a-t-elle ajouté, « et il sera voté ».";
    let (_, q) = quotes_of(t, "fr", &[("Claire Roux", "PER")]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.1 == "Claire Roux"));
    assert_eq!(q[0].2, "pronoun");
}

#[test]
fn honorific_speaker_and_partial_quote_in_reported_speech() {
    let t = "Paul Durand dirige l'usine.\nM. Durand a estimé que la situation « reste fragile ».";
    let (d, q) = quotes_of(t, "fr", &[("Paul Durand", "PER")]);
    assert_eq!(q, [("reste fragile".into(), "Paul Durand".into(), "before".into())]);
    assert_eq!(d.quotes[0].verb.as_deref(), Some("estimé"));
}

#[test]
fn quote_paragraph_with_caption_line() {
    let t = "La visite s'est terminée.\n\"Nous voulons des partenaires fiables et durables\"\nClaire Roux, ministre de l'Industrie\nLa suite plus tard.";
    let (d, q) = quotes_of(t, "fr", &[("Claire Roux", "PER")]);
    assert_eq!(q, [("Nous voulons des partenaires fiables et durables".into(), "Claire Roux".into(), "caption".into())]);
    assert_eq!(by_name(&d, "Claire Roux").roles[0].text, "ministre de l'Industrie");
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let t = "Le pays dénonce le \"colonialisme\" depuis des années.\nIl a lu « Le Petit Prince » hier.";
    let (_, q) = quotes_of(t, "fr", &[]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn unnamed_source_is_not_the_name_that_follows() {
    let t = "« C'est fini », a confié un proche du président Jean Martin.";
    let (_, q) = quotes_of(t, "fr", &[("Jean Martin", "PER")]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn role_points_back_to_a_named_person() {
    let t = "Le porte-parole du gouvernement, Jean Martin, est arrivé.\n« Tout va bien », a déclaré le porte-parole du gouvernement.";
    let (_, q) = quotes_of(t, "fr", &[("Jean Martin", "PER")]);
    assert_eq!(q, [("Tout va bien".into(), "Jean Martin".into(), "role".into())]);
}

#[test]
fn reported_speech_continued_with_a_pronoun() {
    let t = "Marie Curie a souligné que la recherche avançait. Et pour cela, elle compte sur « des moyens vraiment nouveaux ».";
    let mut input = doc("a", "fr", t, &[("Marie Curie", "PER")]);
    input.sentences = vec![Span::new(0, 49), Span::new(50, t.len())];
    let d = resolve(&[input]);
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].speaker_name.as_deref(), Some("Marie Curie"));
    assert_eq!(d.quotes[0].cue, "continuation");
}

#[test]
fn english_quotes() {
    let t = "\"We will not give up,\" said John Smith.\n\"It is over,\" he said.\nAccording to Jane Doe, \"nothing has changed at all\".";
    let (_, q) = quotes_of(t, "en", &[("John Smith", "PER"), ("Jane Doe", "PER")]);
    assert_eq!(
        q,
        [
            ("We will not give up".into(), "John Smith".into(), "after".into()),
            ("It is over".into(), "John Smith".into(), "pronoun".into()),
            ("nothing has changed at all".into(), "Jane Doe".into(), "before".into()),
        ]
    );
}

#[test]
fn several_quotes_of_one_sentence_share_the_speaker() {
    let t = "\"Même si les prix montent\", la demande reste \"solide et durable\", a souligné Claire Roux.";
    let (_, q) = quotes_of(t, "fr", &[("Claire Roux", "PER")]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].2, "same-sentence");
    assert!(q.iter().all(|x| x.1 == "Claire Roux"));
}

#[test]
fn unknown_language_uses_all_cue_files() {
    let (_, q) = quotes_of("\"Wir bleiben\", said Anna Berg.", "de", &[("Anna Berg", "PER")]);
    assert_eq!(q.len(), 1);
}

#[test]
fn quotes_following_an_attributed_one_in_its_paragraph_share_its_speaker() {
    let t = "\u{201c}It was a hard year,\u{201d} said Anna Berg, a teacher in the town who ran for the council in 2010 and lost. \u{201c}We just kept going.\u{201d}";
    let (_, q) = quotes_of(t, "en", &[("Anna Berg", "PER")]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.1 == "Anna Berg"), "{q:?}");
}

#[test]
fn incise_with_a_name_inside_the_quotation() {
    let t = "\u{201c}La crise a \u{e9}t\u{e9} longue, rappelle Marie Dupont, professeure \u{e0} Lyon. Dans certains cas, il fallait agir vite\u{201d}.";
    let (_, q) = quotes_of(t, "fr", &[("Marie Dupont", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Marie Dupont");
}

#[test]
fn curly_quotation_closed_by_a_straight_mark() {
    let t = "\u{201c}Tout a chang\u{e9} depuis, et vite\", d\u{e9}taille Marie Dupont.";
    let (_, q) = quotes_of(t, "fr", &[("Marie Dupont", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Marie Dupont");
}

#[test]
fn incise_with_a_pronoun_points_to_the_person_just_named() {
    let t = "Devant ses \u{e9}tudiants, Marie Dupont, professeure d'histoire, d\u{e9}fend son point de vue. \u{ab} Cette loi est injuste, affirme-t-elle. Je crois en l'universit\u{e9} publique. \u{bb}";
    let (_, q) = quotes_of(t, "fr", &[("Marie Dupont", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Marie Dupont");
}

#[test]
fn role_after_verb_and_adverbial() {
    let t = "Le ministre de la Sant\u{e9}, Jean Martin, a parl\u{e9} lundi.\n\u{ab} Je n'ai pas l'intention de d\u{e9}missionner, \u{bb} a d\u{e9}clar\u{e9} \u{e0} cette occasion le ministre de la Sant\u{e9}.";
    let (_, q) = quotes_of(t, "fr", &[("Jean Martin", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Jean Martin");
}

#[test]
fn partial_quotes_in_reported_speech_in_english() {
    let t = "Governor Andrew Cuomo said on Friday that the state was \"flattening the curve\" but warned of \"great pain\" ahead.";
    let (_, q) = quotes_of(t, "en", &[("Andrew Cuomo", "PER")]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.1 == "Andrew Cuomo"), "{q:?}");
}

#[test]
fn surname_speaker_resolves_to_the_full_name_named_inside_a_quotation() {
    let t = "\u{201c}La crise a \u{e9}t\u{e9} longue, rappelle Marie Dupont, professeure \u{e0} Lyon. Il fallait agir\u{201d}.\nPlus tard, \"tout a chang\u{e9}\", d\u{e9}taille Mme Dupont.";
    let (_, q) = quotes_of(t, "fr", &[("Marie Dupont", "PER"), ("Dupont", "PER")]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.1 == "Marie Dupont"), "{q:?}");
}

#[test]
fn a_surname_that_is_also_a_title_word() {
    let t = "Wayne King worked for the senator.\n\u{201c}The first I heard of it was on Tuesday,\u{201d} said King, who resigned.";
    let (_, q) = quotes_of(t, "en", &[("Wayne King", "PER"), ("King", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Wayne King");
}

#[test]
fn an_organisation_introducing_the_next_quotation_stops_the_continuation() {
    let t = "\u{ab} Des raisons personnelles \u{bb}, a dit Claire Roux. Le lendemain, Mediapart publie un article : \u{ab} Le fisc enqu\u{ea}te depuis des mois \u{bb}.";
    let (_, q) = quotes_of(t, "fr", &[("Claire Roux", "PER"), ("Mediapart", "ORG")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Claire Roux");
}

#[test]
fn a_pronoun_after_a_newly_named_subject_points_to_it() {
    let t = "\"It is over,\" said John Smith. Jane Doe, the nominee, spoke later.\nShe said the plan was \"a disaster\".";
    let (_, q) = quotes_of(t, "en", &[("John Smith", "PER"), ("Jane Doe", "PER")]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "Jane Doe", "{q:?}");
}

fn arb_doc() -> impl Strategy<Value = DocInput> {
    let text = "[A-Za-zéÉ«»\"“”'’ .,:;()\\-\n]{0,160}";
    (text, proptest::collection::vec((0usize..200, 0usize..40, 0usize..4), 0..12), proptest::collection::vec((0usize..200, 0usize..80), 0..6), "[a-z]{0,2}")
        .prop_map(|(text, ms, ss, lang)| {
            let kinds = ["PER", "ORG", "LOC", "MISC"];
            let mentions = ms.into_iter().map(|(s, l, k)| Mention { span: Span::new(s, s + l), kind: kinds[k].into(), score: 0.5 }).collect();
            let sentences = ss.into_iter().map(|(s, l)| Span::new(s, s + l)).collect();
            DocInput { id: "x".into(), text, language: lang, mentions, sentences, title: None }
        })
}

proptest! {
    #[test]
    fn no_panic_and_spans_valid(docs in proptest::collection::vec(arb_doc(), 1..4)) {
        let docs: Vec<DocInput> = docs.into_iter().enumerate().map(|(i, mut d)| { d.id = format!("d{i}"); d }).collect();
        let d = resolve(&docs);
        for e in &d.entities {
            prop_assert!(!e.id.is_empty());
            for m in &e.mentions {
                let doc = docs.iter().find(|x| x.id == m.doc).unwrap();
                prop_assert_eq!(m.span.slice(&doc.text), Some(m.text.as_str()));
            }
        }
        for q in &d.quotes {
            let doc = docs.iter().find(|x| x.id == q.doc).unwrap();
            prop_assert_eq!(q.span.slice(&doc.text), Some(q.text.as_str()));
            prop_assert!(q.speaker.is_some());
        }
        let mut inc = Dossier::new();
        for x in &docs { inc.add_document(x); }
        prop_assert_eq!(&inc.entities, &d.entities);
    }
}

#[test]
fn pronoun_after_an_unnamed_speaker_points_to_nobody() {
    let t = "Jo Smith criticised the plan.\nBut a spokesperson for the ministry said its staff were \"fully trained\", adding more.\n\"We have always worked with the unions,\" he said.";
    let (_, q) = quotes_of(t, "en", &[("Jo Smith", "PER")]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn incise_inside_the_quotation() {
    let t = "Anne Morel enseigne ici.\n« Cette réforme est injuste, affirme-t-elle. Nous continuerons. »\n« Rien ne change, explique Paul Girard, délégué. Rien. »";
    let (_, q) = quotes_of(t, "fr", &[("Anne Morel", "PER"), ("Paul Girard", "PER")]);
    let who: Vec<(&str, &str)> = q.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(who, [("Anne Morel", "incise"), ("Paul Girard", "incise")]);
}

#[test]
fn a_speaker_in_apposition_after_the_verb() {
    let t = "\u{ab} Un point, ce n'est pas le pire \u{bb}, a admis l'entra\u{ee}neur mancunien Ole Solskjaer.";
    let (_, q) = quotes_of(t, "fr", &[("Ole Solskjaer", "PER")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Ole Solskjaer");
    // A complement is no apposition: "un proche du ministre X" names nobody.
    let t = "\u{ab} Rien ne change \u{bb}, a dit un proche du ministre Paul Girard.";
    let (_, q) = quotes_of(t, "fr", &[("Paul Girard", "PER")]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn an_organisation_named_after_the_verb_with_its_article() {
    let t = "Jusqu'au soir, \u{ab} les conditions seront r\u{e9}unies \u{bb}, estime la pr\u{e9}fecture du Gard, dans un communiqu\u{e9}.";
    let (_, q) = quotes_of(t, "fr", &[("pr\u{e9}fecture du Gard", "ORG")]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "pr\u{e9}fecture du Gard");
}

#[test]
fn reflexive_and_less_common_verbs_of_saying() {
    let t = "\u{ab} Nous faisons de notre mieux, jure Daniel Hagari, mais le d\u{e9}fi est grand. \u{bb}\n\u{ab} C'est inacceptable \u{bb}, s'\u{e9}tonne Anne Morel.";
    let (_, q) = quotes_of(t, "fr", &[("Daniel Hagari", "PER"), ("Anne Morel", "PER")]);
    let who: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(who, ["Daniel Hagari", "Anne Morel"], "{q:?}");
}

#[test]
fn a_quotation_standing_alone_after_its_speaker_sentence() {
    let t = "Mathieu Rigouste s'interroge sur le traitement du sujet. \u{ab} L'objet continue d'\u{ea}tre trait\u{e9} comme une bavure. \u{bb} Il \u{e9}voque les grenades. \u{ab} On en a tr\u{e8}s peu parl\u{e9}. \u{bb}\nLe rapport de Paul Girard est paru.\n\u{ab} Rien ne change. \u{bb}\nLa presse en parle. Jean Martin a vot\u{e9}. \u{ab} Un texte est adopt\u{e9} \u{bb}, peut-on lire dans la presse.";
    let (_, q) = quotes_of(t, "fr", &[("Mathieu Rigouste", "PER"), ("Paul Girard", "PER"), ("Jean Martin", "PER")]);
    let who: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
    // A quotation opening a new paragraph takes no speaker from the one
    // before; one followed by words of its own is not standing alone.
    assert_eq!(who, ["Mathieu Rigouste", "Mathieu Rigouste"], "{q:?}");
    assert_eq!(q[0].2, "topic");
}

#[test]
fn a_testimony_laid_out_as_quotation_paragraphs() {
    // The second paragraph of quotation is left open, as French does when
    // a quotation runs over several paragraphs.
    let t = "Zakaria Shehab, 37 ans, habite \u{e0} Jabalia. Il enseigne le fran\u{e7}ais.\n\u{ab} Le pire, c'est la nuit. On est dans le noir.\nJ'ai perdu ma famille\n\u{ab} O\u{f9} est la logique dans tout cela ? \u{bb}\nLe soir, la ville se tait.\n\u{ab} Nous ne sommes pas des chiffres. \u{bb}";
    let (_, q) = quotes_of(t, "fr", &[("Zakaria Shehab", "PER")]);
    let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    // The third follows a paragraph that names nobody: no speaker.
    assert_eq!(who, [("Le pire, c'est la nuit. On est dans le noir.", "Zakaria Shehab"), ("O\u{f9} est la logique dans tout cela ?", "Zakaria Shehab")], "{q:?}");
}

#[test]
fn a_single_quoted_word_is_no_quotation() {
    let t = "Martin Griffiths a d\u{e9}plor\u{e9} une \u{ab} atrocit\u{e9} \u{bb}, puis \u{ab} l'agression \u{bb}. Il a dit : \u{ab} C'est grave \u{bb}.";
    let (_, q) = quotes_of(t, "fr", &[("Martin Griffiths", "PER")]);
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["C'est grave"], "{q:?}");
}
