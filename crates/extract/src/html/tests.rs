//! Tests of the HTML extractor: content selection, offsets, metadata and
//! robustness on pathological pages.

use super::*;

const ARTICLE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><title>Ministers meet in Bamako | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Daily Planet">
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Ministers meet in Bamako</h1>
<p class="byline">By <a href="/jane">Jane Doe</a> and John Roe</p>
<div class="article-body">
<p>The foreign ministers met on Monday in Bamako to discuss security cooperation, trade and the future of the region, officials said.</p>
<p>Talks lasted &laquo;several hours&raquo;, according to a statement released after the meeting, which both sides described as constructive.</p>
<h2>Next steps</h2>
<p>A new round of talks is planned for June, with delegations from three more countries expected to attend, the statement added.</p>
<ul><li>First point of the agreement.</li><li>Second point of the agreement.</li></ul>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</div>
<div class="related"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li>
<li><a href="/b">Yet another story about another thing</a></li></ul></div>
</article></main>
<aside class="sidebar"><p>Most read: a long list of other stories that are popular on the site today, with many words.</p></aside>
<footer><p>Copyright Daily Planet 2024. All rights reserved. Contact us for more information about anything.</p></footer>
<script>var x = "<p>not text</p>";</script>
</body></html>"##;

#[test]
fn extracts_main_content_and_drops_boilerplate() {
    let ex = extract(ARTICLE, Some("https://www.dailyplanet.example/world/x"));
    let t = &ex.text;
    assert!(t.starts_with("The foreign ministers met"), "{t}");
    assert!(t.contains("Talks lasted «several hours»"), "{t}");
    assert!(t.contains("\n\nNext steps\n\n"), "{t}");
    assert!(t.contains("First point of the agreement.\nSecond point of the agreement."), "{t}");
    for bad in ["Home", "cookies", "Share on", "Another story", "Most read", "Copyright", "not text", "Jane Doe"] {
        assert!(!t.contains(bad), "{bad} in {t}");
    }
    assert!(!t.contains("Ministers meet in Bamako"), "title repeated: {t}");
    assert!(!t.ends_with(char::is_whitespace));
}

#[test]
fn offsets_lead_back_to_the_source() {
    let ex = extract(ARTICLE, None);
    let t = &ex.text;
    for needle in ["foreign ministers", "Next steps", "Second point", "constructive"] {
        let at = t.find(needle).unwrap();
        let (s, e) = ex.offsets.range_to_raw(at, at + needle.len()).unwrap();
        assert_eq!(&ARTICLE[s..e], needle);
    }
    // An entity maps to its reference.
    let at = t.find('«').unwrap();
    let r = ex.offsets.to_raw(at).unwrap();
    assert!(ARTICLE[r..].starts_with("&laquo;"));
}

#[test]
fn metadata_title_authors_site() {
    let ex = extract(ARTICLE, Some("https://www.dailyplanet.example/world/x"));
    let m = &ex.metadata;
    assert_eq!(m.title.as_ref().map(|t| t.value.as_str()), Some("Ministers meet in Bamako"));
    assert_eq!(m.site_name.as_ref().map(|t| t.value.as_str()), Some("Daily Planet"));
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(authors, vec!["Jane Doe", "John Roe"], "publisher must not be an author");
    assert_eq!(m.declared_language.as_deref(), Some("en"));
}

#[test]
fn tables_keep_rows_and_cells() {
    let html = "<html><body><article><p>The results of the vote were announced on Sunday evening by the electoral commission, as follows.</p>\
        <table><tr><th>Party</th><th>Seats</th></tr><tr><td>Blue</td><td>42</td></tr></table>\
        <p>Turnout was higher than in the previous election, according to the commission, which praised voters.</p></article></body></html>";
    let ex = extract(html, None);
    assert!(ex.text.contains("Party | Seats\nBlue | 42"), "{}", ex.text);
}

#[test]
fn empty_and_script_only_pages() {
    for html in ["", "   ", "<script>alert(1)</script>", "<html><head><style>p{}</style></head><body><script>x</script></body></html>"] {
        let ex = extract(html, None);
        assert!(ex.text.is_empty(), "{:?}", ex.text);
        assert!(ex.diagnostics.iter().any(|d| d.code == "html-no-content"));
    }
}

#[test]
fn malformed_markup_does_not_break() {
    let html = "<p>Unclosed <b>bold <i>and italic</p><div><p>Second para with enough words, really, to count as text in here.</div>\
                <table><p>foster parented paragraph text that html5ever moves out of the table.</table><a href='x\n<<>>&&&#;&#xZZ;";
    let ex = extract(html, None);
    assert!(ex.text.contains("Second para"), "{}", ex.text);
    for (i, _) in ex.text.char_indices() {
        if let Some(r) = ex.offsets.to_raw(i) {
            assert!(r <= html.len());
        }
    }
}

#[test]
fn deep_nesting_is_safe() {
    let n = 100_000;
    let mut html = String::with_capacity(n * 12);
    for _ in 0..n {
        html.push_str("<div>");
    }
    html.push_str("Deeply nested text, with a comma, and a full sentence here for the scorer to find.");
    for _ in 0..n {
        html.push_str("</div>");
    }
    let ex = extract(&html, None);
    assert!(ex.text.contains("Deeply nested text"), "{}", ex.text);
}

