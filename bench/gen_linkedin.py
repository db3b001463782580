"""Write a realistic synthetic LinkedIn `Connections.csv` of N rows, for benchmarks.

Like a real current export: UTF-8 BOM, CRLF, the 3-line `Notes:` preamble, quoted commas
(`"Fabrikam, Inc."`, `"Park, CFA"`), percent-encoded non-ASCII profile URLs, emails on
about 10% of rows. The same --seed gives the same people; --change-jobs F then writes the
"newer export" of them in which a fraction F changed company and title.

    python bench/gen_linkedin.py --rows 30000 -o FILE [--seed 1] [--change-jobs 0.05]
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
FIRST = [
    "Ana",
    "Ben",
    "Céline",
    "Dmitri",
    "Đorđe",
    "Elif",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jae-won",
    "Kenji",
    "Lucía",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Siobhán",
    "Tomás",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoë",
    "Bjørn",
    "美咲",
    "伟",
]
LAST = [
    "Agarwal",
    "Chen",
    "Fitzgerald",
    "Garcia",
    "Ivanova",
    "Kim",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Müller",
    "Nakamura",
    "Nguyen",
    "O'Brien",
    "Osei",
    "Park",
    "Rossi",
    "Santos",
    "Schmidt",
    "Svensson",
    "佐藤",
    "王",
]
CREDENTIALS = ["CFA", "PhD", "MBA", "CFA, FRM", "PMP"]
COMPANIES = [
    "Fabrikam, Inc.",
    "Proseware, Inc.",
    "Contoso Ltd",
    "Northwind Traders",
    "Woodgrove Bank",
    "Relecloud",
    "Trey Research",
    "Litware",
    "Coho Winery",
    "Alpine Ski House",
    "Tailspin Toys",
    "Wingtip Labs",
    "",
]
TITLES = [
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Engineering Manager, Payments",
    "Product Manager",
    "Data Scientist",
    "Recruiter",
    "Founder & CEO",
    "UX Designer",
    "Head of Growth",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(slots=True)
class Connection:
    first: str
    last: str
    slug: str
    email: str
    company: str
    title: str
    connected_on: date

    def row(self) -> list[str]:
        day = self.connected_on
        when = f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"
        url = "https://www.linkedin.com/in/" + quote(self.slug, safe="-")
        return [self.first, self.last, url, self.email, self.company, self.title, when]


def people(rows: int, seed: int) -> list[Connection]:
    rng = random.Random(seed)
    start = date(2008, 1, 1)
    result = []
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        shown_last = f"{last}, {rng.choice(CREDENTIALS)}" if rng.random() < 0.03 else last
        slug = f"{first}-{last}-{index:x}".lower().replace("'", "")
        email = f"{first.lower()}.{index}@example.org" if rng.random() < 0.10 else ""
        connected = start + timedelta(days=rng.randrange(18 * 365))
        result.append(
            Connection(
                first + (" " if rng.random() < 0.02 else ""),  # real exports keep stray spaces
                shown_last,
                slug,
                email,
                rng.choice(COMPANIES),
                rng.choice(TITLES),
                connected,
            )
        )
    return result


def change_jobs(connections: list[Connection], fraction: float, seed: int) -> None:
    rng = random.Random(seed + 1)
    for connection in rng.sample(connections, round(len(connections) * fraction)):
        connection.company = rng.choice([c for c in COMPANIES if c and c != connection.company])
        connection.title = rng.choice([t for t in TITLES if t != connection.title])


def write(path: Path, connections: list[Connection]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(PREAMBLE)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(connection.row() for connection in connections)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--change-jobs", type=float, default=0.0, metavar="FRACTION")
    args = parser.parse_args(argv)
    connections = people(args.rows, args.seed)
    if args.change_jobs:
        change_jobs(connections, args.change_jobs, args.seed)
    write(args.output, connections)


if __name__ == "__main__":
    main()
