from django.conf import settings
from django.utils import translation


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
