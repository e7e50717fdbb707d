from benchmarks.faithfulness import check_numbers
from newsfuse.model import EventReport, SummarySentence


def report_with(text: str, sources: list[str]) -> EventReport:
    return EventReport(title="t", articles=[],
                       summary=[SummarySentence(text=text, sources=sources)],
                       corroborated=[], conflicts=[], unique=[], quotes=[], entities=[],
                       timeline=[])


def test_numbers_must_be_in_a_cited_source():
    bodies = {"a": "The storm killed 1,200 people.", "b": "Winds reached 150 km/h."}
    good = check_numbers(report_with("It killed 1,200 people.", ["a"]), bodies)
    assert (good.checked, good.found) == (1, 1)
    wrong_source = check_numbers(report_with("It killed 1,200 people.", ["b"]), bodies)
    assert (wrong_source.checked, wrong_source.found) == (1, 0) and wrong_source.rate == 0
