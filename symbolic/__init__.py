"""infoderive's engine: quantities, derivations, verification, LaTeX out and in.

Numeric reference implementations live in :mod:`symbolic.numeric`, pytest
helpers in :mod:`symbolic.testing`.
"""
