"""cityprofile: sourced city profiles from folders of news articles."""

__version__ = "0.1.0"
