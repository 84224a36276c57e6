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


def drawn_objects(data: bytes) -> list[list[str]]:
    """Per page, the marked-content tag around each XObject drawn (an image, an SVG): "/Artifact"
    for decoration, "/Figure" for a tagged picture, "" when it is outside any."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        stack, drawn = [], []
        for operands, operator in pypdf.generic.ContentStream(
            page.get_contents(), reader
        ).operations:
            if operator in (b"BMC", b"BDC"):
                stack.append(str(operands[0]))
            elif operator == b"EMC" and stack:
                stack.pop()
            elif operator == b"Do":
                drawn.append(stack[-1] if stack else "")
        pages.append(drawn)
    return pages
