// LambdaEvents: written by its issue.
