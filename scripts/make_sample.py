"""Write the bundled sample corpus: fictional association programs, award lists and their truth.

    python scripts/make_sample.py data/raw [--truth tests/golden/sample_truth.csv]

Two fictional associations (an HR/people-operations one and a healthcare-administration one),
2022-2024 each: a program PDF per year (cover with welcome letter and board, two-column
sessions, keynotes, panels, sponsor page with tiers and an exhibitor directory) and an award
list per association (a PDF booklet and a CSV). People recur across years and associations
under name variants; a few namesakes work at different organizations; vendors, consultants,
law and recruiting firms sponsor, exhibit and send speakers.

Every printed mention of a person or an organization in a role is written to the truth CSV,
outside the corpus folder. The output is deterministic: fixed seed, fixed PDF creation date.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

SEED = 20240611
CREATED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]
TRUTH_DEFAULT = ROOT / "tests" / "golden" / "sample_truth.csv"
TRUTH_COLUMNS = (
    "source_path", "page", "role", "person_name", "canonical_person", "person_id", "org",
    "title", "award", "sponsor_tier", "booth", "association", "year",
)


# ---------------------------------------------------------------------------------------------
# People and organizations
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    first: str
    last: str
    title: str
    org: str
    middle: str = ""        # a middle initial, printed in some places only
    honorific: str = ""     # "Dr." printed in some places only
    creds: str = ""         # "SHRM-SCP", "MHA, FACHE", printed in some places only
    nickname: str = ""      # "Bob" for Robert, printed in one place

    @property
    def canonical(self) -> str:
        return f"{self.first} {self.last}"


P = Person
PEOPLE: dict[str, Person] = {
    # people operations / HR
    "okafor": P("Linda", "Okafor", "Chief People Officer", "Meridian Health Partners", "M.",
                creds="SHRM-SCP"),
    "bell": P("Marcus", "Bell", "Principal", "Brightpath Consulting"),
    "brooks": P("Angela", "Brooks", "Professor of Management", "Lakeshore University", "R.",
                "Dr.", "PhD"),
    "reyes": P("Jordan", "Reyes", "Partner", "Keller & Moss LLP", creds="JD"),
    "chen-tb": P("Michael", "Chen", "Managing Director", "TalentBridge Search"),
    "natarajan": P("Priya", "Natarajan", "VP, Talent Acquisition", "Cobalt Logistics",
                   creds="SHRM-CP"),
    "hayes": P("Robert", "Hayes", "SVP, Human Resources", "Granite State Bank", "J.",
               nickname="Bob"),
    "whitaker": P("Tanya", "Whitaker", "Human Resources Director", "City of Fairmont",
                  creds="SPHR"),
    "osei": P("Samuel", "Osei", "Founder", "Osei People Analytics"),
    "goldberg": P("Rachel", "Goldberg", "Senior Consultant", "Brightpath Consulting"),
    "obrien": P("Kevin", "O'Brien", "Director of Total Rewards", "Cobalt Logistics"),
    "vasquez": P("Elena", "Vasquez-Moreno", "Chief Human Resources Officer",
                 "Harborview Retail Group"),
    "lindqvist": P("Hannah", "Lindqvist", "People Operations Manager", "Fernway Software"),
    "carter": P("DeShawn", "Carter", "Director of Inclusion", "Pinecrest Insurance",
                creds="SHRM-SCP"),
    "johnson-cl": P("Sarah", "Johnson", "HR Business Partner", "Cobalt Logistics"),
    "kim": P("Grace", "Kim", "Learning and Development Lead", "Fernway Software"),
    "reilly": P("Thomas", "Reilly", "Benefits Consultant", "Ashgrove Benefits Advisors"),
    "feld": P("Naomi", "Feld", "Executive Director",
              "Association for Talent & People Operations", creds="CAE"),
    "ortega": P("Luis", "Ortega", "Vice President, Human Resources", "Sunridge Foods"),
    "rahman": P("Aisha", "Rahman", "Director of People Analytics", "Pinecrest Insurance",
                honorific="Dr.", creds="PhD"),
    "nakamura": P("Peter", "Nakamura", "Analyst", "Osei People Analytics"),
    "dubois": P("Claire", "Dubois", "Associate", "Keller & Moss LLP"),
    # healthcare administration
    "whitfield": P("James", "Whitfield", "President and CEO", "St. Brendan Medical Center",
                   "T.", "Dr.", "FACHE"),
    "liu": P("Karen", "Liu", "Chief Operating Officer", "Riverside Health System",
             creds="MHA, FACHE"),
    "haddad": P("Omar", "Haddad", "Chief Medical Officer", "Valley Regional Hospital",
                honorific="Dr.", creds="MD, MBA"),
    "nguyen": P("Patricia", "Nguyen", "Director of Quality", "Riverside Health System",
                creds="CPHQ"),
    "kowalski": P("Brian", "Kowalski", "Partner", "Halvorsen Health Advisory"),
    "thompson": P("Denise", "Thompson", "VP, Patient Care Services",
                  "Lakeview Community Hospital", honorific="Dr.", creds="DNP, RN"),
    "souza": P("Ana", "Souza", "Director of Revenue Cycle", "Midwest Hospital Association"),
    "becker": P("Tom", "Becker", "Revenue Cycle Analyst", "Riverside Health System"),
    "grant": P("Felicia", "Grant", "VP, Workforce Strategy", "CareStaff Solutions"),
    "almeida": P("Victor", "Almeida", "Chief Financial Officer", "Lakeview Community Hospital"),
    "stone": P("Rebecca", "Stone", "Partner, Health Law Practice", "Keller & Moss LLP",
               creds="JD"),
    "park": P("Henry", "Park", "Administrator", "Oakmont Rehabilitation Center", creds="MHA"),
    "hartmann": P("Julia", "Hartmann", "Director of Practice Management",
                  "Summit Valley Health"),
    "adeyemi": P("Zoë", "Adeyemi", "Patient Experience Manager", "Valley Regional Hospital"),
    "martinez": P("José", "Martínez", "Vice President of Operations", "Sunridge Health",
                  creds="MHA"),
    "chen-sb": P("Michael", "Chen", "Director of Patient Access", "St. Brendan Medical Center"),
    "johnson-vr": P("Sarah", "Johnson", "Chief Nursing Officer", "Valley Regional Hospital",
                    creds="RN"),
    "morales": P("Gabriela", "Morales", "Executive Director",
                 "Healthcare Administrators Leadership Association", creds="CAE"),
    "patel": P("Nikhil", "Patel", "Director of Clinical Informatics", "Riverside Health System"),
    # people who appear once
    "wu": P("Stephanie", "Wu", "Director of Recruiting", "Harborview Retail Group"),
    "mensah": P("Kwame", "Mensah", "HR Generalist", "Sunridge Foods", creds="PHR"),
    "larsen": P("Erik", "Larsen", "Compensation Manager", "Granite State Bank"),
    "fitzgerald": P("Moira", "Fitzgerald", "Chief Learning Officer", "Pinecrest Insurance",
                    honorific="Dr.", creds="EdD"),
    "silva": P("Renata", "Silva", "Talent Acquisition Partner", "Fernway Software"),
    "oduya": P("Daniel", "Oduya", "Employee Relations Manager", "City of Fairmont"),
    "hoffman": P("Lisa", "Hoffman", "CEO", "Workwell HR Software"),
    "tran": P("Minh", "Tran", "Senior Recruiter", "TalentBridge Search"),
    "baker": P("Courtney", "Baker", "HRIS Manager", "Cobalt Logistics"),
    "schultz": P("Ben", "Schultz", "Director of Client Services", "Clearpath Background Screening"),
    "obi": P("Chidi", "Obi", "Director of Finance", "Oakmont Rehabilitation Center"),
    "ross": P("Meredith", "Ross", "Nurse Manager", "Lakeview Community Hospital", creds="RN"),
    "feldman": P("Aaron", "Feldman", "Senior Manager", "Meridian Revenue Cycle Partners"),
    "delgado": P("Carmen", "Delgado", "Director of Human Resources", "Riverside Health System"),
    "yamamoto": P("Ken", "Yamamoto", "VP, Strategy", "Summit Valley Health"),
    "brennan": P("Siobhan", "Brennan", "Practice Administrator", "Northgate Orthopedics"),
    "ali": P("Farah", "Ali", "Director of Client Partnerships", "Qualis Staffing Group"),
    "cooper": P("Nathan", "Cooper", "Chief Quality Officer", "St. Brendan Medical Center",
                honorific="Dr.", creds="MD"),
}


@dataclass(frozen=True)
class Mention:
    """One printed mention of a person: which name variant, with which title and organization."""

    pid: str
    style: str = "auto"     # plain, middle, dr, creds, full, caps, nick, last_first, auto
    title: str | None = None
    org: str | None = None

    @property
    def person(self) -> Person:
        return PEOPLE[self.pid]


def M(pid: str, style: str = "auto", title: str | None = None, org: str | None = None) -> Mention:
    return Mention(pid, style, title, org)


class Namer:
    """Chooses a printed name variant for each mention, reproducibly (one seeded RNG)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self, mention: Mention) -> str:
        p, style = mention.person, mention.style
        if style == "auto":
            choices = ["plain", "plain"]
            if p.middle:
                choices.append("middle")
            if p.creds:
                choices += ["creds", "creds"]
            if p.honorific:
                choices += ["dr", "full"]
            style = self.rng.choice(choices)
        if style == "plain":
            return p.canonical
        if style == "middle":
            return f"{p.first} {p.middle} {p.last}" if p.middle else p.canonical
        if style == "dr":
            return f"{p.honorific} {p.canonical}".strip()
        if style == "creds":
            return f"{p.canonical}, {p.creds}" if p.creds else p.canonical
        if style == "full":
            middle = f" {p.middle}" if p.middle else ""
            creds = f", {p.creds}" if p.creds else ""
            return f"{p.honorific} {p.first}{middle} {p.last}{creds}".strip()
        if style == "caps":
            return f"{p.honorific} {p.first} {p.last}".strip().upper()
        if style == "nick":
            return f"{p.nickname or p.first} {p.last}"
        if style == "last_first":
            return f"{p.last}, {p.first}"
        raise ValueError(f"unknown name style {style!r}")


