//! Short blocks that are page furniture by their words: calls to
//! subscribe, follow or share, pointers to other articles ("Read also",
//! "Lesen Sie auch"), advertising labels and reprint notices, which CMSs
//! insert inside the article container where no class marks them.
//!
//! The phrases are data, one file per language
//! (`data/lang/<iso>/html-boilerplate.txt`), merged into one list: they are
//! distinctive enough not to need the page's language. A `line` phrase
//! matches a block that is only the phrase (a `list` phrase is a `line`
//! phrase that announces a list of pointers to other articles: see
//! [`is_pointer_list_label`]); a `start` phrase matches a
//! short block that opens with it, at a word boundary; an `end` phrase
//! matches a short block whose last sentence opens with it (a promotion
//! closing with "Sign up for the free daily newsletter."); a `contains`
//! phrase matches a short block that holds it anywhere (the affiliate
//! disclosure a post opens or closes with: "We may receive compensation
//! when you click on links to those products.").

use std::collections::HashSet;
use std::sync::OnceLock;

/// Longest block (characters, whitespace excluded) judged by its words.
pub(crate) const MAX_CHARS: u32 = 200;

const FILES: &[&str] = &[
    include_str!("../../../../data/lang/en/html-boilerplate.txt"),
    include_str!("../../../../data/lang/fr/html-boilerplate.txt"),
    include_str!("../../../../data/lang/de/html-boilerplate.txt"),
    include_str!("../../../../data/lang/es/html-boilerplate.txt"),
    include_str!("../../../../data/lang/it/html-boilerplate.txt"),
    include_str!("../../../../data/lang/pt/html-boilerplate.txt"),
    include_str!("../../../../data/lang/nl/html-boilerplate.txt"),
    include_str!("../../../../data/lang/pl/html-boilerplate.txt"),
];

struct Phrases {
    lines: HashSet<String>,
    /// The `list` phrases (also in `lines`).
    lists: HashSet<String>,
    /// The same, sorted (to find those opening a text).
    lines_sorted: Vec<String>,
    starts: Vec<String>,
    ends: Vec<String>,
    /// The `contains` phrases, as one automaton over the shown text
    /// (ASCII case folded; typographic apostrophes as a variant).
    contains: Option<aho_corasick::AhoCorasick>,
    /// The `closing` labels (see [`is_closing_label`]).
    closings: HashSet<String>,
    /// The `about` openings (see [`is_closing_label`]).
    abouts: Vec<String>,
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let mut p = Phrases {
            lines: HashSet::new(),
            lists: HashSet::new(),
            lines_sorted: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            contains: None,
            closings: HashSet::new(),
            abouts: Vec::new(),
        };
        let mut contains: Vec<String> = Vec::new();
        for file in FILES {
            for line in dossier_text::data_lines(file) {
                let Some((kind, phrase)) = line.split_once(' ') else { continue };
                let phrase = normalise(phrase);
                if phrase.is_empty() {
                    continue;
                }
                match kind {
                    "line" => {
                        p.lines.insert(trim_ends(&phrase).to_string());
                    }
                    "list" => {
                        p.lines.insert(trim_ends(&phrase).to_string());
                        p.lists.insert(trim_ends(&phrase).to_string());
                    }
                    "start" => p.starts.push(phrase),
                    "end" => p.ends.push(phrase),
                    "closing" => {
                        p.closings.insert(trim_ends(&phrase).to_string());
                    }
                    "about" => p.abouts.push(phrase),
                    "contains" => {
                        if phrase.contains('\'') {
                            contains.push(phrase.replace('\'', "\u{2019}"));
                        }
                        contains.push(phrase);
                    }
                    _ => {}
                }
            }
        }
        p.starts.sort();
        p.starts.dedup();
        p.ends.sort();
        p.ends.dedup();
        p.lines_sorted = p.lines.iter().cloned().collect();
        p.lines_sorted.sort();
        if !contains.is_empty() {
            let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&contains);
            p.contains = Some(ac.unwrap_or_else(|e| panic!("boilerplate contains phrases: {e}")));
        }
        p
    })
}

