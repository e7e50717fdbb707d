"""Each named boilerplate rule on invented lines: what it removes and what it must keep."""

from __future__ import annotations

import pytest

from newsfuse.clean.boilerplate import (
    HTML_RULES,
    RULES,
    classify,
    clean_lines,
    filter_lines,
    normalise,
    text_rules,
)

REMOVED_LINES = [
    # comment widgets
    ("Post a Comment", "comment-widget"),
    ("Post a Comment (4)", "comment-widget"),
    ("Leave a Reply", "comment-widget"),
    ("12 Comments", "comment-widget"),
    ("0 Comments", "comment-widget"),
    ("Your email address will not be published.", "comment-widget"),
    ("* Please don't spam here, a moderator reads every comment.", "comment-widget"),
    # cookie banners and leaked template markup
    ("This website uses cookies to give you a better visit. Learn more", "cookie-banner"),
    ("Accept !", "cookie-banner"),
    ("#buttons=(Accept !) #days=(30)", "markup"),
    ("[button link=\"/send\" type=\"big\"] Send us your story[/button]", "markup"),
    # teasers for other articles
    ("See also  Why lighthouses were painted in stripes", "related-link"),
    ("READ MORE: Town council votes on new harbour fees", "related-link"),
    ("Related articles", "related-link"),
    ("You may also like:", "related-link"),
    ("Most read in regional news", "related-link"),
    ("Lighthouse keeper retires after forty years [PICTURES]", "related-link"),
    ("Leggi anche", "related-link"),
    # promotions and newsletters
    ("Live Briefing: Floods In The Delta", "promo"),
    ("Our delta briefing gives you the latest news on the floods. For all stories, click here.",
     "promo"),
    ("Sign up for our weekly newsletter", "promo"),
    ("Morning Tide Newsletter", "promo"),
    ("Get the best stories delivered to your inbox every Friday.", "promo"),
    # tags, share buttons
    ("Tags", "tag-list"),
    ("Tags: floods, harbour, weather", "tag-list"),
    ("Share", "share-button"),
    ("Facebook Twitter WhatsApp Email", "share-button"),
    ("To Top", "share-button"),
    ("Back to top", "share-button"),
    # photo credits and captions
    ("Lena Ostrova/AFP/Getty", "photo-credit"),
    ("Photo: Lena Ostrova", "photo-credit"),
    ("Getty Images", "photo-credit"),
    ("Topshot - Marenland - Weather - Flood", "caption"),
    ("A picture taken on June 3, 2018 shows the harbour wall at low tide.", "caption"),
    ("This handout video grab released by the port authority on May 2, 2021 shows the pier.",
     "caption"),
    ("A fisherman mends a net in front of the old customs house on May 4, 2021. – The fleet "
     "stayed in port for a week.", "caption"),
    ("Sailors repair a mast in the harbour of Lund, northern Marenland, May 4, 2021.", "caption"),
    ("Boats wait at the quay. (Photo by Arne VOSS / AFP)", "caption"),
    ("Fishermen wait for the storm to pass [Arne Voss/Reuters]", "caption"),
    ("Storm waves have hit the northern coast. (May 4, 2021)", "video-caption"),
    # wire-gallery captions: their credit, a file-photo opening, people placed in the picture
    ("Divers search the river near Tolvik, Monday, May 3, 2021. Rescuers said the current "
     "was too strong to... (Associated Press)", "caption"),
    ("Volunteers stack sandbags in Orrin. (AP Photo/Ilse Marr) (Associated Press)", "caption"),
    ("The festival poster for this year. (Harbour Films via AP)", "caption"),
    ("Ferry captain Ola Brenn waits at the quay. (Tove Lind/Coast Daily)", "caption"),
    ("A crane lifts the wrecked hull onto the pier on Sunday. Associated Press", "caption"),
    ("Rescuers carry supplies to the village. Photo: Getty Images.", "caption"),
    ("Firefighters clear the road. (Photo: Valley TV, Orrin)", "caption"),
    ("Rex, a harbour police dog in 2009. Ana Ruiz / The Coast Daily / Pictura ID: 4417",
     "caption"),
    ("Ola Brenn rowed across the bay in June The Harbour Sun/Coast Syndication", "caption"),
    ("FILE - A ferry leaves the harbour of Tolvik at dawn.", "caption"),
    ("Photo: Tractors on the ring road outside Lindor. (Valley Press archive)", "caption"),
    ("Pictured: the flooded market square of Orrin on Sunday morning.", "caption"),
    ("In this Sept. 4, 2020, file photo, evacuees board a bus outside the stadium in Orrin.",
     "caption"),
    ("Mayor Ana Ruiz, left, greets rescuers outside the town hall in Tolvik.", "caption"),
    ("View Slideshow Divers search the river near Tolvik on Monday.", "caption"),
    ("Enlarge Family photo Ana and Tomas Ruiz hold their newborn son in Tolvik.", "caption"),
    ("Enlarge this image toggle caption Ola Brenn/Coast Press", "caption"),
    ("Image copyright Coast Pictures Image caption The pier was closed for a week", "caption"),
    # a player's or share bar's controls, with the video description after them
    ("Skip in Skip x Embed x Share CLOSE Floods cut off the valley road overnight. (May 3) AP",
     "player"),
    ("SHARE COPY LINK Two sailors describe the storm from the deck of their boat.", "player"),
    ("Embed Ferry Sinks Off Tolvik 1:42 autoplay autoplay Copy this code to your website",
     "player"),
    ("JUST WATCHED Divers reach the wreck Replay More Videos ... MUST WATCH", "player"),
    ("Story highlights The ferry sank in calm water", "player"),
    ("Watch it here:", "player"),
    ("(WATCH: The week's storms in 60 seconds)", "related-link"),
    # newsletter boxes and paywall offers
    ("Get daily updates directly to your inbox Subscribe", "promo"),
    ("Coast Alerts Get storm alerts and harbour news. The stories that matter, delivered "
     "each morning.", "promo"),
    ("Digital Access For Only $1.99 For the best local coverage, subscribe today.", "promo"),
    ("See every episode online or download the Coast TV app on your phone.", "promo"),
    ("Back local reporting Become a subscriber today to keep the Coast Courier going. Start "
     "getting full access to our reporting for just 99 cents a week.", "promo"),
    ("To read this story in full and hear the coach talk about the final, you must be a "
     "subscriber to Coast Plus. Already a subscriber? Log in. Not a member and want to learn "
     "more? See our benefits page.", "promo"),
    ("(Reporting by Ana Ruiz; Editing by Ola Brenn)", "author-note"),
    # a pull quote's share button; a gallery in one line, each caption with its counter
    ("\u201c The harbour will not be rebuilt by speeches. \u201d Share this quote", "pull-quote"),
    ("12 photos: Photos: Floods in Tolvik The river near Tolvik on Monday. Hide Caption 1 of 12 "
     "Rescuers in a boat on the square. Hide Caption 2 of 12 The bridge at dawn, closed to "
     "traffic since the weekend, with the water still rising around its piers and the old "
     "ferry moored beside it. Hide Caption 3 of 12", "gallery"),
    # author notes, bylines, contact lines
    ("With reporting by AFP and Reuters", "author-note"),
    ("Mira Holt contributed to this report.", "author-note"),
    ("By Mira Holt and Jon Rask", "byline"),
    ("Updated at 4:05 p.m.", "byline"),
    ("mira.holt@example.org", "contact"),
    ("Ola Brenn writes about the sea. Contact him at Twitter.com/olabrenn", "author-note"),
    ("ab/cd (AFP, dpa)", "author-note"),
    ("THIS IS A BREAKING NEWS UPDATE. Check back soon for more. The earlier story is below.",
     "author-note"),
    ("Ilse Marr contributed from Tolvik. Also contributing was Ola Brenn in Orrin.", "author-note"),
    ("Coast Wire reporter Ana Ruiz contributed from Orrin, Marenland.", "author-note"),
    ("To contact the editor responsible for this story: Ola Brenn at obrenn@example.test",
     "author-note"),
    ("Competing Interests: The authors have declared that none exist.", "author-note"),
    ("Like Coast Radio on Facebook and follow @coastradio for more.", "promo"),
    ("Get push notifications with the day's news.", "promo"),
    ("Top Reads from The Harbour Times:", "related-link"),
    ("© 2021 Coast Media. All Rights Reserved.", "copyright"),
    ("poster=\"https://video.example.test/p/81.jpg\" true The ferry leaves Tolvik at dawn.",
     "markup"),
]

