"""The sandbox's moderation endpoints, as X's OpenAPI document declares them:

- ``PUT /2/tweets/:tweet_id/hidden`` (body ``{"hidden": bool}`` → ``{"data": {"hidden":
  bool}}``): only a reply in a conversation the account started; the conversation's own
  post, a tweet of another conversation and a tweet that is gone are refused;
- ``POST /2/users/:id/muting`` (body ``{"target_user_id"}``) and ``DELETE
  /2/users/:source_user_id/muting/:target_user_id`` → ``{"data": {"muting": bool}}``;
  ``:id`` must be the authenticated user; muting yourself is refused;
- ``GET /2/users/:id/muting`` and ``GET /2/users/:id/blocking``: lists of users. Blocks are
  read-only: API v2 has no endpoint that creates or removes one (the router's 404);
- ``DELETE /2/tweets/:id`` → ``{"data": {"deleted": true}}``: only the account's own posts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jun_desk.x.sandbox.paging import paged, untoken
from jun_desk.x.sandbox.rules import ApiError, invalid, json_body, problem
from jun_desk.x.sandbox.rules import not_found as _not_found

if TYPE_CHECKING:
    from jun_desk.x.sandbox.state import SandboxState

FORBIDDEN = "about:blank"  # as X answers its other 403s (the post generation maps no
# client-forbidden type)
NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found"


def _gone(resource: str, parameter: str, value: str) -> ApiError:
    body = _not_found(resource, parameter, value)
    return ApiError(404, {**body, "status": 404})


def _forbidden(detail: str) -> ApiError:
    return problem(403, "Forbidden", detail, FORBIDDEN)


def _check_me(state: SandboxState, user_id: str) -> None:
    if user_id != state.desk.id:
        raise _forbidden("You are not permitted to perform this action on behalf of "
                         f"user [{user_id}]: it is not the authenticated user.")


def route(state: SandboxState, method: str, rest: list[str], query: dict[str, str],
          body: bytes, users_json: Any) -> tuple[int, dict[str, Any]] | None:
    """The answer to a moderation request, or None when the request is not one."""
    if method == "PUT" and len(rest) == 3 and rest[0] == "tweets" and rest[2] == "hidden":
        return 200, hide(state, rest[1], body)
    if method == "DELETE" and len(rest) == 2 and rest[0] == "tweets":
        return 200, delete(state, rest[1])
    if len(rest) == 3 and rest[0] == "users" and rest[2] in ("muting", "blocking"):
        if method == "POST" and rest[2] == "muting":
            return 200, mute(state, rest[1], body)
        if method == "GET":
            return 200, listing(state, rest[1], rest[2], query, users_json)
    if method == "DELETE" and len(rest) == 4 and rest[0] == "users" and rest[2] == "muting":
        return 200, unmute(state, rest[1], rest[3])
    return None


def hide(state: SandboxState, tweet_id: str, body: bytes) -> dict[str, Any]:
    hidden = json_body(body)["hidden"]  # a boolean: the body's schema (rules.check_body)
    now = state.clock.now()
    with state.lock:
        tweet = state.tweets_by_id.get(int(tweet_id)) if tweet_id.isdigit() else None
        if tweet is None or tweet.created_at > now or tweet.id in state.deleted:
            raise _gone("tweet", "id", tweet_id)
        root = state.tweets_by_id.get(tweet.conversation_id)
        if tweet.conversation_id == tweet.id or tweet.in_reply_to_id is None:
            raise _forbidden("You can only hide or unhide replies: this Tweet starts its "
                             "conversation.")
        if root is None or root.author_id != state.desk.id:
            raise _forbidden("You can only hide or unhide replies to conversations you "
                             "authored.")
        if tweet.author_id == state.desk.id:
            raise _forbidden("You cannot hide or unhide your own replies.")
        if hidden:
            state.hidden.add(tweet.id)
        else:
            state.hidden.discard(tweet.id)
    return {"data": {"hidden": hidden}}


def mute(state: SandboxState, user_id: str, body: bytes) -> dict[str, Any]:
    _check_me(state, user_id)
    target = json_body(body)["target_user_id"]  # a user id: the body's schema
    if target == state.desk.id:
        raise _forbidden("You cannot mute yourself.")
    with state.lock:
        if state.user(target) is None:
            raise _gone("user", "target_user_id", target)
        state.muted.add(target)
    return {"data": {"muting": True}}


def unmute(state: SandboxState, source: str, target: str) -> dict[str, Any]:
    _check_me(state, source)
    if target == state.desk.id:
        raise _forbidden("You cannot unmute yourself.")
    with state.lock:
        if state.user(target) is None:
            raise _gone("user", "target_user_id", target)
        state.muted.discard(target)
    return {"data": {"muting": False}}


def delete(state: SandboxState, tweet_id: str) -> dict[str, Any]:
    now = state.clock.now()
    with state.lock:
        tweet = state.tweets_by_id.get(int(tweet_id)) if tweet_id.isdigit() else None
        if tweet is None or tweet.created_at > now or tweet.id in state.deleted:
            raise _gone("tweet", "id", tweet_id)
        if tweet.author_id != state.desk.id:
            raise _forbidden("You are not allowed to delete a Tweet that is not yours.")
        state.deleted.add(tweet.id)
        state.tweets = [t for t in state.tweets if t.id != tweet.id]
        state.tweets_by_id.pop(tweet.id, None)
    return {"data": {"deleted": True}}


def listing(state: SandboxState, user_id: str, kind: str, query: dict[str, str],
            users_json: Any) -> dict[str, Any]:
    _check_me(state, user_id)
    raw = query.get("max_results", "100")
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        raise invalid("max_results", raw, f"The `max_results` query parameter value [{raw}] "
                                          "is not between 1 and 1000")
    token = query.get("pagination_token")
    bound = None
    if token is not None:
        older = untoken("u", token)
        if older is None:
            raise invalid("pagination_token", token, "The `pagination_token` query parameter "
                                                     "value is not valid")
        bound = ("next", older)
    with state.lock:
        ids = sorted(state.muted if kind == "muting" else state.blocked, key=int, reverse=True)
    users = [u for u in (state.user(i) for i in ids) if u is not None]

    class _Row:  # paging works on anything with an integer id
        def __init__(self, user: Any) -> None:
            self.user, self.id = user, int(user.id)

    page, tokens = paged([_Row(u) for u in users], int(raw), bound, "u")
    out: dict[str, Any] = {}
    if page:
        out["data"] = [users_json(r.user) for r in page]
    out["meta"] = {"result_count": len(page), **tokens}
    return out