# ---------------------------------------------------------------------------------------------
# Program content: sections of sessions, each session a list of lines naming people
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One printed line of people: `prefix` + mentions in `fmt`, all in one role."""

    role: str
    mentions: tuple[Mention, ...] = ()
    prefix: str = ""
    fmt: str = "nto"        # nto: Name, Title, Org; no: Name, Org; n: Name; paren: Name (Org);
                            # authors: A, B, Org; C, Org2; and: A and B, Org; by: prefix text


def L(role: str, *mentions: Mention, prefix: str = "", fmt: str = "nto") -> Line:
    return Line(role, tuple(mentions), prefix, fmt)


@dataclass(frozen=True)
class Session:
    title: str
    when: str
    lines: tuple[Line, ...]
    desc: str = ""


@dataclass(frozen=True)
class Keynote:
    heading: str
    when: str
    speaker: Mention
    talk: str
    bio: str


@dataclass(frozen=True)
class Heading:
    text: str
    size: float = 13


@dataclass(frozen=True)
class Program:
    slug: str
    acronym: str
    association: str
    year: int
    event: str
    dates: str
    city: str
    font: str
    welcome: str
    signer: Mention
    board: tuple[Line, ...]
    committee: tuple[Line, ...]
    items: tuple[object, ...]
    sponsors: tuple[tuple[str, tuple[str, ...]], ...]
    exhibitors: tuple[tuple[str, str], ...]
    exhibitor_style: str           # table (Exhibitor | Booth) or leaders (Name ..... 214)
    keynote_name_size: float


def S(title: str, when: str, *lines: Line, desc: str = "") -> Session:
    return Session(title, when, tuple(lines), desc)


def _atpo(year: int, **kw) -> Program:
    city, dates = {2022: ("Denver, CO", "May 16-18, 2022"),
                   2023: ("Chicago, IL", "June 12-14, 2023"),
                   2024: ("Nashville, TN", "June 10-12, 2024")}[year]
    welcome = (
        f"Welcome to {city.split(',')[0]} and to the {year} ATPO Annual Conference & Expo. "
        "Over three days you will hear from practitioners who run talent acquisition, total "
        "rewards, learning and people analytics at organizations of every size. Please take "
        "time to visit our exhibitors and thank the sponsors who make this meeting possible."
    )
    return Program(
        slug="atpo", acronym="ATPO", association="Association for Talent & People Operations",
        year=year, event=f"ATPO {year} Annual Conference & Expo", dates=dates, city=city,
        font="Helvetica", welcome=welcome, signer=M("feld", "creds"), exhibitor_style="table",
        keynote_name_size=10.5, **kw,
    )


def _hala(year: int, **kw) -> Program:
    city, dates = {2022: ("Columbus, OH", "October 3-5, 2022"),
                   2023: ("Minneapolis, MN", "October 9-11, 2023"),
                   2024: ("Louisville, KY", "September 30 - October 2, 2024")}[year]
    welcome = (
        f"On behalf of the Board of Directors, welcome to the {year} HALA Leadership Summit in "
        f"{city.split(',')[0]}. Hospital and practice leaders face staffing shortages, margin "
        "pressure and rising expectations from patients. This year's program brings together "
        "operators, clinicians and advisors to share what is working."
    )
    return Program(
        slug="hala", acronym="HALA", association="Healthcare Administrators Leadership Association",
        year=year, event=f"HALA {year} Leadership Summit", dates=dates, city=city, font="Times",
        welcome=welcome, signer=M("morales", "creds"), exhibitor_style="leaders",
        keynote_name_size=13, **kw,
    )


ATPO_BOARD_22_23 = (
    L("board", M("okafor", "creds", title="Chair", org=""), fmt="nt"),
    L("board", M("whitaker", "creds", title="Treasurer", org=""), fmt="nt"),
    L("board", M("carter"), fmt="no"),
    L("board", M("obrien"), fmt="no"),
    L("board", M("hayes", "plain"), fmt="no"),
)

PROGRAMS: tuple[Program, ...] = (
    _atpo(
        2022,
        board=ATPO_BOARD_22_23,
        committee=(L("committee", M("natarajan", "plain"), fmt="no"),
                   L("committee", M("kim"), fmt="no"),
                   L("committee", M("johnson-cl"), fmt="no")),
        items=(
            Heading("Monday, May 16"),
            Keynote("Opening Keynote", "8:30 - 9:45 AM | Mile High Ballroom", M("brooks", "caps"),
                    "Work Is Not a Place: What Five Years of Hybrid Data Tell Us",
                    "Dr. Brooks studies how teams coordinate across distance. Her research on "
                    "onboarding in distributed teams has been cited in policy debates on remote "
                    "work."),
            Heading("Concurrent Sessions 10:15 - 11:15 AM", 12),
            S("Building a Skills-Based Hiring Program", "Room 201",
              L("chair", M("natarajan"), prefix="Chair: "),
              L("speaker", M("bell")),
              L("speaker", M("johnson-cl")),
              desc="How one logistics employer dropped degree requirements for 40% of roles "
                   "and what happened to quality of hire."),
            S("Pay Transparency Laws: A Compliance Roadmap", "Room 203",
              L("speaker", M("reyes", "creds")),
              L("speaker", M("obrien", title="Director, Total Rewards")),
              desc="State pay-range disclosure rules are spreading. Our presenters walk "
                   "through posting, recordkeeping and the conversations managers must have."),
            S("Benefits That Employees Actually Use", "Room 205",
              L("speaker", M("reilly"))),
            Heading("Concurrent Sessions 1:30 - 2:30 PM", 12),
            S("Panel: Recruiting in a Tight Labor Market", "Mile High Ballroom",
              L("moderator", M("carter", "creds"), prefix="Moderator: "),
              L("panelist", prefix="Panelists:"),
              L("panelist", M("whitaker")),
              L("panelist", M("chen-tb")),
              L("panelist", M("natarajan", "plain"))),
            S("People Analytics for Small HR Teams", "Room 201",
              L("speaker", M("osei"), M("nakamura"), fmt="and"),
              desc="Practical workforce dashboards built with the tools you already have."),
            S("HRIS Selection Without Regret", "Room 203",
              L("speaker", M("baker")),
              L("speaker", M("hoffman"))),
            Heading("Tuesday, May 17"),
            Heading("General Session 9:00 - 10:00 AM", 12),
            S("Panel: What CHROs Want From HR Teams", "Mile High Ballroom",
              L("moderator", M("okafor", "creds"), prefix="Moderator: "),
              L("panelist", M("vasquez"), M("ortega"), M("hayes", "plain"),
                prefix="Panelists: ", fmt="paren")),
            Heading("Concurrent Sessions 10:30 - 11:30 AM", 12),
            S("Employee Relations Case Clinic", "Room 201",
              L("speaker", M("oduya")),
              L("speaker", M("whitaker", "creds")),
              desc="Bring your hardest cases. Two public-sector practitioners work through "
                   "real, anonymized examples with the room."),
            S("Compensation Bands From Scratch", "Room 203",
              L("chair", M("obrien"), prefix="Chair: "),
              L("speaker", M("larsen")),
              L("speaker", M("bell"))),
            S("Background Screening After Ban-the-Box", "Room 205",
              L("speaker", M("schultz")),
              L("speaker", M("reyes", "plain"))),
            Heading("Closing Keynote 2:00 - 3:00 PM"),
            S("Careers Are Not Ladders Anymore", "Mile High Ballroom",
              L("keynote", M("fitzgerald", "full")),
              desc="A chief learning officer on building internal mobility that employees "
                   "trust."),
        ),
        sponsors=(("Platinum", ("Brightpath Consulting",)),
                  ("Gold", ("Keller & Moss LLP", "TalentBridge Search")),
                  ("Silver", ("Ashgrove Benefits Advisors", "Workwell HR Software",
                              "Clearpath Background Screening"))),
        exhibitors=(("Ashgrove Benefits Advisors", "114"), ("Brightpath Consulting", "101"),
                    ("Clearpath Background Screening", "120"), ("Osei People Analytics", "131"),
                    ("TalentBridge Search", "108"), ("Workwell HR Software", "126")),
    ),
    _atpo(
        2023,
        board=ATPO_BOARD_22_23,
        committee=(L("committee", M("natarajan", "plain"), fmt="no"),
                   L("committee", M("lindqvist"), fmt="no"),
                   L("committee", M("goldberg"), fmt="no")),
        items=(
            Heading("Monday, June 12"),
            Keynote("Opening Keynote", "8:30 - 9:45 AM | Grand Ballroom", M("vasquez", "caps"),
                    "Retail Never Closes: Leading People Through Constant Change",
                    "Elena leads human resources for 31,000 associates across 400 stores. She "
                    "previously ran talent acquisition for a national grocery chain."),
            Heading("Concurrent Sessions 10:15 - 11:15 AM", 12),
            S("Manager Training That Sticks", "Room 301",
              L("chair", M("natarajan", "creds"), prefix="Chair: "),
              L("speaker", M("kim")),
              L("speaker", M("goldberg"))),
            S("Using Attrition Models Responsibly", "Room 305",
              L("speaker", M("rahman", "dr"), M("osei"), M("nakamura"), fmt="authors"),
              desc="A case study on predicting regretted attrition without building a "
                   "surveillance program."),
            S("Executive Search: What Boards Ask For Now", "Room 307",
              L("speaker", M("chen-tb"))),
            Heading("Concurrent Sessions 2:00 - 3:00 PM", 12),
            S("Panel: HR Lessons From Health Care", "Grand Ballroom",
              L("moderator", M("hayes", "middle"), prefix="Moderator: "),
              L("panelist", M("okafor", "creds"), M("carter"), M("bell"),
                prefix="Panelists: ", fmt="paren")),
            S("Workplace Investigations", "Room 301",
              L("speaker", M("reyes"), M("dubois"), fmt="and"),
              desc="From intake to findings: how to run a defensible internal investigation."),
            S("Recruiting Hourly Workers at Scale", "Room 305",
              L("speaker", M("wu")),
              L("speaker", M("tran"))),
            Heading("Tuesday, June 13"),
            Heading("Concurrent Sessions 9:00 - 10:00 AM", 12),
            S("Total Rewards Statements That Employees Read", "Room 301",
              L("speaker", M("obrien")),
              L("speaker", M("reilly", title="Principal")),
              desc="Turning a benefits booklet into a one-page story of total compensation."),
            S("Mentoring Programs for New Managers", "Room 305",
              L("chair", M("whitaker", "creds"), prefix="Chair: "),
              L("speaker", M("mensah", "creds")),
              L("speaker", M("brooks", "dr")),
              desc="Pairing first-time managers with experienced mentors: design, matching "
                   "and measuring results."),
            S("Building Your HR Tech Stack", "Room 307",
              L("speaker", M("hoffman")),
              L("speaker", M("lindqvist"))),
            Heading("Awards Luncheon 12:00 - 1:30 PM", 12),
            S("2023 ATPO Awards of Excellence", "Grand Ballroom",
              desc="Join us as we honor this year's award recipients. See the awards booklet "
                   "for the full list."),
        ),
        sponsors=(("Platinum", ("Brightpath Consulting", "TalentBridge Search")),
                  ("Gold", ("Keller & Moss LLP", "Osei People Analytics")),
                  ("Silver", ("Workwell HR Software", "Clearpath Background Screening",
                              "CareStaff Solutions"))),
        exhibitors=(("Brightpath Consulting", "201"), ("CareStaff Solutions", "233"),
                    ("Clearpath Background Screening", "219"), ("Keller & Moss LLP", "207"),
                    ("Osei People Analytics", "224"), ("TalentBridge Search", "210"),
                    ("Workwell HR Software", "228")),
    ),
    _atpo(
        2024,
        board=(L("board", M("natarajan", "creds", title="Chair", org=""), fmt="nt"),
               L("board", M("whitaker", "creds", title="Treasurer", org=""), fmt="nt"),
               L("board", M("okafor", "plain"), fmt="no"),
               L("board", M("lindqvist"), fmt="no")),
        committee=(L("committee", M("kim"), fmt="no"),
                   L("committee", M("carter", "plain"), fmt="no")),
        items=(
            Heading("Monday, June 10"),
            Keynote("Opening Keynote", "8:30 - 9:45 AM | Music City Ballroom",
                    M("ortega", "caps"), "From the Plant Floor to the C-Suite",
                    "Luis began his career as a line supervisor and now leads human resources "
                    "for a food manufacturer with 22 plants."),
            Heading("Concurrent Sessions 10:15 - 11:15 AM", 12),
            S("Workforce Planning", "Room 104",
              L("speaker", M("natarajan", "plain", title="Chief People Officer",
                             org="Fernway Software")),
              L("speaker", M("lindqvist"))),
            S("AI in Recruiting: Risk and Reward", "Room 106",
              L("chair", M("hayes", "nick"), prefix="Chair: "),
              L("speaker", M("reyes", "creds")),
              L("speaker", M("goldberg"), M("bell"), fmt="and"),
              desc="Where automated screening helps, where it creates legal exposure, and "
                   "what to ask vendors before you buy."),
            S("Sponsored Session: Benchmarking Total Rewards", "Room 108",
              L("speaker", M("osei"), prefix="Presented by ", fmt="by")),
            Heading("Concurrent Sessions 1:30 - 2:30 PM", 12),
            S("Panel: The Future of the HR Business Partner", "Music City Ballroom",
              L("moderator", M("carter", "creds"), prefix="Moderator: "),
              L("panelist", prefix="Panelists:"),
              L("panelist", M("vasquez")),
              L("panelist", M("whitaker", "creds")),
              L("panelist", M("grant"))),
            S("Internal Mobility Marketplaces", "Room 104",
              L("speaker", M("silva")),
              L("speaker", M("kim")),
              desc="Two employers share what their talent marketplace pilots taught them."),
            Heading("Tuesday, June 11"),
            Heading("Concurrent Sessions 9:00 - 10:00 AM", 12),
            S("Investigations in a Remote Workplace", "Room 106",
              L("speaker", M("dubois", title="Counsel")),
              L("speaker", M("oduya"))),
            S("Leave Management Across States", "Room 108",
              L("chair", M("obrien"), prefix="Chair: "),
              L("speaker", M("reilly")),
              L("speaker", M("baker"))),
            S("Executive Recruiting Trends", "Room 104",
              L("speaker", M("chen-tb")),
              L("speaker", M("tran"))),
            Heading("Closing General Session 11:00 AM - 12:00 PM", 12),
            S("Fireside Chat: People Leaders on Their First Mentors", "Music City Ballroom",
              L("moderator", M("okafor", "creds"), prefix="Moderator: "),
              L("speaker", M("brooks", "dr")),
              L("speaker", M("osei"))),
        ),
        sponsors=(("Platinum", ("Brightpath Consulting",)),
                  ("Gold", ("TalentBridge Search", "Keller & Moss LLP", "CareStaff Solutions")),
                  ("Silver", ("Osei People Analytics", "Workwell HR Software"))),
        exhibitors=(("Brightpath Consulting", "301"), ("CareStaff Solutions", "318"),
                    ("Keller & Moss LLP", "305"), ("Osei People Analytics", "322"),
                    ("TalentBridge Search", "310"), ("Workwell HR Software", "326")),
    ),
    _hala(
        2022,
        board=(L("board", M("whitfield", "full", title="Chair", org=""), fmt="nt"),
               L("board", M("liu", "creds", title="Chair-Elect", org=""), fmt="nt"),
               L("board", M("nguyen", "creds"), fmt="no"),
               L("board", M("park", "creds"), fmt="no")),
        committee=(L("committee", M("hartmann"), fmt="no"),
                   L("committee", M("patel"), fmt="no")),
        items=(
            Heading("Monday, October 3"),
            Keynote("Keynote Address", "9:00 - 10:00 AM | Regency Ballroom", M("haddad", "caps"),
                    "Physicians and Administrators on the Same Side",
                    "Dr. Haddad practiced emergency medicine for 15 years before joining the "
                    "executive team at Valley Regional Hospital."),
            Heading("Education Sessions 10:30 - 11:30 AM", 12),
            S("Throughput and the Emergency Department", "Salon A",
              L("chair", M("liu", "creds"), prefix="Session Chair: "),
              L("speaker", M("chen-sb")),
              L("speaker", M("nguyen"))),
            S("Employment Law Update for Hospitals", "Salon B",
              L("speaker", M("stone", "creds")),
              L("speaker", M("reyes"))),
            Heading("Case Study Presentations 1:30 - 2:45 PM", 12),
            S("Revenue Cycle Case Studies", "Salon C",
              L("speaker", M("souza"), M("becker", org="Riverside Health System"),
                M("kowalski"), fmt="authors"),
              L("speaker", M("hartmann"), M("patel"), fmt="authors"),
              desc="Three short case studies on denial prevention, prior authorization and "
                   "patient estimates."),
            S("Benefit Design for Clinical Staff", "Salon A",
              L("speaker", M("reilly"))),
            S("Physician Practice Acquisitions", "Salon B",
              L("speaker", M("brennan")),
              L("speaker", M("kowalski"))),
            Heading("Tuesday, October 4"),
            Heading("Education Sessions 9:00 - 10:00 AM", 12),
            S("Panel: Hospital Finance After the Pandemic", "Regency Ballroom",
              L("moderator", M("kowalski"), prefix="Moderator: "),
              L("panelist", prefix="Panelists:"),
              L("panelist", M("almeida")),
              L("panelist", M("obi")),
              L("panelist", M("whitfield", "dr"))),
            S("Recruiting and Retaining Allied Health Staff", "Salon A",
              L("chair", M("nguyen", "creds"), prefix="Session Chair: "),
              L("speaker", M("delgado")),
              L("speaker", M("grant")),
              desc="Sign-on bonuses, career ladders and school partnerships compared."),
            S("Denials Management That Pays for Itself", "Salon C",
              L("speaker", M("feldman")),
              L("speaker", M("souza"))),
        ),
        sponsors=(("Platinum", ("Halvorsen Health Advisory",)),
                  ("Gold", ("Keller & Moss LLP", "Meridian Revenue Cycle Partners")),
                  ("Silver", ("CareStaff Solutions", "Ashgrove Benefits Advisors"))),
        exhibitors=(("Ashgrove Benefits Advisors", "312"), ("CareStaff Solutions", "305"),
                    ("Halvorsen Health Advisory", "301"),
                    ("Meridian Revenue Cycle Partners", "308"), ("Qualis Staffing Group", "318")),
    ),
    _hala(
        2023,
        board=(L("board", M("whitfield", "dr", title="Chair", org=""), fmt="nt"),
               L("board", M("liu", "creds", title="Chair-Elect", org=""), fmt="nt"),
               L("board", M("nguyen"), fmt="no"),
               L("board", M("park"), fmt="no")),
        committee=(L("committee", M("hartmann"), fmt="no"),
                   L("committee", M("martinez", "plain"), fmt="no")),
        items=(
            Heading("Monday, October 9"),
            Keynote("Keynote Address", "9:00 - 10:00 AM | Ballroom A", M("thompson", "caps"),
                    "Nurses at the Table: Shared Governance That Works",
                    "Dr. Thompson leads nursing and patient care services at a 280-bed "
                    "community hospital and teaches in a DNP program."),
            Heading("Education Sessions 10:30 - 11:30 AM", 12),
            S("Panel: Keeping Nurses in the Profession", "Ballroom B",
              L("moderator", M("grant"), prefix="Moderator: "),
              L("panelist", M("johnson-vr", "creds"), M("haddad", "dr"), M("okafor", "middle"),
                prefix="Panelists: ", fmt="paren")),
            S("Post-Acute Partnerships", "Room 101",
              L("chair", M("park", "creds"), prefix="Session Chair: "),
              L("speaker", M("martinez"))),
            Heading("Education Sessions 1:30 - 2:30 PM", 12),
            S("Labor Relations in Health Care", "Room 103",
              L("speaker", M("reyes", "plain")),
              L("speaker", M("kowalski"))),
            S("Closing the Quality Gap", "Room 101",
              L("chair", M("liu"), prefix="Session Chair: "),
              L("speaker", M("nguyen", "creds")),
              L("speaker", M("adeyemi")),
              desc="How two systems moved their patient experience scores in a year."),
            S("Nurse Manager Span of Control", "Room 105",
              L("speaker", M("ross", "creds")),
              L("speaker", M("thompson", "dr"))),
            Heading("Tuesday, October 10"),
            Heading("Education Sessions 9:00 - 10:00 AM", 12),
            S("Strategic Planning for Rural Affiliates", "Ballroom B",
              L("speaker", M("yamamoto")),
              L("speaker", M("hartmann")),
              desc="Affiliation, partnership or merger: a framework for boards of small "
                   "hospitals."),
            S("Clinical Informatics Case Studies", "Room 101",
              L("speaker", M("patel"), M("nguyen"), M("cooper", "dr"), fmt="authors"),
              L("speaker", M("becker"), M("souza"), fmt="authors")),
            S("Mentoring the Next Generation of Administrators", "Room 103",
              L("chair", M("whitfield", "dr"), prefix="Session Chair: "),
              L("speaker", M("liu", "creds")),
              L("speaker", M("martinez")),
              desc="Fellowship programs, career conversations and how to sponsor rising "
                   "leaders."),
        ),
        sponsors=(("Platinum", ("Halvorsen Health Advisory", "CareStaff Solutions")),
                  ("Gold", ("Keller & Moss LLP", "TalentBridge Search")),
                  ("Silver", ("Meridian Revenue Cycle Partners", "Qualis Staffing Group"))),
        exhibitors=(("CareStaff Solutions", "405"), ("Halvorsen Health Advisory", "401"),
                    ("Keller & Moss LLP", "412"), ("Meridian Revenue Cycle Partners", "408"),
                    ("Qualis Staffing Group", "416"), ("TalentBridge Search", "420")),
    ),
    _hala(
        2024,
        board=(L("board", M("liu", "creds", title="Chair", org=""), fmt="nt"),
               L("board", M("whitfield", "dr", title="Immediate Past Chair", org=""), fmt="nt"),
               L("board", M("nguyen", "creds"), fmt="no"),
               L("board", M("okafor", "creds"), fmt="no")),
        committee=(L("committee", M("hartmann"), fmt="no"),
                   L("committee", M("adeyemi"), fmt="no"),
                   L("committee", M("patel"), fmt="no")),
        items=(
            Heading("Monday, September 30"),
            Keynote("Keynote Address", "9:00 - 10:00 AM | Grand Ballroom", M("whitfield", "caps"),
                    "Twenty Years of Running a Safety-Net Hospital",
                    "Dr. Whitfield has led St. Brendan Medical Center since 2004 and chairs the "
                    "state hospital association's finance committee."),
            Heading("Education Sessions 10:30 - 11:30 AM", 12),
            S("Panel: Recruiting Health Care Executives", "Room 201",
              L("moderator", M("chen-tb"), prefix="Moderator: "),
              L("panelist", prefix="Panelists:"),
              L("panelist", M("liu", "creds")),
              L("panelist", M("almeida")),
              L("panelist", M("bell"))),
            S("Patient Access Redesign", "Room 203",
              L("speaker", M("chen-sb")),
              L("speaker", M("adeyemi")),
              desc="Centralized scheduling, text reminders and what they did to no-show rates."),
            Heading("Education Sessions 1:30 - 2:30 PM", 12),
            S("Workforce Strategy After the Travel Nurse Boom", "Room 201",
              L("speaker", M("grant")),
              L("speaker", M("johnson-vr", "creds")),
              L("speaker", M("carter", "creds"))),
            S("Margin Improvement Without Layoffs", "Room 203",
              L("chair", M("park", "creds"), prefix="Session Chair: "),
              L("speaker", M("kowalski"), M("almeida"), fmt="authors"),
              L("speaker", M("hartmann"))),
            S("Patient Safety Culture Surveys", "Room 205",
              L("speaker", M("cooper", "creds")),
              L("speaker", M("nguyen", "creds"))),
            Heading("Tuesday, October 1"),
            Heading("Education Sessions 9:00 - 10:00 AM", 12),
            S("Staffing Partnerships That Work", "Room 201",
              L("speaker", M("ali")),
              L("speaker", M("ross", "creds"))),
            S("HR Lessons From Outside Health Care", "Room 203",
              L("chair", M("delgado"), prefix="Session Chair: "),
              L("speaker", M("okafor", "plain")),
              L("speaker", M("goldberg"))),
            S("Employment Law Update 2024", "Room 205",
              L("speaker", M("stone", "creds")),
              L("speaker", M("reyes", "creds")),
              desc="Non-competes, staffing agency liability and the new overtime rule."),
        ),
        sponsors=(("Platinum", ("Halvorsen Health Advisory",)),
                  ("Gold", ("CareStaff Solutions", "TalentBridge Search", "Keller & Moss LLP")),
                  ("Silver", ("Brightpath Consulting", "Qualis Staffing Group"))),
        exhibitors=(("Brightpath Consulting", "512"), ("CareStaff Solutions", "505"),
                    ("Halvorsen Health Advisory", "501"), ("Qualis Staffing Group", "516"),
                    ("TalentBridge Search", "508")),
    ),
)

# The ATPO awards booklet (PDF) and the HALA award list (CSV).
ATPO_AWARDS_2023 = (
    ("Distinguished Service Award", M("okafor", "full"),
     "For six years of service on the ATPO board, including two as chair."),
    ("Talent Acquisition Leader of the Year", M("natarajan", "creds"),
     "For rebuilding a high-volume hiring function around skills rather than degrees."),
    ("HR Innovation Award", M("osei"),
     "For open-source workforce dashboards now used by more than 200 small HR teams."),
    ("Rising Star Award", M("lindqvist"),
     "For launching a people operations function from scratch at a 90-person company."),
)
ATPO_PAST_RECIPIENTS = (  # (year, award, mention) printed as a table, "Last, First"
    ("2022", "Distinguished Service Award", M("brooks", "last_first")),
    ("2022", "Rising Star Award", M("kim", "last_first")),
    ("2021", "Distinguished Service Award", M("whitaker", "last_first")),
    ("2021", "Talent Acquisition Leader of the Year", M("ortega", "last_first")),
)
ATPO_AWARD_COMMITTEE = (M("carter"), M("whitaker"), M("goldberg"))
HALA_AWARDS_2024 = (
    ("Leadership Excellence Award", M("liu", "plain")),
    ("Distinguished Fellow", M("whitfield", "plain")),
    ("Distinguished Fellow", M("haddad", "plain")),
    ("Quality Champion Award", M("nguyen", "plain")),
    ("Emerging Leader Award", M("adeyemi", "plain")),
    ("Partner in Health Care Award", M("kowalski", "plain")),
)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 612.0, 792.0
MARGIN, GUTTER = 45.0, 22.0
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
TOP, BOTTOM = 62.0, 728.0


class Truth:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def person(self, source: str, page: int | None, role: str, printed: str, mention: Mention,
               org: str, title: str = "", award: str = "", **meta) -> None:
        self.rows.append({
            "source_path": source, "page": page if page is not None else "", "role": role,
            "person_name": printed, "canonical_person": mention.person.canonical,
            "person_id": mention.pid, "org": org, "title": title, "award": award,
            "sponsor_tier": "", "booth": "", **meta,
        })

    def org(self, source: str, page: int, role: str, org: str, tier: str = "", booth: str = "",
            **meta) -> None:
        self.rows.append({
            "source_path": source, "page": page, "role": role, "person_name": "",
            "canonical_person": "", "person_id": "", "org": org, "title": "", "award": "",
            "sponsor_tier": tier, "booth": booth, **meta,
        })


def render_line(line: Line, namer: Namer) -> tuple[str, list[tuple[str, Mention, str, str]]]:
    """The printed text of a line and, per person, (printed name, mention, title, org)."""
    people = []
    for mention in line.mentions:
        p = mention.person
        title = p.title if mention.title is None else mention.title
        org = p.org if mention.org is None else mention.org
        people.append((namer.name(mention), mention, title, org))
    if line.fmt == "nto":
        parts = [", ".join(x for x in (n, t, o) if x) for n, _, t, o in people]
        text = "; ".join(parts)
    elif line.fmt == "n":
        text = "; ".join(n for n, *_ in people)
    elif line.fmt == "nt":
        text = "; ".join(f"{n}, {t}" for n, _, t, _ in people)
        people = [(n, m, t, "") for n, m, t, _ in people]
    elif line.fmt == "no":
        text = "; ".join(f"{n}, {o}" for n, _, _, o in people)
        people = [(n, m, "", o) for n, m, _, o in people]
    elif line.fmt == "paren":
        text = "; ".join(f"{n} ({o})" for n, _, _, o in people)
        people = [(n, m, "", o) for n, m, _, o in people]
    elif line.fmt in ("and", "by"):
        names = [n for n, *_ in people]
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        orgs = {o for *_, o in people}
        if len(orgs) == 1 and line.fmt == "and":
            text = f"{joined}, {people[0][3]}"
            people = [(n, m, "", o) for n, m, _, o in people]
        else:
            text = "; ".join(", ".join(x for x in (n, t, o) if x) for n, _, t, o in people)
    elif line.fmt == "authors":  # A, B, Org; C, Org2 (grouped by organization, in order)
        groups: list[tuple[str, list[str]]] = []
        for n, _, _, o in people:
            if groups and groups[-1][0] == o:
                groups[-1][1].append(n)
            else:
                groups.append((o, [n]))
        text = "; ".join(", ".join([*names, o]) for o, names in groups)
        people = [(n, m, "", o) for n, m, _, o in people]
    else:
        raise ValueError(f"unknown line format {line.fmt!r}")
    return line.prefix + text, people


class Doc(FPDF):
    def __init__(self, font: str, header_left: str, header_right: str, footer: str) -> None:
        super().__init__(unit="pt", format="letter")
        self.base_font = font
        self.header_left, self.header_right, self.footer_text = header_left, header_right, footer
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_creation_date(CREATED)
        self.set_producer("mentor-miner scripts/make_sample.py")
        self.set_creator("mentor-miner scripts/make_sample.py")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(self.base_font, "", 7.5)
        self.set_text_color(110, 110, 110)
        self.set_xy(MARGIN, 24)
        self.cell(COL_W, 10, self.header_left)
        self.set_xy(PAGE_W - MARGIN - COL_W, 24)
        self.cell(COL_W, 10, self.header_right, align="R")
        self.set_draw_color(180, 180, 180)
        self.line(MARGIN, 38, PAGE_W - MARGIN, 38)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(self.base_font, "", 7.5)
        self.set_text_color(110, 110, 110)
        self.set_xy(MARGIN, PAGE_H - 40)
        self.cell(PAGE_W - 2 * MARGIN, 10, f"{self.footer_text}  |  {self.page_no()}",
                  align="C")
        self.set_text_color(0, 0, 0)

    def style(self, size: float, bold: bool = False, italic: bool = False,
              color: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.set_font(self.base_font, ("B" if bold else "") + ("I" if italic else ""), size)
        self.set_text_color(*color)

    def n_lines(self, text: str, width: float) -> int:
        return len(self.multi_cell(width, 10, text, dry_run=True,
                                   output=MethodReturnValue.LINES))


class Flow:
    """Two-column flow: blocks are kept together and move to the next column or page whole."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.col, self.y = doc, 0, TOP
        self.pending: list[tuple[str, dict, float]] = []

    def start_page(self) -> None:
        self.doc.add_page()
        self.col, self.y = 0, TOP

    @property
    def x(self) -> float:
        return MARGIN + self.col * (COL_W + GUTTER)

    def keep_with_next(self, pieces: list[tuple[str, dict, float]]) -> None:
        """Headings wait for the block that follows them, so none is left at a column foot."""
        self.pending += pieces

    def place(self, pieces: list[tuple[str, dict, float]], space_after: float = 8) -> int:
        """Write (text, style, leading) pieces as one block; return the page number used."""
        pieces, self.pending = self.pending + pieces, []
        height = 0.0
        for text, style, leading in pieces:
            self.doc.style(**style)
            height += self.doc.n_lines(text, COL_W) * leading
        if self.y + height > BOTTOM:
            if self.col == 0:
                self.col, self.y = 1, TOP
            else:
                self.start_page()
        for text, style, leading in pieces:
            self.doc.style(**style)
            self.doc.set_xy(self.x, self.y)
            self.doc.multi_cell(COL_W, leading, text, align="L")
            self.y = self.doc.get_y()
        self.y += space_after
        return self.doc.page_no()


