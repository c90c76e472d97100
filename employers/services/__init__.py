"""Every write that changes employers' state, one module per topic."""
