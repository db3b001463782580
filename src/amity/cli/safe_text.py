"""Rich `Text` that never carries an escape sequence: what the renderers build with.

Rich already treats `Text` as data, not markup (a name like "[red]x" prints as typed), but
it keeps ESC and most control characters; this `Text` drops them (see `terminal.plain`).
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text

from amity.cli.terminal import plain


class SafeText(Text):
    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(plain(text), *args, **kwargs)

    def append(self, text: str | Text, style: str | Style | None = None) -> Text:
        if isinstance(text, str):
            text = plain(text)
        elif not isinstance(text, SafeText):
            text = SafeText(text.plain, style=text.style)
        return super().append(text, style)
