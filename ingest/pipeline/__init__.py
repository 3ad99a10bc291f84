"""The spaCy pipeline: one module per component, factories registered in factories.py."""
