from django.urls import path

from events.routing import edition_paths

from . import views

app_name = "exhibitors"

urlpatterns = [
    # Before the booth pages: "apply" is a reserved booth address (RESERVED_BOOTH_SLUGS).
    path("exhibition/apply/", views.BoothApplicationView.as_view(), name="booth_apply"),
    path(
        "exhibition/apply/thanks/<uuid:token>/",
        views.BoothThanksView.as_view(),
        name="booth_thanks",
    ),
    *edition_paths("exhibition/", views.BoothListView.as_view(), "booth_list"),
    *edition_paths(
        "exhibition/<slug:booth_slug>/", views.BoothDetailView.as_view(), "booth_detail"
    ),
]
