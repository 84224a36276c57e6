"""A merger is kept in one place: on the municipality. An area of a municipality used to hold
a copy (areas_sync copied it over), which a merger recorded later could miss. The copies are
carried over to the municipalities before they go; provinces and the region never merge."""

from django.db import migrations


def mergers_to_municipalities(apps, schema_editor):
    Area = apps.get_model("monitoring", "Area")
    Municipality = apps.get_model("partners", "Municipality")
    homeless = []
    for area in Area.objects.exclude(successor=None).select_related(
        "municipality", "successor__municipality"
    ):
        municipality, successor = area.municipality, area.successor.municipality
        if municipality is None or successor is None:
            homeless.append(f"{area.code} \u2192 {area.successor.code}")
        elif municipality.successor_id is None:
            # Where the two disagree, the municipality's record stays: it is the one the
            # areas were kept in step with.
            Municipality.objects.filter(pk=municipality.pk).update(
                successor=successor, merged_in=area.merged_in
            )
    if homeless:
        raise RuntimeError(
            "These areas record a merger that no municipality can hold (link the areas to "
            "their municipalities, or record the merger on the municipality, then migrate "
            "again): " + ", ".join(homeless)
        )


def mergers_to_areas(apps, schema_editor):
    Area = apps.get_model("monitoring", "Area")
    for area in Area.objects.exclude(municipality__successor=None).select_related(
        "municipality__successor"
    ):
        successor = Area.objects.filter(municipality=area.municipality.successor).first()
        if successor is not None:
            area.successor, area.merged_in = successor, area.municipality.merged_in
            area.save(update_fields=["successor", "merged_in"])


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_indicators_experiences_spotlights"),
        ("partners", "0004_municipality_cbs_code_and_mergers"),
    ]

    operations = [
        migrations.RunPython(mergers_to_municipalities, mergers_to_areas),
        migrations.RemoveConstraint(
            model_name="area",
            name="area_merger_has_year",
        ),
        migrations.RemoveField(
            model_name="area",
            name="merged_in",
        ),
        migrations.RemoveField(
            model_name="area",
            name="successor",
        ),
    ]
