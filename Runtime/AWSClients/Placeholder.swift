// AWSClients: written by its issue.
