import uuid
from functools import cached_property

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import DetailView, FormView, ListView

from events.models import Forum, ProgrammeItem
from events.views import EditionMixin, access_choices, access_chosen, access_selected
from forum_site.images import MAX_BYTES
from forum_site.uploads import CappedUploadHandler

from . import stash
from .forms import BoothApplicationForm
from .models import Booth, Theme
from .ratelimit import application_limits
from .services import application_submit


class BoothListView(EditionMixin, ListView):
    """The exhibition: public booths of an edition, filtered by theme and searched."""

    template_name = "exhibitors/booth_list.html"
    context_object_name = "booths"
    paginate_by = 24

    def get_queryset(self):
        booths = Booth.objects.public().filter(forum=self.forum)
        if theme := self.selected_theme:
            booths = booths.filter(themes=theme)
        booths = booths.offering(self.selected_access)
        return booths.search(self.query).for_listing(get_language())

    @cached_property
    def query(self):
        return self.request.GET.get("q", "")[:100]

    @cached_property
    def selected_access(self):
        return access_selected(self.request)

    @cached_property
    def themes(self):
        return list(Theme.objects.all())

    @cached_property
    def selected_theme(self):
        slug = self.request.GET.get("theme", "")
        return next((theme for theme in self.themes if theme.slug == slug), None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            query=self.query,
            themes=self.themes,
            selected_theme=self.selected_theme,
            access_choices=access_choices(self.selected_access),
            access_chosen=access_chosen(self.selected_access),
            is_filtered=bool(self.query.strip() or self.selected_theme or self.selected_access),
            exhibitions=self.forum.programme_items.filter(kind=ProgrammeItem.Kind.EXHIBITION),
        )
        return context


class BoothDetailView(EditionMixin, DetailView):
    template_name = "exhibitors/booth_detail.html"
    context_object_name = "booth"

    def get_object(self, queryset=None):
        booths = (
            Booth.objects.public()
            .filter(forum=self.forum)
            .select_related("organisation")
            .prefetch_related("themes", "photos")
        )
        return get_object_or_404(booths, slug=self.kwargs["booth_slug"])


# The CSRF check reads the request body, so it runs inside dispatch(), after the
# upload handler that caps file sizes is in place.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class BoothApplicationView(FormView):
    """The public booth application form for the current edition, open between its dates.

    Outside those dates the page says when applications open or that they are
    closed. Sending is rate limited per client; a second send of the same
    form leads to the first application's thank-you page.
    """

    template_name = "exhibitors/booth_form.html"
    form_class = BoothApplicationForm
    http_method_names = ["get", "post", "head"]

    @cached_property
    def forum(self):
        return Forum.objects.current()

    def dispatch(self, request, *args, **kwargs):
        # Before anything else: the closed form's page would otherwise answer any method.
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        request.upload_handlers = [
            CappedUploadHandler(
                request,
                fields=[name for name, _alt, _widths in BoothApplicationForm.image_fields()],
                limit=MAX_BYTES,
            )
        ]
        return csrf_protect(self.dispatch_protected)(request, *args, **kwargs)

    def dispatch_protected(self, request, *args, **kwargs):
        if self.forum is None or not self.forum.accepts_applications():
            return self.render_closed()
        return super().dispatch(request, *args, **kwargs)

    def render_closed(self):
        now = timezone.now()
        forum = self.forum
        opens = None
        if forum and forum.applications_open_from and forum.applications_open_from > now:
            opens = forum.applications_open_from
        context = {"forum": forum, "is_open": False, "opens_at": opens}
        return TemplateResponse(self.request, self.template_name, context)

    def get_initial(self):
        return {"submission_token": uuid.uuid4()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "browser": stash.browser_key(self.request)}

    def post(self, request, *args, **kwargs):
        token = request.POST.get("submission_token", "")
        if booth := Booth.objects.filter(submission_token=_uuid_or_none(token)).first():
            return redirect(booth_thanks_url(booth))
        applications, attempts = application_limits()
        if applications.is_exceeded(request) or attempts.is_exceeded(request):
            return self.render_rate_limited()
        attempts.hit(request)
        return super().post(request, *args, **kwargs)

    def render_rate_limited(self):
        response = TemplateResponse(
            self.request,
            "exhibitors/booth_form_limited.html",
            {"forum": self.forum, "limit": settings.APPLICATION_RATE_LIMIT},
            status=429,
        )
        response["Retry-After"] = str(settings.APPLICATION_RATE_PERIOD)
        return response

    def form_valid(self, form):
        booth, created = application_submit(
            forum=self.forum, data=form.cleaned_data, language=get_language()
        )
        if created:
            application_limits()[0].hit(self.request)
        return redirect(booth_thanks_url(booth))

    def form_invalid(self, form):
        stash.keep_files(form=form)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(forum=self.forum, is_open=True)
        return context


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def booth_thanks_url(booth):
    return reverse("exhibitors:booth_thanks", kwargs={"token": booth.submission_token})


@method_decorator(never_cache, name="dispatch")
class BoothThanksView(DetailView):
    """The page after sending: the application's reference code. Its address is the form's secret token."""

    template_name = "exhibitors/booth_thanks.html"
    context_object_name = "booth"
    http_method_names = ["get", "head"]

    def get_object(self, queryset=None):
        return get_object_or_404(
            Booth.objects.select_related("forum"), submission_token=self.kwargs["token"]
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A private page (its address is a secret): never in a search engine.
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
