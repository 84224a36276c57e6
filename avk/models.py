import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Base for the portal's models: when a row was made and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Who the person is in the alliance lives on partners.Person."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    is_staff = models.BooleanField(
        _("programme staff"),
        default=False,
        help_text=_("Programme leader and programme staff: they run the portal."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split(" ")[0]


class Document(models.Model):
    """A generated file (a PDF), made by a Celery task and downloaded when ready."""

    class Status(models.TextChoices):
        PENDING = "pending", _("In progress")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=64)
    subject = models.CharField(
        _("subject"), max_length=64, blank=True, help_text=_("What the document is about.")
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    # Set when the sweep queued a stale pending document once more (its worker died).
    requeued_at = models.DateTimeField(_("queued again at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The page it was asked for on (a path of this site), to lead the person back there.
    back_url = models.CharField(_("asked for on"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["kind", "subject", "-requested_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "ready", "failed"]),
                name="document_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(sha256=""),
                name="document_ready_has_hash",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.subject} ({self.get_status_display()})".strip()

    @property
    def is_finished(self) -> bool:
        return self.status != self.Status.PENDING


class AuditEntry(models.Model):
    """One change to a key record: who, when, what (field -> [old, new])."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    group = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutgoingMail(models.Model):
    """One row per message, made once per key: a retried task never sends twice.

    The table is the outbox: a row is committed first and is the promise to send. The
    deliver task locks the row, sends only while it is pending, then marks it sent; the
    sweep hands over pending rows whose task never reached the queue or was lost.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # Kept for the recipient's daily or weekly digest (their notification preference),
        # then listed in that digest instead of being sent on its own.
        HELD = "held", _("Kept for a digest")
        BUNDLED = "bundled", _("Sent in a digest")

    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField(_("to"))
    template = models.CharField(max_length=64)
    context = models.JSONField(default=dict)
    language = models.CharField(max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When a task to send it was last put on the queue (or retried); empty while the
    # queue could not be reached. The sweep hands over what is pending and not on its way.
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A mail governed by a notification preference: whose, and of which kind (a key
    # registered in avk.notifications); `digest` is the digest a HELD row waits for.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=32, blank=True)
    digest = models.CharField(max_length=8, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(status="pending"),
                name="outgoingmail_pending",
            ),
            models.Index(
                fields=["digest", "user"],
                condition=models.Q(status="held"),
                name="outgoingmail_held",
            ),
        ]

    def __str__(self):
        return f"{self.template} -> {self.to} ({self.status})"


class NotificationPreference(models.Model):
    """How a person receives the mails of one kind: at once, in a digest, or not at all.

    The kinds are plain keys registered by the apps (avk.notifications); no row means
    "at once". Mails nobody may switch off (invitations, password, security) have no kind.
    """

    class Mode(models.TextChoices):
        NOW = "now", _("At once")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        OFF = "off", _("Off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=32)
    mode = models.CharField(_("how"), max_length=8, choices=Mode.choices, default=Mode.NOW)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_pref_unique"),
            models.CheckConstraint(
                condition=models.Q(mode__in=["now", "daily", "weekly", "off"]),
                name="notification_pref_mode_valid",
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.kind}: {self.mode}"
