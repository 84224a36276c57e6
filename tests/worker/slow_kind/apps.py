import os
import time
from pathlib import Path

from django.apps import AppConfig

KIND = "test_slow"


def _context(subject: str) -> dict:
    """Say that rendering started, then wait while the hold file exists (at most 2 min)."""
    started, hold = os.environ.get("AVK_TEST_STARTED"), os.environ.get("AVK_TEST_HOLD")
    if started:
        Path(started).write_text(str(os.getpid()))
    deadline = time.monotonic() + 120
    while hold and Path(hold).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return {"title": "Traag document", "subject": subject}


def register() -> None:
    from avk.documents import DocumentKind
    from avk.documents import register as register_kind

    register_kind(
        DocumentKind(
            key=KIND,
            title=lambda subject: "Traag document",
            template="slow_kind/slow.html",
            context=_context,
            can_request=lambda user, subject: True,
            filename=lambda subject: "traag",
        )
    )


class SlowKindConfig(AppConfig):
    name = "tests.worker.slow_kind"
    label = "slow_kind"

    def ready(self):
        register()
