import factory
from django.core.files.base import ContentFile

from library.models import DocumentVersion, HouseStyle, LibraryDocument
from tests.factories import PartnerFactory
from tests.library.files import PDF, SVG_OK


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LibraryDocument
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Document {n}")
    category = LibraryDocument.Category.OTHER
    visibility = LibraryDocument.Visibility.PARTNERS
    description = "Uit het convenant."

    @factory.post_generation
    def versions(obj, create, extracted, **kwargs):
        """`versions=n` adds n versions (default 1); the newest becomes the current one."""
        if not create:
            return
        for _ in range(1 if extracted is None else extracted):
            DocumentVersionFactory(document=obj)


class DocumentVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentVersion

    document = factory.SubFactory(LibraryDocumentFactory, versions=0)
    number = factory.LazyAttribute(lambda o: o.document.versions.count() + 1)
    file = factory.LazyAttribute(lambda o: ContentFile(PDF, name=f"v{o.number}.pdf"))
    original_name = factory.LazyAttribute(lambda o: f"stuk-v{o.number}.pdf")
    extension = "pdf"
    size = len(PDF)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        version = super()._create(model_class, *args, **kwargs)
        LibraryDocument.objects.filter(pk=version.document_id).update(current_version=version)
        version.document.current_version = version
        return version


class HouseStyleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseStyle

    partner = factory.SubFactory(PartnerFactory)
    colour = "#12AB34"
    logo = factory.LazyFunction(lambda: ContentFile(SVG_OK, name="logo.svg"))
    logo_format = HouseStyle.LogoFormat.SVG
