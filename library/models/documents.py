"""The library: the programme's documents, each with its uploaded versions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel


class DocumentCategory(models.TextChoices):
    PROGRAMME_PLAN = "programme_plan", _("Programme plan")
    COVENANT = "covenant", _("Covenant")
    PHASE_PLANS = "phase_plans", _("Phase plans")
    RUG_PRECONDITIONS = "rug_preconditions", _("RUG preconditions")
    ONBOARDING = "onboarding", _("Onboarding material")
    OTHER = "other", _("Other")


class DocumentVisibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone, also without logging in")
    PARTNERS = "partners", _("Partners: everyone who logs in")
    STAFF = "staff", _("Programme staff only")


class LibraryDocument(TimeStampedModel):
    """A document of the alliance (the covenant, the programme plan, ...); its file lives in
    its versions, the newest of which is the current one."""

    Category = DocumentCategory
    Visibility = DocumentVisibility

    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    visibility = models.CharField(_("who may see it"), max_length=16, choices=Visibility.choices)
    # The newest version, kept here by the services so a list reads it without a subquery.
    current_version = models.ForeignKey(
        "library.DocumentVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=DocumentCategory.values),
                name="library_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=DocumentVisibility.values),
                name="library_visibility_valid",
            ),
        ]

    def __str__(self):
        return self.title


def version_path(instance, filename):
    # Our own name under the document's folder; the uploaded name is only kept as text.
    return f"library/{instance.document_id}/{filename}"


class DocumentVersion(models.Model):
    """One uploaded file of a document. Older versions stay downloadable."""

    document = models.ForeignKey(
        LibraryDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField(_("size"), default=0)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="library_version_unique"),
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"
