from django.utils.translation import get_language
from django.views.generic import TemplateView

from events.models import ProgrammeItem
from events.views import EditionMixin


class AwardListView(EditionMixin, TemplateView):
    template_name = "awards/award_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["awards"] = self.forum.awards.alphabetical(get_language())
        context["ceremonies"] = self.forum.programme_items.filter(
            kind=ProgrammeItem.Kind.AWARD_CEREMONY
        )
        return context
