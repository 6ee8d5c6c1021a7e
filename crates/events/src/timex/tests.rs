//! Table-driven tests of temporal expressions: French and English, with
//! anchors of each precision (minute, day, month, year, none). Expected
//! values were worked out by hand from a calendar (2025-06-23 is a Monday,
//! 2025-04-03 a Thursday, 2021-11-20 a Saturday, 2025-06-25 a Wednesday).

use super::*;
use proptest::prelude::*;

/// (language, anchor ("" = none), text, expected surface, expected value,
/// precision: Y M D T I P or - (unresolved), kind: A R I P).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    char,
    char,
);

const D: &str = "2025-06-23";
const M: &str = "2025-06";

#[rustfmt::skip]
const FR: &[Case] = &[
    // Weekdays, day anchor (Monday 2025-06-23): past-biased within the week.
    ("fr", D, "Le Kremlin a dit lundi vouloir renforcer ses liens.", "lundi", Some("2025-06-23"), 'D', 'R'),
    ("fr", D, "Il a entamé ce dimanche une visite officielle.", "ce dimanche", Some("2025-06-22"), 'D', 'R'),
    ("fr", D, "ont indiqué dimanche à l'AFP des sources", "dimanche", Some("2025-06-22"), 'D', 'R'),
    ("fr", D, "Il est arrivé dimanche dernier.", "dimanche dernier", Some("2025-06-22"), 'D', 'R'),
    ("fr", D, "Il est arrivé lundi dernier.", "lundi dernier", Some("2025-06-16"), 'D', 'R'),
    ("fr", D, "Il partira lundi prochain.", "lundi prochain", Some("2025-06-30"), 'D', 'R'),
    ("fr", D, "La réunion aura lieu mardi prochain.", "mardi prochain", Some("2025-06-24"), 'D', 'R'),
    ("fr", D, "Le texte a été adopté jeudi.", "jeudi", Some("2025-06-19"), 'D', 'R'),
    ("fr", D, "Le président de la France lundi a parlé.", "lundi", Some("2025-06-23"), 'D', 'R'),
    ("fr", D, "Des tirs ont eu lieu samedi soir.", "samedi soir", Some("2025-06-21"), 'D', 'R'),
    ("fr", "2025-06-22", "Il est arrivé dimanche dernier.", "dimanche dernier", Some("2025-06-15"), 'D', 'R'),
    ("fr", "2025-04-03", "Ce jeudi, Sergueï Lavrov a reçu ses homologues.", "Ce jeudi", Some("2025-04-03"), 'D', 'R'),
    ("fr", "2025-06-23T00:53", "a entamé ce dimanche une visite", "ce dimanche", Some("2025-06-22"), 'D', 'R'),
    // Future tense in the clause before a bare weekday: on or after the anchor.
    ("fr", D, "Le président se rendra jeudi à Moscou.", "jeudi", Some("2025-06-26"), 'D', 'R'),
    ("fr", D, "Il a annoncé qu'il rencontrera ce dimanche son homologue.", "ce dimanche", Some("2025-06-29"), 'D', 'R'),
    ("fr", D, "Le vote est prévu lundi.", "lundi", Some("2025-06-23"), 'D', 'R'),
    ("fr", D, "Il a rencontré à Ankara jeudi le ministre.", "jeudi", Some("2025-06-19"), 'D', 'R'),
    ("fr", D, "Jean-François Copé déplora mardi un discours.", "mardi", Some("2025-06-17"), 'D', 'R'),
    ("fr", D, "Celui qui se rendra à Moscou, a rencontré jeudi le ministre.", "jeudi", Some("2025-06-19"), 'D', 'R'),
    // Weekdays, month anchor: the month, never a made-up day; no anchor: unresolved.
    ("fr", M, "Le Kremlin a dit lundi vouloir renforcer ses liens.", "lundi", Some("2025-06"), 'M', 'R'),
    ("fr", M, "ont indiqué dimanche à l'AFP", "dimanche", Some("2025-06"), 'M', 'R'),
    ("fr", M, "Il est arrivé dimanche dernier.", "dimanche dernier", Some("2025-06"), 'M', 'R'),
    ("fr", "2025", "Le Kremlin a dit lundi vouloir", "lundi", Some("2025"), 'Y', 'R'),
    ("fr", "", "Le Kremlin a dit lundi vouloir renforcer ses liens.", "lundi", None, '-', 'R'),
    ("fr", "", "Il a entamé ce dimanche une visite officielle.", "ce dimanche", None, '-', 'R'),
    // Deictic days.
    ("fr", D, "Il l'a annoncé hier.", "hier", Some("2025-06-22"), 'D', 'R'),
    ("fr", D, "Il l'annonce aujourd'hui.", "aujourd'hui", Some("2025-06-23"), 'D', 'R'),
    ("fr", D, "Il l'annonce aujourd’hui.", "aujourd’hui", Some("2025-06-23"), 'D', 'R'),
    ("fr", D, "Il l'annoncera demain.", "demain", Some("2025-06-24"), 'D', 'R'),
    ("fr", D, "Il l'a dit avant-hier.", "avant-hier", Some("2025-06-21"), 'D', 'R'),
    ("fr", D, "Il le dira après-demain.", "après-demain", Some("2025-06-25"), 'D', 'R'),
    ("fr", D, "Il l'a dit hier soir.", "hier soir", Some("2025-06-22"), 'D', 'R'),
    ("fr", M, "Il l'a annoncé hier.", "hier", Some("2025-06"), 'M', 'R'),
    ("fr", "2025", "Il l'a annoncé hier.", "hier", Some("2025"), 'Y', 'R'),
    ("fr", "", "Il l'a annoncé hier.", "hier", None, '-', 'R'),
    // Weeks, months, years relative to the anchor.
    ("fr", D, "Il s'est rendu à Bamako la semaine dernière.", "la semaine dernière", Some("2025-06-16/2025-06-22"), 'I', 'R'),
    ("fr", D, "Il se rendra à Bamako cette semaine.", "cette semaine", Some("2025-06-23/2025-06-29"), 'I', 'R'),
    ("fr", D, "Il se rendra à Bamako la semaine prochaine.", "la semaine prochaine", Some("2025-06-30/2025-07-06"), 'I', 'R'),
    ("fr", M, "Il s'est rendu à Bamako la semaine dernière.", "la semaine dernière", Some("2025-06"), 'M', 'R'),
    ("fr", D, "Le contrat a été signé le mois dernier.", "le mois dernier", Some("2025-05"), 'M', 'R'),
    ("fr", M, "Le contrat a été signé le mois dernier.", "le mois dernier", Some("2025-05"), 'M', 'R'),
    ("fr", "2022", "Le contrat a été signé le mois dernier.", "le mois dernier", None, '-', 'R'),
    ("fr", D, "Il sera signé le mois prochain.", "le mois prochain", Some("2025-07"), 'M', 'R'),
    ("fr", D, "Il sera signé ce mois-ci.", "ce mois-ci", Some("2025-06"), 'M', 'R'),
    ("fr", D, "Le retrait sera achevé à la fin de l'année.", "à la fin de l'année", Some("2025"), 'Y', 'R'),
    ("fr", D, "Le retrait a commencé fin de l'année dernière.", "fin de l'année dernière", Some("2024"), 'Y', 'R'),
    ("fr", D, "Le retrait sera achevé d'ici la fin du mois.", "d'ici la fin du mois", Some("../2025-06"), 'I', 'I'),
    ("fr", D, "Il reviendra au début de la semaine prochaine.", "au début de la semaine prochaine", Some("2025-06-30/2025-07-06"), 'I', 'R'),
    ("fr", D, "Les ventes ont doublé l'an dernier.", "l'an dernier", Some("2024"), 'Y', 'R'),
    ("fr", "2022", "Les ventes ont doublé l'an dernier.", "l'an dernier", Some("2021"), 'Y', 'R'),
    ("fr", D, "Les ventes ont doublé l'année dernière.", "l'année dernière", Some("2024"), 'Y', 'R'),
    ("fr", D, "Elles doubleront l’année prochaine.", "l’année prochaine", Some("2026"), 'Y', 'R'),
    ("fr", D, "Elles ont doublé cette année.", "cette année", Some("2025"), 'Y', 'R'),
    ("fr", D, "Le groupe est arrivé il y a deux ans.", "il y a deux ans", Some("2023"), 'Y', 'R'),
    ("fr", M, "Le groupe est arrivé il y a deux ans.", "il y a deux ans", Some("2023"), 'Y', 'R'),
    ("fr", "", "Le groupe est arrivé il y a deux ans.", "il y a deux ans", None, '-', 'R'),
    ("fr", D, "Il y a trois jours, l'armée a attaqué.", "Il y a trois jours", Some("2025-06-20"), 'D', 'R'),
    ("fr", D, "Le texte a été voté il y a deux mois.", "il y a deux mois", Some("2025-04"), 'M', 'R'),
    ("fr", D, "Le pays a changé il y a 10 ans.", "il y a 10 ans", Some("2015"), 'Y', 'R'),
    ("fr", D, "Il reviendra dans deux semaines.", "dans deux semaines", Some("2025-07-07/2025-07-13"), 'I', 'R'),
    // Months and dates without a year, with "dernier" / "prochain".
    ("fr", "2025-04-03", "se rendrait à Moscou en juin prochain pour une visite", "juin prochain", Some("2025-06"), 'M', 'R'),
    ("fr", D, "se rendra à Moscou en juin prochain", "juin prochain", Some("2026-06"), 'M', 'R'),
    ("fr", "2025", "se rendra à Moscou en juin prochain", "juin prochain", None, '-', 'R'),
    ("fr", D, "Le texte a été voté en mars dernier.", "mars dernier", Some("2025-03"), 'M', 'R'),
    ("fr", "2021-11-20", "Abdoulaye Diop a rencontré le 11 novembre dernier son homologue russe", "le 11 novembre dernier", Some("2021-11-11"), 'D', 'R'),
    ("fr", "2022-03", "a rencontré le 11 novembre dernier son homologue", "le 11 novembre dernier", Some("2021-11-11"), 'D', 'R'),
    ("fr", "2021-11", "a rencontré le 11 novembre dernier son homologue", "le 11 novembre dernier", None, '-', 'R'),
    ("fr", "2022", "a rencontré le 11 novembre dernier son homologue", "le 11 novembre dernier", None, '-', 'R'),
    ("fr", "", "a rencontré le 11 novembre dernier son homologue", "le 11 novembre dernier", None, '-', 'R'),
    ("fr", "2021-11", "La France a annoncé en juin la fermeture de ses bases.", "juin", Some("2021-06"), 'M', 'R'),
    ("fr", "2021", "La France a annoncé en juin la fermeture de ses bases.", "juin", Some("2021-06"), 'M', 'R'),
    ("fr", "", "La France a annoncé en juin la fermeture de ses bases.", "juin", None, '-', 'R'),
    ("fr", "2025-01-10", "Le sommet s'est tenu en décembre.", "décembre", Some("2024-12"), 'M', 'R'),
    ("fr", D, "Les troupes partiront mi-juin.", "mi-juin", Some("2025-06"), 'M', 'R'),
    ("fr", "2025-04-03", "Les troupes partiront fin juin.", "fin juin", Some("2025-06"), 'M', 'R'),
    ("fr", "2025-06-23T00:53", "Le sommet a eu lieu le 26 juin.", "le 26 juin", Some("2025-06-26"), 'D', 'R'),
    ("fr", "", "Le sommet a eu lieu le 4 mars.", "le 4 mars", None, '-', 'R'),
    // Intervals.
    ("fr", D, "une visite officielle prévue jusqu'au 26 juin.", "jusqu'au 26 juin", Some("../2025-06-26"), 'I', 'I'),
    ("fr", M, "une visite officielle prévue jusqu'au 26 juin.", "jusqu'au 26 juin", Some("../2025-06-26"), 'I', 'I'),
    ("fr", D, "Wagner est présent au Mali depuis 2021.", "depuis 2021", Some("2021/.."), 'I', 'I'),
    ("fr", "", "Wagner est présent au Mali depuis 2021.", "depuis 2021", Some("2021/.."), 'I', 'I'),
    ("fr", "", "Il est en poste depuis le 4 mars 2025.", "depuis le 4 mars 2025", Some("2025-03-04/.."), 'I', 'I'),
    ("fr", "2025-06-25", "Les combats durent depuis lundi.", "depuis lundi", Some("2025-06-23/.."), 'I', 'I'),
    ("fr", D, "Wagner est présent au Mali depuis deux ans.", "depuis deux ans", Some("2023/.."), 'I', 'I'),
    ("fr", "", "Le salon se tient du 3 au 5 mars 2025.", "du 3 au 5 mars 2025", Some("2025-03-03/2025-03-05"), 'I', 'I'),
    ("fr", "", "Il a dirigé le pays de 2020 à 2022.", "de 2020 à 2022", Some("2020/2022"), 'I', 'I'),
    ("fr", "", "La trêve a tenu du 28 décembre au 3 janvier 2025.", "du 28 décembre au 3 janvier 2025", Some("2024-12-28/2025-01-03"), 'I', 'I'),
    ("fr", "", "La mission a duré de janvier à mars 2025.", "de janvier à mars 2025", Some("2025-01/2025-03"), 'I', 'I'),
    ("fr", D, "Le salon se tient du 3 au 5 mars.", "du 3 au 5 mars", Some("2025-03-03/2025-03-05"), 'I', 'I'),
    ("fr", "", "Il a dirigé le pays entre 2019 et 2021.", "entre 2019 et 2021", Some("2019/2021"), 'I', 'I'),
    ("fr", "", "Le contrat a duré pendant deux ans.", "deux ans", Some("P2Y"), 'P', 'P'),
    // Vague and event-relative expressions.
    ("fr", M, "quelques jours après le départ annoncé du groupe", "quelques jours après", Some("2025-06"), 'M', 'R'),
    ("fr", D, "Il est revenu quelques jours plus tard.", "quelques jours plus tard", Some("2025-06"), 'M', 'R'),
    ("fr", "", "quelques jours après le départ annoncé du groupe", "quelques jours après", None, '-', 'R'),
    ("fr", D, "La veille, il avait rencontré le ministre.", "La veille", None, '-', 'R'),
    ("fr", D, "Il est reparti le lendemain.", "le lendemain", None, '-', 'R'),
    ("fr", D, "Il est revenu deux ans plus tard.", "deux ans plus tard", None, '-', 'R'),
    // Absolute dates at their precision.
    ("fr", "", "Le 4 mars 2025, Evkurov s'est rendu à Bamako.", "Le 4 mars 2025", Some("2025-03-04"), 'D', 'A'),
    ("fr", M, "Le 4 mars 2025, Evkurov s'est rendu à Bamako.", "Le 4 mars 2025", Some("2025-03-04"), 'D', 'A'),
    ("fr", "", "Il est né le 1er avril 2024.", "le 1er avril 2024", Some("2024-04-01"), 'D', 'A'),
    ("fr", "", "Publié lundi 23 juin 2025 à Paris.", "lundi 23 juin 2025", Some("2025-06-23"), 'D', 'A'),
    ("fr", "", "Publié le 23/06/2025.", "23/06/2025", Some("2025-06-23"), 'D', 'A'),
    ("fr", "", "Russie a lancé en 2022 son offensive.", "2022", Some("2022"), 'Y', 'A'),
    ("fr", "", "Le pays est indépendant depuis 1960 et a changé en 1998.", "1998", Some("1998"), 'Y', 'A'),
    ("fr", "", "le grand retour en Afrique amorcé fin 2014 par le président", "fin 2014", Some("2014"), 'Y', 'A'),
    ("fr", "", "Les élections sont prévues début 2020.", "début 2020", Some("2020"), 'Y', 'A'),
    ("fr", "", "Les troupes partiront mi-juin 2025.", "mi-juin 2025", Some("2025-06"), 'M', 'A'),
    ("fr", "", "Les troupes partiront fin juin 2025.", "fin juin 2025", Some("2025-06"), 'M', 'A'),
    ("fr", D, "La France a annoncé en juin 2021 la fermeture.", "juin 2021", Some("2021-06"), 'M', 'A'),
    ("fr", "", "Le pays a connu la guerre dans les années 1990.", "les années 1990", Some("1990/1999"), 'I', 'I'),
    ("fr", D, "Ce jour-là, il a quitté Bamako.", "Ce jour-là", None, '-', 'R'),
    ("fr", "2012-06-15", "La nuit de vendredi à samedi a été calme.", "de vendredi à samedi", Some("2012-06-15/2012-06-16"), 'I', 'I'),
];

