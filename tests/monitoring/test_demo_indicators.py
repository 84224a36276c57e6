"""The demo's indicators hold only the published figures of shared/monitoring.md, each with
its source; the demo's municipalities get their CBS codes; building twice changes nothing."""

from decimal import Decimal

from monitoring.demo import indicators as demo
from monitoring.models import Area, EffortIndicator, IndicatorStory, Measurement, Target
from partners.demo import organisations
from partners.models import Municipality


def test_the_demo_builds_the_published_figures_with_their_sources(db):
    organisations.build()
    demo.build()
    demo.build()  # idempotent
    assert Measurement.objects.count() == len(demo.FIGURES)
    assert not Measurement.objects.filter(note="").exists()
    emmen = Measurement.objects.get(
        indicator__name=demo.CHILD_POVERTY, area__code="GM0114", year=2018
    )
    assert emmen.value == Decimal("9.6") and "RTV Drenthe" in emmen.note
    energy = Measurement.objects.get(
        indicator__name=demo.CHILD_POVERTY, area__code="NL01", year=2022
    )
    assert energy.is_break
    assert all("demodoel" in t.note for t in Target.objects.all())
    assert set(Target.objects.values_list("area__code", flat=True)) == {"RGVK"}
    story = IndicatorStory.objects.get()
    assert story.partners.count() == 3 and story.helps and story.hinders
    # Every municipality of the demo has its CBS code and its area in the region.
    region = Area.objects.get(code="RGVK")
    for name, _province in organisations.MUNICIPALITIES:
        municipality = Municipality.objects.get(name=name)
        assert municipality.cbs_code and municipality.area in region.members.all()


def test_the_effort_link_is_made_when_the_phase_plan_is_there(db):
    from reflection.demo import builder

    organisations.build()
    builder.build()
    demo.build()
    link = EffortIndicator.objects.get()
    assert link.effort.title == demo.EFFORT_TITLE and link.expected_change
