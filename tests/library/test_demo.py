from library.demo import documents as library_demo
from library.models import HouseStyle, LibraryDocument
from partners.demo import organisations as partners_demo


def test_the_demo_library_is_built_once_with_real_pdfs(db):
    partners_demo.build()
    library_demo.build()
    library_demo.build()  # again: nothing doubles
    titles = set(LibraryDocument.objects.values_list("title", flat=True))
    assert {spec[0] for spec in library_demo.DOCUMENTS} == titles
    assert LibraryDocument.objects.filter(visibility="public").exists()
    for document in LibraryDocument.objects.select_related("current_version"):
        assert document.versions.count() == 1
        assert document.current_version.file.read(5) == b"%PDF-"
        assert document.current_version.uploaded_by.email == "programmaleider@avk.example"
    style = HouseStyle.objects.get(partner__name=library_demo.DEMO_PARTNER)
    assert style.colour == library_demo.DEMO_COLOUR and style.logo_format == "svg"
