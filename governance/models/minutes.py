"""Minutes (verslag) of a meeting: attendance, what was discussed per agenda item, and when
they were circulated and adopted. Adopted minutes never change (governance.services.minutes
refuses, the admin shows them read-only)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from governance.models.meetings import Meeting
from governance.models.memos import Memo
from partners.models import Person


class Minutes(TimeStampedModel):
    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="minutes"
    )
    notes = models.TextField(_("general notes"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    circulated_at = models.DateTimeField(_("circulated at"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adoption recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_in = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at the meeting of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adopted_minutes",
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(adopted_at__isnull=True)
                | Q(adopted_in__isnull=False, circulated_at__isnull=False),
                name="minutes_adopted_at_a_meeting_after_circulation",
            ),
        ]

    def __str__(self):
        return _("Minutes of %(meeting)s") % {"meeting": self.meeting}

    @property
    def is_adopted(self) -> bool:
        return self.adopted_at is not None


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Absent with notice")
        ABSENT = "absent", _("Absent")

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="attendance"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("attendance"), max_length=16, choices=Status.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["minutes", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "person"], name="attendance_once"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class MinutesItem(models.Model):
    """What was discussed on one agenda item. Title and memo are copied from the agenda, so
    the minutes stay as written when the agenda is edited later."""

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=200)
    memo = models.ForeignKey(
        Memo,
        verbose_name=_("memo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("what was discussed"), max_length=10000)

    class Meta:
        verbose_name = _("minutes item")
        verbose_name_plural = _("minutes items")
        ordering = ["minutes", "order", "id"]

    def __str__(self):
        return self.title
