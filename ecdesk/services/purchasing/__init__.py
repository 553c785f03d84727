"""Suppliers and purchasing: who supplies what, purchase orders, receiving at landed cost,
returns to suppliers, reorder suggestions and supplier scorecards."""
