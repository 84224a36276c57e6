import datetime

import factory

from movement.models import Stage, StakeholderEntry
from tests.factories import PartnerFactory


class StakeholderEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderEntry

    partner = factory.SubFactory(PartnerFactory)
    stage = Stage.INVOLVED
    recorded_on = datetime.date(2025, 6, 2)
    working_on = "Intern AVK-team optuigen"
