"""Public results URLs, included by ``wagtail_baucu.urls`` when the results app is installed."""

from django.urls import path

from wagtail_baucu.results import views

urlpatterns = [
    path(
        "ket-qua-bau-cu/<int:election_id>/<slug:body_code>/",
        views.overview,
        name="results_overview",
    ),
    path(
        "ket-qua-bau-cu/<int:election_id>/<slug:body_code>/ket-qua.csv",
        views.results_csv,
        name="results_csv",
    ),
    path(
        "ket-qua-bau-cu/<int:election_id>/<slug:body_code>/feed/<str:fmt>/",
        views.body_feed,
        name="results_body_feed",
    ),
    path(
        "ket-qua-bau-cu/<int:election_id>/<slug:body_code>/don-vi-<int:number>/feed/<str:fmt>/",
        views.unit_feed,
        name="results_unit_feed",
    ),
]