BODY = {"size": 9}
SMALL = {"size": 8, "color": (90, 90, 90)}
DESC = {"size": 8.5, "italic": True, "color": (60, 60, 60)}
TITLE = {"size": 9.5, "bold": True, "color": (20, 40, 90)}


def make_program(program: Program, out_dir: Path, namer: Namer, truth: Truth) -> Path:
    rel = f"{program.slug}/{program.year}/{program.slug}-{program.year}-program.pdf"
    meta = {"association": program.slug, "year": program.year}
    doc = Doc(program.font, program.event, f"{program.city}  |  {program.dates}",
              f"{program.acronym} {program.year} Conference Program")
    doc.set_title(f"{program.event} - Program")
    doc.set_author(program.association)

    # Cover: title, welcome letter, signature, board and committee.
    doc.add_page()
    doc.style(22, bold=True, color=(20, 40, 90))
    doc.set_xy(MARGIN, 90)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 26, program.association, align="C")
    doc.style(17)
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 22, program.event.replace(f"{program.acronym} ", ""),
                   align="C")
    doc.style(11, color=(90, 90, 90))
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 16, f"{program.dates}  ·  {program.city}", align="C")
    doc.style(15, bold=True)
    doc.set_xy(MARGIN, 200)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 20, "Welcome", align="L")
    doc.style(10)
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 13, program.welcome, align="L")
    doc.ln(8)
    signer_text, signer_people = render_line(L("organizer", program.signer, fmt="n"), namer)
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 13, signer_text)
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 13, f"Executive Director, {program.association}")
    for name, mention, _, _ in signer_people:
        truth.person(rel, 1, "organizer", name, mention, program.association,
                     "Executive Director", **meta)
    y = doc.get_y() + 24
    for col, (heading, lines) in enumerate(
        ((f"{program.year} Board of Directors", program.board),
         (f"{program.year} Program Committee", program.committee))
    ):
        x = MARGIN + col * (COL_W + GUTTER)
        doc.style(13, bold=True, color=(20, 40, 90))
        doc.set_xy(x, y)
        doc.multi_cell(COL_W, 17, heading)
        for line in lines:
            text, people = render_line(line, namer)
            doc.style(9)
            doc.set_x(x)
            doc.multi_cell(COL_W, 12, text)
            for name, mention, title, org in people:
                truth.person(rel, 1, line.role, name, mention, org, title, **meta)

    make_glance(doc, program, rel, truth)

    # Program pages: two columns.
    flow = Flow(doc)
    flow.start_page()
    for item in program.items:
        if isinstance(item, Heading):
            flow.keep_with_next([(item.text, {"size": item.size + 2 if item.size >= 13 else
                                              item.size, "bold": True, "color": (20, 40, 90)},
                                  item.size + 7)])
        elif isinstance(item, Keynote):
            name = namer.name(item.speaker)
            p = item.speaker.person
            page = flow.place([
                (item.heading, {"size": 15, "bold": True, "color": (150, 30, 30)}, 20),
                (item.when, SMALL, 11),
                (name, {"size": program.keynote_name_size, "bold": True},
                 program.keynote_name_size + 4),
                (f"{p.title}, {p.org}", BODY, 12),
                (item.talk, TITLE, 12),
                (item.bio, DESC, 11),
            ], 12)
            truth.person(rel, page, "keynote", name, item.speaker, p.org, p.title, **meta)
        else:
            pieces = [(item.when, SMALL, 11), (item.title, TITLE, 12)]
            if item.desc:
                pieces.append((item.desc, DESC, 11))
            found = []
            for line in item.lines:
                text, people = render_line(line, namer)
                pieces.append((text, BODY, 12))
                found += [(line.role, *person) for person in people]
            page = flow.place(pieces, 10)
            for role, name, mention, title, org in found:
                truth.person(rel, page, role, name, mention, org, title, **meta)

    # Sponsors and exhibitors: one full-width page.
    doc.add_page()
    page = doc.page_no()
    doc.style(18, bold=True, color=(20, 40, 90))
    doc.set_xy(MARGIN, TOP)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 24, "Thank You to Our Sponsors", align="C")
    per_row = {"Platinum": 1, "Gold": 2, "Silver": 3}
    for tier, orgs in program.sponsors:
        doc.ln(6)
        doc.style(11, bold=True, color=(120, 90, 20))
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 16,
                       f"{tier} Level" if program.slug == "hala" else f"{tier} Sponsors",
                       align="C")
        n = per_row[tier]
        for i in range(0, len(orgs), n):
            row = orgs[i:i + n]
            doc.style(12 if tier == "Platinum" else 10)
            cell_w = (PAGE_W - 2 * MARGIN) / len(row)
            y = doc.get_y()
            for j, org in enumerate(row):
                doc.set_xy(MARGIN + j * cell_w, y)
                doc.cell(cell_w, 15, org, align="C")
                truth.org(rel, page, "sponsor", org, tier=tier, **meta)
            doc.set_xy(MARGIN, y + 16)
    doc.ln(14)
    doc.style(18, bold=True, color=(20, 40, 90))
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 24, "Exhibitor Directory", align="C")
    doc.ln(4)
    if program.exhibitor_style == "table":
        doc.style(9.5)
        with doc.table(col_widths=(3, 1), width=300, text_align=("LEFT", "CENTER"),
                       line_height=14) as table:
            header = table.row()
            header.cell("Exhibitor")
            header.cell("Booth")
            for org, booth in program.exhibitors:
                row = table.row()
                row.cell(org)
                row.cell(booth)
                truth.org(rel, page, "exhibitor", org, booth=booth, **meta)
    else:
        doc.style(10)
        for org, booth in program.exhibitors:
            doc.set_x(MARGIN + 100)
            dots = "." * max(4, int((300 - doc.get_string_width(org + booth)) /
                                    doc.get_string_width(".")) - 2)
            doc.cell(320, 14, f"{org} {dots} {booth}")
            doc.ln(14)
            truth.org(rel, page, "exhibitor", org, booth=booth, **meta)

    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(path))
    return path


