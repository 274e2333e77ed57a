"""What a name, an organization, a role label is: the lexicon and the string rules every stage
and reader shares. Imports nothing of the stages, the runner, the user's files or the views."""
