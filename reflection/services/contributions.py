"""Writes for contributions: participants answer the three questions before a session,
staff moderate the answers and turn them into attention points, and participants are
invited a few weeks ahead."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.emails import mail_queue
from avk.links import absolute_reverse, absolute_url
from reflection.access import can_contribute
from reflection.followup import previous_followup
from reflection.models import AttentionPoint, Contribution, ReflectionSession, Side
from reflection.services.sessions import attention_point_next_number

TITLE_MAX = 300


def contributions_save(*, session: ReflectionSession, author, answers: dict[str, str]) -> int:
    """Save `author`'s own answers per side; an empty answer removes an earlier one.

    Only the author's own rows are ever touched, whatever the request says. Refused
    (PermissionDenied) for non-participants and from the session's date on. Returns the
    number of answers the author has now.
    """
    if not can_contribute(author, session):
        raise PermissionDenied
    unknown = set(answers) - set(Side.values)
    if unknown:
        raise ValidationError(_("Unknown side: %(sides)s.") % {"sides": ", ".join(sorted(unknown))})
    texts = {side: (answers.get(side) or "").strip() for side in Side.values}
    if not any(texts.values()):
        raise ValidationError(_("Answer at least one question."))
    with transaction.atomic():
        existing = {
            c.side: c
            for c in Contribution.objects.select_for_update().filter(session=session, author=author)
        }
        for side, text in texts.items():
            contribution = existing.get(side)
            if not text:
                if contribution is not None:
                    audit_record(
                        actor=author,
                        instance=contribution,
                        action="contribution.removed",
                        group=audit_group("reflection", session.year),
                    )
                    contribution.delete()
                continue
            if contribution is None:
                contribution = Contribution(session=session, author=author, side=side, text=text)
                action = "contribution.created"
            elif contribution.text != text:
                contribution.text = text
                action = "contribution.updated"
            else:
                continue
            contribution.full_clean()
            contribution.save()
            audit_record(
                actor=author,
                instance=contribution,
                action=action,
                group=audit_group("reflection", session.year),
            )
    return sum(1 for text in texts.values() if text)


def contribution_moderate(*, contribution: Contribution, status: str, user) -> Contribution:
    """Staff mark a contribution as used or set aside (or new again)."""
    if status not in Contribution.Status.values:
        raise ValidationError(_("Choose a valid status."))
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if contribution.status == status:
            return contribution
        old = contribution.status
        contribution.status = status
        contribution.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=user,
            instance=contribution,
            action="contribution.moderated",
            changes={"status": [old, status]},
            group=audit_group("reflection", contribution.session.year),
        )
    return contribution


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > TITLE_MAX:
        line = line[: TITLE_MAX - 1].rstrip() + "…"
    return line


def contribution_promote(*, contribution: Contribution, user) -> AttentionPoint:
    """Turn a contribution into a new attention point on the same session and side.

    It gets the session's next number; the contribution is linked to it and
    marked as used. Promoting twice returns the attention point made the first time.
    """
    with transaction.atomic():
        contribution = (
            Contribution.objects.select_for_update(of=("self",))
            .select_related("session", "attention_point")
            .get(pk=contribution.pk)
        )
        if contribution.attention_point is not None:
            return contribution.attention_point
        session = contribution.session
        # The same lock as adding a point by hand: two staff never pick the same number.
        session = ReflectionSession.objects.select_for_update().get(pk=session.pk)
        point = AttentionPoint(
            session=session,
            side=contribution.side,
            number=attention_point_next_number(session),
            title=_first_line(contribution.text),
            description=contribution.text,
        )
        point.full_clean()
        point.save()
        old_status = contribution.status
        contribution.attention_point = point
        contribution.status = Contribution.Status.USED
        contribution.save(update_fields=["attention_point", "status", "updated_at"])
        audit_record(
            actor=user,
            instance=point,
            action="attention_point.created",
            group=audit_group("reflection", session.year),
        )
        audit_record(
            actor=user,
            instance=contribution,
            action="contribution.promoted",
            changes={
                "status": [old_status, contribution.status],
                "attention_point": ["", str(point)],
            },
            group=audit_group("reflection", session.year),
        )
    return point


def person_language(person) -> str:
    """The language a person reads mail in: their login's choice, else the portal's."""
    return person.user.language if person.user_id else settings.LANGUAGE_CODE


def session_invite(*, session: ReflectionSession) -> int:
    """Queue one invitation per participant with an e-mail address, once per person.

    The unique mail key makes a second run (beat, a retry) a no-op for who was invited
    already, while participants added later still get theirs. Returns how many were queued.
    """
    contribute = absolute_reverse("reflection:contribute", session.pk)
    calendar = absolute_reverse("reflection:session_ical", session.pk)
    followup = previous_followup(session)
    queued = 0
    with transaction.atomic():
        for person in session.participants.exclude(email="").select_related("user"):
            language = person_language(person)
            # Rendered now, in the reader's language: the stored context must be plain JSON.
            with translation.override(language):
                label = str(session.label)
                date = formats.date_format(session.date, "DATE_FORMAT")
            mail = mail_queue(
                key=f"reflection-invite:{session.pk}:{person.pk}",
                to=person.email,
                name="reflection_invite",
                language=language,
                user_id=person.user_id,
                kind="reflection",
                context={
                    "name": person.name,
                    "label": label,
                    "year": session.year,
                    "date": date,
                    "facilitator": session.facilitator,
                    "contribute_link": contribute,
                    "link": contribute,
                    "calendar_link": calendar,
                    "followup_link": absolute_url(followup.path) if followup else "",
                    "followup_year": followup.year if followup else None,
                },
            )
            queued += mail is not None
        if queued:
            audit_record(
                actor=None,
                instance=session,
                action="reflection.invited",
                changes={"invited": ["", str(queued)]},
                group=audit_group("reflection", session.year),
            )
    return queued
