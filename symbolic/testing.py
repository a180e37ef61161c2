"""pytest plugin of infoderive (filled in by the numeric-reference work)."""