#[rustfmt::skip]
const EN: &[Case] = &[
    ("en", D, "The Kremlin said on Monday it would act.", "Monday", Some("2025-06-23"), 'D', 'R'),
    ("en", D, "He arrived last Sunday.", "last Sunday", Some("2025-06-22"), 'D', 'R'),
    ("en", D, "He will leave next Monday.", "next Monday", Some("2025-06-30"), 'D', 'R'),
    ("en", D, "He arrived this Sunday.", "this Sunday", Some("2025-06-22"), 'D', 'R'),
    ("en", D, "The vote took place on Friday.", "Friday", Some("2025-06-20"), 'D', 'R'),
    ("en", D, "He will travel to Moscow on Friday.", "Friday", Some("2025-06-27"), 'D', 'R'),
    ("en", M, "The Kremlin said on Monday it would act.", "Monday", Some("2025-06"), 'M', 'R'),
    ("en", "", "The Kremlin said on Monday it would act.", "Monday", None, '-', 'R'),
    ("en", D, "He said so yesterday.", "yesterday", Some("2025-06-22"), 'D', 'R'),
    ("en", M, "He said so yesterday.", "yesterday", Some("2025-06"), 'M', 'R'),
    ("en", "", "He said so yesterday.", "yesterday", None, '-', 'R'),
    ("en", D, "He says so today.", "today", Some("2025-06-23"), 'D', 'R'),
    ("en", D, "He will say so tomorrow.", "tomorrow", Some("2025-06-24"), 'D', 'R'),
    ("en", D, "Troops moved in last week.", "last week", Some("2025-06-16/2025-06-22"), 'I', 'R'),
    ("en", D, "Troops move in next week.", "next week", Some("2025-06-30/2025-07-06"), 'I', 'R'),
    ("en", D, "The deal was signed last month.", "last month", Some("2025-05"), 'M', 'R'),
    ("en", D, "Sales doubled last year.", "last year", Some("2024"), 'Y', 'R'),
    ("en", "2022", "Sales doubled last year.", "last year", Some("2021"), 'Y', 'R'),
    ("en", D, "Sales doubled this year.", "this year", Some("2025"), 'Y', 'R'),
    ("en", D, "Sales will double next year.", "next year", Some("2026"), 'Y', 'R'),
    ("en", D, "Troops will leave by the end of the year.", "by the end of the year", Some("../2025"), 'I', 'I'),
    ("en", D, "Troops arrived late last year.", "late last year", Some("2024"), 'Y', 'R'),
    ("en", D, "Talks resume early next month.", "early next month", Some("2025-07"), 'M', 'R'),
    ("en", D, "The group arrived two years ago.", "two years ago", Some("2023"), 'Y', 'R'),
    ("en", M, "The group arrived two years ago.", "two years ago", Some("2023"), 'Y', 'R'),
    ("en", "", "The group arrived two years ago.", "two years ago", None, '-', 'R'),
    ("en", D, "The attack happened three days ago.", "three days ago", Some("2025-06-20"), 'D', 'R'),
    ("en", D, "The law passed a year ago.", "a year ago", Some("2024"), 'Y', 'R'),
    ("en", D, "He will visit Moscow next June.", "next June", Some("2026-06"), 'M', 'R'),
    ("en", "2025-04-03", "He will visit Moscow next June.", "next June", Some("2025-06"), 'M', 'R'),
    ("en", "2021-11", "France announced in June that it would leave.", "June", Some("2021-06"), 'M', 'R'),
    ("en", D, "Troops will leave in early June.", "early June", Some("2025-06"), 'M', 'R'),
    ("en", D, "The visit lasts until June 26.", "until June 26", Some("../2025-06-26"), 'I', 'I'),
    ("en", D, "He returned a few days later.", "a few days later", Some("2025-06"), 'M', 'R'),
    ("en", D, "He left the next day.", "the next day", None, '-', 'R'),
    ("en", M, "Troops moved in last week.", "last week", Some("2025-06"), 'M', 'R'),
    ("en", M, "He arrived last Sunday.", "last Sunday", Some("2025-06"), 'M', 'R'),
    ("en", M, "The visit lasts until June 26.", "until June 26", Some("../2025-06-26"), 'I', 'I'),
    ("en", M, "He will visit Moscow next June.", "next June", Some("2026-06"), 'M', 'R'),
    ("en", M, "The deal was signed last month.", "last month", Some("2025-05"), 'M', 'R'),
    ("en", "2022", "The deal was signed last month.", "last month", None, '-', 'R'),
    ("en", M, "He returned a few days later.", "a few days later", Some("2025-06"), 'M', 'R'),
    ("en", "2025", "He said so yesterday.", "yesterday", Some("2025"), 'Y', 'R'),
    ("en", "2025-06-23T00:53", "He arrived this Sunday.", "this Sunday", Some("2025-06-22"), 'D', 'R'),
    ("en", D, "He left several years ago.", "several years ago", None, '-', 'R'),
    ("en", D, "He left a few days ago.", "a few days ago", Some("2025-06"), 'M', 'R'),
    ("en", D, "Wagner has been in Mali since 2021.", "since 2021", Some("2021/.."), 'I', 'I'),
    ("en", "", "Prices have risen since March 2020.", "since March 2020", Some("2020-03/.."), 'I', 'I'),
    ("en", D, "Prices have risen for the past two years.", "for the past two years", Some("2023/.."), 'I', 'I'),
    ("en", "", "He ruled from 2020 to 2022.", "from 2020 to 2022", Some("2020/2022"), 'I', 'I'),
    ("en", "", "He ruled between 2019 and 2021.", "between 2019 and 2021", Some("2019/2021"), 'I', 'I'),
    ("en", "", "The fair runs June 3-5, 2025.", "June 3-5, 2025", Some("2025-06-03/2025-06-05"), 'I', 'I'),
    ("en", "", "The contract ran for two years.", "two years", Some("P2Y"), 'P', 'P'),
    ("en", "", "On March 4, 2025, Evkurov went to Bamako.", "March 4, 2025", Some("2025-03-04"), 'D', 'A'),
    ("en", "", "On 4 March 2025, Evkurov went to Bamako.", "4 March 2025", Some("2025-03-04"), 'D', 'A'),
    ("en", "", "It was signed on the 1st of May 2024.", "the 1st of May 2024", Some("2024-05-01"), 'D', 'A'),
    ("en", "", "Published Monday, June 23, 2025 in Paris.", "Monday, June 23, 2025", Some("2025-06-23"), 'D', 'A'),
    ("en", "", "Russia launched its offensive in 2022.", "2022", Some("2022"), 'Y', 'A'),
    ("en", "", "Russia's return to Africa began in late 2014.", "late 2014", Some("2014"), 'Y', 'A'),
    ("en", "", "Elections are planned for early 2020.", "early 2020", Some("2020"), 'Y', 'A'),
    ("en", "", "Troops will leave in mid-June 2025.", "mid-June 2025", Some("2025-06"), 'M', 'A'),
    ("en", "", "Talks resumed in May 2020.", "May 2020", Some("2020-05"), 'M', 'A'),
    ("en", "", "The war of the 1990s ended.", "the 1990s", Some("1990/1999"), 'I', 'I'),
    ("en", "", "Troops must leave by mid-June 2025.", "by mid-June 2025", Some("../2025-06"), 'I', 'I'),
];

