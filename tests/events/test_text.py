import pytest

from events.text import alphabet_sort_key, normalise, slugify_kk


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Қазақстандық саңыраулар қоғамы", "qazaqstandyq-sanyraular-qogamy"),
        ("«Өмір тынысы» ҚБ", "omir-tynysy-qb"),
        ("Әлеуметтік жобалар форум-көрмесі", "aleumettik-zhobalar-forum-kormesi"),
        ("Үміт, Ұлағат, Һәм, Ізгілік, Ғибрат, Ңң", "umit-ulagat-ham-izgilik-gibrat-nn"),
        ("Щедрость и счастье", "shchedrost-i-schaste"),
        ("QazTech Development 2025", "qaztech-development-2025"),
    ],
)
def test_slugify_kk_transliterates_every_kazakh_letter(text, slug):
    assert slugify_kk(text) == slug


def test_slugify_kk_of_punctuation_only_is_empty():
    assert slugify_kk("«» — !") == ""


def test_normalise_folds_kazakh_capitals():
    assert normalise("ӘҒҚҢӨҰҮҺІ") == "әғқңөұүһі"


KAZAKH_ALPHABET = (
    "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я"
)


def test_kazakh_sort_key_follows_the_kazakh_alphabet():
    letters = KAZAKH_ALPHABET.split()
    shuffled = sorted(letters, key=lambda letter: ord(letter))  # code point order differs
    assert shuffled != letters
    assert sorted(shuffled, key=lambda letter: alphabet_sort_key(letter, "kk")) == letters


def test_russian_sort_key_puts_kazakh_letters_beside_their_russian_base():
    names = ["Ыбырай", "Іле", "Ұлт", "Уфа", "Өмір", "Орал", "Ясли", "Әлем", "Бақыт"]
    ordered = sorted(names, key=lambda name: alphabet_sort_key(name, "ru"))
    assert ordered == ["Әлем", "Бақыт", "Іле", "Орал", "Өмір", "Уфа", "Ұлт", "Ыбырай", "Ясли"]


def test_sort_key_ignores_quotes_and_case():
    names = ["«Болашақ» қоры", "альрами", "Әлеуметтік орталық", "ҚР жұп би федерациясы"]
    ordered = sorted(names, key=lambda name: alphabet_sort_key(name, "kk"))
    assert ordered == ["альрами", "Әлеуметтік орталық", "«Болашақ» қоры", "ҚР жұп би федерациясы"]


def test_sort_key_puts_a_shorter_word_before_its_continuation():
    assert alphabet_sort_key("Нұр", "kk") < alphabet_sort_key("Нұр орталығы", "kk")
    assert alphabet_sort_key("Нұр орталығы", "kk") < alphabet_sort_key("Нұра", "kk")
