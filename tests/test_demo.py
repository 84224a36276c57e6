from django.core.management import call_command

from avk.models import User
from governance.models import Body, Seat
from partners.demo.organisations import DEMO_LOGINS, DEMO_PASSWORD
from partners.models import Partner, PartnerMembership, Person


def counts():
    return [m.objects.count() for m in (Partner, Person, User, Body, Seat, PartnerMembership)]


def test_demo_is_idempotent_and_built_from_the_seeds(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first

    names = set(Partner.objects.values_list("name", flat=True))
    for seed in [
        "Cosis",
        "Lentis",
        "VNN",
        "GKB",
        "Leger des Heils",
        "Noorderpoort",
        "CMO STAMM",
        "Afeer",
        "Zorg Innovatie Forum",
        "Gemeente Veendam",
        "Gemeente Emmen",
    ]:
        assert seed in names
    assert set(Body.objects.values_list("kind", flat=True)) == set(Body.Kind.values)
    experience_experts = Person.objects.filter(is_experience_expert=True)
    assert {p.name for p in experience_experts} == {"Lineke", "Nico", "Manna", "Marga"}
    assert Seat.objects.filter(body__short_name="DB", role=Seat.Role.EXPERIENCE_EXPERT).exists()


def test_every_demo_login_works(client, db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(DEMO_LOGINS) >= 6
    for email, *_rest in DEMO_LOGINS:
        client.logout()
        response = client.post("/account/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert response["Location"] == "/"
    staff = User.objects.get(email="programmaleider@avk.example")
    assert staff.is_staff
    assert PartnerMembership.objects.get(user__email="redacteur.cosis@avk.example").is_editor
