"""The minutes form: general notes, attendance per member of the body and what was
discussed per agenda item. The rules (who is a member, every item written) are checked
again in governance.services.minutes."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import parse_id
from governance.models import Attendance
from governance.services.minutes import MAX_TEXT

ATTENDANCE = re.compile(r"^attendance_(\d{1,18})$")


class MinutesForm(forms.Form):
    notes = forms.CharField(
        label=_("General notes"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example who chaired the meeting and announcements."),
    )

    def __init__(self, *args, attendance_rows=(), items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.member_fields = []
        for row in attendance_rows:
            name = f"attendance_{row.person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=row.person.name,
                choices=Attendance.Status.choices,
                initial=row.status or Attendance.Status.PRESENT,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose whether %(name)s was there.")},
            )
            self.fields[name].error_messages["required"] %= {"name": row.person.name}
            self.member_fields.append(name)
        self.item_fields = []
        for item in items:
            name = f"item_{item.pk}"
            self.fields[name] = forms.CharField(
                label=item.title,
                max_length=MAX_TEXT,
                initial=item.text,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"required": _("Write what was discussed on this item.")},
            )
            self.item_fields.append(name)

    def attendance(self) -> dict[int, str]:
        """Person pk -> status: the members' fields, and anything else posted as
        attendance, so the service can refuse a person who is not a member."""
        result = {}
        for key, value in self.data.items():
            match = ATTENDANCE.match(key)
            pk = parse_id(match.group(1)) if match else None
            if pk is not None and key not in self.fields:
                result[pk] = str(value)[:16]
        for name in self.member_fields:
            result[int(name.removeprefix("attendance_"))] = self.cleaned_data[name]
        return result

    def items(self) -> dict[int, str]:
        return {
            int(name.removeprefix("item_")): self.cleaned_data[name] for name in self.item_fields
        }

    def bound_members(self):
        return [self[name] for name in self.member_fields]

    def bound_items(self):
        return [self[name] for name in self.item_fields]