/// Lower case, typographic apostrophes as ASCII, whitespace collapsed, no space before `:`, `;`, `!`, `?`
/// (French typography), leading punctuation and symbols removed.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let glued = w.starts_with([':', ';', '!', '?']);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        // A typographic apostrophe reads as the ASCII one ("Don’t miss").
        out.extend(w.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase));
    }
    out.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string()
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The rest of `t` after `phrase` when `t` opens with it at a word
/// boundary (the phrase ends with punctuation, or no letter or digit
/// follows it).
fn after_phrase<'t>(t: &'t str, phrase: &str) -> Option<&'t str> {
    let rest = t.strip_prefix(phrase)?;
    (phrase.ends_with(|c: char| !c.is_alphanumeric()) || !rest.starts_with(char::is_alphanumeric)).then_some(rest)
}

/// True when a short block's text (`text`, as shown) is page furniture.
pub(crate) fn is_furniture(text: &str) -> bool {
    let t = normalise(text);
    if t.is_empty() {
        return false;
    }
    let p = phrases();
    if p.lines.contains(trim_ends(&t)) || sharing_first_byte(&p.starts, &t).iter().any(|s| after_phrase(&t, s).is_some()) {
        return true;
    }
    let last = last_sentence(&t);
    sharing_first_byte(&p.ends, last).iter().any(|s| after_phrase(last, s).is_some())
}

/// True when a short block (`text`, as shown) is only the label of a box
/// that follows the article and closes the page's text: its author's or its
/// publisher's presentation, a press contact ("Über die Autorin:", "À propos
/// de l'auteur", "Pressekontakt", "Contact presse": `closing` phrases), or
/// "About" and a name ("About Ascom", "Über Nordex SE", "À propos de
/// Greenpeace": an `about` phrase, then one to [`MAX_ABOUT_NAME_WORDS`]
/// words, no sentence).
pub(crate) fn is_closing_label(text: &str) -> bool {
    let t = normalise(text);
    let p = phrases();
    if p.closings.contains(trim_ends(&t)) {
        return true;
    }
    let shown = text.trim().trim_end_matches(':').trim_end();
    if shown.ends_with(['.', '!', '?', ',', ';']) {
        return false;
    }
    p.abouts.iter().any(|a| {
        let Some(rest) = after_phrase(&t, a) else { return false };
        // The name as shown (its capital), at the same word count.
        let skip = a.split_whitespace().count();
        let name: Vec<&str> = shown.split_whitespace().skip(skip).collect();
        // A name: one word, or words that all open with a capital or a
        // digit ("Nordex SE"; not "Deutschland hinaus").
        let capital = |w: &&str| w.trim_start_matches(['«', '"', '“', '„', '\'']).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        !rest.trim().is_empty()
            && (1..=MAX_ABOUT_NAME_WORDS).contains(&name.len())
            && (name.len() == 1 || name.iter().all(capital))
    })
}

/// Most words of the name after an `about` phrase.
const MAX_ABOUT_NAME_WORDS: usize = 4;

/// True when a short block (`text`, as shown) is only a label announcing
/// pointers to other articles ("À lire aussi :", "Related stories"): the
/// blocks right after it that open with a link are that list, however long
/// the blurbs under their links.
pub(crate) fn is_pointer_list_label(text: &str) -> bool {
    phrases().lists.contains(trim_ends(&normalise(text)))
}

/// The phrases of a sorted list that open with the first byte of `t`:
/// the only ones that can open `t` (a binary search instead of a scan of
/// the whole list for every block).
fn sharing_first_byte<'p>(sorted: &'p [String], t: &str) -> &'p [String] {
    let Some(&b) = t.as_bytes().first() else { return &[] };
    let lo = sorted.partition_point(|s| s.as_bytes().first().is_some_and(|&f| f < b));
    let hi = sorted.partition_point(|s| s.as_bytes().first().is_some_and(|&f| f <= b));
    sorted.get(lo..hi).unwrap_or(&[])
}

