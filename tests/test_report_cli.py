"""The report and the person page through the CLI and the web: growth without imports,
legible week axes, a LinkedIn connection that left, and counts written as a person would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from amity.model.wording import names_and_more, plural, week_axis
from amity.service.settings.environment import Settings
from tests.conftest import Amity

FIXTURES = Path(__file__).parent / "fixtures"
JUNE = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_06-15-2026.zip"
NOVEMBER = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-20-2026.zip"


@contextmanager
def web_of(amity: Amity, today: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from amity.web import create_app

    url = amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"
    day = date.fromisoformat(today)
    app = create_app(Settings(amity.home, url, day), clock=lambda: day)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def test_plural_wording() -> None:
    assert plural(1, "interaction") == "1 interaction"
    assert plural(2, "interaction") == "2 interactions"
    assert plural(1, "person") == "1 person" and plural(0, "person") == "0 people"
    assert plural(3, "new person") == "3 new people"
    assert plural(1, "week") == "1 week" and plural(12, "week") == "12 weeks"
    assert names_and_more(["Ana", "Ben", "Cy"], 12) == "Ana, Ben, Cy, and 9 more"
    assert names_and_more(["Ana", "Ben", "Cy", "Di"], 4) == "Ana, Ben, Cy, and Di"
    assert names_and_more(["Ana", "Ben"], 2) == "Ana and Ben"


def test_week_axis_names_each_month_once() -> None:
    weeks = [
        date(2026, 9, 7 + 7 * n) if n < 4 else date(2026, 10, 5 + 7 * (n - 4)) for n in range(8)
    ]
    assert week_axis(weeks) == ["Sep", "", "", "", "Oct", "", "", ""]
    late_august = [date(2026, 8, 24), date(2026, 8, 31), date(2026, 9, 7), date(2026, 9, 14)]
    assert week_axis(late_august) == ["", "", "Sep", ""]  # no 'Aug' crowding 'Sep'
    assert week_axis([date(2026, 8, 10), date(2026, 8, 17), date(2026, 8, 24)]) == ["Aug", "", ""]


def test_imports_are_not_growth(amity: Amity) -> None:
    amity.ok("import", "linkedin", str(JUNE), today="2026-11-02")
    amity.ok("met", "Ana Lopez", "--at", "Career Fair", today="2026-11-09")
    amity.ok("met", "Ben Ito", "--at", "Career Fair", today="2026-11-09")
    amity.ok("log", "Ana Lopez", "--kind", "message", "--outbound", today="2026-11-10")
    growth = amity.ok("report", "--json", today="2026-11-16").json()["growth"]
    assert growth["met"] == 2  # the two from the fair, not the 394 imported
    assert growth["imported"] == 394
    assert [w["met"] for w in growth["weeks"]][-3:] == [0, 2, 0]
    assert len(growth["weeks"]) == 12 and growth["weeks"][-1]["week"] == "2026-11-16"
    text = " ".join(amity.ok("report", today="2026-11-16").out.split())
    assert "New people met or talked with, week by week: 2 in 12 weeks; 394 imported" in text
    with web_of(amity, "2026-11-16") as client:
        page = client.get("/report").text
    assert "New people met per week (imports not counted). " in page
    assert "9 Nov: 2, 16 Nov: 0." in page  # the chart's description, for screen readers
    assert "2 new people in 12 weeks; 394 imported, not counted" in page


def test_report_charts_label_weeks_by_month(amity: Amity) -> None:
    amity.ok("demo")
    with web_of(amity, str(amity.today)) as client:
        page = client.get("/report").text
    labels = re.findall(r'class="label">([^<]*)</text>', page)
    assert "Nobody new met or talked with in the last 12 weeks." in page  # the demo: no one new
    assert not [label for label in labels if "/" in label or re.search(r"\d{4}-\d\d", label)]
    months = [label for label in labels if label in {"Sep", "Oct", "Nov", "Dec", "Aug"}]
    assert len(months) >= 4  # two weekly charts, each naming its months
    assert 'aria-label="People per tier, week by week. ' in page
    assert re.search(r"People per tier, week by week\. \d+ \w{3}: core", page)


def test_report_text_counts_in_words(amity: Amity) -> None:
    amity.ok("met", "Solo Person", "--at", "PyCon", today="2026-11-10")
    text = amity.ok("report", today="2026-11-16").out
    assert "Your network on 2026-11-16: 1 person" in text
    assert "1 people" not in text
    shown = amity.ok("show", "Solo Person", today="2026-11-16").out
    assert "Timeline (1 interaction)" in shown


def test_a_connection_missing_from_a_newer_export_is_shown_on_the_person(amity: Amity) -> None:
    amity.ok("import", "linkedin", str(JUNE), today="2026-06-15")
    amity.ok("import", "linkedin", str(NOVEMBER), today="2026-11-20")
    line = "No longer in your LinkedIn connections since the export imported on 20 Nov 2026"
    viktor = amity.ok("show", "Viktor Schmidt", "--json", today="2026-11-21").json()
    assert viktor["linkedin_missing_since"] == "2026-11-20"
    assert viktor["linkedin_missing"] == line
    shown = amity.ok("show", "Viktor Schmidt", today="2026-11-21").out.replace("│", " ")
    assert line + "." in " ".join(shown.split())
    kept = amity.ok("show", "Grace Ivanova", "--json", today="2026-11-21").json()
    assert kept["linkedin_missing_since"] is None and kept["linkedin_missing"] is None
    with web_of(amity, "2026-11-21") as client:
        page = client.get(f"/people/{viktor['id']}").text
        assert line + "." in page
        assert "No longer in your LinkedIn" not in client.get(f"/people/{kept['id']}").text


def test_the_tier_charts_show_new_people_in_their_own_colour(amity: Amity) -> None:
    amity.ok("met", "Ana Lopez", "--at", "Career Fair", today="2026-11-09")
    amity.ok("met", "Ben Ito", "--at", "Career Fair", today="2026-11-09")
    amity.ok("report", today="2026-11-16")  # records this week's tiers
    with web_of(amity, "2026-11-16") as client:
        page = client.get("/report").text
    week = re.search(r'aria-label="People per tier, week by week\. [^"]*"', page)
    assert week is not None and "new 2" in week.group(0), week
    assert 'class="bar bar-d"' in page  # new people are drawn, in a tone of their own
