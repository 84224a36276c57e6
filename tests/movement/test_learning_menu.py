"""The learning offer is in the menu for everyone (also logged out); managing it for staff."""

from django.urls import reverse


def _hrefs(page: str) -> dict[str, bool]:
    names = ("movement:course_list", "movement:course_manage")
    return {name: f'href="{reverse(name)}"' in page for name in names}


def test_the_learning_offer_is_in_the_menu_for_whom_it_is(client, staff, editor_a):
    page = client.get(reverse("showcase:index")).content.decode()
    assert _hrefs(page) == {"movement:course_list": True, "movement:course_manage": False}
    assert ">Leeraanbod<" in page
    client.force_login(editor_a)
    page = client.get(reverse("home")).content.decode()
    assert _hrefs(page) == {"movement:course_list": True, "movement:course_manage": False}
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert _hrefs(page) == {"movement:course_list": True, "movement:course_manage": True}
    assert ">Leeraanbod beheren<" in page
    page = client.get(reverse("movement:course_list")).content.decode()
    assert f'aria-current="page" href="{reverse("movement:course_list")}"' in page
