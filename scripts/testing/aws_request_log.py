"""What IAM authorises for one AWS request, and a WSGI wrapper that logs it for every request moto serves.

Each logged line is one request:
  {"accessKeyId": "...", "service": "dynamodb", "status": 200,
   "actions": [{"action": "dynamodb:UpdateItem", "resource": "arn:aws:dynamodb:us-east-1:123456789012:table/PetFoods"}]}
`scripts/check-iam-actions` compares these with what template.yaml grants each function (the local stack
gives every function its own access key id, so the key says which function sent the request).

The action is the one IAM evaluates, which is not always the operation's name: DynamoDB's
TransactWriteItems and TransactGetItems are authorised per item (UpdateItem, PutItem, ConditionCheckItem,
DeleteItem, GetItem), and an S3 GET or HEAD of a missing key needs s3:ListBucket to be answered 404
instead of 403 (S3 user guide, "GetObject" / "HeadObject" permissions).
"""
import io
import json
import os
import re
import threading
from urllib.parse import parse_qs, unquote

PARTITION = "aws"
# moto's account unless MOTO_ACCOUNT_ID says otherwise; its ARNs carry the same one.
ACCOUNT = os.environ.get("MOTO_ACCOUNT_ID", "123456789012")

CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request")
TRANSACT_ITEM_ACTIONS = {"Update": "UpdateItem", "Put": "PutItem", "ConditionCheck": "ConditionCheckItem",
                         "Delete": "DeleteItem", "Get": "GetItem"}


def signer(authorization):
    """(access key id, region, signing service) from a SigV4 Authorization header, or None."""
    match = CREDENTIAL.search(authorization or "")
    return match.groups() if match else None


def arn(service, region, resource):
    return f"arn:{PARTITION}:{service}:{region}:{ACCOUNT}:{resource}"


def iam_actions(service, region, method, path, query, headers, body, status):
    """[(IAM action, resource ARN)] one request needs; "*" when the request names no resource."""
    target = headers.get("X-Amz-Target")
    if service == "s3":
        return s3_actions(method, path, query, status)
    form = parse_qs(body.decode(errors="replace")) if headers.get("Content-Type", "").startswith(
        "application/x-www-form-urlencoded") else {}
    action = (query.get("Action") or form.get("Action") or [None])[0]
    if action:  # query protocol
        return [(f"{service}:{action}", "*")]
    if not target:
        return [(f"{service}:{method} {path}", "*")]
    operation = target.rsplit(".", 1)[-1]
    try:
        payload = json.loads(body or b"{}")
    except ValueError:
        payload = {}
    if service == "dynamodb":
        return dynamodb_actions(region, operation, payload)
    return [(f"{service}:{operation}", resource)
            for resource in json_resources(service, region, payload) or ["*"]]


def dynamodb_actions(region, operation, payload):
    def table(name):
        return arn("dynamodb", region, f"table/{name}")

    if operation in ("TransactWriteItems", "TransactGetItems"):
        return [(f"dynamodb:{TRANSACT_ITEM_ACTIONS[kind]}", table(item[kind]["TableName"]))
                for item in payload.get("TransactItems", []) for kind in item if kind in TRANSACT_ITEM_ACTIONS]
    if operation in ("BatchWriteItem", "BatchGetItem"):
        return [(f"dynamodb:{operation}", table(name)) for name in payload.get("RequestItems", {})]
    name = payload.get("TableName")
    if not name:
        return [(f"dynamodb:{operation}", "*")]
    index = payload.get("IndexName")
    return [(f"dynamodb:{operation}", table(name) + (f"/index/{index}" if index else ""))]


