"""Importers and exporters: each adapter turns one foreign format into Amity drafts."""
