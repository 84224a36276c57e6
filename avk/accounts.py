from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from avk.links import absolute_reverse, absolute_url


class PortalSite:
    """What allauth's mails call the site: the portal's name and its public address."""

    @property
    def name(self) -> str:
        return gettext("AVK portal")

    @property
    def domain(self) -> str:
        return urlsplit(absolute_url("/")).netloc


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation (programme team, or their organisation's editor), never by
    sign-up.

    The links in allauth's mails (password reset, e-mail verification) use the portal's
    public address, like every other mail, not the host of the request that asked.
    """

    def is_open_for_signup(self, request):
        return False

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed logins per e-mail address. Counting them per e-mail address
        # *and* client address means someone guessing a password elsewhere cannot lock
        # the owner out, and one person's typos never hold back a colleague behind the same
        # proxy. The client address honours ALLAUTH_TRUSTED_PROXY_COUNT / _CLIENT_IP_HEADER.
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}:{self.get_client_ip(request)}"

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {**context, "current_site": PortalSite()}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def get_reset_password_from_key_url(self, key):
        # allauth builds the path (with its key encoding) on the request's host.
        return absolute_url(urlsplit(super().get_reset_password_from_key_url(key)).path)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_reverse("account_confirm_email", emailconfirmation.key)


class LoginForm(AllauthLoginForm):
    """allauth's login form. Its "Remember Me" is "Onthouden" in Dutch, which is also how a
    vote says "abstain", so the box says what it does."""

    remember = forms.BooleanField(label=_("Stay logged in"), required=False)
