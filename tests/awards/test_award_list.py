import pytest
from django.core.exceptions import ValidationError

from awards.models import Award
from events.text import alphabet_sort_key
from tests.factories import AwardFactory, ForumFactory, OrganisationFactory


def recipients(response):
    return [award.recipient for award in response.context["awards"]]


def test_awards_follow_the_kazakh_alphabet_on_kazakh_pages(client, article_forum):
    response = client.get("/kk/awards/")

    assert recipients(response) == [
        "«Альрами» клуб үйі",
        "Әлеуметтік инклюзивті бағдарламалар орталығы",
        "«Бақытты Шаңырақ» ҚБ",
        "«Болашақ» қоры",
        "Еуразиялық инклюзивті қоғамды дамыту қауымдастығы",
        "«Қазақстандық саңыраулар қоғамы» ҚБ",
        "ҚР жұп би федерациясы",
        "«Мирас-А» қайырымдылық қоры",
        "«Особые праздники» ҚҚ",
        "«Өмір тынысы» ҚБ",
        "«Плюс один» қайырымдылық қоры",
        "Ұлттық еріктілер желісі",
        "«Фомальгаут» мүгедектер ҚБ",
        "«Ыбырай» ҚҚ",
        "«Balam AI» әлеуметтік стартапы",
        "«Bulan» әлеуметтік стартапы",
        "«Dos Ortopedia» компаниясы",
        "«HandInHand» әлеуметтік стартапы",
        "«Inclusive Academy» халықаралық жобасы",
        "«QazTech Development» ЖШС",
    ]


def test_awards_follow_the_russian_alphabet_on_russian_pages(client, article_forum):
    response = client.get("/ru/awards/")

    names = recipients(response)
    # A name known only in Kazakh sorts among the Russian ones (Ә as А).
    assert names[:3] == [
        "Әлеуметтік инклюзивті бағдарламалар орталығы",
        "Благотворительный фонд «Мирас-А»",
        "Благотворительный фонд «Плюс один»",
    ]
    assert names == sorted(names, key=lambda name: alphabet_sort_key(name, "ru"))


def test_kazakh_and_russian_orders_differ_where_the_alphabets_do(client, db):
    forum = ForumFactory(slug="orders")
    for name in ["Іргетас", "Ыбырай", "Игілік"]:
        AwardFactory(forum=forum, organisation=OrganisationFactory(name_kk=name, name_ru=name))

    kk = recipients(client.get("/kk/archive/orders/awards/"))
    ru = recipients(client.get("/ru/archive/orders/awards/"))

    assert kk == ["Игілік", "Ыбырай", "Іргетас"]
    assert ru == ["Игілік", "Іргетас", "Ыбырай"]


def test_an_award_to_a_recipient_that_is_not_an_organisation(client, db):
    forum = ForumFactory(slug="free-text")
    Award.objects.create(
        forum=forum, recipient_name_kk="Еріктілер тобы", recipient_name_ru="Группа волонтёров"
    )

    assert recipients(client.get("/ru/archive/free-text/awards/")) == ["Группа волонтёров"]


def test_an_award_needs_a_recipient(db):
    award = Award(forum=ForumFactory())

    with pytest.raises(ValidationError):
        award.full_clean()
