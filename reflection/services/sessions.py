"""Writes of the reflection sessions (eilanden van reflectie), with their audit records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.text import neutralise_bidi_controls
from reflection.models import AttentionPoint, Ingredient, ReflectionSession, SessionSide

SESSION_FIELDS = ["year", "level", "group_name", "date", "facilitator", "introduction"]
SIDE_FIELDS = ["observations", "other_points", "summary"]
POINT_FIELDS = ["title", "description"]


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects))


def session_save(*, form, side_forms, user) -> ReflectionSession:
    """Create or update the session of a valid `form` and its three sides (`side_forms`:
    (side, label, form) as made by forms_sessions.side_forms), with one audit record."""
    creating = form.instance.pk is None
    with transaction.atomic():
        if creating:
            old, old_participants, old_sides = None, [], {}
        else:
            old = ReflectionSession.objects.select_for_update().get(pk=form.instance.pk)
            old_participants = list(old.participants.all())
            old_sides = {s.side: s for s in old.sides.all()}
        session = form.save(commit=False)
        session.full_clean()
        session.save()
        session.participants.set(form.cleaned_data["participants"])

        values = {name: getattr(session, name) for name in SESSION_FIELDS}
        if creating:
            changes = {name: ["", str(v)] for name, v in values.items() if v not in (None, "")}
        else:
            changes = diff(old, SESSION_FIELDS, values)
        if _names(old_participants) != _names(form.cleaned_data["participants"]):
            changes["participants"] = [
                _names(old_participants),
                _names(form.cleaned_data["participants"]),
            ]
        for side, _label, side_form in side_forms:
            side_obj = side_form.save(commit=False)
            side_obj.session = session
            side_obj.side = side
            side_obj.full_clean()
            before = old_sides.get(side) or SessionSide(session=session, side=side)
            side_values = {name: getattr(side_obj, name) for name in SIDE_FIELDS}
            for name, change in diff(before, SIDE_FIELDS, side_values).items():
                changes[f"{side}.{name}"] = change
            side_obj.save()

        if creating or changes:
            audit_record(
                actor=user,
                instance=session,
                action="reflection_session.created" if creating else "reflection_session.updated",
                changes=changes,
                group=audit_group("reflection", session.year),
            )
            if old is not None and old.year != session.year:
                audit_record(
                    actor=user,
                    instance=session,
                    action="reflection_session.updated",
                    changes=changes,
                    group=audit_group("reflection", old.year),
                )
    return session


def attention_point_create(
    *, session: ReflectionSession, side: str, title: str, description: str = "", user
) -> AttentionPoint:
    """Add an attention point on one side of a session, numbered after the session's last
    one (numbers run across the sides, as the islands number them)."""
    with transaction.atomic():
        session = ReflectionSession.objects.select_for_update().get(pk=session.pk)
        point = AttentionPoint(
            session=session,
            side=side,
            number=attention_point_next_number(session),
            title=title.strip(),
            description=description.strip(),
        )
        point.full_clean()
        point.save()
        audit_record(
            actor=user,
            instance=point,
            action="attention_point.created",
            changes={
                "session": ["", str(session)],
                "side": ["", side],
                "number": ["", str(point.number)],
                "title": ["", point.title],
            },
            group=audit_group("reflection", session.year),
        )
    return point


def attention_point_next_number(session: ReflectionSession) -> int:
    """The number a new point of `session` gets. The caller holds the session's row lock
    (select_for_update), so two staff adding a point at once get 1 and 2, not 1 twice."""
    last = AttentionPoint.objects.filter(session=session).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def attention_points_renumber(
    *, session: ReflectionSession, order: list[int], user
) -> list[AttentionPoint]:
    """Number the session's points 1, 2, 3, ... in the order of the primary keys in `order`;
    points left out follow in their present order. Gapless, under the session's lock."""
    with transaction.atomic():
        session = ReflectionSession.objects.select_for_update().get(pk=session.pk)
        points = list(session.attention_points.order_by("number", "pk"))
        position = {pk: index for index, pk in enumerate(order)}
        new_order = sorted(points, key=lambda p: position.get(p.pk, len(order)))
        old_numbers = {p.pk: p.number for p in points}
        if [p.number for p in new_order] == list(range(1, len(points) + 1)):
            return new_order
        # Two steps, so no moment has two points on one number (the unique constraint is
        # checked per row): first above every present number, then to 1, 2, 3, ...
        top = max(old_numbers.values())
        for step in (lambda i: top + i, lambda i: i):
            for index, point in enumerate(new_order, start=1):
                point.number = step(index)
            AttentionPoint.objects.bulk_update(new_order, ["number"])
        audit_record(
            actor=user,
            instance=session,
            action="attention_points.renumbered",
            changes={
                str(p): [str(old_numbers[p.pk]), str(p.number)]
                for p in new_order
                if old_numbers[p.pk] != p.number
            },
            group=audit_group("reflection", session.year),
        )
    return new_order


