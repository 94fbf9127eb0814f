"""The offline X API v2 sandbox: a loopback server and a scripted day in Jun."""
