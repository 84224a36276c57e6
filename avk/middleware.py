from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils import translation

UNCOMPRESSED_PREFIXES = ("/account/",)
COMPRESSED_TYPES = {"application/json", "application/javascript", "image/svg+xml"}


class LanguageMiddleware:
    """Dutch unless the person chose otherwise.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the
    alliance works in Dutch, and an English browser should not silently switch that.
    The choice comes from the language cookie (set by the switch) or the user's profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        user = getattr(request, "user", None)
        if language not in self.supported and user is not None and user.is_authenticated:
            language = user.language
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class CompressionMiddleware(GZipMiddleware):
    """Gzip for the portal's text responses, not for pages that carry a secret.

    BREACH guesses a secret in a compressed page from the page's size when an attacker can
    also put text of their own in it. Django masks the CSRF token anew for every response
    and GZipMiddleware pads the gzip header with a random length ("Heal the BREACH"); the
    account pages (`/account/`: two-factor secrets, recovery codes, password reset keys)
    are left uncompressed all the same, they are small and seldom visited. Files (PDFs,
    images, spreadsheets) are compressed already and stay as they are.
    """

    def process_response(self, request, response):
        if request.path.startswith(UNCOMPRESSED_PREFIXES):
            return response
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if not content_type.startswith("text/") and content_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
