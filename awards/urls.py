from events.routing import edition_paths

from . import views

app_name = "awards"

urlpatterns = [
    *edition_paths("awards/", views.AwardListView.as_view(), "award_list"),
]
