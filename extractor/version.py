"""The extractor's version: provenance of every extraction, graph and stored document."""

__version__ = "0.1.0"
