"""Display options for low-vision visitors: larger text and a high-contrast theme, without JavaScript.

The choice is kept in a long-lived cookie set by plain links
(/<lang>/display/?text=large). Public pages stay the same for everyone, so
they can be cached by anyone and never vary on the cookie: each page links
one more stylesheet, /display.css, and only that small, private response
reads the cookie, answering with @import rules for the chosen static styles.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

COOKIE = "display"
# Over HTTPS (production) the cookie is Secure and host-only: the __Host- prefix
# makes browsers refuse it from a subdomain or over plain HTTP.
SECURE_COOKIE = "__Host-display"
COOKIE_AGE = 365 * 24 * 60 * 60

# Each option: its choices, the first being the default (no extra style).
OPTIONS = {
    "text": {
        "normal": (_("Normal text"), None),
        "large": (_("Large text"), "css/display-text-large.css"),
        "largest": (_("Largest text"), "css/display-text-largest.css"),
    },
    "contrast": {
        "normal": (_("Usual colours"), None),
        "high": (_("High contrast: light text on black"), "css/display-contrast-high.css"),
    },
}
DEFAULTS = {name: next(iter(choices)) for name, choices in OPTIONS.items()}


def cookie_name(request):
    return SECURE_COOKIE if request.is_secure() else COOKIE


def preferences(request):
    """The visitor's choices from the cookie ("text=large,contrast=high"); unknown parts ignored."""
    chosen = dict(DEFAULTS)
    for part in request.COOKIES.get(cookie_name(request), "").split(","):
        name, _sep, value = part.partition("=")
        if value in OPTIONS.get(name, {}):
            chosen[name] = value
    return chosen


def _cookie_value(chosen):
    return ",".join(f"{name}={chosen[name]}" for name in OPTIONS)


def _safe_next(request):
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


@require_safe
@never_cache
def display_settings(request):
    """/<lang>/display/: the options as links; following one keeps the choice and comes back here."""
    chosen = preferences(request)
    changed = False
    for name, choices in OPTIONS.items():
        value = request.GET.get(name)
        if value in choices:
            chosen[name] = value
            changed = True
    back = _safe_next(request)
    if changed:
        response = HttpResponseRedirect(f"{request.path}?{urlencode({'next': back})}")
        response.set_cookie(
            cookie_name(request),
            _cookie_value(chosen),
            max_age=COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response
    groups = [
        {
            "name": name,
            "choices": [
                {
                    "value": value,
                    "label": label,
                    "url": f"{request.path}?{urlencode({name: value, 'next': back})}",
                    "is_current": chosen[name] == value,
                }
                for value, (label, _style) in choices.items()
            ],
        }
        for name, choices in OPTIONS.items()
    ]
    return render(request, "forum_site/display.html", {"groups": groups, "back": back})


@require_safe
def display_stylesheet(request):
    """/display.css: @import of the chosen styles, or nothing. Private: it depends on the cookie."""
    chosen = preferences(request)
    rules = [
        f'@import url("{static(OPTIONS[name][value][1])}");'
        for name, value in chosen.items()
        if OPTIONS[name][value][1]
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    # Never stored by a shared cache, and asked again on each page so a change shows at once.
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    patch_vary_headers(response, ["Cookie"])
    return response
