"""A story behind the curve keeps its writer's name, filled for the stories there are from
their writer (the name User.__str__ gives: the full name, else the e-mail address)."""

from django.db import migrations, models


def names_from_writers(apps, schema_editor):
    IndicatorStory = apps.get_model("monitoring", "IndicatorStory")
    stories = list(IndicatorStory.objects.exclude(written_by=None).select_related("written_by"))
    for story in stories:
        story.written_by_name = story.written_by.full_name or story.written_by.email
    IndicatorStory.objects.bulk_update(stories, ["written_by_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_mergers_kept_on_the_municipality"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicatorstory",
            name="written_by_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="name of the writer"),
        ),
        migrations.RunPython(names_from_writers, migrations.RunPython.noop),
    ]
