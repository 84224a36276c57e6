import datetime

import factory

from movement.models import Mailing, Reader


class ReaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reader

    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    name = factory.Sequence(lambda n: f"Lezer {n}")
    source = "Nieuwsbrief 2025"
    consented_on = datetime.date(2025, 6, 2)


class MailingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mailing

    subject = "Oproep: doe mee met een pilot"
    body = "Beste lezer,\n\nWe zoeken mensen voor pilots visie vorming en vertaling in actie."
