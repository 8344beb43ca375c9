import pytest

from sphinx_chronology.reading.yamldata import MAX_DEPTH, load, split_front_matter


def test_lines_of_nested_keys_and_items() -> None:
    loaded = load("title: T\ndelegations:\n  us:\n    - person: a\n      lead: true\n", first_line=2)
    assert loaded.line(("title",)) == 2
    assert loaded.line(("delegations", "us", 0, "person")) == 5
    assert loaded.line(("delegations", "us", 0, "lead")) == 6
    assert loaded.line(("delegations", "us", 0, "nothing")) == 5


def test_dates_stay_strings_and_commas_stay_in_values() -> None:
    loaded = load('date: 2014-07-15\nplace: {venue: "Sunnylands, CA"}\n')
    assert loaded.data == {"date": "2014-07-15", "place": {"venue": "Sunnylands, CA"}}


def test_duplicate_keys_are_reported_not_dropped_silently() -> None:
    loaded = load("title: A\ntitle: B\n")
    assert loaded.errors == [(2, "key 'title' appears twice; the later value wins, merge them")]


def test_malformed_yaml_is_located_at_its_start() -> None:
    loaded = load('title: "open\ndate: 2014\n', first_line=2)
    assert loaded.data is None
    assert loaded.errors[0][0] == 2


def test_split_front_matter_counts_lines() -> None:
    assert split_front_matter("---\na: 1\nb: 2\n---\nbody\n") == ("a: 1\nb: 2\n", "body\n", 4)
    assert split_front_matter("# no front matter\n") is None


ALIAS = "YAML aliases (*name) are not supported in chronology data; write the value out where it is used"


def test_aliases_are_refused_before_anything_is_built() -> None:
    """A self-referring alias would recurse without end, ten-fold nested aliases would fill the memory."""
    assert load("title: T\nrelated: &r [1, *r]\n", first_line=2).errors == [(3, ALIAS)]
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcdef", "bcdefg", strict=True)
    )
    loaded = load(bomb)
    assert loaded.data is None and loaded.errors == [(2, ALIAS)]
    assert load("title: T\nplace: &p {city: X}\nother: *p\n").errors == [(3, ALIAS)]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: T\nkind: call\n\tstatus: held\n", 3, "a tab character; YAML indents with spaces only"),
        ("a:\n  b: 1\n\tc: 2\n", 3, "a tab character"),
        ('title: T\nkind: "call\nstatus: held\nformat: virtual\n', 2, "never closed"),
        ('title: T\nkind: "call\nstatus: held\nplace: {venue: "X"}\n', 2, "not closed on its line"),
        ('title: T\nkind: call\nnote: "open\n', 3, "is never closed"),
        ("title: Talks: the first\n", 1, "a colon followed by a space inside a value"),
        ("title: T\ntopics: [a, b\nkind: call\n", 2, "the bracket opened on this line is not closed"),
        ("- a list\ndate: 2014\n", 1, "a list (lines starting with '-') where fields are expected"),
    ],
)
def test_yaml_mistakes_are_said_in_plain_words_at_their_line(text: str, line: int, words: str) -> None:
    """PyYAML notices a mistake later, in its grammar's words ("did not find expected key" for a quotation
    mark left open lines above); the author is told what to fix, where."""
    (found_line, message), *_ = load(text, first_line=1).errors
    assert (found_line, words in message) == (line, True), message


def test_deep_or_huge_yaml_is_refused_not_a_traceback_or_a_long_wait() -> None:
    """999 levels of nesting ended in RecursionError; a 6 MB list took 20 s to read."""
    deep = "a: " + "[" * 999 + "]" * 999 + "\n"
    assert load(deep, first_line=2).errors == [(2, f"values nested more than {MAX_DEPTH} levels deep; " + NESTED)]
    block = "".join("  " * level + f"k{level}:\n" for level in range(999))
    assert load(block).errors[0][0] == MAX_DEPTH + 1
    huge = "a: [" + ", ".join(["x"] * 1_000_000) + "]\n"
    ((line, message),) = load(huge, first_line=2).errors
    assert line == 2 and "more than the 2,000,000 read; split the file" in message


NESTED = "chronology data needs only a few levels"
