"""Pure domain rules of the desk: no Qt, no SQL, no network."""
