"""Writes that span the apps: loading the article's edition and making sample data."""

import random

from django.db import transaction

from awards.models import Award
from events.models import (
    ACCESS_FIELD_NAMES,
    Appearance,
    Forum,
    Performance,
    Person,
    ProgrammeItem,
    Statement,
)
from events.text import slugify_kk
from exhibitors.models import Booth, LegalForm, Organisation, Theme, new_reference_code
from exhibitors.validators import bin_check_digit

from . import caching, seed_data

SAMPLE_SLUG = "sample"


def _bilingual(field, values):
    """{"kk": a, "ru": b} -> {"field_kk": a, "field_ru": b}."""
    return {f"{field}_{language}": text for language, text in values.items()}


def themes_load():
    """Create or update the exhibition's themes named in the article."""
    themes = {}
    for order, theme in enumerate(seed_data.THEMES, start=1):
        themes[theme["slug"]], _ = Theme.objects.update_or_create(
            slug=theme["slug"], defaults={"order": order, **_bilingual("name", theme["name"])}
        )
    return themes


@transaction.atomic
def forum_load_article():
    """Load the edition of the source article, in Kazakh and Russian.

    Idempotent: every row is found by a natural key and updated, so running
    it twice leaves the same data. Returns the edition.
    """
    data = seed_data.FORUM
    forum, _ = Forum.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **_bilingual("title", data["title"]),
            **_bilingual("summary", data["summary"]),
            **_bilingual("city", data["city"]),
            **_bilingual("organiser", data["organiser"]),
            "participants_reported": data["participants_reported"],
            "participants_reported_is_minimum": data["participants_reported_is_minimum"],
            "exhibitors_reported": data["exhibitors_reported"],
            "status": Forum.Status.PUBLISHED,
            "is_sample": False,
        },
    )
    themes_load()

    people = {}
    for person in seed_data.PEOPLE:
        people[person["key"]], _ = Person.objects.update_or_create(
            name_kk=person["name"]["kk"],
            defaults={
                **_bilingual("name", person["name"]),
                **_bilingual("position", person["position"]),
            },
        )

    items = {}
    for order, item in enumerate(seed_data.PROGRAMME, start=1):
        items[item["key"]], _ = ProgrammeItem.objects.update_or_create(
            forum=forum,
            order=order,
            defaults={
                "kind": item["kind"],
                **_bilingual("title", item["title"]),
                **_bilingual("description", item["description"]),
                **_bilingual("topics", item.get("topics", {"kk": "", "ru": ""})),
            },
        )
        for speaker_order, key in enumerate(item.get("speakers", []), start=1):
            Appearance.objects.update_or_create(
                programme_item=items[item["key"]],
                person=people[key],
                role=Appearance.Role.SPEAKER,
                defaults={"order": speaker_order},
            )

    for order, statement in enumerate(seed_data.STATEMENTS, start=1):
        Statement.objects.update_or_create(
            forum=forum,
            order=order,
            defaults={
                "person": people[statement["person"]],
                "programme_item": items.get(statement["item"]),
                **_bilingual("text", statement["text"]),
            },
        )

    for order, performer in enumerate(seed_data.PERFORMANCES, start=1):
        Performance.objects.update_or_create(
            forum=forum, order=order, defaults=_bilingual("performer", performer)
        )

    for order, (legal_form, name_kk, name_ru) in enumerate(
        seed_data.AWARDED_ORGANISATIONS, start=1
    ):
        organisation, _ = Organisation.objects.update_or_create(
            name_kk=name_kk, defaults={"name_ru": name_ru, "legal_form": legal_form}
        )
        Award.objects.update_or_create(
            forum=forum, order=order, defaults={"organisation": organisation}
        )
    return forum


def _sample_bin(rng):
    """A random BIN with a valid check digit, so sample data passes validation."""
    while True:
        first_eleven = "".join(str(rng.randrange(10)) for _ in range(11))
        check = bin_check_digit(first_eleven)
        if check is not None:
            return first_eleven + str(check)


