"""Stories (ervaringen) of the people the programme is for: written by staff or submitted by
a partner's editor with the teller's consent, reviewed by the experience experts, read by
whom the consent reaches (monitoring.access)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import is_staff, staff_required
from avk.forms import add_errors
from monitoring.access import (
    can_submit_experiences,
    get_experience_for_review,
    get_experience_for_user,
    reviewer_of,
)
from monitoring.forms.experiences import ConsentForm, ExperienceForm, ReviewForm
from monitoring.models import Experience
from monitoring.selectors.experiences import consent_history, experience_list, review_queue
from monitoring.services.experiences import (
    consent_record,
    consent_withdraw,
    experience_create,
    experience_review,
    experience_update,
)
from partners.access import editable_partner_ids
from partners.models import Partner

PER_PAGE = 25


@never_cache
@require_GET
def experience_list_view(request):
    """The stories the reader may read; staff filter them on their review status."""
    staff = is_staff(request.user)
    review = request.GET.get("review", "") if staff else ""
    experiences = experience_list(request.user, review=review)
    page = Paginator(experiences, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "monitoring/experiences/list.html",
        {
            "page": page,
            "is_staff": staff,
            "review": review,
            "reviews": Experience.Review.choices,
            "can_submit": can_submit_experiences(request.user),
            "is_reviewer": reviewer_of(request.user) is not None,
        },
    )


@require_http_methods(["GET", "POST"])
def experience_create_view(request):
    """Staff write a story; an editor submits one for their own organisation. Both record
    the teller's consent at once: no story is stored without it."""
    if not can_submit_experiences(request.user):
        raise PermissionDenied
    staff = is_staff(request.user)
    partners = (
        None
        if staff
        else Partner.objects.filter(pk__in=editable_partner_ids(request.user), is_active=True)
    )
    data = request.POST or None
    form = ExperienceForm(data, partners=partners)
    consent_form = ConsentForm(data, initial={"given_on": timezone.localdate()})
    # Both forms are checked (not `and`), so every mistake is shown at once.
    if request.method == "POST" and all([form.is_valid(), consent_form.is_valid()]):
        try:
            experience = experience_create(
                form=form, user=request.user, **consent_form.cleaned_data
            )
        except ValidationError as error:
            add_errors(consent_form, error)
        else:
            messages.success(
                request,
                _("The story is saved. It waits for an experience expert to review it."),
            )
            return redirect("monitoring:experience_detail", pk=experience.pk)
    return render(
        request,
        "monitoring/experiences/form.html",
        {"form": form, "consent_form": consent_form, "experience": None},
    )


# A withdrawn consent hides the story on the next request: no browser may keep the page.
@never_cache
@require_GET
def experience_detail(request, pk):
    experience = get_experience_for_user(request.user, pk)
    staff = is_staff(request.user)
    return render(
        request,
        "monitoring/experiences/detail.html",
        {
            "experience": experience,
            "is_staff": staff,
            "consents": consent_history(experience) if staff else [],
            "today": timezone.localdate(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def experience_edit(request, pk):
    experience = get_experience_for_user(request.user, pk, write=True)
    form = ExperienceForm(request.POST or None, instance=experience)
    if request.method == "POST" and form.is_valid():
        try:
            experience = experience_update(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if experience.review == Experience.Review.WAITING:
                messages.success(request, _("Saved. The story waits for a new review."))
            else:
                messages.success(request, _("Saved."))
            return redirect("monitoring:experience_detail", pk=experience.pk)
    return render(
        request,
        "monitoring/experiences/form.html",
        {"form": form, "consent_form": None, "experience": experience},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def consent_create(request, pk):
    """Record a new consent of the teller: it counts from its date on."""
    experience = get_experience_for_user(request.user, pk, write=True)
    form = ConsentForm(request.POST or None, initial={"given_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            consent_record(experience=experience, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The consent is recorded."))
            return redirect("monitoring:experience_detail", pk=experience.pk)
    return render(
        request,
        "monitoring/experiences/consent_form.html",
        {"form": form, "experience": experience},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def withdraw_consent(request, pk, consent_pk):
    """Ask to confirm (a page, no script needed), then withdraw the consent."""
    experience = get_experience_for_user(request.user, pk, write=True)
    consent = get_object_or_404(experience.consents, pk=consent_pk)
    if request.method == "POST":
        consent_withdraw(consent=consent, user=request.user)
        messages.success(
            request, _("The consent is withdrawn. The story is no longer shown outside staff.")
        )
        return redirect("monitoring:experience_detail", pk=experience.pk)
    return render(
        request,
        "monitoring/experiences/consent_withdraw.html",
        {"experience": experience, "consent": consent},
    )


@require_GET
def review_list(request):
    """The stories waiting for the experience experts (only they see this page)."""
    if reviewer_of(request.user) is None:
        raise PermissionDenied
    page = Paginator(review_queue(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "monitoring/experiences/review_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def review(request, pk):
    """An experience expert reads the story, then approves it or sends it back."""
    experience, reviewer = get_experience_for_review(request.user, pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == ReviewForm.APPROVE
        try:
            experience_review(
                experience=experience,
                reviewer=reviewer,
                user=request.user,
                approve=approve,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if approve:
                messages.success(request, _("Thank you. The story is approved."))
            else:
                messages.success(request, _("Thank you. The story is sent back with your note."))
            return redirect("monitoring:review_list")
    return render(
        request, "monitoring/experiences/review.html", {"experience": experience, "form": form}
    )
