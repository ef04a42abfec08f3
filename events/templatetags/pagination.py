"""The page numbers a paginated list links to."""

from django import template

register = template.Library()

# The current page with two on each side, and the first and the last page:
# at most nine numbers (1 … 40 41 42 43 44 … 84), which wrap onto a second
# line at 320px rather than scroll sideways.
ON_EACH_SIDE = 2
ON_ENDS = 1


@register.simple_tag
def page_window(page_obj):
    """The page numbers to show around `page_obj`, in order, with None where pages are left out.

    Built from the paginator's count, which the list has already fetched: no query.
    """
    pages = page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS
    )
    return [number if isinstance(number, int) else None for number in pages]
