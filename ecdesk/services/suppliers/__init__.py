"""Suppliers: who supplies what (supplier items, price breaks), and how well (scorecards).
Purchase orders are services/purchasing."""
