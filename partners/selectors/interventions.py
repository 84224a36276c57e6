"""Reads of the interventions inventory that its pages keep rendered (avk.cache)."""

from django.urls import reverse

from partners.models import Intervention, Municipality, Partner, Person

# What the lists of interventions show.
INTERVENTIONS_READ = (
    Intervention,
    Intervention.municipalities.through,
    Intervention.collaborators.through,
    Partner,
    Person,
    Municipality,
)


def intervention_rows(interventions, *, editable_ids: set[int] | None) -> list[dict]:
    """What a row of a list of interventions shows, links included; `editable_ids` are the
    partners whose interventions the reader may change (None: every one, for staff)."""
    rows = []
    for intervention in interventions:
        may_edit = editable_ids is None or intervention.partner_id in editable_ids
        rows.append(
            {
                "intervention": intervention,
                "partner_url": reverse("partners:partner_detail", args=[intervention.partner_id]),
                "edit_url": reverse(
                    "partners:intervention_edit",
                    args=[intervention.partner_id, intervention.pk],
                )
                if may_edit
                else "",
                "publish_url": reverse("partners:intervention_publish", args=[intervention.pk])
                if editable_ids is None
                else "",
            }
        )
    return rows