def make_glance(doc: Doc, program: Program, rel: str, truth: Truth) -> None:
    """A "Program at a Glance" page: per day a Time | Event | Location table."""
    days: list[tuple[str, list[tuple[str, str, str]]]] = []
    for item in program.items:
        if isinstance(item, Heading) and not any(ch.isdigit() for ch in item.text.split(",")[0]):
            days.append((item.text, [("7:30 AM", "Registration and Breakfast", "Foyer")]))
        elif isinstance(item, Heading):
            cut = next(i for i, ch in enumerate(item.text) if ch.isdigit())
            days[-1][1].append((_start(item.text[cut:]), item.text[:cut].strip(),
                                "See session listings"))
        elif isinstance(item, Keynote):
            when, room = (part.strip() for part in item.when.split("|"))
            name = item.speaker.person.canonical
            days[-1][1].append((_start(when), f"{item.heading}: {name}", room))
            truth.person(rel, doc.page_no() + 1, "keynote", name, item.speaker, "",
                         association=program.slug, year=program.year)
    days[0][1].append(("12:00 PM", "Lunch in the Exhibit Hall", "Exhibit Hall"))
    days[0][1].append(("5:00 PM", "Welcome Reception with Exhibitors", "Exhibit Hall"))
    doc.add_page()
    doc.style(18, bold=True, color=(20, 40, 90))
    doc.set_xy(MARGIN, TOP)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 24, "Program at a Glance")
    for day, rows in days:
        doc.ln(10)
        doc.style(12, bold=True, color=(20, 40, 90))
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 16, day)
        doc.style(9.5)
        with doc.table(col_widths=(1, 3, 2), line_height=14, first_row_as_headings=False,
                       borders_layout="HORIZONTAL_LINES") as table:
            for cells in sorted(rows, key=_clock):
                row = table.row()
                for value in cells:
                    row.cell(value)


