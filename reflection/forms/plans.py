"""Forms of the phase plans: the plan, its efforts, adoption, and carrying an attention
point into a draft plan. The views hand the cleaned data to reflection.services_plans."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField, SafeModelMultipleChoiceField
from governance.models import Decision, ProposedDecision
from partners.models import Partner, Person
from reflection.models import AttentionPoint, Effort, PhasePlan

SMALL_MAX = 32767  # PositiveSmallIntegerField on every database


def attention_point_label(point: AttentionPoint) -> str:
    return f"{point.citation} ({point.get_side_display()}): {point.title}"


class AttentionPointChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return attention_point_label(obj)


def _check_period(form, cleaned, start: str, end: str) -> None:
    if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
        form.add_error(end, _("The end cannot be before the start."))


class PlanForm(ModelForm):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=SMALL_MAX)

    class Meta:
        model = PhasePlan
        fields = ["number", "title", "period_start", "period_end", "goals"]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "goals": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The number ties the versions together: it is fixed once the plan exists.
            self.fields["number"].disabled = True

    def clean(self):
        cleaned = super().clean()
        _check_period(self, cleaned, "period_start", "period_end")
        return cleaned

    def validate_unique(self):
        # plan_create says it in the user's words ("make a new version instead").
        pass


class EffortForm(ModelForm):
    owner = SafeModelChoiceField(
        label=_("Owner"), queryset=Person.objects.order_by("name"), required=False
    )
    partners = SafeModelMultipleChoiceField(
        label=_("Partners involved"),
        queryset=Partner.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    attention_points = AttentionPointChoiceField(
        label=_("Answers these attention points"),
        queryset=AttentionPoint.objects.select_related("session").order_by(
            "-session__year", "session__date", "session_id", "number"
        ),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=SMALL_MAX, initial=0)

    class Meta:
        model = Effort
        fields = [
            "title",
            "description",
            "owner",
            "partners",
            "start",
            "end",
            "status",
            "order",
            "attention_points",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        _check_period(self, cleaned, "start", "end")
        return cleaned

    def _post_clean(self):
        # The model's checks run in the service (effort_save), inside the plan's lock.
        pass


def decision_label(decision: Decision) -> str:
    return f"{decision.number} ({decision.decided_on:%d-%m-%Y}): {decision.text[:80]}"


class DecisionChoiceField(SafeModelChoiceField):
    """Any decision validates (so a decision that was not adopted gets its own message in
    AdoptForm.clean); the select shows only the choices the form gives it."""

    def label_from_instance(self, obj):
        return decision_label(obj)


class AdoptForm(forms.Form):
    adopted_decision = DecisionChoiceField(
        label=_("Decision"),
        queryset=Decision.objects.select_related("body"),
        required=False,
        empty_label=_("(none of these)"),
        help_text=_(
            "The numbered decision that adopted the plan: one of the newest here, or type "
            "its number below. Its date and body are then filled in for you."
        ),
    )
    decision_number = forms.CharField(
        label=_("Or the decision number"),
        max_length=Decision._meta.get_field("number").max_length,
        required=False,
        help_text=_("For example SG-2026-004, as in the body's decision list."),
    )
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, widget=DateInput())
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        max_length=200,
        initial=_("Stuurgroep"),
        required=False,
        help_text=_("For example: the steering group."),
    )

    def __init__(self, *args, recent: list[Decision] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if recent is not None:  # the page: only these are listed (validation takes any)
            field = self.fields["adopted_decision"]
            field.widget.choices = [("", field.empty_label)] + [
                (d.pk, decision_label(d)) for d in recent
            ]

    def _typed_decision(self, number: str) -> Decision | None:
        decision = Decision.objects.select_related("body").filter(number__iexact=number).first()
        if decision is None:
            self.add_error(
                "decision_number",
                _(
                    "There is no decision with number %(number)s. Check the number in the "
                    "body's decision list."
                )
                % {"number": number},
            )
        return decision

    def clean(self):
        cleaned = super().clean()
        number = (cleaned.get("decision_number") or "").strip()
        decision = cleaned.get("adopted_decision")
        if number:
            typed = self._typed_decision(number)
            if typed is not None and decision is not None and typed != decision:
                self.add_error(
                    "decision_number",
                    _("You chose decision %(chosen)s and typed %(typed)s. Give only one.")
                    % {"chosen": decision.number, "typed": typed.number},
                )
            decision = typed or decision
        if decision is not None and decision.result != ProposedDecision.Result.ADOPTED:
            self.add_error(
                "decision_number" if number else "adopted_decision",
                _("Decision %(number)s was not adopted, so it cannot adopt a plan.")
                % {"number": decision.number},
            )
        if self.errors:
            return cleaned
        cleaned["adopted_decision"] = decision
        if not decision and not (cleaned.get("adopted_by") or "").strip():
            self.add_error("adopted_by", _("Say who adopted the plan, or choose the decision."))
        return cleaned


class CarryForm(forms.Form):
    NEW, LINK = "new", "link"

    plan = SafeModelChoiceField(
        label=_("Draft phase plan"),
        queryset=PhasePlan.objects.filter(status=PhasePlan.Status.DRAFT).order_by(
            "-number", "-version"
        ),
        empty_label=None,
    )
    mode = forms.ChoiceField(
        label=_("How"),
        choices=[(NEW, _("As a new effort")), (LINK, _("Link to an existing effort"))],
        initial=NEW,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Title of the new effort"),
        max_length=Effort._meta.get_field("title").max_length,
        required=False,
    )
    owner = SafeModelChoiceField(
        label=_("Owner"), queryset=Person.objects.order_by("name"), required=False
    )
    start = forms.DateField(
        label=_("Start"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: the start of the plan's period."),
    )
    end = forms.DateField(
        label=_("End"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: the end of the plan's period."),
    )
    effort = SafeModelChoiceField(
        label=_("Existing effort"),
        queryset=Effort.objects.filter(plan__status=PhasePlan.Status.DRAFT)
        .select_related("plan")
        .order_by("-plan__number", "-plan__version", "order", "start", "id"),
        required=False,
        help_text=_("Only for linking: an effort of the chosen plan."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effort"].label_from_instance = lambda e: f"{e.plan}: {e.title}"

    def clean(self):
        cleaned = super().clean()
        plan, mode = cleaned.get("plan"), cleaned.get("mode")
        if mode == self.LINK:
            effort = cleaned.get("effort")
            if effort is None:
                if "effort" not in self.errors:
                    self.add_error("effort", _("Choose the effort to link to."))
            elif plan is not None and effort.plan_id != plan.pk:
                self.add_error("effort", _("Choose an effort of the chosen phase plan."))
        elif mode == self.NEW:
            cleaned["title"] = (cleaned.get("title") or "").strip()
            if not cleaned["title"] and "title" not in self.errors:
                self.add_error("title", _("Give the new effort a title."))
            if plan is not None:
                start = cleaned.get("start") or plan.period_start
                end = cleaned.get("end") or plan.period_end
                if end < start:
                    self.add_error("end", _("The end cannot be before the start."))
        return cleaned
