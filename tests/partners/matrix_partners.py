"""Permission-matrix entries for the directory, commitment, team, audit and invitations."""

from partners.models import Commitment, Package
from tests.matrix import EVERYONE_LOGGED_IN, PARTNER_A_WRITERS, POST_ONLY, STAFF_ONLY


def _package(o):
    package, _created = Package.objects.get_or_create(code="A", defaults={"name": "Kopgroep"})
    return package


def _proposal(o):
    return Commitment.objects.create(
        partner=o["partner_a"],
        package=_package(o),
        period_start="2026-01-01",
        status=Commitment.Status.PROPOSED,
    )


def _with_a_proposal(o):
    _proposal(o)
    return {}


EXPECTED = {
    "partners:commitment": (lambda o: {"pk": o["partner_a"].pk}, PARTNER_A_WRITERS),
    "partners:commitment_decide": (
        lambda o: {"commitment_pk": _proposal(o).pk},
        POST_ONLY
        | {"editor_a": 403, "editor_b": 403, "db_member": 403, "sg_member": 403, "outsider": 403},
    ),
    "partners:commitment_changes": (_with_a_proposal, STAFF_ONLY),
    "partners:package_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "partners:package_edit": (lambda o: {"package_pk": _package(o).pk}, STAFF_ONLY),
    "partners:team": (lambda o: {"pk": o["partner_a"].pk}, PARTNER_A_WRITERS),
    "partners:team_overview": (lambda o: {}, STAFF_ONLY),
    "partners:colleague_invite": (lambda o: {"pk": o["partner_a"].pk}, PARTNER_A_WRITERS),
    "partners:audit": (lambda o: {"pk": o["partner_a"].pk}, STAFF_ONLY),
}
