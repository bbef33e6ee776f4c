"""Vietnamese text helpers: slugs, dates and search folding (pure functions, no models)."""