fn anchor_of(s: &str) -> Option<DateValue> {
    let precision = match s.len() {
        0 => return None,
        4 => Precision::Year,
        7 => Precision::Month,
        10 => Precision::Day,
        _ => Precision::Minute,
    };
    Some(DateValue {
        value: s.to_string(),
        precision,
        evidence: "test".into(),
        estimated: false,
    })
}

fn precision_code(p: Option<TimexPrecision>) -> char {
    match p {
        Some(TimexPrecision::Year) => 'Y',
        Some(TimexPrecision::Month) => 'M',
        Some(TimexPrecision::Day) => 'D',
        Some(TimexPrecision::Minute) => 'T',
        Some(TimexPrecision::Interval) => 'I',
        Some(TimexPrecision::Duration) => 'P',
        None => '-',
    }
}

fn kind_code(k: TimexKind) -> char {
    match k {
        TimexKind::Absolute => 'A',
        TimexKind::Relative => 'R',
        TimexKind::Interval => 'I',
        TimexKind::Duration => 'P',
    }
}

fn check(cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for &(lang, anchor, text, surface, value, prec, kind) in cases {
        let a = anchor_of(anchor);
        let found = find_timexes(text, lang, a.as_ref());
        let Some(t) = found.iter().find(|t| t.text == surface) else {
            let got: Vec<_> = found.iter().map(|t| (&t.text, &t.value)).collect();
            failures.push(format!(
                "[{lang} {anchor:?}] {text:?}: no {surface:?}; got {got:?}"
            ));
            continue;
        };
        let ok = t.value.as_deref() == value
            && precision_code(t.precision) == prec
            && kind_code(t.kind) == kind
            && t.resolved == value.is_some()
            && text.get(t.start..t.end) == Some(surface)
            // The anchor is reported for relative expressions when given.
            && (kind != 'R' || t.modifier.is_some() && t.note.is_some() || t.anchor.is_some() == a.is_some() || t.note.is_some());
        if !ok {
            failures.push(format!(
                "[{lang} {anchor:?}] {text:?}: {surface:?} expected {value:?} {prec} {kind}, got {:?} {} {} (note {:?})",
                t.value,
                precision_code(t.precision),
                kind_code(t.kind),
                t.note
            ));
        }
    }
    failures
}