KEPT_LINES = [
    "The council received more than 200 comments on the plan before the vote on Tuesday.",
    "Regulators said the company uses cookies to track visitors without asking them first.",
    "By Monday, officials said the water had fallen by half a metre.",
    "The treaty was signed on March 3, 2001.",
    "Police said they would share the footage with the families of the victims.",
    "He told reporters the harbour would reopen once divers had checked the pier.",
    "\"Please help us,\" said one resident whose house was flooded.",
    "Source: the port authority's yearly report.",
    # a news brief may end in its agency; a bare wire code is no photo credit
    "The ferry service to Tolvik resumed on Monday after a week, the operator said. (AP)",
    "The senator left, angry, before the vote on the harbour budget.",
    "The survey was run for the council by Coast Polls/Ipsos.",
    "Donors contributed from across the valley, the mayor said.",
    "Supporters who follow him on Twitter cheered the decision.",
    "Viewers can share, watch or embed the clip, the broadcaster said.",
    "You can watch more videos of the storm on the council's website, the mayor said.",
    "The county's alerts get sent by email to every resident, officials said.",
    "See the full list of closed roads in the table below, the agency said.",
    "Readers who become subscribers get the paper a day early, the publisher said.",
    "The mayor asked residents to share this quote from the flood report with neighbours.",
    "The exhibition shows photo 3 of 12 from the series, the curator said.",
    "Enlarging the harbour will take three years, the port authority said on Monday.",
    "Reporters must be a member of the press guild to cover the hearing, the court said.",
    "Readers who must be subscribers to vote in the poll complained, the paper said.",
]


