"""Amity's settings, by where each one lives.

- `environment`: where the data lives and what day it is (`AMITY_HOME`, `AMITY_DATABASE_URL`,
  `AMITY_TODAY`, the `--today` and `--home` options); read before anything else, so it stays
  light enough for `amity --help`.
- `config_file`: the home's `config.toml`, for what must not travel in a backup (the SMTP
  settings and password, the web app's password hash and signing secret).
- `preferences`: the preferences kept in the database, so they travel with a backup.
- `edit`: the settings a user reads and changes (`amity settings`, the web Settings page).
"""
