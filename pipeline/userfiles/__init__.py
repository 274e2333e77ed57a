"""The files a user writes (sources.csv, merge/split/aliases.csv, outreach.csv, suppress.csv, a
weights YAML): read and validated here, handed to the stages as values."""
