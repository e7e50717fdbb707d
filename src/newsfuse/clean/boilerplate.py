"""Line rules that drop the boilerplate scrapers leave around an article body.

Every rule has a name (the `reason` recorded in `RemovedBlock`) and tests one line, where a
line is one paragraph of scraped text or one block of trafilatura output. The rules describe
*kinds* of boilerplate (comment widgets, cookie banners, teasers, photo captions and credits,
...), never the strings of one site. As in trafilatura's own filters, thresholds are named
module constants; each says how it was calibrated.

Calibration material: the texts trafilatura extracts from one half of the scrapinghub
article-extraction benchmark (the other half is held out, see benchmarks/bench_extraction.py),
the shared example, and invented fixtures in tests/fixtures. Each rule's removals were read on
the tuning half; benchmarks/results/extraction.md lists per rule how many removed blocks the
gold bodies contain after all (mostly "click here" lines the gold annotators kept).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsfuse.lang import MONTH_NUMBER, wire_pattern
from newsfuse.model import RemovedBlock
from newsfuse.script import tokens, word_count

# Calibration of the length limits below: the longest line each rule removes from the shared
# example and from the tuning half of the scrapinghub benchmark, plus a margin; F1 on the tuning
# half is flat over wide ranges of each (swept: widget 15-80, promo 25-80, credit 4-12 words).
#
# Comment widgets, cookie banners, tag lists, teaser links and author notes: longest seen 19
# words. A longer line is prose that merely mentions "comments", "cookies" or "see also".
MAX_WIDGET_WORDS = 25
# A sentence this long after "More:" or "Related:" is a paragraph of the article, not a link.
MIN_LABELLED_SENTENCE_WORDS = 8
_LABEL = re.compile(r"^(?:more|related)[^:]{0,30}:\s*", re.IGNORECASE)
# a sentence's own end (a headline may end in a quote, but not in a full stop)
_FULL_STOP = re.compile(r"[.!?…。！？][\"'”’)\]]*\s*$")
# Promotions ("... gives you the latest developments ... click here"): longest seen 33 words.
MAX_PROMO_WORDS = 45
# Photo credits, share buttons and outlet names: a handful of words ("Name/AFP/Getty").
MAX_CREDIT_WORDS = 8
# A line without sentence punctuation and at most this many words is a heading or a teaser
# link. Headlines of news sites run up to ~14 words (the longest titles on the tuning half have
# 15); longer unpunctuated lines are prose that lost its full stop, which we keep.
# CleanConfig.max_heading_words overrides it for scraped text.
MAX_HEADING_WORDS = 14
# Wire-photo captions run long (description, background sentences, credit): the longest in the
# shared example has 113 words. Whole articles can be single lines that open with a picture
# description (Multi-News documents, median 148 words), so a line longer than
# MAX_BARE_CAPTION_WORDS counts as a caption only when it ends with a photo credit, as all long
# wire captions seen do; the short captions without credit in the example have about 30 words.
MAX_BARE_CAPTION_WORDS = 60
MAX_CAPTION_WORDS = 150
# One-line video captions ("Explosions reported in X. (February 24, 2022)") are one sentence.
MAX_VIDEO_CAPTION_WORDS = 20
# An embedded tweet is at most 280 characters with its attribution; two embeds can share a
# line when the page's markup between them is lost.
MAX_TWEET_EMBED_WORDS = 130
# The first line is the headline again when it shares this share of its words with the title
# (Jaccard); headlines shortened or extended by a word or two score 0.6-0.9. Tuning half: same F1
# from 0.5 to 0.8, lower at 0.4 (a body line taken for the headline).
MIN_TITLE_OVERLAP = 0.6
# A standfirst (deck) is one sentence without a full stop under the headline (9-17 words on the
# tuning half); fewer than 5 words is a subheading or a dateline, which stays.
MIN_STANDFIRST_WORDS = 5
MAX_STANDFIRST_WORDS = 40
# Tags listed one a line after a "Tags" label are one to three words each.
MAX_TAG_WORDS = 3
# The pitch under a newsletter heading is one or two short sentences (15 words on the tuning half).
MAX_PITCH_WORDS = 30
# A line of which at least this share of characters are not letters is UI debris ("0", "***").
MIN_LETTER_SHARE = 0.5

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
# Picture agencies and wire services that appear in photo credits.
_AGENCY = (r"(?:AFP|AP|(?:The )?Associated Press|Getty(?: Images)?|Reuters|EPA(?:-EFE)?|"
           r"Shutterstock|Alamy|Bloomberg|"
           r"PA(?: Images| Wire)?|Xinhua|Sipa|dpa|ANP|TASS|Anadolu|NurPhoto|Zuma|SOPA|"
           r"AAP|Kyodo|Yonhap|Pool|Handout|iStock(?:photo)?|Facebook|Twitter|Instagram|YouTube)")
# Words that end the name of an outlet ("CBS News", "The Daily Star", "S7 News").
_OUTLET_WORD = (r"(?:News|Times|Post|Press|Herald|Journal|Tribune|Daily|TV|Online|Today|Wire|"
                r"Media|Radio|Gazette|Telegraph|Observer|Chronicle|Standard|Express|Network|"
                r"Ledger|Courier|Dispatch|Examiner|Bulletin|Record|Review|Mail|Star)")
_SENTENCE_END = re.compile(r"[.!?…:;\"'`”’)\]。！？」』]\s*$")
_BULLET = re.compile(r"^(?:[*•·▪►>|#–—-]+\s+)+")
# Headlines carry the site name after one of these: "Headline | Site", "Headline - Site".
TITLE_SEPARATOR = re.compile(r"\s+[|–—:·-]+\s+")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


COMMENT_WIDGET = _rx(
    r"^(?:post|leave|add|write|submit|view|show|load|hide|read)\s+(?:a|your|all|the)?\s*"
    r"(?:comments?|reply|replies|responses?)\b",
    r"^\(?\d+\)?\s+(?:comments?|responses?|replies)\b",
    r"^(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*$",
    r"your email (?:address )?will not be published",
    r"required fields are marked",
    r"^please don'?t spam",
    r"comments? (?:are|is|will be) (?:reviewed|moderated|approved)",
    r"^(?:tell us what you think|join the (?:conversation|discussion)|have your say)\b",
    r"^(?:be the first to comment|no comments yet|comments are closed)\b",
)
COOKIE_BANNER = _rx(
    # the site speaking of itself; news about a company that "uses cookies" is kept
    r"\b(?:we|this (?:web)?site|our (?:web)?site|the (?:web)?site|website)\s+(?:uses?|is using)\s+"
    r"cookies\b",
    r"\b(?:by using|use of) (?:this|our) (?:web)?site\b.{0,60}\bcookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\bcookie (?:policy|settings|preferences|consent)\b",
    r"^(?:accept|agree|got it|ok|i agree)(?: all)?(?: cookies)?\s*!*\s*$",
)
# Template or shortcode markup that leaked into the text: "#buttons=(Accept !) #days=(20)",
# "[button link=...]Send us ...[/button]".
MARKUP = _rx(r"^#?\w+=\(", r"\[(\w+)\b[^\]]*\].*\[/\1\]", r"^\{\{.*\}\}$")
RELATED_LINK = _rx(
    # a bracketed pointer to other coverage: "(WATCH: Sunday's interviews in 90 seconds)"
    r"^\((?:follow|read|watch|see|listen|click|get|sign up|subscribe|check out|related|more)\b"
    r"[^()]*\)$",
    r"^(?:see|read|watch|listen|click)\s+(?:also|more|next)\b",
    r"^(?:also read|also see|read next|up next|don'?t miss|must read|more from\b)",
    r"^(?:related|more)(?:\s+(?:articles?|stories|news|coverage|content|reading|links?|videos?|"
    r"topics?|on this(?: story| topic)?))?\s*:",
    r"^(?:related(?:\s+(?:articles?|posts?|stories|news|coverage|content|links?|videos?))?|"
    r"more stories|recommended(?: for you)?|you (?:may|might) also like|"
    r"trending(?: now)?|top stories|editor'?s picks)\s*[:.]?\s*$",
    r"^(?:related (?:articles?|posts?|stories|links?))\s*:",
    r"^most (?:read|popular|viewed|shared|watched)\b",
    r"^(?:top|latest|more) (?:reads|stories|headlines|videos)\b[^.!?]{0,40}$",
    # the same announcements in the other languages of the benchmark pages
    r"^(?:leggi anche|lesen sie auch|mehr zum thema|voir aussi|lire aussi|à lire aussi|"
    r"leia também|veja também|lee también|ver también|lees ook)\b",
    # tabloid teaser links end with a bracketed label: "... revealed [PICTURES]"
    rf"\[(?!{_AGENCY}\])[A-Z][A-Z ]{{2,}}\]\W*$",
)
# What a video or audio player writes in place of itself when it cannot play.
PLAYER = _rx(
    r"\b(?:media )?playback (?:is )?(?:unsupported|not supported)\b",
    r"\b(?:your )?(?:browser|device) (?:does not|doesn'?t) support (?:the )?"
    r"(?:video|audio|html5|playback|this)\b",
    r"\b(?:enable|turn on) javascript to (?:watch|view|play|see)\b",
    r"^this (?:video|clip) (?:is|has been) (?:unavailable|removed|no longer available)\b",
    # the labels a video widget writes around its teaser titles, and a story's summary box
    r"\b(?:just watched|must watch)\b",
    r"^story highlights\b",
    # the pointer to an embed the text lost: "Watch it here:", "Listen to the announcement:"
    r"^(?:watch|listen(?: to)?|see|view)\b[^.!?]{0,50}:\s*$",
)
# The controls of a player or share bar read as words: "Skip x Embed x Share CLOSE", "SHARE COPY
# LINK", "autoplay autoplay Copy", "Share Tweet Post Email". Prose strings such words together
# only with other words between them ("share the link", "watch more videos" has one control).
UI_WORDS = frozenset({
    "skip", "embed", "share", "close", "replay", "autoplay", "play", "pause", "mute", "unmute",
    "fullscreen", "tweet", "email", "e-mail", "print", "copy", "link", "x", "×", "post", "listen",
    "more", "videos", "next", "facebook", "twitter", "pin", "whatsapp", "save",
})
# these are also ordinary words ("read more", "post", "next"): a run needs the others
WEAK_UI_WORDS = frozenset({"more", "videos", "next", "post", "save", "print", "listen", "link"})
# A run of this many controls (two of them unambiguous) is a widget's text.
MIN_UI_RUN = 3
MIN_STRONG_UI_WORDS = 2
# The widget's line also holds the teaser title or the video's description after the controls
# (one or two sentences); a longer line is prose that a page glued to a widget, which stays.
MAX_UI_LINE_WORDS = 60
_UI_TOKEN = re.compile(r"[\w×'-]+")
PROMO = _rx(
    r"^live (?:briefing|updates?|blog|coverage)\s*:",
    r"^[^.!?]{0,40}\bnewsletters?\s*$",  # the title of a sign-up box, see PITCH_HEADING
    r"\bgives you the latest\b",
    r"\bclick here\b",
    r"\b(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletters?|inbox|alerts|updates)\b",
    r"\b(?:newsletters?|alerts?)\b.{0,60}\b(?:sign up|subscribe)\b",
    r"\bdelivered (?:to|through|into) your (?:inbox|letterbox|door|mailbox)\b",
    r"^(?:follow|like|join) us on\b",
    r"^(?:follow|like) (?:\S+ ){1,3}on (?:facebook|twitter|instagram)\b",
    r"\b(?:get|receive|turn on) (?:push )?notifications\b",
    r"^follow @\w+",
    r"\bdownload (?:our|the)\b.{0,30}\bapp\b",
    r"^(?:get|download) the latest\b.{0,40}\b(?:news|updates|app)\b",
    # a sign-up box: its label or an imperative offer ("Breaking News Emails Get ...", "Get daily
    # updates ... inbox Subscribe") that names what is sent
    # (after a label, the offer is capitalised: "the alerts get sent" is prose)
    r"(?:(?:^|[.!?]\s+)(?:get|receive|sign up|subscribe)|"
    r"\b(?:e-?mails?|newsletters?|alerts)\s+(?-i:Get|Receive|Sign up|Subscribe))\b"
    r".{0,80}\b(?:inbox|e-?mails?|newsletters?|alerts|updates|headlines)\b",
    r"\b(?:inbox|e-?mails?|newsletters?|alerts)\b.{0,80}\b(?:subscribe|sign up)\s*[.!]?\s*$",
    # a paywall's offer
    r"\bsubscribe (?:today|now)\b",
    r"\bdigital access for\b",
    r"\bbecome a (?:subscriber|member|supporter) (?:today|now)\b",
    r"\b(?:get|start getting|unlock) (?:full|unlimited) (?:digital )?access\b",
)
# A paywall's notice in place of the rest of the story, up to a short paragraph long ("To read
# this story in full ..., you must be a subscriber to ... Already a subscriber? ...").
PAYWALL = _rx(r"\b(?:must|need to) be an? (?:paying )?subscriber\b", r"\balready a subscriber\?")
MAX_PAYWALL_WORDS = 80
# A pull quote's widget: the quote set again in large type, then its button ("“...” Share this
# quote", "Click to tweet"). The words are the article's own, said once in its body.
PULL_QUOTE = _rx(r"[”\"]\s*(?:share|tweet) this (?:quote|quotation)\s*$",
                 r"^[“\"].{0,300}\bclick to tweet\s*$")
# A section heading made of a quotation ("'This could easily be a composite profile'", Bloomberg's
# "‘Chronic Problem’"): a short line that is one quotation, closed without a full stop. A quoted
# paragraph ends its sentence ("“We will rebuild.”") or names its speaker. Full-web Multi-News
# pages (all 80 clusters): 12 such lines, all section headings; taken for quotes, they got the
# speakers of the paragraphs around them. A guess for text only: in HTML the page marks its
# headings, and the article's text keeps them (scrapinghub's gold bodies do).
QUOTED_HEADING = re.compile(r"""^['"“‘][^'"“”‘’]{2,120}[^.!?,;:'"“”‘’\s]['"”’]$""")
MAX_QUOTED_HEADING_WORDS = 12
# A gallery set in one line: each caption ends with its counter ("... Hide Caption 3 of 30").
GALLERY_COUNTER = re.compile(r"\b(?:hide|show|expand|close) caption \d+ of \d+\b|"
                             r"\b(?:photo|image|picture|slide) \d+ of \d+\b", re.IGNORECASE)
# A gallery line is captions through and through: a counter every caption's length. A story
# whose page glued a photo's counter or two onto its text ("image 1 of 4 caption close image 1
# of 4 <the story>", one line in JSONL exports) is no gallery.
MIN_GALLERY_COUNTERS = 3
MAX_WORDS_PER_GALLERY_COUNTER = 60
TAG_LABEL = re.compile(r"\b(?:tags?|topics|keywords)\b\s*:?[^.!?]*$", re.IGNORECASE)
TAG_LIST = _rx(r"^(?:tags?|topics|keywords|filed under|categories|category)\s*(?::.*)?$")
SHARE_BUTTON = _rx(
    r"^(?:(?:share|tweet|email|e-mail|print|pin( it)?|save|copy link|comment|whatsapp|facebook|"
    r"twitter|linkedin|pinterest|reddit|messenger|telegram|flipboard)(?:\s+(?:this|on|via)"
    r"(?:\s+\w+)?)?[\s|,·•/]*)+$",
    r"^(?:back|scroll|go)?\s*to\s+top\s*$",
)
# A photo or video credit line: "Photo: Jane Doe", "Name/AFP/Getty", "AP Photo/Name".
PHOTO_CREDIT = _rx(
    r"^(?:photo|image|picture|video|credit|photograph|illustration|image source)s?"
    r"(?:\s+(?:by|credit))?\s*:",
    rf"^[^/]{{0,40}}(?:/[^/]{{1,40}})*/\s*{_AGENCY}\s*(?:/.*)?$",
    rf"^{_AGENCY}(?:\s+photo)?\s*/",
    rf"\bvia {_AGENCY}\s*$",
    rf"^(?:\(?(?:photo|image|picture)s?\)?\s*)?{_AGENCY}\s*$",
)
# Author notes after the story: "With reporting by AFP", "Jane Doe contributed to this report."
AUTHOR_NOTE = _rx(
    # also a wire's credit line in brackets: "(Reporting by ...; Editing by ...)"
    r"^\(?(?:with |additional )?reporting by\b",
    r"^\(?(?:writing|editing) by\b.{0,80}\)?$",
    r"\bcontributed (?:reporting )?to this (?:report|story|article)\.?$",
    r"^(?:have a (?:news )?tip\?|got a (?:news )?tip\?)",
    # the writer's contact under a column; the desk's initials under a wire story ("ab/cd (AFP)")
    r"\b(?:contact|reach|email|e-mail) (?:him|her|them|the (?:author|writer|reporter)) "
    r"(?:at|on|via)\b",
    r"^[a-z]{2,5}(?:/[a-z]{2,5})+\s*(?:\([^()]*\))?$",
    # a wire desk's note over an updated story
    r"^this is a breaking news update\b",
    r"\bcheck back (?:soon|later) for\b",
    # who else reported ("Ana Ruiz contributed from Tolvik. Also contributing were ...") and where
    # to write to the editors
    r"^(?:[\w.'-]+\s+){1,6}contributed (?:reporting )?from (?-i:[A-Z])",
    r"^also contributing (?:were|was|to this)\b",
    r"^to contact the (?:reporters?|editors?|writers?|authors?)\b",
    # a paper's declarations under a study
    r"^(?:funding|competing interests|conflicts? of interest|data availability|"
    r"author contributions)\s*:",
    r"\bmay be reached at\b.{0,60}@",
)
# The page's copyright notice: "© 2021 Coast Media. All rights reserved."
COPYRIGHT = _rx(r"^\(?(?:copyright\b|©)", r"\ball rights reserved\b")
# An element's attributes leaked into the text ('poster="https://..." ...'); what follows them on
# the line is the element's description (a video's caption), up to a caption's length.
LEAKED_ATTRIBUTE = re.compile(r"^[\w-]+=[\"']")
# A line that is only an e-mail address, a web address or a social handle.
CONTACT = _rx(r"^\S+@\S+\.[a-z]{2,}$", r"^(?:https?://|www\.)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?$",
              r"^@\w+$")
# Bylines and publication stamps: "By Jane Doe", "Updated at 1:23 p.m.", "Publicado por: ...".
_NAME = r"[A-Z\u00C0-\u024F][\w.'-]+(?:\s+[A-Z\u00C0-\u024F][\w.'-]+){0,3}"
# case-sensitive: a byline names people ("By Jane Doe and John Roe, Reuters"), while a sentence
# such as "By Monday, officials said ..." continues in lower case
BYLINE = re.compile(
    r"^(?i:by|posted by|published by|written by|words by|publicado por|von|par|di|door)\s*:?\s+"
    rf"{_NAME}(?:\s*(?:,|and|&|\||/)\s*{_NAME})*$"
)
# A desk signing for its writers: "CTVNews.ca Staff", "CNN Wire Staff", "Reuters Staff Writer";
# case-sensitive like BYLINE (the outlet's name is capitalised): "Hospital staff" is a phrase.
STAFF_BYLINE = re.compile(
    r"^(?:By\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s+(?:Wire\s+)?Staff"
    r"(?:\s+(?:Writer|Reporter)s?)?$")
# Publication stamps: "Updated at 1:23 p.m.", "05/10/2018 - Publicado por: ... - Tags: ...".
STAMP = _rx(
    r"^(?:updated|published|posted|last (?:updated|modified)|first published)\b\s*(?:on|at)?\s*:?"
    r".{0,40}\d",
    r"\b(?:publicado por|posted by|published by)\s*:",
)
CAPTION = _rx(
    # wire-photo captions: "TOPSHOT - ...", "A picture taken on <date> shows ..."
    r"^topshot\b",
    r"^(?:an? |this |the )?(?:handout |file |undated |aerial )?(?:picture|photo(?:graph)?|image|"
    r"video grab|video still|still image|screen ?(?:shot|grab)|handout (?:picture|photo|image))"
    r"\b.{0,160}?\b(?:shows?|showing|taken (?:on|in)|released (?:on|by))\b",
    # AFP caption style: description, "on <date>. – " background
    rf"{_DATE}\s*\.\s*[–—]\s",
    # description ending "..., <place>, <date>." without a verb-led "on"
    rf",\s*{_DATE}\s*\.?\s*$",
    # wire file photos: "FILE - In this May 2, 2019 file photo, ...", "In this image made from
    # video, ...", "In this Sept. 22, 2017, photo, ..."
    r"^file\s*[-–—]\s",
    rf"^in this (?:(?:undated|handout|file|aerial|recent|\w+day,?|{_DATE},?|"
    rf"{_MONTH} \d{{4}},?)\s+)*"
    r"(?:photo(?:graph)?|image|picture|video|still|frame grab)\b",
    # people placed in the picture: "Ana Ruiz, left, greets ...", "..., second from right, ..."
    r",\s(?:far |second from |third from )?(?:left|right|center|centre|foreground|background)"
    r"(?:\s(?:left|right|center|centre))?,\s",
    # ... or in brackets, and who is out of the frame: "Ana Ruiz (lower right) was ...", "a
    # meeting with Eric Cantor (not pictured)" (full-web pages: 4 such lines, all captions)
    r"\((?:far |lower |upper |top |bottom |second from )?(?:left|right|center|centre)\)",
    r"\((?:not pictured|unseen|out of frame)\)",
    # a gallery's controls and labels in front of the caption: "View Slideshow ...", "Photo 3 of
    # 12 ...", "Image copyright X Image caption ..."
    r"^(?:view|open|launch|enlarge) (?:the )?(?:slideshow|gallery|photos?|images?)\b",
    # a picture's own controls: "Enlarge Family photo Ana Ruiz holds ...", "toggle caption"
    r"^enlarge\b.{0,40}\b(?:photo|image|picture)s?\b", r"\btoggle caption\b",
    r"^(?:image|photo|picture|slide) \d+ (?:of|/) \d+\b",
    r"^(?:image|media|picture|photo) (?:copyright|caption)\b",
    # a caption under its label: "Photo: Tractors on the ring road. (Valley Press archive)",
    # "Pictured: ..." (a credit alone, "Photo: Jane Doe", is a photo-credit)
    r"^(?:photo|picture|image|caption|pictured)s?\s*:\s",
)
# An embedded tweet as pages render it without its script: the text, then "— Name (@handle)
# April 3, 2017" (or "9 Jan 13"). It is the tweet's author speaking, not the article's prose.
TWEET_EMBED = re.compile(
    rf"[—–-]\s*[^()\n]{{1,60}}\(@\w{{1,15}}\)\s*(?:{_DATE}|\d{{1,2}}\s+{_MONTH}\s+\d{{2,4}})"
    r"\s*$", re.IGNORECASE)
# A caption ends with its credit: "(Photo by NAME / AFP)", "... [Name/Reuters]", "[AFP]".
CAPTION_CREDIT = _rx(
    rf"\[[^\]]{{0,60}}\b{_AGENCY}\s*\]\s*$",
    # "(Photo: Ana Ruiz, Coast Post)", "(Photo furnished by: Linda Ek)", "(Photo courtesy of ...)"
    r"\((?:photo|image|picture|video|file photo|photograph)s?\s*"
    r"(?:(?:furnished|provided|supplied|submitted)\s+)?(?:by\b|:|credit\b|courtesy\b)[^()]*\)\s*$",
)
# Credits that end a gallery caption but could end a short news item too, so they count on
# captions of at most MAX_BARE_CAPTION_WORDS: a bracketed agency, alone or after the photographer
# ("(Associated Press)", "(AP Photo/Ana Ruiz) (Associated Press)", "(Harbour Films via AP)"), the
# photographer and outlet ("(Ana Ruiz/Harbour Post)"), "Photo: Getty Images." and a bare agency
# after the last sentence ("... on Monday. Associated Press").
_BRACKETED_CREDIT = (r"\((?:(?:The )?Associated Press|"
                     rf"[^()]{{0,60}}?(?:\bvia |/)\s*{_AGENCY}(?:\s+photos?)?"
                     r"(?:\s*/[^()]{0,40})?|"
                     rf"{_AGENCY}\s+photos?(?:\s*/[^()]{{0,40}})?)\)")
SHORT_CAPTION_CREDIT = _rx(
    # a bare wire code ("(AP)", "(Reuters)") also closes news briefs, so it does not count alone
    rf"(?:{_BRACKETED_CREDIT}\s*)+$",
    r"\([A-Z][\w.' -]{1,40}/\s?[A-Z][\w.&' -]{1,40}\)\s*$",
    rf"\b(?:photo|image|picture|video)s?\s*:\s*[^.:]{{0,40}}\b{_AGENCY}\.?\s*$",
    rf"[.!?][\"'”’]?\s+{_AGENCY}\s*$",
)
# An unbracketed credit of names joined by slashes after the caption's words, with no full stop
# after it, sometimes with the picture's number: "... on the pier Ana Ruiz / Coast Daily / Pics
# ID: 12345", "... The Harbour Sun/Coast Syndication", "... Portugal. ADRIAN DENNIS/AFP/Getty
# Images)". Prose ends with its full stop.
_CREDIT_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of|the|de|and|&|[A-Z][\w.&'’-]*)){0,4}"
TRAILING_CREDIT = re.compile(rf"\s{_CREDIT_NAME}\s?/\s?{_CREDIT_NAME}(?:\s?/\s?{_CREDIT_NAME})*"
                             r"(?:\s+ID:?\s*\d+)?\s*\)?\s*$")  # its bracket's partner lost
# One-line video caption ending with the date in parentheses: "... (February 24, 2022)".
VIDEO_CAPTION = re.compile(rf"\(\s*{_DATE}\s*\)\s*$", re.IGNORECASE)
OUTLET_NAME = re.compile(rf"^(?:The\s+)?(?:[A-Z0-9][\w&.'-]*\s+){{0,3}}{_OUTLET_WORD}$")


@dataclass(frozen=True)
class Rule:
    """One named test on a normalised line."""

    reason: str
    matches: Callable[[str], bool]


def _words(line: str) -> int:
    # script-aware: a Chinese or Thai paragraph is not one "word" (see newsfuse.script)
    return word_count(line)


def _short_match(pattern: re.Pattern[str], max_words: int) -> Callable[[str], bool]:
    return lambda line: _words(line) <= max_words and bool(pattern.search(line))


_is_related_link = _short_match(RELATED_LINK, MAX_WIDGET_WORDS)


def _prose_after_label(line: str) -> bool:
    """'More: The budget raises spending by 12 percent, the director said.' is a paragraph
    under a label, not a teaser link: after the colon comes a whole sentence, where a
    teaser gives a headline ('Related: Read our coverage of last year's fight')."""
    label = _LABEL.match(line)
    if label is None:
        return False
    rest = line[label.end():]
    return _words(rest) >= MIN_LABELLED_SENTENCE_WORDS and bool(_FULL_STOP.search(rest))


def _is_debris(line: str) -> bool:
    letters = sum(ch.isalpha() for ch in line)
    return letters < MIN_LETTER_SHARE * len(line) and _words(line) <= 2


def _heading_test(max_words: int) -> Callable[[str], bool]:
    return lambda line: _words(line) <= max_words and not _SENTENCE_END.search(line)


def _is_caption(line: str) -> bool:
    words = _words(line)
    if words > MAX_CAPTION_WORDS:
        return False
    if CAPTION_CREDIT.search(line):
        return True
    return words <= MAX_BARE_CAPTION_WORDS and bool(
        CAPTION.search(line) or SHORT_CAPTION_CREDIT.search(line)
        or (TRAILING_CREDIT.search(line) and not _FULL_STOP.search(line)))


def _is_gallery_line(line: str) -> bool:
    counters = len(GALLERY_COUNTER.findall(line))
    return counters >= MIN_GALLERY_COUNTERS \
        and _words(line) <= MAX_WORDS_PER_GALLERY_COUNTER * counters


def _is_video_caption(line: str) -> bool:
    return _words(line) <= MAX_VIDEO_CAPTION_WORDS and bool(VIDEO_CAPTION.search(line))


def only_controls(line: str) -> bool:
    """Every word of the line is a player's or a share bar's control ("Play Facebook", the first
    of a bar set one button a line): no headline."""
    words = _UI_TOKEN.findall(line.lower())
    return bool(words) and all(word in UI_WORDS for word in words)


def _is_ui_widget(line: str) -> bool:
    """A line holding a run of player or share controls (see UI_WORDS)."""
    if _words(line) > MAX_UI_LINE_WORDS:
        return False
    run: list[str] = []
    for token in [*_UI_TOKEN.findall(line.lower()), ""]:
        if token in UI_WORDS:
            run.append(token)
            continue
        strong = sum(word not in WEAK_UI_WORDS for word in run)
        if len(run) >= MIN_UI_RUN and strong >= MIN_STRONG_UI_WORDS:
            return True
        run = []
    return False


def _is_outlet_name(line: str) -> bool:
    return _words(line) <= MAX_CREDIT_WORDS // 2 and bool(OUTLET_NAME.match(line))


# Rules for any text, HTML extraction output included (first match gives the reason).
HTML_RULES: tuple[Rule, ...] = (
    Rule("markup", _short_match(MARKUP, MAX_WIDGET_WORDS)),
    Rule("comment-widget", _short_match(COMMENT_WIDGET, MAX_WIDGET_WORDS)),
    Rule("cookie-banner", _short_match(COOKIE_BANNER, MAX_WIDGET_WORDS)),
    Rule("share-button", _short_match(SHARE_BUTTON, MAX_CREDIT_WORDS)),
    Rule("tag-list", _short_match(TAG_LIST, MAX_WIDGET_WORDS)),
    Rule("promo", _short_match(PROMO, MAX_PROMO_WORDS)),
    Rule("promo", _short_match(PAYWALL, MAX_PAYWALL_WORDS)),
    Rule("player", _short_match(PLAYER, MAX_WIDGET_WORDS)),
    Rule("player", _is_ui_widget),
    Rule("tweet-embed", _short_match(TWEET_EMBED, MAX_TWEET_EMBED_WORDS)),
    Rule("related-link", lambda line: _is_related_link(line) and not _prose_after_label(line)),
    Rule("photo-credit", _short_match(PHOTO_CREDIT, MAX_CREDIT_WORDS)),
    Rule("author-note", _short_match(AUTHOR_NOTE, MAX_WIDGET_WORDS)),
    Rule("copyright", _short_match(COPYRIGHT, MAX_WIDGET_WORDS)),
    Rule("markup", _short_match(LEAKED_ATTRIBUTE, MAX_BARE_CAPTION_WORDS)),
    Rule("contact", _short_match(CONTACT, 1)),
    Rule("byline", _short_match(BYLINE, MAX_CREDIT_WORDS * 2)),
    Rule("byline", _short_match(STAFF_BYLINE, MAX_CREDIT_WORDS)),
    Rule("byline", _short_match(STAMP, MAX_WIDGET_WORDS)),
    Rule("caption", _is_caption),
    Rule("gallery", _is_gallery_line),
    Rule("pull-quote", _short_match(PULL_QUOTE, MAX_CAPTION_WORDS)),
    Rule("video-caption", _is_video_caption),
)


def text_rules(max_heading_words: int = MAX_HEADING_WORDS) -> tuple[Rule, ...]:
    """Rules for scraped text, which has lost its markup: structure is guessed from the words.

    HTML extraction keeps these lines because trafilatura knows real headings and list items.
    """
    guessed = [Rule("site-name", _is_outlet_name), Rule("debris", _is_debris),
               Rule("heading", _short_match(QUOTED_HEADING, MAX_QUOTED_HEADING_WORDS))]
    if max_heading_words > 0:
        guessed.append(Rule("heading", _heading_test(max_heading_words)))
    return HTML_RULES + tuple(guessed)


RULES = text_rules()
# Only the title of a newsletter box announces a pitch under it. A "Don't miss" heading is followed
# by teasers that the related-link rule catches on their own (on the tuning half by body text just
# as often), and a "Click here to follow our live blog" line by body text in WikiRef220.
PITCH_HEADING = re.compile(r"^[^.!?]{0,40}\bnewsletters?\s*$", re.IGNORECASE)


def normalise(line: str) -> str:
    """Collapse spaces and strip list bullets so that rules see the words only."""
    line = line.replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(_BULLET.sub("", line).split())


def classify(line: str, rules: Iterable[Rule] = RULES) -> str | None:
    """The reason of the first rule that `line` matches, or None for body text."""
    text = normalise(line)
    if not text:
        return None
    for rule in rules:
        if rule.matches(text):
            return rule.reason
    return None


def same_text(a: str, b: str) -> bool:
    """True when two lines have the same words, ignoring case and punctuation."""
    return _letters(a) == _letters(b) != ""


def _letters(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _is_title(line: str, title: str, first: bool) -> bool:
    """The headline again: same words, or the first line nearly the same as the headline
    (pages decorate one of the two with the site name or shorten it)."""
    variants = [title, *TITLE_SEPARATOR.split(title)]
    if any(same_text(line, variant) for variant in variants):
        return True
    if not first or _SENTENCE_END.search(line):
        return False
    line_words, title_words = set(tokens(_letters(line))), set(tokens(_letters(title)))
    shared = len(line_words & title_words) / max(len(line_words | title_words), 1)
    return shared >= MIN_TITLE_OVERLAP


def filter_lines(lines: Iterable[str], rules: Iterable[Rule] = RULES,
                 title: str | None = None) -> tuple[list[str], list[RemovedBlock]]:
    """Split lines into kept body paragraphs and removed blocks (with the rule's name).

    Lines are tested one by one, then in context: the headline and the standfirst under it
    (kept in the article's title field, not in the body) and the single words of a tag list.
    """
    texts = [text for text in map(normalise, lines) if text]
    glued = _glued_lead(texts[0], title) if texts else []
    if glued:  # "Wed 19 Apr 2017 <headline>. <lead sentence> ...": the stamp and headline apart
        texts[:1] = [text for text, _ in glued]
    reasons = [classify(text, rules) for text in texts]
    for index, (_, reason) in enumerate(glued[:-1]):
        reasons[index] = reason
    if title:
        _mark_title(texts, reasons, title)
    _mark_tag_runs(texts, reasons)
    _mark_pitches(texts, reasons)
    _mark_embedded_posts(texts, reasons)
    kept = [text for text, reason in zip(texts, reasons, strict=True) if reason is None]
    removed = [RemovedBlock(text=text, reason=reason)
               for text, reason in zip(texts, reasons, strict=True) if reason is not None]
    return kept, removed


def _glued_lead(first: str, title: str | None) -> list[tuple[str, str]]:
    """The first line cut into what an export glued in front of the first sentence (the
    headline, a publication stamp: each with its reason) and the rest (reason ""); [] when
    nothing was glued."""
    lead: list[tuple[str, str]] = []
    if title and (parts := _glued_title(first, title)) is not None:
        lead.append((parts[0], "title"))
        first = parts[1]
    if (parts := _glued_date(first)) is not None:
        lead.append((parts[0], "dateline"))
        first = parts[1]
    return [*lead, (first, "")] if lead else []


# How far into the first paragraph an export's headline may begin, after a date or a
# "Posted on April 19 2017 by <site>" line glued in front of it.
MAX_GLUED_TITLE_OFFSET = 15


def _glued_title(line: str, title: str) -> list[str] | None:
    """The first line as [what leads up to the headline and the headline, rest] when the
    headline is glued onto the article's first sentence ("Wed 19 Apr 2017 <headline>. A bomb
    blast killed ..."), as some exports write the body. The rest must start a sentence: after
    the headline's own full stop, or with a capitalised word and a lowercase one (not "TV A
    bomb ..." after a headline cut short)."""
    wanted = _letters(title).split()
    pieces = re.split(r"(\s+)", line)
    words = pieces[::2]
    if len(wanted) < 2:
        return None
    for at in range(min(MAX_GLUED_TITLE_OFFSET, len(words) - 1) + 1):
        end = _title_end(words, at, wanted)
        if end is None:
            continue
        head = "".join(pieces[:2 * end - 1])
        rest = "".join(pieces[2 * end:]).strip()
        following = rest.split()[:2]
        starts = head.rstrip()[-1:] in ".:|-–—" or (
            len(following) == 2 and following[0][:1].isupper() and following[1][:1].islower())
        if rest and _GLUED_DATE.match(rest):  # "<headline> AFP Tuesday 5 Jul 2016 A bomber"
            return [head, rest]
        # after the headline's full stop a sentence may open with a figure ("6 people died")
        opens = rest[:1].isupper() or rest[:1].isdigit() and head.rstrip().endswith(".")
        return [head, rest] if rest and opens and starts else None
    return None


def _title_end(words: list[str], at: int, wanted: list[str]) -> int | None:
    """The index after the last of `words` from `at` that spell the headline's words
    ("U.S." is the headline's "u s"), or None."""
    found: list[str] = []
    for end in range(at, len(words)):
        found += _letters(words[end]).split()
        if found != wanted[:len(found)]:
            return None
        if len(found) == len(wanted):
            return end + 1
    return None


# A publication stamp an export wrote in front of the first sentence, or between the headline
# and the lead: "19 Apr 2017 The blast happened ...", "Wed 05 Apr 2017 Victims of ...",
# "Published July 5 2016 A bomber ...", "Date of publication 5 July 2016 ...", "Last updated at
# Apr 052017 ...", "01.02.2015 ...", "AFP Tuesday 5 Jul 2016 ..." (a wire's credit and the day),
# "Fri 07 Apr 2017 at 0914 ...", "August 13 2016 2037 UTC+3 ...".
_MONTH = r"(?:" + "|".join(m.capitalize() for m in MONTH_NUMBER) + r")[a-z]{0,6}\.?"
_STAMP_WORDS = (r"(?:(?:first |last )?(?:published|posted|updated|modified)(?: (?:on|at))?"
                r"|date of publication)\s*:?\s+")
_CREDIT = wire_pattern() + r"\s+"
_STAMP_DAY = (r"(?:\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2},?\s*\d{4}"
              r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})")
_STAMP_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:?\d{2}(?:\s*(?:[ap]\.?m\.?|UTC|GMT)(?:[+-]\d{1,2})?)?)?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_STAMP = rf"{_WEEKDAY}{_STAMP_DAY}{_STAMP_TIME}"
# A bare date must be followed by a sentence's start (a capitalised word, then a lowercase one,
# or "A"/"I" and one): a date that leads into a headline-like run of capitals may be the
# headline's own. A stamp word or a wire's credit says it is a stamp: any capital, digit or
# quotation mark may follow.
_GLUED_DATE = re.compile(
    rf"^(?:(?:(?i:{_STAMP_WORDS})|{_CREDIT}){_STAMP}\s*(?=[A-Z0-9\"“'])"
    rf"|{_STAMP}\s+(?=[A-Z][a-z]*\s+[a-z]))")


def _glued_date(line: str) -> list[str] | None:
    """The first line as [stamp, rest] when it opens with a publication stamp glued onto a
    sentence."""
    match = _GLUED_DATE.match(line)
    if not match or not line[match.end():].strip():
        return None
    return [line[:match.end()].strip(), line[match.end():]]


def _mark_title(texts: list[str], reasons: list[str | None], title: str) -> None:
    for index, text in enumerate(texts):
        if reasons[index] is None and _is_title(text, title, first=index == 0):
            reasons[index] = "title"
    if len(texts) > 1 and reasons[0] == "title" and reasons[1] is None and _is_standfirst(texts[1]):
        reasons[1] = "standfirst"


def _is_standfirst(line: str) -> bool:
    """A deck under the headline: one unpunctuated sentence (a heading would be shorter)."""
    words = _words(line)
    return MIN_STANDFIRST_WORDS <= words <= MAX_STANDFIRST_WORDS and not _SENTENCE_END.search(line)


def _mark_tag_runs(texts: list[str], reasons: list[str | None]) -> None:
    """Tag lists often put one tag a line after the "Tags" label."""
    for index in range(1, len(texts)):
        previous = texts[index - 1]
        follows_tags = reasons[index - 1] == "tag-list" or (
            reasons[index - 1] is not None and TAG_LABEL.search(previous) is not None)
        # a one-word tag may already be marked as a heading; "tag-list" is the better reason
        unclaimed = reasons[index] in (None, "heading")
        if follows_tags and unclaimed and _words(texts[index]) <= MAX_TAG_WORDS \
                and not _SENTENCE_END.search(texts[index]):
            reasons[index] = "tag-list"


_HANDLE_LINE = re.compile(r"^@\w{1,15}$")


def _mark_embedded_posts(texts: list[str], reasons: list[str | None]) -> None:
    """An embedded post set as two lines, the account's handle and then its name and words
    ("@AP_CorpComm" / "AP CorpComm That is a bogus tweet."): the post is what the account
    wrote, which the story quotes, not what the story states (a hoax tweet both sources quoted
    was listed as a fact they corroborate)."""
    for index in range(1, len(texts)):
        # (a post without a full stop may look like a heading)
        if _HANDLE_LINE.match(texts[index - 1]) and reasons[index] in (None, "heading") \
                and _words(texts[index]) <= MAX_TWEET_EMBED_WORDS:
            reasons[index - 1] = reasons[index] = "tweet-embed"


def _mark_pitches(texts: list[str], reasons: list[str | None]) -> None:
    """A promotion box is a heading ("Our Newsletter") and one short pitch."""
    for index in range(1, len(texts)):
        previous = texts[index - 1]
        after_promo_heading = reasons[index - 1] == "promo" and PITCH_HEADING.search(previous)
        short = _words(texts[index]) <= MAX_PITCH_WORDS
        if after_promo_heading and reasons[index] is None and short:
            reasons[index] = reasons[index - 1]


def clean_lines(text: str, rules: Iterable[Rule] = RULES,
                title: str | None = None) -> tuple[str, list[RemovedBlock]]:
    """Clean scraped text: one paragraph a line in the result, boilerplate listed with reasons."""
    kept, removed = filter_lines(text.splitlines(), rules, title)
    return "\n".join(kept), removed
