"""Generational caching: a cached read is rebuilt on the next request after any change of a
model it depends on — a save, a delete, a many-to-many change, or a bulk write a service
reports with touch()."""

import pytest

from avk import cache as avk_cache
from partners.models import Municipality, Partner
from reflection.models import Effort
from tests.factories import PartnerFactory
from tests.reflection.factories_plans import EffortFactory


@pytest.fixture
def builds(db):
    avk_cache.watch(Partner, Municipality, Effort.partners.through)
    calls = []

    def read(name="partners", parts=()):
        def build():
            calls.append(name)
            return sorted(Partner.objects.values_list("name", flat=True))

        return avk_cache.cached(
            name, [Partner, Municipality, Effort.partners.through], build, parts=parts
        )

    return read, calls


def test_a_second_read_comes_from_the_cache(builds):
    read, calls = builds
    PartnerFactory(name="Cosis")
    assert read() == ["Cosis"] and read() == ["Cosis"]
    assert calls == ["partners"]


def test_a_save_a_delete_and_a_bulk_write_show_on_the_next_read(builds):
    read, _calls = builds
    cosis = PartnerFactory(name="Cosis")
    assert read() == ["Cosis"]
    cosis.name = "Cosis Groningen"
    cosis.save()
    assert read() == ["Cosis Groningen"]
    cosis.delete()
    assert read() == []
    Partner.objects.bulk_create([Partner(name="Lentis", kind=Partner.Kind.ZORG)])
    assert read() == []  # a bulk write sends no signal: the service must say so
    avk_cache.touch(Partner)
    assert read() == ["Lentis"]


def test_a_many_to_many_change_shows_on_the_next_read(builds):
    read, calls = builds
    effort, gkb = EffortFactory(), PartnerFactory(name="GKB")
    read()
    read()
    effort.partners.add(gkb)
    read()
    assert len(calls) == 2  # built, then again after the link


def test_parts_keep_readers_apart(builds):
    read, calls = builds
    read(parts=("nl",))
    read(parts=("en",))
    read(parts=("nl",))
    assert len(calls) == 2


def test_a_change_of_an_unrelated_model_keeps_the_cache(builds):
    read, calls = builds
    read()
    EffortFactory()  # an effort, not a partner, municipality or link
    read()
    assert len(calls) == 1


def test_a_login_changes_no_cached_read(client, db):
    # Every login saves last_login and nothing else: no page shows it, so it keeps the cache.
    from avk.models import User

    avk_cache.watch(User)
    user = User.objects.create_user(email="lid@avk.example", password="Geheim-genoeg-123")
    before = avk_cache.generation([User])
    assert client.login(email="lid@avk.example", password="Geheim-genoeg-123")
    assert avk_cache.generation([User]) == before

    user.full_name = "Lid met een naam"
    user.save()
    assert avk_cache.generation([User]) != before


def test_any_part_makes_a_safe_key(builds):
    # Parts may come from the query string: long, or with a NUL byte PostgreSQL refuses.
    read, calls = builds
    odd = ["\x00", "x" * 2000, "é€\u202e"]
    for part in odd:
        assert read(parts=[part]) == [] and read(parts=[part]) == []
    assert calls == ["partners"] * len(odd)


def test_a_kept_read_costs_one_cache_query(builds, django_assert_num_queries):
    # The generations and the entry are read together: one query to the database cache.
    read, _calls = builds
    PartnerFactory(name="Cosis")
    read()
    with django_assert_num_queries(1):
        assert read() == ["Cosis"]


def test_an_entry_built_before_a_change_is_not_served_after_it(builds):
    # A request that read the data before a change may store its result after the change
    # (a slow build racing a save): the entry remembers the generations it was built from.
    read, calls = builds
    cosis = PartnerFactory(name="Cosis")

    def slow_build():
        calls.append("slow")
        stale = sorted(Partner.objects.values_list("name", flat=True))
        cosis.name = "Cosis Groningen"
        cosis.save()  # the change lands while this build is still running
        return stale

    models = [Partner, Municipality, Effort.partners.through]  # those of `read`
    assert avk_cache.cached("partners", models, slow_build) == ["Cosis"]
    assert read() == ["Cosis Groningen"]
