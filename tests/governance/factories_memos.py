"""Factories of the memo editor: annex figures with a real (tiny) image, versions, and
a memo with all its parts."""

import io

import factory
from django.core.files.base import ContentFile
from PIL import Image

from governance.models import MemoAnnex, MemoVersion
from governance.services.memos import memo_snapshot
from tests.governance.factories import MemoFactory, MemoSectionFactory, ProposedDecisionFactory


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 30), colour="#17455c") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


class MemoAnnexFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemoAnnex

    memo = factory.SubFactory(MemoFactory)
    order = factory.Sequence(lambda n: n)
    caption = factory.Sequence(lambda n: f"Figuur {n}: sturingsvormen")
    image = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="figuur.png"))
    content_type = "image/png"
    size = factory.LazyAttribute(lambda o: o.image.size)


def snapshot_version(memo, number=None, note="Opgeslagen", user=None) -> MemoVersion:
    """A MemoVersion with the memo's current content (as a save would store)."""
    return MemoVersion.objects.create(
        memo=memo,
        number=number or memo.version,
        content=memo_snapshot(memo),
        saved_by=user,
        note=note,
    )


def full_memo(*, sections=2, decisions=3, annexes=1, **memo_kwargs):
    """A draft memo with sections (two summary points each), decisions, figures and its
    first version."""
    memo = MemoFactory(**memo_kwargs)
    for index in range(sections):
        MemoSectionFactory(
            memo=memo,
            order=index,
            title=f"Thema {index + 1}",
            summary=f"Punt {index + 1}a\nPunt {index + 1}b",
        )
    for index in range(decisions):
        ProposedDecisionFactory(
            memo=memo,
            order=index,
            kind="note" if index == 0 else "approve",
            text=f"voorstel {index + 1}",
        )
    for index in range(annexes):
        MemoAnnexFactory(memo=memo, order=index, caption=f"Bijschrift {index + 1}")
    snapshot_version(memo, note="Memo aangemaakt")
    return memo
