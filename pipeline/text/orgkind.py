"""Organization kind from name cues: university, company, consultancy, recruiting firm, ..."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

KINDS = ("university", "company", "consultancy", "recruiting firm", "law firm", "association",
         "government", "other")

# Well-known names first: their names carry no generic cue, or a misleading one ("Deloitte LLP"
# is not a law firm, "Harvard Law School" is a university).
KNOWN = (
    ("consultancy", r"deloitte|accenture|mckinsey|boston consulting|bcg|bain & company|"
                    r"bain and company|kpmg|pwc|pricewaterhouse\w*|ernst & young|\bey\b|"
                    r"capgemini|booz allen|gartner|forrester|mercer|willis towers watson|"
                    r"\baon\b|korn ferry advisory|oliver wyman|kearney|protiviti|grant thornton|"
                    r"\brsm\b|cognizant|infosys consulting|thoughtworks"),
    ("recruiting firm", r"robert half|korn ferry|heidrick|spencer stuart|egon zehnder|"
                        r"russell reynolds|michael page|page group|pagegroup|\bhays\b|adecco|"
                        r"randstad|manpower\w*|kforce|kelly services|aerotek|allegis|"
                        r"insight global|teksystems|hudson rpo|cielo|alexander mann|lhh"),
    ("law firm", r"jackson lewis|littler|ogletree|fisher phillips|seyfarth|baker mckenzie|"
                 r"dla piper|skadden|latham|kirkland|sidley|morgan lewis|jones day|"
                 r"proskauer|paul hastings|epstein becker|constangy|ford harrison"),
    ("university", r"\bmit\b|\bucla\b|\bcmu\b|\bepfl\b|\beth\b|\bkaist\b|\bkth\b|\bucl\b|"
                   r"\buiuc\b|\bucsd\b|\bnyu\b|\bunsw\b|\buc [a-z]|\bvirginia tech\b|"
                   r"\bgeorgia tech\b|\bcaltech\b|\btexas a&m\b|\bcuny\b|\bsuny\b"),
    ("government", r"\bnsf\b|\bnih\b|\bnasa\b|\bdarpa\b|\bnist\b|\bnoaa\b|\bcdc\b|\bfda\b|"
                   r"\bdod\b|\bdoe\b|\beeoc\b|\bdol\b|\bopm\b|\bgao\b|\bgsa\b|european commission|"
                   r"\bu\.?s\.? (army|navy|air force|department|dept)|\bnhs\b"),
    ("association", r"\bacm\b|\bieee\b|\bshrm\b|\bsig[a-z]{2,}\b|\bcsta\b|\baaai\b|\baaas\b|"
                    r"\bcipd\b|\batd\b|\bworldatwork\b|\bpmi\b|\bisaca\b|\bncwit\b|"
                    r"\bcomputing research association\b|\bcode\.org\b|linux foundation|"
                    r"python software foundation|apache software foundation|\bgnome\b|\bkde\b"),
)
# Generic cues, in order: the first kind whose pattern matches wins.
RULES = (
    ("university", r"\b(universit\w*|univ|college|polytechnic|polytechnique|politecnico|"
                   r"hochschule|fachhochschule|universidad\w*|universit[eéàä]\w*|universidade|"
                   r"institute of technology|school of|law school|business school|"
                   r"graduate school|academy of sciences|technion|ecole|école|"
                   r"instituto|institut\b|k-12|high school|public schools|school district)\b"),
    ("law firm", r"\b(law|legal|attorneys?|lawyers|solicitors|barristers|esq|"
                 r"law group|law offices?|p\.?c\.?)\b|\bllp\b(?=.*\b(law|legal)\b)|"
                 r"\bllp$"),
    ("recruiting firm", r"\b(recruit\w*|staffing|headhunt\w*|executive search|search group|"
                        r"search partners|talent acquisition|placement|personnel|"
                        r"rpo|job board|careers? (network|group))\b"),
    ("consultancy", r"\b(consult\w*|advisory|advisors|advisers|coaching|strategies|"
                    r"management partners|associates)\b"),
    ("government", r"\b(ministry|ministerio|ministère|bundesministerium|bundesamt|department of|"
                   r"dept\.? of|national science foundation|national institutes? of|agency|"
                   r"government|federal|city of|state of|county|bureau|commission|"
                   r"national laboratory|national lab|army|navy|air force|parliament|senate|"
                   r"council of the|municipality|gouvernement)\b"),
    ("association", r"\b(association|associa\w+|society|societ\w+|council|federation|"
                    r"foundation|stiftung|consortium|alliance|chapter|network|institute|"
                    r"club|league|guild|union|coalition|committee|forum|initiative|"
                    r"non-?profit|e\.v\.?|ev|org)\b|\.org\b"),
    ("company", r"\b(inc|corp|corporation|llc|ltd|gmbh|ag|plc|s\.a|sa|sas|bv|nv|oy|ab|kk|"
                r"co\.|company|technologies|technology|systems|software|labs?|solutions|"
                r"group|media|press|publishing|publishers|analytics|networks|digital|cloud|"
                r"data|ai|bank|insurance|pharma\w*|health|healthcare|services|enterprises|"
                r"industries|holdings|partners|ventures|studios?|games|google|microsoft|"
                r"amazon|ibm|oracle|intel|apple|meta|github|gitlab|facebook|nvidia|adobe|"
                r"cisco|sap|salesforce|red hat|canonical|suse|mozilla|workday|linkedin|"
                r"indeed|zoom|slack|atlassian|pearson|wiley|elsevier|springer|mcgraw)\b|"
                r"\.(com|io|ai|co)\b"),
)
_KNOWN = tuple((kind, re.compile(p, re.I)) for kind, p in KNOWN)
_RULES = tuple((kind, re.compile(p, re.I)) for kind, p in RULES)


def org_kind(
    name: str, roles: Iterable[str] = frozenset(), *, variants: Iterable[str] = ()
) -> str:
    """Kind of an organization from its name (and printed variants); vendors default to company.

    >>> org_kind("Smith & Jones LLP")
    'law firm'
    >>> org_kind("Deloitte LLP")
    'consultancy'
    >>> org_kind("Harvard Law School")
    'university'
    >>> org_kind("Duke University")
    'university'
    >>> org_kind("Robert Half")
    'recruiting firm'
    >>> org_kind("U.S. Department of Labor")
    'government'
    >>> org_kind("Society for Human Resource Management")
    'association'
    >>> org_kind("Codio", {"exhibitor"})
    'company'
    >>> org_kind("Foo", variants=["Foo Inc."])
    'company'
    """
    texts = [name or "", *[v for v in variants if v and v != name]]
    for patterns in (_KNOWN, _RULES):
        for text in texts:
            for kind, pattern in patterns:
                if pattern.search(text):
                    return kind
    if set(roles) & {"sponsor", "exhibitor"}:
        return "company"
    return "other"


@cache
def countries() -> frozenset[str]:
    """Country and region names that may trail an organization (`Aarhus University, Denmark`),
    folded, from `data/countries.txt`."""
    text = resources.files("pipeline.text").joinpath("data/countries.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