#[test]
fn huge_text_node() {
    let body = "word, ".repeat(10 * 1024 * 1024 / 6);
    let html = format!("<html><body><p>{body}</p></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.len() > 9_000_000);
    let r = ex.offsets.to_raw(0).unwrap();
    assert!(html[r..].starts_with("word,"));
}

#[test]
fn invalid_utf8_through_lossy_decoding() {
    let mut bytes = b"<html><body><article><p>Caf".to_vec();
    bytes.extend_from_slice(&[0xE9, 0xFF, 0xFE]);
    bytes.extend_from_slice(b" au lait, une boisson chaude appreciee dans de nombreux pays, surtout le matin.</p></article></body></html>");
    let html = String::from_utf8_lossy(&bytes).into_owned();
    let ex = extract(&html, None);
    assert!(ex.text.contains("au lait"), "{}", ex.text);
    assert!(ex.text.contains('\u{FFFD}'));
}

#[test]
fn many_entities_stay_linear() {
    // Every text node differs from its source (entities): lookups must not
    // rescan the page each time.
    let mut html = String::from("<html><body><article>");
    for i in 0..20_000 {
        html.push_str(&format!("<p>&eacute;&eacute; {i}, some words here to make it text.</p>"));
    }
    html.push_str("</article></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.contains("éé 19999"));
}

#[test]
fn unclosed_boilerplate_wrapper_does_not_hide_the_article() {
    // An unclosed <aside> swallows the rest of the page in the DOM.
    let mut html = String::from("<html><body><aside class='sidebar'><p>Menu</p><div class='story'>");
    for i in 0..5 {
        html.push_str(&format!(
            "<p>Paragraph {i} of the story, long enough to be text, with commas, clauses and a full stop at the end.</p>"
        ));
    }
    html.push_str("</div></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.contains("Paragraph 0 of the story"), "{}", ex.text);
    assert!(ex.text.contains("Paragraph 4 of the story"), "{}", ex.text);
}

#[test]
fn comments_are_not_content() {
    let html = "<html><body><article><p>The council voted on Tuesday to approve the new budget, which raises spending on schools and roads.</p>\
        <p>The mayor said the plan was balanced, and that taxes would not rise this year, according to the minutes.</p></article>\
        <div id='comments' class='comments-area'><p>Great article, thanks for sharing this with all of us, really enjoyed it a lot.</p>\
        <p>I disagree with the mayor, the budget is not balanced at all and taxes will rise, mark my words.</p></div></body></html>";
    let ex = extract(html, None);
    assert!(ex.text.contains("The council voted"), "{}", ex.text);
    assert!(!ex.text.contains("Great article"), "{}", ex.text);
}

#[test]
fn logo_heading_is_not_the_title() {
    let html = r#"<html><head><title>Un long titre d'article sur la réforme - exemple.fr</title></head>
<body><h1><a href="https://www.exemple.fr/">exemple.fr</a></h1>
<article><h2>Un long titre d'article sur la réforme</h2><p>Le gouvernement a présenté mardi une réforme des retraites qui doit entrer en vigueur l'an prochain, selon le ministre.</p></article></body></html>"#;
    let e = extract(html, Some("https://www.exemple.fr/politique/reforme"));
    assert_eq!(e.metadata.title.map(|t| t.value).as_deref(), Some("Un long titre d'article sur la réforme"));
}

#[test]
fn figure_captions_are_kept_but_not_gallery_controls() {
    let html = "<html><body><article><p>The council approved the new budget on Tuesday, after a debate that lasted \
        most of the afternoon, members said.</p><figure><img src=a.jpg><figcaption>Council members vote on the budget \
        in the town hall on Tuesday. Photo: Agency</figcaption><div class=\"gallery-nav\">1 / 12</div></figure><p>The \
        budget raises spending on schools and roads, and it cuts the tax on small shops, the mayor explained.</p></article></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("approved the new budget") && t.contains("raises spending"), "{t}");
    assert!(t.contains("Council members vote"), "{t}");
    assert!(!t.contains("1 / 12"), "{t}");
}

#[test]
fn caption_box_inside_a_picture_element_is_kept() {
    // Templates put the caption box inside `picture` (beside its
    // `source`s and `img`); the caption names who is shown.
    let html = "<html><body><article><h1>Derby ends in a draw</h1><div class=\"article-body\"><div class=\"illustration\">\
        <picture><source srcset=\"a.jpg\"><img src=\"a.jpg\" alt=\"x\"><div class=\"illustration__caption\">\
        <p class=\"legend\">The midfielder Anna Berg (left) fights for the ball with Carla Diaz in Leeds on Saturday</p>\
        </div></picture></div><p>The derby ended in a draw on Saturday, after a match in which both sides missed many chances, \
        the coaches said.</p><p>The home side scored first, and the visitors equalised late in the second half from a long \
        shot, to the delight of their fans.</p></div></article></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("The derby ended") && t.contains("The home side"), "{t}");
    assert!(t.contains("Anna Berg (left) fights for the ball"), "{t}");
}

#[test]
fn small_hinted_box_away_from_the_article_is_not_chosen() {
    let para = "<p>The river rose by two metres overnight, flooding streets in the lower town, and residents were \
        moved to the school, officials said.</p>";
    let html = format!(
        "<html><body><div class=\"post\">{}</div><div class=\"sidebar-box\"><div class=\"body-text\"><p>Subscribe to \
         our weekly letter, with the best stories, the latest news and more, sent every Friday.</p></div></div></body></html>",
        para.repeat(8)
    );
    let t = extract(&html, None).text;
    assert!(t.contains("The river rose"), "{t}");
    assert!(!t.contains("Subscribe"), "{t}");
}

#[test]
fn list_of_linked_points_with_sentences_is_kept() {
    // A digest: each item is a linked headline followed by a sentence.
    let mut html = String::from(
        "<html><body><header><ul><li><a href=/>Home</a></li><li><a href=/tech>Tech</a></li><li><a href=/x>Markets</a></li></ul></header>\
         <article><p>Good morning! This is the tech news you need to know this Tuesday, in ten points.</p><ol>",
    );
    for i in 0..6 {
        html.push_str(&format!(
            "<li><strong><a href=\"/story-{i}\">Company number {i} announced a large new product today</a>.</strong> \
             The launch follows months of rumours about point {i}.</li>"
        ));
    }
    html.push_str("</ol><p>Have a good day, and come back tomorrow for the next edition of the newsletter.</p></article></body></html>");
    let t = extract(&html, None).text;
    assert!(t.contains("Company number 0 announced") && t.contains("rumours about point 5."), "{t}");
    assert!(!t.contains("Markets"), "{t}");
}

#[test]
fn nested_candidates_do_not_pull_in_a_teaser_slider() {
    // The article body and its own wrappers score close to each other;
    // they are one candidate, not several, so the common ancestor (with
    // the slider of other stories) is not taken.
    let mut html = String::from("<html><body><div class=\"wrap\"><div class=\"slider\"><ul>");
    for i in 0..8 {
        html.push_str(&format!("<li><a href=\"/s{i}\">Other story {i}</a> Short teaser of the story {i}, with words.</li>"));
    }
    html.push_str("</ul></div><div class=\"entry-content\"><div class=\"text\">");
    for i in 0..6 {
        html.push_str(&format!(
            "<p>Paragraph {i} of the report, where officials said, on Wednesday, that the plan would go ahead as agreed.</p>"
        ));
    }
    html.push_str("</div></div></div></body></html>");
    let t = extract(&html, None).text;
    assert!(t.contains("Paragraph 0 of the report") && t.contains("Paragraph 5 of the report"), "{t}");
    assert!(!t.contains("Other story"), "{t}");
}

#[test]
fn closing_paragraph_with_links_is_kept() {
    let html = "<html><body><article><p>The ministry unveiled a plan on Tuesday to cut the cost of solar panels by half \
        before 2030, with support for research, trade and industry.</p><p>Officials said the plan was ambitious, and that \
        it would be reviewed every year by an independent panel of experts.</p><p>However, <a href=/a>demand fell</a> after \
        <a href=/b>subsidies were cut last May</a>. Some production lines have since been idled, the report says, \
        and prices of modules <a href=/c>fell by a third</a> over the year, to the lowest level on record.</p></article></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("Some production lines have since been idled"), "{t}");
}

#[test]
fn metadata_class_on_a_post_wrapper_does_not_drop_short_lines() {
    // Blog templates wrap whole posts in "date-outer" or "author-NAME".
    let html = "<html><body><div class=\"date-outer\"><h2 class=\"date-header\">Friday, December 23, 2016</h2>\
        <div class=\"post hentry\"><div class=\"post-body entry-content\"><p>The new release brings many improvements, \
        faster startup, a new parser and better error messages, the team said.</p><p>Thanks to all the contributors \
        who made this release possible, in so many ways, over the past year.</p><p>Binaries for all platforms \
        can be downloaded from the website, and the documentation has been updated as well.</p><p>We hope you enjoy it!</p></div></div></div>\
        <p class=\"byline\">Posted by Ned at 10:00</p></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("We hope you enjoy it!"), "{t}");
    assert!(!t.contains("December 23"), "{t}");
}

#[test]
fn furniture_phrases_inside_the_article_are_dropped() {
    let html = "<html><body><article><p>The council approved the new budget on Tuesday, after a debate that lasted most \
        of the afternoon, members said.</p><p>Lesen Sie auch</p><p>The budget raises spending on schools and roads, and it \
        cuts the tax on small shops, the mayor explained.</p><p>Subscribe now to our print edition for the full story.</p>\
        <p>Share this article</p></article></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("approved the new budget") && t.contains("raises spending"), "{t}");
    for bad in ["Lesen Sie auch", "Subscribe now", "Share this"] {
        assert!(!t.contains(bad), "{bad} in {t}");
    }
}

#[test]
fn unclosed_aside_around_a_short_marked_story_is_not_boilerplate() {
    // One paragraph only (no wrapper by size), inside an unclosed <aside>
    // that also holds the element marked as the article body.
    let html = "<html><body><nav><a href=/>Home</a> <a href=/a>News</a></nav><main><aside class=\"promo-box\">\
        <article><div class=\"article-body\"><p>Frankfurt (dpa) - For a novel about the old Federal Republic, the author \
        received the German Book Prize on Monday evening, the jury announced in Frankfurt.</p></div></article>\
        </main><footer><p>Imprint</p></footer></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("For a novel about the old Federal Republic"), "{t}");
}

#[test]
fn inline_pointer_to_another_article_is_left_out_of_its_paragraph() {
    let html = r##"<html><head><title>Un imam condamné</title></head><body><article><h1>Un imam condamné</h1>
<p>Le prévenu était poursuivi pour apologie publique d'un acte de terrorisme commise en ligne, selon le parquet. <span class="capsule"><span>À LIRE AUSSI</span> <strong><a href="/x">Antisémitisme : retour au Moyen Âge</a></strong></span>Son domicile et la mosquée ont été perquisitionnés, a précisé le tribunal.</p>
<p>Il a été condamné jeudi à huit mois de prison avec sursis, assortis d'une interdiction d'exercer pendant un an.</p>
<p>Lire la suite de <a href="/y">notre enquête</a> sur la mosquée, publiée le mois dernier après plusieurs signalements.</p>
</article></body></html>"##;
    let ex = extract(html, None);
    let t = &ex.text;
    assert!(t.contains("selon le parquet. Son domicile"), "{t}");
    assert!(!t.contains("LIRE AUSSI") && !t.contains("Moyen Âge"), "{t}");
    // A sentence that merely holds a link stays.
    assert!(t.contains("notre enquête"), "{t}");
}

#[test]
fn a_list_of_pointers_after_a_further_reading_label_is_left_out() {
    let body = "<p>La commission a rendu son avis mardi, après six mois d'auditions et de visites sur le terrain, et recommande une réforme.</p>\
<p>Le gouvernement doit maintenant dire s'il suit ces recommandations, ce qu'il n'a pas fait pour les précédentes.</p>";
    let list = "<p>À lire aussi :</p>\
<p>Revue Projet : <a href=\"/a\">Savons-nous encore débattre ?</a> Tout le monde s'accorde sur l'importance de débattre, mais la mise en pratique n'est pas si aisée, en politique comme en famille.</p>\
<p><a href=\"/b\">Les communes face à la sécheresse</a>. Dans le Sud, des maires rationnent l'eau depuis le printemps et réclament l'aide de l'État.</p>";
    let tail = "<p>Le rapport sera débattu au Parlement en janvier, a indiqué le président de la commission devant la presse.</p>";
    let html = format!("<html><head><title>Un avis</title></head><body><article><h1>Un avis</h1>{body}{list}{tail}</article></body></html>");
    let t = extract(&html, None).text;
    assert!(t.contains("recommande une réforme") && t.contains("pour les précédentes"), "{t}");
    assert!(!t.contains("lire aussi") && !t.contains("débattre") && !t.contains("sécheresse"), "{t}");
    // The article goes on after the list: a paragraph that does not open
    // with a link ends it.
    assert!(t.contains("débattu au Parlement"), "{t}");
    // Without the label, the same paragraphs are the article's.
    let html = format!("<html><head><title>Un avis</title></head><body><article><h1>Un avis</h1>{body}{}{tail}</article></body></html>", list.replace("<p>À lire aussi :</p>", ""));
    let t = extract(&html, None).text;
    assert!(t.contains("sécheresse"), "{t}");
}

#[test]
fn deep_nesting_of_inline_elements_is_safe() {
    // Every inline element is looked at as a possible pointer to another
    // article ("À LIRE AUSSI …"): that look must stay bounded.
    let n = 100_000;
    let mut html = String::with_capacity(n * 14);
    html.push_str("<p>");
    for _ in 0..n {
        html.push_str("<span>");
    }
    html.push_str("Lire <a href=\"/x\">ailleurs</a>");
    for _ in 0..n {
        html.push_str("</span>");
    }
    html.push_str("</p><p>Deeply nested text, with a comma, and a full sentence here for the scorer to find.</p>");
    let ex = extract(&html, None);
    assert!(ex.text.contains("Deeply nested text"), "{}", ex.text);
}

/// A post followed by a sibling `<article>` of related posts whose teasers
/// hold more text than the post itself: the article holding the declared
/// headline is the article, and the teasers stay out.
#[test]
fn article_holding_the_declared_headline_wins_over_related_articles() {
    let teaser = |n: u32| {
        format!(
            "<article class=\"post\"><p>Teaser number {n} tells a different story at length, with many words, commas, \
             clauses and details, so that it scores like real text in a related box …</p></article>"
        )
    };
    let html = format!(
        "<html><head><title>Only those who love themselves - Reflections</title></head><body><div id=\"primary\">\
         <article class=\"post\"><h1>Only those who love themselves</h1>\
         <p>To live a true experience of love is one of the greatest pleasures of life, the first paragraph of this short post says.</p>\
         <p>Each of us is the only one responsible for our own needs, and only who loves himself finds true love.</p>\
         </article><article class=\"post\"><h3>You may also like</h3>{}{}{}{}</article></div></body></html>",
        teaser(1),
        teaser(2),
        teaser(3),
        teaser(4)
    );
    let ex = extract(&html, None);
    assert!(ex.text.starts_with("To live a true experience"), "{}", ex.text);
    assert!(ex.text.contains("only who loves himself"), "{}", ex.text);
    assert!(!ex.text.contains("Teaser number"), "{}", ex.text);
}

/// An `h1` that is not the page's declared title (a featured teaser on a
/// story page) does not pick the article.
#[test]
fn h1_of_a_featured_teaser_does_not_pick_the_article() {
    let para = |n: u32| format!("<p>Part {n} of the story runs for several sentences, with commas, names and figures, as a real article would do.</p>");
    let html = format!(
        "<html><head><title>The early reviews are here</title></head><body>\
         <article class=\"story\"><h2>The early reviews are here</h2>{}{}{}{}</article>\
         <article class=\"featured\"><h1>Another featured story</h1><p>A teaser of the featured story, with some words to read, and a few more words to make it long enough.</p>\
         <p>A second teaser paragraph of the featured story, with a few more words, and then a few more again.</p>\
         <p>A third teaser paragraph of the featured story, so that it holds as much text as an article could.</p></article></body></html>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let ex = extract(&html, None);
    for n in 1..=4 {
        assert!(ex.text.contains(&format!("Part {n} of the story")), "{}", ex.text);
    }
}

/// A person's rollover card (links to their other stories) inside a
/// sentence is left out; the linked name stays in the sentence.
#[test]
fn rollover_card_inside_a_paragraph_is_left_out() {
    let html = "<html><body><article><h1>Man pleads guilty</h1>\
        <p>A man pleaded guilty to charges he threatened to kill Rep. <span class=\"rollover-people\">\
        <a href=\"/people/x\">Jane Roe</a><span class=\"rollover-people-block\"><a href=\"/people/x\">Jane Roe</a>\
        <a href=\"/a\">Another story about a budget vote in the House of Representatives this week</a>\
        <a href=\"/b\">Yet another story about a hearing on surveillance powers in the Senate</a></span></span> \
        (D-Minn.), the prosecutor's office announced on Monday after a hearing in Buffalo.</p>\
        <p>The man faces up to ten years in prison, the office said in a statement released the same day.</p>\
        </article></body></html>";
    let ex = extract(html, None);
    assert!(ex.text.contains("threatened to kill Rep. Jane Roe (D-Minn.), the prosecutor"), "{}", ex.text);
    assert!(!ex.text.contains("Another story"), "{}", ex.text);
}

#[test]
fn gallery_controls_are_furniture() {
    assert!(super::boilerplate::is_furniture("Close"));
    assert!(super::boilerplate::is_furniture("Caption"));
    assert!(super::boilerplate::is_furniture("Explore further"));
}

/// Soft hyphens (hyphenation hints) are not text: "réac&shy;tion" reads
/// "réaction", and the offset map stays consistent.
#[test]
fn soft_hyphens_are_dropped() {
    let html = "<html><body><article><p>En réac&shy;tion à la can\u{AD}di\u{AD}da\u{AD}ture du conseiller, plus de 2500 chercheurs annoncent une candidature collective.</p></article></body></html>";
    let ex = extract(html, None);
    assert!(ex.text.starts_with("En réaction à la candidature du conseiller"), "{}", ex.text);
    assert!(!ex.text.contains('\u{AD}'));
}

/// A sentence that cites with a long link stays, however much of it is
/// link text; a "Read more: <link>" pointer does not.
#[test]
fn sentence_citing_with_a_link_is_kept() {
    let html = "<html><body><article><h1>Prosecutors drop investigation</h1>\
        <p>Prosecutors in Sweden have dropped an investigation into an allegation made against the co-founder in 2010, officials said.</p>\
        <p>The Swedish investigation had been shelved in 2017 but was <a href=\"/x\">re-opened earlier this year following his eviction from the embassy</a>.</p>\
        <p>Read more: <a href=\"/y\">Everything you need to know about the long saga of the embassy</a></p>\
        <p>He is currently being held at a prison in London, where he awaits a hearing scheduled for February next year.</p>\
        </article></body></html>";
    let ex = extract(html, None);
    assert!(ex.text.contains("The Swedish investigation had been shelved in 2017 but was re-opened"), "{}", ex.text);
    assert!(!ex.text.contains("Everything you need to know"), "{}", ex.text);
}

#[test]
fn repeated_structure_is_kept_but_a_repeated_caption_once() {
    let plan = |name: &str| {
        format!(
            "<h2>{name}</h2><h3>Breakfast</h3><p>Eat within an hour of waking up</p>\
             <p>Two eggs, a slice of whole-grain toast and a cup of berries</p>\
             <h3>Lunch</h3><p>Eat every two to three hours</p><p>A large green salad with chickpeas and feta</p>"
        )
    };
    let caption = "<p>The minister speaks to reporters in the capital on Monday (AP Photo)</p>";
    let intro = "<p>The plan below gives each day's meals, with portions, so that readers can follow it for the whole week without counting calories.</p>";
    let html = format!(
        "<html><body><article>{intro}{caption}{caption}{a}{b}{caption}</article></body></html>",
        a = plan("Plan A"),
        b = plan("Plan B")
    );
    let t = extract(&html, None).text;
    assert_eq!(t.matches("Eat within an hour of waking up").count(), 2, "{t}");
    assert_eq!(t.matches("A large green salad with chickpeas and feta").count(), 2, "{t}");
    assert_eq!(t.matches("The minister speaks to reporters").count(), 1, "{t}");
}

#[test]
fn cut_copy_of_a_caption_is_dropped() {
    let full = "Ministers shake hands in the capital on Wednesday before talks on trade and security in the region.";
    let cut = "Ministers shake hands in the capital on Wednesday before talks on tra... more";
    let body = "<p>The two ministers met for three hours on Wednesday and agreed to hold a second round of talks next year, officials said after the meeting.</p>";
    let html = format!("<html><body><article><figure><figcaption>{full}</figcaption></figure><p>{cut}</p>{body}{body}</article></body></html>");
    let t = extract(&html, None).text;
    assert!(t.contains(full), "{t}");
    assert!(!t.contains("tra... more"), "{t}");
    // A longer block that opens like an earlier short one is not a copy.
    let lede = "<p>Ministers shake hands in the capital on Wednesday before talks</p>";
    let html = format!("<html><body><article>{lede}<p>{full}</p>{body}</article></body></html>");
    let t = extract(&html, None).text;
    assert!(t.contains(full), "{t}");
}

#[test]
fn photo_credit_naming_an_agency_is_dropped() {
    let para = "<p>The airline ordered thirty more jets on Wednesday, its chairman said at the air show, adding that talks on a larger order would go on.</p>";
    let html = format!(
        "<html><body><article><figure><img src=x.jpg></figure><p>Natalie Naccache | Bloomberg | Getty Images</p>{para}{para2}</article></body></html>",
        para2 = para.replace("thirty", "forty")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Getty Images"), "{t}");
    assert!(t.contains("thirty more jets"), "{t}");
    // Names between bars without an agency are left alone.
    assert!(!super::content::is_agency_credit("Paris | Lyon | Marseille"));
    assert!(super::content::is_agency_credit("AFP / Getty Images"));
}

#[test]
fn shortcodes_printed_as_text_are_not_content() {
    assert!(super::content::is_shortcode("[button link=\"http://x.example/review\" type=\"big\"] Send us YOUR kit review[/button]"));
    assert!(super::content::is_shortcode("[box class=\"a\"]Vernetzte Systeme[/box]"));
    assert!(!super::content::is_shortcode("[sourcecode language=\"bash\"]grep -x foo | sort | uniq -c | sort -n | head -n 20 > links.txt[/sourcecode]"));
    assert!(!super::content::is_shortcode("[1] A footnote citing a report, 2019."));
    assert!(!super::content::is_shortcode("[Updated] The minister resigned on Monday."));
}

#[test]
fn a_recipe_keeps_its_ingredient_list_apart_from_the_method() {
    let step = |n: u32| format!("<p>Step {n}: mix the flour with the yeast, add the warm milk and knead the dough for five minutes, then let it rest somewhere warm.</p>");
    let html = format!(
        "<html><body><main><h1>Bee sting muffins</h1>\
         <div class=\"recipe-ingredients\"><h3>Dough:</h3><ul><li>250 g flour</li><li><a href=\"/p/yeast\">Dry yeast</a></li><li>125 ml milk</li></ul></div>\
         <div class=\"method\">{}{}{}</div></main>\
         <aside class=\"sidebar\"><div class=\"ingredients\"><ul><li>Sidebar sugar</li></ul></div></aside></body></html>",
        step(1),
        step(2),
        step(3)
    );
    let t = extract(&html, None).text;
    assert!(t.contains("250 g flour"), "{t}");
    assert!(t.contains("Dry yeast"), "{t}");
    assert!(t.contains("Step 1"), "{t}");
    assert!(!t.contains("Sidebar sugar"), "{t}");
    assert!(t.find("250 g flour") < t.find("Step 1"), "{t}");
}

#[test]
fn a_described_teaser_before_the_article_body_is_its_lead() {
    let para = |n: u32| format!("<p>Paragraph {n} of the report: the institute measured the ice cover, the winds and the currents over three winters, the authors wrote.</p>");
    let html = format!(
        "<html><body><div class=\"news news-single\"><div class=\"article\"><h1>Ice in the Arctic</h1>\
         <div class=\"teaser-text\" itemprop=\"description\"><p>The early 1970s are often described as a turning point for climate research in Europe.</p></div>\
         <div class=\"news-text-wrap\" itemprop=\"articleBody\">{}{}{}</div>\
         <figure><img src=\"x.jpg\"><figcaption itemprop=\"caption description\">A research vessel in the ice near Svalbard in the winter of 2019.</figcaption></figure>\
         </div></div></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("The early 1970s are often described"), "{t}");
    assert!(t.contains("Paragraph 3"), "{t}");
}

#[test]
fn a_paragraph_boxed_under_a_media_class_without_a_picture_stays() {
    // News templates wrap the opening paragraph (its dateline) in a box
    // whose class names media: no picture, no player, one paragraph.
    let para = |n: u32| format!("<p>Paragraph {n} of the story: the markets opened lower on Tuesday, and traders waited for the talks, analysts said.</p>");
    let page = |inside: &str| {
        format!(
            "<html><body><div class=\"article-body\">\
             <div class=\"el__leafmedia el__leafmedia--sourced-paragraph\">{inside}</div>{}{}{}</div></body></html>",
            para(1),
            para(2),
            para(3)
        )
    };
    let t = extract(&page("<p><cite>Hong Kong (Business)</cite>A muddled view of the trade talks once again seems to be weighing on investors across Asia.</p>"), None).text;
    assert!(t.starts_with("Hong Kong (Business)A muddled view"), "{t}");
    assert!(t.contains("Paragraph 3"), "{t}");
    // A box with a picture deeper inside, or with several blocks (a
    // poll), still goes.
    for other in [
        "<div class=\"frame\"><span><img src=\"x.jpg\"></span></div><p>Gallery: the trading floor in Hong Kong on Tuesday morning, before the opening bell rang.</p>",
        "<p>Do you think the talks will succeed before the end of the year, as the ministers promised?</p><p>Yes</p><p>No</p>",
    ] {
        let t = extract(&page(other), None).text;
        assert!(t.starts_with("Paragraph 1"), "{other}: {t}");
    }
}

#[test]
fn a_described_standfirst_set_in_a_div_is_the_lead() {
    // CMS layouts (Plone's "documentDescription") print the standfirst as
    // text held by a `div`, below the lead picture: the description the
    // page declares names it.
    let para = |n: u32| format!("<p>Paragraph {n} of the report: the council voted the budget on Monday, and the opposition asked for a second reading, the mayor said.</p>");
    let html = format!(
        "<html><head><meta name=\"description\" content=\"The city council adopted its budget for next year after a night of debate, with the opposition walking out before the vote and the mayor promising a second look at the school funds.\"></head><body>\
         <div class=\"header\"><h1>Budget adopted after a night of debate</h1></div>\
         <div class=\"lead-image\"><img src=\"x.jpg\" alt=\"\"></div>\
         <div class=\"row\"><div class=\"documentDescription\">The city council adopted its budget for next year after a night of debate, with the opposition walking out before the vote and the mayor promising a second look at the school funds.</div>\
         <div class=\"text\">{}{}{}</div></div></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("The city council adopted its budget"), "{t}");
    assert!(t.contains("Paragraph 3"), "{t}");
}

#[test]
fn the_standfirst_under_the_headline_joins_the_article() {
    let para = |n: u32| format!("<p>Paragraph {n} of the story: the delegation met the organisers on Tuesday, and the athletes were tested again, officials said.</p>");
    let page = |standfirst: &str| {
        format!(
            "<html><head><title>Second case in the team - Sport Daily</title><meta property=\"og:title\" content=\"Second case in the team\"></head><body>\
             <div class=\"page-header\"><h1>Second case in the team</h1>{standfirst}\
             <p class=\"date\">2 February 2022</p></div>\
             <div class=\"content\"><figure><img src=\"x.jpg\"><figcaption>The team at the airport</figcaption></figure>{}{}{}</div></body></html>",
            para(1),
            para(2),
            para(3)
        )
    };
    // A subheading of sentences set apart from the body: the standfirst.
    let t = extract(&page("<h2>The sport should have come first. Instead the delegation had to deal with a second case, two days before the opening ceremony, and with a public row between its two presidents.</h2>"), None).text;
    assert!(t.starts_with("The sport should have come first."), "{t}");
    assert!(t.contains("Paragraph 3"), "{t}");
    // A short subtitle, a link line or a picture's caption is not one.
    for other in [
        "<h2>A second case in two days</h2>",
        "<img src=\"y.jpg\"><p>The delegation at the airport in Beijing on Tuesday, before the tests, as our photographer saw it from the terrace above the crowded arrivals hall of the new international terminal.</p>",
        "<p><a href=\"/olympics\">All the news of the Olympic Games in Beijing, results, medals and the schedule</a></p>",
    ] {
        let t = extract(&page(other), None).text;
        assert!(t.starts_with("The team at the airport") || t.starts_with("Paragraph 1"), "{other}: {t}");
    }
}

#[test]
fn a_share_bar_between_standfirst_and_body_does_not_hide_the_standfirst() {
    // Share links (one block each) between the header and the body are
    // not counted as blocks apart from the headline.
    let para = |n: u32| format!("<p>Paragraph {n} of the story: the delegation met the organisers on Tuesday, and the athletes were tested again, officials said.</p>");
    let share: String = (0..14).map(|i| format!("<li><a href=\"/share/{i}\">Share on network {i}</a></li>")).collect();
    let html = format!(
        "<html><head><title>Second case in the team - Sport Daily</title><meta property=\"og:title\" content=\"Second case in the team\"></head><body>\
         <div class=\"page-header\"><h1>Second case in the team</h1><p class=\"hat\">The sport should have come first. Instead the delegation had to deal \
         with a second case, two days before the opening ceremony, and with a public row between its two presidents.</p></div>\
         <div class=\"bar\"><ul>{share}</ul></div><div class=\"content\">{}{}{}</div></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("The sport should have come first"), "{t}");
    assert!(t.contains("Paragraph 3") && !t.contains("Share on"), "{t}");
}

#[test]
fn an_endless_scroll_page_keeps_the_story_its_title_names() {
    let story = |h: &str, w: &str| {
        format!(
            "<article class=\"entry-main-content\"><h1>{h}</h1><div class=\"entry-text\">\
             <p>{w} said on Friday that the ceremony would take place in the square, with music, a procession and a blessing.</p>\
             <p>{w} added that the parish expects several hundred people, as in every year since the tradition began.</p>\
             <p>{w} asked visitors to come early, since the streets around the church will be closed from noon.</p></div></article>"
        )
    };
    let html = format!(
        "<html><head><title>Daily | Cars will be blessed on Saturday</title></head><body>{}{}</body></html>",
        story("Cars will be blessed on Saturday", "The friar"),
        story("Baby dies at home in an accident with a column", "The neighbour")
    );
    let t = extract(&html, None).text;
    assert!(t.contains("The friar said"), "{t}");
    assert!(!t.contains("The neighbour"), "{t}");
}

#[test]
fn credit_element_inside_a_caption_is_left_out() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><figure><img src=x.jpg><figcaption>\
         <span class=\"caption\">The ministers at the table.</span> <span class=\"picture__source\">&copy; Thinkstock</span>\
         </figcaption></figure>{para}<p>Eva Roe after the vote. <span class=\"credits\">DCV / Oppitz</span></p>{para2}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday")
    );
    let t = extract(&html, None).text;
    assert!(t.contains("The ministers at the table."), "{t}");
    assert!(t.contains("Eva Roe after the vote."), "{t}");
    assert!(!t.contains("Thinkstock"), "{t}");
    assert!(!t.contains("Oppitz"), "{t}");
    // A "source" class outside a caption is not a credit.
    let html = format!("<html><body><article>{para}<p>He said so <span class=\"source\">in the report</span>.</p>{para2}</article></body></html>", para2 = para.replace("Monday", "Tuesday"));
    assert!(extract(&html, None).text.contains("in the report"));
}

#[test]
fn a_credit_after_a_c_in_parentheses_leaves_a_caption() {
    let para = |n: u32| format!("<p>Paragraph {n}: the strikers met in the hall of the university on Tuesday and voted to go on, the union said.</p>");
    let html = format!(
        "<html><body><article><h1>Strike</h1>{}<div class=\"wp-caption\"><img src=\"x.jpg\"><p>Le piquet de grève dans le hall de l’université / (C) Kab Niang</p></div>{}{}\
         <p>The law covers (a) schools, (b) hospitals and (C) Prisons Of The State, the minister said on the radio this morning</p></article></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let t = extract(&html, None).text;
    assert!(t.contains("Le piquet de grève dans le hall de l’université\n"), "{t}");
    assert!(!t.contains("Kab Niang"), "{t}");
    // Not before words that end a sentence.
    assert!(t.contains("(C) Prisons Of The State"), "{t}");
}

#[test]
fn an_article_written_as_a_list_of_prose_points_is_found() {
    let item = |n: u32| {
        format!("<li>Point {n}: a nearly wordless visual narrative intercuts two main stories and a couple of minor ones, and the film ends in silence.</li>")
    };
    let items: String = (1..=5).map(item).collect();
    let side = |n: u32| format!("<p>Short poem line number {n} about walking, and the wind over the fields, and the light.</p>");
    let sides: String = (1..=6).map(side).collect();
    let html = format!(
        "<html><body><div class=\"post\"><h1>The Garden</h1><div class=\"entry\"><ul>{items}</ul></div></div>\
         <div class=\"column\">{sides}</div></body></html>"
    );
    let t = extract(&html, None).text;
    assert!(t.contains("Point 3: a nearly wordless"), "{t}");
}

#[test]
fn a_credit_closing_a_caption_is_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let fig = |cap: &str| format!("<figure><img src=x.jpg><figcaption>{cap}</figcaption></figure>");
    let html = format!(
        "<html><body><article><h1>Talks</h1>{}{para}{}{para2}{}{para3}</article></body></html>",
        fig("Dmitry Muratov, a Russian journalist (REUTERS/Denis Balibouse)"),
        fig("The forum reacted with dismay. | Quelle: Fleischmann / Unsplash"),
        fig("Two dogs (left) and a cat (Felis catus)"),
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    // An agency's credit after the caption's sentence, unparenthesised.
    let agency = format!(
        "<html><body><article><h1>Talks</h1>{para}{}{}</article></body></html>",
        fig("Des records de vent ont-ils été enregistrés ? REUTERS/Susana Vera"),
        para.replace("Monday", "Sunday")
    );
    let a = extract(&agency, None).text;
    assert!(a.contains("enregistrés ?\n") && !a.contains("Susana"), "{a}");
    assert!(t.contains("Dmitry Muratov, a Russian journalist\n"), "{t}");
    assert!(t.contains("The forum reacted with dismay.\n"), "{t}");
    assert!(!t.contains("Balibouse") && !t.contains("Unsplash"), "{t}");
    // A parenthesis that names no one is the caption's.
    assert!(t.contains("Two dogs (left) and a cat (Felis catus)"), "{t}");
    // A "©" credit closing a caption without a sentence end before it.
    let copyright = format!(
        "<html><body><article><h1>Talks</h1>{para}{}{}</article></body></html>",
        fig("Banner on a shop front, Paris, 16 March 2019 © J.D"),
        para.replace("Monday", "Sunday")
    );
    let c = extract(&copyright, None).text;
    assert!(c.contains("16 March 2019\n") && !c.contains("J.D"), "{c}");
}

#[test]
fn a_copyright_credit_closing_a_short_text_block_is_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}<div>Marco Odermatt, a ski star from Switzerland. © AFP / Marco Bertorello</div>\
         {para2}<div>The brand © Acme is sold in shops everywhere, the maker said on Monday.</div>{para3}\
         <p>Banner on a shop front in memory of the victim, Paris, 16 March 2019 © J.D</p>{para4}\
         <div class='caption'>The protests grew in size (Image: GETTY )</div>{para}<div>The rally was held on the square (photo below)</div>{para2}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        para4 = para.replace("Monday", "Sunday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("Marco Odermatt, a ski star from Switzerland.\n"), "{t}");
    // A labelled credit in parentheses closes a caption set as a paragraph;
    // a parenthesis that is no credit stays.
    assert!(t.contains("The protests grew in size\n") && !t.contains("GETTY"), "{t}");
    assert!(t.contains("The rally was held on the square (photo below)"), "{t}");
    // A short name after "©" closes a caption set as a paragraph.
    assert!(t.contains("Paris, 16 March 2019\n") && !t.contains("J.D"), "{t}");
    assert!(!t.contains("Bertorello"), "{t}");
    // A "©" inside a sentence is not a closing credit.
    assert!(t.contains("The brand © Acme is sold"), "{t}");
}

#[test]
fn the_authors_biography_closing_the_article_is_dropped() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><head><meta name=\"author\" content=\"Alice Wu\"></head><body><article><h1>Talks</h1>{para}{para2}{para3}\
         <p>Alice Wu fell down the rabbit hole of politics aged 12. She has written about local politics since 2008.</p></article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("met on Friday"), "{t}");
    assert!(!t.contains("rabbit hole"), "{t}");
    // A closing paragraph that only names the author in passing stays.
    let html = html.replace("Alice Wu fell down", "In the end Alice Wu fell down");
    assert!(extract(&html, None).text.contains("rabbit hole"));
    // The author introducing themself by first name.
    let html = html
        .replace("In the end Alice Wu fell down the rabbit hole", "I'm Alice and I fell down the rabbit hole")
        .replace("<h1>Talks</h1>", "<h1>Talks</h1><p class=\"byline\">By Alice Wu</p>");
    let ex = extract(&html, None);
    assert!(ex.metadata.authors.iter().any(|a| a.value == "Alice Wu"), "{:?}", ex.metadata.authors);
    assert!(!ex.text.contains("rabbit hole"), "{}", ex.text);
    let html = html.replace("I'm Alice and", "I'm Alison and");
    assert!(extract(&html, None).text.contains("rabbit hole"));
}

#[test]
fn a_standfirst_the_page_describes_itself_with_joins_the_article() {
    let lead = "The digitisation of work will cost millions of jobs, in Germany too, a challenge that society has not even begun to face, the philosopher said in an interview on Monday.";
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let filler: String = (0..12).map(|i| format!("<div class=\"x{i}\"><span>Tools {i}</span></div>")).collect();
    let html = format!(
        "<html><head><meta name=\"description\" content=\"{desc}\"></head><body><div class=\"head\"><h1>The future of work</h1>\
         <p class=\"top\">{lead}</p></div>{filler}<div class=\"story\">{para}{para2}{para3}{para}{para2}{para3}</div>\
         <div class=\"more\"><p>Another story entirely, about a football match that was played on Sunday in a large stadium downtown.</p></div></body></html>",
        desc = &lead[..150],
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("The digitisation of work"), "{t}");
    assert!(t.contains("met on Friday"), "{t}");
    // Without the description the paragraph stays out.
    let html = html.replace("name=\"description\"", "name=\"keywords\"");
    assert!(!extract(&html, None).text.contains("The digitisation"));
}

#[test]
fn a_sentence_ending_inside_its_link_is_kept() {
    let html = "<html><body><article><h1>New spokesman</h1>\
        <p>The group appointed a new spokesman on Monday, who will handle media relations at home and in foreign markets, it said.</p>\
        <p>He replaces John Roe, <a href=\"/x\">who for the last eight months combined these tasks with his duties in marketing.</a></p>\
        <p>Now digital too! <a href=\"/y\">Just click here and register for the digital edition today!</a></p>\
        <p>He previously worked for a television channel and for several agencies, where he advised large companies on communication.</p>\
        </article></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("He replaces John Roe, who for the last eight months"), "{t}");
    assert!(!t.contains("register for the digital edition"), "{t}");
}

#[test]
fn a_headings_anchor_id_does_not_make_it_boilerplate() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}<h3 class=\"subheading\" id=\"nav_only_the_foil_remains\">Only the foil remains</h3>{para2}{para3}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("\n\nOnly the foil remains\n\n"), "{t}");
    // The same id on a block still names navigation.
    let html = html.replace("<h3 class=\"subheading\" id=\"nav_only_the_foil_remains\">Only the foil remains</h3>", "<div id=\"nav_main\"><a href=\"/a\">Home</a> <a href=\"/b\">World</a></div>");
    assert!(!extract(&html, None).text.contains("World"));
}

#[test]
fn a_parenthesised_credit_line_is_dropped() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><div class=\"img\"><small> (crédito: Minervino Júnior/CB/D.A.Press)</small></div>{para}{para2}{para3}\
         <p>(He declined to comment.)</p></article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Minervino"), "{t}");
    assert!(t.contains("(He declined to comment.)"), "{t}");
}

