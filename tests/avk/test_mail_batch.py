"""Many mails at once: one row per key, one task per chunk, each mail sent once."""

import pytest
from django.core import mail

from avk import emails
from avk.models import OutgoingMail
from avk.tasks import mail_deliver_batch

pytestmark = pytest.mark.django_db


def _messages(n, prefix="batch"):
    return [
        {
            "key": f"{prefix}:{i}",
            "to": f"lid{i}@example.org",
            "name": "team_incomplete",
            "context": {"name": f"Lid {i}", "partner": "Cosis", "missing": [], "link": "x"},
            "language": "nl",
        }
        for i in range(n)
    ]


def test_queue_many_makes_one_row_per_key_and_one_task_per_chunk(
    django_capture_on_commit_callbacks, monkeypatch
):
    chunks = []
    monkeypatch.setattr(mail_deliver_batch, "delay", lambda ids: chunks.append(ids))
    with django_capture_on_commit_callbacks(execute=True):
        assert emails.mail_queue_many(_messages(250), batch_size=100) == 250
    assert [len(c) for c in chunks] == [100, 100, 50]
    assert sorted(i for c in chunks for i in c) == sorted(
        OutgoingMail.objects.values_list("pk", flat=True)
    )
    # Queued again (a retried beat task, a second run the same day): nothing new.
    chunks.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert emails.mail_queue_many(_messages(260), batch_size=100) == 10
    assert [len(c) for c in chunks] == [10]
    assert OutgoingMail.objects.count() == 260


def test_duplicate_keys_in_one_call_give_one_row(django_capture_on_commit_callbacks):
    messages = _messages(3) + _messages(3)
    with django_capture_on_commit_callbacks(execute=True):
        assert emails.mail_queue_many(messages) == 3
    assert len(mail.outbox) == 3


def test_each_mail_is_sent_once_even_when_the_batch_runs_twice(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        emails.mail_queue_many(_messages(5))  # eager: the batch task runs on commit
    assert len(mail.outbox) == 5
    ids = list(OutgoingMail.objects.values_list("pk", flat=True))
    again = emails.mail_deliver_batch(mail_ids=ids)  # a redelivered or duplicated task
    assert again.sent == [] and sorted(again.skipped) == sorted(ids)
    mail_deliver_batch.apply(args=[ids])
    assert len(mail.outbox) == 5
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"lid{i}@example.org" for i in range(5))


def test_one_connection_per_batch(monkeypatch):
    emails.mail_queue_many(_messages(4))  # callbacks not run: rows wait
    opened = []
    real = emails.get_connection

    def counting_connection(*args, **kwargs):
        connection = real(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(emails, "get_connection", counting_connection)
    result = emails.mail_deliver_batch(
        mail_ids=list(OutgoingMail.objects.values_list("pk", flat=True))
    )
    assert len(result.sent) == 4 and len(opened) == 1
    assert len(mail.outbox) == 4


def test_a_failing_row_does_not_block_the_others(monkeypatch):
    emails.mail_queue_many(_messages(4))
    real_send = emails.mail_send

    def flaky_send(**kwargs):
        if kwargs["to"] == "lid1@example.org":
            raise OSError("mailbox unavailable")
        real_send(**kwargs)

    monkeypatch.setattr(emails, "mail_send", flaky_send)
    ids = list(OutgoingMail.objects.order_by("pk").values_list("pk", flat=True))
    result = emails.mail_deliver_batch(mail_ids=ids)
    bad = OutgoingMail.objects.get(to="lid1@example.org")
    assert result.retry == [bad.pk] and len(result.sent) == 3
    assert len(mail.outbox) == 3
    bad.refresh_from_db()
    assert bad.status == "pending" and bad.attempts == 1 and "unavailable" in bad.error

    # Retried up to the limit, then given up; the sent ones are never touched again.
    for _ in range(4):
        result = emails.mail_deliver_batch(mail_ids=ids)
    bad.refresh_from_db()
    assert bad.status == "failed" and bad.attempts == 5 and result.failed == [bad.pk]
    assert len(mail.outbox) == 3
    assert OutgoingMail.objects.filter(status="sent", attempts=1).count() == 3

    # Once the mailbox works again nothing is resent: the failed row stays failed.
    monkeypatch.setattr(emails, "mail_send", real_send)
    assert emails.mail_deliver_batch(mail_ids=ids).sent == []


def test_the_task_retries_only_the_failed_rows(monkeypatch):
    emails.mail_queue_many(_messages(3))
    ids = list(OutgoingMail.objects.order_by("pk").values_list("pk", flat=True))
    calls = []
    real_batch = emails.mail_deliver_batch

    def recording_batch(*, mail_ids, **kwargs):
        calls.append(list(mail_ids))
        return real_batch(mail_ids=mail_ids, **kwargs)

    real_send = emails.mail_send
    failures = {"lid2@example.org": 1}

    def send_fails_once(**kwargs):
        if failures.get(kwargs["to"]):
            failures[kwargs["to"]] -= 1
            raise OSError("try later")
        real_send(**kwargs)

    monkeypatch.setattr(emails, "mail_deliver_batch", recording_batch)
    monkeypatch.setattr(emails, "mail_send", send_fails_once)
    mail_deliver_batch.apply(args=[ids])  # eager: the retry runs at once
    assert calls == [ids, [ids[2]]]
    assert len(mail.outbox) == 3
    assert OutgoingMail.objects.get(pk=ids[2]).attempts == 2


def test_single_mail_queue_still_works(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert emails.mail_queue(
            key="one",
            to="a@example.org",
            name="team_incomplete",
            context={"name": "A", "partner": "P", "missing": [], "link": "x"},
        )
        assert (
            emails.mail_queue(key="one", to="a@example.org", name="team_incomplete", context={})
            is None
        )
    assert len(mail.outbox) == 1
