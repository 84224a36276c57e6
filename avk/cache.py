"""Generational caching: keep a costly read until something it depends on changes.

Every model has a generation number in the cache. A cached read names the models it depends
on; its entry holds their generations, so any change of one of them makes the next request
build it afresh. Saves, deletes and many-to-many changes bump
the generation through signals (`watch()`, called by the app that caches); a bulk write sends
no signal, so the service that does one calls `touch()`.

The bump happens at once and again when the transaction commits: with the database cache the
first bump is part of the transaction (so it commits with the data), with another cache the
second one closes the window in which a request could have cached data that was not yet
committed.
"""

import hashlib
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

TIMEOUT = 6 * 60 * 60  # an entry nobody asks for again leaves after six hours


def _key(model: type[Model]) -> str:
    return f"avk:generation:{model._meta.label_lower}"


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # never set, or expired: start from a number no older entry used
        cache.set(key, time.time_ns(), None)


def touch(*models: type[Model]) -> None:
    """Say that rows of `models` changed (after a bulk write, which sends no signal)."""
    keys = [_key(model) for model in models]
    for key in keys:
        _bump(key)
    transaction.on_commit(lambda: [_bump(key) for key in keys])


# A login saves only the user's last_login, which no page shows: it changes no cached read.
UNSHOWN_FIELDS = frozenset({"last_login"})


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata (restore): the restore command clears the cache
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and UNSHOWN_FIELDS.issuperset(update_fields):
        return
    touch(sender)


def _m2m_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        touch(sender)


def watch(*models: type[Model]) -> None:
    """Bump a model's generation on every save and delete (many-to-many: every change of
    the link table). Safe to call more than once."""
    for model in models:
        uid = f"avk.cache:{model._meta.label_lower}"
        if model._meta.auto_created:  # a many-to-many link table
            m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=uid)
        else:
            post_save.connect(_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def _generation(keys: list[str], found: dict) -> str:
    """The generations under `keys` as one string, from `found` (what a read of them gave);
    a generation never set, or expired, starts now."""
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, time.time_ns(), None)
    if missing:
        found = found | cache.get_many(missing)
    return "-".join(str(found.get(key, 0)) for key in keys)


def generation(models: Iterable[type[Model]]) -> str:
    keys = [_key(model) for model in models]
    return _generation(keys, cache.get_many(keys))


def cached(
    name: str,
    models: Iterable[type[Model]],
    build: Callable[[], object],
    *,
    parts: Iterable[str] = (),
    timeout: int = TIMEOUT,
):
    """The value `build()` gave for `name` and `parts` while none of `models` changed.

    The entry keeps the generations it was built from, and is read in the same round trip
    as the current ones (one query with the database cache): it is served only while they
    are equal. So an entry that a slow build stores after a change is never served."""
    # A digest keeps the key short and safe, whatever the parts hold (a filter value from
    # the query string may be long or hold a NUL byte, which PostgreSQL refuses).
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8", "replace")).hexdigest()
    key = f"avk:kept:{name}:{digest[:40]}"
    keys = [_key(model) for model in models]
    found = cache.get_many([*keys, key])
    current = _generation(keys, found)
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = build()
    cache.set(key, (current, value), timeout)
    return value


def cached_html(
    name: str,
    models: Iterable[type[Model]],
    template: str,
    context: Callable[[], dict],
    *,
    parts: Iterable[str] = (),
) -> SafeString:
    """`template` rendered with `context()`, kept per language, day and `parts` while none of
    `models` changed. For fragments that are the same for everyone in `parts`: no request,
    so no CSRF token or per-user link may be inside."""
    html = cached(
        name,
        models,
        lambda: str(render_to_string(template, context())),
        parts=[get_language(), timezone.localdate().isoformat(), *parts],
    )
    return mark_safe(html)  # noqa: S308 - rendered (and escaped) by our own template
