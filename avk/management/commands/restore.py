"""manage.py restore FILE.tar.gz: bring back a backup made by `manage.py backup`."""

import json
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.db.migrations.recorder import MigrationRecorder

from avk.management.commands.backup import EXCLUDED

# Rows the periodic-task scheduler writes for itself from the settings: not portal data.
BOOKKEEPING = {"django_celery_beat"}


class Command(BaseCommand):
    help = (
        "Restore a backup into this (migrated) database. Refuses a database that holds data "
        "unless --flush is given, which empties it in the same transaction as the load: "
        "a restore that fails changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Replace all data in this database by the backup's.",
        )

    def handle(self, path, flush=False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}")
        if not flush and (holding := _tables_with_data()):
            raise CommandError(
                "This database holds data (e.g. "
                f"{', '.join(holding[:3])}). Restore into an empty one, or --flush."
            )
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _extract(source, folder)
            _check_manifest(folder)
            data = folder / "data.json"
            if not data.is_file():
                raise CommandError("Not a backup of the AVK portal (no data.json).")
            try:
                with transaction.atomic():
                    if flush:
                        call_command("flush", interactive=False, verbosity=0)
                    call_command("loaddata", str(data), verbosity=0)
            except (DeserializationError, DatabaseError, LookupError, ValueError) as exc:
                if isinstance(exc, DeserializationError) and exc.__cause__ is not None:
                    exc = exc.__cause__  # the JSON error says more than "problem installing"
                raise CommandError(
                    "The backup is damaged or does not fit this database; nothing was "
                    f"changed. {_first_line(exc)}"
                ) from exc
            # Cached pages were drawn from the data before: they go (avk.cache).
            cache.clear()
            media = folder / "media"
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored {source}"))


def _tables_with_data() -> list[str]:
    """The models a backup holds that have rows here (empty for a freshly migrated database)."""
    excluded_apps = {label for label in EXCLUDED if "." not in label} | BOOKKEEPING
    excluded_models = {label.lower() for label in EXCLUDED if "." in label}
    return [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
        and model._meta.managed
        and not model._meta.proxy
        and model._default_manager.exists()
    ]


def _extract(source: Path, folder: Path) -> None:
    try:
        with tarfile.open(source, "r:gz") as tar:
            # The "data" filter refuses absolute paths, ../ and links out of the folder.
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise CommandError(f"Not a readable backup (damaged or incomplete?): {exc}") from exc


def _check_manifest(folder: Path) -> None:
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


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
