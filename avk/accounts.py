from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join the portal by invitation from the programme staff, never by sign-up."""

    def is_open_for_signup(self, request):
        return False

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed logins per e-mail address. Counting them per e-mail address
        # *and* client address means someone guessing a password elsewhere cannot lock
        # the owner out, and one person's typos never hold back a colleague behind the same
        # proxy. The client address honours ALLAUTH_TRUSTED_PROXY_COUNT / _CLIENT_IP_HEADER.
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}:{self.get_client_ip(request)}"
