"""The learning offer (leeraanbod): courses and learning meetings people from the partners
and the network sign up for — “meer kennis over minder armoede” (memo of 2 June 2025).

A course takes sign-ups while it is open and has not started; `capacity` places are
filled first come, first served by confirmed sign-ups, the rest wait (the shared rules of
movement.services.signups). Once it has started, staff record who attended; a partner's
page shows who of its AVK team took part (movement.templatetags.learning_tags).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from movement.models.signups import Signup, SignupStatus, once_per_address
from partners.models import Person

EN_DASH = " \u2013 "
# More than a room holds; a larger number is a typo (and keeps the attendance list bounded).
CAPACITY_MAX = 1000


class Course(TimeStampedModel):
    """A course or a learning meeting of the learning offer, at a place and a time."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        MEETING = "meeting", _("Learning meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for sign-ups")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MEETING)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is"), max_length=5000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("where"), max_length=200)
    capacity = models.PositiveIntegerField(
        _("places"),
        validators=[
            MinValueValidator(1, _("A course or meeting has at least 1 place.")),
            MaxValueValidator(
                CAPACITY_MAX, _("A course or meeting has at most %(limit_value)s places.")
            ),
        ],
        help_text=_("How many people can take part. Who signs up after that, waits."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("course or learning meeting")
        verbose_name_plural = _("courses and learning meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="course_ends_after_start",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="course_capacity_positive",
                violation_error_message=_("A course or meeting has at least 1 place."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["course", "meeting"]), name="course_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "open", "closed"]), name="course_status_known"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="course_status_start")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())

    @property
    def takes_signups(self) -> bool:
        """Open, and not started yet: nobody signs up for what is under way."""
        return self.status == self.Status.OPEN and not self.has_started()

    @property
    def period(self) -> str:
        """'12 maart 2026, 13:30 - 16:30' with an en dash (both dates when it spans days), local."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        first = f"{formats.date_format(start, 'j F Y')}, {start:%H:%M}"
        if start.date() == end.date():
            return f"{first}{EN_DASH}{end:%H:%M}"
        return f"{first}{EN_DASH}{formats.date_format(end, 'j F Y')}, {end:%H:%M}"

    def mail_facts(self) -> dict:
        """What a mail about a sign-up says of the course (JSON: it is stored with the mail)."""
        return {"title": self.title, "place": self.place, "period": self.period}


class CourseSignup(Signup):
    """Someone who signs up for a course (see movement.models.signups), linked to the
    partners' Person it is when that is known, and whether they attended."""

    offer_field = "course"
    offer_end_lookup = "course__ends_at__date"
    confirm_url_name = "movement:course_signup_confirm"
    withdraw_url_name = "movement:course_signup_withdraw"
    list_url_name = "movement:course_list"
    list_link_text = _("To the learning offer")

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="signups"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_signups",
        help_text=_("The person in the portal this sign-up is from, when known."),
    )
    # None: not recorded yet; then True or False once staff record the attendance.
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up for a course")
        verbose_name_plural = _("sign-ups for courses")
        ordering = ["course", "confirmed_at", "pk"]
        constraints = [
            once_per_address("course", "course_signup_once_per_address"),
        ]
        indexes = [
            models.Index(fields=["course", "status"], name="course_signup_status"),
            models.Index(fields=["person", "attended"], name="course_signup_attended"),
        ]

    def save(self, *args, **kwargs):
        # Withdrawing deletes the person's data (movement.services.signups blanks the
        # shared fields): the link to who they are goes with it, whatever path saves it.
        if self.status == SignupStatus.WITHDRAWN:
            self.person = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "person"}
        super().save(*args, **kwargs)
