"""Reviews of adopted decisions (the "check" of plan-do-check-act), all for staff: plan a
review on a decision, see what is due, record what a review found."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import staff_required
from avk.forms import add_errors, parse_id
from governance.forms.reviews import ReviewPlanForm, ReviewRecordForm
from governance.models import Decision, DecisionReview
from governance.selectors.reviews import DUE_WITHIN_DAYS, reviews_done, reviews_due
from governance.services.reviews import decision_review_record, decision_review_set

PER_PAGE = 50


@staff_required
@require_GET
def review_list(request):
    due = Paginator(reviews_due(), PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for review in due.object_list:
        review.is_late = review.review_on < today
    done = reviews_done()[:10]
    return render(
        request,
        "governance/review_list.html",
        {"page": due, "done": done, "due_within": DUE_WITHIN_DAYS},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def review_plan(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("body"), pk=parse_id(pk) or 0)
    current = DecisionReview.objects.filter(decision=decision, outcome="").first()
    initial = {"review_on": current.review_on, "owner": current.owner_id} if current else {}
    form = ReviewPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decision_review_set(user=request.user, decision=decision, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Decision %(number)s gets a review.") % {"number": decision.number}
            )
            return redirect("governance:review_list")
    return render(
        request,
        "governance/review_plan.html",
        {"decision": decision, "form": form, "current": current},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def review_record(request, pk):
    review = get_object_or_404(
        DecisionReview.objects.select_related("decision__body", "owner", "new_decision"),
        pk=parse_id(pk) or 0,
    )
    form = ReviewRecordForm(request.POST or None) if review.is_open else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            decision_review_record(user=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The review is recorded."))
            return redirect("governance:review_list")
    return render(request, "governance/review_record.html", {"review": review, "form": form})
