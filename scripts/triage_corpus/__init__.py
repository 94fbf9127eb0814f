"""Build the real labelled triage corpus (issue 12) from public source snapshots."""
