"""Every change list of the admin runs as many queries for many rows as for few (no N+1).

Each model's list is opened with a few rows, then with many more, as a staff
member of the role that edits it sees it: a column that reads a related object
row by row (a missing list_select_related) adds a query per row.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Appearance, Performance, Person, Statement
from tests.factories import (
    AwardFactory,
    BoothFactory,
    ForumFactory,
    OrganisationFactory,
    ProgrammeItemFactory,
    ThemeFactory,
)


def person(n):
    return Person.objects.create(
        name_kk=f"Айгүл {n}", name_ru=f"Айгуль {n}", position_kk="Директор"
    )


# url, role, one row of it
LISTS = {
    "forum": ("/admin/events/forum/", "editor", lambda n: ForumFactory()),
    "programme-item": (
        "/admin/events/programmeitem/",
        "editor",
        lambda n: ProgrammeItemFactory(),
    ),
    "person": ("/admin/events/person/", "editor", person),
    "appearance": (
        "/admin/events/appearance/",
        "editor",
        lambda n: Appearance.objects.create(
            programme_item=ProgrammeItemFactory(), person=person(n)
        ),
    ),
    "statement": (
        "/admin/events/statement/",
        "editor",
        lambda n: Statement.objects.create(
            forum=ForumFactory(),
            person=person(n),
            programme_item=ProgrammeItemFactory(),
            text_kk="Сөз",
            text_ru="Слово",
        ),
    ),
    "performance": (
        "/admin/events/performance/",
        "editor",
        lambda n: Performance.objects.create(
            forum=ForumFactory(), performer_kk="Әнші", performer_ru="Певица"
        ),
    ),
    "award": ("/admin/awards/award/", "editor", lambda n: AwardFactory()),
    "organisation": (
        "/admin/exhibitors/organisation/",
        "moderator",
        lambda n: OrganisationFactory(),
    ),
    "theme": ("/admin/exhibitors/theme/", "editor", lambda n: ThemeFactory()),
    "booth": ("/admin/exhibitors/booth/", "moderator", lambda n: BoothFactory()),
    "booth-as-editor": ("/admin/exhibitors/booth/", "editor", lambda n: BoothFactory()),
}


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


@pytest.mark.parametrize("name", LISTS)
def test_a_change_list_runs_as_many_queries_for_many_rows_as_for_few(db, client, request, name):
    url, role, make = LISTS[name]
    client.force_login(request.getfixturevalue(role))
    for n in range(2):
        make(n)
    few = queries_of(client, url)

    for n in range(2, 14):
        make(n)
    many = queries_of(client, url)

    assert len(many) == len(few), "\n".join(many)


# Change pages whose inlines list many rows, each naming a person: {name: (url of the
# parent, role, add one row to the parent)}.
def edition_with_statements():
    forum = ForumFactory()
    item = ProgrammeItemFactory(forum=forum)
    ProgrammeItemFactory(forum=forum)

    def add_statement(n):
        Statement.objects.create(
            forum=forum, person=person(n), programme_item=item, order=n, text_kk="Сөз"
        )

    return f"/admin/events/forum/{forum.pk}/change/", add_statement


def programme_item_with_speakers():
    item = ProgrammeItemFactory()

    def add_appearance(n):
        Appearance.objects.create(programme_item=item, person=person(n), order=n)

    return f"/admin/events/programmeitem/{item.pk}/change/", add_appearance


CHANGE_PAGES = {
    "edition-statements": edition_with_statements,
    "programme-item-speakers": programme_item_with_speakers,
}


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_a_change_page_runs_as_many_queries_for_many_inline_rows_as_for_few(
    db, client, editor, name
):
    url, add_row = CHANGE_PAGES[name]()
    client.force_login(editor)
    for n in range(2):
        add_row(n)
    # The first request also loads what later ones find cached (the rows' content type).
    queries_of(client, url)
    few = queries_of(client, url)

    for n in range(2, 14):
        add_row(n)
    many = queries_of(client, url)

    assert len(many) == len(few), "\n".join(many)
