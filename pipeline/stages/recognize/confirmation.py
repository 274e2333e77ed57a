"""NER's word on the rules' candidates: which stay, and which pairs of names are a person and
her organization."""

from __future__ import annotations

from dataclasses import replace

from pipeline.tables import Appearance
from pipeline.text.nlp import entity_labels

# NER labels that rule a name-shaped candidate out (weaker candidates need PERSON).
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "EVENT", "PRODUCT"})


def confirm_candidates(
    candidates: list[tuple[Appearance, str, int]], nlp, contexts: dict[int, str] | None = None,
    pairs: set[int] | None = None,
) -> list[Appearance]:
    """Strong candidates stay unless NER calls them a place or date; names from a list of
    names stay unless NER calls them something else, or whatever NER calls them when NER calls
    at least as many of their list people as anything else (`Xiaodong He` alone reads as a
    place; issue 3); weak ones need NER to say PERSON."""
    if nlp is None or not candidates:
        return [app for app, strength, _ in candidates if strength in ("strong", "list")]
    # A strong candidate with its organization stays whatever NER says: NER reads the rest
    # (about half the names of a program), and `rule+ner` marks the names it confirmed.
    texts = [app.person_name for app, strength, group in candidates
             if app.method == "rule" and not _decided(strength, app, group)]
    labels = entity_labels(nlp, texts) if texts else {}
    if pairs:
        candidates = _resolve_pairs(candidates, nlp, pairs, labels)
    # A name below a title is kept only when NER calls it a person alone and in its context:
    # only those contexts are read.
    read = {group for app, strength, group in candidates
            if strength == "tail" and labels.get(app.person_name, "") == "PERSON"}
    in_context = _people_in_context(
        nlp, {group: text for group, text in (contexts or {}).items() if group in read})
    votes: dict[int, list[int]] = {}  # group -> [PERSON, other entity]
    for app, _, group in candidates:
        if group:
            label = labels.get(app.person_name, "")
            vote = votes.setdefault(group, [0, 0])
            vote[0] += label == "PERSON"
            vote[1] += label not in ("PERSON", "")
    kept = []
    for app, strength, group in candidates:
        if app.method != "rule":
            kept.append(app)
            continue
        label = labels.get(app.person_name, "")
        people_list = bool(group) and votes[group][0] >= max(1, votes[group][1])
        if strength == "tail":
            ok = label == "PERSON" and app.person_name in in_context.get(group, ())
        else:
            ok = (
                label == "PERSON"
                or (strength == "strong" and (
                    bool(app.org_name) or label not in NOT_PERSON_LABELS))
                or (strength == "list" and (people_list or label not in NOT_PERSON_LABELS))
            )
        if ok:
            kept.append(replace(app, method="rule+ner" if label == "PERSON" else "rule"))
    return kept


def _resolve_pairs(
    candidates: list[tuple[Appearance, str, int]], nlp, pairs: set[int], labels: dict[str, str],
) -> list[tuple[Appearance, str, int]]:
    """`Jane Doe, Goldman Sachs`: the second item is the first's organization when NER, reading
    the two together, calls it an organization (and, alone, no person) and the first no
    organization. `Ann Lee, Bo Chen` stays two people."""
    members: dict[int, list[int]] = {}
    for i, (_, _, group) in enumerate(candidates):
        if group in pairs:
            members.setdefault(group, []).append(i)
    members = {g: m for g, m in members.items() if len(m) == 2}
    if not members:
        return candidates
    keys = list(members)
    texts = [", ".join(candidates[i][0].person_name for i in members[g]) for g in keys]
    organization: dict[int, str] = {}  # candidate index -> its organization
    dropped: set[int] = set()
    for group, doc in zip(keys, nlp.pipe(texts, batch_size=256), strict=True):
        first, second = (candidates[i][0].person_name for i in members[group])
        found = {" ".join(ent.text.split()): ent.label_ for ent in doc.ents}
        if (found.get(second) == "ORG" and labels.get(second) != "PERSON"
                and found.get(first) != "ORG"):
            organization[members[group][0]] = second
            dropped.add(members[group][1])
    return [
        (replace(app, org_name=organization[i]), "strong", 0) if i in organization else
        (app, strength, group)
        for i, (app, strength, group) in enumerate(candidates) if i not in dropped
    ]


def _decided(strength: str, app: Appearance, group: int) -> bool:
    return strength == "strong" and bool(app.org_name) and not group


def _people_in_context(nlp, contexts: dict[int, str]) -> dict[int, set[str]]:
    """The PERSON entities NER finds in each context (a title and the name below it)."""
    keys = list(contexts)
    docs = nlp.pipe([contexts[k] for k in keys], batch_size=256)
    return {
        key: {" ".join(ent.text.split()) for ent in doc.ents if ent.label_ == "PERSON"}
        for key, doc in zip(keys, docs, strict=True)
    }