def _start(span: str) -> str:
    """`10:15 - 11:15 AM` -> `10:15 AM`; `11:00 AM - 12:00 PM` -> `11:00 AM`."""
    start, _, end = span.partition(" - ")
    return start if start.endswith("M") else f"{start} {end.split()[-1]}"


def _clock(row: tuple[str, str, str]) -> int:
    clock, meridiem = row[0].split()
    hours, minutes = (int(part) for part in clock.split(":"))
    return (hours % 12 + (12 if meridiem == "PM" else 0)) * 60 + minutes


def make_atpo_awards(out_dir: Path, namer: Namer, truth: Truth) -> Path:
    rel = "atpo/2023/atpo-2023-awards.pdf"
    meta = {"association": "atpo", "year": 2023}
    doc = Doc("Helvetica", "ATPO Awards of Excellence 2023", "Presented June 13, 2023",
              "ATPO Awards")
    doc.set_title("ATPO 2023 Awards of Excellence")
    doc.add_page()
    doc.style(20, bold=True, color=(20, 40, 90))
    doc.set_xy(MARGIN, 80)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 26, "2023 ATPO Awards of Excellence", align="C")
    doc.style(10, italic=True, color=(60, 60, 60))
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 13,
                   "Presented at the Awards Luncheon, Tuesday, June 13, Grand Ballroom. The "
                   "awards recognize members whose work has advanced the practice of people "
                   "operations.", align="C")
    doc.ln(14)
    for award, mention, citation in ATPO_AWARDS_2023:
        p = mention.person
        name = namer.name(mention)
        doc.style(12, bold=True, color=(120, 90, 20))
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 16, award)
        doc.style(10)
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 13, f"{name}, {p.title}, {p.org}")
        doc.style(9, italic=True, color=(60, 60, 60))
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 12, citation)
        doc.ln(10)
        truth.person(rel, 1, "award_recipient", name, mention, p.org, p.title, award=award,
                     **meta)
    doc.style(13, bold=True, color=(20, 40, 90))
    doc.set_x(MARGIN)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 18, "Awards Committee")
    for mention in ATPO_AWARD_COMMITTEE:
        p = mention.person
        name = namer.name(mention)
        doc.style(10)
        doc.set_x(MARGIN)
        doc.multi_cell(PAGE_W - 2 * MARGIN, 13, f"{name}, {p.org}")
        truth.person(rel, 1, "committee", name, mention, p.org, **meta)

    doc.add_page()
    doc.style(16, bold=True, color=(20, 40, 90))
    doc.set_xy(MARGIN, TOP)
    doc.multi_cell(PAGE_W - 2 * MARGIN, 22, "Past Recipients")
    doc.ln(4)
    doc.style(9.5)
    with doc.table(col_widths=(1, 4, 3, 4), line_height=14) as table:
        header = table.row()
        for label in ("Year", "Award", "Recipient", "Organization"):
            header.cell(label)
        for year, award, mention in ATPO_PAST_RECIPIENTS:
            p = mention.person
            name = namer.name(mention)
            row = table.row()
            for value in (year, award, name, p.org):
                row.cell(value)
            truth.person(rel, 2, "award_recipient", name, mention, p.org, award=award, **meta)
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(path))
    return path


