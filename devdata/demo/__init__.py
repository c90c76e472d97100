"""Demo world for `seed_demo`: one module per app, each with `seed() -> str`."""
