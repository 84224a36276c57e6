"""A backup and a restore bring back the same alliance, files included."""

import hashlib
import io
import json
import tarfile
import threading

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection

from avk import documents
from avk.models import AuditEntry, Document, User
from governance.models import Body, Seat
from partners.models import (
    Commitment,
    Intervention,
    Partner,
    PartnerMembership,
    Person,
    QuickScan,
    TeamMember,
)
from tests.conftest import is_postgresql
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    PartnerFactory,
    UserFactory,
    package_of,
)

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
    cache.set("a page drawn from the data before", "stale", None)
    call_command("restore", str(archive), stdout=io.StringIO())
    assert cache.get("a page drawn from the data before") is None

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


# --- a failed restore loses nothing -----------------------------------------------------


def _archive(path, data: bytes, manifest: bytes | None = None):
    """A backup file holding `data` as data.json and a manifest valid for this database."""
    if manifest is None:
        manifest = b'{"migrations": []}'
    with tarfile.open(path, "w:gz") as tar:
        for name, payload in [("manifest.json", manifest), ("data.json", data)]:
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return path


@pytest.mark.django_db(transaction=True)
def test_flush_and_a_failing_load_leave_the_database_as_it_was(tmp_path):
    partner = PartnerFactory(name="Blijft bestaan")
    user = UserFactory(email="blijft@example.org")
    # Valid JSON, but the commitment points at a partner the backup does not hold.
    broken = _archive(
        tmp_path / "broken.tar.gz",
        b'[{"model": "partners.commitment", "pk": 1, "fields": {"partner": 999999,'
        b' "package": 1, "status": "in_effect"}}]',
    )
    with pytest.raises(CommandError):
        call_command("restore", str(broken), "--flush", stdout=io.StringIO())
    assert Partner.objects.filter(pk=partner.pk, name="Blijft bestaan").exists()
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_half_a_json_is_refused_with_a_message_and_nothing_is_flushed(tmp_path):
    partner = PartnerFactory()
    half = _archive(tmp_path / "half.tar.gz", b'[{"model": "partners.partner", "pk": 1, "fie')
    with pytest.raises(CommandError, match="damaged or does not fit"):
        call_command("restore", str(half), "--flush", stdout=io.StringIO())
    assert Partner.objects.filter(pk=partner.pk).exists()


@pytest.mark.django_db
def test_a_truncated_archive_gets_a_message(tmp_path):
    good = _archive(tmp_path / "good.tar.gz", b"[]" + b" " * 200_000)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[:200])
    with pytest.raises(CommandError, match="Not a readable backup"):
        call_command("restore", str(truncated), stdout=io.StringIO())
    missing_data = tmp_path / "no-data.tar.gz"
    with tarfile.open(missing_data, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"{}"))
    with pytest.raises(CommandError, match=r"no data\.json"):
        call_command("restore", str(missing_data), stdout=io.StringIO())


@pytest.mark.django_db
def test_a_database_with_any_portal_data_is_refused_without_flush(tmp_path):
    PartnerFactory()  # portal data, but no user at all
    assert not User.objects.exists()
    archive = _archive(tmp_path / "empty.tar.gz", b"[]")
    with pytest.raises(CommandError, match="holds data"):
        call_command("restore", str(archive), stdout=io.StringIO())


# --- a backup is one moment in time ---------------------------------------------------


def _write_in_another_connection(write):
    """Run `write` in its own thread, so in its own database connection, and wait for it."""
    errors = []

    def run():
        try:
            write()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not errors, errors


@pytest.mark.django_db(transaction=True)
def test_a_write_during_the_backup_does_not_break_the_restore(tmp_path, monkeypatch):
    if not is_postgresql():
        pytest.skip("concurrent writes during a dump need PostgreSQL")
    BodyFactory()  # the dump reads bodies after partners and before memberships
    written = []
    original = JSONSerializer.start_object

    def start_object(self, obj):
        # Partners are dumped by now and memberships not yet: a person joins a new
        # partner exactly between the two reads.
        if isinstance(obj, Body) and not written:
            written.append(True)
            _write_in_another_connection(
                lambda: MembershipFactory(partner=PartnerFactory(name="Tijdens de backup"))
            )
        return original(self, obj)

    monkeypatch.setattr(JSONSerializer, "start_object", start_object)
    archive = tmp_path / "during.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    monkeypatch.undo()
    assert written

    call_command("restore", str(archive), "--flush", stdout=io.StringIO())
    assert not Partner.objects.filter(name="Tijdens de backup").exists()


@pytest.mark.django_db(transaction=True)
def test_backup_under_concurrent_writes_restores_everything(tmp_path):
    if not is_postgresql():
        pytest.skip("concurrent writes during a dump need PostgreSQL")
    call_command("demo", stdout=io.StringIO())
    stop = threading.Event()
    made = []

    def keep_writing():
        try:
            while not stop.is_set():
                made.append(MembershipFactory(partner=PartnerFactory()).pk)
        finally:
            connection.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        archive = tmp_path / "busy.tar.gz"
        call_command("backup", str(archive), stdout=io.StringIO())
    finally:
        stop.set()
        writer.join()
    assert made, "the writer wrote nothing while the backup ran"

    with tarfile.open(archive) as tar:
        dumped = json.load(tar.extractfile("data.json"))
    partners_in_dump = sum(1 for row in dumped if row["model"] == "partners.partner")
    call_command("restore", str(archive), "--flush", stdout=io.StringIO())
    assert Partner.objects.count() == partners_in_dump
    assert not PartnerMembership.objects.filter(partner__isnull=True).exists()
