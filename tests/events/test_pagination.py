import pytest
from django.core.paginator import Paginator

from events.templatetags.pagination import page_window


def window(number, *, pages=84):
    return page_window(Paginator(range(pages * 24), 24).page(number))


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, [1, 2, 3, None, 84]),
        (2, [1, 2, 3, 4, None, 84]),
        (5, [1, 2, 3, 4, 5, 6, 7, None, 84]),
        (6, [1, None, 4, 5, 6, 7, 8, None, 84]),
        (42, [1, None, 40, 41, 42, 43, 44, None, 84]),
        (80, [1, None, 78, 79, 80, 81, 82, 83, 84]),
        (84, [1, None, 82, 83, 84]),
    ],
)
def test_the_window_holds_the_ends_and_two_pages_each_side_of_the_current_one(number, expected):
    assert window(number) == expected


def test_a_short_list_shows_every_page():
    assert window(3, pages=6) == [1, 2, 3, 4, 5, 6]


def test_a_gap_never_stands_for_a_single_page():
    # Page 5: leaving out page 2 alone would save nothing.
    assert window(5, pages=9) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
