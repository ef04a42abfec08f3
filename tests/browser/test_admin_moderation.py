"""A moderator's round in a real browser: from the index's count to the rejection page."""

import pytest
from playwright.sync_api import expect

from events.models import Forum
from exhibitors.models import Booth
from tests.factories import BoothFactory, ForumFactory

from .checks import axe_violations, describe_violations

TEXTS = {
    "kk": {"count": "1 стенд өтінімі шешім күтуде", "reason": "Қабылданбау себебі"},
    "ru": {"count": "1 заявка на стенд ждёт решения", "reason": "Причина отклонения"},
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_moderator_goes_from_the_count_to_the_rejection_page_by_keyboard(
    page, site, admin_state, language
):
    booth = BoothFactory(status=Booth.Status.SUBMITTED)
    p = page(language=language, storage_state=admin_state[language])
    p.goto(site("/admin/"), wait_until="load")

    p.get_by_role("link", name=TEXTS[language]["count"]).press("Enter")
    p.wait_for_url("**/admin/exhibitors/booth/?status__exact=submitted")
    listed = p.locator("#result_list tbody tr").count()
    p.locator(f"input.action-select[value='{booth.pk}']").press("Space")
    p.select_option("select[name=action]", "reject_selected")
    p.locator("button[name=index]").press("Enter")
    reason = p.get_by_label(TEXTS[language]["reason"])
    reason.wait_for()
    # The new page has begun to show: axe checks it once it is all there.
    p.wait_for_load_state("load")
    violations = axe_violations(p)

    assert listed == 1
    assert reason.get_attribute("aria-describedby") == "id_reason_helptext"
    assert violations == [], describe_violations(violations)


WARNING = {
    "kk": "Назар аударыңыз: қазір сайтта көрсетіліп тұрған стендтер",
    "ru": "Внимание: стенды, которые сейчас показаны на сайте",
}
DRAFT_WARNING = {
    "kk": "Назар аударыңыз: мақұлданған, бірақ сайтта әлі көрсетілмеген стендтер",
    "ru": "Внимание: одобренные стенды, которых ещё нет на сайте",
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_rejection_page_warns_of_public_booths_and_shows_the_e_mail(
    page, site, admin_state, language
):
    waiting = BoothFactory(status=Booth.Status.SUBMITTED)
    public = Booth.objects.public().get(pk=site.values["booth_pk"])
    in_a_draft = BoothFactory(
        status=Booth.Status.APPROVED, forum=ForumFactory(status=Forum.Status.DRAFT)
    )
    p = page(language=language, storage_state=admin_state[language])
    chosen = (waiting, public, in_a_draft)
    p.goto(
        site(f"/admin/exhibitors/booth/?id__in={','.join(str(b.pk) for b in chosen)}"),
        wait_until="load",
    )
    for booth in chosen:
        p.locator(f"input.action-select[value='{booth.pk}']").press("Space")
    p.select_option("select[name=action]", "reject_selected")
    p.locator("button[name=index]").press("Enter")
    warning = p.get_by_role("region", name=WARNING[language])
    warning.wait_for()
    # The warning may be there before the rest of the page: every e-mail before opening them.
    p.wait_for_load_state("load")
    summaries = p.locator(".email-preview summary")
    expect(summaries).to_have_count(3)
    # Opened by keyboard, so axe sees the e-mails' text as staff will.
    for summary in summaries.all():
        summary.press("Enter")
    bodies = p.locator(".email-preview pre")
    for i in range(3):
        expect(bodies.nth(i)).to_be_visible()
    violations = axe_violations(p)

    listed = warning.get_by_role("listitem").all_inner_texts()
    in_a_draft_listed = (
        p.get_by_role("region", name=DRAFT_WARNING[language])
        .get_by_role("listitem")
        .all_inner_texts()
    )
    assert [text.split(" — ")[0] for text in listed] == [public.reference_code]
    assert [text.split(" — ")[0] for text in in_a_draft_listed] == [in_a_draft.reference_code]
    assert bodies.count() == 3
    assert violations == [], describe_violations(violations)
