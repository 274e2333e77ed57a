"""Views of the processed tables: the HTML report, the notebooks' frames, one person's timeline
and the scoring against ground truth."""
