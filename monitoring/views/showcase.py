"""The public showcase (etalage): the alliance's partners, its good examples, the current
public spotlights and stories whose tellers agreed to share them publicly; no login.

Only active partners, and only interventions that staff published, of active partners.
Contact people are never shown here: this page is public. It lives in monitoring because
it shows stories and spotlights (partners cannot know about them).

The showcase is the same for everyone (logged in or not): it is rendered once per language
and day and kept until a row it shows changes (avk.cache, monitoring.selectors.showcase).
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from avk.cache import cached_html
from monitoring.selectors.showcase import SHOWCASE_READ, showcase


# A withdrawn consent hides a story on the next request: no browser or proxy may keep it.
@login_not_required
@never_cache
@require_GET
def index(request):
    content = cached_html(
        "showcase", SHOWCASE_READ, "monitoring/includes/showcase_content.html", showcase
    )
    return render(request, "monitoring/showcase.html", {"content": content})
