import pytest

from tests.reflection.factories_plans import EffortFactory


@pytest.fixture
def effort():
    """An effort of a phase plan, to link money and an SROI worksheet to."""
    return EffortFactory(title="Onboarding en pilots")
