"""Every write to agreements and meetings, one function per use case."""
