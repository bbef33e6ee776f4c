"""URL of original images, included by ``wagtail_baucu.urls``."""

from django.urls import path

from wagtail_baucu.files import views

urlpatterns = [
    # No trailing "/": never a page path of Wagtail's.
    path("images/<int:image_id>/<str:filename>", views.original_image, name="original_image"),
]
