from django.core.exceptions import ValidationError


def add_errors(form, error: ValidationError, field=None):
    """Show a service's ValidationError on the form, on the right field where it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, error.messages)
