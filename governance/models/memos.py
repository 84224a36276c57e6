"""Memos to a body and their proposed decisions (the memo journey).

A memo is laid out like the alliance's own memos: a header (Aan, Opsteller, Datum), an
introduction, themed sections with the inputs people gave and numbered summary points
(*Samengevat*), an annex with figures (*Bijlage*) and the proposed decisions
(*Voorgestelde besluiten*).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from avk.models import TimeStampedModel
from governance.markdown import validate_markdown
from governance.models.bodies import Body


class Memo(TimeStampedModel):
    """A memo addressed to a body. `version` counts saves: the optimistic lock of the editor."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        VOTING = "voting", _("Voting")
        DECIDED = "decided", _("Decided")
        ARCHIVED = "archived", _("Archived")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    body = models.ForeignKey(
        Body, verbose_name=_("to (body)"), on_delete=models.PROTECT, related_name="memos"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.CharField(
        _("drafted by"),
        max_length=200,
        help_text=_("Name and role, as in the header, e.g. Saskia Duursma (projectleider)."),
    )
    memo_date = models.DateField(_("date"))
    introduction = models.TextField(_("introduction"), blank=True, validators=[validate_markdown])
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the memo is submitted to the body.
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    voting_opens_at = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_deadline = models.DateTimeField(_("voting deadline"), null=True, blank=True)
    # Set when the voting is closed; from then on the results never change.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the deadline closed the voting."),
    )
    voting_seats = models.PositiveSmallIntegerField(
        _("people who could vote at closing"), null=True, blank=True
    )
    quorum = models.PositiveSmallIntegerField(
        _("minimum number of voters (quorum) at closing"), null=True, blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("memo")
        verbose_name_plural = _("memos")
        ordering = ["-memo_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(voting_deadline__isnull=True)
                | Q(voting_opens_at__isnull=True)
                | Q(voting_deadline__gt=models.F("voting_opens_at")),
                name="memo_deadline_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class MemoSection(models.Model):
    """A themed section: text, the inputs people gave (bullets) and numbered summary points."""

    memo = models.ForeignKey(
        Memo, verbose_name=_("memo"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"), blank=True, help_text=_("Markdown."), validators=[validate_markdown]
    )
    inputs = models.TextField(
        _("inputs"), blank=True, help_text=_("What people brought in: one point per line.")
    )
    summary = models.TextField(
        _("summary points"),
        blank=True,
        help_text=_("One point per line. They are numbered across the whole memo."),
    )

    class Meta:
        verbose_name = _("memo section")
        verbose_name_plural = _("memo sections")
        ordering = ["memo", "order", "id"]

    def __str__(self):
        return self.title

    @property
    def input_lines(self) -> list[str]:
        return [line.strip() for line in self.inputs.splitlines() if line.strip()]

    @property
    def summary_lines(self) -> list[str]:
        return [line.strip() for line in self.summary.splitlines() if line.strip()]


def annex_path(instance, filename):
    return f"memos/{instance.memo_id}/{filename}"


class MemoAnnex(models.Model):
    """A figure in the annex (*Bijlage*): an image with a caption."""

    memo = models.ForeignKey(
        Memo, verbose_name=_("memo"), on_delete=models.CASCADE, related_name="annexes"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    caption = models.CharField(_("caption"), max_length=300)
    image = models.ImageField(_("image"), upload_to=annex_path)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("annex figure")
        verbose_name_plural = _("annex figures")
        ordering = ["memo", "order", "id"]

    def __str__(self):
        return self.caption


class MemoVersion(models.Model):
    """A snapshot of the memo after one save: for comparing and restoring."""

    memo = models.ForeignKey(
        Memo, verbose_name=_("memo"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("memo version")
        verbose_name_plural = _("memo versions")
        ordering = ["memo", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "number"], name="memo_version_unique"),
        ]

    def __str__(self):
        return f"{self.memo} v{self.number}"


class ProposedDecision(models.Model):
    """One proposed decision of a memo: take note of, or approve.

    The result fields are written once, when the voting closes, and never again.
    """

    class Kind(models.TextChoices):
        NOTE = "note", _("Take note of")
        APPROVE = "approve", _("Approve")

    class Result(models.TextChoices):
        # "Adopted" alone means "vastgesteld" (a phase plan); a decision is "aangenomen".
        ADOPTED = "adopted", pgettext_lazy("decision result", "Adopted")
        REJECTED = "rejected", pgettext_lazy("decision result", "Rejected")
        NO_QUORUM = "no_quorum", pgettext_lazy("decision result", "Not enough votes")
        NOTED = "noted", pgettext_lazy("decision result", "Noted")

    memo = models.ForeignKey(
        Memo, verbose_name=_("memo"), on_delete=models.CASCADE, related_name="decisions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    text = models.TextField(_("text"))
    result = models.CharField(
        _("result"), max_length=16, choices=Result.choices, blank=True, db_index=True
    )
    votes_for = models.PositiveSmallIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("abstain"), null=True, blank=True)
    acknowledgements = models.PositiveSmallIntegerField(_("acknowledged"), null=True, blank=True)
    # Written at the close: the voting seats left once those who stepped aside (a conflict
    # of interest) are taken out, and the quorum over them.
    voting_seats = models.PositiveSmallIntegerField(
        _("people who could vote on it at closing"), null=True, blank=True
    )
    quorum = models.PositiveSmallIntegerField(
        _("minimum number of voters (quorum) at closing"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("proposed decision")
        verbose_name_plural = _("proposed decisions")
        ordering = ["memo", "order", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def is_closed(self) -> bool:
        return bool(self.result)
