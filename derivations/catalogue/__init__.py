"""One module per identity of the source documents; each exposes ``derivation()``."""
