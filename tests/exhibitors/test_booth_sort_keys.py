from exhibitors.models import Booth
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory


def test_a_booth_sorts_and_is_found_by_its_organisations_name(db):
    forum = ForumFactory()
    first = BoothFactory(
        forum=forum, organisation=OrganisationFactory(name_kk="Әлем", name_ru="Алем")
    )
    last = BoothFactory(
        forum=forum, organisation=OrganisationFactory(name_kk="Үміт", name_ru="Умит")
    )

    listing = list(Booth.objects.filter(forum=forum).for_listing("kk"))

    assert listing == [first, last]
    assert list(Booth.objects.search("үміт")) == [last]


def test_renaming_an_organisation_reorders_and_re_indexes_its_booths(db):
    forum = ForumFactory()
    renamed = BoothFactory(
        forum=forum, organisation=OrganisationFactory(name_kk="Әлем", name_ru="Алем")
    )
    other = BoothFactory(
        forum=forum, organisation=OrganisationFactory(name_kk="Бірлік", name_ru="Бирлик")
    )

    organisation = renamed.organisation
    organisation.name_kk, organisation.name_ru = "Ұлағат", "Улагат"
    organisation.save()

    assert list(Booth.objects.filter(forum=forum).for_listing("kk")) == [other, renamed]
    assert list(Booth.objects.filter(forum=forum).for_listing("ru")) == [other, renamed]
    assert list(Booth.objects.search("ұлағат")) == [renamed]
    assert list(Booth.objects.search("әлем")) == []
