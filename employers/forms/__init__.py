"""Forms, one module per topic."""
