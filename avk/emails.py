"""The one e-mail builder: three templates per mail, rendered in the recipient's language.

A mail named "invitation" has templates/emails/invitation/{subject.txt,body.txt,body.html}.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def mail_build(*, to: str, name: str, context: dict, language: str = "nl"):
    base = f"emails/{name}"
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{base}/subject.txt", context).split())
        text = render_to_string(f"{base}/body.txt", context)
        html = render_to_string(f"{base}/body.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message


def mail_send(*, to: str, name: str, context: dict, language: str = "nl") -> None:
    mail_build(to=to, name=name, context=context, language=language).send()