@pytest.mark.parametrize(("line", "reason"), REMOVED_LINES)
def test_rule_removes_boilerplate_line(line: str, reason: str) -> None:
    assert classify(line) == reason


@pytest.mark.parametrize("line", KEPT_LINES)
def test_body_sentences_are_kept(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize(("line", "reason"), [
    ("Harbor News", "site-name"),
    ("The Valley Courier", "site-name"),
    ("0", "debris"),
    ("Relief Efforts Stretch Into A Second Week", "heading"),
])
def test_text_only_rules_guess_structure(line: str, reason: str) -> None:
    assert classify(line, RULES) == reason
    assert classify(line, HTML_RULES) is None


def test_heading_rule_follows_configured_length() -> None:
    heading = "Floods reach the old town"
    assert classify(heading, text_rules(max_heading_words=5)) == "heading"
    assert classify(heading, text_rules(max_heading_words=4)) is None
    assert classify(heading, text_rules(max_heading_words=0)) is None


def test_long_paragraph_mentioning_widget_words_is_kept() -> None:
    paragraph = ("Readers left 40 comments under the first report, and the editor said the site "
                 "uses cookies only for counting visits, but most of this long paragraph is about "
                 "the storm and how the ferries stopped running for four days in a row.")
    assert classify(paragraph) is None


def test_title_repeat_and_standfirst_are_removed() -> None:
    lines = ["Harbour reopens after storm | Coast Daily",
             "Ferries are expected to sail again from Monday",
             "The harbour reopened on Sunday, the port authority said."]
    kept, removed = filter_lines(lines, HTML_RULES, title="Harbour reopens after storm")
    assert kept == ["The harbour reopened on Sunday, the port authority said."]
    assert [block.reason for block in removed] == ["title", "standfirst"]


def test_tags_listed_one_per_line_are_removed() -> None:
    kept, removed = filter_lines(["The storm passed.", "Tags:", "floods", "harbour"], RULES)
    assert kept == ["The storm passed."]
    assert {block.reason for block in removed} == {"tag-list"}


def test_newsletter_heading_takes_its_pitch_along() -> None:
    lines = ["Morning Tide Newsletter", "Get the best of the coast before breakfast, free.",
             "The storm passed overnight."]
    kept, removed = filter_lines(lines, HTML_RULES)
    assert kept == ["The storm passed overnight."]
    assert [block.reason for block in removed] == ["promo", "promo"]


def test_long_caption_needs_its_credit() -> None:
    opening = "The photo on the left shows the old pier before the storm. "
    article = opening + "The harbour board met on Monday and voted for repairs. " * 12
    assert classify(article) is None
    assert classify(article + "(Photo by Arne VOSS / AFP)") == "caption"


def test_numbers_are_not_contact_lines() -> None:
    assert classify("7.8", HTML_RULES) is None
    assert classify("harbour-news.example.org", HTML_RULES) == "contact"


def test_only_a_newsletter_title_takes_the_next_line_along() -> None:
    lines = ["Click here to follow our flood live blog",
             "Shops in the old town stayed shut and the ferry ran only twice a day."]
    kept, removed = filter_lines(lines, HTML_RULES)
    assert kept == lines[1:]
    assert [block.reason for block in removed] == ["promo"]


def test_clean_lines_joins_paragraphs_with_single_newlines() -> None:
    body, removed = clean_lines("First paragraph here.\n\n\nSecond one here.\n\nShare\n")
    assert body == "First paragraph here.\nSecond one here."
    assert removed[0].reason == "share-button"


def test_normalise_strips_bullets_and_odd_spaces() -> None:
    assert normalise("*  Please\u00a0don't  spam") == "Please don't spam"
    assert normalise("- 2 cups of flour") == "2 cups of flour"
    assert normalise("-5 degrees at night") == "-5 degrees at night"


@pytest.mark.parametrize(("line", "reason"), [
    ("More: The levy raises spending on flood barriers by 12 percent, the treasurer said.",
     None),
    ("Related: Read our coverage of last year's levy fight", "related-link"),
    ("More: Mayor says the levy is 'the only way'", "related-link"),
])
def test_a_sentence_under_a_more_label_is_prose(line: str, reason: str | None) -> None:
    """'More:' before a whole sentence labels a paragraph; before a headline, a link."""
    assert classify(line) == reason


@pytest.mark.parametrize(("line", "reason"), [
    ("Media playback is unsupported on your device", "player"),
    ("Your browser does not support the video tag.", "player"),
    ("Please enable JavaScript to watch this video.", "player"),
    ("Roads into Tessford are still shut. Stay safe, everyone #TessfordFlood — Mara Quill "
     "(@maraquill) March 4, 2024", "tweet-embed"),
    ("Nobody at the council has answered my letters. — Ivo Renn (@ivorenn) 9 Jan 13",
     "tweet-embed"),
    ("The dam held. — Port Authority (@portauth) May 2, 2023 Crews are on site. — Lena Ost "
     "(@lenaost) May 3, 2023", "tweet-embed"),
])
def test_player_text_and_embedded_tweets_are_removed(line: str, reason: str) -> None:
    assert classify(line) == reason


def test_prose_about_browser_support_is_kept() -> None:
    line = ("The ministry said older phones would lose access because their browser does not "
            "support the encryption the new portal needs, a change affecting 40,000 users.")
    assert classify(line) is None


def test_prose_naming_a_handle_is_kept() -> None:
    line = ("The mayor wrote on her account (@mayorquill) that the roads would reopen on "
            "March 4, 2024, once crews had checked the bridge.")
    assert classify(line) is None


@pytest.mark.parametrize("first", [
    "Wed 19 Apr 2017 Harbour crane collapse injures four dockers. A crane collapsed at Pier 4.",
    "Harbour crane collapse injures four dockers A crane collapsed at Pier 4.",
])
def test_a_headline_glued_onto_the_first_paragraph_is_removed(first):
    kept, removed = filter_lines([first, "Work stopped for the day."],
                                 title="Harbour crane collapse injures four dockers")
    assert kept == ["A crane collapsed at Pier 4.", "Work stopped for the day."]
    assert [r.reason for r in removed] == ["title"]


def test_a_first_paragraph_about_the_headlines_subject_stays():
    kept, _ = filter_lines(["Four dockers were injured when a harbour crane collapsed."],
                           title="Harbour crane collapse injures four dockers")
    assert kept == ["Four dockers were injured when a harbour crane collapsed."]


@pytest.mark.parametrize(("first", "kept"), [
    ("19 Apr 2017 The crane collapsed at Pier 4 on Tuesday.",
     "The crane collapsed at Pier 4 on Tuesday."),
    ("September 3, 2021 Police said the quay was shut.", "Police said the quay was shut."),
])
def test_a_date_glued_onto_the_first_sentence_is_a_dateline(first, kept):
    lines, removed = filter_lines([first, "Work stopped."], title="Crane collapse at the port")
    assert lines == [kept, "Work stopped."]
    assert [r.reason for r in removed] == ["dateline"]


def test_a_sentence_opening_with_on_and_a_date_stays():
    lines, _ = filter_lines(["On 19 Apr 2017 the crane collapsed."], title="Crane collapse")
    assert lines == ["On 19 Apr 2017 the crane collapsed."]


@pytest.mark.parametrize(("first", "stamp", "kept"), [
    ("Published March 9 2019 A ferry ran aground off Kelso Point on Friday.",
     "Published March 9 2019", "A ferry ran aground off Kelso Point on Friday."),
    ("Date of publication 9 March 2019 The ferry ran aground on Friday.",
     "Date of publication 9 March 2019", "The ferry ran aground on Friday."),
    ("Last updated at Mar 092019 KELSO POINT Crews towed the ferry free.",
     "Last updated at Mar 092019", "KELSO POINT Crews towed the ferry free."),
    ("Sat 09 Mar 2019 at 1514 Crews towed the ferry free on Saturday.",
     "Sat 09 Mar 2019 at 1514", "Crews towed the ferry free on Saturday."),
    ("March 9 2019 2037 UTC+3 A coastguard officer said nobody was hurt.",
     "March 9 2019 2037 UTC+3", "A coastguard officer said nobody was hurt."),
    ("09.03.2019 Crews towed the ferry free on Saturday.",
     "09.03.2019", "Crews towed the ferry free on Saturday."),
])
def test_a_publication_stamp_glued_onto_the_first_sentence_is_removed(first, stamp, kept):
    lines, removed = filter_lines([first, "Work stopped."], title="Ferry aground at Kelso")
    assert lines == [kept, "Work stopped."]
    assert [(r.reason, r.text) for r in removed] == [("dateline", stamp)]


def test_a_wire_credit_between_headline_and_lead_is_removed():
    # one line of an export: headline, the wire's credit and day, then the lead
    first = ("Ferry runs aground off Kelso Point Reuters Saturday 9 Mar 2019 A passenger "
             "ferry with 212 people aboard ran aground off Kelso Point on Saturday.")
    lines, removed = filter_lines([first], title="Ferry runs aground off Kelso Point")
    assert lines == ["A passenger ferry with 212 people aboard ran aground off Kelso Point "
                     "on Saturday."]
    assert [(r.reason, r.text) for r in removed] == [
        ("title", "Ferry runs aground off Kelso Point"),
        ("dateline", "Reuters Saturday 9 Mar 2019")]


def test_a_headline_with_initials_glued_onto_the_lead_is_removed():
    # "U.S." is two of the headline's words once punctuation is dropped
    first = ("Fri 08 Mar 2019 at 0914 U.S. ferry operator says no one hurt. The operator of "
             "the stranded ferry said all 212 passengers were safe.")
    lines, removed = filter_lines([first], title="U.S. ferry operator says no one hurt")
    assert lines == ["The operator of the stranded ferry said all 212 passengers were safe."]
    assert [r.reason for r in removed] == ["title"]


def test_a_sentence_that_opens_with_a_date_as_its_subject_stays():
    lines, _ = filter_lines(["March 9 2019 was the ferry's last crossing of the season."],
                            title="Ferry aground")
    assert lines == ["March 9 2019 was the ferry's last crossing of the season."]


@pytest.mark.parametrize("line", [
    "Ana Ruiz (lower right) was the only redhead in her family. (Photo furnished by: Ana Ruiz)",
    "The old dam in 1961. (Photo courtesy of the Harbour Museum)",
])
def test_a_caption_credited_by_its_provider_is_a_caption(line):
    assert classify(line) == "caption"


@pytest.mark.parametrize("line", [
    "Tomas Keller (far left) was the only redhead in his family.",
    "Harbour pilot Ana Ruiz talks to reporters before a meeting with the mayor (not pictured) "
    "at the town hall in Port Ellis June 11, 2031.",
])
def test_a_line_placing_people_in_the_picture_is_a_caption(line):
    assert classify(line) == "caption"


def test_a_post_embedded_under_its_handle_is_removed_as_an_embed():
    from newsfuse.clean.boilerplate import clean_lines

    text = ("The harbour authority's account was hacked on Tuesday.\n@PortEllisHA\n"
            "Port Ellis Harbour Authority Breaking: the harbour wall has collapsed\n"
            "The authority said minutes later that the post was false.")
    body, removed = clean_lines(text)
    assert "wall has collapsed" not in body and "post was false" in body
    assert [b.reason for b in removed] == ["tweet-embed", "tweet-embed"]
