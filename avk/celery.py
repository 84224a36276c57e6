"""The Celery app: `celery -A avk worker` / `celery -A avk beat` (see the Makefile)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avk.settings")

app = Celery("avk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
