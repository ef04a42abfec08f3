from django.utils import translation

from exhibitors.models import new_reference_code
from exhibitors.templatetags.spelling import spelled


def test_a_code_is_spelled_one_character_at_a_time_with_the_hyphen_named():
    with translation.override("ru"):
        assert spelled("MNA-VF34") == "M, N, A, дефис, V, F, 3, 4"


def test_every_character_of_a_new_code_is_spelled_apart():
    code = new_reference_code()

    with translation.override("kk"):
        characters = spelled(code).split(", ")

    assert characters == [*code[:3], "дефис", *code[4:]]
