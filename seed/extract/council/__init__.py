"""Security Council texts (resolutions, meetings-coverage press releases, UN News items) -> Mandate records."""
