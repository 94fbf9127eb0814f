"""The "Moderación" view: replies under the town's posts by conversation, flagged with
reasons; proposals, approvals, actions and undo under the published policy.

Where things go:

- the **lists**: ``queue.py`` (``ReplyTree``: the replies by conversation and their state;
  ``ProposalQueue``: the proposals waiting for a supervisor, Aprobar and Rechazar);
- the **chosen reply** and its buttons, the reason, the note, the last result:
  ``actions.py`` (``ReplyActions``);
- the **words** (categories, the detector's signals, the actions) and the colours:
  ``texts.py``;
- loading, deciding what may be done and doing it (through the services):
  ``panel.py`` (``ModerationPanel``, which composes the others).
"""
