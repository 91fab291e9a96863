"""Measures: exact 1D divergences and D*, 2D density estimates, modes covered, and the Theory page's closed forms."""
