from events.routing import edition_paths

from . import views

app_name = "exhibitors"

urlpatterns = [
    *edition_paths("exhibition/", views.BoothListView.as_view(), "booth_list"),
    *edition_paths(
        "exhibition/<slug:booth_slug>/", views.BoothDetailView.as_view(), "booth_detail"
    ),
]
