"""Pages that are not news articles are reported with a reason, real articles are kept."""

import pytest

from newsfuse.api import load
from newsfuse.clean import NotAnArticle, clean
from newsfuse.model import Article

BRIEF = ("Harbour pilots in Kessin ended their two-day strike on Monday after the port "
         "authority agreed to review their rosters, a union spokeswoman said.\n"
         "Ships resumed sailing by noon.")

NON_ARTICLES = {
    "notice": ("Share your location\nYou can attach your town or exact position to your posts "
               "from the app or the website. You can always delete your location history in "
               "your account settings. Learn more"),
    "archive": ("This collection holds web captures of municipal websites of the Drava region, "
                "harvested by volunteers since 2019. The crawls run monthly and the archived "
                "pages are open to researchers."),
    "video": ("Uploaded on Mar 3, 2021\nThe Lindau town band rehearses for the spring concert.\n"
              "Subscribe to our channel for more videos."),
    "post": ("Can't believe the queue at the Brenna ferry this morning, two hours and counting "
             "pic.twitter.com/aB3dE5fG7h"),
    "error": "Page not found\nThe page you requested may have moved. Return to the home page.",
    "verification": ("One more step\nWe have sent you a verification email. Please open your "
                     "inbox and click the link to activate your profile."),
    # pages given as one line of text, as JSONL exports hand them over
    "one-line-video": ("Published on mar 3, 2021 the lindau town band rehearses for the spring "
                       "concert in the old market hall, with forty players, two new tubas and "
                       "a conductor who has led it since 1998. The concert is on Saturday at "
                       "eight. Filmed by our volunteers. Subscribe now to our channel: "
                       "http://example.test/lindau"),
    "sign-up": "Ana Ruiz is on Facebook. To connect with Ana, sign up for Facebook today.",
    # a long channel description under the upload stamp, one line
    "long-channel-video": ("Published on oct 2, 2019 welcome to our channel! " + " ".join(
        ["we film the old steam trains of the Drava valley line on their summer runs and talk "
         "to the volunteers who keep them going."] * 8)),
    # teasers of several stories, each closed by "Read more", as one line
    "index": ("Lindau band wins regional prize the town band took first place in the brass "
              "contest on Saturday. Read more ferry fares rise in May the Brenna ferry will "
              "charge two euros more from May 1. Read more new bakery opens on the square the "
              "old mill bakery reopened under new owners"),
    # a form the reader fills in
    "form": ("Report a sighting of the Drava lynx please use this form to tell the park "
             "rangers where and when you saw it. Your first name your last name your e-mail "
             "address description captcha note: file size may not exceed 20 megabytes."),
    # a video site's stamp (three-letter month, no time) over a one-line description
    "video-site-stamp": ("Published on mar 3, 2021 the lindau town band rehearses for the "
                         "spring concert in the old market hall, with forty players, two new "
                         "tubas and a conductor who has led it since 1998. Filmed by the "
                         "players' families."),
    "channel-plea": ("The lindau town band plays the spring march in the old market hall. "
                     "Subscribe to the Lindau Music channel here: http://example.test/sub"),
    "instagram": ("Spring at last on the Brenna ferry #sun #ferry a post shared by Ana Ruiz "
                  "( @anaruiz ) on mar 3, 2024 at 4: 54pm pst"),
    "player-failure": ("Rating is available when the video has been rented. This feature is "
                       "not available right now. Please try again later."),
    "comment-notice": "This name will appear next to all of your comments.",
    "poll": ("Should the Brenna ferry run every half hour? yes, every half hour. ( 61 %, 45 "
             "votes ) no, once an hour is enough. ( 39 %, 29 votes ) total voters: 74"),
    "collection": ("A collection of websites related to the 2024 Drava floods. Internet "
                   "preservation partners suggested the sites for inclusion."),
    # a research paper's structured abstract, as a one-line export cuts it
    "abstract": ("Methods: the cohort study followed 4,210 ferry workers aged 30 to 65 in the "
                 "Drava region from 2001 to 2013. Shift patterns were reported at enrolment. "
                 "Results: after 12 years of follow-up, 211 cases of hearing loss occurred; "
                 "night shifts were associated with a higher risk (hazard ratio 1.3)."),
    # a site speaking of itself: present tense, nobody named, nothing reported
    "site-blurb": ("Welcome to Harbour Lights Inn\n\nSet on the cliffs above Kessin, our inn "
                   "offers twelve sea-view rooms, a restaurant serving the day's catch and a "
                   "small spa. Book directly with us and you receive breakfast free of charge."),
    # a list of names, each "Name of Place, Court", one a line; one line ends with "(Ret.)"
    "list": "\n\n".join(
        [f"{name} of {place}, Court of Appeals for the {n} Circuit" for name, place, n in [
            ("Ana Ruiz", "Drava", "First"), ("Tomas Keller", "Lindau", "Second"),
            ("Marit Solberg", "Brenna", "Third"), ("Ines Albrecht", "Kessin", "Fourth"),
            ("Jonas Ekdahl", "Tollund", "Fifth"), ("Luca Ferreira", "Ostwick", "Sixth"),
            ("Pavla Jurkova", "Varek", "Seventh"), ("Tunde Okafor", "Marlow", "Eighth")]]
        + ["Hilde Brandvold of Port Ellis, Supreme Court of Port Ellis (Ret.)"]),
}


@pytest.mark.parametrize("kind", sorted(NON_ARTICLES))
def test_non_article_pages_are_named_with_a_reason(kind):
    with pytest.raises(NotAnArticle) as raised:
        clean(Article(id=kind, raw=NON_ARTICLES[kind]))
    assert raised.value.reason and kind in str(raised.value)
    # what was read and judged stays with the verdict, so it can be checked
    body = raised.value.body
    assert body.split() and set(body.split()) <= set(NON_ARTICLES[kind].split())


