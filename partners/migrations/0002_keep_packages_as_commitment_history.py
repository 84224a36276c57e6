# The package moves from the partner into the commitment history (next migration).
# A data step alone: on PostgreSQL the new rows' pending foreign-key checks would block
# the schema changes in the same transaction.

from django.db import migrations


def keep_packages_without_history(apps, schema_editor):
    """The package moves from a field on the partner into the history alone. A partner with
    a package but no entry in effect gets one, so no package is lost."""
    Partner = apps.get_model("partners", "Partner")
    Commitment = apps.get_model("partners", "Commitment")
    without_history = Partner.objects.filter(package__isnull=False).exclude(
        commitments__status="in_effect"
    )
    Commitment.objects.bulk_create(
        Commitment(
            partner=partner,
            package_id=partner.package_id,
            period_start=partner.created_at.date(),
            note="Carried over from the partner record.",
            status="in_effect",
        )
        for partner in without_history
    )


class Migration(migrations.Migration):

    dependencies = [
        ("partners", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(keep_packages_without_history, migrations.RunPython.noop),
    ]
