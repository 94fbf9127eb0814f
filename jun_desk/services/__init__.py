"""Use cases of the desk. Permission checks and audit events live here, nowhere else."""
