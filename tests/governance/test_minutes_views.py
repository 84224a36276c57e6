"""The minutes pages: reading (members of the body once circulated, 404 for others),
drafting through the form (bad input said in Dutch, nothing saved), circulating, the
confirmed adoption, read-only afterwards; the PDFs; fixed query counts; fuzzed forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk import documents
from avk.models import Document
from governance.models import Attendance, Meeting, Minutes, Seat
from governance.services.minutes import minutes_circulate, minutes_save
from tests.factories import PersonFactory, SeatFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MemoFactory,
    ProposedDecisionFactory,
)
from tests.governance.factories_minutes import past_and_next, secretary_of, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(db_body):
    return past_and_next(db_body)


@pytest.fixture
def secretary(db_body):
    return secretary_of(db_body)


def url(name, meeting):
    return reverse(f"governance:{name}", args=[meeting.pk])


def form_data(meeting, text="Besproken.", **extra):
    data = {"notes": "Notulist: Sanne."}
    for seat in Seat.objects.current().filter(body=meeting.body):
        data[f"attendance_{seat.person_id}"] = "present"
    for item in meeting.agenda.all():
        data[f"item_{item.pk}"] = text
    return data | extra


def draft(meeting, user):
    return minutes_save(meeting=meeting, user=user, attendance={}, items=texts(meeting))


def test_the_secretary_drafts_through_the_form(client_for, meetings, secretary, db_member):
    past, _next = meetings
    client = client_for(secretary)
    page = client.get(url("minutes_edit", past))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Randvoorwaarden" in html and "Aanwezig" in html
    data = form_data(past)
    member = Seat.objects.get(person__user=db_member).person
    data[f"attendance_{member.pk}"] = "excused"
    response = client.post(url("minutes_edit", past), data)
    assert response.status_code == 302
    minutes = Minutes.objects.get()
    assert minutes.attendance.get(person=member).status == Attendance.Status.EXCUSED
    assert minutes.items.count() == 3


def test_new_minutes_start_from_the_meeting_notes(client_for, meetings, secretary):
    past, _next = meetings
    past.notes = "Oude aantekening: de zaal was te klein."
    past.save()
    html = client_for(secretary).get(url("minutes_edit", past)).content.decode()
    assert "Oude aantekening: de zaal was te klein." in html
    # ...and the meeting page keeps showing them.
    html = client_for(secretary).get(url("meeting_detail", past)).content.decode()
    assert "Oude aantekening" in html


def test_a_forged_person_gets_a_dutch_message_and_nothing_is_saved(client_for, meetings, secretary):
    past, _next = meetings
    stranger = PersonFactory(name="Iemand Anders")
    data = form_data(past) | {f"attendance_{stranger.pk}": "present"}
    response = client_for(secretary).post(url("minutes_edit", past), data)
    assert response.status_code == 200
    assert "alleen vastleggen voor leden van Dagelijks Bestuur" in response.content.decode()
    assert not Minutes.objects.exists()


def test_an_empty_item_gets_a_dutch_message_and_nothing_is_saved(client_for, meetings, secretary):
    past, _next = meetings
    data = form_data(past)
    data[f"item_{past.agenda.get(order=2).pk}"] = "  "
    response = client_for(secretary).post(url("minutes_edit", past), data)
    assert response.status_code == 200
    assert "Schrijf op wat er over dit punt is besproken." in response.content.decode()
    assert not Minutes.objects.exists()


def test_a_member_may_not_draft_and_reads_only_once_circulated(
    client_for, meetings, secretary, db_member
):
    past, _next = meetings
    client = client_for(db_member)
    assert client.get(url("minutes_edit", past)).status_code == 403
    assert client.post(url("minutes_edit", past), form_data(past)).status_code == 403
    assert not Minutes.objects.exists()
    draft(past, secretary)
    page = client.get(url("minutes_detail", past)).content.decode()
    assert "Besproken." not in page
    minutes_circulate(meeting=past, user=secretary)
    page = client.get(url("minutes_detail", past)).content.decode()
    assert "Besproken." in page and 'id="minutes-edit"' not in page


def test_a_member_of_another_body_gets_404(client_for, meetings, secretary, sg_member, sg_body):
    past, _next = meetings
    draft(past, secretary)
    minutes_circulate(meeting=past, user=secretary)
    client = client_for(sg_member)
    for name in ["minutes_detail", "minutes_edit", "minutes_adopt"]:
        assert client.get(url(name, past)).status_code == 404
    assert client.post(url("minutes_circulate", past)).status_code == 404
    # the secretary of another body too
    other = client_for(secretary_of(sg_body, "sg-secretaris@example.org"))
    assert other.get(url("minutes_detail", past)).status_code == 404
    assert not documents.get_kind("minutes").can_request(sg_member, str(past.pk))
    assert not documents.get_kind("meeting_book").can_request(sg_member, str(past.pk))


def test_circulate_then_adopt_with_confirmation(client_for, meetings, secretary):
    past, upcoming = meetings
    client = client_for(secretary)
    client.post(url("minutes_edit", past), form_data(past))
    assert client.post(url("minutes_circulate", past)).status_code == 302
    assert Minutes.objects.get().circulated_at is not None
    # the next meeting's agenda has the adoption item
    assert "Vaststellen verslag" in client.get(url("meeting_detail", upcoming)).content.decode()
    # GET and a POST without confirm=yes only ask
    for response in (
        client.get(url("minutes_adopt", past)),
        client.post(url("minutes_adopt", past)),
    ):
        assert response.status_code == 200
        assert 'id="confirm-step"' in response.content.decode()
    assert not Minutes.objects.get().is_adopted
    response = client.post(url("minutes_adopt", past), {"confirm": "yes"})
    assert response.status_code == 302
    minutes = Minutes.objects.get()
    assert minutes.is_adopted and minutes.adopted_in == upcoming
    # read-only now: no forms, the edit page sends back, a forged POST changes nothing
    page = client.get(url("minutes_detail", past)).content.decode()
    assert "Vastgesteld in de vergadering van" in page
    assert 'id="minutes-edit"' not in page and 'id="minutes-adopt"' not in page
    assert client.get(url("minutes_edit", past)).status_code == 302
    client.post(url("minutes_edit", past), form_data(past, text="Herschreven"))
    assert not minutes.items.filter(text="Herschreven").exists()
    again = client.get(url("minutes_adopt", past)).content.decode()
    assert 'id="confirm-step-refused"' in again


def test_adopting_without_a_next_meeting_is_refused_on_the_page(client_for, db_body, secretary):
    past, upcoming = past_and_next(db_body)
    upcoming.delete()
    draft(past, secretary)
    minutes_circulate(meeting=past, user=secretary)
    client = client_for(secretary)
    assert 'id="confirm-step-refused"' in client.get(url("minutes_adopt", past)).content.decode()
    client.post(url("minutes_adopt", past), {"confirm": "yes"})
    assert not Minutes.objects.get().is_adopted


def test_the_minutes_pull_in_decisions_and_actions(client_for, meetings, secretary):
    past, _next = meetings
    memo = past.agenda.get(order=2).memo
    ProposedDecisionFactory(memo=memo, text="in te stemmen met de randvoorwaarden")
    ActionItemFactory(meeting=past, title="Gemeenten bellen")
    draft(past, secretary)
    html = client_for(secretary).get(url("minutes_detail", past)).content.decode()
    assert "in te stemmen met de randvoorwaarden" in html
    assert "Gemeenten bellen" in html


# --- query counts -------------------------------------------------------------------------


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _grow(meeting, n):
    for number in range(n):
        memo = MemoFactory(body=meeting.body)
        AgendaItemFactory(meeting=meeting, order=10 + number, memo=memo)
        ProposedDecisionFactory(memo=memo)
        ActionItemFactory(meeting=meeting)
        SeatFactory(body=meeting.body)


def test_minutes_and_meeting_pages_have_fixed_query_counts(client_for, db_body, sg_body, staff):
    small, _ = past_and_next(db_body)
    big, _ = past_and_next(sg_body)
    _grow(big, 12)
    for meeting in (small, big):
        draft(meeting, staff)
        minutes_circulate(meeting=meeting, user=staff)
    client = client_for(staff)
    for name in ["minutes_detail", "minutes_edit", "meeting_detail"]:
        assert _count(client, url(name, small)) == _count(client, url(name, big)), name


# --- PDFs ---------------------------------------------------------------------------------


def _render(user, kind, meeting, capture):
    with capture(execute=True):
        document = documents.document_request(
            user=user, kind=kind, subject=str(meeting.pk), language="nl"
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    return document


def _text(document):
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(document.file.read()))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_the_meeting_book_holds_agenda_memos_and_previous_minutes(
    meetings, secretary, db_member, django_capture_on_commit_callbacks
):
    past, upcoming = meetings
    draft(past, secretary)
    minutes_circulate(meeting=past, user=secretary)
    for title in ["Begroting 2027", "Werkplan ervaringsdeskundigen"]:
        memo = MemoFactory(body=past.body, title=title)
        ProposedDecisionFactory(memo=memo, text=f"in te stemmen met {title}")
        AgendaItemFactory(meeting=upcoming, order=5, title=title, memo=memo)
    document = _render(db_member, "meeting_book", upcoming, django_capture_on_commit_callbacks)
    text, pages = _text(document)
    assert "Inhoud" in text and "Agenda" in text
    assert "Begroting 2027" in text and "Werkplan ervaringsdeskundigen" in text
    assert "Vaststellen verslag" in text  # the adoption item on the agenda
    assert "Verslag van" in text and "Besproken." in text  # the previous minutes
    assert pages >= 5


def test_the_minutes_pdf(meetings, secretary, django_capture_on_commit_callbacks):
    past, _next = meetings
    draft(past, secretary)
    document = _render(secretary, "minutes", past, django_capture_on_commit_callbacks)
    text, _pages = _text(document)
    assert "Randvoorwaarden" in text and "Aanwezigheid" in text


def test_a_member_cannot_ask_the_pdf_of_a_draft(meetings, secretary, db_member):
    past, _next = meetings
    draft(past, secretary)
    assert not documents.get_kind("minutes").can_request(db_member, str(past.pk))
    assert documents.get_kind("minutes").can_request(secretary, str(past.pk))
    assert documents.get_kind("meeting_book").can_request(db_member, str(past.pk))


# --- garbage never breaks -----------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(["", " ", "present", "absent", "excused", "-1", "9" * 30, "<script>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(garbage, min_size=6, max_size=6), extra_key=garbage)
def test_the_minutes_form_garbage_never_breaks(client_for, db_body, staff, values, extra_key):
    past = _meeting_once(db_body)
    data = form_data(past)
    keys = sorted(data)
    for key, value in zip(keys, values, strict=False):
        data[key] = value
    data[f"attendance_{extra_key}"] = values[0]
    response = client_for(staff).post(url("minutes_edit", past), data)
    assert response.status_code in (200, 302)
    for minutes in Minutes.objects.all():
        assert all(item.text.strip() for item in minutes.items.all())
        members = set(Seat.objects.filter(body=db_body).values_list("person_id", flat=True))
        assert set(minutes.attendance.values_list("person_id", flat=True)) <= members


def _meeting_once(body):
    meeting = Meeting.objects.filter(body=body, starts_at__lt=timezone.now()).first()
    if meeting is None:
        meeting, _ = past_and_next(body)
        SeatFactory(body=body, person=PersonFactory(name="Lid Twee"))
    return meeting
