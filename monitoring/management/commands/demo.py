from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from governance.demo import bodies as governance_demo
from governance.demo import memos as demo_memos
from governance.demo import programme as programme_demo
from library.demo import documents as library_demo
from monitoring.demo import experiences as experiences_demo
from monitoring.demo import indicators as indicators_demo
from movement.demo import learning as learning_demo
from movement.demo import mornings as mornings_demo
from movement.demo import network as network_demo
from movement.demo import pilots as pilots_demo
from movement.demo import stakeholders as stakeholders_demo
from partners.demo import organisations as partners_demo
from partners.demo import quickscan as quickscan_demo
from reflection.demo import builder as reflection_demo
from resources.demo import funding as resources_demo


class Command(BaseCommand):
    help = "Build (or bring back) the demo alliance from shared/seeds. Safe to run again."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo data is never loaded under production settings.")
        with transaction.atomic():
            partners = partners_demo.build()
            partners_demo.build_partner_work(partners)
            quickscan_demo.build(partners)
            governance_demo.build()
            demo_memos.build()
            programme_demo.build()
            reflection_demo.build()
            resources_demo.build()
            stakeholders_demo.build()
            pilots_demo.build()
            network_demo.build()  # after the pilots: the call is for one of them
            learning_demo.build()  # after partners: the sign-ups link to the AVK teams
            mornings_demo.build()
            library_demo.build()
            experiences_demo.build()
            indicators_demo.build()  # indicators: after reflection (effort links)
        self.stdout.write(self.style.SUCCESS("Demo alliance ready. Demo logins:"))
        for email, who, _staff, _edits in partners_demo.DEMO_LOGINS:
            self.stdout.write(f"  {email:32} {partners_demo.DEMO_PASSWORD}   {who}")
