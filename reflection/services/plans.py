"""Writes of the phase plans (faseplannen) and their efforts, with their audit records.

An adopted plan is never changed: every write below locks the plan and refuses one that
is not a draft, so a forged or late request changes nothing. A change to an adopted plan
is a new version (a draft copy) that supersedes the old one when it is adopted in turn.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.cache import touch
from governance.models import Decision, ProposedDecision
from partners.models import Partner, Person
from reflection.models import AttentionPoint, Effort, PhasePlan

PLAN_FIELDS = ["number", "title", "period_start", "period_end", "goals"]
EFFORT_FIELDS = ["title", "description", "owner", "start", "end", "status", "order"]


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects))


def _show(value) -> str:
    return "" if value is None else str(value)


def _lock_draft(plan: PhasePlan) -> PhasePlan:
    """The plan, locked for this transaction; ValidationError when it is no longer a draft."""
    plan = PhasePlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_editable:
        raise ValidationError(
            _("This phase plan has been adopted and can no longer be changed. Make a new version.")
        )
    return plan


def plan_create(
    *,
    user,
    number: int,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    goals: str = "",
) -> PhasePlan:
    """Start a new phase plan (version 1, a draft)."""
    with transaction.atomic():
        if PhasePlan.objects.filter(number=number).exists():
            raise ValidationError(
                {
                    "number": _(
                        "Phase plan %(number)s already exists. Make a new version of it instead."
                    )
                    % {"number": number}
                }
            )
        plan = PhasePlan(
            number=number,
            version=1,
            title=title.strip(),
            period_start=period_start,
            period_end=period_end,
            goals=goals.strip(),
            status=PhasePlan.Status.DRAFT,
        )
        plan.full_clean()
        plan.save()
        audit_record(
            actor=user,
            instance=plan,
            action="phaseplan.created",
            changes={name: ["", _show(getattr(plan, name))] for name in PLAN_FIELDS},
            group=audit_group("phaseplan", plan.number),
        )
    return plan


def plan_update(
    *,
    plan: PhasePlan,
    user,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    goals: str = "",
) -> PhasePlan:
    """Change a draft plan's title, period and goals. Refuses an adopted plan."""
    with transaction.atomic():
        plan = _lock_draft(plan)
        values = {
            "title": title.strip(),
            "period_start": period_start,
            "period_end": period_end,
            "goals": goals.strip(),
        }
        changes = diff(plan, values.keys(), values)
        for name, value in values.items():
            setattr(plan, name, value)
        plan.full_clean()
        plan.save()
        if changes:
            audit_record(
                actor=user,
                instance=plan,
                action="phaseplan.updated",
                changes=changes,
                group=audit_group("phaseplan", plan.number),
            )
    return plan


def plan_adopt(
    *,
    plan: PhasePlan,
    user,
    adopted_on: datetime.date | None = None,
    adopted_by: str = "",
    adopted_decision: Decision | None = None,
) -> PhasePlan:
    """Adopt a draft plan. Its adopted predecessor, if any, is superseded by it now.

    With `adopted_decision` (an adopted entry of a body's decision list) the date and the
    body come from the decision unless given.
    """
    if adopted_decision is not None:
        if adopted_decision.result != ProposedDecision.Result.ADOPTED:
            raise ValidationError(
                {"adopted_decision": _("Only an adopted decision can adopt a plan.")}
            )
        adopted_on = adopted_on or adopted_decision.decided_on
        adopted_by = adopted_by.strip() or adopted_decision.body.name
    with transaction.atomic():
        plan = _lock_draft(plan)
        plan.status = PhasePlan.Status.ADOPTED
        plan.adopted_on = adopted_on or timezone.localdate()
        plan.adopted_by = adopted_by.strip()
        plan.adopted_decision = adopted_decision
        plan.full_clean()
        plan.save()
        audit_record(
            actor=user,
            instance=plan,
            action="phaseplan.adopted",
            changes={
                "status": [PhasePlan.Status.DRAFT, PhasePlan.Status.ADOPTED],
                "adopted_on": ["", str(plan.adopted_on)],
                "adopted_by": ["", plan.adopted_by],
                "adopted_decision": ["", adopted_decision.number if adopted_decision else ""],
            },
            group=audit_group("phaseplan", plan.number),
        )
        if plan.predecessor_id:
            old = PhasePlan.objects.select_for_update().get(pk=plan.predecessor_id)
            if old.status == PhasePlan.Status.ADOPTED:
                old.status = PhasePlan.Status.SUPERSEDED
                old.save(update_fields=["status", "updated_at"])
                audit_record(
                    actor=user,
                    instance=old,
                    action="phaseplan.superseded",
                    changes={
                        "status": [PhasePlan.Status.ADOPTED, PhasePlan.Status.SUPERSEDED],
                        "successor": ["", str(plan)],
                    },
                    group=audit_group("phaseplan", old.number),
                )
    return plan