# Words with every Kazakh-only letter, so sample names exercise sort and search.
_SAMPLE_WORDS = [
    ("Әлем", "Алем"), ("Ғибрат", "Гибрат"), ("Қамқор", "Камкор"), ("Өркен", "Оркен"),
    ("Ұлағат", "Улагат"), ("Үміт", "Умит"), ("Һәм", "Хэм"), ("Ізгілік", "Изгилик"),
    ("Жаңа өмір", "Жана омир"), ("Бірлік", "Бирлик"), ("Мейірім", "Мейирим"),
    ("Шапағат", "Шапагат"), ("Асыл", "Асыл"), ("Береке", "Береке"), ("Нұр", "Нур"),
]  # fmt: skip


@transaction.atomic
def sample_edition_create(*, booths, seed=1):
    """Replace the sample edition with a new one holding `booths` approved booths.

    The edition is flagged as sample data, so it is never the current edition
    and its pages say it is made up. Returns the edition.
    """
    sample_edition_delete()
    rng = random.Random(seed)
    themes = list(themes_load().values())
    forum = Forum.objects.create(
        slug=SAMPLE_SLUG,
        title_kk="Үлгі форум (сынақ деректері)",
        title_ru="Образец форума (тестовые данные)",
        summary_kk="Көрсету және жүктеме сынағы үшін жасалған деректер. Бұл нақты форум емес.",
        summary_ru="Данные для демонстраций и нагрузочных тестов. Это не настоящий форум.",
        status=Forum.Status.PUBLISHED,
        is_sample=True,
    )
    organisations = []
    for number in range(1, booths + 1):
        word_kk, word_ru = rng.choice(_SAMPLE_WORDS)
        organisation = Organisation(
            name_kk=f"«{word_kk} {number:04d}» ҚБ (үлгі)",
            name_ru=f"ОО «{word_ru} {number:04d}» (образец)",
            legal_form=LegalForm.PUBLIC_ASSOCIATION,
            bin=_sample_bin(rng),
            city_kk="Астана",
            city_ru="Астана",
        )
        organisation.refresh_derived_fields()
        organisations.append(organisation)
    organisations = Organisation.objects.bulk_create(organisations)

    # bulk_create skips the save-time retry a form's application has: codes are chosen unique
    # here. Drawn at random, 2,000 of them met a twin about once in 3,000 editions (seen in CI).
    # Their own stream: the sample's other made-up values stay as the seed gives them.
    code_rng = random.Random(f"{seed}-reference-codes")
    taken_codes = set(Booth.objects.values_list("reference_code", flat=True))
    booth_rows = []
    for number, organisation in enumerate(organisations, start=1):
        while (reference_code := new_reference_code(code_rng)) in taken_codes:
            pass
        taken_codes.add(reference_code)
        booth = Booth(
            forum=forum,
            organisation=organisation,
            number=number,
            reference_code=reference_code,
            slug=f"{slugify_kk(organisation.name_kk)}",
            project_title_kk=f"Үлгі жоба {number}: инклюзивті шеберхана",
            project_title_ru=f"Образец проекта {number}: инклюзивная мастерская",
            description_kk="Сынақ үшін жасалған сипаттама.",
            description_ru="Описание, созданное для тестов.",
            status=Booth.Status.APPROVED,
            # Made-up access offers, so the exhibition's access filter has something to find.
            **{field: rng.random() < 0.3 for field in ACCESS_FIELD_NAMES},
        )
        booth.refresh_derived_fields()
        booth_rows.append(booth)
    booth_rows = Booth.objects.bulk_create(booth_rows)

    Membership = Booth.themes.through
    Membership.objects.bulk_create(
        Membership(booth_id=booth.pk, theme_id=rng.choice(themes).pk) for booth in booth_rows
    )
    # bulk_create sends no signals: say so ourselves (the command says it
    # again after the commit).
    caching.content_changed()
    return forum


def sample_edition_delete():
    """Remove the sample edition, its booths and the organisations made for it."""
    forum = Forum.objects.filter(slug=SAMPLE_SLUG, is_sample=True).first()
    if forum is None:
        return
    organisation_ids = list(forum.booths.values_list("organisation_id", flat=True))
    forum.delete()
    Organisation.objects.filter(pk__in=organisation_ids, booths__isnull=True).delete()
