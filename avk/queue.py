"""Handing work to the task queue without letting a broker outage break the caller.

The database rows (an outgoing mail, a document) are the source of truth; a task on the
queue is only a nudge to act on them now. When Redis cannot be reached the nudge is
dropped with a log line, and the periodic sweeps (`mail_sweep`, `documents_sweep`) give
it again later, so nothing is lost and the request or fan-out that asked goes on.
"""

import logging
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

# After a failed hand-over, skip the broker for this many seconds in this process: a
# fan-out of many mails then fails fast instead of waiting for a dead broker per mail.
PAUSE_SECONDS = 15.0
_broker_down_until = 0.0


def enqueue(send: Callable[[], object], *, what: str) -> bool:
    """Call `send` (a task's `.delay(...)`); False when the broker could not take it."""
    global _broker_down_until
    from avk.celery import app

    eager = app.conf.task_always_eager  # no broker involved at all
    if not eager and time.monotonic() < _broker_down_until:
        logger.info("Task queue unreachable a moment ago; %s left to the sweep", what)
        return False
    try:
        send()
    except Exception as exc:  # the broker is down, refuses or times out
        logger.warning("Could not queue %s: %s", what, exc)
        if not eager:
            _broker_down_until = time.monotonic() + PAUSE_SECONDS
        return False
    return True


def reset() -> None:
    """Forget an earlier failure (for tests, and when the broker is known to be back)."""
    global _broker_down_until
    _broker_down_until = 0.0
