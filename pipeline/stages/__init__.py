"""The stages: pure functions over tables, in the order a run calls them (DESIGN.md §2).

None of them reads or writes a file, starts a process or looks at the environment: what they
need from disk (the documents' blocks, the user's overrides, outreach notes and weights) is
handed to them as values by :mod:`pipeline.run`."""
