import pytest
from django.core.management import CommandError, call_command

from events.models import Forum
from exhibitors.models import Booth, Organisation
from exhibitors.validators import validate_bin
from forum_site import services
from tests.factories import BoothFactory


def test_make_sample_builds_a_labelled_sample_edition_with_n_booths(article_forum):
    call_command("make_sample", booths=25, verbosity=0)

    sample = Forum.objects.get(is_sample=True)
    assert sample.slug == "sample"
    assert "үлгі" in sample.title_kk.lower() and "образец" in sample.title_ru.lower()
    assert sample.booths.filter(status=Booth.Status.APPROVED).count() == 25
    assert sorted(sample.booths.values_list("number", flat=True)) == list(range(1, 26))
    assert Forum.objects.current() == article_forum


def test_make_sample_organisations_have_valid_bins_and_search_text(db):
    call_command("make_sample", booths=5, verbosity=0)

    for organisation in Organisation.objects.all():
        validate_bin(organisation.bin)
        assert organisation.search_text == organisation.search_text.lower() != ""
        assert organisation.sort_key_kk and organisation.sort_key_ru


def test_make_sample_again_replaces_the_sample_and_keeps_the_article(article_forum):
    call_command("make_sample", booths=30, verbosity=0)

    call_command("make_sample", booths=10, verbosity=0)

    assert Forum.objects.filter(is_sample=True).count() == 1
    assert Booth.objects.count() == 10
    assert Organisation.objects.count() == 20 + 10
    assert article_forum.awards.count() == 20


def test_sample_booths_get_reference_codes_no_other_booth_has(db, monkeypatch):
    BoothFactory(reference_code="AAA-AAAA")
    # Drawn codes that meet a booth already saved and one another, as random ones can.
    drawn = iter(["AAA-AAAA", "CCC-CCCC", "CCC-CCCC", "DDD-DDDD"])
    monkeypatch.setattr(services, "new_reference_code", lambda rng: next(drawn))

    sample = services.sample_edition_create(booths=2)

    codes = sorted(sample.booths.values_list("reference_code", flat=True))
    assert codes == ["CCC-CCCC", "DDD-DDDD"]


def test_make_sample_refuses_a_negative_count(db):
    with pytest.raises(CommandError):
        call_command("make_sample", booths=-1, verbosity=0)
