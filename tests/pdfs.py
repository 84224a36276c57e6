"""Reading the PDFs the portal makes, for tests."""

import io

import pypdf


def pdf_fonts(data: bytes) -> set[str]:
    """The base names of every font the PDF uses, also inside form XObjects (inline SVG)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts, seen = set(), set()
    todo = [page.get("/Resources") for page in reader.pages]
    while todo:
        resources = todo.pop()
        resources = resources.get_object() if resources is not None else None
        if not resources or id(resources) in seen:
            continue
        seen.add(id(resources))
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
        for key in ("/XObject", "/Pattern"):
            for item in resources.get(key, {}).values():
                todo.append(item.get_object().get("/Resources"))
    return fonts
