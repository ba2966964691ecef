"""Mentions layer: dates, people, places and organisations found in an article."""
