"""Writes of the programme organisation: who fills a programme role for which term, and the
reminder to staff before the penvoerder's term ends."""

import datetime
import zlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.emails import mail_queue_many
from avk.links import absolute_reverse
from governance.access import require_staff
from governance.models import ProgrammeRole, RoleTerm

TERM_FIELDS = ["role", "person", "partner", "effort", "term_start", "term_end"]
# Staff hear this many days before the penvoerder's term ends (about two months).
TERM_END_NOTICE_DAYS = 61


def _lock_role(role: str, effort: str) -> None:
    """Serialise writes of one role's terms: two staff adding a term at once must not both
    pass the overlap check. Rows are locked where they exist; on PostgreSQL an advisory lock
    covers the first term of a role too."""
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"role-term:{role}:{effort.casefold()}".encode())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
    list(RoleTerm.objects.select_for_update().filter(role=role, effort__iexact=effort))


def _check_holder(term: RoleTerm) -> None:
    if term.role == ProgrammeRole.PENVOERDER:
        term.person = None
        if term.partner_id is None:
            raise ValidationError({"partner": _("Choose the partner that is penvoerder.")})
    else:
        term.partner = None
        if term.person_id is None:
            raise ValidationError({"person": _("Choose the person who fills this role.")})
    if term.role == ProgrammeRole.EFFORT_LEAD:
        if not term.effort.strip():
            raise ValidationError({"effort": _("Fill in the name of the effort.")})
    else:
        term.effort = ""


def _check_overlap(term: RoleTerm) -> None:
    if term.term_end is not None and term.term_end < term.term_start:
        raise ValidationError({"term_end": _("The end of the term cannot be before its start.")})
    others = RoleTerm.objects.filter(role=term.role, effort__iexact=term.effort).exclude(pk=term.pk)
    others = others.filter(Q(term_end__isnull=True) | Q(term_end__gte=term.term_start))
    if term.term_end is not None:
        others = others.filter(term_start__lte=term.term_end)
    clash = others.order_by("term_start").first()
    if clash is not None:
        end = formats.date_format(clash.term_end, "j F Y") if clash.term_end else _("no end")
        raise ValidationError(
            _(
                "This term overlaps with the term of %(holder)s (%(start)s to %(end)s). "
                "One role has one holder at a time. End that term first."
            )
            % {
                "holder": clash.holder_name,
                "start": formats.date_format(clash.term_start, "j F Y"),
                "end": end,
            }
        )


def role_term_save(*, user, term: RoleTerm | None = None, **values) -> RoleTerm:
    """Add a term of a programme role, or change one (staff). Refused when the holder does
    not fit the role, the end is before the start, or it overlaps another term of the role."""
    require_staff(user)
    term = term or RoleTerm()
    new = term.pk is None
    before = {name: str(getattr(term, name, "") or "") for name in TERM_FIELDS}
    for name, value in values.items():
        setattr(term, name, value)
    term.effort = (term.effort or "").strip()
    _check_holder(term)
    with transaction.atomic():
        _lock_role(term.role, term.effort)
        _check_overlap(term)
        term.full_clean()
        term.save()
        after = {name: str(getattr(term, name) or "") for name in TERM_FIELDS}
        audit_record(
            actor=user,
            instance=term,
            action="role_term.added" if new else "role_term.changed",
            changes={k: [before[k], after[k]] for k in TERM_FIELDS if before[k] != after[k]},
            group=audit_group("programme", "roles"),
        )
    return term


def role_term_end_remind(*, today: datetime.date | None = None) -> int:
    """Tell staff when the penvoerder's term ends within about two months: once per term
    per staff member (the outbox key holds the term), however often beat runs."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=TERM_END_NOTICE_DAYS)
    terms = list(
        RoleTerm.objects.filter(
            role=ProgrammeRole.PENVOERDER, term_end__gte=today, term_end__lte=horizon
        ).select_related("partner")
    )
    if not terms:
        return 0
    staff = list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    messages = []
    for term in terms:
        for user in staff:
            language = user.language or settings.LANGUAGE_CODE
            with translation.override(language):
                end = formats.date_format(term.term_end, "j F Y")
            messages.append(
                {
                    "key": f"penvoerder-term-ending:{term.pk}:{user.pk}",
                    "to": user.email,
                    # No kind: a staff duty, so no mail setting switches it off.
                    "name": "penvoerder_term_ending",
                    "language": language,
                    "context": {
                        "name": user.full_name or user.email,
                        "partner": term.partner.name,
                        "end": end,
                        "link": absolute_reverse("governance:role_list"),
                    },
                }
            )
    return mail_queue_many(messages)