#[test]
fn teaser_cards_of_other_stories_are_dropped() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let card = |n: u32| {
        format!(
            "<article class=\"card\"><h2><a href=\"/s{n}\">Another story number {n} about a symposium</a></h2>\
             <p>A symposium asks how young people and disadvantaged groups can take part in a fragmented society, number {n}.</p></article>"
        )
    };
    let html = format!(
        "<html><body><div class=\"content\"><h1>Talks</h1>{para}{para2}{para3}{cards}</div></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        cards = card(1) + &card(2),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("met on Friday"), "{t}");
    assert!(!t.contains("A symposium asks"), "{t}");
}

#[test]
fn a_short_post_whose_title_links_to_itself_is_not_a_teaser_card() {
    let html = "<html><head><title>A quiet day at the lake</title></head><body><div class=\"posts\">\
        <article class=\"post\"><h2><a href=\"/quiet-day\">A quiet day at the lake</a></h2>\
        <p>We spent the whole day at the lake, swimming, reading and watching the boats go by until the sun went down.</p></article>\
        </div></body></html>";
    let t = extract(html, None).text;
    assert!(t.contains("We spent the whole day at the lake"), "{t}");
}

#[test]
fn a_page_whose_article_is_only_in_json_ld_gets_its_article_body() {
    let para = "The council voted on Tuesday to extend the programme for another year, after a long debate about its cost and reach.";
    let lead = "A year more for the programme, which the council had planned to end this spring.";
    let body = format!("Council extends programme\\n{para}\\n\\n{para} Second.\\n{para} Third.\\n{para} Fourth.\\n{para} Fifth.\\n{para} Sixth.");
    let page = |standfirst: &str| {
        format!(
            "<html><head><title>Council extends programme</title><meta name=\"description\" content=\"{lead}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Council extends programme\",\"articleBody\":\"{body}\"}}</script>\
             </head><body><h1>Council extends programme</h1>{standfirst}<div id=\"app\"><p>Loading the article, please wait a moment.</p></div></body></html>"
        )
    };
    let html = page("");
    let ex = extract(&html, None);
    assert!(ex.text.starts_with("The council voted"), "{}", ex.text);
    assert!(!ex.text.contains("Council extends programme"), "{}", ex.text);
    assert!(ex.text.contains(".\n\nThe council voted"), "{}", ex.text);
    assert!(ex.text.ends_with("Sixth."), "{}", ex.text);
    assert!(ex.diagnostics.iter().any(|d| d.code == "html-content-json-ld"));
    assert!(!ex.diagnostics.iter().any(|d| d.code == "html-short-content"));
    // Offsets point into the JSON-LD script.
    let at = ex.text.find("Sixth").unwrap();
    let raw = ex.offsets.to_raw(at).unwrap();
    assert_eq!(&html[raw..raw + 5], "Sixth");
    assert!(raw < html.find("</script>").unwrap());

    // The standfirst the markup shows (the page's description) stays first.
    let html = page(&format!("<p class=\"standfirst\">{lead}</p>"));
    let ex = extract(&html, None);
    assert!(ex.text.starts_with(&format!("{lead}\n\nThe council voted")), "{}", ex.text);
    let raw = ex.offsets.to_raw(0).unwrap();
    assert!(raw > html.find("<body>").unwrap());
}

