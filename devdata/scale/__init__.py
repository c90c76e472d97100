"""National-scale data for `seed_scale`: one module per app, each with
`seed_scale(scale: float) -> str`."""
