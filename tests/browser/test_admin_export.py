"""The export page's "Select all" box works under the site's Content-Security-Policy."""

from .conftest import new_page

COLUMNS = ".selectable-field-export-row input[type=checkbox]:not(#select-all-toggle)"


def test_select_all_unticks_and_ticks_every_column(browser, site, admin_state):
    p = new_page(browser, bypass_csp=False, storage_state=admin_state["kk"])
    try:
        p.goto(site("/admin/exhibitors/booth/export/"), wait_until="load")
        toggle = p.get_by_label("Барлығын таңдау")
        columns = p.locator(COLUMNS)

        toggle.uncheck()
        unticked = columns.evaluate_all("boxes => boxes.map((box) => box.checked)")
        toggle.check()
        ticked = columns.evaluate_all("boxes => boxes.map((box) => box.checked)")
    finally:
        p.context.close()

    assert len(unticked) > 5
    assert unticked == [False] * len(unticked)
    assert ticked == [True] * len(ticked)