def attention_point_move(*, point: AttentionPoint, direction: str, user) -> AttentionPoint:
    """Swap a point with the one before ("up") or after ("down") it in its session's
    numbering. At the start or end of the list nothing changes."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose to move the attention point up or down."))
    with transaction.atomic():
        ReflectionSession.objects.select_for_update().get(pk=point.session_id)
        pks = list(
            AttentionPoint.objects.filter(session_id=point.session_id)
            .order_by("number", "pk")
            .values_list("pk", flat=True)
        )
        index = pks.index(point.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(pks):
            pks[index], pks[other] = pks[other], pks[index]
        attention_points_renumber(session=point.session, order=pks, user=user)
    point.refresh_from_db()
    return point


def attention_point_update(
    *,
    point: AttentionPoint,
    user,
    title: str,
    description: str = "",
    ingredients: list[str],
    related: list[AttentionPoint],
) -> AttentionPoint:
    """Change an attention point: its text, its ingredients (in this order, replacing the old
    ones) and the points of other islands of the same year it is recognised in.

    Raises ValidationError for a link to its own session or to another year.
    """
    with transaction.atomic():
        point = (
            AttentionPoint.objects.select_for_update().select_related("session").get(pk=point.pk)
        )
        related = list(related)
        related_sessions = {
            p.pk: p
            for p in AttentionPoint.objects.filter(pk__in=[p.pk for p in related]).select_related(
                "session"
            )
        }
        for other in related:
            other = related_sessions.get(other.pk)
            if other is None or other.session.year != point.session.year:
                raise ValidationError(
                    {"related": _("Link only attention points of islands of the same year.")}
                )
            if other.session_id == point.session_id:
                raise ValidationError(
                    {"related": _("Link only attention points of the other islands.")}
                )
        values = {"title": title.strip(), "description": description.strip()}
        changes = diff(point, POINT_FIELDS, values)
        for name, value in values.items():
            setattr(point, name, value)
        point.full_clean()
        point.save()

        ingredients = [text.strip() for text in ingredients if text.strip()]
        old_ingredients = [i.text for i in point.ingredients.all()]
        if old_ingredients != ingredients:
            new = [
                Ingredient(attention_point=point, text=text, order=order)
                for order, text in enumerate(ingredients, start=1)
            ]
            for ingredient in new:
                neutralise_bidi_controls(ingredient)  # bulk_create() sends no pre_save
                ingredient.full_clean(exclude=["attention_point"])
            point.ingredients.all().delete()
            Ingredient.objects.bulk_create(new)
            changes["ingredients"] = ["\n".join(old_ingredients), "\n".join(ingredients)]

        old_related = list(point.related.select_related("session"))
        new_related = [related_sessions[p.pk] for p in related]
        if {p.pk for p in old_related} != {p.pk for p in new_related}:
            point.related.set(new_related)
            changes["related"] = [_point_names(old_related), _point_names(new_related)]

        if changes:
            audit_record(
                actor=user,
                instance=point,
                action="attention_point.updated",
                changes=changes,
                group=audit_group("reflection", point.session.year),
            )
    return point


def _point_names(points) -> str:
    return "; ".join(sorted(f"{p.session.label}: {p}" for p in points))
