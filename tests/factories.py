import factory

from awards.models import Award
from events.models import Forum, ProgrammeItem
from exhibitors.models import Booth, Organisation, Theme


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    slug = factory.Sequence(lambda n: f"forum-{n}")
    title_kk = factory.Sequence(lambda n: f"Сынақ форумы {n}")
    title_ru = factory.Sequence(lambda n: f"Тестовый форум {n}")
    status = Forum.Status.PUBLISHED


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    forum = factory.SubFactory(ForumFactory)
    kind = ProgrammeItem.Kind.OTHER
    title_kk = factory.Sequence(lambda n: f"Бағдарлама бөлімі {n}")
    title_ru = factory.Sequence(lambda n: f"Пункт программы {n}")
    order = factory.Sequence(int)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_kk = factory.Sequence(lambda n: f"«Ұйым {n}» ҚБ")
    name_ru = factory.Sequence(lambda n: f"ОО «Организация {n}»")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_kk = factory.Sequence(lambda n: f"Тақырып {n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n}")


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booth

    forum = factory.SubFactory(ForumFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    project_title_kk = factory.Sequence(lambda n: f"Жоба {n}")
    project_title_ru = factory.Sequence(lambda n: f"Проект {n}")
    status = Booth.Status.APPROVED
    contact_name = "Айгүл Сәрсенова"
    contact_email = "aigul@example.kz"
    contact_phone = "+77011234567"


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    forum = factory.SubFactory(ForumFactory)
    organisation = factory.SubFactory(OrganisationFactory)
