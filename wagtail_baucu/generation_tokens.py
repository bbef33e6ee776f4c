"""Where the generation tokens of ``wagtail_baucu.freshness`` are kept: one database row each.

In the database, not in the cache, so every process reads the same tokens whatever the cache
(a per-process memory cache, a file cache, Redis) and a change made while the cache is
unreachable still counts once it comes back.
"""

from django.db import models


class GenerationToken(models.Model):
    """The current token of one scope: ``"all"`` (every portal) or a portal's primary key."""

    scope = models.CharField(max_length=32, unique=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "generation token"

    def __str__(self) -> str:
        return f"{self.scope}: {self.token}"
