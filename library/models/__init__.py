from library.models.documents import DocumentVersion, LibraryDocument
from library.models.house_style import HouseStyle

__all__ = ["DocumentVersion", "HouseStyle", "LibraryDocument"]
