"""Use cases that join the store and the engines. The CLI, web app and API call only this."""
