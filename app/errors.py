"""Domain errors. No web framework here: app/api/errors.py maps them to HTTP problems."""

from __future__ import annotations

from collections.abc import Sequence


class ClaimdbError(Exception):
    """Base class of every error claimdb raises on purpose."""

    title = "Error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(ClaimdbError):
    title = "Not found"

    def __init__(self, resource: str, ident: object) -> None:
        super().__init__(f"No {resource} with id {ident}.")
        self.resource = resource
        self.ident = ident


class InvalidParameter(ClaimdbError):
    """A request or command parameter that is well-formed but means nothing here."""

    title = "Invalid parameter"

    def __init__(self, parameter: str, detail: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(detail)
        self.parameter = parameter
        self.suggestions = list(suggestions)


class UsageError(ClaimdbError):
    """A command was asked for something it cannot do (unreadable path, unknown preset...)."""

    title = "Usage error"


class DocumentRejected(ClaimdbError):
    """One document cannot be imported (empty, binary, too large...); the batch goes on."""

    title = "Document rejected"


class DocumentTooLarge(DocumentRejected):
    title = "Document too large"


class NotAuthenticated(ClaimdbError):
    title = "Not authenticated"


class Forbidden(ClaimdbError):
    title = "Forbidden"


class UnsupportedMediaType(ClaimdbError):
    title = "Unsupported media type"
