"""Recognize: people and organizations in roles, from layout cues, line rules and spaCy NER.

`find_appearances` (appearances.py) is the stage. Its parts, by what they know:

- reader.py: the layout-cue state machine over a document's blocks, in order;
- labels.py: section headings, role labels (`Chair:`), sponsor tiers, award and time cues;
- people.py: the candidates of one logical line, stacked entries, surname-first columns;
- organizations.py: sponsor and exhibitor lines, booth numbers, sponsored sessions;
- prose.py: running text (a letter's signer, tiers and committees named in a paragraph);
- directory.py: exhibitor directories, read by position;
- records.py: structured records, which pass straight through;
- confirmation.py: NER's word on the rules' candidates;
- unread.py: the NER fallback (free-text blocks, pages the rules named nobody on).

The role labels and headings of other languages come from the lexicon
(pipeline/text/data/lexicon.yaml); the line parsers from pipeline.text.
"""

from pipeline.stages.recognize.appearances import find_appearances

__all__ = ["find_appearances"]
