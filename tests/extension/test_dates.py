import pytest

from sphinx_chronology.model.dates import DateError, PartialDate, display_range, ends_before, parse_date, sort_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014", PartialDate(2014)),
        ("2014-10", PartialDate(2014, 10)),
        ("2014-07-15", PartialDate(2014, 7, 15)),
        (2014, PartialDate(2014)),
    ],
)
def test_parse_precisions(text: object, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2015-02-30", "2014-13", "July 2014", "14-07-15", "", True])
def test_parse_rejects(text: object) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_partial_dates_display_as_partial() -> None:
    assert parse_date("2014-10").display() == "October 2014"
    assert parse_date("2014").display() == "2014"
    assert parse_date("2014-07-15").display() == "July 15, 2014"


@pytest.mark.parametrize(
    ("start", "end", "approximate", "expected"),
    [
        ("2016-07-24", "2016-07-27", False, "July 24–27, 2016"),
        ("2017-06-30", "2017-07-02", False, "June 30 – July 2, 2017"),
        ("2016-12-31", "2017-01-02", False, "December 31, 2016 – January 2, 2017"),
        ("2016-03", None, True, "c. March 2016"),
        ("2014-07", "2014-08", False, "July 2014 – August 2014"),
    ],
)
def test_display_range(start: str, end: str | None, approximate: bool, expected: str) -> None:
    assert display_range(parse_date(start), parse_date(end) if end else None, approximate) == expected


def test_sorting_is_total_date_then_precision_then_id() -> None:
    keys = [("b", "2014-07-15"), ("a", "2014-07-15"), ("x", "2014-07"), ("y", "2014"), ("z", "2014-08")]
    ordered = sorted(keys, key=lambda item: sort_key(parse_date(item[1]), item[0]))
    assert [k for k, _ in ordered] == ["y", "x", "a", "b", "z"]


def test_ends_before_respects_precision() -> None:
    assert ends_before(parse_date("2014-07-15"), parse_date("2014-07-14"))
    assert not ends_before(parse_date("2014-07-15"), parse_date("2014-07"))
    assert ends_before(parse_date("2014-07-15"), parse_date("2014-06"))
