"""Views, one module per part."""
