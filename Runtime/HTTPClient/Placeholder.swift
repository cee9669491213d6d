// HTTPClient: written by its issue.
