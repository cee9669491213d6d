// LocalLambda: written by its issue.