#[test]
fn french_table() {
    assert!(FR.len() >= 60, "{} French cases", FR.len());
    let failures = check(FR);
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        FR.len(),
        failures.join("\n")
    );
}

#[test]
fn english_table() {
    assert!(EN.len() >= 30, "{} English cases", EN.len());
    let failures = check(EN);
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        EN.len(),
        failures.join("\n")
    );
}

#[test]
fn every_anchor_precision_is_covered() {
    for cases in [FR, EN] {
        for len in [0, 7, 10] {
            assert!(
                cases.iter().any(|c| c.1.len() == len),
                "no case with anchor length {len}"
            );
        }
    }
}

#[test]
fn modifiers_and_partials() {
    let t = find_timexes("amorcé fin 2014 par", "fr", None);
    assert_eq!(t.first().and_then(|t| t.modifier), Some(TimexMod::End));
    let t = find_timexes("mi-juin 2025", "fr", None);
    assert_eq!(t.first().and_then(|t| t.modifier), Some(TimexMod::Mid));
    let t = find_timexes("le 11 novembre dernier", "fr", None);
    assert_eq!(
        t.first().and_then(|t| t.partial.clone()).as_deref(),
        Some("XXXX-11-11")
    );
    let t = find_timexes("lundi", "fr", None);
    assert_eq!(
        t.first().and_then(|t| t.partial.clone()).as_deref(),
        Some("XXXX-WXX-1")
    );
    let a = anchor_of(M);
    let t = find_timexes("quelques jours après", "fr", a.as_ref());
    let t = t.first();
    assert_eq!(t.and_then(|t| t.modifier), Some(TimexMod::Approx));
    assert_eq!(t.map(|t| t.estimated), Some(true));
    assert_eq!(
        t.and_then(|t| t.anchor.clone()).map(|a| a.value).as_deref(),
        Some(M)
    );
}