def json_resources(service, region, payload):
    """The resources a JSON-protocol request names, as IAM writes their ARNs."""
    if service == "ssm":
        names = payload.get("Names") or ([payload["Name"]] if "Name" in payload else [])
        return [arn("ssm", region, "parameter" + (name if name.startswith("/") else "/" + name)) for name in names]
    if service == "secretsmanager" and "SecretId" in payload:
        secret = payload["SecretId"]
        # IAM matches the full ARN (name plus a random suffix); a call by name is shown as name-*.
        return [secret if secret.startswith("arn:") else arn("secretsmanager", region, f"secret:{secret}-*")]
    if service == "cognito-idp" and "UserPoolId" in payload:
        return [arn("cognito-idp", region, f"userpool/{payload['UserPoolId']}")]
    if service == "sqs" and "QueueUrl" in payload:
        return [arn("sqs", region, payload["QueueUrl"].rstrip("/").rsplit("/", 1)[-1])]
    if service == "events" and "Entries" in payload:
        return sorted({arn("events", region, f"event-bus/{entry.get('EventBusName') or 'default'}")
                       for entry in payload["Entries"]})
    return []


def s3_actions(method, path, query, status):
    """S3's REST API, path style (the local stack's endpoint is overridden, so clients use path style)."""
    bucket, _, key = unquote(path).lstrip("/").partition("/")
    bucket_arn = f"arn:{PARTITION}:s3:::{bucket}"
    subresources = set(query) - {"list-type", "prefix", "delimiter", "max-keys", "continuation-token",
                                 "start-after", "encoding-type", "fetch-owner", "versionId", "x-id"}
    if subresources:
        return [(f"s3:{method} ?{','.join(sorted(subresources))}", key and f"{bucket_arn}/{key}" or bucket_arn)]
    if not key:
        action = {"GET": "s3:ListBucket", "HEAD": "s3:ListBucket", "PUT": "s3:CreateBucket",
                  "DELETE": "s3:DeleteBucket"}.get(method, f"s3:{method} bucket")
        return [(action, bucket_arn)]
    action = {"GET": "s3:GetObject", "HEAD": "s3:GetObject", "PUT": "s3:PutObject",
              "DELETE": "s3:DeleteObject"}.get(method, f"s3:{method} object")
    actions = [(action, f"{bucket_arn}/{key}")]
    if method in ("GET", "HEAD") and status == 404:
        actions.append(("s3:ListBucket", bucket_arn))
    return actions


class RequestLog:
    """WSGI middleware: serves each request with `app`, then appends its line to `path`."""

    def __init__(self, app, path):
        self.app = app
        self.file = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        credential = signer(environ.get("HTTP_AUTHORIZATION"))
        if credential is None:  # moto's own API (/moto-api/) and unsigned probes are no AWS call
            return self.app(environ, start_response)
        body = self.read_body(environ)
        statuses = []

        def recording_start_response(status, headers, exc_info=None):
            statuses.append(int(status.split()[0]))
            return start_response(status, headers, exc_info)

        response = self.app(environ, recording_start_response)
        key_id, region, service = credential
        headers = {name[5:].replace("_", "-").title(): value for name, value in environ.items()
                   if name.startswith("HTTP_")}
        headers["Content-Type"] = environ.get("CONTENT_TYPE", "")
        headers["X-Amz-Target"] = environ.get("HTTP_X_AMZ_TARGET")
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        status = statuses[0] if statuses else None
        try:
            actions = iam_actions(service, region, environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/"),
                                  query, headers, body, status)
        except (KeyError, TypeError, AttributeError) as error:  # a request too odd to read: say so in the log
            actions = [(f"{service}:unreadable request ({error!r})", "*")]
        line = json.dumps({"accessKeyId": key_id, "service": service, "status": status,
                           "actions": [{"action": action, "resource": resource} for action, resource in actions]})
        with self.lock:
            self.file.write(line + "\n")
        return response

    @staticmethod
    def read_body(environ):
        """Reads the request body and puts it back, so that moto reads the same bytes."""
        length = environ.get("CONTENT_LENGTH")
        stream = environ["wsgi.input"]
        if length:
            body = stream.read(int(length))
        elif environ.get("wsgi.input_terminated"):
            body = stream.read()
        else:
            body = b""
        environ["wsgi.input"] = io.BytesIO(body)
        if length or body:
            environ["CONTENT_LENGTH"] = str(len(body))
        return body
