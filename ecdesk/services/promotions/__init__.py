"""Promotions (#14): the promotion calendar's records, their validation and their checks.

terms.py says what a promotion is (type, parameters, window, stacking, funding); draft.py and
validation.py turn what a person types into one; store.py saves and reads them. The arithmetic
that applies promotions to a basket is the pricing module's (services/pricing/promotion_engine.py).
"""