/// True when a block's text (`text`, as shown, of at most
/// [`MAX_DISCLOSURE_CHARS`] characters) holds a `contains` phrase: an
/// affiliate or advertising disclosure, longer than other furniture.
/// The text is matched as shown (whitespace already collapsed), without
/// the allocation of [`normalise`]: a disclosure in capitals beyond ASCII
/// is not found.
pub(crate) fn is_disclosure(text: &str) -> bool {
    phrases().contains.as_ref().is_some_and(|ac| ac.is_match(text)) || is_follow_call(text)
}

/// Openings of a call to follow someone (lower case, with the space after).
const FOLLOW_OPENINGS: [&str; 8] = ["follow ", "suivez ", "retrouvez ", "folgen sie ", "folgt ", "síguenos ", "sigue a ", "seguite "];
/// Pronouns naming whom to follow.
const FOLLOW_PRONOUNS: [&str; 12] = ["us", "him", "her", "me", "them", "nous", "le", "la", "les", "uns", "mir", "ihm"];
/// Social networks named in such a call.
const SOCIAL_NETWORKS: [&str; 9] = ["twitter", "facebook", "instagram", "telegram", "tiktok", "linkedin", "youtube", "mastodon", "bluesky"];

/// A block opening or closing with a call to follow a publication or a
/// writer that names a social network in that sentence ("Follow The
/// Gleaner on Twitter and Instagram @JamaicaGleaner …", "… Here's our
/// email: … Follow The Daily Opinion section on Facebook, Twitter and
/// Instagram.", "Suivez Le Journal sur Facebook."): the publication's
/// promotion, whatever name it gives, which a `contains` phrase cannot
/// spell.
fn is_follow_call(text: &str) -> bool {
    let t = text.trim();
    // The last sentence: after the last sentence end followed by a space.
    let last = t
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && t[i + c.len_utf8()..].starts_with(' '))
        .map_or(t, |(i, _)| t[i + 1..].trim_start());
    // Closing a paragraph, the call is the publication's promotion when it
    // gives a handle or speaks for the publication ("Follow us …"); "…
    // that Sklar plans to release. Follow him on Instagram to watch." is
    // the article's advice.
    let promotes = last.contains('@') || ["us ", "nous ", "uns "].iter().any(|w| last.to_lowercase().split_once(' ').is_some_and(|(_, r)| r.starts_with(w)));
    opens_follow_call(t) || promotes && opens_follow_call(last)
}

/// Whether `t` opens with a call to follow someone (a name, capitalised,
/// or a pronoun: not "Follow these steps shared on Twitter") and names a
/// social network in its first sentence.
fn opens_follow_call(t: &str) -> bool {
    let lower = t.to_lowercase();
    let Some(opening) = FOLLOW_OPENINGS.iter().find(|o| lower.starts_with(*o)) else { return false };
    let object = t.get(opening.len()..).and_then(|r| r.split_whitespace().next()).unwrap_or("");
    let pronoun = FOLLOW_PRONOUNS.contains(&object.to_lowercase().trim_end_matches(|c: char| !c.is_alphabetic()));
    if !(pronoun || object.starts_with(char::is_uppercase) || object.starts_with('@')) {
        return false;
    }
    let first = lower.find(". ").map_or(lower.as_str(), |i| &lower[..i]);
    SOCIAL_NETWORKS.iter().any(|n| first.contains(n))
}

/// Longest block (characters, whitespace excluded) judged by
/// [`is_disclosure`].
pub(crate) const MAX_DISCLOSURE_CHARS: u32 = 400;

