"""The admin names a model after a colon: «Изменение: тема», not «Изменить тема».

Django puts the model's name, in the nominative, after a verb that wants
another case, or before a past tense of one gender («тема … был удален»);
locale/contrib words its titles, buttons and messages so that neither matters,
in Russian and, alike, in Kazakh (which would start them with a lower-case name).
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import ThemeFactory

TEXTS = {
    "ru": {
        "list": "Выбор для изменения: тема",
        "add button": "Добавить: тема",
        "add": "Добавление: тема",
        "change": "Изменение: тема",
        "delete": "Удаление: тема «Тема 1». Вы уверены?",
        "deleted": "Удалено: тема «Тема 1».",
    },
    "kk": {
        "list": "Өзгерту үшін таңдау: тақырып",
        "add button": "Қосу: тақырып",
        "add": "Қосу: тақырып",
        "change": "Өзгерту: тақырып",
        "delete": "Жою: тақырып «Тақырып 1». Сенімдісіз бе?",
        "deleted": "Жойылды: тақырып «Тақырып 1».",
    },
}


def texts_of(pattern, response):
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", "", text)).split())
        for text in re.findall(pattern, response.text, re.S)
    ]


@pytest.mark.parametrize("language", TEXTS)
def test_titles_buttons_and_messages_name_the_model_after_a_colon(client, superuser, language):
    theme = ThemeFactory(name_kk="Тақырып 1", name_ru="Тема 1")
    client.force_login(superuser)
    client.cookies["django_language"] = language
    changelist = client.get(reverse("admin:exhibitors_theme_changelist"))
    add = client.get(reverse("admin:exhibitors_theme_add"))
    change = client.get(reverse("admin:exhibitors_theme_change", args=[theme.pk]))
    delete_url = reverse("admin:exhibitors_theme_delete", args=[theme.pk])
    delete = client.get(delete_url)
    deleted = client.post(delete_url, {"post": "yes"}, follow=True)

    texts = TEXTS[language]
    assert texts_of(r"<h1>(.*?)</h1>", changelist) == [texts["list"]]
    assert texts_of(r'<a [^>]*class="addlink">(.*?)</a>', changelist) == [texts["add button"]]
    assert texts_of(r"<h1>(.*?)</h1>", add) == [texts["add"]]
    assert texts_of(r"<h1>(.*?)</h1>", change) == [texts["change"]]
    assert texts_of(r"<p>(.*?)</p>", delete)[0].startswith(texts["delete"])
    assert [str(message) for message in deleted.context["messages"]] == [texts["deleted"]]