#[test]
fn interval_ends_are_dates() {
    let a = anchor_of(D);
    let t = find_timexes("prévue jusqu'au 26 juin", "fr", a.as_ref());
    let t = t.first();
    assert_eq!(
        t.and_then(|t| t.interval_end.clone())
            .map(|d| d.value)
            .as_deref(),
        Some("2025-06-26")
    );
    assert_eq!(t.and_then(|t| t.interval_start.clone()), None);
    let t = find_timexes("depuis 2021", "fr", None);
    let s = t.first().and_then(|t| t.interval_start.clone());
    assert_eq!(
        s.map(|d| (d.value, d.precision)),
        Some(("2021".to_string(), Precision::Year))
    );
}

#[test]
fn no_false_dates() {
    for (lang, text) in [
        ("fr", "Il a déployé 2000 soldats et 1 200 hommes."),
        ("fr", "Le 32 mars n'existe pas."),
        ("fr", "Le jeudiste et le samediste ont parlé."),
        ("en", "You may 2 go home now."),
        ("en", "The mayor may decide."),
        ("en", "Prices fell in the last years."),
        (
            "fr",
            "Les prix ont baissé ces dernières années et en 20215.",
        ),
        ("fr", ""),
    ] {
        let found = find_timexes(text, lang, anchor_of(D).as_ref());
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn other_languages_get_absolute_dates_only() {
    let found = find_timexes("Am 23. Juni 2025 und gestern", "de", None);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found.first().and_then(|t| t.value.clone()).as_deref(),
        Some("2025-06-23")
    );
}

#[test]
fn results_are_ordered_and_disjoint() {
    let text =
        "Le 4 mars 2025, puis lundi, hier et depuis 2021 ; du 3 au 5 mars 2025 et il y a deux ans.";
    let found = find_timexes(text, "fr", anchor_of(D).as_ref());
    assert!(found.len() >= 6, "{found:?}");
    for w in found.windows(2) {
        if let [a, b] = w {
            assert!(a.end <= b.start, "{a:?} {b:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics_and_spans_are_valid(
        text in "(\\PC|[ ’'\\-0-9]|lundi|dernier|le 11 novembre|2021|depuis|il y a|jusqu'au|juin|mi-|fin|ago|last|June 3|\u{e9}){0,40}",
        lang in prop::sample::select(vec!["fr", "en", "de", ""]),
        anchor in prop::sample::select(vec!["", "2025", "2025-06", "2025-06-23", "2025-06-23T00:53", "9999-12-31", "0000-01-01"]),
    ) {
        let a = anchor_of(anchor);
        for t in find_timexes(&text, lang, a.as_ref()) {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()));
            prop_assert_eq!(t.resolved, t.value.is_some());
        }
    }
}

#[test]
fn coreference_gives_the_year() {
    let text = "Abdoulaye Diop a rencontré le 11 novembre dernier son homologue. (Photo : le 11 novembre 2021 à Moscou.)";
    let found = find_timexes(text, "fr", None);
    let t = found.iter().find(|t| t.text == "le 11 novembre dernier");
    assert_eq!(
        t.and_then(|t| t.value.clone()).as_deref(),
        Some("2021-11-11")
    );
    assert_eq!(t.map(|t| (t.estimated, t.resolved)), Some((true, true)));
    // Two different years: no guess.
    let text = "le 11 novembre dernier, puis le 11 novembre 2021 et le 11 novembre 2020";
    let found = find_timexes(text, "fr", None);
    assert_eq!(found.first().map(|t| t.resolved), Some(false));
}

#[test]
fn text_anchor_is_opt_in_and_estimated() {
    let text = "La France a annoncé en juin la fermeture de ses bases. Le 11 novembre 2021, Diop était à Moscou.";
    let plain = find_timexes(text, "fr", None);
    assert_eq!(
        plain.first().map(|t| (t.text.as_str(), t.resolved)),
        Some(("juin", false))
    );
    let with = find_timexes_with(text, "fr", None, &TimexOptions { text_anchor: true });
    let t = with.first();
    assert_eq!(t.and_then(|t| t.value.clone()).as_deref(), Some("2021-06"));
    assert_eq!(t.map(|t| t.estimated), Some(true));
    assert_eq!(
        t.and_then(|t| t.anchor.clone()),
        Some(TimexAnchor {
            value: "2021".into(),
            precision: Precision::Year,
            estimated: true
        })
    );
    // A given anchor wins over the text.
    let a = anchor_of("2021-11-20");
    let given = find_timexes_with(text, "fr", a.as_ref(), &TimexOptions { text_anchor: true });
    assert_eq!(given.first().map(|t| t.estimated), Some(false));
}

/// The expressions of the five sample pages, resolved against their gold
/// publication dates (../shared/gold/seeds-dossier.json: 000 = 2025-06,
/// 001 = 2025-04-03, 002 and 003 undated, 004 = 2025-06-23T00:53).
#[test]
fn seed_pages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    #[rustfmt::skip]
    type Seed = (&'static str, &'static str, &'static [(&'static str, Option<&'static str>)]);
    let expected: &[Seed] = &[
        (
            "000",
            "2025-06",
            &[
                ("lundi", Some("2025-06")),
                ("quelques jours après", Some("2025-06")),
                ("depuis 2021", Some("2021/..")),
                ("dimanche", Some("2025-06")),
                ("2022", Some("2022")),
            ],
        ),
        (
            "001",
            "2025-04-03",
            &[
                ("Ce jeudi", Some("2025-04-03")),
                ("juin prochain", Some("2025-06")),
            ],
        ),
        (
            "002",
            "",
            &[
                ("le 11 novembre dernier", Some("2021-11-11")),
                ("fin 2014", Some("2014")),
                ("le 11 novembre 2021", Some("2021-11-11")),
                ("juin", None),
            ],
        ),
        ("003", "", &[("Le 4 mars 2025", Some("2025-03-04"))]),
        (
            "004",
            "2025-06-23T00:53",
            &[
                ("ce dimanche", Some("2025-06-22")),
                ("jusqu’au 26 juin", Some("../2025-06-26")),
            ],
        ),
    ];
    for (prefix, anchor, wants) in expected {
        let Some(path) = files.iter().find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        }) else {
            eprintln!("skipped: no seed {prefix}");
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let found = find_timexes(&text, "fr", anchor_of(anchor).as_ref());
        for (surface, value) in wants.iter() {
            let t = found.iter().find(|t| t.text == *surface);
            assert!(
                t.is_some(),
                "{prefix}: {surface:?} not found in {:?}",
                found.iter().map(|t| &t.text).collect::<Vec<_>>()
            );
            assert_eq!(
                t.and_then(|t| t.value.as_deref()),
                *value,
                "{prefix}: {surface:?}"
            );
        }
        if *prefix == "002" {
            let with = find_timexes_with(&text, "fr", None, &TimexOptions { text_anchor: true });
            let juin = with
                .iter()
                .find(|t| t.text == "juin")
                .and_then(|t| t.value.as_deref());
            assert_eq!(juin, Some("2021-06"));
        }
    }
}
