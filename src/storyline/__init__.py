"""storyline: a cited, structured account of an evolving crisis from a stream of news."""
__version__ = "0.1.0"
