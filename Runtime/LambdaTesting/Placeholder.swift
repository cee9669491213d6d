// LambdaTesting: written by its issue.