def test_gallery_of_captions_is_not_an_article():
    captions = "\n".join(
        f"Dancers in costume parade through the old town of Vellmar during the spring "
        f"festival on March {day}, 2024. (Photo by Ana Ruiz / AFP)" for day in range(1, 8))
    with pytest.raises(NotAnArticle, match="gallery"):
        clean(Article(id="gallery", raw="Spring festival in pictures.\n" + captions))


@pytest.mark.parametrize("raw", [
    BRIEF,
    # a brief that talks to readers about a service is still news
    "The Brenna water board said on Tuesday that customers can report leaks through its "
    "website. Your bill will not change this year, the board added in a statement.",
    # a news story about a web archive: longer than any notice
    " ".join(["The national library in Oravik said on Friday it would stop its web archive, "
              "which has kept copies of regional news sites and crawled pages since 2004."] * 12),
    # a real brief under a news site's stamp, also in one line
    "Published on March 3, 2024 10:15 AM\n" + BRIEF,
    "Published on March 3, 2024 " + BRIEF.replace("\n", " "),
    # a photo story given as one line: its captions are all its text
    "Flood in Vellmar photo: Ana Ruiz image 1 of 3 The river over the quay on Monday. Image 2 "
    "of 3 Rescuers carry a boy to a boat. Image 3 of 3 The old bridge, closed since Sunday.",
    # a live story whose one paragraph opens like a platform notice ("Follow ... on")
    "Follow Tuesday's updates on the Orrin dam inquiry here: engineers told the regional "
    "assembly on Monday that cracks in the spillway were reported in 2019 and again last "
    "spring. The chair of the inquiry, judge Ana Ruiz, said the hearing would continue "
    "through the week, and that the operator's managers would be questioned on Thursday. "
    "Residents of three villages below the dam have been asked to stay with relatives.",
    # a short story quoting one post: the post is a line of it, not the page
    "The Orrin dam operator said on Monday that it had lowered the reservoir by two metres "
    "after engineers found new cracks in the spillway. Residents of three villages below the "
    "dam were told to prepare for a possible evacuation, and the regional assembly called the "
    "operator's managers to a hearing on Thursday.\n"
    "Water pouring over the Orrin spillway this morning pic.twitter.com/ab12cd — Orrin Post "
    "(@orrinpost)",
    # a present-tense brief that talks to readers is news when it names who acts
    "Mayor Ana Ruiz opens the new ferry terminal in Kessin this morning. From Monday you can "
    "buy tickets for all crossings at the terminal's new desks.",
    # a story about a study: its findings, not its abstract's headings (one "Results:" label)
    "Night shifts may harm hearing, a study of 4,210 ferry workers in the Drava region found. "
    "Results: 211 workers lost some hearing over 12 years, the authors wrote on Monday.",
])
def test_articles_are_kept(raw):
    assert clean(Article(id="story", raw=raw)).body


def test_non_articles_are_listed_as_errors_and_the_batch_goes_on(tmp_path):
    (tmp_path / "brief.txt").write_text("Pilots end strike\n\n" + BRIEF)
    (tmp_path / "video.txt").write_text(NON_ARTICLES["video"])
    articles, errors = load([tmp_path])
    assert [a.id for a in articles] == ["brief"]
    assert len(errors) == 1 and "not a news article (video page" in errors[0].message


def test_related_links_inside_a_story_are_no_index_page():
    raw = (BRIEF.replace("\n", " ") + " Read more: port authority names new chief. "
           "The union said talks on pay would resume next month. Read more: ferry fares rise "
           "in May. The pilots had asked for a third crew on night shifts.")
    assert "Harbour pilots" in clean(Article(id="links", raw=raw)).body


def test_player_notice_over_a_news_brief_keeps_the_brief():
    raw = ("Please enable JavaScript to watch this video.\n" + BRIEF)
    assert "Harbour pilots" in clean(Article(id="player", raw=raw)).body


GLUED_TO_STORIES = {
    # a player notice run into a story given as one line
    "notice": (
        "Please enable javascript to watch this video two harbour pilots were hurt when a "
        "tug struck their launch in thick fog off the outer breakwater of Kessin harbour "
        "late on Sunday night, as the launch returned from guiding a grain carrier out to "
        "sea, the port authority said in a statement on Monday. Both men were taken to the "
        "regional hospital and one was released the same night. The tug's crew was not "
        "hurt."),
    # a story that quotes a post, run into one line by an export
    "post": (
        "Residents of Kessin queued for two hours at the ferry on Saturday morning after "
        "the port authority cut the timetable to one boat an hour, and some posted pictures "
        "of the line: two hours and counting at the ferry pic.twitter.com/aB3dE5fG7h — Ana "
        "Ruiz (@anaruiz) May 3, 2024 the authority said the cut would last until the second "
        "boat's engine is repaired, which it expects to take three weeks, and apologised "
        "to passengers for the delays. Extra buses will run to the mainland bridge on "
        "weekends, and season tickets will be valid on them. The ferry carries about 1,400 "
        "people on a summer Saturday, most of them day visitors to the island's beaches, "
        "and local shops said they had seen fewer customers since the cut."),
}


@pytest.mark.parametrize("kind", sorted(GLUED_TO_STORIES))
def test_a_notice_or_post_glued_to_a_long_one_line_story_keeps_the_story(kind):
    body = clean(Article(id=kind, raw=GLUED_TO_STORIES[kind])).body
    assert "harbour pilots" in body or "Residents of Kessin" in body
