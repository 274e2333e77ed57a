"""Organization kind from name cues: university, company, consultancy, recruiting firm, ..."""

from __future__ import annotations

import re

KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("law firm", r"\b(law|legal|attorneys?|llp|solicitors|barristers|& associates)\b"),
        ("recruiting firm", r"\b(recruit\w*|staffing|talent|search partners|headhunt\w*|"
                            r"executive search|placement)\b"),
        ("consultancy", r"\b(consult\w*|advisory|advisors|partners)\b"),
        ("university", r"\b(universit\w*|college|institute of technology|polytechnic|school|"
                       r"academy|hochschule|universidad|université|universität|ETH|MIT|UCLA|"
                       r"CMU|EPFL|KAIST)\b"),
        ("government", r"\b(ministry|department of|national science foundation|nsf|agency|"
                       r"government|federal|city of|state of|county|bureau|DARPA|NIH|NASA)\b"),
        ("association", r"\b(association|society|council|federation|institute|foundation|"
                        r"consortium|alliance|acm|ieee|sig\w+|chapter|network)\b"),
        ("company", r"\b(inc|corp|corporation|llc|ltd|gmbh|ag|plc|s\.a|co\.|company|"
                    r"technologies|systems|software|labs?|solutions|group|media|press|"
                    r"publishing|google|microsoft|amazon|ibm|oracle|intel|apple|meta|github|"
                    r"facebook|nvidia|adobe|cisco|sap|salesforce)\b"),
    )
)


def org_kind(name: str, roles: set[str] | frozenset[str] = frozenset()) -> str:
    """Kind of an organization from its name; sponsors and exhibitors default to company.

    >>> org_kind("Smith & Jones LLP")
    'law firm'
    >>> org_kind("Duke University")
    'university'
    >>> org_kind("Codio", {"exhibitor"})
    'company'
    """
    for kind, pattern in KIND_RULES:
        if pattern.search(name or ""):
            return kind
    if roles & {"sponsor", "exhibitor"}:
        return "company"
    return "other"
