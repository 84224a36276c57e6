"""Reviews of adopted decisions (the "check" of plan-do-check-act): planning one on the
decision list, the reminder to its owner, the list staff follow up, recording the outcome."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.cache import touch
from avk.models import AuditEntry, OutgoingMail
from governance.models import Decision, DecisionReview, ProposedDecision
from governance.services.reviews import (
    decision_review_record,
    decision_review_remind,
    decision_review_set,
)
from tests import fuzz
from tests.factories import PersonFactory
from tests.governance.factories_meetings import ListedDecisionFactory, NotedDecisionFactory
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db

KEPT = DecisionReview.Outcome.KEPT
CHANGED = DecisionReview.Outcome.CHANGED


def soon(days=10):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def decision(db_body):
    return ListedDecisionFactory(memo__body=db_body, proposed_decision__text="de lichte vorm.")


@pytest.fixture
def owner():
    return PersonFactory(name="Saskia Duursma", email="saskia@example.org")


def test_staff_plan_a_review_and_moving_it_keeps_one_open(staff, decision, owner):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    again = decision_review_set(user=staff, decision=decision, review_on=soon(20), owner=owner)
    assert again.pk == review.pk and again.review_on == soon(20)
    assert DecisionReview.objects.count() == 1
    assert AuditEntry.objects.filter(action="decision_review.set").count() == 2


def test_only_an_adopted_decision_gets_a_review(staff, db_body, owner):
    noted = ListedDecisionFactory(
        memo__body=db_body,
        proposed_decision=NotedDecisionFactory(memo__body=db_body),
        result=ProposedDecision.Result.NOTED,
    )
    with pytest.raises(ValidationError):
        decision_review_set(user=staff, decision=noted, review_on=soon(), owner=owner)


def test_a_review_date_in_the_past_is_refused(staff, decision, owner):
    with pytest.raises(ValidationError) as error:
        decision_review_set(user=staff, decision=decision, review_on=soon(-1), owner=owner)
    assert "verleden" in " ".join(error.value.messages)


def test_only_staff_plan_and_record(db_member, staff, decision, owner):
    with pytest.raises(PermissionDenied):
        decision_review_set(user=db_member, decision=decision, review_on=soon(), owner=owner)
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    with pytest.raises(PermissionDenied):
        decision_review_record(
            user=db_member, review=review, outcome=KEPT, note="Werkt.", new_decision=None
        )


def test_recording_the_outcome_closes_the_review_for_good(staff, decision, owner):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    decision_review_record(
        user=staff, review=review, outcome=KEPT, note="Werkt goed.", new_decision=None
    )
    review.refresh_from_db()
    assert review.outcome == KEPT and review.reviewed_on == timezone.localdate()
    assert review.reviewed_by == staff
    with pytest.raises(ValidationError):
        decision_review_record(
            user=staff, review=review, outcome=CHANGED, note="Toch niet.", new_decision=None
        )
    # A new review may be planned after the recorded one.
    decision_review_set(user=staff, decision=decision, review_on=soon(200), owner=owner)
    assert DecisionReview.objects.filter(decision=decision).count() == 2


def test_changed_names_another_decision_and_every_outcome_needs_a_note(
    staff, decision, owner, db_body
):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    with pytest.raises(ValidationError):
        decision_review_record(
            user=staff, review=review, outcome=CHANGED, note="Aangepast.", new_decision=None
        )
    with pytest.raises(ValidationError):
        decision_review_record(
            user=staff, review=review, outcome=CHANGED, note="Aangepast.", new_decision=decision
        )
    with pytest.raises(ValidationError):
        decision_review_record(
            user=staff, review=review, outcome=KEPT, note="   ", new_decision=None
        )
    newer = ListedDecisionFactory(memo__body=db_body)
    decision_review_record(
        user=staff, review=review, outcome=CHANGED, note="Aangepast.", new_decision=newer
    )
    review.refresh_from_db()
    assert review.new_decision == newer


def test_the_owner_is_reminded_once_per_review(staff, decision, owner):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(30), owner=owner)
    assert decision_review_remind() == 0  # more than two weeks away
    assert decision_review_remind(today=soon(16)) == 1
    assert decision_review_remind(today=soon(17)) == 0
    assert decision_review_remind(today=soon(40)) == 0  # late, but reminded already
    mail = OutgoingMail.objects.get(template="decision_review_due")
    assert mail.key == f"decision-review:{review.pk}" and mail.to == "saskia@example.org"


def test_a_recorded_review_is_not_reminded(staff, decision, owner):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    decision_review_record(user=staff, review=review, outcome=KEPT, note="Ok.", new_decision=None)
    assert decision_review_remind(today=soon()) == 0


def test_the_reminder_mail_reads_well(
    staff, decision, owner, mailoutbox, django_capture_on_commit_callbacks
):
    decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        decision_review_remind()
    mail = mailoutbox[0]
    assert decision.number in mail.subject
    assert "de lichte vorm." in mail.body
    assert f"#decision-{decision.pk}" in mail.body


# --- the pages ---------------------------------------------------------------------------


def test_staff_plan_from_the_decision_list_and_record_from_the_review_list(
    client, staff, decision, owner
):
    client.force_login(staff)
    listing = client.get(reverse("governance:decision_list", args=[decision.body_id]))
    plan_url = reverse("governance:review_plan", args=[decision.pk])
    assert plan_url in listing.content.decode()
    response = client.post(plan_url, {"review_on": soon().isoformat(), "owner": owner.pk})
    assert response.status_code == 302
    review = DecisionReview.objects.get()
    listing = client.get(reverse("governance:decision_list", args=[decision.body_id]))
    assert f'id="decision-{decision.pk}-review"' in listing.content.decode()
    due = client.get(reverse("governance:review_list")).content.decode()
    assert decision.number in due
    assert_plain_page(due)
    record_url = reverse("governance:review_record", args=[review.pk])
    response = client.post(record_url, {"outcome": "ended", "note": "Niet meer nodig."})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.outcome == "ended"
    page = client.get(record_url).content.decode()
    assert "review-record-form" not in page  # recorded: read only
    response = client.post(record_url, {"outcome": "kept", "note": "x"})
    review.refresh_from_db()
    assert review.outcome == "ended"


def test_members_see_no_review_links_on_the_decision_list(client, db_member, decision):
    client.force_login(db_member)
    html = client.get(reverse("governance:decision_list", args=[decision.body_id])).content
    assert reverse("governance:review_plan", args=[decision.pk]).encode() not in html


def test_an_unknown_new_decision_number_is_a_dutch_message(client, staff, decision, owner):
    client.force_login(staff)
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    response = client.post(
        reverse("governance:review_record", args=[review.pk]),
        {"outcome": "changed", "note": "Nieuw besluit.", "new_decision": "DB-1999-999"},
    )
    assert response.status_code == 200
    assert "Er is geen besluit met dit nummer." in response.content.decode()


def test_the_review_list_queries_do_not_grow(
    client, staff, db_body, owner, django_assert_max_num_queries
):
    client.force_login(staff)
    for _ in range(2):
        d = ListedDecisionFactory(memo__body=db_body)
        decision_review_set(user=staff, decision=d, review_on=soon(), owner=owner)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("governance:review_list"))
    for _ in range(15):
        d = ListedDecisionFactory(memo__body=db_body)
        review = decision_review_set(
            user=staff, decision=d, review_on=soon(), owner=PersonFactory()
        )
    decision_review_record(user=staff, review=review, outcome=KEPT, note="Ok", new_decision=None)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("governance:review_list"))


def test_the_decision_list_queries_for_staff_do_not_grow(
    client, staff, db_body, owner, django_assert_max_num_queries
):
    client.force_login(staff)
    d = ListedDecisionFactory(memo__body=db_body)
    decision_review_set(user=staff, decision=d, review_on=soon(), owner=owner)
    url = reverse("governance:decision_list", args=[db_body.pk])
    client.get(url)
    touch(Decision)  # the next request builds the page afresh (avk.cache kept it)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for _ in range(10):
        d = ListedDecisionFactory(memo__body=db_body)
        decision_review_set(user=staff, decision=d, review_on=soon(), owner=PersonFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


garbage = fuzz.garbage("changed")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries(dict.fromkeys(["review_on", "owner"], garbage)))
def test_plan_form_garbage_never_breaks(client, staff, decision, data):
    client.force_login(staff)
    response = client.post(reverse("governance:review_plan", args=[decision.pk]), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries(dict.fromkeys(["outcome", "note", "new_decision"], garbage)))
def test_record_form_garbage_never_breaks(client, staff, decision, owner, data):
    client.force_login(staff)
    review = DecisionReview.objects.filter(outcome="").first() or DecisionReview.objects.create(
        decision=decision, review_on=soon(), owner=owner
    )
    response = client.post(reverse("governance:review_record", args=[review.pk]), data)
    assert response.status_code in (200, 302)


def test_staff_start_page_counts_the_reviews_due_soon(client, staff, decision, owner):
    client.force_login(staff)
    decision_review_set(user=staff, decision=decision, review_on=soon(30), owner=owner)
    assert reverse("governance:review_list") not in client.get(reverse("home")).content.decode()
    decision_review_set(user=staff, decision=decision, review_on=soon(5), owner=owner)
    html = client.get(reverse("home")).content.decode()
    assert "1 besluit moet gecheckt worden" in html


def test_everyone_reads_what_the_check_found_on_the_decision_list(
    client, staff, db_member, decision, owner
):
    review = decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    decision_review_record(
        user=staff, review=review, outcome="ended", note="Klaar.", new_decision=None
    )
    client.force_login(db_member)
    html = client.get(reverse("governance:decision_list", args=[decision.body_id])).content.decode()
    assert f'id="decision-{decision.pk}-checked"' in html
    assert "Gestopt: het besluit geldt niet meer" in html


def test_the_review_reminder_follows_the_owners_action_mail_setting(staff, decision, owner):
    from avk.models import NotificationPreference
    from avk.notifications import preferences_set
    from tests.factories import UserFactory

    owner.user = UserFactory(email=owner.email)
    owner.save()
    preferences_set(user=owner.user, modes={"actions": NotificationPreference.Mode.OFF})
    decision_review_set(user=staff, decision=decision, review_on=soon(), owner=owner)
    decision_review_remind(today=soon())
    assert not OutgoingMail.objects.filter(template="decision_review_due").exists()
