"""The main menu is rendered once per process for each combination of what it shows: the
language, the kind of user, the organisations they keep up to date and the current page."""

from django.urls import reverse

from tests.factories import MembershipFactory, PartnerFactory


def test_the_menu_marks_the_current_page_and_keeps_staff_items_for_staff(client, staff, outsider):
    client.force_login(staff)
    page = client.get(reverse("partners:partner_list")).content.decode()
    assert f'aria-current="page" href="{reverse("partners:partner_list")}"' in page
    assert 'id="nav-manage"' in page
    client.force_login(outsider)
    page = client.get(reverse("governance:memo_list")).content.decode()
    assert f'aria-current="page" href="{reverse("governance:memo_list")}"' in page
    assert 'id="nav-manage"' not in page
    assert reverse("partners:team_overview") not in page


def test_an_editor_gets_their_organisation_and_its_new_name_at_once(client, editor_a, partner_a):
    client.force_login(editor_a)
    own = reverse("partners:partner_detail", args=[partner_a.pk])
    page = client.get(own).content.decode()
    assert f'aria-current="page" href="{own}">Mijn organisatie<' in page
    second = PartnerFactory(name="Stichting De Brug")
    MembershipFactory(user=editor_a, partner=second, is_editor=True)
    page = client.get(reverse("home")).content.decode()
    assert "Mijn organisaties" in page and ">Stichting De Brug</a>" in page
    second.name = "Stichting Het Veer"
    second.save()
    assert ">Stichting Het Veer</a>" in client.get(reverse("home")).content.decode()


def test_the_menu_follows_the_language(client, staff):
    client.force_login(staff)
    assert ">Bestuur<" in client.get(reverse("home")).content.decode()
    client.post(reverse("language_switch"), {"language": "en", "next": "/"})
    assert ">Governance<" in client.get(reverse("home")).content.decode()


def _hrefs(page: str, *names: str) -> dict[str, bool]:
    return {name: f'href="{reverse(name)}"' in page for name in names}


MOVEMENT_LINKS = (
    "movement:pilot_list",
    "library:library",
    "movement:stakeholder_overview",
    "movement:pilot_manage",
    "movement:mailing_list",
    "resources:overview",
)


def test_the_movement_pages_are_in_the_menu_for_whom_they_are(client, staff, editor_a):
    # Pilots and the library for everyone, also logged out; where the partners stand,
    # managing pilots, the readers and mailings, and the money for staff only.
    logged_out = client.get(reverse("showcase:index")).content.decode()
    assert _hrefs(logged_out, *MOVEMENT_LINKS) == {
        "movement:pilot_list": True,
        "library:library": True,
        "movement:stakeholder_overview": False,
        "movement:pilot_manage": False,
        "movement:mailing_list": False,
        "resources:overview": False,
    }
    client.force_login(editor_a)
    page = client.get(reverse("home")).content.decode()
    assert _hrefs(page, *MOVEMENT_LINKS) == {
        "movement:pilot_list": True,
        "library:library": True,
        "movement:stakeholder_overview": False,
        "movement:pilot_manage": False,
        "movement:mailing_list": False,
        "resources:overview": False,
    }
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert all(_hrefs(page, *MOVEMENT_LINKS).values())


def test_the_open_mornings_are_in_the_menu_for_everyone_and_managing_them_for_staff(
    client, staff, editor_a
):
    links = ("movement:morning_list", "movement:morning_manage")
    logged_out = client.get(reverse("showcase:index")).content.decode()
    assert _hrefs(logged_out, *links) == {
        "movement:morning_list": True,
        "movement:morning_manage": False,
    }
    client.force_login(editor_a)
    page = client.get(reverse("home")).content.decode()
    assert _hrefs(page, *links) == {"movement:morning_list": True, "movement:morning_manage": False}
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert all(_hrefs(page, *links).values())
    page = client.get(reverse("movement:morning_list")).content.decode()
    assert f'aria-current="page" href="{reverse("movement:morning_list")}"' in page
