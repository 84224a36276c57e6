"""Logging helpers the LOGGING setting names."""

import copy
import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Prints a 4xx answer (403, 404, a bad host) as its one line, without the traceback.

    Django logs these with the exception attached; a traceback helps with a 500, for a
    refused request it only buries the log. Other handlers still get the full record.
    """

    def filter(self, record: logging.LogRecord) -> logging.LogRecord:
        status = getattr(record, "status_code", None)
        if record.exc_info and isinstance(status, int) and 400 <= status < 500:
            record = copy.copy(record)
            record.exc_info = record.exc_text = None
        return record
