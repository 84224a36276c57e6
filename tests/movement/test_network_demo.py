"""The demo network from the 2025 memo: 4,000 readers and the call for pilots, idempotent."""

import pytest

from avk.models import OutgoingMail
from movement.demo import network as demo
from movement.demo import pilots as pilots_demo
from movement.models import Mailing, PilotSignup, Reader
from movement.selectors.mailings import mail_counts, mailing_for_staff

pytestmark = pytest.mark.django_db


def test_the_demo_readers_and_the_call_for_pilots_are_built_once():
    from governance.demo import bodies as governance_demo
    from partners.demo import organisations as partners_demo
    from reflection.demo import builder as reflection_demo

    partners_demo.build()
    governance_demo.build()
    reflection_demo.build()
    pilots_demo.build()
    demo.build()
    demo.build()
    assert Reader.objects.count() == demo.READERS
    subscribed = Reader.objects.filter(unsubscribed_at__isnull=True).count()
    assert subscribed == demo.READERS - demo.READERS // demo.UNSUBSCRIBED_EVERY
    assert all(r.email.endswith("@example.org") for r in Reader.objects.all()[:50])
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.SENT and mailing.recipients == subscribed
    # History: every mail marked sent, none waiting to go out to 4,000 people.
    assert mail_counts(mailing) == {"sent": subscribed, "waiting": 0, "failed": 0}
    assert not OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).exists()
    assert not OutgoingMail.objects.filter(
        to__in=Reader.objects.filter(unsubscribed_at__isnull=False).values("email")
    ).exists()
    brought = PilotSignup.objects.filter(mailing=mailing).count()
    assert brought >= 2
    assert mailing_for_staff(mailing.pk).signed_up == brought
