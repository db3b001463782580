"""Bringing a network in from a file: LinkedIn, vCard, Google or Outlook CSV.

- `sources`: the table of sources (`ImportSource`) the CLI, the web and the API read.
- `run`: one import in one transaction (`run_import`), or a dry run rolled back.
- `people`: apply one imported person: create, update, merge or leave unchanged.
- `messages`: LinkedIn messages onto timelines.
- `fit`, `identity`, `matching`: fit a record into Amity's limits, know it again on the
  next import, and find the person it already is.
- `report`: what an import did.
"""
