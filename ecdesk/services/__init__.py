"""Use cases: verb-named functions that take a unit of work and return DTOs. No Qt here."""
