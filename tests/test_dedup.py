import datetime as dt

from newsfuse.config import ClusterConfig
from newsfuse.dedup import groups_of, near_duplicate_groups, shingles, source_voices
from newsfuse.model import Article

WIRE = (
    "Flood waters rose above the old stone bridge in Marlow Creek on Tuesday night, forcing "
    "the evacuation of forty-two homes along the eastern bank. The county emergency office "
    "said two volunteers were treated for hypothermia after pulling a driver from a stranded "
    "van. Pumping crews from three neighbouring towns worked through the night, and the "
    "mayor asked residents to avoid the riverside road until engineers inspect the bridge. "
    "Rainfall this month is already double the seasonal average, the weather service said."
)
OTHER_STORY = (
    "The Marlow Creek council approved a new library budget on Tuesday after a long debate "
    "about opening hours. Councillors agreed to keep the branch open on Sunday afternoons and "
    "to buy two hundred new children's books. The librarian thanked the volunteers who ran a "
    "reading club during the summer and said visitor numbers had grown by a third."
)


def article(article_id: str, body: str, published: dt.date | None = None,
            title: str | None = None) -> Article:
    return Article(id=article_id, body=body, published=published, title=title)


def test_syndicated_copy_and_light_edit_share_one_representative():
    edited = WIRE.replace("Tuesday night", "late Tuesday") + " Schools will open as usual."
    articles = [
        article("local", WIRE, dt.date(2024, 3, 6), title="Bridge flood forces evacuations"),
        article("wire", WIRE, dt.date(2024, 3, 5), title="Floods in Marlow Creek"),
        article("edited", edited, dt.date(2024, 3, 6)),
        article("council", OTHER_STORY, dt.date(2024, 3, 5)),
    ]
    groups = near_duplicate_groups(articles, ClusterConfig())
    # The earliest copy represents the group; the unrelated story stands alone.
    assert groups == {"local": "wire", "wire": "wire", "edited": "wire", "council": "council"}
    assert groups_of(groups) == {"wire": ["wire", "local", "edited"], "council": ["council"]}


def test_same_topic_different_story_is_not_a_duplicate():
    rewrite = (
        "Engineers closed the stone bridge at Marlow Creek on Wednesday after floods damaged its "
        "foundations. Residents of the eastern bank may return home on Friday, officials said, "
        "while a temporary footbridge is built downstream by army engineers."
    )
    groups = near_duplicate_groups([article("a", WIRE), article("b", rewrite)])
    assert groups == {"a": "a", "b": "b"}


def test_threshold_comes_from_config():
    half = WIRE[: len(WIRE) // 2]
    articles = [article("full", WIRE), article("half", half)]
    assert near_duplicate_groups(articles, ClusterConfig(duplicate_jaccard=0.3))["half"] == "full"
    # half of the text lies wholly inside the other: a trimmed copy by containment, unless
    # the containment share asked for is out of reach
    assert near_duplicate_groups(articles, ClusterConfig(duplicate_jaccard=0.9))["half"] == "full"
    strict = ClusterConfig(duplicate_jaccard=0.9, duplicate_containment=1.01)
    assert near_duplicate_groups(articles, strict)["half"] == "half"


def test_empty_and_short_articles_do_not_crash():
    assert near_duplicate_groups([]) == {}
    groups = near_duplicate_groups([article("e", ""), article("s", "Short note.")])
    assert groups == {"e": "e", "s": "s"}
    assert shingles("one two") == {"one two"}


def test_chinese_copies_are_near_duplicates_and_other_stories_are_not():
    """Chinese has no spaces: characters are the shingle units, so a copy with one changed
    figure is still a copy, and another story on the same town is not."""
    from newsfuse.dedup import near_duplicate_groups
    from newsfuse.model import Article

    story = ("松江大桥周一因桥墩出现裂缝而全面封闭，交通局表示工程师正在检查桥梁结构。"
             "公交线路将绕行至东门路，市政府计划下个月公布维修方案。")
    copy = story.replace("下个月", "本月底")
    other = "松江市图书馆周末举办读书节，数千名市民参加了活动，馆长说明年将继续举办。"
    groups = near_duplicate_groups([Article(id="a", body=story), Article(id="b", body=copy),
                                    Article(id="c", body=other)])
    assert groups["b"] == groups["a"] and groups["c"] == "c"


# Invented paragraphs of one ferry story; a partial page keeps its last paragraphs word for word.
FERRY = [
    f"Paragraph {n}: the harbour board of Kesselby met crew delegate {name} on day {n} of the "
    f"strike, and {n * 3} sailings to the outer islands were cancelled while {name} asked for "
    f"a written offer on rest hours, night rates and the {n}th clause of the old contract."
    for n, name in enumerate(["Ilse Varga", "Tomas Orlev", "Aino Brekke", "Jules Mbeki",
                              "Rosa Kettle", "Piet Laane", "Mira Osk", "Ole Dunn",
                              "Kai Reno", "Lene Haas", "Bo Strand", "Ada Vinter"], start=1)]


def test_a_partial_copy_is_found_whatever_the_hashes_propose():
    """A page holding 5 of another outlet's 12 paragraphs word for word (Jaccard ~0.4, all of
    its shingles inside the other) is one source: LSH's bands alone found 9 of these 12, so
    within an event every pair is compared."""
    found = 0
    for shift in range(12):
        paragraphs = FERRY[shift:] + FERRY[:shift]
        whole = article("full", " ".join(paragraphs))
        half = article("half", " ".join(paragraphs[7:]))
        found += near_duplicate_groups([whole, half], ClusterConfig()) == {"full": "full",
                                                                           "half": "full"}
    assert found == 12


LIBRARY_VOTE = ("The Tarrow council voted on Monday to close the Keller Street library at the "
                "end of March. Councillors said the closure would save the town about 90,000 "
                "pounds a year, and that the building would be sold.")


def test_one_outlets_versions_share_a_voice_and_its_other_stories_do_not():
    def article(id_: str, body: str, outlet: str | None = "Tarrow Times") -> Article:
        return Article(id=id_, body=body, source=outlet)

    update = article("b", LIBRARY_VOTE + " The library's 11 staff will be offered other posts, "
                          "a council spokeswoman said on Tuesday.")
    other_story = article("c", "About 300 people marched to the Keller Street library on "
                               "Saturday to protest against its closure. Organisers handed a "
                               "petition to the mayor.")
    copy = article("d", LIBRARY_VOTE, outlet="Wire Desk")
    voices = source_voices([article("a", LIBRARY_VOTE), update, other_story, copy],
                           {"a": "a", "b": "b", "c": "c", "d": "a"})
    assert voices["a"] == voices["b"] == voices["d"]  # an updated version, a copy
    assert voices["c"] != voices["a"]  # the same outlet's report of another day
    # without an outlet name only copies share a voice
    assert source_voices([article("a", LIBRARY_VOTE, None), article("b", LIBRARY_VOTE, None)],
                         {"a": "a", "b": "b"}) == {"a": "a", "b": "b"}
