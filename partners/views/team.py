from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import staff_required
from avk.audit import audit_group
from avk.cache import cached, cached_html
from avk.forms import add_errors
from avk.models import AuditEntry
from partners.access import get_partner_for_user
from partners.forms.team import ColleagueInvitationForm, ContactForm, TeamMemberForm
from partners.models import Partner, TeamMember
from partners.models.team import DelegationLevel
from partners.selectors.team import (
    TEAM_FORMS_READ,
    TEAMS_READ,
    annotate_team_counts,
    counts_of,
    is_complete,
    team_gaps,
)
from partners.services.invitations import invitation_create
from partners.services.team import (
    TeamConflict,
    contact_set,
    delegate_set,
    team_member_add,
    team_member_remove,
)


@require_http_methods(["GET", "POST"])
def team(request, pk):
    """The partner's AVK team, contact person and delegates, for its editors and staff."""
    partner = get_partner_for_user(request.user, pk, write=True)
    action = request.POST.get("action") if request.method == "POST" else None
    add_form = TeamMemberForm(
        request.POST if action == "add" else None, initial={"version": partner.team_version}
    )
    contact_form = ContactForm(
        request.POST if action == "contact" else None,
        partner=partner,
        # A GET renders the form only when it is not kept (below): the initial values then.
        initial=_contact_initial(partner) if request.method == "POST" else {},
    )
    try:
        if action == "add" and add_form.is_valid():
            data = dict(add_form.cleaned_data)
            team_member_add(
                partner=partner, user=request.user, expected_version=data.pop("version"), **data
            )
            messages.success(request, _("%(name)s has been added.") % {"name": data["name"]})
            return redirect("partners:team", pk=partner.pk)
        if action == "remove":
            member = get_object_or_404(TeamMember, pk=request.POST.get("member"), partner=partner)
            team_member_remove(member=member, user=request.user, expected_version=_version(request))
            messages.success(request, _("%(name)s has been removed.") % {"name": member.person})
            return redirect("partners:team", pk=partner.pk)
        if action == "contact" and contact_form.is_valid():
            _save_contact(partner, request.user, contact_form.cleaned_data)
            messages.success(request, _("Contact person and delegates saved."))
            return redirect("partners:team", pk=partner.pk)
    except TeamConflict as conflict:
        messages.error(request, conflict.messages[0])
        partner.refresh_from_db()
        # Keep what the person typed, but against the current version of the team.
        if action == "add":
            add_form = TeamMemberForm({**request.POST.dict(), "version": partner.team_version})
            add_form.is_valid()
    except ValidationError as error:
        add_errors(add_form if action == "add" else contact_form, error)

    members = partner.team_members.select_related("person").order_by("role", "person__name")
    counts = counts_of(partner)
    if request.method == "GET":
        # The empty forms are the same for every editor of the partner until its people,
        # delegates or team version change: kept rendered (the CSRF token stays outside).
        forms_html = cached(
            "team_forms",
            TEAM_FORMS_READ,
            lambda: (
                _crispy(add_form),
                _crispy(ContactForm(partner=partner, initial=_contact_initial(partner))),
            ),
            parts=[get_language(), partner.pk, partner.team_version],
        )
    else:
        forms_html = (_crispy(add_form), _crispy(contact_form))
    return render(
        request,
        "partners/team.html",
        {
            "partner": partner,
            "members": members,
            "gaps": team_gaps(counts),
            "complete": is_complete(counts),
            "add_form": add_form,
            "contact_form": contact_form,
            "add_form_html": mark_safe(forms_html[0]),  # noqa: S308 - rendered by our template
            "contact_form_html": mark_safe(forms_html[1]),  # noqa: S308
        },
    )


def _crispy(form) -> str:
    return str(render_to_string("partners/includes/crispy_form.html", {"form": form}))


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1  # a forged or missing version counts as outdated


def _contact_initial(partner: Partner) -> dict:
    initial = {"version": partner.team_version, "contact_person": partner.contact_person_id}
    for delegate in partner.delegates.all():
        initial[f"delegate_{delegate.level}"] = delegate.person_id
    return initial


def _save_contact(partner, user, data):
    version = data["version"]
    if data["contact_person"] != partner.contact_person:
        contact_set(
            partner=partner, user=user, person=data["contact_person"], expected_version=version
        )
        version += 1
    current = {d.level: d.person for d in partner.delegates.select_related("person")}
    for level in DelegationLevel.values:
        person = data[f"delegate_{level}"]
        if current.get(level) != person:
            delegate_set(
                partner=partner, user=user, level=level, person=person, expected_version=version
            )
            version += 1


@staff_required
def team_overview(request):
    """Every partner's AVK team against the target composition: the same for all staff,
    so kept rendered until a partner or a team changes (avk.cache)."""

    def overview() -> dict:
        partners = annotate_team_counts(
            Partner.objects.filter(is_active=True).only("pk", "name").order_by("name")
        )
        rows = []
        for partner in partners:
            counts = counts_of(partner)
            rows.append(
                {
                    "name": partner.name,
                    "url": reverse("partners:partner_detail", args=[partner.pk]),
                    "gaps": team_gaps(counts),
                    "complete": is_complete(counts),
                }
            )
        return {"rows": rows, "complete_count": sum(r["complete"] for r in rows)}

    overview_html = cached_html(
        "team_overview", TEAMS_READ, "partners/includes/team_overview.html", overview
    )
    return render(request, "partners/team_overview.html", {"overview_html": overview_html})


@require_http_methods(["GET", "POST"])
def colleague_invite(request, pk):
    """An editor invites a colleague of their own organisation (and of no other)."""
    partner = get_partner_for_user(request.user, pk, write=True)
    form = ColleagueInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = invitation_create(
                invited_by=request.user, partner=partner, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("partners:partner_detail", pk=partner.pk)
    return render(request, "partners/colleague_invite.html", {"form": form, "partner": partner})


@staff_required
def audit(request, pk):
    partner = get_object_or_404(Partner, pk=pk)
    entries = (
        AuditEntry.objects.filter(group=audit_group("partner", partner.pk))
        .select_related("actor")
        .order_by("-created_at", "-id")[:500]
    )
    return render(request, "partners/audit.html", {"partner": partner, "entries": entries})
