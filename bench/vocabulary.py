"""The words the synthetic network is made of: names, organisations, titles, notes.

The note vocabulary is weighted so that a few words are very common (to exercise search's
stopword and common-word handling), some medium and a long tail rare.
"""

from __future__ import annotations

from common import FREQUENT_WORD


def _words(text: str) -> list[str]:
    return text.split()


def _phrases(text: str) -> list[str]:
    """`|`-separated phrases; a line break inside a phrase is a space."""
    return [" ".join(p.split()) for p in text.split("|")]


GIVEN = _words("""Ada Grace Alan Linus Margaret Katherine Tim Barbara Dennis Frances Ken Radia Guido
Hedy Edsger Shafi John Donald Leslie Sophie Yukihiro Anita Carol Jean Mary Priya Wei Mateo
Lucia Omar Fatima Kwame Amara Lars Ingrid Diego Camila Hiroshi Yuki Arjun Meera Tomasz Zofia
Elif Emre Noah Chloe Liam Maya Daniel Aisha Sam Ruth Robert William Elizabeth Michael
Alexander Jennifer James Christopher Thomas Joseph Susan Anthony Anna Maria José Zoë Søren
Łukasz Chiara Nikolai Olga Ivan Mei Jun Hana Minh Thu Kofi Ngozi Chidi Ayesha Bilal Rania
Youssef Leila Sven Astrid Henrik Freya Pablo Sofia Lucas Emma Oliver Mia Ethan Ava Jonas Lea
Felix Clara Mateus Beatriz Rafael Gabriela Kenji Sakura Ravi Ananya Vikram Deepa""")
FAMILY = _words("""Lovelace Hopper Turing Torvalds Hamilton Johnson Liskov Ritchie Allen Thompson
Perlman Rossum Lamarr Dijkstra Goldwasser McCarthy Knuth Lamport Wirth Wilson Matsumoto Borg
Stroustrup Shaw Keller Raman Zhang Rossi Garcia Haddad Benali Mensah Okafor Nilsson Berg
Fernandez Silva Tanaka Sato Iyer Nair Nowak Kowalska Yilmaz Demir Martin Dubois Murphy Cohen
Khan Park Schmidt Müller Smith Jones Brown Taylor Williams Davies Evans Walker Wright Lee
Nguyen Tran Kim Chen Wang Li Liu Singh Patel Sharma Gupta Ali Hussain Ahmed Ibrahim Hassan
O'Brien Kelly Ryan Walsh Byrne Novak Horvat Kovač Popescu Ionescu Papadopoulos Andersen
Hansen Larsen Johansson Virtanen Korhonen Jansen Visser Bakker Dekker Moreau Laurent Lefebvre
Bianchi Romano Esposito Costa Santos Oliveira Pereira Almeida Sánchez López Gómez Díaz
Ivanov Petrov Sokolova Suzuki Takahashi Watanabe Yamamoto Nakamura Okonkwo Adeyemi Abebe
Mwangi Kamau Otieno Dlamini Naidoo Botha Friedman Levi Mizrahi Schwartz Weber Wagner Becker
Hoffmann Schulz Koch Richter Wolf Schröder Neumann Zimmermann""")
NICKNAMES = {
    "Robert": "Bob",
    "William": "Bill",
    "Elizabeth": "Liz",
    "Katherine": "Kate",
    "Michael": "Mike",
    "Alexander": "Alex",
    "Jennifer": "Jen",
    "Margaret": "Maggie",
    "James": "Jim",
    "Daniel": "Dan",
    "Christopher": "Chris",
    "Thomas": "Tom",
    "Joseph": "Joe",
    "Susan": "Sue",
    "Anthony": "Tony",
}
ORG_WORDS = _words("""Acme Globex Initech Umbrella Stark Wayne Hooli Pied Vandelay Massive Cyberdyne
Tyrell Soylent Aperture Black Mesa Blue Red Green North South Bright Clear Swift Silver Golden
Iron Cedar Maple Oak Pine River Harbor Summit Peak Atlas Orion Nova Vector Quantum Pixel Cloud
Data Signal Beacon Lumen Helix Kite Anchor Compass Forge Foundry Meridian Prism Cobalt Ember
Falcon Otter Fox Lynx Raven Willow Aspen Birch Delta Sigma Apex Zenith Echo Vertex""")
ORG_SUFFIXES = _words("Labs Inc Systems Capital Health Bank Analytics Studio Group Ventures AI")
BIG_ORGS = _words("""
Stripe Plaid Shopify Datadog Figma Notion Canva Atlassian GitLab Mozilla Spotify
Klarna Monzo Wise Revolut Zalando Adyen Elastic Grafana Vercel Google Microsoft Amazon Apple
Meta Netflix SAP Siemens Deloitte McKinsey""")
TITLES = _phrases("""
Software Engineer|Senior Engineer|Staff Engineer|Principal Engineer|Engineering Manager
|Director of Engineering|VP Engineering|CTO|Product Manager|Senior Product Manager|Head of
Product|Designer|Product Designer|UX Researcher|Data Scientist|Data Engineer|ML Engineer|
Recruiter|Technical Recruiter|Talent Partner|Founder|Co-founder|CEO|COO|Investor|Partner|
Developer Advocate|Solutions Architect|Consultant|Account Executive|Marketing Manager|
Analyst|Student|Professor|Researcher|Operations Lead|Chief of Staff""")
# What people need and offer (`amity intros` matches them): picked by the person's id, not
# drawn from the generator's random stream, so every other column stays as it was.
NEEDS = _phrases("""looking for a backend role at a fintech|hiring a product designer|
an intro to seed investors in climate|a mentor for engineering management|feedback on a
pricing page|a cofounder with sales experience|advice on moving to Lisbon|hiring data
engineers for the platform team|a recruiter who knows the Berlin market|help preparing a
keynote talk|someone to review a Rust codebase|beta users for a developer tool""")
OFFERS = _phrases("""happy to review CVs and do mock interviews|product design reviews|
mentoring new engineering managers|intros to climate investors|pricing and packaging
advice|Rust code reviews|talk coaching for conference speakers|knows the Berlin tech
market well|backend engineering at fintech companies|can test developer tools|data
engineering and platform work|lived in Lisbon for years""")
CITIES = _phrases("""Berlin|London|New York|Lisbon|Toronto|Remote|Paris|Amsterdam|Madrid|Barcelona|
Dublin|Stockholm|Copenhagen|Oslo|Helsinki|Warsaw|Prague|Vienna|Zurich|Munich|Milan|Rome|
San Francisco|Seattle|Austin|Boston|Chicago|Los Angeles|Singapore|Tokyo|Seoul|Bangalore|Dubai|
Nairobi|Lagos|Cape Town|Sydney|Melbourne|São Paulo|Mexico City""")
PLACES = _phrases("""
PyCon|the career fair|a Rust meetup|DevOpsDays|a founders dinner|the alumni mixer|
a design systems meetup|Web Summit|KubeCon|a hackathon|the office|a coworking space|JSConf|
a product meetup|a fintech breakfast|the university|a climate tech meetup|SaaStr|a book club|
a conference afterparty""")
TAGS = _words("""mentor recruiter python fintech founder design alumni investor rust climate
data ml product hiring speaker friend family ex-colleague client vendor community advisor
angel student press podcast open-source security devops frontend""")
TOPICS = _phrases(
    """hiring plans for the payments team|their move to Lisbon|Rust in production|
a side project on climate data|how they got into product management|the new design system|
mentoring junior engineers|raising a seed round|open-source maintainership|
a book on negotiation|remote team rituals|career change into data science|
conference talk ideas|the fintech job market|scaling the data platform|a migration to
Kubernetes|pricing experiments|their parental leave|the reorg at work|a possible
collaboration|interview loops|an intro to their manager|a job offer they got|the project
roadmap|feedback on my project|their startup's first hire""",
)
SUBJECTS = _phrases(
    """Quick question|Following up|Thanks for yesterday|Intro|Re: your talk|Coffee next
week?|Article I mentioned|Catching up|Congrats on the new role|Re: project update|Hello from
Berlin|Checking in""",
)
# Notes are drawn word by word: stopwords often (so FTS stopword handling is exercised),
# FREQUENT_WORD in a large share of notes, the rest from a long tail.
STOP = _words("the the the and and to to of a a in for with on was we they is it that")
COMMON = _words(f"""{FREQUENT_WORD} team work idea plan coffee call next week launch feedback
hiring role talk data design product customer market launch budget offer interview""")
TAIL = _words("""kubernetes postgres latency roadmap quarterly retention funnel churn onboarding
pipeline dashboard forecast benchmark refactor migration compliance audit pricing
partnership investor pitch deck runway seed series valuation sabbatical relocation visa
mortgage wedding marathon cycling climbing chess guitar sourdough podcast newsletter
mentorship burnout promotion layoffs reorg offsite hackathon keynote workshop panel
webinar bootcamp thesis research grant patent prototype beta rollout incident outage
postmortem oncall observability tracing caching sharding replication embeddings
transformer inference gpu robotics drones satellites energy solar battery carbon
logistics supply chain warehouse retail healthcare biotech genomics insurance lending
payments crypto ledger accounting tax legal privacy gdpr accessibility typography
illustration branding storytelling negotiation leadership hiring loops equity vesting
remote async standup retro kanban scrum okrs strategy vision culture values diversity
inclusion volunteering nonprofit education tutoring alumni reunion conference meetup
dinner lunch breakfast brunch walk hike trip vacation holiday conference travel flight
lisbon berlin tokyo nairobi toronto amsterdam barcelona""")
NOTE_WORDS = STOP + COMMON + TAIL
NOTE_WEIGHTS = [14.0] * len(STOP) + [9.0] * len(COMMON) + [1.0] * len(TAIL)
OPENERS = _phrases("Talked about|Discussed|Caught up on|They asked about|Shared thoughts on")
LEARNED = _phrases(
    """they are hiring in Q3|their daughter started school|they prefer async
updates|they are moving to a new city|they love sourdough baking|they run marathons|
they are writing a book|they are raising a fund""",
)
PROMISES = _phrases(
    """send the article|intro to a hiring manager|share my slides|review their CV|
send the book recommendation|connect them with a designer""",
)

# Circle mix of a large network: few inner, many acquaintances.
