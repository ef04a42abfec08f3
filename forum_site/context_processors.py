from django.conf import settings
from django.utils.translation import get_language

# Each language named in itself, as the switcher shows it whatever the page's language.
LANGUAGE_ENDONYMS = {"kk": "Қазақша", "ru": "Русский"}


def language_links(request):
    """Links to this page in each language, for the switcher and the head's alternates.

    `language_neutral_url` is the page's address without a language prefix
    (the hreflang x-default, as in sitemap.xml): the site sends a visitor
    from there to the page in their browser's language, Kazakh when unsure.

    Our paths are the same in every language but for the prefix, so the other
    language's page is the same path under the other prefix; this also works
    on a 404 page, where there is no view to reverse.
    """
    current = get_language()
    prefix = f"/{current}/"
    full_path = request.get_full_path()
    if not full_path.startswith(prefix):
        return {"language_links": [], "language_neutral_url": None}
    rest = full_path[len(prefix) :]
    links = []
    for code, _name in settings.LANGUAGES:
        path = f"/{code}/{rest}"
        links.append(
            {
                "code": code,
                "name": LANGUAGE_ENDONYMS[code],
                "path": path,
                "absolute_url": request.build_absolute_uri(path),
                "is_current": code == current,
            }
        )
    return {
        "language_links": links,
        "language_neutral_url": request.build_absolute_uri(f"/{rest}"),
    }
