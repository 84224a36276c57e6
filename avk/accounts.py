from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join the portal by invitation from the programme staff, never by sign-up."""

    def is_open_for_signup(self, request):
        return False
