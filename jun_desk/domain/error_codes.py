"""Every error the desk can tell a person, by a stable code: its English wording (``str()`` of
the error: the logs and the command line) and the parameters it carries.

The window does not show ``str()``: it renders the code in its own language through the
Qt translation catalogue (``ui/error_texts.py`` holds the Spanish source of each code;
``scripts/translations.py`` takes the English from here). A parameter's name says what it
holds, so the window can word it (``PARAM_KINDS``): ``department`` is a department's code
(shown as its name), ``status`` a workflow status, ``role`` a role, ``action`` an action of
the catalogue, ``permission`` a permission, ``reason`` a moderation policy's reason; lists
of them end in ``s``. Anything else is shown as it is (numbers, user names, X handles,
what X itself said).

Add an error: a code and its English here, raise it with ``SomeError.of(code, **params)``,
give it its Spanish in ``ui/error_texts.py`` and run ``scripts/translations.py``.
``tests/ui/test_error_texts.py`` fails on a code without both.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from enum import Enum
from functools import cache

# What each parameter name holds; the rest are shown as they are.
PARAM_KINDS: Mapping[str, str] = {
    "department": "department", "departments": "departments",
    "status": "status", "target": "status", "statuses": "statuses",
    "priorities": "priorities", "role": "role", "roles": "roles",
    "action": "action", "permission": "permission", "move": "moderation_action",
    "moves": "moderation_actions", "state": "moderation_status",
    "reason": "moderation_reason", "reasons": "moderation_reasons", "stream": "x_stream",
    "ann_state": "announcement_state", "ann_states": "announcement_states",
    "ann_step": "announcement_step",
    "cost": "dollars", "spent": "dollars", "budget": "dollars",  # "$0.015", as dollars()
}

ERRORS: Mapping[str, str] = {
    # -- the workflow
    "status.unknown": "Unknown status '{value}' (valid: {statuses})",
    "priority.unknown": "Unknown priority '{value}' (valid: {priorities})",
    "move.same": "The ticket is already '{status}'",
    "move.refused": "A ticket cannot move from '{status}' to '{target}' "
                    "(from '{status}' it can go to: {statuses})",
    "move.needs_assignee": "A ticket needs an assignee before it can be '{target}'",
    # -- roles and permissions
    "role.unknown": "Unknown role '{value}' (valid: {roles})",
    "permission.denied": "{username} ({role}) may not {permission}: ask a supervisor",
    "permission.department": "{username} works for {departments}, not for '{department}': "
                             "ask a supervisor",
    "permission.moderation_direct": "{username} (operator) may not {move} directly for "
                                    "'{reason}': propose it and a supervisor approves",
    "permission.moderation_approve": "{username} ({role}) may not approve moderation: ask "
                                     "a supervisor",
    "permission.moderation_reject": "{username} ({role}) may not reject moderation "
                                    "proposals: ask a supervisor",
    "session.removed": "{username} is no longer an operator of this desk (the account was "
                       "removed, perhaps from another desk): nothing was done; sign in "
                       "again as someone else",
    "session.deactivated": "{username}'s account was deactivated by a supervisor (perhaps "
                           "from another desk): nothing was done; sign in again as someone "
                           "else",
    # -- departments
    "department.unknown": "Unknown department '{value}' (valid: {departments})",
    "department.same": "Ticket #{ticket} is already in '{department}'",
    # -- tickets
    "ticket.not_found": "Ticket #{ticket} does not exist",
    "ticket.title_missing": "A ticket needs a title",
    "ticket.closed_assign": "Ticket #{ticket} is {status}: reopen it before assigning it",
    "ticket.assign_same": "The ticket is already assigned that way",
    "ticket.assignee_department": "{username} does not work for '{department}'",
    "ticket.reopen_open": "Ticket #{ticket} is open already ({status})",
    "ticket.reopen_merged": "Ticket #{ticket} was merged into #{target_ticket}: reopen that one",
    "ticket.merge_self": "A ticket cannot be merged into itself",
    "ticket.merge_closed": "Ticket #{ticket} is {status}: reopen it first",
    "ticket.merge_again": "Ticket #{ticket} was already merged",
    "ticket.conflict": "Ticket #{ticket} was changed by someone else. Nothing was "
                       "overwritten: reload the ticket and try again.",
    # ``changes``: " (field: before → after; ...)" or nothing; the window words its own
    "ticket.conflict_by": "Ticket #{ticket} was changed by someone else: {username} did "
                          "'{action}' at {at} UTC{changes}. Nothing was overwritten: "
                          "reload the ticket and try again.",
    "note.empty": "A note cannot be empty",
    "note.too_long": "A note can have at most {limit} characters",
    "undo.not_yours": "Nothing to undo on ticket #{ticket}: the last change is not one of "
                      "{username}'s moves or assignments",
    "undo.changed": "Ticket #{ticket} changed since: nothing to undo",
    "undo.nothing": "Nothing to undo on ticket #{ticket}",
    # -- messages, citizens, operators
    "message.not_found": "Message {item} does not exist",
    "message.has_ticket": "That message already belongs to ticket #{ticket}",
    "conversation.nothing_new": "Everything in this conversation is already on a ticket",
    "conversation.not_linked": "This conversation is not linked to ticket #{ticket}",
    "conversation.only_messages": "Ticket #{ticket} holds only this conversation: "
                                  "resolve it or merge it instead of unlinking",
    "citizen.not_found": "Citizen {citizen} does not exist",
    "citizen.handle_unknown": "No citizen @{handle} has written to the desk",
    "citizen.unknown": "No such citizen has written to the desk",
    # -- verifying residents (issue 27)
    "verification.transition": "A verification that is '{was}' cannot become '{wanted}'",
    "verification.policy": "The verification setting '{field}' is out of range",
    "verification.document_unknown": "Unknown identity document '{value}' (valid: "
                                     "{documents})",
    "verification.document_unchecked": "Tick 'document checked' once you have checked the "
                                       "citizen's identity document: nothing was confirmed",
    "verification.code_empty": "Type the code the citizen shows: nothing was confirmed",
    "verification.code_malformed": "'{typed}' is not a code: a code has {length} letters "
                                   "and digits, without 0, 1, I, L or O. Nothing was "
                                   "counted; type it again",
    "verification.code_wrong": "Wrong code for @{handle}: {left} attempt(s) left before the "
                               "code is spent",
    "verification.code_spent": "Wrong code for @{handle} {attempts} times: the code is spent "
                               "and no longer valid. Send a new code",
    "verification.code_expired": "The code sent to @{handle} expired at {at} UTC: send a "
                                 "new code",
    "verification.no_code": "@{handle} has no verification code waiting: send one first",
    "verification.note_required": "Say how @{handle} was verified by another channel (a "
                                  "note): nothing was confirmed",
    "verification.not_verified": "@{handle} is not verified: nothing to revoke",
    "verification.citizen_gone": "The data of this citizen was removed: they cannot be "
                                 "verified",
    "operator.not_found": "No operator called '{username}'",
    "operator.not_active": "No active operator called '{username}'",
    "operator.id_not_active": "Operator {operator} is not an active operator",
    "operator.inactive": "Operator {operator} is no longer active",
    "operator.exists": "There is already an operator called '{username}'",
    "operator.bad_name": "Invalid user name '{username}': 2-64 letters, digits, '.', '-' "
                         "or '_'",
    "operator.bad_system_user": "Invalid system user name '{system_user}'",
    "operator.system_user_taken": "The system user {system_user} is already bound to "
                                  "{username}",
    # -- signing in, passwords
    "sign_in.empty": "Type your user name and your password",
    "sign_in.no_password": "{username} has no password yet: type the first-access code a "
                           "supervisor gave you",
    "sign_in.choose_password": "The first-access code of {username} is right: choose a "
                               "password now",
    "sign_in.no_code": "{username} has no password and no first-access code: ask a "
                       "supervisor for one",
    "sign_in.code_expired": "The first-access code of {username} has expired: ask a "
                            "supervisor for a new one",
    "operator.code_hours": "A first-access code is valid for more than 0 and at most "
                           "{limit} hours",
    "sign_in.has_password": "{username} already has a password: type it",
    "sign_in.wrong": "Wrong user name or password",
    "sign_in.wait": "Too many wrong attempts: wait {seconds} s",
    "sign_in.too_long": "The password is too long (at most {limit} characters)",
    "sign_in.no_system": "No operator is bound to this system user",
    "password.wrong_current": "The current password is wrong: nothing was changed",
    "password.empty": "The password is empty",
    "password.too_long": "The password is too long (at most {limit} characters)",
    "password.control": "The password contains control characters",
    "password.pin": "The PIN must be at least {limit} digits",
    "password.short": "The password must have at least {limit} characters",
    # -- personal data: retention, legal hold, access and erasure
    "privacy.retention_days": "A retention period is a number of days between 1 and "
                              "{limit}, not {days}: nothing was changed",
    "privacy.erase_open": "@{handle} still has open tickets ({tickets}): resolve or close "
                          "them before erasing; nothing was changed",
    "privacy.erase_outbox": "A reply or DM to @{handle} is still waiting in the outbox: let "
                            "it go or fail before erasing; nothing was changed",
    "privacy.not_confirmed": "Erasure of @{handle} was not confirmed: nothing was changed",
    "privacy.hold_same": "Ticket #{ticket} is already under legal hold",
    "privacy.hold_none": "Ticket #{ticket} is not under legal hold",
    "privacy.hold_reason": "A legal hold needs a reason (the law or the case that requires "
                           "keeping the ticket)",
    "privacy.hold_anonymised": "Ticket #{ticket} was anonymised already: there is nothing "
                               "left to hold",
    "privacy.out_exists": "{path} exists already: choose another file (nothing was written)",
    "privacy.write_failed": "The export could not be written in {path}: {detail}",
    # -- replies and DMs
    "outbox.kind": "Unknown outbox kind '{value}' (reply or dm)",
    "outbox.empty": "The message is empty",
    "outbox.reply_too_long": "The reply is {length} characters as X counts them "
                             "(at most {limit}): shorten it or send a DM",
    "outbox.dm_too_long": "A DM can have at most {limit} characters",
    "outbox.no_mention": "Ticket #{ticket} has no mention to reply to: send a DM instead",
    "outbox.no_citizen": "Ticket #{ticket} has no citizen to write to",
    "outbox.no_incoming": "Conversation {conversation} has no message from a citizen to "
                          "answer",
    "outbox.not_found": "Outbox item {outbox} does not exist",
    "dm.not_linked": "This conversation (with @{handle}) is not linked to ticket #{ticket}: "
                     "nothing was sent; link it first",
    "dm.other_citizen": "Ticket #{ticket} is {owner}'s, not @{handle}'s, whom this "
                        "conversation is with: nothing was sent. Confirm the DM is for "
                        "@{handle}",
    "dm.other_nobody": "Ticket #{ticket} is someone else's, not @{handle}'s, whom this "
                       "conversation is with: nothing was sent. Confirm the DM is for "
                       "@{handle}",
    # -- announcements
    "announcement.empty": "The announcement has no text",
    "announcement.post_too_long": "Post {post} is {length} characters as X counts them "
                                  "(at most {limit}): shorten it or split the text",
    "announcement.word_too_long": "'{word}' is longer than a post can hold ({limit}) and "
                                  "cannot be split inside a word",
    "announcement.too_many_posts": "The thread would have {count} posts (at most {limit})",
    "announcement.not_found": "Announcement {number} does not exist",
    "announcement.state": "Announcement {number} is '{ann_state}': it cannot {ann_step} "
                          "now (only when {ann_states})",
    "announcement.slot_format": "Publication time '{value}' is not a date and time "
                                "(YYYY-MM-DD HH:MM, the town's time)",
    "announcement.slot_nonexistent": "Publication time {slot} does not exist in Jun (the "
                                     "clocks go forward that night): choose another time",
    "announcement.slot_past": "Publication time {slot} is in the past (it is {now} in "
                              "Jun): choose a later time",
    "announcement.over_budget": "Publishing costs {cost} and the month has spent {spent} "
                                "of a budget of {budget}: a supervisor must confirm it",
    "announcement.return_comment": "Returning an announcement needs a comment saying what "
                                   "to change",
    "announcement.image_missing": "The image {path} cannot be read: {detail}",
    "announcement.image_refused": "X refused the image {path}: {detail}",
    "announcement.image_type": "The image {path} is not a JPEG, PNG or WEBP picture",
    "announcement.not_stuck": "Announcement {number} is not stopped: X has refused none of "
                              "its posts",
    # -- the feed's unreadable items
    "quarantine.none_chosen": "Choose at least one item of the list",
    "quarantine.not_found": "No item {items} in the list of items that could not be read",
    # -- moderation
    "moderation.not_found": "No moderation action {number}",
    "moderation.nothing_in_force": "Nothing to undo: no {move} in force on {target_id}",
    "moderation.duplicate": "A proposal to {move} this is already waiting (#{number})",
    "moderation.decided": "Moderation action #{number} is {state}, not waiting for a "
                          "decision",
    "moderation.undo_delete": "X cannot bring back a deleted post; its text is kept in the "
                              "archive (moderation action #{number})",
    "moderation.not_applied": "Moderation action #{number} is {state}: there is nothing to "
                              "undo",
    "moderation.bad_target": "'{value}' is not an X id",
    "moderation.no_reply": "No stored reply with X id {target_id}: sync first",
    "moderation.unknown_action": "Unknown moderation action '{value}' (valid: {moves})",
    "moderation.unknown_reason": "'{value}' is not a reason of the moderation policy "
                                 "(valid: {reasons})",
    "moderation.reason_not_for": "The policy does not allow '{move}' for reason '{value}' "
                                 "(reasons for {move}: {reasons})",
    "moderation.x_refused": "X refused: {detail}",
    # -- X costs
    "budget.not_amount": "The budget must be an amount in dollars, not '{monthly}' / "
                         "'{daily}'",
    "budget.alert_above": "The daily alert level cannot be above the monthly budget",
    # -- staff accounts and watched searches (issue 27)
    "staff.bad_handle": "'{handle}' is not an X handle (letters, digits and _, up to 15)",
    "staff.unknown_handle": "X does not know the account @{handle}: nothing was saved",
    "staff.not_found": "There is no staff account @{handle}",
    "staff.town_account": "@{handle} is the town's own account: its mentions are read "
                          "already",
    "search.bad_query": "A search must hold 1 to {limit} characters (this one has {length})",
    "search.rejected": "X rejected the search '{query}'{detail}: nothing was saved",
    "search.not_found": "There is no watched search #{search}",
    "streams.unknown": "Unknown stream '{value}' (valid: {streams})",
    # -- triage model
    "triage.no_training_data": "No training data yet: retrain once with the corpus "
                               "(jun-desk triage retrain --corpus corpus.jsonl, or "
                               "${variable}); its vectors are then kept in the database for "
                               "every desk",
    "triage.no_test_split": "The training data has no test split to check a new model on",
    "triage.nothing_to_roll_back": "The desk already uses the shipped triage model: nothing "
                                   "to roll back",
    "triage.unreadable": "Cannot read the triage training set: {detail}",
    "triage.corpus_unreadable": "Cannot read the corpus {path}: {detail}",
    "triage.corpus_line": "{path}:{line}: not a corpus item",
    # -- polling X
    "lease.lost": "Another desk now polls @{account}: this desk lost its turn and stored "
                  "nothing of the last page",
    "lease.too_short": "The poller lease must last some time",
    # -- the database
    "db.url_empty": "The database URL is empty",
    "db.url_invalid": "Invalid database URL: expected e.g. sqlite:///path/desk.db or "
                      "postgresql+psycopg://user@host/dbname",
    "db.unsupported": "Unsupported database type '{value}': use sqlite or postgresql+psycopg",
    "db.driver_missing": "The database driver '{value}' is not installed (for PostgreSQL: "
                         "pip install 'jun-desk[postgres]')",
    "db.settings_invalid": "Invalid database settings: {detail}",
    "db.folder": "Cannot create the folder for the database {path}: {detail}",
    "db.locked": "The database is locked by another program{where}; close the other Jun "
                 "Desk or try again in a moment",
    "db.damaged": "The database file is damaged or is not a Jun Desk database{where}",
    "db.read_only": "The database is read-only{where}: check the file's permissions",
    "db.cannot_open": "The database file cannot be opened{where}: check the path and "
                      "permissions",
    "db.disk_full": "The disk is full{where}: free some space; nothing was saved",
    "db.login_refused": "Cannot open the database{where}: the server refused the user name "
                        "or password",
    "db.no_such_database": "Cannot open the database{where}: that database does not exist",
    "db.unreachable": "Cannot open the database{where}: the server cannot be reached",
    "db.error": "Database error{where}: {detail}",
    "db.newer": "The database is at schema revision {revision}, newer than this Jun Desk "
                "knows: install the newer Jun Desk that created it",
    "db.no_live": "Live refresh is not available on '{value}' databases",
    "db.password_only_server": "Only a server database (PostgreSQL) has a password",
    # -- backups (jun-desk db backup / restore)
    "backup.not_configured": "Backups are not set up on this desk",
    "backup.keep_invalid": "The number of backups kept must be at least 1, not '{value}'",
    "backup.folder": "Cannot create or use the backups folder {path}: {detail}",
    "backup.busy": "Another backup or restore is running in {path}: try again when it ends",
    "backup.write_failed": "The backup could not be written in {path}: {detail}. The "
                           "earlier backups are untouched",
    "backup.unsupported": "Backups of '{value}' databases are not supported",
    "backup.no_pg_dump": "pg_dump is not installed on this PC, so the desk cannot back up "
                         "the PostgreSQL database: install the PostgreSQL client of the "
                         "server's version, or rely on the database server's own backups",
    "backup.no_psql": "psql is not installed on this PC, so the desk cannot restore into "
                      "the PostgreSQL database: install the PostgreSQL client of the "
                      "server's version",
    "backup.pg_dump_failed": "pg_dump failed: {detail}",
    "backup.restore_failed": "The restore failed and the database was left as it was: "
                             "{detail}",
    "backup.verify_failed": "The backup did not pass its check and was not kept: {detail}",
    "backup.key_missing": "This PC's keyring has no backup key: set the key the backups "
                          "were made with (jun-desk db backup-key --set)",
    "backup.key_invalid": "That is not a Jun Desk backup key (44 characters, as "
                          "jun-desk db backup-key shows it)",
    "backup.not_a_backup": "{path} is not a Jun Desk backup",
    "backup.unreadable": "Cannot read the backup {path}: {detail}",
    "backup.wrong_key": "The backup {path} was encrypted with another key (key {backup_key}; "
                        "this PC's key is {desk_key}): set the right one with jun-desk db "
                        "backup-key --set. Nothing was changed",
    "backup.damaged": "The backup {path} is damaged or incomplete and cannot be restored. "
                      "Nothing was changed",
    "backup.other_kind": "That backup is of a {backup} database; this desk's database is "
                         "{database}. Nothing was changed",
    "backup.desks_open": "A desk still polls X on this database ({holder}): close every desk "
                         "before restoring. Nothing was changed",
    "backup.newer": "The backup is at schema revision {revision} (Jun Desk {version}), newer "
                    "than this Jun Desk knows: install that version to restore it. Nothing "
                    "was changed",
    # -- the keyring
    "keyring.missing": "No keyring is available to keep the X credentials. On Linux install "
                       "and start a Secret Service (e.g. `sudo apt-get install "
                       "gnome-keyring`) and unlock it, or run Jun Desk on the sandbox with "
                       "`jun-desk --sandbox`.",
    "keyring.refused_read": "The keyring refused to give the credentials: {detail}",
    "keyring.refused_store": "The keyring refused to store the credentials: {detail}",
    "keyring.refused_db_password": "The keyring refused to store the database password: "
                                   "{detail}",
    "credentials.missing": "No X credentials for @{account} in the keyring (missing: "
                           "{names}): run `jun-desk credentials set`",
    "credentials.empty": "Empty credential values: {names}; nothing was stored",
    # -- citizens' photos (issue 29): why one is FAILED (tried again) or REFUSED (a placeholder)
    "media.not_x_host": "Not on X's media hosts",
    "media.not_image": "Not an image ({content_type})",
    "media.too_large": "Larger than {megabytes} MB",
    "media.too_many_pixels": "Too large to show safely ({width} x {height} pixels)",
    "media.unknown_format": "Not an image the desk can show (PNG, JPEG, GIF or WebP)",
    "media.broken": "A broken {format} file",
    "media.cut_short": "A {format} file cut short",
    "media.http": "X answered {answer} to the download",
    "media.network": "The download failed ({detail})",
    "media.no_image": "X gave no image for it",
    "media.cache_write": "The photo cannot be written to the cache ({detail})",
    # -- X's answers (x/errors.py)
    "x.auth": "X rejected the credentials (401): check the keys in the settings",
    "x.forbidden": "X refused the request (403){detail}",
    "x.not_found": "X does not know that item or user (404){detail}",
    "x.bad_request": "X refused the request as invalid (400){detail}",
    "x.rate_limited": "X rate limit reached: waiting {wait}",
    "x.rate_limited_now": "X rate limit reached: retrying when X allows it",
    "x.daily_cap": "X's 24-hour posting limit reached: posting resumes at {when}",
    "x.server": "X is having trouble ({status}); retrying shortly",
    "x.timeout": "X did not answer in time; retrying shortly",
    "x.network": "Cannot reach X ({network}); check the network",
    "x.malformed": "X sent an answer that cannot be read; retrying shortly",
    "x.credits": "X refuses requests: the account's API credits are spent ({status}). A "
                 "person must add credits in X's Developer Console; Jun Desk checks again "
                 "once an hour",
    # -- walks through X's pages that had to be stopped (domain/walks.py); ``stream``:
    # mentions, dms, users or tweets
    "x.walk_repeated": "The {stream} walk stopped at page {page}: X gave again a page token "
                       "it had already given. What was read is kept; the next poll reads "
                       "again from the last stored point",
    "x.walk_no_progress": "The {stream} walk stopped at page {page}: X's pages bring nothing "
                          "new. What was read is kept; the next poll reads again from the "
                          "last stored point",
    "x.walk_limit": "The {stream} walk stopped at page {page}: X sent more than it keeps "
                    "({limit}). What was read is kept",
    "x.lookup_unasked": "X answered a {stream} lookup with items it was not asked for (a "
                        "repeated answer): not used; asked again at the next poll",
    # -- announcement templates: the school lunch menu from a CSV (``line``: the file's line)
    "menu.empty": "The menu file is empty: it needs a header line and one line per day",
    "menu.unreadable": "Line {line} of the menu cannot be read as CSV (a quote left open?)",
    "menu.column_missing": "Line {line}: the menu has no '{column}' column (columns found: "
                           "{columns})",
    "menu.bad_date": "Line {line}, column '{column}': '{value}' is not a date (write it as "
                     "dd/mm/yyyy or yyyy-mm-dd)",
    "menu.weekday_mismatch": "Line {line}, column '{column}': the weekday in '{value}' is "
                             "not that date's",
    "menu.day_twice": "Line {line}, column '{column}': {value} is already on line "
                      "{first_line}",
    "menu.allergen_unknown": "Line {line}, column '{column}': unknown allergen '{value}' "
                             "(write the EU's numbers 1-14 or their names)",
    "menu.dishes_missing": "Line {line}, column '{column}': the day has no dishes",
    "menu.day_too_long": "Line {line}: the day's dishes are too long for one post "
                         "({length} of {limit} characters)",
    "menu.file_unreadable": "The menu file {path} cannot be read: {detail}",
    "menu.file_too_large": "The menu file {path} is too large for a menu (more than {limit} "
                           "bytes)",
    "menu.language_unknown": "Unknown menu language '{value}' (valid: {languages})",
    # -- outage and works notices
    "notice.not_found": "Notice #{notice} does not exist",
    "notice.kind_unknown": "Unknown kind of notice '{value}' (valid: {kinds})",
    "notice.street_missing": "The notice needs a street",
    "notice.street_too_long": "The street is too long (at most {limit} characters)",
    "notice.ends_before": "The notice's 'to' must come after its 'from'",
    "notice.too_long": "The notice's text is too long for one post ({length} of {limit} "
                       "characters): shorten the street",
    "notice.ticket_closed": "Ticket #{ticket} is {status}: only open tickets are linked "
                            "to a notice",
    "notice.ticket_department": "Ticket #{ticket} is of '{department}', not of the "
                                "notice's department",
    "notice.publish_supervisor": "{username} ({role}) may not publish a notice: ask a "
                                 "supervisor",
    "notice.published": "Notice #{notice} is published already",
    # -- the desk's own files (shipped catalogues, settings): a broken install
    "resource.invalid": "{detail}",
}

# How a failure to reach X is named (x.network's ``network``).
NETWORK_DETAILS: Mapping[str, str] = {
    "refused": "connection refused", "dropped": "connection dropped",
    "unknown_host": "unknown host", "failed": "connection failed",
}


def plain(value: object) -> str:
    """A parameter as the English text (and the logs) show it."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple, frozenset, set)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ", ".join(plain(v) for v in items)
    return str(value)


def english(code: str, params: Mapping[str, object]) -> str:
    """The English message of ``code`` with ``params`` filled in."""
    shown = {name: plain(value) for name, value in params.items()}
    template = ERRORS.get(code)
    if template is None:  # a typo the tests refuse; never a second error instead of the first
        return f"{code} {shown}"
    return template.format(**shown)


def _pattern(template: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each code's English as a pattern, the most specific (longest fixed text) first."""
    coded = [(code, template) for code, template in ERRORS.items()
             if code != "resource.invalid"]  # "{detail}" would match anything
    coded.sort(key=lambda c: -len(re.sub(r"\{[^}]*\}", "", c[1])))
    return [(code, _pattern(template)) for code, template in coded]


def recognise(message: str) -> tuple[str, dict[str, str]] | None:
    """The code and parameters of an English message the desk stored as text (an outbox
    item's last failure, an older audit event), when it is one of the catalogue's."""
    for code, pattern in _patterns():
        found = pattern.fullmatch(message)
        if found is not None:
            return code, found.groupdict()
    return None
