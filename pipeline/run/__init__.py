"""Everything that touches the disk, starts a process or carries an option: the runner, the
store, the cache, the up-to-date check, the executors and the worker."""
