import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every file a library test stores goes to its own folder, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