/// The last sentence of `t`: what follows the last sentence end (`.`,
/// `!`, `?` and a space) before the closing punctuation.
fn last_sentence(t: &str) -> &str {
    let body = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    let cut = body.char_indices().rev().find(|&(i, c)| matches!(c, '.' | '!' | '?') && body[i + c.len_utf8()..].starts_with(' '));
    match cut {
        Some((i, c)) => body[i + c.len_utf8()..].trim_start(),
        None => body,
    }
}

/// True when `text` opens with a furniture phrase (a `line` or `start`
/// one) followed by more words: "À LIRE AUSSI Antisémitisme : retour au
/// Moyen Âge", an inline pointer to another article inside a paragraph.
pub(crate) fn opens_with_furniture(text: &str) -> bool {
    let t = normalise(text);
    let p = phrases();
    let more_words = |s: &str| after_phrase(&t, s.trim_end_matches(|c: char| !c.is_alphanumeric())).is_some_and(|r| r.chars().any(char::is_alphanumeric));
    sharing_first_byte(&p.lines_sorted, &t).iter().any(|s| more_words(s)) || sharing_first_byte(&p.starts, &t).iter().any(|s| more_words(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sign-up boxes worded around their call, their address fields and
    /// an access notice: furniture in each language, while sentences about
    /// newsletters stay.
    #[test]
    fn newsletter_boxes_and_notices() {
        assert!(is_disclosure("Don't miss the latest news from around Scotland and beyond - Sign up to our daily newsletter here."));
        assert!(is_disclosure("From our morning news briefing to a weekly roundup, get the best of the paper delivered directly to your inbox."));
        assert!(is_disclosure("L'essentiel de l'actualité, chaque matin : inscrivez-vous à notre newsletter."));
        assert!(is_disclosure("Recevez l'actualité de votre ville directement dans votre boîte mail."));
        assert!(is_disclosure("Hier können Sie sich zum kostenlosen Newsletter der Stadt anmelden."));
        assert!(is_furniture("Newsletter Signup"));
        assert!(is_furniture("Newsletter-Anmeldung"));
        assert!(is_furniture("To receive news updates daily, enter your email address"));
        assert!(is_furniture("Enter your email address:"));
        assert!(is_furniture("Saisissez votre adresse e-mail"));
        assert!(is_furniture("Access provided by the University Library"));
        assert!(!is_disclosure("The newsletter, read by 40,000 people, was sent to subscribers on Monday."));
        assert!(!is_disclosure("La lettre d'information de la mairie sera distribuée dans les boîtes aux lettres."));
    }

    #[test]
    fn furniture_lines_and_openings() {
        assert!(is_furniture("Lesen Sie auch"));
        // A further-reading label is furniture and announces a list.
        assert!(is_furniture("À lire aussi :") && is_pointer_list_label("À lire aussi :"));
        assert!(is_pointer_list_label("Related stories"));
        assert!(!is_pointer_list_label("Partager") && is_furniture("Partager"));
        assert!(!is_pointer_list_label("Lire aussi : La réforme adoptée"));
        assert!(is_furniture("» Schon gelesen?"));
        assert!(is_furniture("Related articles:"));
        assert!(is_furniture("DON’T MISS"));
        assert!(is_furniture("Advert"));
        assert!(is_furniture("LIRE AUSSI : La réforme des retraites adoptée"));
        assert!(is_furniture("Subscribe now to our print edition for the full story."));
        assert!(is_furniture("Anzeige"));
        // Labels of the contact and further-reading boxes after a German story.
        assert!(is_furniture("Kontakt:"));
        assert!(is_furniture("Weitere Informationen:"));
        assert!(is_furniture("Quellenangaben:"));
        assert!(is_furniture("Lesen Sie auch die folgenden Beiträge:"));
        assert!(!is_furniture("Weitere Informationen gab die Polizei nicht bekannt."));
        // The toggle of a sources box; a related-coverage label.
        assert!(is_furniture("Quellen ausblenden"));
        assert!(is_furniture("Related Coverage"));
        // Words of a sentence, not furniture.
        assert!(!is_furniture("Lesen Sie auch die Stellungnahme des Ministeriums, sagte er."));
        assert!(!is_furniture("Share prices fell sharply on Monday."));
        assert!(!is_furniture("Subscribers will pay more from January."));
        assert!(!is_furniture(""));
        // A short promotion whose last sentence is a call to subscribe.
        assert!(is_furniture("Start your day with the Morning Brief. It is read by many traders. Sign up for the free daily newsletter."));
        assert!(is_furniture("Get the magazine delivered every month. 12 issues for £11.99. Click here for more information."));
        assert!(!is_furniture("Officials said people could sign up for the scheme. Few did."));
        // A citation box closing an article.
        assert!(is_furniture("Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved 20 November 2019 from https://phys.org/news/x.html"));
        assert!(is_furniture("SUGGESTED CITATION Sauer, Heiko: Expert*innen in der Krise, VerfBlog, 2020/4/09, https://verfassungsblog.de/x/."));
        assert!(!is_furniture("Citations of the study rose sharply last year."));
        // Recipe-card and image-viewer buttons run together.
        assert!(is_furniture("Rezept drucken Bei Pinterest speichern"));
        assert!(is_furniture("Bild anzeigen Bild schließen"));
        assert!(is_furniture("Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern. Melde dich hier für unseren Newsletter an!"));
        assert!(is_furniture("We need your help. Help us continue to spread the magic of words to readers everywhere. Donate"));
        // Shop and rating widgets' default texts.
        assert!(is_furniture("(Noch keine Bewertungen) Loading..."));
        assert!(is_furniture("Bitte geben Sie die Zahlenfolge in das nachfolgende Textfeld ein."));
        assert!(is_furniture("Der Artikel wurde erfolgreich hinzugefügt."));
        assert!(!is_furniture("Melde dich hier nicht an, sagte der Beamte. Er ging."));
        // Calls to follow the site elsewhere.
        assert!(is_furniture("For the latest stories and breaking news updates download our apps for iOS and Android."));
        assert!(is_furniture("Get the latest news straight to your phone with our app."));
        assert!(is_furniture("Do you want to be informed of our actions? Sign up here"));
        assert!(!is_furniture("For the latest figures, the ministry relied on regional data."));
        assert!(is_disclosure("¡Mira lo que tiene nuestro canal de YouTube!"));
        // Contributor and agency credits closing a story.
        assert!(is_furniture("(Reporting by Jane Roe; Editing by John Doe)"));
        assert!(is_furniture("Additional reporting by Jane Roe in Paris"));
        assert!(is_disclosure("Associated Press writers Jane Roe and John Doe contributed to this report."));
        assert!(is_disclosure("John Doe contributed reporting from Hong Kong."));
        assert!(is_furniture("(Avec AFP)"));
        assert!(is_furniture("– Additional reporting from Reuters"));
        assert!(is_furniture("Avec la contribution de Jean Dupont à Lyon"));
        assert!(!is_furniture("Reporting byzantine rules was hard for the ministry."));
        // Disclaimers and update lines.
        assert!(is_furniture("(Alle Angaben ohne Gewähr)"));
        assert!(is_furniture("Aktualisiert am 17.01.2021."));
        assert!(is_furniture("Article mis à jour le 7 janvier 2020."));
        assert!(is_disclosure("The Daily Planet is not responsible for the opinions, statements or media content presented by contributors."));
        // French calls to support or follow a publication, and a paywall's
        // notice; the same words in a sentence of the article are not.
        assert!(is_furniture("Soutenez-nous : votre don finance une information libre et indépendante."));
        assert!(is_furniture("Cet article vous a plu ? Partagez-le !"));
        assert!(is_furniture("Retrouvez toute l'actualité de votre région sur notre site."));
        assert!(is_disclosure("Il vous reste 85.05% de cet article à lire. La suite est réservée aux abonnés."));
        assert!(is_furniture("Sur le même thème") && is_pointer_list_label("Sur le même thème"));
        assert!(is_furniture("Support our journalism. Become a member today."));
        assert!(!is_furniture("Les grévistes ont demandé aux passants de faire un don pour la caisse de grève."));
        assert!(!is_furniture("Support for the measure fell to 40 percent."));
    }

    #[test]
    fn disclosures_anywhere_in_a_block() {
        assert!(is_disclosure("This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products."));
        assert!(is_disclosure("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."));
        assert!(is_disclosure("Die mit Sternchen (*) gekennzeichneten Links sind sogenannte »Affiliate-Links«."));
        assert!(!is_disclosure("The company said it would pay the commission's fine by Friday."));
        assert!(is_disclosure("Le Club est l'espace de libre expression des abonnés. Ses contenus n'engagent pas la rédaction."));
        assert!(is_disclosure("Les tribunes n’engagent que leurs auteurs."));
        assert!(is_disclosure("If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story."));
    }

    #[test]
    fn small_sites_tools_lists_and_comment_forms() {
        assert!(is_furniture("Imprimer cet article"));
        assert!(is_furniture("Mots-clés :"));
        assert!(is_pointer_list_label("Derniers articles"));
        assert!(is_pointer_list_label("Du même auteur"));
        assert!(is_furniture("Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"));
        assert!(is_furniture("Your email address will not be published. Required fields are marked *"));
        assert!(!is_furniture("Les thèmes du débat ont été fixés par le gouvernement."));
        // A donation appeal set after the article.
        assert!(is_furniture("Ihre Spende für unabhängigen Journalismus. für CORRECTIV. für die nächste Recherche."));
        assert!(is_disclosure("Dieser Artikel wird von Spenden unserer Leserinnen und Lesern finanziert. Unterstützen Sie unsere gemeinnützige Arbeit mit Ihrer Spende."));
        assert!(!is_disclosure("Die Stadt sammelt Spenden für die Opfer des Hochwassers."));
        // A widget's placeholder before its script fills it.
        assert!(is_furniture("Loading...") && is_furniture("Wird geladen …"));
        assert!(!is_furniture("Loading the ships took three days."));
    }

    #[test]
    fn closing_box_labels() {
        assert!(is_closing_label("Über die Autorin:"));
        assert!(is_closing_label("Zu den AutorInnen:"));
        assert!(is_closing_label("À propos de l'auteur"));
        assert!(is_closing_label("Pressekontakt:"));
        assert!(is_closing_label("Contact presse"));
        assert!(is_closing_label("About Ascom"));
        assert!(is_closing_label("Über Nordex SE"));
        assert!(is_closing_label("About my6sense"));
        assert!(is_closing_label("À propos de Greenpeace France"));
        // Not a name, or a sentence.
        assert!(!is_closing_label("Über Deutschland hinaus"));
        assert!(!is_closing_label("Über das und vieles mehr!"));
        assert!(!is_closing_label("À propos de la réforme"));
        assert!(!is_closing_label("About a buck an ear."));
        assert!(!is_closing_label("About"));
        // Reserved-rights notices are furniture.
        assert!(is_disclosure("Copyright 2019 Hawaii News Now. All rights reserved."));
        assert!(is_disclosure("© Le Monde 2020. Tous droits réservés."));
    }

    #[test]
    fn pointers_open_with_furniture() {
        assert!(opens_with_furniture("À LIRE AUSSI Antisémitisme : retour au Moyen Âge"));
        assert!(opens_with_furniture("Lire aussi : La réforme adoptée"));
        assert!(!opens_with_furniture("À lire aussi"));
        assert!(!opens_with_furniture("Lire aussistance"));
        assert!(!opens_with_furniture("Le ministre a dit lundi"));
    }
}
