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

    def __init__(
        self,
        parameter: str,
        detail: str,
        suggestions: Sequence[str] = (),
        location: str = "query",
    ) -> None:
        super().__init__(detail)
        self.parameter = parameter
        self.suggestions = list(suggestions)
        self.location = location  # query, or body for a field of a request body


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


class PreconditionRequired(ClaimdbError):
    """A change sent without the version it was made on (If-Match)."""

    title = "Precondition required"


class PreconditionFailed(ClaimdbError):
    """A change made on a version that is no longer the current one."""

    title = "Precondition failed"


class Conflict(ClaimdbError):
    """A change that the entity's current state rules out (a merged actor)."""

    title = "Conflict"


class UnsupportedMediaType(ClaimdbError):
    title = "Unsupported media type"


class DatabaseFault(ClaimdbError):
    """The database cannot do what was asked (locked, read-only, full, damaged, at a schema
    this code does not know). Named in one line, never a traceback: `default` is that
    line when nothing more is known, `exit_code` what the CLI exits with."""

    title = "Database unavailable"
    default = "the database refused the request"
    exit_code = 3

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.default)


class DatabaseBusy(DatabaseFault):
    title = "Database busy"
    default = "the database is busy with another write; retry shortly"


class DatabaseReadOnly(DatabaseFault):
    title = "Database read-only"
    default = "the database file is read-only"
    exit_code = 4


class DiskFull(DatabaseFault):
    title = "Disk full"
    default = "the disk is full"
    exit_code = 5


class DatabaseDamaged(DatabaseFault):
    title = "Database damaged"
    default = "the database file is damaged (run `claimdb check`)"
    exit_code = 6


class SchemaMismatch(DatabaseFault):
    """The database's schema revision is not the one this code was written for."""

    title = "Schema mismatch"
    exit_code = 7


class SchemaBehind(SchemaMismatch):
    """Older than the code: `claimdb migrate` brings it up (a usage error, as before)."""

    exit_code = 2


class SchemaUnknown(SchemaMismatch):
    """At a revision the code has no migration for: a newer claimdb wrote it. Nothing may
    touch it, migrations least of all."""
