"""The election itself: bodies, electoral units, candidates and polling areas."""