#[test]
fn a_comments_heading_ends_the_article() {
    let para = |n: &str| {
        format!("<p>The regional council approved the new water plan on Monday after a debate that lasted most of the {n}, officials said.</p>")
    };
    let (a, b, c) = (para("morning"), para("afternoon"), para("evening"));
    let html = format!(
        "<html><body><div class=\"content\">{a}{b}{c}\
         <h3>3 Comments</h3><p>Reader one wrote a long remark about the plan, which he considers far too expensive for the region.</p>\
         <p>Advertise with us and reach thousands of readers in the region and abroad, contact our marketing team today.</p></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("The regional council approved"), "{}", ex.text);
    assert!(!ex.text.contains("Comments"), "{}", ex.text);
    assert!(!ex.text.contains("Reader one"), "{}", ex.text);
    assert!(!ex.text.contains("Advertise"), "{}", ex.text);
    assert!(content::is_comments_heading("Kommentare (12)"));
    assert!(!content::is_comments_heading("Comments on the water plan"));
    // The heading blog templates write with the count and the post's title.
    assert!(content::is_comments_heading("3 thoughts on “The new water plan”"));
    assert!(content::is_comments_heading("Une réflexion sur « Le plan de l'eau »"));
    assert!(content::is_comments_heading("Ein Gedanke zu „RES158 Sternfusion am Teilchenbeschleuniger“"));
    assert!(!content::is_comments_heading("Thoughts on the water plan"));
    assert!(content::is_comments_heading("Répondre à cet article"));
    let html = format!(
        "<html><body><div class=\"content\">{a}{b}{c}\
         <h3>2 réflexions sur « Le plan de l'eau »</h3><p>Marie Dupont a écrit une longue remarque sur le plan, qu'elle juge bien trop cher pour la région.</p></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("The regional council approved"), "{}", ex.text);
    assert!(!ex.text.contains("Marie Dupont"), "{}", ex.text);
}

/// Paragraphs of a story of `n` sentences about a water plan.
fn water_story(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>The regional council approved part {i} of the new water plan on Monday after a debate that lasted most of the afternoon, officials said.</p>"))
        .collect()
}

#[test]
fn a_closing_box_label_ends_the_article() {
    let story = water_story(6);
    // The author's presentation after the story, under its label.
    let html = format!(
        "<html><body><article>{story}<p><strong>Über die Autorin:</strong></p>\
         <p>Bianca Praetorius (37) ist Pitch Coach für Start-ups und Gründerin einer Agentur in Berlin.</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("part 5 of the new water plan"), "{}", ex.text);
    assert!(!ex.text.contains("Praetorius"), "{}", ex.text);
    assert!(!ex.text.contains("Autorin"), "{}", ex.text);
    // A press release's presentation of the company ("About Ascom").
    let html = format!(
        "<html><body><article>{story}<h2>About Ascom</h2>\
         <p>Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions, with subsidiaries in 15 countries.</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("part 5 of the new water plan"), "{}", ex.text);
    assert!(!ex.text.contains("global solutions provider"), "{}", ex.text);
    // A section of the article under such a heading stays: much of the
    // article follows it.
    let later = water_story(6).replace("part", "stage");
    let html = format!("<html><body><article>{}<h2>About Python</h2>{later}</article></body></html>", water_story(2));
    let ex = extract(&html, None);
    assert!(ex.text.contains("About Python"), "{}", ex.text);
    assert!(ex.text.contains("stage 5 of the new water plan"), "{}", ex.text);
}

#[test]
fn a_closing_biography_of_someone_the_story_never_named_goes() {
    let story = water_story(5);
    let html = format!(
        "<html><body><article>{story}<p>Jeff Foust (jeff@example.com) is the editor and publisher of The Space Review. He also runs a website.</p>\
         <p>Note: we are temporarily moderating all comments.</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("part 4 of the new water plan"), "{}", ex.text);
    assert!(!ex.text.contains("Foust"), "{}", ex.text);
    let html = format!("<html><body><article>{story}<p>Der Autor ist Professor an der Medizinischen Fakultät in München und berät Gremien zur Bioethik.</p></article></body></html>");
    let ex = extract(&html, None);
    assert!(!ex.text.contains("Der Autor"), "{}", ex.text);
    // A person the story is about, named before, stays; so does a German
    // noun that opens a sentence.
    let html = format!(
        "<html><body><article><p>Council member Jane Roe said the plan was late, and she asked for a new vote before the summer.</p>{story}\
         <p>Jane Roe is the council's longest-serving member and chairs its water committee since 2012.</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("longest-serving member"), "{}", ex.text);
    // Someone introduced before the article's last paragraph is its
    // subject, not its writer.
    let html = format!(
        "<html><body><article>{story}<p>John Smith is the union's spokesman and has led the strike since March, officials said.</p>\
         <p>The vote on the plan is due on Friday after a final hearing in the council chamber.</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("John Smith"), "{}", ex.text);
    let html = format!("<html><body><article>{story}<p>Jedes Festlegen ist verbunden mit einem Verzicht, und wer will schon auf etwas verzichten.</p></article></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.contains("Jedes Festlegen"), "{}", ex.text);
}

#[test]
fn a_dated_byline_line_is_metadata() {
    let story = water_story(4);
    let html = format!(
        "<html><body><div class=\"content\"><p>Posted on Maret 30, 2015 by Admin</p>{story}\
         <p>05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde</p></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("part 3 of the new water plan"), "{}", ex.text);
    assert!(!ex.text.contains("Admin") && !ex.text.contains("Borba"), "{}", ex.text);
    assert!(content::is_dated_byline("Publié le 3 mars 2020 par Jean Dupont"));
    assert!(!content::is_dated_byline("Le 12 mars, le texte a été adopté par l'Assemblée nationale."));
    assert!(!content::is_dated_byline("Posted on social media by the performance analysts at Digital Foundry, the port is not smooth."));
    assert!(!content::is_dated_byline("Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten"));
}

#[test]
fn a_team_sheet_set_as_paragraphs_is_not_the_article() {
    let story = water_story(4);
    let sheet: String = ["Y. Wissa", "10E. Le Fée", "M. Depay11", "J. de Souza Oliveira22", "Remplaçants", "B. Guimarães Rodriguez Moura", "T. Monconduit"]
        .iter()
        .map(|n| format!("<p>{n}</p>"))
        .collect();
    let html = format!("<html><body><div class=\"content\">{story}{sheet}{}</div></body></html>", water_story(2).replace("part", "stage"));
    let ex = extract(&html, None);
    assert!(ex.text.contains("stage 1 of the new water plan"), "{}", ex.text);
    for gone in ["Wissa", "Le Fée", "Depay", "Oliveira", "Monconduit"] {
        assert!(!ex.text.contains(gone), "{gone}: {}", ex.text);
    }
    assert!(content::is_roster_entry("Ch. Dupont"));
    assert!(!content::is_roster_entry("Paris. Le maire"));
    assert!(!content::is_roster_entry("Y. Wissa a marqué."));
}

#[test]
fn contact_cards_and_copyright_lines_are_not_the_article() {
    let story = water_story(4);
    let html = format!(
        "<html><body><article>{story}\
         <p>Bundesamt für Sicherheit in der Informationstechnik Pressestelle Tel.: 0228-999582-5777 E-Mail: presse@bsi.bund.de Internet: www.bsi.bund.de</p>\
         <p>Witnesses were asked to call the police on Tel. 0631 3692150 with any information about the night.</p>\
         <p>paul.takahashi@chron.com</p>\
         <p>Copyright Boston Business Journal</p></article></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("Witnesses were asked"), "{}", ex.text);
    for bad in ["Pressestelle", "takahashi", "Boston Business"] {
        assert!(!ex.text.contains(bad), "{bad}: {}", ex.text);
    }
    assert!(content::is_contact_card("Telefon: +43 (0) 50 11 50 - 3320 Fax: +43 (0) 50 11 50 - 213"));
    assert!(content::is_contact_card("Kontakt Kinzig.News Redaktion: Telefon:06051 88770 230 E-Mail: [email protected]"));
    assert!(content::is_contact_card("Napisz do autora: michal.wroblewski@grupawp.pl"));
    assert!(!content::is_contact_card("Weitere Informationen erteilt Anne Althaus in der Leitstelle unter Tel. 02382 59743 (althausa@stadt.ahlen.de)."));
    assert!(!content::is_contact_card("The match ended 2-1 after a late goal, and the crowd of 30,000 cheered."));
    assert!(content::is_copyright_line("Copyright ⓒ Entermedia.co.kr"));
    assert!(content::is_copyright_line("Copyright (c) 2023 Sunbeam Television"));
    assert!(!content::is_copyright_line("Copyright law was reformed in the spring."));
}

#[test]
fn teasers_of_other_stories_after_the_article_go() {
    let story = water_story(6);
    let teaser = |n: u32| {
        format!(
            "<div class=\"card\"><p><a href=\"/s{n}\">Fire at a car dealer in the harbour district number {n}</a></p><p class=\"date\">17:42</p>\
             <p>A car burned out at dealer {n} in the harbour district on Saturday morning, the fire brigade said.</p></div>"
        )
    };
    let html = format!("<html><body><div class=\"content\">{story}{}{}</div></body></html>", teaser(1), teaser(2));
    let ex = extract(&html, None);
    assert!(ex.text.contains("part 5 of the new water plan"), "{}", ex.text);
    assert!(!ex.text.contains("A car burned out"), "{}", ex.text);
    // A paragraph after a link of the article's own is the article.
    let html = format!(
        "<html><body><div class=\"content\">{story}<p><a href=\"/plan\">Read the water plan of the regional council</a></p>\
         <p>The plan takes effect in June and will be reviewed after two summers, the council's chair told reporters.</p></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("takes effect in June"), "{}", ex.text);
}

/// A short story, then a box of other stories' cards whose blurbs sit
/// in `entry-content` divisions: the page-wide fallback that gathers good
/// paragraphs leaves the cards out as the container passes do.
#[test]
fn the_paragraph_fallback_leaves_teaser_cards_out() {
    let card = |n: u32| {
        format!(
            "<article class=\"card\"><h4 class=\"entry-title\"><a href=\"/s{n}\">Why the virus number {n} always wins in the end</a></h4>\
             <div class=\"entry-content\">British Columbia and Ontario are the provinces hardest hit by outbreak {n}, and the first death was reported in March.</div></article>"
        )
    };
    let html = format!(
        "<html><body><article class=\"story\"><div class=\"story-text\">\
         <p>PARIS — The president on Monday condemned unilateral border control measures taken by some European countries, saying they should act together.</p>\
         <p>The discussion with the chancellor came after the neighbours decided to introduce border controls on their frontiers, officials said.</p>\
         </div></article><div class=\"top-stories\"><h1>Top Stories</h1>{}</div></body></html>",
        (1..=4).map(card).collect::<String>()
    );
    let t = extract(&html, None).text;
    assert!(t.contains("condemned unilateral border control"), "{t}");
    assert!(t.contains("introduce border controls"), "{t}");
    assert!(!t.contains("hardest hit"), "{t}");
    // A page of cards alone (reviews under their linked titles) keeps them.
    let html = format!("<html><body><div class=\"reviews\">{}</div></body></html>", (1..=4).map(card).collect::<String>());
    let t = extract(&html, None).text;
    assert!(t.contains("hardest hit by outbreak 2"), "{t}");
}

#[test]
fn the_article_ends_where_its_declared_body_ends() {
    let paras = [
        "The regional council approved the new water plan on Monday after a debate that lasted most of the afternoon.",
        "Farmers had asked for a larger share of the reservoir, which the plan grants them during the dry months only.",
        "The plan takes effect in June and will be reviewed after two summers, the council's chair told reporters.",
    ];
    let closing = "Did this article help you or make you smile? Then leave us a like and share it with other nice people, we look forward to it.";
    let markup: String = paras.iter().chain([&closing]).map(|p| format!("<p>{p}</p>")).collect();
    let page = |ld: &str| format!("<html><head>{ld}</head><body><article>{markup}</article></body></html>");
    let declared = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{}\"}}</script>",
        paras.join(" ")
    );
    let ex = extract(&page(&declared), None);
    assert!(ex.text.ends_with(paras[2]), "{}", ex.text);
    assert!(!ex.text.contains("leave us a like"), "{}", ex.text);
    // Without a declared body the closing paragraph is not judged here.
    let ex = extract(&page(""), None);
    assert!(ex.text.contains("leave us a like"), "{}", ex.text);
}

#[test]
fn the_article_starts_where_its_declared_body_starts() {
    let paras = [
        "The regional council approved the new water plan on Monday after a debate that lasted most of the afternoon.",
        "Farmers had asked for a larger share of the reservoir, which the plan grants them during the dry months only.",
        "The plan takes effect in June and will be reviewed after two summers, the council's chair told reporters.",
    ];
    let kicker = "The mayor also backs the plan.";
    let standfirst = "After a long afternoon of debate, the council settled the dispute between farmers and the city over the reservoir, for two summers at least, and both sides said on Monday evening that they could live with the compromise.";
    let markup: String =
        [kicker, standfirst].iter().chain(paras.iter()).map(|p| format!("<p>{p}</p>")).collect();
    let page = |ld: &str| format!("<html><head>{ld}</head><body><article>{markup}</article></body></html>");
    let declared = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{}\"}}</script>",
        paras.join(" ")
    );
    let ex = extract(&page(&declared), None);
    assert!(ex.text.starts_with(standfirst), "{}", ex.text);
    assert!(!ex.text.contains(kicker), "{}", ex.text);
    let ex = extract(&page(""), None);
    assert!(ex.text.starts_with(kicker), "{}", ex.text);
}

#[test]
fn a_dated_metadata_line_closing_the_post_goes() {
    let para = |n: &str| {
        format!("<p>The regional council approved the new water plan on Monday after a debate that lasted most of the {n}, officials said.</p>")
    };
    let (a, b, c) = (para("morning"), para("afternoon"), para("evening"));
    let footer = "<p class=\"postmetadata alt\">This entry was posted on Wednesday, November 27th, 2019 at 3:21 pm and is filed under \
                  <a href=\"/c/news\">News</a>, <a href=\"/c/region\">Region</a>. You can follow any responses to this entry through the \
                  <a href=\"/feed\">RSS 2.0</a> feed. Both comments and pings are currently closed.</p>";
    let html = format!("<html><body><div class=\"entry\">{a}{b}{c}{footer}</div></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.ends_with("most of the evening, officials said."), "{}", ex.text);
    assert!(!ex.text.contains("filed under"), "{}", ex.text);
    // The same line without a date, or not marked as metadata, stays.
    let undated = footer.replace("on Wednesday, November 27th, 2019 at 3:21 pm ", "");
    let ex = extract(&format!("<html><body><div class=\"entry\">{a}{b}{c}{undated}</div></body></html>"), None);
    assert!(ex.text.contains("filed under"), "{}", ex.text);
    let unmarked = footer.replace(" class=\"postmetadata alt\"", "");
    let ex = extract(&format!("<html><body><div class=\"entry\">{a}{b}{c}{unmarked}</div></body></html>"), None);
    assert!(ex.text.contains("filed under"), "{}", ex.text);
}

#[test]
fn an_affiliate_disclosure_is_not_the_article() {
    let para = |n: &str| {
        format!("<p>The regional council approved the new water plan on Monday after a debate that lasted most of the {n}, officials said.</p>")
    };
    let (a, b, c) = (para("morning"), para("afternoon"), para("evening"));
    let disclosure = "This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.";
    // In the body, and in an intro box above it.
    for html in [
        format!("<html><body><div class=\"entry\"><p>{disclosure}</p>{a}{b}{c}</div></body></html>"),
        format!("<html><body><div class=\"article-intro\"><p>{disclosure}</p></div><div class=\"entry\">{a}{b}{c}</div></body></html>"),
    ] {
        let ex = extract(&html, None);
        assert!(ex.text.starts_with("The regional council approved"), "{}", ex.text);
        assert!(!ex.text.contains("compensation"), "{}", ex.text);
    }
}

#[test]
fn a_salutation_opening_the_post_stays() {
    let para = |n: &str| {
        format!("<p>The regional council approved the new water plan on Monday after a debate that lasted most of the {n}, officials said.</p>")
    };
    let (a, b, c) = (para("morning"), para("afternoon"), para("evening"));
    let html = format!("<html><body><div class=\"entry\"><p>Dear readers,</p>{a}{b}{c}</div></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.starts_with("Dear readers,\n\nThe regional council"), "{}", ex.text);
    // A short line without the comma is still furniture at the edge.
    let html = format!("<html><body><div class=\"entry\"><p>Dear readers</p>{a}{b}{c}</div></body></html>");
    let ex = extract(&html, None);
    assert!(ex.text.starts_with("The regional council"), "{}", ex.text);
}

#[test]
fn a_header_image_credit_and_an_embed_consent_placeholder_go() {
    let para = |n: &str| {
        format!("<p>The regional council approved the new water plan on Monday after a debate that lasted most of the {n}, officials said.</p>")
    };
    let (a, b, c) = (para("morning"), para("afternoon"), para("evening"));
    let html = format!(
        "<html><body><div class=\"entry\">{a}<p>Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.</p>\
         {b}{c}<p>Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.</p><p>Symbolfoto: dpa</p><p>Illustration : Marie Dupont</p></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("most of the afternoon"), "{}", ex.text);
    for gone in ["Privatsphäre", "Beitragsbild", "Symbolfoto", "Marie Dupont"] {
        assert!(!ex.text.contains(gone), "{gone}: {}", ex.text);
    }
}

#[test]
fn a_labelled_byline_closing_the_article_goes() {
    let para = "<p>Vingt-quatre milliards de tonnes de terres fertiles sont perdues chaque année à cause de la dégradation de la biodiversité, selon une étude.</p>";
    let html = format!(
        "<html><body><article><h1>Terres</h1>{para}{}<p>Auteur : Kossivi Tiassou</p></article></body></html>",
        para.replace("Vingt", "Trente")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Tiassou"), "{t}");
    // An editing credit, a date item and a permalink closing the page.
    let html = format!(
        "<html><body><article><h1>Terres</h1>{para}{}<p>Edition : M-A. Pioerron</p><ul><li><strong>Date</strong> 23.05.2011</li>\
         <li><strong>Permalien</strong> https://p.dw.com/p/RPYx</li></ul></article></body></html>",
        para.replace("Vingt", "Trente")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Pioerron") && !t.contains("23.05.2011") && !t.contains("https"), "{t}");
    // A sentence that opens with the word stays.
    let html = format!("<html><body><article><h1>Terres</h1>{para}<p>Auteur de plusieurs livres, il a longtemps enseigné à Dakar et à Lomé.</p></article></body></html>");
    assert!(extract(&html, None).text.contains("Auteur de plusieurs livres"));
}

#[test]
fn a_sign_up_notice_that_one_may_unsubscribe_goes() {
    let para = "<p>Aurélie Trouvé, porte-parole de l'association, était l'invitée de la radio pour parler du lancement du référendum d'initiative partagée.</p>";
    let notice = "<p>En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion. Vous pourrez à tout moment vous désabonner en cliquant sur le lien de désinscription présent en fin des courriels envoyés. Ces données ne seront pas redonnées à des tiers. En cas de question ou de demande, vous pouvez nous contacter par courriel à l'adresse indiquée.</p>";
    let html = format!("<html><body><article><h1>Référendum</h1>{para}{}{notice}</article></body></html>", para.replace("radio", "télévision"));
    let t = extract(&html, None).text;
    assert!(t.contains("porte-parole") && !t.contains("désinscription"), "{t}");
}

#[test]
fn a_panel_of_short_name_labels_is_left_out_but_quantities_stay() {
    let names = ["Effectifs", "Entraîneur", "C. Pélissier", "Y. Wissa", "T. Fontaine", "J. Laporte", "J. Morel", "H. Mendes", "V. Le Goff", "P. Nardi", "Remplaçants", "P. Hamel", "U. Bozok"];
    let panel: String = names.iter().map(|n| format!("<div class=\"player\">{n}</div>")).collect();
    let amounts = ["Zutaten", "135 g", "Butter", "150 g", "Weizenmehl", "2 TL", "Backpulver", "2 EL", "Kakao", "155 g", "Zucker", "3 Eier"];
    let sheet: String = amounts.iter().map(|n| format!("<div class=\"row\">{n}</div>")).collect();
    let html = format!(r##"<html><head><title>Lorient et Lyon se quittent dos à dos</title></head><body><article><h1>Lorient et Lyon se quittent dos à dos</h1>
<div class="article-body">
<p>Lorient a tenu tête à l'Olympique lyonnais dimanche au Moustoir, dans un match qui se termine sur un score nul, un but partout.</p>
<div class="team">{panel}</div>
<p>Wissa avait ouvert le score pour les Merlus avant que Dubois n'égalise d'une frappe du gauche, après un superbe exploit individuel.</p>
<div class="sheet">{sheet}</div>
<p>Les Lyonnais n'ont pas réussi à prendre l'avantage en fin de match malgré plusieurs occasions franches et une nette domination.</p>
</div></article></body></html>"##);
    let t = extract(&html, None).text;
    assert!(t.contains("un but partout.") && t.contains("nette domination."), "{t}");
    assert!(!t.contains("Pélissier") && !t.contains("Bozok"), "{t}");
    assert!(t.contains("Weizenmehl") && t.contains("155 g"), "{t}");
}

#[test]
fn caption_of_a_picture_box_with_a_negative_class_is_kept() {
    let html = r##"<html><head><title>Violences policières et médias</title></head><body><article><h1>Violences policières et médias</h1>
<div class="article-body">
<p>Fin 2018, le mouvement des gilets jaunes semble pourtant déjà omniprésent dans les médias, semaine après semaine, partout en France.</p>
<p><span><div class="media media-image"><img src="/a.jpg" alt=""><span class="legend">Des pancartes en mémoire des gilets jaunes décédés depuis le début de la mobilisation. Paris - 2 février 2019</span></div></span></p>
<div class="media media-promo"><img src="/b.jpg" alt=""><a href="/abonnement">Abonnez-vous pour lire tous nos articles et soutenir une presse libre</a></div>
<p>Chaque semaine, les titres de la presse écrite font état de la mobilisation, du nombre de morts, de blessés et d'interpellations.</p>
</div></article></body></html>"##;
    let t = extract(html, None).text;
    assert!(t.contains("Des pancartes en mémoire des gilets jaunes"), "{t}");
    assert!(!t.contains("Abonnez-vous"), "{t}");
}

#[test]
fn a_credit_label_without_colon_closing_a_caption_is_cut() {
    let para = "<p>Des flammes se sont propagées rapidement dans une chambre située au premier étage d'une maison, hier en milieu d'après-midi.</p>";
    let fig = |cap: &str| format!("<figure><img src=x.jpg><figcaption>{cap}</figcaption></figure>");
    let html = format!(
        "<html><body><article><h1>Incendie</h1>{para}{}{para2}{}{para3}</article></body></html>",
        fig("Les cinq habitants seront relogés par la mairie. Photo VM /Eric NURDIN"),
        fig("La maison après le sinistre. Photo prise le lendemain par un voisin"),
        para2 = para.replace("hier", "lundi"),
        para3 = para.replace("hier", "mardi"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("relogés par la mairie.\n") && !t.contains("NURDIN"), "{t}");
    assert!(t.contains("Photo prise le lendemain par un voisin"), "{t}");
}

#[test]
fn numbered_notes_set_apart_after_the_article_join_it() {
    let html = r##"<html><head><title>Turpitudes coréennes</title></head><body>
<div class="page"><div class="texte">
<h1>Turpitudes coréennes</h1>
<p>Deux vies évoluant dans deux mondes bien distincts vont pourtant se rapprocher, dans le dernier roman traduit en français, <i>Au soleil couchant <span class="note_ref">(<a href="#nb1">1</a>)</span>.</i></p>
<p>Park Minwoo est un architecte aisé. Durant plusieurs décennies, il participe au réaménagement urbain de Séoul, à tout prix.</p>
<p>Un roman, noir de pessimisme, où malgré tout l'amitié et l'entraide occupent une grande place, et qui se lit d'une traite.</p>
</div>
<div class="auteurs"><p class="nom">Didier Roy</p></div>
<div class="notes"><div id="nb1"><p><span class="note_ref">(<a href="#nh1">1</a>)</span> Hwank Sok-yong, <i>Au soleil couchant</i>, traduit du coréen par Jean-Noël Juttet, Paris, 2017.</p></div>
<p>(3) Une note hors de la suite.</p></div>
</div></body></html>"##;
    let t = extract(html, None).text;
    assert!(t.contains("d'une traite.") && t.contains("traduit du coréen par Jean-Noël Juttet"), "{t}");
    assert!(!t.contains("hors de la suite"), "{t}");
    // Without a call in the article, numbered paragraphs below it stay out.
    let uncited = html.replace("<span class=\"note_ref\">(<a href=\"#nb1\">1</a>)</span>", "");
    let u = extract(&uncited, None).text;
    assert!(!u.contains("Jean-Noël Juttet"), "{u}");
}

#[test]
fn elements_laid_out_apart_are_not_glued() {
    // A row of labels (a dossier name and its tag, in spans a style sheet
    // spaces) and a row of links with no text between them: one word each.
    let html = "<html><body><article><h1>Storm hits the coast</h1>\
        <div class='kicker'><span class='label'>War in the region</span><span class='tag'>dossier</span></div>\
        <p>The storm reached the coast on Monday night, with gusts above 150 km/h recorded in several towns, officials said.</p>\
        <p>Thousands of homes lost power, and the rail service was suspended until Tuesday morning while crews cleared the lines.</p>\
        <p class='names'><a href='/a'>Paris</a><a href='/b'>Lyon</a><span>, and more.</span></p>\
        <p>A dr<b>op</b>ped word, a <span class='cap'>L</span><span>etter</span> and <i>ital</i><i>ics</i> stay as written.</p>\
        <pre><span class='k'>def</span><span class='n'>main</span><span class='p'>():</span></pre>\
        <div class='ja'><span class='a'>最近</span><span class='b'>子ども</span></div>\
        <p><span class='a'>A text cut by an editor, with the word indust</span><span class='b'>ries in two spans.</span></p>\
        <div><span>Without styles, one text: the word indust</span><span>ries in two spans again.</span></div>\
        <div class='nutrition'><span class='amount'>31</span><span class='unit'>g</span></div>\
        <p><span class='dropcap'>L</span><span>ines were repaired by Wednesday, the operator said in a statement.</span></p>\
        </article></body></html>";
    let ex = extract(html, None);
    let t = &ex.text;
    assert!(t.contains("War in the region dossier"), "{t}");
    assert!(t.contains("Lines were repaired"), "{t}");
    // Code and scripts written without spaces stay as written.
    assert!(t.contains("defmain():"), "{t}");
    assert!(t.contains("最近子ども"), "{t}");
    assert!(t.contains("industries in two spans."), "{t}");
    assert!(t.contains("industries in two spans again."), "{t}");
    assert!(t.contains("31g"), "{t}");
    assert!(t.contains("Paris Lyon, and more."), "{t}");
    assert!(t.contains("A dropped word, a Letter and italics stay as written."), "{t}");
}


#[test]
fn the_authors_signature_closing_the_article_goes() {
    let para = "<p>The students met on Monday to discuss the strike, the reform and the future of the university, the union said.</p>";
    let page = |sig: &str, author: &str| {
        format!(
            "<html><head><meta name='author' content='{author}'></head><body><article><h1>Strike</h1>{para}{}{}<p>{sig}</p><p>*The first name has been changed.</p></article></body></html>",
            para.replace("Monday", "Tuesday"),
            para.replace("Monday", "Friday"),
        )
    };
    // The declared author signing, in capitals or not.
    let t = extract(&page("Jane ROE", "Jane Roe"), None).text;
    assert!(!t.contains("ROE") && t.contains("*The first name"), "{t}");
    let t = extract(&page("Jane Roe", "Jane Roe"), None).text;
    assert!(!t.contains("Jane Roe"), "{t}");
    // A signature first name then surname in capitals, whoever is declared.
    let t = extract(&page("Eloïse BAJOU", "Someone Else"), None).text;
    assert!(!t.contains("BAJOU"), "{t}");
    // A closing sentence or slogan is not a signature.
    let t = extract(&page("VIVE LA RÉPUBLIQUE", "Someone Else"), None).text;
    assert!(t.contains("VIVE LA RÉPUBLIQUE"), "{t}");
    let t = extract(&page("Thanks to Jane Roe.", "Jane Roe"), None).text;
    assert!(t.contains("Thanks to Jane Roe."), "{t}");
}

#[test]
fn a_gallery_counter_is_not_the_article() {
    let para = "<p>The students met on Monday to discuss the strike, the reform and the future of the university, the union said.</p>";
    let html = format!(
        "<html><body><article><h1>Strike</h1>{para}<div>1 of 6</div>{}<div>2 / 6</div><p>12 sur 5</p>{}<p>In 2019 sales rose.</p></article></body></html>",
        para.replace("Monday", "Tuesday"),
        para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("1 of 6") && !t.contains("2 / 6"), "{t}");
    // Not a counter: the first number above the second.
    assert!(t.contains("12 sur 5"), "{t}");
}

/// A heading left at the end of the article once the teasers under it are
/// dropped (see `content::drop_stranded_labels`) goes with them: no article
/// ends on a heading.
#[test]
fn heading_stranded_over_dropped_teasers_goes() {
    let body = "<p>The council approved the new budget on Tuesday after a long debate, with twelve votes in favour and three against.</p>\
        <p>The mayor said the plan would fund two schools, a library and the repair of the bridge, and that taxes would not rise.</p>\
        <p>Opposition members criticised the timetable, saying the works would take longer than announced, and asked for an audit.</p>";
    let more: String = (1..=6)
        .map(|i| format!("<p>Point {i} of the plan, the mayor added, concerns the works in district {i}, whose residents were consulted last year.</p>"))
        .collect();
    let body = format!("{body}{more}");
    let teaser = |n: u32| {
        format!(
            "<p><a href=\"/story-{n}\">Another headline of a story from the region, number {n}</a></p>\
             <p>A short blurb about story {n} that sums up what happened there, in one sentence with a few words.</p>"
        )
    };
    let html = format!(
        "<html><head><title>Budget approved</title></head><body><div class=\"content\">{body}\
         <h3>Further reading from our regional correspondents</h3>{}{}{}</div></body></html>",
        teaser(1),
        teaser(2),
        teaser(3)
    );
    let ex = extract(&html, None);
    assert!(ex.text.contains("asked for an audit."), "{}", ex.text);
    assert!(!ex.text.contains("A short blurb"), "{}", ex.text);
    assert!(!ex.text.contains("Further reading"), "{}", ex.text);
}

/// A short line set in its own box after the article's text, announcing
/// links the selection left out, is that box's title and goes; a short
/// line among the article's paragraphs (a note, a source line) stays,
/// though links follow it.
#[test]
fn label_line_of_a_dropped_box_goes_but_a_note_stays() {
    let paras = "<p>Le conseil municipal a voté le budget mardi soir après un long débat, par douze voix contre trois.</p>\
        <p>Le maire a indiqué que le plan financerait deux écoles, une médiathèque et la réfection du pont, sans hausse des impôts.</p>";
    let links = "<ul><li><a href=\"/a\">La fête du village aura lieu le premier week-end de juin</a></li>\
        <li><a href=\"/b\">Travaux sur la route départementale pendant tout l'été</a></li></ul>";
    // The blocks kept when the selection takes all but the links.
    let kept = |html: &str| -> Vec<String> {
        let doc = Html::parse_document(html);
        let flat = dom::flatten(doc.tree.root());
        let mut blocks: Vec<u32> =
            (0..flat.blocks.len() as u32).filter(|&i| flat.blocks[i as usize].link_chars == 0).collect();
        content::drop_stranded_labels(&flat, &mut blocks);
        blocks.iter().map(|&i| content::block_text(&flat, &flat.blocks[i as usize])).collect()
    };
    let boxed = format!(
        "<html><body><div class=\"entry\">{paras}</div><div class=\"more\"><p>Les autres actualités de la commune</p>{links}</div></body></html>"
    );
    let k = kept(&boxed);
    assert!(k.last().is_some_and(|t| t.ends_with("sans hausse des impôts.")), "{k:?}");
    let noted = format!("<html><body><div class=\"entry\">{paras}<p>Selon les services de la mairie</p></div>{links}</body></html>");
    let k = kept(&noted);
    assert_eq!(k.last().map(String::as_str), Some("Selon les services de la mairie"), "{k:?}");
}

/// A lead marked as such, then a table of contents of links to the
/// headings below, then the body: the entries do not count as steps back,
/// so the lead still joins the body.
#[test]
fn lead_above_a_table_of_contents_joins_the_body() {
    let toc: String = (1..=10).map(|i| format!("<li><a href=\"#s{i}\">Partie {i} du dossier</a></li>")).collect();
    let body: String = (1..=4)
        .map(|i| {
            format!(
                "<h2 id=\"s{i}\">Partie {i}</h2><p>La partie {i} explique, avec des exemples, comment les parents peuvent \
                 s'absenter du travail quand leur enfant est malade, et ce que l'employeur doit payer.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Enfant malade</title></head><body><div class=\"post\">\
         <div class=\"post-header\"><p class=\"chapo\">Combien de jours par an un salarié peut-il rester chez lui quand son enfant est malade ? \
         Les réponses aux questions les plus fréquentes.</p></div>\
         <div class=\"row\"><div class=\"article-content\" itemprop=\"articleBody\">\
         <div class=\"toc\"><p>Sommaire</p><ul>{toc}</ul></div>{body}</div></div></div></body></html>"
    );
    let ex = extract(&html, None);
    assert!(ex.text.starts_with("Combien de jours par an"), "{}", ex.text);
    assert!(!ex.text.contains("du dossier"), "{}", ex.text);
}

/// A long paragraph of prose numbered `n` (tests of the chosen article).
fn para(n: u32) -> String {
    format!("<p>The ministers met on day {n} to discuss security cooperation, trade, transport and the future of the region, officials said in a statement.</p>")
}

#[test]
fn a_linked_chunk_between_two_chunks_of_the_article_joins() {
    // The article in same-class chunks, each in its own wrapper; the second
    // holds a table of contents of links beside its paragraphs.
    let chunk = |inner: String| format!("<div class=\"part\"><div class=\"content\">{inner}</div></div>");
    let toc: String = (0..4).map(|n| format!("<a href=\"#s{n}\">Question {n} of this long explainer?</a> ")).collect();
    let middle = chunk(format!(
        "<p>Many questions are still open: how many will fall ill, where does the virus come from?</p><div class=\"toc\">In this article: {toc}</div>\
         <h3>What are the symptoms?</h3><p>Most people have only a mild cold with a sore throat and a slight fever.</p>"
    ));
    let html = format!(
        "<html><body><article><h1>Talks</h1>{}{middle}{}{}</article><aside><p>Other story of the day, read it.</p></aside></body></html>",
        chunk(format!("{}{}", para(10), para(11))),
        chunk(format!("{}{}{}", para(20), para(21), para(22))),
        chunk((30..42).map(para).collect())
    );
    let t = extract(&html, None).text;
    assert!(t.contains("day 10") && t.contains("day 22") && t.contains("day 41"), "{t}");
    assert!(t.contains("Many questions are still open") && t.contains("mild cold"), "{t}");
    assert!(!t.contains("Question 1 of"), "{t}");
}

#[test]
fn the_marked_body_around_a_deeper_text_block_is_the_article() {
    // The body opens with paragraphs of its own, then a box of links, then
    // a CMS text element (deeply nested) with the rest, which scores alone.
    let deep: String = (20..30).map(para).collect();
    let html = format!(
        "<html><body><article><h1>Talks</h1><div class=\"article-text\">{}{}\
         <section class=\"teaser\"><h3>More on this</h3><a href=\"/x\">Another story entirely</a></section>\
         <div class=\"container\"><div class=\"row\"><div class=\"col\"><div class=\"frame\"><div class=\"textpic\"><div class=\"bodytext\">{deep}</div></div></div></div></div></div>\
         </div></article><aside><p>Other story of the day, read it.</p></aside></body></html>",
        para(10),
        para(11)
    );
    let t = extract(&html, None).text;
    assert!(t.contains("day 10") && t.contains("day 11") && t.contains("day 29"), "{t}");
    assert!(!t.contains("Another story"), "{t}");
}

#[test]
fn a_noscript_rendering_a_template_is_read() {
    let post: String = (1..5).map(para).collect();
    let html = format!(
        "<html><body><div class=\"header-desc\">The latest news and insights from the team on security and safety on the Internet</div>\
         <div class=\"post\"><h2>Talks</h2><div class=\"post-body\"><script type='text/template'>{post}</script>\n<noscript>{post}</noscript></div></div>\
         <noscript><p>Please enable JavaScript to view the comments of this blog, powered by a comment service.</p></noscript></body></html>"
    );
    let t = extract(&html, None).text;
    assert!(t.contains("day 1 to") && t.contains("day 4 to"), "{t}");
    assert_eq!(t.matches("day 1 to").count(), 1, "{t}");
    assert!(!t.contains("enable JavaScript") && !t.contains("latest news"), "{t}");
}

#[test]
fn a_linked_sentence_the_declared_body_holds_is_kept() {
    let plain = [
        "The foreign ministers met on Monday in Bamako to discuss security cooperation, trade and the future of the region.",
        "Talks lasted several hours, according to a statement released after the meeting, which both sides called constructive.",
        "A new round of talks is planned for June, with delegations from three more countries expected to attend, it added.",
    ];
    let linked = "As <a href=\"/a\">the talks in the capital went on late into the night</a> and <a href=\"/b\">the delegations</a>, officials warned that <a href=\"/c\">the hardest part was yet to come</a>.";
    let linked_text = "As the talks in the capital went on late into the night and the delegations, officials warned that the hardest part was yet to come.";
    let body = format!("{}\\n\\n{linked_text}\\n\\n{}\\n\\n{}", plain[0], plain[1], plain[2]);
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Talks\",\"articleBody\":\"{body}\"}}</script></head>\
         <body><article><h1>Talks</h1><p>{}</p><p>{linked}</p><p>{}</p><p>{}</p></article></body></html>",
        plain[0], plain[1], plain[2]
    );
    let t = extract(&html, None).text;
    assert!(t.contains("officials warned that the hardest part"), "{t}");
    assert_eq!(t.matches("Talks lasted").count(), 1, "{t}");
    // So is such a sentence opening the article.
    let opening = html.replace(&format!("<p>{}</p><p>{linked}</p>", plain[0]), &format!("<p>{linked}</p><p>{}</p>", plain[0])).replace(
        &format!("{}\\n\\n{linked_text}", plain[0]),
        &format!("{linked_text}\\n\\n{}", plain[0]),
    );
    assert!(extract(&opening, None).text.starts_with("As the talks in the capital"), "{}", extract(&opening, None).text);
    // A labelled pointer the declared body holds stays out.
    let pointer = "Read more: <a href=\"/d\">How ministers of the region prepare the next round of their talks?</a>";
    let with_pointer = html
        .replace("</p><p>Talks lasted", &format!("</p><p>{pointer}</p><p>Talks lasted"))
        .replace("\\n\\nTalks lasted", "\\n\\nRead more: How ministers of the region prepare the next round of their talks?\\n\\nTalks lasted");
    let p = extract(&with_pointer, None).text;
    assert!(p.contains("officials warned") && !p.contains("Read more"), "{p}");
    // Without the declaration, the sentence reads as links and goes.
    let bare = html.replace("articleBody", "description");
    assert!(!extract(&bare, None).text.contains("officials warned"));
}

#[test]
fn php_error_messages_are_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let warning = "<br />\n<b>Warning</b>:  Use of undefined constant AUTHORS_VERSION - assumed 'AUTHORS_VERSION' in <b>/home/site/public_html/wp-content/themes/x/functions.php</b> on line <b>45</b><br />";
    let strict = "<br />\n<b>Strict Standards</b>:  Non-static method nggGallery::get_option() should not be called statically in <b>/www/htdocs/w00/nggfunctions.php</b> on line <b>813</b><br />";
    let html = format!(
        "<html><body><article><h1>Talks</h1><div class=\"entry\">{warning}{strict}{para}<p>{strict}The court found the refusal unlawful, since the work could have been done in Berlin as well.{warning}</p>{}</div></article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Warning") && !t.contains(".php") && !t.contains("nggGallery"), "{t}");
    assert!(t.contains("met on Monday") && t.contains("met on Friday") && t.contains("done in Berlin as well."), "{t}");
    // A sentence that only mentions a file and a line stays.
    assert!(!crate::server_messages::is_php_diagnostic("Warning: the script in /tmp/x.php on line 4 and more"));
    assert!(crate::server_messages::is_php_diagnostic("Deprecated: preg_replace(): The /e modifier is deprecated in /www/wp-includes/formatting.php on line 82"));
}

#[test]
fn credit_lines_closing_a_paragraph_are_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}<p>The court found the refusal unlawful, since the work could have been done in Berlin as well.<br>\
         Foto: City-Press<br>Autor: Rechtsanwalt Max Mustermann<br></p>{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(t.contains("done in Berlin as well.\n"), "{t}");
    assert!(!t.contains("City-Press") && !t.contains("Mustermann"), "{t}");
    // A line of the text itself stays, and so does a credit that opens the paragraph.
    let kept = format!(
        "<html><body><article><h1>Talks</h1>{para}<p>Foto: City-Press<br>The court found the refusal unlawful, since the work could have been done in Berlin.<br>\
         Its ruling: final.</p>{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    let k = extract(&kept, None).text;
    assert!(k.contains("Its ruling: final."), "{k}");
}

#[test]
fn compound_credit_labels_are_credits() {
    for credit in [
        "Photocredits MYMARINI: Christin Schwarzer",
        "Bildcredit: (c) yakushkina - depositphotos.com",
        "Textquelle: © LAOLA1.at",
        "Bildquelle: Peter Ferstl",
        "Symbolgrafik:© Butch - stock.adobe.com",
    ] {
        assert!(content::looks_like_credit(credit), "{credit}");
    }
    // Words that end so but credit no one.
    for line in ["Leitbild: Offenheit und Respekt", "Lichtquelle: LED", "Tax credit: up to 2,000 dollars"] {
        assert!(!content::looks_like_credit(line), "{line}");
    }
}

#[test]
fn a_call_to_follow_on_a_social_network_is_furniture() {
    for call in [
        "Mike Doe's book about the search for alien life is out now. Follow him on Twitter @mikedoe.",
        "Welcome to our Daily Deals, your source for the best deals. Follow us at Twitter @deals.",
        "Retrouvez toutes nos enquêtes chaque semaine. Suivez-nous sur Twitter et Facebook.",
        "Folgt uns auf unserem neuen Instagram-Account",
    ] {
        assert!(boilerplate::is_disclosure(call), "{call}");
    }
    assert!(!boilerplate::is_disclosure("Fans began to follow the singer on tour across Europe, the label said."));
}

#[test]
fn a_call_to_follow_a_named_publication_is_furniture() {
    assert!(boilerplate::is_disclosure("Follow The Planet on Twitter and Instagram @ThePlanet and on Facebook @PlanetNews. Send us a message."));
    assert!(boilerplate::is_disclosure("Suivez Le Journal du Quartier sur Facebook et Mastodon."));
    // A sentence of the article that names a network without calling to follow.
    assert!(!boilerplate::is_disclosure("Following the vote, the minister wrote on Twitter that the law would pass."));
    assert!(!boilerplate::is_disclosure("Follow the river north for two miles. Photos of the trail circulate on Instagram."));
}

#[test]
fn following_steps_is_not_a_call_to_follow() {
    assert!(!boilerplate::is_disclosure("Follow these steps shared on Twitter to safely apprehend a train groper in Japan."));
}

#[test]
fn a_dated_byline_opening_a_paragraph_is_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><p>05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde<br>\
         A equipe do Serviço de Atendimento Domiciliar registrou nesta manhã o arrombamento de dois carros no bairro.</p>{para}{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("A equipe do Serviço"), "{t}");
    assert!(!t.contains("Clarissa"), "{t}");
}

#[test]
fn a_block_closing_with_a_call_to_follow_is_furniture() {
    assert!(boilerplate::is_disclosure(
        "The Daily is committed to publishing a diversity of letters to the editor. Here's our email: letters@daily.example. \
         Follow The Daily Opinion section on Facebook, Twitter (@DailyOpinion) and Instagram."
    ));
    assert!(!boilerplate::is_disclosure("The mayor spoke on Monday. Following the vote, she wrote on Twitter that the plan would pass."));
}

#[test]
fn a_date_and_a_name_opening_the_article_are_left_out() {
    assert!(content::is_dated_name_line("21. Jan 2022 // Dominik Ricker"));
    assert!(content::is_dated_name_line("11.12.2019 - Amelie Loevenich"));
    assert!(!content::is_dated_name_line("12 mars 2020 – Salle Pleyel, Paris"));
    assert!(!content::is_dated_name_line("12 mars 2020 : le Conseil a voté la loi"));
    let t = text_after_opening_line("21. Jan 2022 // Dominik Ricker");
    assert!(t.starts_with("The ministers met"), "{t}");
}

/// The text extracted from an article whose first paragraph is `line`,
/// followed by two paragraphs of prose.
fn text_after_opening_line(line: &str) -> String {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><p>{line}</p>{para}{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    extract(&html, None).text
}

#[test]
fn piped_and_written_by_bylines_are_left_out() {
    assert!(content::is_piped_byline("Ciclismo | Por: Juan Diego | Actualizado el: 19 abril 2022 9:12 pm"));
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><p>Ciclismo | Por: Juan Diego | Actualizado el: 19 abril 2022 9:12 pm</p>{para}\
         <p>Escrito por José Pablo Segura</p>{}<p>Propos recueillis par Marie Martin</p></article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Juan Diego") && !t.contains("Segura") && !t.contains("Marie Martin"), "{t}");
    // Bars in a sentence of the article.
    let kept = format!(
        "<html><body><article><h1>Talks</h1>{para}<p>Results | by region: north 12, south 9 | the rest follow.</p>{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    let k = extract(&kept, None).text;
    assert!(k.contains("Results | by region"), "{k}");
}

#[test]
fn names_alone_opening_the_article_are_its_writers() {
    assert!(content::is_names_line("Mateusz Seroka, Piotr Żochowski"));
    assert!(content::is_names_line("Colleen Barry, The Associated Press"));
    assert!(!content::is_names_line("Emmanuel Macron"));
    assert!(!content::is_names_line("Le gouvernement et les syndicats"));
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1><p>Jane Doe, John Roe</p>{para}<p>Jane Doe et John Roe</p>{}</article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(t.starts_with("The ministers met"), "{t}");
    // The same names inside the article stay.
    assert!(t.contains("\nJane Doe et John Roe\n"), "{t}");
}

/// Writers' names with their outlet after a bar ("Christal Hayes,
/// Michael Collins, Nicholas Wu | USA TODAY") opening the article are
/// its byline.
#[test]
fn names_and_their_outlet_opening_the_article_are_its_byline() {
    assert!(content::is_names_line("Christal Hayes, Michael Collins, Nicholas Wu | USA TODAY"));
    assert!(content::is_names_line("Jean Dupont | Le Parisien"));
    assert!(!content::is_names_line("Jean Dupont | la suite des événements"));
    assert!(!content::is_names_line("Résultats | Paris 12, Lyon 9"));
    let t = text_after_opening_line("Jane Doe, John Roe | Daily Planet");
    assert!(t.starts_with("The ministers met"), "{t}");
}

/// A live blog heads each entry with its time and its writer ("21:01" and
/// "Frances Watkins" set side by side): metadata repeated entry after
/// entry, not the entries' text.
#[test]
fn a_live_blogs_entry_headers_are_left_out() {
    assert!(content::is_entry_header("21:01Frances Watkins"));
    assert!(content::is_entry_header("14:43 Gavin O'Callaghan"));
    assert!(content::is_entry_header("9h05 Par Jean-Marc Dupont"));
    assert!(!content::is_entry_header("14:05 Le président arrive à Kiev"));
    assert!(!content::is_entry_header("Frances Watkins"));
    assert!(!content::is_entry_header("2:30 PM"));
    let entry = |time: &str, who: &str, n: u32| {
        format!(
            "<div class=\"live-entry\"><div class=\"entry-info\"><time>{time}</time><mark>{who}</mark></div>\
             <div class=\"entry-content\"><p>The county council gave update number {n} on its services this evening, as the country moves to new restrictions.</p></div></div>"
        )
    };
    let html = format!(
        "<html><body><main><h1>Live: the latest news</h1>{}{}{}</main></body></html>",
        entry("21:01", "Frances Watkins", 1),
        entry("20:36", "Frances Watkins", 2),
        entry("14:43", "Gavin O'Callaghan", 3)
    );
    let t = extract(&html, None).text;
    assert!(t.contains("update number 1") && t.contains("update number 3"), "{t}");
    assert!(!t.contains("Watkins") && !t.contains("Callaghan"), "{t}");
    // One such line alone is left to the article.
    let one = format!(
        "<html><body><main><h1>Programme</h1>{}<p>18:30 Marie Curie</p>{}</main></body></html>",
        "<p>The festival opens on Friday with a talk about the history of physics, followed by a concert in the park, the organisers said.</p>",
        "<p>The second day is given to chemistry, with workshops for children and a lecture about radioactivity in the main hall.</p>"
    );
    let t = extract(&one, None).text;
    assert!(t.contains("18:30 Marie Curie"), "{t}");
}

/// The writer signing the article with a role or a place after the name
/// ("Michał Wróblewski, dziennikarz Wirtualnej Polski", "Jean Dupont, à
/// Bruxelles") closes it as a signature, not as its text.
#[test]
fn a_signature_with_the_writers_role_closing_the_article_goes() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    for sign in ["Michał Wróblewski, dziennikarz Wirtualnej Polski", "Jean Dupont, à Bruxelles", "Philippe Ricard (Bruxelles, bureau européen)", "Jane Doe, Daily Planet"] {
        let html = format!(
            "<html><body><article><h1>Talks</h1>{para}{}{}<p>{sign}</p></article></body></html>",
            para.replace("Monday", "Friday"),
            para.replace("Monday", "Sunday")
        );
        let t = extract(&html, None).text;
        assert!(t.ends_with("officials said in a statement."), "{sign}: {t}");
    }
    // A closing sentence, a quotation's source or a name with a figure stays.
    for kept in ["Jean Dupont, maire de la ville, a salué la décision.", "Victor Hugo, « Les Misérables »", "Jean Dupont, 45 ans, agriculteur"] {
        let html = format!(
            "<html><body><article><h1>Talks</h1>{para}{}{}<p>{kept}</p></article></body></html>",
            para.replace("Monday", "Friday"),
            para.replace("Monday", "Sunday")
        );
        let t = extract(&html, None).text;
        assert!(t.ends_with(kept), "{kept}: {t}");
    }
    // Followed by the site's furniture, the signature still goes.
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}{}<p>Jean Dupont, à Bruxelles</p><p>Notez cet article</p></article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Jean Dupont"), "{t}");
    // People listed with their roles close the article as its text.
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}{}<p>Jean Dupont, président</p><p>Marie Martin, trésorière</p></article></body></html>",
        para.replace("Monday", "Friday")
    );
    let t = extract(&html, None).text;
    assert!(t.contains("Jean Dupont, président") && t.contains("Marie Martin, trésorière"), "{t}");
}

#[test]
fn advice_to_follow_someone_closing_a_paragraph_stays() {
    assert!(!boilerplate::is_disclosure(
        "Rumor has it that this song is a precursor to a holiday special that Sklar plans to release on Christmas. Follow him on Instagram to watch."
    ));
}

#[test]
fn a_picture_credit_closing_a_caption_set_as_a_paragraph_is_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}\
         <p>Former President Donald Trump speaks at a campaign rally in Hialeah, Fla., Wednesday. (AP Photo/Lynne Sladky) (AP Photo/Lynne Sladky)</p>{para2}\
         <p>President Vladimir Putin chairs a meeting in Moscow. (Gavriil Grigorov/Pool/AFP via Getty Images)</p>{para3}\
         <p>Two producers pose for a photo at a private residence in Montecito. (Photo by Kevin Mazur/Getty Images for Ithaca Holdings)</p>{para4}\
         <p>A Skoda logo is displayed at the motor show in Geneva, Switzerland March 5, 2019. REUTERS/Pierre Albouy</p>{para}\
         <p>Two residents are stuck in a campground near La Paz, Bolivia. (Courtesy of Dylan Tinsley and Hannah Phalen)</p>{para2}\
         <p>Most voters back the plan, according to the latest poll (Reuters/Ipsos)</p>{para3}\
         <p>The trains run between the two cities every hour (Paris/Lyon)</p>{para4}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        para4 = para.replace("Monday", "Sunday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("in Hialeah, Fla., Wednesday.\n") && !t.contains("Sladky"), "{t}");
    assert!(t.contains("chairs a meeting in Moscow.\n") && !t.contains("Grigorov"), "{t}");
    assert!(t.contains("private residence in Montecito.\n") && !t.contains("Mazur"), "{t}");
    assert!(t.contains("March 5, 2019.\n") && !t.contains("Albouy"), "{t}");
    assert!(t.contains("near La Paz, Bolivia.\n") && !t.contains("Phalen"), "{t}");
    // A parenthesis that credits no picture stays.
    assert!(t.contains("the latest poll (Reuters/Ipsos)"), "{t}");
    assert!(t.contains("every hour (Paris/Lyon)"), "{t}");
    // Only a credit printed twice goes twice.
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}<figure><img src=x.jpg><figcaption>Trains at the station between the two lines (Line 4/Line 6) (REUTERS/Jane Roe)</figcaption></figure>{para2}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("between the two lines (Line 4/Line 6)\n") && !t.contains("Jane Roe"), "{t}");
}

#[test]
fn a_labelled_credit_closing_a_caption_set_as_a_paragraph_is_cut() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}\
         <p>Bernd Lucke verlässt den Hörsaal der Universität Hamburg. Foto: Markus Scholz/dpa/Archivbild</p>{para2}\
         <p>La maire s'adresse aux habitants devant la mairie de Lyon. Photo : Jean Dupont</p>{para3}\
         <p>The minister leaves a ceremony at the air base near Orleans, France, January 16, 2020. Julien De Rosa/Pool via REUTERS</p>{para4}\
         <p>We walked down to the old harbour in the evening. Photo: the river at dawn</p>{para}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        para4 = para.replace("Monday", "Sunday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("der Universität Hamburg.\n") && !t.contains("Scholz"), "{t}");
    assert!(t.contains("la mairie de Lyon.\n") && !t.contains("Dupont"), "{t}");
    assert!(t.contains("January 16, 2020.\n") && !t.contains("Rosa"), "{t}");
    // A label before words that are not names is the caption's.
    assert!(t.contains("Photo: the river at dawn"), "{t}");
}

#[test]
fn a_picture_passed_on_by_an_agency_or_a_picture_label_is_a_credit() {
    assert!(super::content::is_agency_credit("Universal Images Group via Getty Images"));
    assert!(!super::content::is_agency_credit("Sent to the newsroom via Reuters"));
    assert!(!super::content::is_agency_credit("Universal Images Group via Acme Holdings"));
    assert!(super::content::looks_like_credit("Photographer: Sebastian Widmann"));
    assert!(super::content::looks_like_credit("Photographe : Jean Dupont"));
    assert!(super::content::looks_like_credit("Фото: личный архив Андрея Рудькова"));
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}\
         <p>The ice hockey world has been rocked by the tragic death of the player. Picture: Getty Images</p>{para2}\
         <p>Traffic on the northbound lanes of the freeway near the airport (Getty/Kevork Djansezian)</p>{para3}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
    );
    let t = extract(&html, None).text;
    assert!(t.contains("death of the player.\n") && !t.contains("Getty"), "{t}");
    assert!(t.contains("near the airport\n") && !t.contains("Djansezian"), "{t}");
}

#[test]
fn a_player_s_copy_of_a_caption_is_dropped() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}\
         <div class=\"c-video\"><span class=\"data\"><time>1:52</time> <span>Over 230,000 people flee Idlib during the offensive</span></span></div>\
         <figure><figcaption>Over 230,000 people flee Idlib during the offensive</figcaption></figure>{para2}\
         <div><p>Smoke rises over the city as airstrikes continue on Tuesday. hide caption</p><p>Smoke rises over the city as airstrikes continue on Tuesday.</p></div>{para3}\
         {para4}\
         <p>12:30 The vote was counted</p><p>The vote was counted by noon, officials said.</p></article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        para4 = para.replace("Monday", "Sunday"),
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("1:52"), "{t}");
    assert_eq!(t.matches("Over 230,000 people flee Idlib").count(), 1, "{t}");
    assert!(!t.contains("hide caption"), "{t}");
    assert_eq!(t.matches("Smoke rises over the city").count(), 1, "{t}");
    // Words that are not only a control's stay.
    assert!(t.contains("12:30 The vote was counted"), "{t}");
}

#[test]
fn a_credit_label_and_its_names_in_two_elements_are_a_credit() {
    let para = "<p>The ministers met on Monday to discuss security cooperation, trade and the future of the region, officials said in a statement.</p>";
    let html = format!(
        "<html><body><article><h1>Talks</h1>{para}<h2>Andrei Rudkov</h2>\
         <dl><dt>Фото:</dt><dd>личный архив Андрея Рудькова</dd></dl>{para2}\
         <div><span>Crédit photo :</span></div><div><span>picture alliance / Xinhua News Agency | Jean Dupont</span></div>{para3}\
         <p>Photo:</p><p>The view from the summit of the mountain at dawn, with the valley below.</p>{para4}</article></body></html>",
        para2 = para.replace("Monday", "Tuesday"),
        para3 = para.replace("Monday", "Friday"),
        para4 = para.replace("Monday", "Sunday"),
    );
    let t = extract(&html, None).text;
    assert!(!t.contains("Фото") && !t.contains("архив"), "{t}");
    assert!(!t.contains("Crédit photo") && !t.contains("Dupont"), "{t}");
    assert!(t.contains("Andrei Rudkov"), "{t}");
    // A sentence after a label is not a credit.
    assert!(t.contains("The view from the summit"), "{t}");
}
