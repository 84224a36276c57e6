from django.conf import settings

from avk.celery import app


def test_celery_speaks_only_json_and_bounds_every_task():
    app.loader.import_default_modules()
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit
    render = app.tasks["avk.tasks.document_render"]
    assert render.acks_late and render.reject_on_worker_lost


def test_every_scheduled_task_exists():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, f"beat entry {name} names an unknown task"
    assert settings.CELERY_BEAT_SCHEDULER.startswith("django_celery_beat")
