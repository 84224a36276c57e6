"""manage.py restore FILE.tar.gz: bring back a backup made by `manage.py backup`."""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.migrations.recorder import MigrationRecorder


class Command(BaseCommand):
    help = (
        "Restore a backup into this (migrated) database. Refuses a database that holds data "
        "unless --flush is given, which first empties it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--flush", action="store_true", help="Empty the database first (all data is lost)."
        )

    def handle(self, path, flush=False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}")
        if get_user_model().objects.exists() and not flush:
            raise CommandError("This database holds data. Restore into an empty one, or --flush.")
        with tempfile.TemporaryDirectory() as tmp:
            try:
                with tarfile.open(source, "r:gz") as tar:
                    # The "data" filter refuses absolute paths, ../ and links out of tmp.
                    tar.extractall(tmp, filter="data")
            except (tarfile.TarError, OSError) as exc:
                raise CommandError(f"Not a readable backup: {exc}") from exc
            folder = Path(tmp)
            try:
                manifest = json.loads((folder / "manifest.json").read_text())
            except (OSError, ValueError) as exc:
                raise CommandError("Not a backup of the AVK portal (no manifest).") from exc
            known = {
                f"{app}.{name}"
                for app, name in MigrationRecorder.Migration.objects.values_list("app", "name")
            }
            missing = sorted(set(manifest.get("migrations", [])) - known)
            if missing:
                raise CommandError(
                    "The backup comes from a newer version: run its migrations first "
                    f"({', '.join(missing[:5])}…)."
                )
            if flush:
                call_command("flush", interactive=False, verbosity=0)
            with transaction.atomic():
                call_command("loaddata", str(folder / "data.json"), verbosity=0)
            media = folder / "media"
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored {source}"))
