from django.urls import path

from library.views import documents, house_style

app_name = "library"
urlpatterns = [
    path("", documents.library, name="library"),
    path("nieuw/", documents.add_document, name="document_create"),
    path("<int:pk>/", documents.document_detail, name="document_detail"),
    path("<int:pk>/bewerken/", documents.edit_document, name="document_edit"),
    path("<int:pk>/nieuwe-versie/", documents.upload_version, name="version_create"),
    path("versie/<int:pk>/download/", documents.download, name="version_download"),
    path("huisstijl/<int:pk>/", house_style.house_style, name="house_style"),
    path("huisstijl/<int:pk>/logo/", house_style.house_style_logo, name="house_style_logo"),
]
