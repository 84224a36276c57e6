"""A backup and a restore bring back the same alliance, files included."""

import hashlib
import io
import tarfile

import pytest
from django.core.management import CommandError, call_command

from avk import documents
from avk.models import AuditEntry, Document, User
from governance.models import Body, Seat
from partners.models import Commitment, Intervention, Partner, Person, QuickScan, TeamMember
from tests.factories import package_of

MODELS = [
    User,
    Partner,
    Person,
    Body,
    Seat,
    Commitment,
    TeamMember,
    Intervention,
    QuickScan,
    AuditEntry,
    Document,
]


def snapshot():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db(transaction=True)
def test_round_trip(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", stdout=io.StringIO())
    staff = User.objects.get(email="programmaleider@avk.example")
    document = documents.document_request(user=staff, kind="governance_overview", language="nl")
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    digest = hashlib.sha256(document.file.read()).hexdigest()
    before = snapshot()
    cosis_package = package_of(Partner.objects.get(name="Cosis")).code

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="holds data"):
        call_command("restore", str(archive), stdout=io.StringIO())

    document.file.delete(save=False)  # lose a file too
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()
    call_command("restore", str(archive), stdout=io.StringIO())

    assert snapshot() == before
    assert package_of(Partner.objects.get(name="Cosis")).code == cosis_package
    assert User.objects.get(email="programmaleider@avk.example").check_password("avk-demo-2026")
    restored = Document.objects.get(pk=document.pk)
    assert hashlib.sha256(restored.file.read()).hexdigest() == digest == restored.sha256


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    garbage = tmp_path / "x.tar.gz"
    garbage.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="Not a readable backup"):
        call_command("restore", str(garbage))
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        info = tarfile.TarInfo("../../etc/evil")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(CommandError):
        call_command("restore", str(evil))
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
