"""Anuncios: the town's own posts and threads (issue 28): the menu and the editor."""
