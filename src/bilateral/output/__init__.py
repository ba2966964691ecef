"""Output layer: text summaries, JSON and the command line."""
