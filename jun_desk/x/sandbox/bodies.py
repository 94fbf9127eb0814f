"""The JSON bodies X accepts, as its OpenAPI document declares them, and X's check of them.

``SCHEMAS[generation][endpoint]`` is the request body schema of X's document for each
endpoint the sandbox serves with a body — v2.159 (``openapi.json``) for the tweet generation,
v2.167 (``specs/openapi.json``) for the post generation — written out with the ``$ref`` s
resolved and without the keywords that validate nothing (``description``, ``example``,
``default``, ``format``). The conformance check (:mod:`jun_desk.x.sandbox.conformance`)
compares them with the documents, so a transcription that drifts is a difference.

:func:`problems` checks a body against one of them the way X does (X validates with
networknt's json-schema-validator, and answers every failure in its words, e.g.
``$.reply.in_reply_to_tweet_id: integer found, string expected``), naming the place in the
body where each failure is: its JSON path and the JSON found there.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jun_desk.x.fieldnames import POST, TWEET

Schema = dict[str, Any]
ID: Schema = {"type": "string", "pattern": "^[0-9]{1,19}$"}
STRING: Schema = {"type": "string"}
BOOLEAN: Schema = {"type": "boolean"}
REPLY_SETTINGS: Schema = {"type": "string",
                          "enum": ["following", "mentionedUsers", "subscribers", "verified"]}


def _object(properties: dict[str, Schema], *required: str, closed: bool = True) -> Schema:
    out: Schema = {"type": "object", "properties": properties}
    if required:
        out["required"] = list(required)
    if closed:
        out["additionalProperties"] = False
    return out


def _array(items: Schema, **limits: int) -> Schema:
    return {"type": "array", "items": items, **limits}


def _tweet_body(generation: str) -> Schema:
    new = generation == POST
    poll = _object({"duration_minutes": {"type": "integer", "minimum": 5, "maximum": 10080},
                    "options": _array({"type": "string", "minLength": 1, "maxLength": 25},
                                      minItems=2, maxItems=4),
                    "reply_settings": REPLY_SETTINGS}, "options", "duration_minutes")
    media: dict[str, Schema] = {"media_ids": _array(ID, minItems=1, maxItems=4),
                                "tagged_user_ids": _array(ID, maxItems=10)
                                if new else _array(ID, minItems=0, maxItems=10)}
    if new:
        url = _object({"url": STRING}, "url")
        media |= {"call_to_actions": _object({
                      "app_install": _object({"app_store_id": STRING,
                                              "ipad_app_store_id": STRING,
                                              "play_store_id": STRING}),
                      "visit_site": url, "watch_now": url}),
                  "description": STRING, "embeddable": BOOLEAN, "preview_media_id": ID,
                  "title": STRING}
    reply = _object({"auto_populate_reply_metadata": BOOLEAN,
                     "exclude_reply_user_ids": _array(STRING if new else ID),
                     "in_reply_to_tweet_id": ID}, "in_reply_to_tweet_id")
    properties: dict[str, Schema] = {
        "card_uri": STRING, "community_id": ID, "direct_message_deep_link": STRING,
        "edit_options": _object({"previous_post_id": ID}, "previous_post_id"),
        "for_super_followers_only": BOOLEAN,
        "geo": _object({"place_id": STRING}, *(["place_id"] if new else [])),
        "media": _object(media, "media_ids"), "nullcast": BOOLEAN, "poll": poll,
        "quote_tweet_id": ID, "reply": reply, "reply_settings": REPLY_SETTINGS,
        "share_with_followers": BOOLEAN, "text": STRING}
    if new:
        properties |= {"made_with_ai": BOOLEAN, "paid_partnership": BOOLEAN}
    return _object(properties)


def _dm_body(generation: str) -> Schema:
    text: Schema = {"type": "string", "minLength": 1}
    if generation == POST:
        out = _object({"attachments": _array(_object({"media_id": ID}, "media_id")),
                       "text": text})
        return {"anyOf": [{"required": ["text"]}, {"required": ["attachments"]}], **out}
    attachments = _array(_object({"media_id": ID}, "media_id", closed=False))
    return {"anyOf": [_object({"attachments": attachments, "text": text}, need, closed=False)
                      for need in ("text", "attachments")]}


def _schemas(generation: str) -> dict[str, Schema]:
    closed = generation == POST  # v2.159 leaves these two open to other properties
    return {
        "POST /2/tweets": _tweet_body(generation),
        "POST /2/dm_conversations/with/:id/messages": _dm_body(generation),
        "PUT /2/tweets/:id/hidden": _object({"hidden": BOOLEAN}, "hidden", closed=closed),
        "POST /2/users/:id/muting": _object({"target_user_id": ID}, "target_user_id",
                                            closed=closed),
    }


SCHEMAS: dict[str, dict[str, Schema]] = {g: _schemas(g) for g in (TWEET, POST)}

_JSON_TYPES = (("null", type(None)), ("boolean", bool), ("integer", int), ("number", float),
               ("string", str), ("array", list), ("object", dict))


def json_type(value: Any) -> str:
    """The JSON type of a decoded value, as networknt names it (``integer`` for 5)."""
    return next(name for name, kind in _JSON_TYPES if isinstance(value, kind))


def _is(value: Any, expected: str) -> bool:
    found = json_type(value)
    return found == expected or (expected == "number" and found == "integer")


def as_text(value: Any) -> str:
    """How X quotes a value in ``errors[].parameters``: a string as it is, the rest as JSON."""
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"),
                                                          ensure_ascii=False)


Problem = tuple[str, Any, str]  # the JSON path, the value there, X's message


def problems(schema: Schema, value: Any, path: str = "$") -> list[Problem]:
    """Every way ``value`` breaks ``schema``, in X's (networknt's) words."""
    expected = schema.get("type")
    if expected is not None and not _is(value, expected):
        return [(path, value, f"{path}: {json_type(value)} found, {expected} expected")]
    out: list[Problem] = []
    if "anyOf" in schema and all(problems(s, value, path) for s in schema["anyOf"]):
        choices = json.dumps(schema["anyOf"], separators=(",", ":"))
        out.append((path, value, f"{path}: should be valid to any of the schemas {choices}"))
    if "enum" in schema and value not in schema["enum"]:
        out.append((path, value, f"{path}: does not have a value in the enumeration "
                                 f"{json.dumps(schema['enum'], separators=(',', ':'))}"))
    if isinstance(value, str):
        out += _string(schema, value, path)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            out.append((path, value, f"{path}: must have a minimum value of {schema['minimum']}"))
        if "maximum" in schema and value > schema["maximum"]:
            out.append((path, value, f"{path}: must have a maximum value of {schema['maximum']}"))
    elif isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            out.append((path, value, f"{path}: there must be a minimum of "
                                     f"{schema['minItems']} items in the array"))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            out.append((path, value, f"{path}: there must be a maximum of "
                                     f"{schema['maxItems']} items in the array"))
        for n, item in enumerate(value):
            out += problems(schema.get("items", {}), item, f"{path}[{n}]")
    elif isinstance(value, dict):
        out += _object_problems(schema, value, path)
    return out


def _string(schema: Schema, value: str, path: str) -> list[Problem]:
    out: list[Problem] = []
    if "minLength" in schema and len(value) < schema["minLength"]:
        out.append((path, value, f"{path}: must be at least {schema['minLength']} characters "
                                 "long"))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        out.append((path, value, f"{path}: may only be {schema['maxLength']} characters long"))
    if "pattern" in schema and re.search(schema["pattern"], value) is None:
        out.append((path, value, f"{path}: does not match the regex pattern "
                                 f"{schema['pattern']}"))
    return out


def _object_problems(schema: Schema, value: dict[str, Any], path: str) -> list[Problem]:
    out: list[Problem] = [(path, value, f"{path}.{name}: is missing but it is required")
                          for name in schema.get("required", []) if name not in value]
    properties = schema.get("properties", {})
    for name, item in value.items():
        if name in properties:
            out += problems(properties[name], item, f"{path}.{name}")
        elif schema.get("additionalProperties") is False:
            out.append((path, value, f"{path}.{name}: is not defined in the schema and the "
                                     "schema does not allow additional properties"))
    return out
