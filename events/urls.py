from django.urls import path

from . import views
from .routing import edition_paths

app_name = "events"

urlpatterns = [
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    *edition_paths("programme/", views.ProgrammeView.as_view(), "programme"),
    *edition_paths(
        "programme/calendar.ics", views.ProgrammeCalendarView.as_view(), "programme_calendar"
    ),
    *edition_paths(
        "programme/calendar/<int:item_id>.ics",
        views.ProgrammeCalendarView.as_view(),
        "programme_item_calendar",
    ),
    *edition_paths("plenary/", views.PlenaryView.as_view(), "plenary"),
    *edition_paths("concert/", views.ConcertView.as_view(), "concert"),
]
