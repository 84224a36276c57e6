"""The pages of the stories: writing and submitting with consent, the story page, consent
(record, withdraw), and the review by the experience experts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from monitoring.models import Consent, Experience
from monitoring.models.indicators import Visibility
from tests.factories import PartnerFactory, UserFactory
from tests.monitoring.factories_experiences import (
    ConsentFactory,
    SpotlightFactory,
    ed_member,
    story,
)

pytestmark = pytest.mark.django_db

CREATE = reverse("monitoring:experience_create")
LIST = reverse("monitoring:experience_list")
REVIEWS = reverse("monitoring:review_list")
ENDS_BEFORE = "De toestemming kan niet eindigen voor de dag waarop ze gegeven is."


def detail(experience):
    return reverse("monitoring:experience_detail", args=[experience.pk])


def review_url(experience):
    return reverse("monitoring:experience_review", args=[experience.pk])


def story_data(**extra):
    return {
        "title": "Eindelijk een fiets",
        "story": "Mijn zoon kon niet naar sport. Nu wel.",
        "scope": Visibility.PARTNERS,
        "given_on": "2026-01-05",
        **extra,
    }


# --- writing and submitting ---------------------------------------------------------------


def test_staff_write_an_anonymous_story_with_consent(client, staff, partner_a):
    client.force_login(staff)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, story_data(partner=partner_a.pk, ends_on="2027-01-05"))
    experience = Experience.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(experience)
    assert experience.is_anonymous and experience.teller_name == ""
    assert experience.review == Experience.Review.WAITING
    assert experience.submitted_by == staff
    consent = experience.consents.get()
    assert (consent.scope, consent.given_on, consent.ends_on, consent.recorded_by) == (
        Visibility.PARTNERS,
        datetime.date(2026, 1, 5),
        datetime.date(2027, 1, 5),
        staff,
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"experience.created", "consent.recorded"} <= actions


def test_consent_ending_before_it_was_given_is_refused_in_dutch(client, staff):
    client.force_login(staff)
    response = client.post(CREATE, story_data(ends_on="2025-12-31"))
    assert response.status_code == 200
    assert ENDS_BEFORE in response.content.decode()
    assert not Experience.objects.exists() and not Consent.objects.exists()

    experience = story()
    url = reverse("monitoring:consent_create", args=[experience.pk])
    response = client.post(
        url, {"scope": "public", "given_on": "2026-02-01", "ends_on": "2026-01-01"}
    )
    assert response.status_code == 200
    assert ENDS_BEFORE in response.content.decode()
    assert experience.consents.count() == 1


def test_an_editor_submits_for_their_own_organisation_and_follows_it(
    client, editor_a, partner_a, partner_b
):
    client.force_login(editor_a)
    form = client.get(CREATE).context["form"]
    assert list(form.fields["partner"].queryset) == [partner_a]
    response = client.post(CREATE, story_data(partner=partner_a.pk))
    experience = Experience.objects.get()
    assert response.status_code == 302
    assert (experience.partner, experience.review) == (partner_a, Experience.Review.WAITING)
    listed = client.get(LIST)
    assert list(listed.context["page"].object_list) == [experience]
    assert "Wacht op beoordeling" in listed.content.decode()
    assert client.get(detail(experience)).status_code == 200


def test_an_editor_cannot_submit_for_another_partner(client, editor_a, partner_b):
    client.force_login(editor_a)
    response = client.post(CREATE, story_data(partner=partner_b.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["partner"]
    response = client.post(CREATE, story_data())  # no partner at all
    assert response.context["form"].errors["partner"]
    assert not Experience.objects.exists()


def test_only_staff_and_editors_submit(client, outsider, db_member):
    for user in (outsider, db_member):
        client.force_login(user)
        assert client.get(CREATE).status_code == 403
        assert client.post(CREATE, story_data()).status_code == 403
    assert not Experience.objects.exists()


def test_a_name_is_shown_only_when_the_teller_asked_for_it(client, staff):
    named = story(teller_name="Jannie")
    anonymous = story()
    client.force_login(UserFactory())
    assert "Jannie" in client.get(detail(named)).content.decode()
    assert "Anoniem" in client.get(detail(anonymous)).content.decode()


# --- the story page ---------------------------------------------------------------------


def test_the_story_page_follows_the_rule(client, outsider):
    waiting = story(review=Experience.Review.WAITING)
    internal = story(scope=Visibility.INTERNAL)
    shared = story(scope=Visibility.PARTNERS)
    public = story(scope=Visibility.PUBLIC)
    client.force_login(outsider)
    assert client.get(detail(waiting)).status_code == 404
    assert client.get(detail(internal)).status_code == 404
    assert client.get(detail(shared)).status_code == 200
    assert client.get(detail(public)).status_code == 200
    assert list(client.get(LIST).context["page"].object_list) == [public, shared]


def test_staff_see_the_history_of_consents(client, staff):
    experience = story(scope=Visibility.PUBLIC)
    ConsentFactory(
        experience=experience,
        scope=Visibility.PARTNERS,
        given_on=datetime.date(2026, 1, 1),
        withdrawn_at=timezone.now(),
    )
    client.force_login(staff)
    response = client.get(detail(experience))
    assert len(response.context["consents"]) == 2
    assert "Ingetrokken" in response.content.decode()


# --- editing and consent ---------------------------------------------------------------


def edit(client, experience, **changes):
    url = reverse("monitoring:experience_edit", args=[experience.pk])
    data = {"title": experience.title, "story": experience.story, **changes}
    return client.post(url, data)


def test_editing_the_text_of_an_approved_story_sends_it_back_to_waiting(client, staff):
    experience = story(reviewed_at=timezone.now())
    client.force_login(staff)
    assert edit(client, experience, story="Een andere tekst.").status_code == 302
    experience.refresh_from_db()
    assert experience.review == Experience.Review.WAITING
    assert experience.reviewed_at is None
    client.force_login(UserFactory())
    assert client.get(detail(experience)).status_code == 404


def test_editing_only_the_links_keeps_the_approval(client, staff, partner_a):
    experience = story()
    client.force_login(staff)
    assert edit(client, experience, partner=partner_a.pk).status_code == 302
    experience.refresh_from_db()
    assert (experience.partner, experience.review) == (partner_a, Experience.Review.APPROVED)


def test_only_staff_edit_and_keep_consent(client, editor_a, partner_a):
    experience = story(partner=partner_a, submitted_by=editor_a)
    consent = experience.consents.get()
    client.force_login(editor_a)
    for url in (
        reverse("monitoring:experience_edit", args=[experience.pk]),
        reverse("monitoring:consent_create", args=[experience.pk]),
        reverse("monitoring:consent_withdraw", args=[experience.pk, consent.pk]),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {}).status_code == 403
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_a_consent_of_another_story_is_not_found(client, staff):
    one, other = story(), story()
    client.force_login(staff)
    url = reverse("monitoring:consent_withdraw", args=[one.pk, other.consents.get().pk])
    assert client.post(url).status_code == 404
    assert not Consent.objects.filter(withdrawn_at__isnull=False).exists()


def test_staff_record_a_new_consent(client, staff):
    experience = story(scope=Visibility.PUBLIC)
    client.force_login(staff)
    url = reverse("monitoring:consent_create", args=[experience.pk])
    response = client.post(url, {"scope": "internal", "given_on": "2026-01-01"})
    assert response.status_code == 302
    assert experience.consents.count() == 2
    assert not client.logout() and client.get(reverse("showcase:index")).context["stories"] == []


def test_a_withdrawn_story_disappears_everywhere_on_the_next_request(client, staff, outsider):
    experience = story(scope=Visibility.PUBLIC, title="Een verhaal om te delen")
    SpotlightFactory(experience=experience, title="Verhaal in de schijnwerper", is_public=True)
    consent = experience.consents.get()
    showcase, home = reverse("showcase:index"), reverse("home")

    def seen_by_outsider():
        client.force_login(outsider)
        places = {
            "list": experience in client.get(LIST).context["page"].object_list,
            "page": client.get(detail(experience)).status_code == 200,
            "home": "Verhaal in de schijnwerper" in client.get(home).content.decode(),
        }
        client.logout()
        html = client.get(showcase).content.decode()
        places["showcase"] = "Een verhaal om te delen" in html
        places["showcase spotlight"] = "Verhaal in de schijnwerper" in html
        return places

    assert all(seen_by_outsider().values())
    client.force_login(staff)
    url = reverse("monitoring:consent_withdraw", args=[experience.pk, consent.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert b'method="post"' in confirm.content  # a plain form: no script needed
    assert client.post(url).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at and consent.withdrawn_by == staff
    assert not any(seen_by_outsider().values())
    # Staff still see the story and its history; no page with a story may be kept in a cache.
    client.force_login(staff)
    for page in (showcase, detail(experience), LIST):
        assert "no-store" in client.get(page)["Cache-Control"]
    assert client.get(detail(experience)).status_code == 200
    assert client.post(url).status_code == 302  # twice changes nothing
    assert AuditEntry.objects.filter(action="consent.withdrawn").count() == 1


# --- review -------------------------------------------------------------------------------


def test_an_experience_expert_approves_a_story(client, outsider):
    reviewer = ed_member()
    experience = story(review=Experience.Review.WAITING, scope=Visibility.PARTNERS)
    client.force_login(reviewer)
    assert list(client.get(REVIEWS).context["page"].object_list) == [experience]
    assert client.get(reverse("home")).context["stories_to_review"] == 1
    assert client.get(review_url(experience)).status_code == 200
    response = client.post(review_url(experience), {"decision": "approve"})
    assert response.status_code == 302
    experience.refresh_from_db()
    assert experience.review == Experience.Review.APPROVED
    assert experience.reviewed_by.user == reviewer
    assert experience.reviewed_at is not None
    client.force_login(outsider)
    assert client.get(detail(experience)).status_code == 200


def test_sending_back_needs_a_note(client):
    reviewer = ed_member()
    experience = story(review=Experience.Review.WAITING)
    client.force_login(reviewer)
    response = client.post(review_url(experience), {"decision": "return", "note": " "})
    assert response.status_code == 200
    assert "Schrijf op wat er anders moet" in response.content.decode()
    experience.refresh_from_db()
    assert experience.review == Experience.Review.WAITING
    note = "Haal de naam van de school weg."
    client.post(review_url(experience), {"decision": "return", "note": note})
    experience.refresh_from_db()
    assert (experience.review, experience.review_note) == (Experience.Review.RETURNED, note)


def test_the_submitting_editor_sees_the_note(client, editor_a, partner_a):
    experience = story(
        review=Experience.Review.RETURNED,
        review_note="Maak het korter.",
        partner=partner_a,
        submitted_by=editor_a,
    )
    client.force_login(editor_a)
    html = client.get(detail(experience)).content.decode()
    assert "Maak het korter." in html and "Teruggestuurd" in html


@pytest.mark.parametrize("who", ["staff", "db_member", "editor_a", "outsider", "secretary"])
def test_no_one_else_reviews(client, who, request):
    user = (
        ed_member("secretaris@example.org", role="secretary")
        if who == "secretary"
        else request.getfixturevalue(who)
    )
    experience = story(review=Experience.Review.WAITING)
    client.force_login(user)
    assert client.get(REVIEWS).status_code == 403
    assert client.get(review_url(experience)).status_code == 403
    assert client.post(review_url(experience), {"decision": "approve"}).status_code == 403
    experience.refresh_from_db()
    assert experience.review == Experience.Review.WAITING


def test_a_story_for_staff_only_or_withdrawn_is_not_reviewed(client):
    reviewer = ed_member()
    internal = story(scope=Visibility.INTERNAL, review=Experience.Review.WAITING)
    withdrawn = story(review=Experience.Review.WAITING)
    withdrawn.consents.update(withdrawn_at=timezone.now())
    client.force_login(reviewer)
    assert list(client.get(REVIEWS).context["page"].object_list) == []
    for experience in (internal, withdrawn):
        assert client.post(review_url(experience), {"decision": "approve"}).status_code == 404


# --- query counts and garbage -------------------------------------------------------------


def _count(client, url):
    from avk.cache import touch
    from partners.models import Partner

    touch(Experience, Partner)  # what staff see kept (spotlights, counts) is built afresh
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _many_stories(n, partner):
    for i in range(n):
        story(
            scope=[Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL][i % 3],
            review=[Experience.Review.APPROVED, Experience.Review.WAITING][i % 2],
            partner=partner,
        )


@pytest.mark.parametrize("who", ["staff", "editor_a", "outsider", "reviewer"])
def test_query_counts_do_not_grow_with_the_stories(client, who, request, partner_a):
    user = ed_member() if who == "reviewer" else request.getfixturevalue(who)
    client.force_login(user)
    urls = [LIST, reverse("home")] + ([REVIEWS] if who == "reviewer" else [])
    _many_stories(3, partner_a)
    [_count(client, url) for url in urls]  # the cache's generation keys exist from now on
    small = [_count(client, url) for url in urls]
    _many_stories(60, PartnerFactory())
    assert [_count(client, url) for url in urls] == small


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(max_size=250),
    text=st.text(max_size=300),
    teller=st.text(max_size=250),
    partner=st.one_of(st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70)),
    scope=st.one_of(st.sampled_from(Visibility.values), st.text(max_size=10)),
    given_on=st.one_of(st.dates().map(str), st.text(max_size=12)),
    ends_on=st.one_of(st.dates().map(str), st.text(max_size=12)),
)
def test_story_form_garbage_never_breaks(
    client, editor_a, partner_a, title, text, teller, partner, scope, given_on, ends_on
):
    client.force_login(editor_a)
    before = Experience.objects.count()
    data = {
        "title": title,
        "story": text,
        "teller_name": teller,
        "partner": str(partner),
        "municipality": str(partner),
        "scope": scope,
        "given_on": given_on,
        "ends_on": ends_on,
    }
    response = client.post(CREATE, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Experience.objects.count() == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(decision=st.text(max_size=12), note=st.text(max_size=600))
def test_review_form_garbage_never_breaks(client, decision, note):
    reviewer = ed_member("ed-fuzz@example.org") if not hasattr(client, "_ed") else client._ed
    client._ed = reviewer
    experience = story(review=Experience.Review.WAITING)
    client.force_login(reviewer)
    response = client.post(review_url(experience), {"decision": decision, "note": note})
    assert response.status_code in (200, 302)
