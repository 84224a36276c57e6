"""The public showcase (etalage): the alliance's partners, its good examples, the current
public spotlights and stories whose tellers agreed to share them publicly; no login.

Only active partners, and only interventions that staff published, of active partners.
Contact people are never shown here: this page is public. It lives in monitoring because
it shows stories and spotlights (partners cannot know about them).
"""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from monitoring.selectors.experiences import showcase_stories
from monitoring.selectors.spotlights import public_spotlights
from partners.models import Intervention, Partner


# A withdrawn consent hides a story on the next request: no browser or proxy may keep it.
@login_not_required
@never_cache
@require_GET
def index(request):
    today = timezone.localdate()
    active = Partner.objects.filter(is_active=True)
    examples = (
        Intervention.objects.filter(is_published=True, partner__is_active=True)
        .select_related("partner")
        .prefetch_related(
            "municipalities",
            Prefetch("collaborators", queryset=active.order_by("name").only("pk", "name")),
        )
        .order_by("title", "pk")
    )
    return render(
        request,
        "monitoring/showcase.html",
        {
            "partners": active.select_related("municipality").order_by("name"),
            "examples": examples,
            "spotlights": public_spotlights(today),
            "stories": showcase_stories(today),
        },
    )
