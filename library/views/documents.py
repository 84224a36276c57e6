"""The library pages: the list (also for visitors without an account, who see only public
documents), a document with its versions, and staff's upload and edit forms. Files are
always served through `download`, which checks who may see the document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import staff_required
from avk.forms import add_errors
from library.access import (
    get_document_for_user,
    get_version_for_user,
    may_manage_library,
)
from library.forms.documents import DocumentCreateForm, DocumentForm, VersionForm
from library.models import LibraryDocument
from library.selectors.documents import document_list, document_versions
from library.services.documents import document_create, document_update, version_add
from library.uploads import DOCUMENT_TYPES
from partners.access import editable_partner_ids
from partners.models import Partner

PER_PAGE = 25


@login_not_required
@require_GET
def library(request):
    category = request.GET.get("category", "")
    if category not in LibraryDocument.Category.values:
        category = ""
    page = Paginator(document_list(request.user, category=category), PER_PAGE).get_page(
        request.GET.get("page")
    )
    kit_partners = (
        list(
            Partner.objects.filter(pk__in=editable_partner_ids(request.user), is_active=True).only(
                "pk", "name"
            )
        )
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "library/list.html",
        {
            "page": page,
            "category": category,
            "categories": LibraryDocument.Category.choices,
            "may_manage": may_manage_library(request.user),
            "kit_partners": kit_partners,
        },
    )


@login_not_required
@require_GET
def document_detail(request, pk):
    document = get_document_for_user(request.user, pk)
    return render(
        request,
        "library/detail.html",
        {
            "document": document,
            "versions": document_versions(document)[:50],
            "may_manage": may_manage_library(request.user),
        },
    )


@login_not_required
@require_GET
def download(request, pk):
    """A version's file, for whoever may see its document; never a media URL."""
    version = get_version_for_user(request.user, pk)
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=DOCUMENT_TYPES.get(version.extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def add_document(request):
    form = DocumentCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = document_create(
                user=request.user,
                title=data["title"],
                category=data["category"],
                description=data["description"],
                visibility=data["visibility"],
                upload=data["file"],
                extension=data["extension"],
                note=data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Document “%(title)s” added.") % {"title": document})
            return redirect("library:document_detail", pk=document.pk)
    return render(request, "library/document_form.html", {"form": form, "document": None})


@require_http_methods(["GET", "POST"])
def edit_document(request, pk):
    document = get_document_for_user(request.user, pk, write=True)
    form = DocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        try:
            document_update(user=request.user, document=document, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Document “%(title)s” saved.") % {"title": document})
            return redirect("library:document_detail", pk=document.pk)
    return render(request, "library/document_form.html", {"form": form, "document": document})


@require_http_methods(["GET", "POST"])
def upload_version(request, pk):
    document = get_document_for_user(request.user, pk, write=True)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = version_add(
                user=request.user,
                document=document,
                upload=form.cleaned_data["file"],
                extension=form.cleaned_data["extension"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of “%(title)s” added.")
                % {"number": version.number, "title": document},
            )
            return redirect("library:document_detail", pk=document.pk)
    return render(request, "library/version_form.html", {"form": form, "document": document})
