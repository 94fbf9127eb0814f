"""The X boundary: tweepy adapter, rate budget, sync engine, outbox sender, sandbox."""
