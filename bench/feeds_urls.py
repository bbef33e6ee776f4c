"""The benchmark site's URLs plus the ``django.contrib.syndication`` baseline feed."""

from bench.baseline_feed import urlpatterns as baseline_urlpatterns
from bench.urls import urlpatterns as bench_urlpatterns

urlpatterns = baseline_urlpatterns + bench_urlpatterns
