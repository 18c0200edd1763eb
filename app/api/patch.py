"""Reading a PATCH body: a JSON merge patch (RFC 7396) of bounded size, validated
strictly; every fault is a 4xx that names the field."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from app.errors import DocumentTooLarge, UnsupportedMediaType

MAX_PATCH_BYTES = 64_000
MEDIA_TYPES = ("application/merge-patch+json", "application/json")
Body = TypeVar("Body", bound=BaseModel)


async def read_patch(request: Request, model: type[Body]) -> Body:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in MEDIA_TYPES:
        raise UnsupportedMediaType(
            f"Content-Type {content_type or '(none)'} is not accepted: send "
            "application/merge-patch+json (or application/json)."
        )
    declared = request.headers.get("content-length", "")
    too_large = f"A patch is at most {MAX_PATCH_BYTES} bytes."
    if declared.isdigit() and int(declared) > MAX_PATCH_BYTES:
        raise DocumentTooLarge(too_large)
    body, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_PATCH_BYTES:
            raise DocumentTooLarge(too_large)
        body.append(chunk)
    try:
        return model.model_validate_json(b"".join(body))
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None


# the schemas PATCH bodies refer to, added to the OpenAPI components by app.main
COMPONENTS: dict[str, Any] = {}


def request_body(model: type[BaseModel], examples: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI requestBody of a PATCH that reads its body with read_patch."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    COMPONENTS.update(schema.pop("$defs", {}))
    COMPONENTS[model.__name__] = schema
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    content = {"schema": ref, "examples": examples}
    return {"required": True, "content": dict.fromkeys(MEDIA_TYPES, content)}