def plan_new_version(*, plan: PhasePlan, user) -> PhasePlan:
    """A draft copy of an adopted plan (goals, efforts with their partners and attention
    points), one version up, with the adopted plan as its predecessor. The adopted plan
    stays in force until the new version is adopted."""
    with transaction.atomic():
        plan = PhasePlan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PhasePlan.Status.ADOPTED:
            raise ValidationError(_("Only an adopted phase plan can get a new version."))
        if PhasePlan.objects.filter(predecessor=plan).exists():
            raise ValidationError(_("This phase plan already has a newer version."))
        highest = PhasePlan.objects.filter(number=plan.number).aggregate(v=Max("version"))["v"]
        new = PhasePlan(
            number=plan.number,
            version=(highest or plan.version) + 1,
            title=plan.title,
            period_start=plan.period_start,
            period_end=plan.period_end,
            goals=plan.goals,
            status=PhasePlan.Status.DRAFT,
            predecessor=plan,
        )
        new.full_clean()
        new.save()

        efforts = list(plan.efforts.prefetch_related("partners", "attention_points"))
        copies = Effort.objects.bulk_create(
            [
                Effort(plan=new, **{name: getattr(e, name) for name in EFFORT_FIELDS})
                for e in efforts
            ]
        )
        partner_links, point_links = [], []
        for effort, copy in zip(efforts, copies, strict=True):
            partner_links += [
                Effort.partners.through(effort_id=copy.pk, partner_id=p.pk)
                for p in effort.partners.all()
            ]
            point_links += [
                Effort.attention_points.through(effort_id=copy.pk, attentionpoint_id=a.pk)
                for a in effort.attention_points.all()
            ]
        Effort.partners.through.objects.bulk_create(partner_links)
        Effort.attention_points.through.objects.bulk_create(point_links)
        touch(Effort, Effort.partners.through, Effort.attention_points.through)  # avk.cache
        audit_record(
            actor=user,
            instance=new,
            action="phaseplan.new_version",
            changes={
                "version": [str(plan.version), str(new.version)],
                "efforts": ["", str(len(copies))],
            },
            group=audit_group("phaseplan", new.number),
        )
    return new


def effort_save(
    *,
    plan: PhasePlan,
    user,
    effort: Effort | None = None,
    title: str,
    description: str = "",
    owner: Person | None = None,
    partners: list[Partner] | tuple = (),
    start: datetime.date,
    end: datetime.date,
    status: str = Effort.Status.PLANNED,
    order: int = 0,
    attention_points: list[AttentionPoint] | tuple = (),
) -> Effort:
    """Add an effort to a draft plan (`effort` None) or change one of its efforts."""
    with transaction.atomic():
        plan = _lock_draft(plan)
        if effort is None:
            creating, old_partners, old_points, before = True, [], [], None
            effort = Effort(plan=plan)
        else:
            effort = Effort.objects.select_for_update().get(pk=effort.pk)
            if effort.plan_id != plan.pk:
                raise ValidationError(_("This effort belongs to another phase plan."))
            creating = False
            old_partners = list(effort.partners.all())
            old_points = list(effort.attention_points.all())
            before = Effort(**{name: getattr(effort, name) for name in EFFORT_FIELDS})
        values = {
            "title": title.strip(),
            "description": description.strip(),
            "owner": owner,
            "start": start,
            "end": end,
            "status": status,
            "order": order,
        }
        for name, value in values.items():
            setattr(effort, name, value)
        if effort.end is not None and effort.start is not None and effort.end < effort.start:
            raise ValidationError({"end": _("The end cannot be before the start.")})
        effort.full_clean()
        effort.save()
        partners, attention_points = list(partners), list(attention_points)
        effort.partners.set(partners)
        effort.attention_points.set(attention_points)

        changes = (
            {n: ["", _show(v)] for n, v in values.items() if v not in (None, "")}
            if creating
            else diff(before, EFFORT_FIELDS, values)
        )
        if _names(old_partners) != _names(partners):
            changes["partners"] = [_names(old_partners), _names(partners)]
        if _names(old_points) != _names(attention_points):
            changes["attention_points"] = [_names(old_points), _names(attention_points)]
        if creating or changes:
            audit_record(
                actor=user,
                instance=effort,
                action="effort.created" if creating else "effort.updated",
                changes=changes,
                group=audit_group("phaseplan", plan.number),
            )
    return effort


def attention_point_carry(
    *,
    point: AttentionPoint,
    plan: PhasePlan,
    user,
    effort: Effort | None = None,
    title: str = "",
    owner: Person | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> Effort:
    """Carry an attention point into a draft plan: link it to `effort` of that plan, or
    (without `effort`) make a new effort that answers it. Start and end default to the
    plan's period. Returns the effort."""
    with transaction.atomic():
        plan = _lock_draft(plan)
        if effort is not None:
            effort = Effort.objects.select_for_update().get(pk=effort.pk)
            if effort.plan_id != plan.pk:
                raise ValidationError({"effort": _("Choose an effort of the chosen phase plan.")})
            effort.attention_points.add(point)
            audit_record(
                actor=user,
                instance=effort,
                action="effort.attention_point_linked",
                changes={"attention_points": ["", str(point)]},
                group=audit_group("phaseplan", plan.number),
            )
            return effort

        title = (title or point.title).strip()
        start = start or plan.period_start
        end = end or plan.period_end
        if end < start:
            raise ValidationError({"end": _("The end cannot be before the start.")})
        highest = plan.efforts.aggregate(o=Max("order"))["o"]
        effort = Effort(
            plan=plan,
            title=title,
            owner=owner,
            start=start,
            end=end,
            order=min((highest or 0) + 1, 32767) if highest is not None else 0,
        )
        effort.full_clean()
        effort.save()
        effort.attention_points.add(point)
        audit_record(
            actor=user,
            instance=effort,
            action="effort.created",
            changes={
                "title": ["", effort.title],
                "owner": ["", _show(owner)],
                "start": ["", str(start)],
                "end": ["", str(end)],
                "attention_points": ["", str(point)],
            },
            group=audit_group("phaseplan", plan.number),
        )
    return effort
