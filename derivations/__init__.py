"""infoderive's catalogue of derivations and its command-line interface."""
