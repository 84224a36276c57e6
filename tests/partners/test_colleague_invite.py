from django.core import mail
from django.urls import reverse

from partners.models import Invitation


def test_editor_invites_a_colleague_of_their_own_organisation(
    client, editor_a, partner_a, django_capture_on_commit_callbacks
):
    client.force_login(editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:colleague_invite", args=[partner_a.pk]),
            {
                "name": "Collega",
                "email": "collega@example.org",
                "is_editor": "on",
                "partner": 999,
            },  # a forged partner field is ignored: the URL decides
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.partner == partner_a and invitation.is_editor
    assert invitation.invited_by == editor_a
    assert mail.outbox[0].to == ["collega@example.org"]


def test_editor_cannot_invite_for_another_organisation(client, editor_b, partner_a, outsider):
    for user in (editor_b, outsider):
        client.force_login(user)
        response = client.post(
            reverse("partners:colleague_invite", args=[partner_a.pk]),
            {"name": "X", "email": "x@example.org"},
        )
        assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_bad_input_is_explained(client, editor_a, partner_a):
    client.force_login(editor_a)
    url = reverse("partners:colleague_invite", args=[partner_a.pk])
    response = client.post(url, {"name": "", "email": "geen-adres"})
    assert set(response.context["form"].errors) == {"name", "email"}
    response = client.post(url, {"name": "Ik", "email": editor_a.email})
    assert response.context["form"].errors["email"]  # already has an account
    assert not Invitation.objects.exists()