def make_hala_awards(out_dir: Path, namer: Namer, truth: Truth) -> Path:
    rel = "hala/2024/hala-2024-award-recipients.csv"
    meta = {"association": "hala", "year": 2024}
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["Year", "Award", "Recipient", "Credentials", "Title", "Organization"])
        for award, mention in HALA_AWARDS_2024:
            p = mention.person
            name = namer.name(mention)
            writer.writerow([2024, award, name, p.creds, p.title, p.org])
            truth.person(rel, None, "award_recipient", name, mention, p.org, p.title,
                         award=award, **meta)
    return path


def make_sample(out_dir: Path, truth_path: Path) -> list[Path]:
    """Write every sample document under out_dir and the truth CSV; return the documents."""
    namer, truth = Namer(SEED), Truth()
    paths = [make_program(program, out_dir, namer, truth) for program in PROGRAMS]
    paths.append(make_atpo_awards(out_dir, namer, truth))
    paths.append(make_hala_awards(out_dir, namer, truth))
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(truth.rows, key=lambda r: (r["source_path"], str(r["page"]).zfill(3),
                                             r["role"], r["person_name"], r["org"]))
    with open(truth_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=TRUTH_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="corpus folder to write (e.g. data/raw)")
    parser.add_argument("--truth", type=Path, default=TRUTH_DEFAULT,
                        help=f"ground-truth CSV to write (default: {TRUTH_DEFAULT})")
    args = parser.parse_args()
    if args.truth.resolve().is_relative_to(args.out_dir.resolve()):
        parser.error("--truth must be outside the corpus folder")
    paths = make_sample(args.out_dir, args.truth)
    print(f"wrote {len(paths)} documents under {args.out_dir} and {args.truth}")  # noqa: T201


if __name__ == "__main__":
    main()
