"""The "Moderación" view: replies under the town's posts by conversation, flagged with
reasons; proposals, approvals, actions and undo under the published policy."""
