"""The pages the browser suite checks.

Paths are without the language prefix; each public page is checked in both
languages. `{booth}` is a booth of the sample edition (twelve pages of
booths) and `{edition}` the article's edition, filled in by the `site`
fixture. Add every new public page
here (and admin pages to ADMIN_PAGES).
"""

LANGUAGES = ["kk", "ru"]

PUBLIC_PAGES = {
    "home": "",
    "programme": "programme/",
    "exhibition": "exhibition/",
    "exhibition-search": "exhibition/?q=%D2%9B%D0%B0%D0%B7",
    "exhibition-sample": "archive/sample/exhibition/",
    "exhibition-filtered": "archive/sample/exhibition/?theme=inclusive-communities&access=captions",
    # A middle page of twelve: previous, 1 … 4 5 6 7 8 … 12, next.
    "exhibition-page": "archive/sample/exhibition/?page=6",
    "booth": "archive/sample/exhibition/{booth}/",
    "plenary": "plenary/",
    "awards": "awards/",
    "concert": "concert/",
    "archive": "archive/",
    "archived-edition": "archive/{edition}/",
    "apply": "exhibition/apply/",
    "accessibility": "accessibility/",
    "display-options": "display/?next=/",
    "not-found": "no-such-page/",
}

# Pages with their own browser tests (a form's states) but checked like the rest, too.
FORM_PAGES = {"apply"}

ADMIN_PAGES = {
    "login": "/admin/login/",
    "index": "/admin/",
    "forum-list": "/admin/events/forum/",
    "forum-change": "/admin/events/forum/{edition_pk}/change/",
    "programme-item-list": "/admin/events/programmeitem/",
    "programme-item-change": "/admin/events/programmeitem/{item_pk}/change/",
    "speaker-item-change": "/admin/events/programmeitem/{speaker_item_pk}/change/",
    "booth-list": "/admin/exhibitors/booth/",
    "booth-change": "/admin/exhibitors/booth/{booth_pk}/change/",
    "booth-export": "/admin/exhibitors/booth/export/",
    "award-list": "/admin/awards/award/",
    # Empty autocomplete fields (select2): named by their labels (autocomplete-names.js).
    "award-add": "/admin/awards/award/add/",
}


def public_urls():
    """(id, language, path) for every public page in both languages."""
    return [
        (f"{name}-{language}", language, f"/{language}/{path}")
        for name, path in PUBLIC_PAGES.items()
        for language in LANGUAGES
    ]
