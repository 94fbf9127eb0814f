"""What X accepts, as its published OpenAPI document says: the sandbox refuses the rest.

For each endpoint the sandbox serves: the query parameters X declares, the values X allows
in its list parameters (``tweet.fields``, ``expansions``, ``event_types``, ...), and the
schema of a JSON body (:mod:`jun_desk.x.sandbox.bodies`). A request outside them gets X's
400 naming the parameter or the place in the body, in X's words. Both generations of names
are known (see :mod:`jun_desk.x.fieldnames`); a sandbox plays one of them.

Also here: X's error bodies (RFC 7807 problems, ``application/problem+json``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from jun_desk.x.fieldnames import POST, TWEET
from jun_desk.x.sandbox import bodies

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEMS = "https://api.twitter.com/2/problems/"
PROBLEMS_POST = "https://api.x.com/2/problems/"  # the post generation's problem types


class ApiError(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def problem(status: int, title: str, detail: str, kind: str = "about:blank",
            **extra: Any) -> ApiError:
    return ApiError(status, {"title": title, "detail": detail, "type": kind, "status": status,
                             **extra})


def invalid(parameter: str, value: str, message: str) -> ApiError:
    """X's 400 for a request it cannot take, naming the parameter."""
    return ApiError(400, {
        "errors": [{"parameters": {parameter: [value]}, "message": message}],
        "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
        "type": PROBLEMS + "invalid-request",
    })


def time_param(query: dict[str, str], name: str) -> datetime | None:
    value = query.get(name)
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise invalid(name, value,
                       f"The `{name}` query parameter value is not a valid time") from None


