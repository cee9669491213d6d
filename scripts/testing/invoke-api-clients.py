"""Checks `lambda-local serve` as boto3 and the AWS CLI see it: what they print and return must be what
they print and return against Lambda (AWS's Invoke API reference: status codes, X-Amz-Function-Error,
X-Amz-Log-Result, X-Amz-Executed-Version, and the errors ResourceNotFoundException,
InvalidRequestContentException and TooManyRequestsException). Run by scripts/test-invoke-api."""
import argparse
import base64
import json
import subprocess
import sys
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
parser.add_argument("--aws", required=True)
parser.add_argument("--serve-log", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()

# One attempt: botocore retries throttles by itself, which would hide the 429 under test.
lambda_client = boto3.client("lambda", endpoint_url=args.endpoint,
                             config=Config(retries={"total_max_attempts": 1}, read_timeout=30))
ARN = "arn:aws:lambda:us-east-1:123456789012:function:"
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))


def invoke(payload, **extra):
    response = lambda_client.invoke(FunctionName="RuntimeProbe", Payload=payload, **extra)
    body = response["Payload"].read() if "Payload" in response else b""
    return response, body


def client_error(call):
    try:
        call()
    except ClientError as error:
        return error
    return None


def aws(*arguments):
    return subprocess.run([args.aws, "lambda", "--endpoint-url", args.endpoint, *arguments],
                          capture_output=True, text=True, timeout=60)


# boto3: success, function error, tail.
response, body = invoke(b'{"action":"echo","payload":{"pet":"Rex"}}')
check("boto3 success is 200 with the payload",
      response["StatusCode"] == 200 and json.loads(body) == {"pet": "Rex"}, (response, body))
check("boto3 ExecutedVersion is $LATEST", response.get("ExecutedVersion") == "$LATEST", response)
check("boto3 has the request id", bool(response["ResponseMetadata"].get("RequestId")), response)
check("boto3 LogResult only when asked", "LogResult" not in response, response)

response, body = invoke(b'{"action":"throw","message":"boom"}')
check("boto3 function error is 200 with FunctionError Unhandled",
      response["StatusCode"] == 200 and response.get("FunctionError") == "Unhandled"
      and json.loads(body)["errorMessage"] == "boom" and json.loads(body)["errorType"] == "Function.ProbeError",
      (response, body))

response, _ = invoke(b'{"action":"log","message":"fed the cat"}', LogType="Tail")
tail = base64.b64decode(response.get("LogResult", "")).decode()
request_id = response["ResponseMetadata"]["RequestId"]
check("boto3 LogType Tail returns the invocation's log",
      tail.startswith(f"START RequestId: {request_id}") and "fed the cat" in tail
      and f"REPORT RequestId: {request_id}" in tail, tail)

# boto3: the errors, as exceptions with Lambda's code and message.
error = client_error(lambda: lambda_client.invoke(FunctionName="NoSuchFunction", Payload=b"{}"))
check("boto3 unknown function is ResourceNotFoundException with Lambda's message",
      error is not None and error.response["Error"]["Code"] == "ResourceNotFoundException"
      and error.response["Error"]["Message"] == f"Function not found: {ARN}NoSuchFunction"
      and error.response["ResponseMetadata"]["HTTPStatusCode"] == 404, error and error.response)

error = client_error(lambda: lambda_client.invoke(FunctionName="RuntimeProbe", Payload=b"not json"))
check("boto3 a payload that is not JSON is InvalidRequestContentException",
      error is not None and error.response["Error"]["Code"] == "InvalidRequestContentException"
      and error.response["Error"]["Message"].startswith("Could not parse request body into json: ")
      and error.response["ResponseMetadata"]["HTTPStatusCode"] == 400, error and error.response)

response, _ = invoke(b'{"action":"echo","payload":1}', InvocationType="Event")
check("boto3 Event is 202", response["StatusCode"] == 202, response)
response, _ = invoke(b"{}", InvocationType="DryRun")
check("boto3 DryRun is 204", response["StatusCode"] == 204, response)

# boto3: concurrency. serve runs with --max-environments 2: two invocations run at once, a third is throttled.
def sleeping(outcomes):
    started = time.monotonic()
    error = client_error(lambda: outcomes.append(invoke(b'{"action":"sleep","ms":2000}')[0]["StatusCode"]))
    if error is not None:
        outcomes.append(error.response)
    outcomes.append(time.monotonic() - started)

time.sleep(1)  # the Event above has finished (a 0 ms echo), so both environments are idle
outcomes = [[], [], []]
threads = [threading.Thread(target=sleeping, args=(outcome,)) for outcome in outcomes]
started = time.monotonic()
for thread in threads:
    thread.start()
    time.sleep(0.2)
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
statuses = [outcome[0] for outcome in outcomes]
check("boto3 two invocations run in parallel environments",
      statuses[:2] == [200, 200] and elapsed < 3.9, (statuses, elapsed))
throttled = statuses[2] if isinstance(statuses[2], dict) else {}
check("boto3 a third beyond --max-environments is TooManyRequestsException",
      throttled.get("Error", {}).get("Code") == "TooManyRequestsException"
      and throttled.get("Reason") == "ReservedFunctionConcurrentInvocationLimitExceeded"
      and throttled.get("ResponseMetadata", {}).get("HTTPStatusCode") == 429, statuses[2])

# The AWS CLI (v1, which sends --payload as it is): what a user sees.
out = f"{args.work}/out.json"
run = aws("invoke", "--function-name", "RuntimeProbe",
          "--payload", '{"action":"log","message":"from the cli"}', "--log-type", "Tail", out)
printed = json.loads(run.stdout) if run.returncode == 0 else {}
check("aws lambda invoke --log-type Tail prints StatusCode, LogResult and ExecutedVersion",
      printed.get("StatusCode") == 200 and printed.get("ExecutedVersion") == "$LATEST"
      and "from the cli" in base64.b64decode(printed.get("LogResult", "")).decode()
      and json.load(open(out)) == {"logged": True}, (run.returncode, run.stdout, run.stderr))

run = aws("invoke", "--function-name", "RuntimeProbe",
          "--payload", '{"action":"throw","message":"boom"}', out)
printed = json.loads(run.stdout) if run.returncode == 0 else {}
check("aws lambda invoke of a failing function prints FunctionError Unhandled",
      printed.get("FunctionError") == "Unhandled", (run.returncode, run.stdout, run.stderr))

run = aws("invoke", "--function-name", "NoSuchFunction", out)
check("aws lambda invoke of an unknown function prints Lambda's message",
      run.returncode != 0 and "An error occurred (ResourceNotFoundException) when calling the Invoke operation: "
      f"Function not found: {ARN}NoSuchFunction" in run.stderr, (run.returncode, run.stderr))

run = aws("invoke", "--function-name", "RuntimeProbe",
          "--payload", "not json", out)
check("aws lambda invoke of a payload that is not JSON prints InvalidRequestContentException",
      run.returncode != 0 and "(InvalidRequestContentException) when calling the Invoke operation: "
      "Could not parse request body into json: " in run.stderr, (run.returncode, run.stderr))

with open(args.serve_log) as log:
    text = log.read()
check("a payload that is not JSON never reached the function", "not json" not in text, text[-2000:])

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
