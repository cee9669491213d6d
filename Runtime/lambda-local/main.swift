print("lambda-local: not written yet")