def json_body(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise problem(400, "Invalid Request", "The request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise problem(400, "Invalid Request", "The request body must be a JSON object")
    return payload


def not_found(resource: str, parameter: str, value: str) -> dict[str, Any]:
    return {"value": value, "detail": f"Could not find {resource} with {parameter}: [{value}].",
            "title": "Not Found Error", "resource_type": resource, "parameter": parameter,
            "resource_id": value, "type": "https://api.twitter.com/2/problems/resource-not-found"}


def _words(*groups: str) -> tuple[str, ...]:
    return tuple(sorted({w for g in groups for w in g.split()}))


USER_FIELDS = _words("affiliation confirmed_email connection_status created_at description "
                     "entities id is_identity_verified location most_recent_tweet_id name "
                     "parody pinned_tweet_id profile_banner_url profile_image_url protected "
                     "public_metrics receives_your_dm subscription subscription_type url "
                     "username verified verified_followers_count verified_type withheld")
USER_FIELDS_POST = tuple(sorted(
    {f.replace("_tweet_", "_post_") for f in USER_FIELDS} - {"affiliation"}
    | {"subscribes_to_you"}))
_COMMON_TWEET_FIELDS = ("article attachments card_uri community_id context_annotations "
                        "conversation_id created_at display_text_range edit_controls entities "
                        "geo id lang media_metadata non_public_metrics organic_metrics "
                        "possibly_sensitive promoted_metrics public_metrics reply_settings "
                        "scopes source suggested_source_links "
                        "suggested_source_links_with_counts text withheld")
TWEET_FIELDS = _words(_COMMON_TWEET_FIELDS, "author_id edit_history_tweet_ids "
                      "in_reply_to_user_id note_tweet referenced_tweets")
POST_FIELDS = _words(_COMMON_TWEET_FIELDS, "article_title matched_media_notes note_post "
                     "note_request_suggestions paid_partnership")
TWEET_EXPANSIONS = _words("article.cover_media article.media_entities attachments.media_keys "
                          "attachments.media_source_tweet attachments.poll_ids author_id "
                          "edit_history_tweet_ids entities.mentions.username geo.place_id "
                          "in_reply_to_user_id entities.note.mentions.username "
                          "referenced_tweets.id referenced_tweets.id.attachments.media_keys "
                          "referenced_tweets.id.author_id")
POST_EXPANSIONS = _words("article.cover_media article.media_entities attachments.media_keys "
                         "attachments.media_source_tweet attachments.poll_ids author_id "
                         "edit_history_post_ids entities.mentions.username geo.place_id "
                         "in_reply_to_user_id referenced_posts username")
USER_EXPANSIONS = _words("affiliation.user_id most_recent_tweet_id pinned_tweet_id")
USER_EXPANSIONS_POST = _words("affiliation.user_id most_recent_post_id pinned_post_id")
MEDIA_FIELDS = _words("alt_text duration_ms height media_key non_public_metrics "
                      "organic_metrics preview_image_url promoted_metrics public_metrics type "
                      "url variants width")
POLL_FIELDS = _words("duration_minutes end_datetime id options voting_status")
PLACE_FIELDS = _words("contained_within country country_code full_name geo id name place_type")
DM_EVENT_FIELDS = _words("attachments created_at dm_conversation_id entities event_type id "
                         "participant_ids referenced_tweets sender_id text")
DM_EVENT_FIELDS_POST = _words("attachments created_at dm_conversation_id entities event_type "
                              "id text")
DM_EXPANSIONS = _words("attachments.media_keys participant_ids referenced_tweets.id sender_id")
DM_EXPANSIONS_POST = _words("attachments.media_keys participant_ids referenced_posts sender_id")
EVENT_TYPES = ("MessageCreate", "ParticipantsJoin", "ParticipantsLeave")
EXCLUDE = ("replies", "retweets")

# parameter → allowed values (None: any value; the handler checks its form)
Params = dict[str, tuple[str, ...] | None]


def _vocabulary(generation: str) -> dict[str, Params]:
    new = generation == POST
    tweet_fields = {"post.fields": POST_FIELDS} if new else {"tweet.fields": TWEET_FIELDS}
    user: Params = {"user.fields": USER_FIELDS_POST if new else USER_FIELDS,
            "expansions": USER_EXPANSIONS_POST if new else USER_EXPANSIONS, **tweet_fields}
    tweets: Params = {**tweet_fields, "expansions": POST_EXPANSIONS if new else TWEET_EXPANSIONS,
              "media.fields": MEDIA_FIELDS, "poll.fields": POLL_FIELDS,
              "user.fields": USER_FIELDS_POST if new else USER_FIELDS,
              "place.fields": PLACE_FIELDS}
    timeline: Params = {"since_id": None, "until_id": None, "max_results": None,
                "pagination_token": None, "start_time": None, "end_time": None, **tweets}
    dms: Params = {"max_results": None, "pagination_token": None, "event_types": EVENT_TYPES,
           "dm_event.fields": DM_EVENT_FIELDS_POST if new else DM_EVENT_FIELDS,
           "expansions": DM_EXPANSIONS_POST if new else DM_EXPANSIONS,
           "media.fields": MEDIA_FIELDS, "user.fields": USER_FIELDS_POST if new else USER_FIELDS,
           **tweet_fields}
    return {
        "GET /2/users/me": user,
        "GET /2/users": {"ids": None, **user},
        "GET /2/users/:id": user,
        "GET /2/users/:id/mentions": timeline,
        "GET /2/users/:id/tweets": {**timeline, "exclude": EXCLUDE},
        "GET /2/tweets": {"ids": None, **tweets},
        "POST /2/tweets": {},
        "GET /2/dm_events": dms,
        "GET /2/dm_conversations/with/:id/dm_events": dms,
        "POST /2/dm_conversations/with/:id/messages": {},
        # moderation (sandbox/moderation.py)
        "PUT /2/tweets/:id/hidden": {},
        "DELETE /2/tweets/:id": {},
        "POST /2/users/:id/muting": {},
        "DELETE /2/users/:id/muting/:id": {},
        "GET /2/users/:id/muting": {"max_results": None, "pagination_token": None, **user},
        "GET /2/users/:id/blocking": {"max_results": None, "pagination_token": None, **user},
    }


VOCABULARY = {generation: _vocabulary(generation) for generation in (TWEET, POST)}


def check_query(generation: str, endpoint: str, query: dict[str, list[str]]) -> None:
    """X's 400 for a parameter the endpoint does not declare, or a value it does not allow."""
    declared = VOCABULARY[generation].get(endpoint)
    if declared is None:
        return  # an unknown endpoint: the router answers 404
    for name, values in query.items():
        if name not in declared:
            known = ",".join(["id", *declared] if ":id" in endpoint else declared)
            raise invalid(name, values[-1], f"The query parameter [{name}] is not one of "
                                            f"[{known}]")
        allowed = declared[name]
        if allowed is None:
            continue
        for value in values:
            items = value.split(",")
            for item in items:
                if item not in allowed:
                    raise invalid(name, item, f"The `{name}` query parameter value [{item}] is "
                                              f"not one of [{','.join(allowed)}]")
            if len(items) != len(set(items)) and name == "event_types":
                raise invalid(name, value, f"The `{name}` query parameter values must be unique")


def _body_invalid(*errors: dict[str, Any]) -> ApiError:
    return ApiError(400, {"errors": list(errors), "title": "Invalid Request",
                          "detail": "One or more parameters to your request was invalid.",
                          "type": PROBLEMS + "invalid-request"})


def check_body(generation: str, endpoint: str, content_type: str, raw: bytes) -> None:
    """A body X's document declares: labelled JSON, valid against the operation's schema
    (:mod:`jun_desk.x.sandbox.bodies`); else X's 400 naming each place that is wrong."""
    schema = bodies.SCHEMAS[generation].get(endpoint)
    if schema is None:
        return
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise _body_invalid({"message": f"Unsupported content type [{content_type or 'none'}]:"
                                        " the request body must be application/json"})
    try:
        payload = json.loads(raw or b"")
    except (ValueError, UnicodeDecodeError):
        raise _body_invalid({"message": "The request body is not valid JSON"}) from None
    found = bodies.problems(schema, payload)
    if found:
        raise _body_invalid(*({"parameters": {path: [bodies.as_text(value)]},
                               "message": message} for path, value, message in found))


def for_generation(generation: str, body: Any) -> Any:
    """Problem types as the generation names them (``api.x.com`` for posts)."""
    if generation != POST:
        return body
    if isinstance(body, list):
        return [for_generation(generation, b) for b in body]
    if not isinstance(body, dict):
        return body
    out = {k: for_generation(generation, v) for k, v in body.items()}
    kind = out.get("type")
    if isinstance(kind, str) and kind.startswith(PROBLEMS):
        out["type"] = PROBLEMS_POST + kind[len(PROBLEMS):]
        # the post generation's InvalidRequestProblem names the parameter at the top
        named = [(p, v) for e in out.get("errors") or [] if isinstance(e, dict)
                 for p, v in (e.get("parameters") or {}).items()]
        if kind.endswith("invalid-request") and named:
            out.setdefault("parameter", named[0][0])
            out.setdefault("value", ",".join(map(str, named[0][1])))
    return out


# The post generation's query, as the sandbox's handlers (written in tweet names) read it.
_POST_EXPANSION_AS_TWEET_FIELD = {"author_id": "author_id", "referenced_posts": "referenced_tweets",
                                  "in_reply_to_user_id": "in_reply_to_user_id"}
_POST_EXPANSION_AS_DM_FIELD = {"sender_id": "sender_id", "participant_ids": "participant_ids",
                               "referenced_posts": "referenced_tweets"}


def tweet_query(query: dict[str, str]) -> dict[str, str]:
    """In the post generation an expansion brings its field along (``author_id``,
    ``referenced_posts``, ``sender_id``): say so in the tweet generation's names."""
    out = {k: v for k, v in query.items() if k != "post.fields"}
    expansions = [e for e in query.get("expansions", "").split(",") if e]
    fields = [("note_tweet" if f == "note_post" else f)
              for f in query.get("post.fields", "").split(",") if f]
    fields += [_POST_EXPANSION_AS_TWEET_FIELD[e] for e in expansions
               if e in _POST_EXPANSION_AS_TWEET_FIELD]
    if fields:
        out["tweet.fields"] = ",".join(fields)
    dm_fields = [f for f in query.get("dm_event.fields", "").split(",") if f]
    dm_fields += [_POST_EXPANSION_AS_DM_FIELD[e] for e in expansions
                  if e in _POST_EXPANSION_AS_DM_FIELD]
    if dm_fields:
        out["dm_event.fields"] = ",".join(dm_fields)
    if expansions:
        out["expansions"] = ",".join("referenced_tweets.id" if e == "referenced_posts" else e
                                     for e in expansions)
    return out
