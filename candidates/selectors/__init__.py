"""Reads, one module per part."""
