"""manage.py backup FILE.tar.gz: the whole database (as JSON) and the media files in one file."""

import io
import json
import tarfile
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

# Rebuilt by `migrate` or worthless after a restore: left out of the backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


class Command(BaseCommand):
    help = "Write a backup of the database and the media files to a .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the backup, e.g. avk-2026-11-24.tar.gz")

    def handle(self, path, **options):
        data = io.StringIO()
        # dumpdata reads one table after another. Inside one snapshot every table is read
        # as it was at the same moment, so a row written meanwhile is either wholly in the
        # backup or wholly out of it, and the backup restores while people use the portal.
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            migrations = sorted(
                f"{app}.{name}"
                for app, name in MigrationRecorder.Migration.objects.values_list("app", "name")
            )
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=EXCLUDED,
                format="json",
                stdout=data,
            )
        manifest = {
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "migrations": migrations,
        }
        target = Path(path)
        with tarfile.open(target, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
            _add_bytes(tar, "data.json", data.getvalue().encode())
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))


def _add_bytes(tar: tarfile.TarFile, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(payload))
